"""Two editors on one file: the second is told who has it open, and a save over a file changed since
it was read asks first — save elsewhere, reopen, overwrite or cancel — instead of the last save winning."""
from __future__ import annotations

import random

import pytest

from forms.model import store
from gui.main_window import MainWindow


def _second(qtbot, context, path):
    other = MainWindow(context)
    qtbot.addWidget(other)
    assert other.open_path(path)
    return other


def _names_the_other_editor(text: str) -> bool:
    return "计算机" in text and "进程" in text


def test_the_second_editor_is_told_who_has_the_file_open(qtbot, window, context, interaction, report_path):
    _second(qtbot, context, report_path)
    assert any(report_path.name in m and _names_the_other_editor(m) for m in interaction.infos)


@pytest.mark.parametrize("answer", ["cancel", "save_as", "reload", "overwrite"])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_save_over_a_file_changed_since_it_was_read_asks_first(qtbot, window, context, interaction,
                                                                   report_path, tmp_path, answer, seed):
    first, second = random.Random(seed).sample(range(10**6), 2)  # two different figures, one per editor
    window.doc.set_cell("applications", "granted", "natural_person", 0)
    assert window.save()
    other = _second(qtbot, context, report_path)
    window.doc.set_cell("applications", "granted", "natural_person", first)
    assert window.save()  # the first editor saves …
    other.doc.set_cell("applications", "granted", "natural_person", second)
    interaction.asked.clear()
    interaction.answers["file_changed"] = answer
    elsewhere = tmp_path / f"另存-{answer}.json"
    interaction.answers["save_path"] = elsewhere
    other.save()  # … then the second, which read the file before that save
    asked = [a for a in interaction.asked if isinstance(a, tuple)]
    assert asked and asked[0][1] == report_path.name and _names_the_other_editor(asked[0][2])
    on_disk = store.load(report_path).entered("applications", "granted", "natural_person")
    if answer == "overwrite":
        assert on_disk == second
    else:
        assert on_disk == first  # the first editor's save is not lost
    if answer == "save_as":
        assert store.load(elsewhere).entered("applications", "granted", "natural_person") == second
        assert other.doc.path == elsewhere
    if answer == "reload":
        assert other.doc.report.entered("applications", "granted", "natural_person") == first
    interaction.answers["save_changes"] = "discard"
    other.close()


def test_saving_again_a_file_nobody_else_changed_asks_nothing(window, interaction):
    window.doc.set_cell("applications", "granted", "natural_person", 5)
    assert window.save()
    window.doc.set_cell("applications", "granted", "natural_person", 6)
    assert window.save()
    assert not [a for a in interaction.asked if isinstance(a, tuple)]
