"""The native file: what is saved comes back, totals are not written, a file we cannot read is never
overwritten, an interrupted save loses nothing, and autosaves can be recovered."""
from __future__ import annotations

import io
import json
import os
import re
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from forms.model import store
from forms.model import Acknowledgement, ExportRecord, OrgLevel, Report, new_report
from forms.spec import load_spec

CHINESE = re.compile(r"[\u4e00-\u9fff]")
SPEC = load_spec()

# --- random reports ------------------------------------------------------------------------
chinese_text = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
    | st.sampled_from(list("，。；：、“”（）《》〔〕—…0123456789１２ \n\tABCabc%‰/\\\"'{}[]")),
    max_size=60)
any_text = chinese_text | st.text(st.characters(exclude_categories=()), max_size=20)  # control, astral, lone surrogates
counts = st.none() | st.integers(0, 10**6)
fees = st.none() | st.integers(0, 10**6) | st.decimals(min_value=0, max_value=10**9, places=4,
                                                       allow_nan=False, allow_infinity=False)
times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1))


@st.composite
def reports(draw, year=None, with_prior=True) -> Report:
    year = year or draw(st.integers(2021, 2030))
    report = new_report(year, draw(chinese_text), draw(st.sampled_from(list(OrgLevel))))
    report.organization.address = draw(chinese_text)
    report.organization.phone = draw(st.text("0123456789-", max_size=13))
    report.title = draw(st.just("") | chinese_text)
    for key in report.text_keys:
        report.set_text(key, draw(any_text))
    for table in SPEC.tables:
        values = fees if table.value_type == "amount" else counts
        for r, c in table.entered_cells():
            report.set_cell(table.key, r, c, draw(values))
    if draw(st.booleans()):
        report.source_texts = {"fees.admin_fees.amount": draw(chinese_text)}
        report.legacy = {"format_2019_items": draw(st.lists(chinese_text, max_size=3)),
                         "format_2019_cells": [{"cell": "applications.other_processing.natural_person",
                                                "label": draw(chinese_text), "value": draw(counts),
                                                "source_text": draw(chinese_text)}]}
        report.copied_texts = ["problems"]
    for code in draw(st.lists(st.sampled_from(["A6", "F2", "Y3"]), max_size=3, unique=True)):
        report.acknowledged[draw(st.text("0123456789abcdef", min_size=12, max_size=12))] = Acknowledgement(
            code=code, explanation=draw(chinese_text), at=draw(times))
    if draw(st.booleans()):
        report.exports.append(ExportRecord(at=draw(times), formats=["docx", "pdf"],
                                           open_findings=[draw(chinese_text)]))
    if with_prior and draw(st.booleans()):
        report.prior = draw(reports(year=year - 1, with_prior=False))
    return report


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(reports())
def test_save_then_load_gives_back_the_same_report(tmp_path, report):
    path = tmp_path / "年报.json"
    store.save(report, path)
    loaded = store.load(path)
    assert loaded == report
    assert loaded.prior == report.prior
    # and saving what was loaded writes the same file again, byte for byte
    assert store.dumps(loaded) == path.read_text(encoding="utf-8")
    fee = report.entered("fees", "admin_fees", "amount")
    if isinstance(fee, Decimal):
        assert isinstance(loaded.entered("fees", "admin_fees", "amount"), Decimal)


def _filled() -> Report:
    report = new_report(2024, "青岚县人民政府")
    for table in SPEC.tables:
        for i, (r, c) in enumerate(table.entered_cells()):
            report.set_cell(table.key, r, c, i % 7)
    report.set_cell("fees", "admin_fees", "amount", Decimal("12.3456"))
    report.prior = new_report(2023, "青岚县人民政府")
    report.prior.set_cell("applications", "carried_forward", "natural_person", 3)
    return report


def test_the_file_is_readable_json_with_the_canonical_keys_and_no_computed_cells(tmp_path):
    path = tmp_path / "r.json"
    store.save(_filled(), path)
    text = path.read_text(encoding="utf-8")
    assert "青岚县人民政府" in text  # Chinese as itself, not \\u escapes
    data = json.loads(text)
    assert (data["application"], data["format"], data["template"], data["year"]) == (
        "nianbao", store.FORMAT_VERSION, "national-2021", 2024)
    assert '"amount": 12.3456' in text
    for doc in (data, data["prior"]):
        apps = doc["tables"]["applications"]
        assert "results_total" not in apps
        assert all("total" not in cols for cols in apps.values())
        assert all("total" not in cols for cols in doc["tables"]["review_litigation"].values())
        assert set(doc["tables"]) == {t.key for t in SPEC.tables}
        for table in SPEC.tables:
            written = {(r, c) for r, cols in doc["tables"][table.key].items() for c in cols}
            assert written == set(table.entered_cells()), table.key
    assert data["prior"]["tables"]["applications"]["carried_forward"]["natural_person"] == 3
    assert data["prior"]["tables"]["applications"]["granted"]["natural_person"] is None  # blank = null
    assert "application" not in data["prior"] and "prior" not in data["prior"]


