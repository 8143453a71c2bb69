"""Files and documents for the main window: open, save, recovery, last year's report, exports.

A mixin of MainWindow (it uses the window's context, document, pages and status bar); the
import and export dialogs come from
from gui.import_ui and gui.export_ui, loaded when first used.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, QTimer

from forms.model import store
from forms.model import Report, new_report
from gui.autosave import doc_id_of, orphaned_recoveries
from gui.commands import SetPrior
from gui.document import Document
from gui.file_guard import FileGuard
from gui.settings import add_recent_file, remove_recent_file

SAMPLE = "sample/qinglan_county_2024.json"


class after_first_paint(QObject):  # noqa: N801 (used as a function)
    """Runs a callback once `widget` has painted: a zero timer alone would fire before the paint."""

    def __init__(self, widget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
            self.deleteLater()
        return False


class FileActions:
    """The file side of MainWindow."""

    # --- the document in and out -----------------------------------------------------------
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
        if modified:
            doc.mark_modified()
        self.set_document(doc)
        self.guard_file(path)
        if path is not None and (other := self.file_guard.other_editor()):
            self.context.interaction.info(self, "文件已在别处打开", f"“{Path(path).name}”已由{other}打开。"
                                          "两处同时修改时，保存前会提示您。")
        if check_later:
            after_first_paint(self, lambda: self.doc is doc and doc.recheck())
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
        from forms.importers.open import open_report  # the importers load with the first file opened
        try:
            report, native = open_report(path)
        except store.StoreError as exc:
            return self._open_failed(path, str(exc))
        except Exception as exc:  # an importer's failure must not take the editor down
            return self._open_failed(path, f"无法导入“{path.name}”：{exc}")
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
        guard = self.file_guard if self.file_guard is not None and self.file_guard.path == Path(path) else None
        if guard is not None and guard.changed_on_disk():
            choice = self.context.interaction.file_changed(self, Path(path).name, guard.other_editor())
            if choice == "save_as":
                return self.save_as()
            if choice == "reload":
                self.doc.mark_saved(Path(path))  # the clerk gave up this window's edits
                return self._reload(Path(path))
            if choice != "overwrite":
                return False
        try:
            store.save(self.doc.report, path)
        except store.StoreError as exc:
            self.context.interaction.error(self, "保存失败", str(exc))
            return False
        self.doc.mark_saved(path)
        if guard is not None:
            guard.saved()
        else:
            self.guard_file(Path(path))
        if self.autosaver is not None:
            self.autosaver.discard()
        self.context.settings.setValue("last_dir", str(Path(path).parent))
        add_recent_file(self.context.settings, Path(path))
        self.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    def guard_file(self, path: Path | None) -> None:
        if self.file_guard is not None:
            self.file_guard.release()
        self.file_guard = FileGuard(path) if path is not None else None

    def _reload(self, path: Path) -> bool:
        self._drop_document()
        return self.open_path(path)

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
        from gui import import_ui
        draft = import_ui.new_from_prior(self, self.context)
        if draft is None:
            return
        if self.autosaver is not None:
            self.autosaver.discard()
        self._drop_document()
        self.open_report(draft, untitled=draft.display_title, modified=True)

    def attach_prior(self) -> None:
        if self.doc is None:
            return
        from gui import import_ui
        prior = import_ui.attach_prior(self, self.context, self.doc.report)
        if prior is not None:
            self.doc.undo_stack.push(SetPrior(self.doc, prior))
            self.statusBar().showMessage(f"已附加上年报告：{prior.display_title}", 8000)

    def export(self, kind: str) -> None:
        if self.doc is None:
            return
        from gui import export_ui
        self.commit_pending()
        records = len(self.doc.report.exports)
        path = export_ui.export_report(self, self.context, self.doc.report, self.doc.path, kind)
        if path is None:
            return
        if len(self.doc.report.exports) > records:  # exported with open findings: recorded in the report
            if self.doc.path is not None and not self.doc.modified:
                self._save_to(self.doc.path)  # a saved report stays saved, the record in it
            else:
                self.doc.mark_modified()
        self.statusBar().showMessage(f"已导出：{path.name}（{path.parent}）", 10000)

    def preview(self) -> None:
        if self.doc is None:
            return
        from gui import export_ui
        self.commit_pending()
        export_ui.preview_html(self, self.doc.report)

    def choose_reference_doc(self) -> None:
        from gui import export_ui
        path = export_ui.choose_reference_doc(self, self.context)
        if path is not None:
            self.statusBar().showMessage(f"导出 Word 时将使用“{path.name}”中的样式", 10000)
