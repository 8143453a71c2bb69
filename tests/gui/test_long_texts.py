"""A report with a 1 MB text section: the rules run on a worker thread, never on the GUI thread,
and a cell edit or a keystroke changes only what it must (no copy of the whole text per key)."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QInputMethodEvent

from forms.model import store
from forms.model.findings import Location
from gui import document as document_module
from gui.main_window import MainWindow
from gui.text_editor import TextEditor

KEY = "overview.on_request"


def long_section() -> str:
    """About 1 MB of ordinary paragraphs, each with its own figures (nothing repeats)."""
    return "".join(f"第{i}项：本机关持续推进政务公开，按期答复每一份申请，做好解读回应和平台建设工作。"
                   + (f"全年受理政府信息公开申请{i % 97}件，办结{i % 89}件。" if i % 50 == 0 else "") + "\n"
                   for i in range(24_000))


@pytest.fixture
def long_report(tmp_path, sample_path):
    report = store.load(sample_path)
    report.set_text(KEY, long_section())
    path = tmp_path / "long.json"
    store.save(report, path)
    return path


@pytest.fixture
def checks_on(monkeypatch):
    """The threads the rules ran on."""
    threads = []
    real = document_module.check

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)
    monkeypatch.setattr(document_module, "check", recording)
    return threads


def test_the_rules_on_a_1_mb_section_run_off_the_gui_thread_and_their_findings_follow(
        qtbot, context, long_report, checks_on):
    assert len(long_section()) > 1_000_000
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.open_path(long_report)
    window.show()
    doc = window.doc
    qtbot.waitUntil(lambda: doc.checked and not doc.checking, timeout=60_000)
    stated = [f for f in doc.findings if f.location.text == KEY]
    assert stated and all(f.code.startswith("N") for f in stated)  # the section's figures against 表三
    # A cell edit: the window answers at once, the findings follow from the worker thread.
    window.go_to(Location(table="applications"))
    model = window.current_page().tables["applications"].model()
    index = model.index_of("granted", "natural_person")
    model.setData(index, str(int(model.data(index)) + 1))
    assert doc.checking
    qtbot.waitUntil(lambda: not doc.checking and any(f.code == "A1" for f in doc.findings), timeout=60_000)
    # Typing in the long section: the model follows key by key, the rules on the worker.
    window.go_to(Location(text=KEY, span=(500_000, 500_000)))
    editor = next(e for e in window.findChildren(TextEditor) if e.key == KEY)
    cursor = editor.textCursor()
    cursor.setPosition(500_000)
    editor.setTextCursor(cursor)
    event = QInputMethodEvent()
    event.setCommitString("另")
    editor.inputMethodEvent(event)
    text = doc.report.text(KEY)
    assert len(text) == len(long_section()) + 1 and text[500_000] == "另"
    qtbot.waitUntil(lambda: not doc.checking, timeout=60_000)
    assert checks_on and threading.main_thread() not in checks_on
    doc.undo_stack.setClean()


def test_a_short_report_is_still_checked_at_once(window):
    """The sample: the findings are there as soon as the edit is (what every other test relies on)."""
    window.go_to(Location(table="applications"))
    model = window.current_page().tables["applications"].model()
    index = model.index_of("granted", "natural_person")
    model.setData(index, str(int(model.data(index)) + 1))
    assert not window.doc.checking and any(f.code == "A1" for f in window.doc.findings)
