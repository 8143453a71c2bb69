"""The menus that reach the import and export parts: called with the agreed signatures."""
from __future__ import annotations

import importlib
import shutil

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from forms.model import store
from forms.model import new_report


def _module(monkeypatch, name, **functions):
    """Answer the import/export part's calls without its dialogs."""
    module = importlib.import_module(name)
    for key, func in functions.items():
        monkeypatch.setattr(module, key, func)
    return module


def test_a_clean_export_leaves_the_report_unmodified(qtbot, window, monkeypatch, tmp_path):
    calls = []

    def export_report(parent, context, report, source_path, kind):
        calls.append((parent, report, source_path, kind))
        return tmp_path / f"out.{kind}"

    _module(monkeypatch, "gui.export_ui", export_report=export_report, preview_html=lambda parent, report: None)
    window.export_actions["docx"].trigger()
    assert calls == [(window, window.doc.report, window.doc.path, "docx")]
    # nothing was open, so nothing was recorded: the report has not changed
    assert not window.doc.modified and "out.docx" in window.statusBar().currentMessage()


def test_new_from_prior_opens_the_draft_unsaved(qtbot, window, monkeypatch):
    draft = new_report(2025, "青岚县人民政府")
    _module(monkeypatch, "gui.import_ui", new_from_prior=lambda parent, context: draft)
    window.actions_["from_prior"].trigger()
    assert window.doc.report is draft and window.doc.path is None and window.doc.modified


def test_attaching_a_prior_is_undoable(qtbot, window, monkeypatch, sample_prior_path):
    prior = store.load(sample_prior_path)
    before = window.doc.report.prior
    _module(monkeypatch, "gui.import_ui", attach_prior=lambda parent, context, report: prior)
    window.actions_["attach_prior"].trigger()
    assert window.doc.report.prior is prior
    window.undo_action.trigger()
    assert window.doc.report.prior is before


def test_the_word_style_template_is_remembered_for_the_next_export(qtbot, window, monkeypatch, tmp_path):
    chosen = tmp_path / "本单位版头.docx"
    _module(monkeypatch, "gui.export_ui", choose_reference_doc=lambda parent, context: chosen)
    window.actions_["reference_doc"].trigger()
    assert "本单位版头.docx" in window.statusBar().currentMessage()


def test_dropping_a_report_on_the_window_opens_it(qtbot, window, tmp_path, sample_prior_path):
    dropped = tmp_path / "上年.json"  # a copy: opening a file puts its lock beside it, not into resources/
    shutil.copy(sample_prior_path, dropped)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert window.doc.path == dropped and window.doc.report.year == 2023
