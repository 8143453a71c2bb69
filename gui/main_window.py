"""The main window: navigator, section pages, findings panel, menus, files and autosave."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QSplitter, QStackedWidget, QStyle,
                               QWidget)

from forms import store
from forms.findings import Finding, Location, Severity
from forms.model import Report, new_report
from gui.autosave import Autosaver, doc_id_of, orphaned_recoveries
from gui.commands import SetPrior
from gui.context import AppContext
from gui.document import Document
from gui.findings_panel import FindingsPanel
from gui.navigator import Navigator, page_key_of
from gui.pages import CoverPage, Page, table_page, text_page
from gui.names import APP_TITLE
from gui.settings import add_recent_file, recent_files, remove_recent_file
from gui.start_page import StartPage

SAMPLE = "sample/qinglan_county_2024.json"
EXPORTS = [("docx", "Word 文档…"), ("html", "网页…"), ("pdf", "PDF…")]


def _optional(module: str):
    """A module another part of the product provides; None until it is installed."""
    import importlib
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return None


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.doc: Document | None = None
        self.autosaver: Autosaver | None = None
        self.pages: dict[str, Page] = {}
        self.undo_group = QUndoGroup(self)
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")

        self.start_page: StartPage | None = None  # made when first needed: not on every start
        self.navigator = Navigator()
        self.page_stack = QStackedWidget()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.page_stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 1020])
        self.central = QStackedWidget()
        self.central.addWidget(self.splitter)
        self.setCentralWidget(self.central)
        self.findings_dock = QDockWidget("问题列表", self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.panel: FindingsPanel | None = None

        self._build_status_bar()
        self._build_actions()
        self.navigator.pageRequested.connect(self._navigator_requested)
        self.setAcceptDrops(True)  # a report dragged from Explorer opens
        # A set minimum keeps pages of different sizes from resizing the window (and offscreen
        # rendering, used for screenshots, from warning that it cannot pass size hints on).
        self.setMinimumSize(720, 480)
        self.resize(1360, 880)
        self.resizeDocks([self.findings_dock], [190], Qt.Orientation.Vertical)
        self._restore_layout()
        self._enable_document_actions(False)

    # --- chrome ------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.file_label = QLabel()
        self.state_label = QLabel()
        self.autosave_label = QLabel()
        self.counts_label = QLabel()
        for w in (self.file_label, self.state_label, self.autosave_label, self.counts_label):
            bar.addPermanentWidget(w)
        # Fixed sizes with room for the longest texts: a label that may change size makes every
        # change of its text re-lay out the whole window.
        fm, height = self.fontMetrics(), self.fontMetrics().height() + 6
        self.state_label.setFixedSize(fm.horizontalAdvance("有未保存的修改") + 12, height)
        self.autosave_label.setFixedSize(fm.horizontalAdvance("自动保存于 00:00:00") + 12, height)
        self.counts_label.setFixedSize(fm.horizontalAdvance("错误 999 · 警告 999 · 提示 999") + 12, height)

    def _action(self, text: str, slot, keys=None, icon: QStyle.StandardPixmap | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if keys is not None:
            seqs = keys if isinstance(keys, list) else [keys]
            shortcuts = []
            for k in seqs:
                for s in (QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey) else [QKeySequence(k)]):
                    if not s.isEmpty() and s not in shortcuts:
                        shortcuts.append(s)
            action.setShortcuts(shortcuts)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda checked=False: slot())
        return action

    def _build_actions(self) -> None:
        K, P = QKeySequence.StandardKey, QStyle.StandardPixmap
        a = self.actions_ = {
            "new": self._action("新建…", self.show_start_page, K.New, P.SP_FileIcon, "新建报告、从上年报告新建或打开"),
            "from_prior": self._action("从上年报告新建…", self.new_from_prior),
            "open": self._action("打开…", self.open_dialog, K.Open, P.SP_DialogOpenButton),
            "save": self._action("保存", self.save, K.Save, P.SP_DialogSaveButton),
            "save_as": self._action("另存为…", self.save_as, [K.SaveAs, "Ctrl+Shift+S"]),
            "attach_prior": self._action("附加/替换上年报告…", self.attach_prior),
            "close": self._action("关闭报告", self.close_document_to_start, K.Close),
            "quit": self._action("退出", self.close, [K.Quit, "Ctrl+Q"]),
            "copy": self._action("复制", lambda: self._edit("copy"), K.Copy),
            "cut": self._action("剪切", lambda: self._edit("cut"), K.Cut),
            "paste": self._action("粘贴", lambda: self._edit("paste"), K.Paste),
            "fill_zero": self._action("本表空白单元格填 0", self.fill_blanks_with_zero,
                                      tip="没有发生的事项按格式应填 0，而不是留空"),
            "next": self._action("下一个问题", lambda: self.step_finding(True), "F8", P.SP_ArrowDown),
            "previous": self._action("上一个问题", lambda: self.step_finding(False), "Shift+F8", P.SP_ArrowUp),
            "verify": self._action("将当前问题标记为已核实…", lambda: self.panel and self.panel.acknowledge_current()),
            "preview": self._action("预览网页", self.preview, None, P.SP_FileDialogContentsView),
            "about": self._action("关于", self.about),
        }
        # Fixed texts: an action that changed with every edit would re-lay out the toolbar and
        # repaint the whole window on each keystroke.
        self.undo_action = self._action("撤销", self.undo_group.undo, K.Undo, P.SP_ArrowBack)
        self.redo_action = self._action("重做", self.undo_group.redo, ["Ctrl+Y", K.Redo], P.SP_ArrowForward)
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.export_actions = {kind: self._action(text, lambda k=kind: self.export(k)) for kind, text in EXPORTS}
        self.export_actions["docx"].setIcon(self.style().standardIcon(P.SP_DriveFDIcon))

        menu = self.menuBar()
        file_menu = menu.addMenu("文件(&F)")
        for key in ("new", "from_prior", "open"):
            file_menu.addAction(a[key])
        self.recent_menu = file_menu.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        for key in ("save", "save_as"):
            file_menu.addAction(a[key])
        file_menu.addSeparator()
        file_menu.addAction(a["attach_prior"])
        file_menu.addSeparator()
        file_menu.addAction(a["close"])
        file_menu.addAction(a["quit"])
        edit_menu = menu.addMenu("编辑(&E)")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        for key in ("cut", "copy", "paste"):
            edit_menu.addAction(a[key])
        edit_menu.addSeparator()
        edit_menu.addAction(a["fill_zero"])
        check_menu = menu.addMenu("检查(&C)")
        for key in ("next", "previous", "verify"):
            check_menu.addAction(a[key])
        export_menu = menu.addMenu("导出(&X)")
        for action in self.export_actions.values():
            export_menu.addAction(action)
        export_menu.addSeparator()
        export_menu.addAction(a["preview"])
        view_menu = menu.addMenu("视图(&V)")
        view_menu.addAction(self.findings_dock.toggleViewAction())
        help_menu = menu.addMenu("帮助(&H)")
        help_menu.addAction(a["about"])

        tools = self.addToolBar("工具栏")
        tools.setObjectName("mainToolBar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in (a["new"], a["open"], a["save"], None, self.undo_action, self.redo_action, None,
                     a["previous"], a["next"], None, self.export_actions["docx"], a["preview"]):
            tools.addSeparator() if item is None else tools.addAction(item)
        self.document_actions = [a[k] for k in ("save", "save_as", "attach_prior", "close", "copy", "cut", "paste",
                                                "fill_zero", "next", "previous", "verify", "preview")]
        self.document_actions += list(self.export_actions.values())

    def _make_start_page(self) -> StartPage:
        sp = self.start_page = StartPage()
        self.central.addWidget(sp)
        sp.createRequested.connect(self.create_report)
        sp.fromPriorRequested.connect(self.new_from_prior)
        sp.openRequested.connect(self.open_dialog)
        sp.openPathRequested.connect(self.open_path)
        sp.sampleRequested.connect(self.open_sample)
        sp.backRequested.connect(self.show_editor)
        return sp

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files(self.context.settings)
        for i, path in enumerate(files, 1):
            self.recent_menu.addAction(f"&{i % 10} {path.name}", lambda p=path: self.open_path(p)).setToolTip(str(path))
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)

    # --- layout memory -----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        s = self.context.settings
        geometry, state, split = s.value("window/geometry"), s.value("window/state"), s.value("window/splitter")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)

    def save_layout(self) -> None:
        s = self.context.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.sync()

    # --- the document ------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        self._drop_document()
        self.doc = doc
        self.undo_group.addStack(doc.undo_stack)
        self.undo_group.setActiveStack(doc.undo_stack)
        self.panel = FindingsPanel(doc, self.context.interaction)
        self.panel.findingActivated.connect(self.go_to_finding)
        self.findings_dock.setWidget(self.panel)
        self.navigator.build(doc.report.spec)
        if self.context.recovery is not None:
            self.autosaver = Autosaver(doc, self.context.recovery, self.context.autosave_ms, self)
            self.autosaver.saved.connect(self._autosaved)
        doc.changed.connect(self._update_title)
        doc.modifiedChanged.connect(self._update_title)
        doc.findingsChanged.connect(self._findings_changed)
        doc.revealRequested.connect(self.go_to)
        self._findings_changed()
        self._update_title()
        self.show_editor()
        self.show_page("overview")

    def _drop_document(self) -> None:
        if self.doc is None:
            return
        if self.autosaver is not None:
            self.autosaver.close()
            self.autosaver.deleteLater()
            self.autosaver = None
        self.undo_group.removeStack(self.doc.undo_stack)
        for page in self.pages.values():
            self.page_stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.findings_dock.setWidget(QWidget())
        if self.panel is not None:
            self.panel.deleteLater()
            self.panel = None
        self.doc.deleteLater()
        self.doc = None
        self.autosave_label.clear()

    def _autosaved(self, at) -> None:
        self.autosave_label.setText(f"自动保存于 {at:%H:%M:%S}")

    def _update_title(self, *_) -> None:
        doc = self.doc
        if doc is None:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            for w in (self.file_label, self.state_label, self.counts_label):
                w.clear()
            return
        name = doc.path.name if doc.path else f"{doc.untitled_name}（未保存到文件）"
        self.setWindowTitle(f"{name}[*] - {doc.report.display_title} - {APP_TITLE}")
        self.setWindowModified(doc.modified)
        self.file_label.setText(str(doc.path) if doc.path else "尚未保存到文件")
        state = ("<span style='color:#ad4e00'>有未保存的修改</span>" if doc.modified
                 else "<span style='color:#389e0d'>已保存</span>")
        if not doc.modified and doc.path is None:
            state = "未修改"
        self.state_label.setText(state)  # a no-op when unchanged, unlike a style sheet

    def _findings_changed(self) -> None:
        doc = self.doc
        self.navigator.mark(doc)
        acknowledged = doc.report.acknowledged
        open_ = [f for f in doc.findings if f.severity is Severity.ERROR or f.fingerprint not in acknowledged]
        errors = sum(f.severity is Severity.ERROR for f in open_)
        warnings = sum(f.severity is Severity.WARNING for f in open_)
        infos = len(open_) - errors - warnings
        self.counts_label.setText(f"<span style='color:#cf1322'>错误 {errors}</span> · "
                                  f"<span style='color:#d48806'>警告 {warnings}</span> · 提示 {infos}")

    # --- pages and going to places ---------------------------------------------------------
    def _page(self, key: str) -> Page:
        page = self.pages.get(key)
        if page is None:
            spec = self.doc.report.spec
            if key == "cover":
                page = CoverPage(self.doc)
            elif spec.tables_of(key):
                page = table_page(self.doc, key)
            else:
                page = text_page(self.doc, key)
            for view in page.tables.values():
                view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
                view.itemDelegate().inputDiscarded.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.pages[key] = page
            self.page_stack.addWidget(page)
        return page

    def show_page(self, key: str) -> Page:
        page = self._page(key)
        self.page_stack.setCurrentWidget(page)
        self.navigator.select(key)
        return page

    def current_page(self) -> Page | None:
        page = self.page_stack.currentWidget()
        return page if isinstance(page, Page) else None

    def _navigator_requested(self, key: str, table: str | None) -> None:
        page = self.show_page(key)
        if table:
            page.reveal(Location(table=table))

    def go_to(self, loc: Location) -> bool:
        if self.doc is None:
            return False
        key = page_key_of(self.doc.report.spec, loc)
        if key is None:
            return False
        self.show_editor()
        page = self.show_page(key)
        QApplication.processEvents()  # lay the page out before scrolling inside it
        return page.reveal(loc)

    def go_to_finding(self, finding: Finding) -> None:
        self.go_to(finding.location)
        self.statusBar().showMessage(f"{finding.code}：{finding.message}", 10000)

    def step_finding(self, forward: bool) -> None:
        if self.panel is not None and self.panel.step(forward) is None:
            self.statusBar().showMessage("没有需要处理的问题。", 5000)

    def _edit(self, verb: str) -> None:
        w = QApplication.focusWidget()
        if hasattr(w, "copy_selection"):  # a table
            {"copy": w.copy_selection, "paste": w.paste,
             "cut": lambda: (w.copy_selection(), w.clear_selection("剪切"))}[verb]()
        elif hasattr(w, verb):
            getattr(w, verb)()

    def fill_blanks_with_zero(self) -> None:
        """In the table being worked in (or the first table of the page shown)."""
        page = self.current_page()
        tables = list(page.tables.values()) if page else []
        focused = [t for t in tables if t.hasFocus()]
        if not tables:
            self.statusBar().showMessage("请先打开一张表格。", 5000)
            return
        (focused or tables)[0].fill_blanks_with_zero()

    def show_start_page(self) -> None:
        page = self.start_page or self._make_start_page()
        page.set_recent(recent_files(self.context.settings))
        page.set_can_go_back(self.doc is not None)
        self.central.setCurrentWidget(page)
        self.findings_dock.setVisible(False)
        self._enable_document_actions(False)
        if self.doc is None:
            self._update_title()

    def _enable_document_actions(self, enabled: bool) -> None:
        for action in self.document_actions:
            action.setEnabled(enabled)

    def showEvent(self, event) -> None:
        if self.doc is None and self.central.currentWidget() is not self.start_page:
            self.show_start_page()  # a window without a report offers to make or open one
        super().showEvent(event)

    def show_editor(self) -> None:
        if self.doc is None:
            return
        self.central.setCurrentWidget(self.splitter)
        self.findings_dock.setVisible(True)
        self._enable_document_actions(True)

    # --- files -----------------------------------------------------------------------------
    def commit_pending(self) -> None:
        """What is typed but not yet entered (an open cell, a field with the cursor in it) counts."""
        page = self.current_page()
        if page is not None:
            page.commit_pending()

    def maybe_save(self) -> bool:
        """True when the current document may be closed (saved, or the clerk chose not to)."""
        self.commit_pending()
        if self.doc is None or not self.doc.modified:
            return True
        answer = self.context.interaction.ask_save_changes(self, self.doc.report.display_title)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def close_document(self) -> bool:
        if not self.maybe_save():
            return False
        if self.autosaver is not None:
            self.autosaver.discard()
        self._drop_document()
        self._update_title()
        return True

    def close_document_to_start(self) -> None:
        if self.close_document():
            self.show_start_page()

    def open_report(self, report: Report, path: Path | None = None, *, untitled: str = "", modified: bool = False,
                    doc_id: str | None = None, check_later: bool = False) -> Document:
        """Show a report. `check_later`: paint it first and check it right after (start-up)."""
        doc = Document(report, path, doc_id=doc_id, untitled_name=untitled or report.display_title,
                       check_now=not check_later)
        if check_later:
            QTimer.singleShot(0, doc.recheck)
        if modified:
            doc.mark_modified()
        self.set_document(doc)
        return doc

    def create_report(self, year: int, name: str, level: str) -> None:
        if self.close_document():
            self.open_report(new_report(year, name, level), modified=True)
            self.show_page("cover")

    def open_dialog(self) -> None:
        start = self.context.settings.value("last_dir") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path = self.context.interaction.open_path(self, "打开年报", Path(start))
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        path = Path(path)
        if self.doc is not None and self.doc.path and self.doc.path.resolve() == path.resolve():
            self.show_editor()
            return True
        try:
            report, native = store.load(path), True
        except store.NotOurFileError as not_ours:
            importers = _optional("forms.importers")
            if importers is None:
                return self._open_failed(path, str(not_ours))
            try:
                report, native = importers.import_report(path).report, False
            except store.StoreError as exc:
                return self._open_failed(path, str(exc))
            except Exception as exc:  # an importer's failure must not take the editor down
                return self._open_failed(path, f"无法导入“{path.name}”：{exc}")
        except store.StoreError as exc:
            return self._open_failed(path, str(exc))
        if not self.close_document():
            return False
        self.context.settings.setValue("last_dir", str(path.parent))
        if native:
            add_recent_file(self.context.settings, path)
            self.open_report(report, path)
        else:
            self.open_report(report, untitled=path.stem, modified=True)
            self.statusBar().showMessage(f"已从“{path.name}”导入，请核对后另存为年报文件。", 10000)
        return True

    def _open_failed(self, path: Path, message: str) -> bool:
        if not path.exists():
            remove_recent_file(self.context.settings, path)
        self.context.interaction.error(self, "无法打开", message)
        if self.doc is None:
            self.show_start_page()
        return False

    def open_sample(self, *, check_later: bool = False) -> bool:
        if not self.close_document():
            return False
        try:
            with resources.as_file(resources.files("resources").joinpath(SAMPLE)) as path:
                report = store.load(path)
        except (OSError, store.StoreError) as exc:  # an installation without its sample
            self.context.interaction.error(self, "无法打开示例年报", str(exc))
            self.show_start_page()
            return False
        self.open_report(report, untitled="示例年报", check_later=check_later)
        return True

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        folder = Path(self.context.settings.value("last_dir") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        suggested = self.doc.path or folder / f"{self.doc.report.display_title}.json"
        path = self.context.interaction.save_path(self, "另存为", suggested)
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        self.commit_pending()
        try:
            store.save(self.doc.report, path)
        except store.StoreError as exc:
            self.context.interaction.error(self, "保存失败", str(exc))
            return False
        self.doc.mark_saved(path)
        if self.autosaver is not None:
            self.autosaver.discard()
        self.context.settings.setValue("last_dir", str(Path(path).parent))
        add_recent_file(self.context.settings, Path(path))
        self.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    # --- recovery -----------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """After a crash: offer the newest autosaved edits. True when they were restored."""
        if self.context.recovery is None:
            return False
        found = orphaned_recoveries(self.context.recovery)
        if not found:
            return False
        rec = found[0]
        answer = self.context.interaction.offer_restore(self, rec)
        if answer == "discard":
            rec.path.unlink(missing_ok=True)
        if answer != "restore":
            return False
        self.open_report(rec.report, rec.source, untitled="恢复的报告", modified=True, doc_id=doc_id_of(rec))
        self.statusBar().showMessage(f"已恢复 {rec.saved_at:%H:%M:%S} 自动保存的内容，请检查后保存。", 15000)
        return True

    # --- last year's report, exports (provided by the import and export parts) --------------
    def new_from_prior(self) -> None:
        if not self.maybe_save():
            return
        import_ui = _optional("gui.import_ui")
        draft = import_ui.new_from_prior(self) if import_ui else self._draft_from_native_prior()
        if draft is None:
            return
        if self.autosaver is not None:
            self.autosaver.discard()
        self._drop_document()
        self.open_report(draft, untitled=draft.display_title, modified=True)

    def _pick_native_report(self, title: str) -> Report | None:
        path = self.context.interaction.open_path(self, title, None, "年报文件 (*.json)")
        if path is None:
            return None
        try:
            return store.load(path)
        except store.StoreError as exc:
            self.context.interaction.error(self, "无法打开", str(exc))
            return None

    def _draft_from_native_prior(self) -> Report | None:
        prior = self._pick_native_report("选择上年的年报文件")
        if prior is None:
            return None
        prefill = _optional("forms.prefill")
        if prefill is not None:
            return prefill.prefill(prior, prior.year + 1)
        draft = new_report(prior.year + 1, prior.organization.name, prior.organization.level)
        draft.organization = prior.organization.model_copy()
        co = draft.spec.carry_over
        for column in draft.spec.table(co["table"]).columns:
            value = prior.value(co["table"], co["from_prior_row"], column.key)
            if not column.computed and value is not None:
                draft.set_cell(co["table"], co["row"], column.key, value)
        draft.prior = prior.model_copy(update={"prior": None})
        return draft

    def attach_prior(self) -> None:
        if self.doc is None:
            return
        import_ui = _optional("gui.import_ui")
        prior = (import_ui.attach_prior(self, self.doc.report) if import_ui
                 else self._pick_native_report("选择上年的年报文件"))
        if prior is not None:
            self.doc.undo_stack.push(SetPrior(self.doc, prior))
            self.statusBar().showMessage(f"已附加上年报告：{prior.display_title}", 8000)

    def export(self, kind: str) -> None:
        if self.doc is None:
            return
        export_ui = _optional("gui.export_ui")
        if export_ui is None:
            self.context.interaction.info(self, "导出", "导出功能尚未安装，暂时不能导出。")
            return
        self.commit_pending()
        path = export_ui.export_report(self, self.doc.report, self.doc.path, kind)
        if path is not None:
            self.doc.mark_modified()  # the export is recorded in the report
            self.statusBar().showMessage(f"已导出到 {path}", 10000)

    def preview(self) -> None:
        if self.doc is None:
            return
        export_ui = _optional("gui.export_ui")
        if export_ui is None:
            self.context.interaction.info(self, "预览网页", "网页预览功能尚未安装。")
            return
        export_ui.preview_html(self, self.doc.report)

    def about(self) -> None:
        self.context.interaction.info(self, f"关于{APP_TITLE}",
                                      "政府信息公开工作年度报告编辑器\n按国办公开办函〔2021〕30号格式填写、校验和导出。")

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # --- closing -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.close()
            self.autosaver = None
        self.save_layout()
        event.accept()


def app_icon() -> QIcon:
    with resources.as_file(resources.files("resources").joinpath("icons/nianbao.svg")) as path:
        return QIcon(str(path)) if path.exists() else QIcon()
