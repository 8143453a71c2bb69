"""`nianbao new` and `nianbao check`, as a clerk or a batch script uses them."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from forms.model import store
from forms.commands import main
from forms.spec import load_spec

APPS = load_spec().table("applications")
SCRIPT = Path(sys.executable).parent / "nianbao"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "gui.launcher"]


def nianbao(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, encoding="utf-8", cwd=cwd,
                          timeout=60)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys, *args) -> tuple[int, list[dict]]:
    code, out, err = run(capsys, "check", *args, "--json")
    assert err == ""
    return code, json.loads(out)["findings"]


# --- the installed command, end to end ------------------------------------------------------
def _fill(path: Path, report_like_the_sample: dict) -> None:
    """What a script does: write figures and texts straight into the JSON file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tables"] = report_like_the_sample["tables"]
    data["sections"] = report_like_the_sample["sections"]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def test_new_then_fill_the_json_then_check(tmp_path, sample_path):
    path = tmp_path / "审计局2025.json"
    made = nianbao("new", "--year", 2025, "--org", "青岚县审计局", "--level", "政府部门", "-o", path)
    assert made.returncode == 0, made.stderr
    assert "2025" in made.stdout and path.exists()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["year"], data["organization"]["name"], data["organization"]["level"]) == (
        2025, "青岚县审计局", "政府部门")
    assert data["tables"]["applications"]["granted"]["natural_person"] is None

    empty = nianbao("check", path, "--json")
    assert empty.returncode == 1 and empty.stderr == ""
    findings = json.loads(empty.stdout)["findings"]
    assert {f["code"] for f in findings} == {"F1"}
    assert all(f["severity"] == "error" for f in findings)

    sample = json.loads(sample_path.read_text(encoding="utf-8"))
    _fill(path, sample)
    filled = nianbao("check", path, "--json")
    assert filled.returncode == 0, filled.stdout
    assert [f for f in json.loads(filled.stdout)["findings"] if f["severity"] == "error"] == []

    data = json.loads(path.read_text(encoding="utf-8"))
    data["tables"]["applications"]["granted"]["research"] = 3  # the sample has 1
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    broken = nianbao("check", path, "--json")
    assert broken.returncode == 1
    a1 = [f for f in json.loads(broken.stdout)["findings"] if f["code"] == "A1"]
    assert [f["location"]["column"] for f in a1] == ["research", "total"]
    first = a1[0]
    assert set(first) >= {"code", "severity", "message", "location", "expected", "actual", "fingerprint"}
    assert (first["severity"], first["expected"], first["actual"]) == ("error", 1, 3)
    assert first["location"] == {"section": "applications", "table": "applications", "column": "research"}
    assert "科研机构" in first["message"] and len(first["fingerprint"]) == 12


def test_an_unreadable_file_exits_2_with_the_reason_on_stderr(tmp_path):
    path = tmp_path / "坏文件.json"
    path.write_text('{"application": "nianbao", "format": 1, "year": 20', encoding="utf-8")
    result = nianbao("check", path)
    assert result.returncode == 2 and result.stdout == ""
    assert "坏文件.json" in result.stderr and "损坏" in result.stderr


# --- check, in process ----------------------------------------------------------------------
def test_the_sample_checks_with_no_error(capsys, sample_path, sample_prior_path):
    assert check_json(capsys, sample_path) == (0, [])
    assert check_json(capsys, sample_path, "--prior", sample_prior_path, "--final") == (0, [])
    code, out, _ = run(capsys, "check", sample_path)
    assert code == 0 and "青岚县人民政府2024年政府信息公开工作年度报告" in out and "未发现问题" in out


def test_changing_any_entered_number_of_table_three_is_an_a1_for_that_column_and_the_total(
        capsys, tmp_path, sample_report):
    path = tmp_path / "r.json"
    for row, col in APPS.entered_cells():
        report = sample_report.model_copy(deep=True)
        report.set_cell("applications", row, col, report.entered("applications", row, col) + 1)
        store.save(report, path, overwrite_foreign=True)
        code, findings = check_json(capsys, path)
        assert code == 1, (row, col)
        arithmetic = [(f["code"], f["location"].get("column")) for f in findings if f["code"].startswith("A")]
        assert arithmetic == [("A1", col), ("A1", "total")], (row, col)


def test_a_prior_whose_carried_forward_differs_is_a_y1_in_that_column(capsys, tmp_path, sample_report,
                                                                     sample_prior_path):
    this_year = tmp_path / "2024.json"
    store.save(sample_report.model_copy(update={"prior": None}), this_year)
    prior = store.load(sample_prior_path)
    prior.set_cell("applications", "carried_forward", "other_org", 2)  # 2024's 二 says 1
    last_year = tmp_path / "2023.json"
    store.save(prior, last_year)

    assert check_json(capsys, this_year) == (0, [])  # nothing to compare without the prior
    code, findings = check_json(capsys, this_year, "--prior", last_year)
    assert code == 1
    y1 = [f for f in findings if f["code"] == "Y1"]
    assert [(f["location"]["row"], f["location"]["column"], f["expected"], f["actual"]) for f in y1] == [
        ("carried_over", "other_org", 2, 1), ("carried_over", "total", 9, 8)]
    assert [f for f in findings if f["code"] != "Y1"] == []


