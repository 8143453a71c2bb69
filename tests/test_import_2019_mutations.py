"""2019-format reports as they really come: rows with a value missing or one too many, rows of one
format inside the other. Never a traceback; a note that names the row."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.model import store
from forms.importers.sniff import read_document as build
from forms.importers.text import read_text

REPORT_2020 = """某县人民政府2020年政府信息公开工作年度报告
一、总体情况
2020年，本县做好政府信息公开工作。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
规章 | 0 | 0 | 0
规范性文件 | 5 | 5 | 30
第二十条第（五）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政许可 | 100 | +2 | 300
其他对外管理服务事项 | 5 | 0 | 1
第二十条第（六）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政处罚 | 10 | -1 | 20
行政强制 | 1 | 0 | 2
第二十条第（八）项
信息内容 | 上一年项目数量 | 本年增/减
行政事业性收费 | 3 | 0
五、存在的主要问题及改进情况
问题在于公开不够及时。
六、其他需要报告的事项
无。"""

# Rows of the 2021 format that turn up in 2019-format reports (and the other way round).
OTHER_FORMAT_ROWS = ["信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数", "行政规范性文件 | 3 | 1 | 40",
                     "行政许可 | 12", "行政事业性收费 | 25.5", "政府集中采购 | 6 | 251000元",
                     "三、本年度办理结果 / （六）其他处理 / 3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _import(text: str):
    try:
        return build(read_text(text))
    except (store.StoreError, ValueError):
        return None  # a clear refusal is fine; anything else is a crash


def test_a_2019_row_with_a_value_missing_is_named_not_a_crash():
    """The crash seen on a 2020 county report: a 2019-only row (其他对外管理服务事项) one value short."""
    result = _import(REPORT_2020.replace("其他对外管理服务事项 | 5 | 0 | 1", "其他对外管理服务事项 | 5 | 0"))
    assert result is not None and result.format == "national-2019"
    (note,) = [n for n in result.notes if "其他对外管理服务事项" in n.message and n.kind == "not_found"]
    assert "2 个数值" in note.message and "3 列" in note.message


def test_a_2019_row_with_a_value_too_many_is_named_not_a_crash():
    result = _import(REPORT_2020.replace("行政处罚 | 10 | -1 | 20", "行政处罚 | 10 | -1 | 20 | 7"))
    assert result is not None
    (note,) = [n for n in result.notes if "行政处罚" in n.message and n.kind == "not_found"]
    assert "4 个数值" in note.message
    # the row's cells were not read, not blank in the document: the source check says so
    (a6,) = [n for n in result.notes if n.kind == "source_check" and n.location == ("enforcement", "penalty", "decisions")]
    assert "未能从原文读取" in a6.message and "空白" not in a6.message


def _mutate(lines: list[str], edits: list[tuple[int, int, int]]) -> str:
    lines = list(lines)
    for kind, at, pick in edits:
        rows = [i for i, ln in enumerate(lines) if "|" in ln]
        if not rows:
            break
        i = rows[at % len(rows)]
        cells = lines[i].split(" | ")
        if kind == 0 and len(cells) > 1:  # a value missing
            lines[i] = " | ".join(cells[:-1])
        elif kind == 1:  # a value too many
            lines[i] = lines[i] + " | " + str(pick)
        elif kind == 2:  # a row of the other format
            lines.insert(i, OTHER_FORMAT_ROWS[pick % len(OTHER_FORMAT_ROWS)])
        else:  # a row lost
            del lines[i]
    return "\n".join(lines)


EDITS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 200), st.integers(0, 99)), min_size=1, max_size=6)


@SETTINGS
@given(EDITS)
def test_mutations_of_a_2020_report_in_the_2019_format(edits):
    _import(_mutate(REPORT_2020.splitlines(), edits))


@SETTINGS
@given(EDITS)
def test_mutations_of_a_real_2019_report(corpus_dir, edits):
    lines = (corpus_dir / "shanghai_govoffice_2019.txt").read_text(encoding="utf-8").splitlines()
    _import(_mutate(lines, edits))
