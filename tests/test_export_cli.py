"""`nianbao export`: the gate, --force and the record in the native file, exit codes 0/1/2."""
from __future__ import annotations

import json
import shutil

import pytest

from forms.model import store
from forms.model.embed import from_json
from forms.model.embedded import read_embedded_docx, read_embedded_html
from gui.launcher import main


@pytest.fixture
def native(tmp_path, sample_path):
    path = tmp_path / "青岚县2024.json"
    shutil.copy(sample_path, path)
    return path


@pytest.fixture
def with_blank(native):
    data = json.loads(native.read_text(encoding="utf-8"))
    data["tables"]["applications"]["new_received"]["research"] = None
    native.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return native


def test_a_clean_report_exports_and_its_file_is_left_alone(native, tmp_path, capsys):
    before = native.read_bytes()
    rc = main(["export", str(native), "--docx", str(tmp_path / "a.docx"), "--html", str(tmp_path / "a.html")])
    assert rc == 0
    assert from_json(read_embedded_docx(tmp_path / "a.docx")) == store.load(native)
    assert from_json(read_embedded_html((tmp_path / "a.html").read_text(encoding="utf-8"))) == store.load(native)
    assert native.read_bytes() == before
    assert "已导出" in capsys.readouterr().out


def test_blank_cells_refuse_the_export_without_force(with_blank, tmp_path, capsys):
    before = with_blank.read_bytes()
    rc = main(["export", str(with_blank), "--docx", str(tmp_path / "a.docx")])
    assert rc == 1
    err = capsys.readouterr().err
    assert "空白" in err and "科研机构" in err and "--force" in err
    assert not (tmp_path / "a.docx").exists()
    assert with_blank.read_bytes() == before


def test_force_exports_and_records_the_open_findings_in_the_native_file(with_blank, tmp_path, capsys):
    rc = main(["export", str(with_blank), "--docx", str(tmp_path / "a.docx"), "--html", str(tmp_path / "a.html"),
               "--force"])
    assert rc == 0
    saved = store.load(with_blank)
    assert len(saved.exports) == 1
    record = saved.exports[0]
    assert record.formats == ["docx", "html"]
    assert any(line.startswith("A6 ") and "科研机构" in line for line in record.open_findings)
    assert from_json(read_embedded_docx(tmp_path / "a.docx")).exports == []  # the log stays in the office
    assert store.backup_path(with_blank).exists()  # the save kept the version before
    assert "已记录" in capsys.readouterr().out


def test_an_imported_file_is_never_rewritten(with_blank, tmp_path):
    exported = tmp_path / "别处.docx"
    assert main(["export", str(with_blank), "--docx", str(exported), "--force"]) == 0
    before = exported.read_bytes()
    assert main(["export", str(exported), "--html", str(tmp_path / "b.html"), "--force"]) == 0
    assert exported.read_bytes() == before
    assert (tmp_path / "b.html").exists()


@pytest.mark.parametrize("args, message", [
    (["{missing}", "--docx", "{out}"], "不存在"),
    (["{native}", "--docx", "{native}"], "输入文件"),
    (["{native}", "--docx", "{nodir}"], "不存在"),
    (["{native}"], "至少"),
    (["{native}", "--docx", "{out}", "--reference-doc", "{native}"], "参考文档"),
])
def test_unreadable_or_unwritable_files_exit_2_with_a_chinese_message(native, tmp_path, capsys, args, message):
    names = {"missing": tmp_path / "没有.json", "native": native, "out": tmp_path / "out.docx",
             "nodir": tmp_path / "没有这个文件夹" / "out.docx"}
    before = native.read_bytes()
    assert main(["export"] + [a.format(**names) for a in args]) == 2
    assert message in capsys.readouterr().err
    assert native.read_bytes() == before
    assert not (tmp_path / "out.docx").exists()


def test_export_is_listed_among_the_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "export" in capsys.readouterr().out