# --- files we cannot read ------------------------------------------------------------------
def _docx_bytes() -> bytes:
    import docx
    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("青岚县人民政府2024年政府信息公开工作年度报告")
    document.save(buf)
    return buf.getvalue()


def _good_text() -> str:
    return store.dumps(_filled())


BAD_FILES = {
    # name: (bytes, the kind of error, a word the message must contain)
    "foreign.docx": (_docx_bytes, store.NotOurFileError, "不是年报编辑器保存的文件"),
    "picture.png": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), store.NotOurFileError,
                    "不是年报编辑器保存的文件"),
    "package.json": (lambda: b'{"name": "left-pad", "version": "1.3.0"}', store.NotOurFileError,
                     "不是年报编辑器保存的文件"),
    "list.json": (lambda: b"[1, 2, 3]", store.NotOurFileError, "不是年报编辑器保存的文件"),
    "empty.json": (lambda: b"", store.NotOurFileError, "不是年报编辑器保存的文件"),
    "gbk.json": (lambda: "青岚县".encode("gbk"), store.NotOurFileError, "不是年报编辑器保存的文件"),
    "truncated.json": (lambda: _good_text().encode()[:len(_good_text().encode()) // 2], store.CorruptFileError,
                       "损坏或不完整"),
    "garbled.json": (lambda: _good_text().replace('"year": 2024,', '"year": 2024 "').encode(),
                     store.CorruptFileError, "损坏或不完整"),
    "future.json": (lambda: _good_text().replace('"format": 1,', '"format": 7,').encode(),
                    store.NewerVersionError, "较新版本"),
    "bad_version.json": (lambda: _good_text().replace('"format": 1,', '"format": "一",').encode(),
                         store.CorruptFileError, "格式版本"),
    "true_version.json": (lambda: _good_text().replace('"format": 1,', '"format": true,').encode(),
                          store.CorruptFileError, "格式版本"),
    "text_in_cell.json": (lambda: re.sub(r'"natural_person": \d+', '"natural_person": "十二"', _good_text(), 1)
                          .encode(), store.CorruptFileError, "tables.applications.new_received.natural_person"),
    "bad_year.json": (lambda: _good_text().replace('"year": 2024,', '"year": "二〇二四",').encode(),
                      store.CorruptFileError, "year：应为整数"),
    "bad_level.json": (lambda: _good_text().replace('"level": "本级人民政府"', '"level": "省级"', 1).encode(),
                       store.CorruptFileError, "应为以下之一"),
    "unknown_table.json": (lambda: _good_text().replace('"review_litigation": {', '"appeals": {', 1).encode(),
                           store.CorruptFileError, "未知的表格“appeals”"),
    "unknown_template.json": (lambda: _good_text().replace('"template": "national-2021"',
                                                           '"template": "national-2035"').encode(),
                              store.CorruptFileError, "未知的报告格式“national-2035”"),
    "template_path.json": (lambda: _good_text().replace('"template": "national-2021"',
                                                        '"template": "../specs/national-2021x"').encode(),
                           store.CorruptFileError, "未知的报告格式"),
    "huge_number.json": (lambda: re.sub(r'"natural_person": \d+', '"natural_person": 1' + "0" * 5000,
                                        _good_text(), 1).encode(), store.CorruptFileError,
                         "表三“一、本年新收政府信息公开申请数量”行“自然人”列（tables.applications.new_received"
                         ".natural_person）：数字过大"),
    "deep.json": (lambda: ('{"application": "nianbao", "format": 1, "year": 2024, "legacy": {"x": '
                           + "[" * 50000 + "]" * 50000 + "}}").encode(), store.NotOurFileError,
                  "不是年报编辑器保存的文件"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_file_we_cannot_read_gives_a_clear_chinese_error_and_is_left_untouched(tmp_path, name):
    make, kind, words = BAD_FILES[name]
    content = make()
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(kind) as exc:
        store.load(path)
    message = str(exc.value)
    assert name in message and words in message and CHINESE.search(message)
    assert message.startswith(f"无法打开“{name}”")
    assert "Input should" not in message and "Traceback" not in message

    with pytest.raises(store.StoreError) as refused:
        store.save(_filled(), path)
    assert str(refused.value).startswith(f"无法保存“{name}”") and "未予覆盖" in str(refused.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no backup, no temporary file


def test_a_future_version_says_to_upgrade_and_which_versions(tmp_path):
    path = tmp_path / "新版.json"
    path.write_text(_good_text().replace('"format": 1,', '"format": 2,'), encoding="utf-8")
    with pytest.raises(store.NewerVersionError) as exc:
        store.load(path)
    assert "升级" in str(exc.value) and "2" in str(exc.value) and "不会改写" in str(exc.value)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_a_file_cut_off_anywhere_is_reported_not_loaded(data):
    text = _good_text().encode()
    cut = data.draw(st.integers(1, len(text) - 3))
    with pytest.raises(store.StoreError) as exc:
        store.loads(text[:cut].decode("utf-8", errors="ignore"), "半截.json")
    assert "半截.json" in str(exc.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(store.StoreError, match="不存在"):
        store.load(tmp_path / "没有.json")
    with pytest.raises(store.StoreError, match="文件夹"):
        store.load(tmp_path)


def test_overwriting_a_foreign_file_needs_the_clerks_consent(tmp_path):
    path = tmp_path / "笔记.json"
    path.write_text('{"note": "我的笔记"}', encoding="utf-8")
    with pytest.raises(store.StoreError):
        store.save(_filled(), path)
    store.save(_filled(), path, overwrite_foreign=True)
    assert store.load(path) == _filled()
    assert json.loads(store.backup_path(path).read_text(encoding="utf-8")) == {"note": "我的笔记"}


# --- atomic save and backup ----------------------------------------------------------------
def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_each_save_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "年报.json"
    first = _filled()
    store.save(first, path)
    assert _names(tmp_path) == ["年报.json"]
    v1 = path.read_bytes()
    second = _filled()
    second.set_cell("applications", "granted", "natural_person", 99)
    store.save(second, path)
    assert store.backup_path(path).read_bytes() == v1
    assert store.load(path) == second
    assert store.load(store.backup_path(path)) == first
    assert _names(tmp_path) == ["年报.json", "年报.json.bak"]


class Crash(Exception):
    pass


def _crash():
    raise Crash


def test_a_save_interrupted_before_the_replace_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "年报.json"
    store.save(_filled(), path)
    old = path.read_bytes()
    changed = _filled()
    changed.set_cell("applications", "granted", "natural_person", 42)
    with pytest.raises(Crash):
        store.save(changed, path, _before_replace=_crash)
    assert path.read_bytes() == old
    assert _names(tmp_path) == ["年报.json", "年报.json.bak"]
    assert store.load(path).entered("applications", "granted", "natural_person") != 42


def test_a_failing_replace_is_reported_and_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "年报.json"
    store.save(_filled(), path)
    old = path.read_bytes()

    real_replace = os.replace

    def no_space(src, dst):  # the backup is made; replacing the file itself fails
        if Path(dst) == path:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)
    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(store.StoreError) as exc:
        store.save(new_report(2024, "别的机关"), path)
    assert str(exc.value).startswith("无法保存“年报.json”：") and "原文件未改动" in str(exc.value)
    assert path.read_bytes() == old
    assert _names(tmp_path) == ["年报.json", "年报.json.bak"]


def test_saving_into_a_missing_folder_is_a_store_error(tmp_path):
    with pytest.raises(store.StoreError, match="^无法保存“年报.json”"):
        store.save(_filled(), tmp_path / "没有的文件夹" / "年报.json")


# --- migration ----------------------------------------------------------------------------
def test_an_older_format_is_migrated_on_load(tmp_path, monkeypatch):
    """Pretend this version writes format 2, in which 'organ' (format 1) became 'organization'."""
    def organ_to_organization(data: dict) -> dict:
        data = dict(data)
        data["organization"] = data.pop("organ")
        return data
    old = json.loads(_good_text())
    old["organ"] = old.pop("organization")
    assert old["format"] == 1

    calls = []
    monkeypatch.setattr(store, "FORMAT_VERSION", 2)
    monkeypatch.setitem(store.MIGRATIONS, 1, lambda d: calls.append(d["format"]) or organ_to_organization(d))
    path = tmp_path / "旧版.json"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")

    report = store.load(path)
    assert calls == [1]
    assert report.organization.name == "青岚县人民政府"
    assert report == _filled()
    store.save(report, path)  # an older file we can read may be saved over: in the new format
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == 2
    assert json.loads(store.backup_path(path).read_text(encoding="utf-8"))["organ"]["name"] == "青岚县人民政府"


# --- recovery -----------------------------------------------------------------------------
def test_recovery_files_are_written_offered_and_discarded(tmp_path):
    rec = store.RecoveryStore(tmp_path / "recovery")
    assert rec.pending() == []  # the folder does not exist yet
    unsaved, saved = new_report(2025, "新机关"), _filled()
    a, b = rec.new_id(), rec.new_id()
    assert a != b
    rec.write(a, unsaved, None)
    rec.write(b, saved, tmp_path / "年报.json")

    found = rec.pending()
    assert {r.path.name for r in found} == {f"recovery-{a}.json", f"recovery-{b}.json"}
    by_id = {r.path: r for r in found}
    assert by_id[rec.path_for(a)].source is None and by_id[rec.path_for(a)].report == unsaved
    assert by_id[rec.path_for(b)].source == tmp_path / "年报.json" and by_id[rec.path_for(b)].report == saved
    assert found == sorted(found, key=lambda r: r.saved_at, reverse=True)

    rec.discard(a)
    assert [r.path for r in rec.pending()] == [rec.path_for(b)]
    rec.discard(a)  # twice is harmless


def test_recovery_lists_newest_first(tmp_path):
    rec = store.RecoveryStore(tmp_path)
    for doc, when in (("old", datetime(2025, 1, 1, 9)), ("new", datetime(2025, 1, 1, 10))):
        path = rec.write(doc, _filled(), None)
        data = json.loads(path.read_text(encoding="utf-8"))
        data["saved_at"] = when.isoformat()
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [r.path.name for r in rec.pending()] == ["recovery-new.json", "recovery-old.json"]
    assert rec.pending()[0].saved_at - rec.pending()[1].saved_at == timedelta(hours=1)


def test_recovery_ignores_half_written_and_foreign_files(tmp_path):
    rec = store.RecoveryStore(tmp_path)
    good = rec.write("good", _filled(), None)
    whole = good.read_bytes()
    (tmp_path / "recovery-half.json").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "recovery-empty.json").write_bytes(b"")
    (tmp_path / "recovery-foreign.json").write_text('{"hello": 1}', encoding="utf-8")
    (tmp_path / "recovery-future.json").write_text(
        whole.decode().replace('"format": 1', '"format": 9'), encoding="utf-8")
    (tmp_path / "recovery-dir.json").mkdir()
    (tmp_path / "unrelated.json").write_bytes(whole)
    assert [r.path.name for r in rec.pending()] == ["recovery-good.json"]


# --- permissions ------------------------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="Unix permissions")
def test_a_save_keeps_the_files_permissions(tmp_path):
    path = tmp_path / "共享.json"
    store.save(_filled(), path)
    os.chmod(path, 0o664)
    store.save(new_report(2024, "青岚县人民政府"), path)
    assert os.stat(path).st_mode & 0o777 == 0o664


def test_a_folder_that_refuses_permissions_does_not_stop_the_save(tmp_path, monkeypatch):
    """FAT sticks and some network shares refuse chmod; the report must still be saved, leaving nothing open."""
    path = tmp_path / "U盘.json"
    store.save(_filled(), path)

    def refuse(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")
    monkeypatch.setattr(os, "chmod", refuse)
    fds = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    changed = new_report(2024, "青岚县人民政府")
    store.save(changed, path)
    assert store.load(path) == changed
    assert _names(tmp_path) == ["U盘.json", "U盘.json.bak"]
    if fds is not None:
        assert len(os.listdir("/proc/self/fd")) == fds


def test_an_old_file_a_migration_step_cannot_handle_is_reported_not_crashed_on(tmp_path, monkeypatch):
    old = json.loads(_good_text())
    del old["organization"]  # the step below expects 'organ'; this old file has neither
    path = tmp_path / "残缺旧版.json"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()

    def organ_to_organization(data: dict) -> dict:
        data = dict(data)
        data["organization"] = data.pop("organ")
        return data
    monkeypatch.setattr(store, "FORMAT_VERSION", 2)
    monkeypatch.setitem(store.MIGRATIONS, 1, organ_to_organization)
    with pytest.raises(store.CorruptFileError) as exc:
        store.load(path)
    assert str(exc.value).startswith("无法打开“残缺旧版.json”") and "格式 1" in str(exc.value)
    with pytest.raises(store.StoreError):
        store.save(_filled(), path)
    assert path.read_bytes() == before


def test_a_text_with_a_lone_surrogate_is_saved_and_comes_back(tmp_path):
    """Text pasted from a damaged document can hold half a UTF-16 pair, which UTF-8 cannot encode."""
    report = _filled()
    report.set_text("problems", "一是\ud800二是")
    report.organization.name = "青岚\udfff县"
    path = tmp_path / "年报.json"
    store.save(report, path)
    assert "一是\\ud800二是" in path.read_text(encoding="utf-8")  # escaped; the rest stays readable Chinese
    assert store.load(path) == report

    recovery = store.RecoveryStore(tmp_path / "recovery")
    recovery.write("doc", report, path)
    (found,) = recovery.pending()
    assert found.report == report
