"""The main window: navigator, section pages, findings panel, menus, files and autosave."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QGuiApplication, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QSplitter, QStackedWidget, QStyle,
                               QWidget)

from forms.model.findings import Finding, Location, Severity
from gui.autosave import Autosaver
from gui.context import AppContext
from gui.document import Document
from gui.file_guard import FileGuard
from gui.files import FileActions
from gui.findings_panel import FindingsPanel
from gui.icons import app_icon
from gui.names import APP_TITLE
from gui.quiet_label import QuietLabel
from gui.status_bar import StatusBar
from gui.navigator import Navigator, page_key_of
from gui.pages import Page, table_page, text_page
from gui.settings import recent_files
from gui import palette as colors

if TYPE_CHECKING:
    from gui.start_page import StartPage

EXPORTS = [("docx", "Word 文档…"), ("html", "网页…"), ("pdf", "PDF…")]
PREFERRED_SIZE = (1360, 880)


class MainWindow(FileActions, QMainWindow):
    cellSelected = Signal(str, str, str)  # table, row, column: the cell now current in a table
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.doc: Document | None = None
        self.autosaver: Autosaver | None = None
        self.file_guard: FileGuard | None = None
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
        self.setMinimumSize(640, 440)
        self.fit_to_screen()
        self._restore_layout()
        self._enable_document_actions(False)

    # --- chrome ------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = StatusBar(self)
        self.setStatusBar(bar)
        self.file_label = QLabel()
        self.state_label = QLabel()
        self.autosave_label = QLabel()
        self.counts_label = QuietLabel("错误 999 · 警告 999 · 提示 999")  # changes on every edit: repaints only itself
        self.progress_label = QuietLabel("表格已填 999/999 格（100%）")  # how much of the tables is filled: drafting's progress
        for w in (self.file_label, self.progress_label, self.state_label, self.autosave_label, self.counts_label):
            bar.addPermanentWidget(w)
        # Fixed sizes with room for the longest texts: a label that may change size makes every
        # change of its text re-lay out the whole window.
        fm, height = self.fontMetrics(), self.fontMetrics().height() + 6
        self.state_label.setFixedSize(fm.horizontalAdvance("有未保存的修改") + 12, height)
        self.autosave_label.setFixedSize(fm.horizontalAdvance("自动保存于 00:00:00") + 12, height)

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
        # A tooltip that says more than the label: what it does and its key.
        keys_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = text.rstrip("…")
        action.setToolTip("".join([name, f"（{keys_text}）" if keys_text else "", f"：{tip}" if tip else ""]))
        action.triggered.connect(lambda checked=False: slot())
        return action

    def _build_actions(self) -> None:
        K, P = QKeySequence.StandardKey, QStyle.StandardPixmap
        a = self.actions_ = {
            "new": self._action("新建…", self.show_start_page, K.New, P.SP_FileIcon, "新建报告、从上年报告新建或打开"),
            "from_prior": self._action("从上年报告新建…", self.new_from_prior),
            "merge": self._action("汇总下级单位报告…", self.show_merge_page,
                                  tip="读取各单位的年报，逐格相加，生成汇总报告"),
            "open": self._action("打开…", self.open_dialog, K.Open, P.SP_DialogOpenButton,
                                 "打开年报文件，或 Word / 网页 / PDF / 文本形式的年报（先导入）"),
            "save": self._action("保存", self.save, K.Save, P.SP_DialogSaveButton, "保存到年报文件（上一版本保留为 .bak）"),
            "save_as": self._action("另存为…", self.save_as, [K.SaveAs, "Ctrl+Shift+S"]),
            "attach_prior": self._action("附加/替换上年报告…", self.attach_prior),
            "close": self._action("关闭报告", self.close_document_to_start, K.Close),
            "quit": self._action("退出", self.close, [K.Quit, "Ctrl+Q"]),
            "copy": self._action("复制", lambda: self._edit("copy"), K.Copy),
            "cut": self._action("剪切", lambda: self._edit("cut"), K.Cut),
            "paste": self._action("粘贴", lambda: self._edit("paste"), K.Paste),
            "fill_zero": self._action("本表空白单元格填 0", self.fill_blanks_with_zero,
                                      tip="没有发生的事项按格式应填 0，而不是留空"),
            "next": self._action("下一个问题", lambda: self.step_finding(True), "F8", P.SP_ArrowDown,
                                 "转到问题列表中的下一个问题"),
            "previous": self._action("上一个问题", lambda: self.step_finding(False), "Shift+F8", P.SP_ArrowUp,
                                     "转到问题列表中的上一个问题"),
            "verify": self._action("将当前问题标记为已核实…", lambda: self.panel and self.panel.acknowledge_current()),
            "final_check": self._action("定稿检查…", self.final_check, "Ctrl+F8",
                                        tip="按导出定稿的标准检查：空白单元格也算错误"),
            "preview": self._action("预览网页", self.preview, None, P.SP_FileDialogContentsView,
                                    "查看导出的网页发布后的样子"),
            "reference_doc": self._action("Word 样式模板…", self.choose_reference_doc,
                                          tip="选用本单位的 Word 文件作为导出的样式（版头、字体、页边距）"),
            "guide": self._action("使用说明", self.show_guide, "F1", tip="一年的工作从头到尾怎样做"),
            "rules": self._action("校验规则", lambda: self.show_rule(None), tip="每条规则检查什么、怎样改正"),
            "about": self._action("关于", self.about),
        }
        # Fixed texts: an action that changed with every edit would re-lay out the toolbar and
        # repaint the whole window on each keystroke.
        self.undo_action = self._action("撤销", self.undo_group.undo, K.Undo, P.SP_ArrowBack, "撤销上一步修改")
        self.redo_action = self._action("重做", self.undo_group.redo, ["Ctrl+Y", K.Redo], P.SP_ArrowForward,
                                        "重做撤销了的修改")
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.export_actions = {kind: self._action(text, lambda k=kind: self.export(k), tip=f"导出为可发布的{text.rstrip('…')}")
                               for kind, text in EXPORTS}
        self.export_actions["docx"].setIcon(self.style().standardIcon(P.SP_DriveFDIcon))

        menu = self.menuBar()
        file_menu = menu.addMenu("文件(&F)")
        for key in ("new", "from_prior", "open", "merge"):
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
        check_menu.addSeparator()
        check_menu.addAction(a["final_check"])
        export_menu = menu.addMenu("导出(&X)")
        for action in self.export_actions.values():
            export_menu.addAction(action)
        export_menu.addSeparator()
        export_menu.addAction(a["preview"])
        export_menu.addAction(a["reference_doc"])
        view_menu = menu.addMenu("视图(&V)")
        view_menu.addAction(self.findings_dock.toggleViewAction())
        help_menu = menu.addMenu("帮助(&H)")
        help_menu.addAction(a["guide"])
        help_menu.addAction(a["rules"])
        help_menu.addSeparator()
        help_menu.addAction(a["about"])

        tools = self.addToolBar("工具栏")
        tools.setObjectName("mainToolBar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in (a["new"], a["open"], a["save"], None, self.undo_action, self.redo_action, None,
                     a["previous"], a["next"], None, self.export_actions["docx"], a["preview"]):
            tools.addSeparator() if item is None else tools.addAction(item)
        self.document_actions = [a[k] for k in ("save", "save_as", "attach_prior", "close", "copy", "cut", "paste",
                                                "fill_zero", "next", "previous", "verify", "final_check", "preview")]
        self.document_actions += list(self.export_actions.values())

    def _make_start_page(self) -> StartPage:
        from gui.start_page import StartPage  # its form widgets load when no report opens at start
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
    def fit_to_screen(self) -> None:
        """The preferred size where the screen has room, else the screen's free area (1366×768, 200 %)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen else QRect(0, 0, *PREFERRED_SIZE)
        frame = 40  # the title bar and borders the window manager adds
        width, height = min(PREFERRED_SIZE[0], free.width() - 8), min(PREFERRED_SIZE[1], free.height() - frame)
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
        self.move(free.x() + (free.width() - self.width()) // 2, free.y() + max(0, (free.height() - frame - self.height()) // 2))
        self.splitter.setSizes([min(340, self.width() // 4), self.width() - min(340, self.width() // 4)])
        self.resizeDocks([self.findings_dock], [max(120, min(190, self.height() // 4))], Qt.Orientation.Vertical)

    def _restore_layout(self) -> None:
        s = self.context.settings
        geometry, state, split = s.value("window/geometry"), s.value("window/state"), s.value("window/splitter")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)  # Qt moves it back onto a screen that has since shrunk
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
        self.panel.ruleRequested.connect(self.show_rule)
        self.findings_dock.setWidget(self.panel)
        self.navigator.build(doc.report.spec)
        if self.context.recovery is not None:
            self.autosaver = Autosaver(doc, self.context.recovery, self.context.autosave_ms, self)
            self.autosaver.saved.connect(self._autosaved)
        doc.changed.connect(self._update_title)
        doc.modifiedChanged.connect(self._update_title)
        doc.findingsChanged.connect(self._findings_changed)
        doc.cellsChanged.connect(self._show_progress)
        self._show_progress()
        doc.revealRequested.connect(self.go_to)
        self._findings_changed()
        self._update_title()
        self.show_editor()
        self.show_page("overview")
        if doc.report.consolidation is not None:
            from gui.merge_page import follow_consolidated
            follow_consolidated(self, doc)
        elif getattr(self, "breakdown_dock", None) is not None:
            self.breakdown_dock.hide()

    def _drop_document(self) -> None:
        if self.doc is None:
            return
        self.guard_file(None)
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
            for w in (self.file_label, self.progress_label, self.state_label, self.counts_label):
                w.clear()
            return
        if doc.path is not None:
            self.setWindowTitle(f"{doc.path.name}[*] - {doc.report.display_title} - {APP_TITLE}")
        else:  # the title once, not as the file name too
            self.setWindowTitle(f"{doc.untitled_name}（未保存）[*] - {APP_TITLE}")
        self.setWindowModified(doc.modified)
        # The name only (the whole path in its tooltip): a long path pushed over the status messages.
        self.file_label.setText(doc.path.name if doc.path else "尚未保存到文件")
        self.file_label.setToolTip(str(doc.path) if doc.path else "")
        state = (f"<span style='color:{colors.UNSAVED}'>有未保存的修改</span>" if doc.modified
                 else f"<span style='color:{colors.SAVED}'>已保存</span>")
        if not doc.modified and doc.path is None:
            state = "未修改"
        self.state_label.setText(state)  # a no-op when unchanged, unlike a style sheet

    def _show_progress(self, table: str | None = None) -> None:
        report = self.doc.report
        self.navigator.show_progress(self.doc, table)
        parts = [report.fill_progress(t.key) for t in report.spec.tables]
        filled, total = sum(p[0] for p in parts), sum(p[1] for p in parts)
        self.progress_label.setText(f"表格已填 {filled}/{total} 格（{filled * 100 // max(total, 1)}%）")
        self.progress_label.setToolTip("填写期间空白单元格只计入进度；表格标记为“本表已填完”后，或导出前检查时，才列为问题。")

    def final_check(self) -> None:
        """What the export gate will say, now: blanks count as errors."""
        if self.doc is None:
            return
        from forms.render.gate import assess, describe
        self.commit_pending()
        verdict = assess(self.doc.report)
        message = describe(verdict) if verdict.blocking else "定稿检查通过：没有错误，也没有空白单元格。"
        self.context.interaction.info(self, "定稿检查", message)

    def _findings_changed(self) -> None:
        doc = self.doc
        self.navigator.mark(doc)
        errors, warnings = doc.open.count(Severity.ERROR), doc.open.count(Severity.WARNING)
        infos = len(doc.open) - errors - warnings
        self.counts_label.set_runs([(f"错误 {errors}", QColor(colors.SEVERITY_INK["error"])), (" · ", None),
                                    (f"警告 {warnings}", QColor(colors.SEVERITY_INK["warning"])),
                                    (f" · 提示 {infos}", None)])

    # --- pages and going to places ---------------------------------------------------------
    def _page(self, key: str) -> Page:
        page = self.pages.get(key)
        if page is None:
            spec = self.doc.report.spec
            if key == "cover":
                from gui.cover_page import CoverPage
                page = CoverPage(self.doc)
            elif key == "compare":
                page = self._compare_page()
            elif spec.tables_of(key):
                page = table_page(self.doc, key)
            else:
                page = text_page(self.doc, key)
            for view in page.tables.values():
                view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
                view.itemDelegate().inputDiscarded.connect(lambda text: self.statusBar().showMessage(text, 8000))
                view.selectionModel().currentChanged.connect(lambda cur, _prev, v=view: self._cell_selected(v, cur))
            self.pages[key] = page
            self.page_stack.addWidget(page)
        return page

    def _compare_page(self) -> Page:
        from gui.compare_page import ComparePage, attach_earlier, export_from_page
        page = ComparePage(self.doc)
        page.cellRequested.connect(self.go_to)
        page.attachRequested.connect(lambda: attach_earlier(self))
        page.exportRequested.connect(lambda kind: export_from_page(self, kind))
        return page

    def _cell_selected(self, view, index) -> None:
        cell = view.model().cell_at(index)
        if cell is not None:
            self.cellSelected.emit(view.model().table.key, *cell)

    def show_merge_page(self) -> None:
        from gui.merge_page import show_merge_page
        show_merge_page(self)

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

    def _help(self):
        from gui.help import HelpWindow
        if getattr(self, "help_window", None) is None:
            self.help_window = HelpWindow(self)
        return self.help_window

    def show_guide(self) -> None:
        self._help().show_guide()

    def show_rule(self, code: str | None) -> None:
        self._help().show_rule(code)

    def about(self) -> None:
        from gui.help import app_version
        self.context.interaction.info(self, f"关于{APP_TITLE}",
                                      f"政府信息公开工作年度报告编辑器　版本 {app_version()}\n"
                                      "按国办公开办函〔2021〕30号格式填写、校验和导出。\n使用说明：帮助 → 使用说明（F1）。")

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
