"""Text XML cannot hold (Word's line and page breaks, control characters, U+FFFE) and a title longer
than Word's document properties hold: every export still works, the data embedded for next year's
import comes back exact, and the export notes say what was changed."""
from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings, strategies as st

from forms.importers import import_report
from forms.model import new_report
from forms.render import docx_bytes, html_text
from forms.render.view import export_notes, printable

HOSTILE = st.sampled_from(["\x0b", "\x0c", "\x01", "\x1f", "\ufffe", "\uffff", "\x7f", "\u2028"])
text_with_hostile = st.lists(st.sampled_from(list("青岚县人民政府信息公开。，")) | HOSTILE, min_size=1,
                             max_size=40).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(name=text_with_hostile, title=text_with_hostile, problems=text_with_hostile,
       title_repeat=st.sampled_from([1, 30]))
def test_text_xml_cannot_hold_is_exported_and_said(tmp_path_factory, name, title, problems, title_repeat):
    report = new_report(2024, name)
    report.title = title * title_repeat
    report.sections.problems = problems
    data = docx_bytes(report)
    document = docx.Document(io.BytesIO(data))
    assert len(document.core_properties.title) <= 255
    html_text(report)
    notes = export_notes(report)
    if any(ch in name + title + problems for ch in "\x01\x1f\ufffe\uffff\x7f"):
        assert any("控制字符" in n for n in notes)
    if any(ch in name + title + problems for ch in "\x0b\x0c\u2028"):
        assert any("换行" in n for n in notes)
    if len(printable(report.display_title).strip()) > 255:
        assert any("255" in n for n in notes)
    path = tmp_path_factory.mktemp("out") / "年报.docx"
    path.write_bytes(data)
    back = import_report(path).report  # our own export: the embedded data, exact
    assert back.organization.name == name and back.title == report.title
    assert back.sections.problems == problems