def test_the_human_readable_listing(capsys, tmp_path, sample_report):
    sample_report.set_cell("applications", "granted", "natural_person", 58)
    sample_report.set_cell("regulations", "rules", "issued", None)
    path = tmp_path / "r.json"
    store.save(sample_report, path)
    code, out, err = run(capsys, "check", path)
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[0] == "青岚县人民政府2024年政府信息公开工作年度报告"
    assert lines[1].startswith("  [错误] A1 表三“自然人”列不平衡")
    assert lines[2].startswith("  [错误] A1 表三“总计”列不平衡")
    assert "  [警告] A6 表二（一）“规章”行“本年制发件数”列为空白：没有发生的请填 0。" in lines
    counts = [sum(line.startswith(f"  [{label}]") for line in lines) for label in ("错误", "警告", "提示")]
    assert counts[0] == 2
    assert lines[-1] == "共 {} 个错误，{} 个警告，{} 个提示。".format(*counts)
    assert len(lines) == 2 + sum(counts)


def test_final_turns_blanks_into_errors(capsys, tmp_path, sample_report):
    sample_report.set_cell("regulations", "rules", "issued", None)
    path = tmp_path / "r.json"
    store.save(sample_report, path)
    assert check_json(capsys, path)[0] == 0
    code, findings = check_json(capsys, path, "--final")
    assert code == 1 and [(f["code"], f["severity"]) for f in findings] == [("A6", "error")]


@pytest.mark.parametrize("content, words", [
    (b"", ""),  # what is wrong with it may come from the importers: that it is empty
    (b'{"application": "nianbao", "format": 9, "year": 2024}', "较新版本"),
    (b'{"application": "nianbao", "format": 1, "year": ', "损坏"),
])
def test_check_exits_2_for_a_file_it_cannot_read(capsys, tmp_path, content, words):
    path = tmp_path / "不能读.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "check", path, "--json")
    assert code == 2 and out == ""
    assert "不能读.json" in err and words in err
    assert path.read_bytes() == content


def test_check_exits_2_for_an_unreadable_prior(capsys, tmp_path, sample_path):
    code, out, err = run(capsys, "check", sample_path, "--prior", tmp_path / "没有.json")
    assert code == 2 and "没有.json" in err and "不存在" in err


# --- new ------------------------------------------------------------------------------------
def test_new_never_overwrites(capsys, tmp_path, sample_path):
    path = tmp_path / "已有.json"
    shutil.copy(sample_path, path)
    before = path.read_bytes()
    code, out, err = run(capsys, "new", "--year", 2025, "--org", "青岚县人民政府", "-o", path)
    assert code == 2 and "已存在" in err and path.read_bytes() == before


def test_new_refuses_an_impossible_year_in_chinese(capsys, tmp_path):
    path = tmp_path / "新.json"
    code, out, err = run(capsys, "new", "--year", 1800, "--org", "青岚县人民政府", "-o", path)
    assert code == 2 and "年度“1800”无效" in err
    assert "validation" not in err and "pydantic" not in err
    assert not path.exists()


def test_new_into_a_missing_folder_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, "new", "--year", 2025, "--org", "青岚县人民政府", "-o", tmp_path / "无" / "新.json")
    assert code == 2 and "无法保存“新.json”" in err


def test_usage_mistakes_are_explained_in_chinese(capsys):
    from forms.commands import main
    with pytest.raises(SystemExit) as exc:
        main(["new", "--year", "abc", "-o", "x.json"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "错误" in err and "用法" in err and "error" not in err


def test_piping_the_findings_into_head_ends_quietly(tmp_path):
    """`nianbao check … | head` is how clerks and scripts skim a long list."""
    import subprocess
    import sys
    bad = tmp_path / "2019.json"
    from forms.model import store
    from forms.model import new_report
    report = new_report(2024, "青岚县人民政府")
    report.set_cell("applications", "new_received", "natural_person", 1)  # the rest blank: many A6
    store.save(report, bad)
    proc = subprocess.Popen([sys.executable, "-m", "gui.launcher", "check", str(bad)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader goes away before the findings are written, as `head` may
    err = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=30)
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_blank_cells_are_listed_a_row_at_a_time_for_people_and_a_cell_at_a_time_in_json(tmp_path, capsys):
    from forms.model import store
    from forms.commands import main
    from forms.model import new_report
    report = new_report(2024, "青岚县人民政府")
    report.finished_tables.append("applications")  # the clerk says 表三 is done: its blanks are findings
    for column in ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"):
        report.set_cell("applications", "new_received", column, 1)
    path = tmp_path / "r.json"
    store.save(report, path)
    main(["check", str(path)])
    human = capsys.readouterr().out
    granted = [line for line in human.splitlines() if "“（一）予以公开”行" in line]
    assert len(granted) == 1 and "6 格" in granted[0] and "自然人" in granted[0] and "其他" in granted[0]
    main(["check", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert sum(1 for f in data["findings"]
               if f["code"] == "A6" and f["location"].get("row") == "granted") == 6


def test_version_names_the_installed_release():
    """IT asks "which version is on this PC?": the answer is the release in pyproject.toml."""
    import tomllib
    version = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    proc = nianbao("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"nianbao {version['project']['version']}"


def test_every_command_module_is_listed_in_help(capsys):
    """The commands are named in forms/commands rather than discovered: a new module there must be named too."""
    from forms.commands import SUBCOMMAND_MODULES
    folder = Path(__file__).resolve().parent.parent / "forms" / "commands"
    on_disk = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    assert set(SUBCOMMAND_MODULES) == on_disk
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(name.rstrip("_") in listed for name in on_disk)
