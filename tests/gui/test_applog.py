"""Start-up on Windows runs under pythonw (no console): a failure must reach a log file and a message box."""
from __future__ import annotations

import logging
import sys

import pytest

import gui.launcher
from gui import applog


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    folder = tmp_path / "用户 日志"          # Chinese and a space, as under C:\Users\张三\AppData\Local
    monkeypatch.setattr(applog, "log_dir", lambda: folder)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield folder
    for handler in list(applog.log.handlers):
        applog.log.removeHandler(handler)
        handler.close()


def test_a_failed_start_is_logged_and_shown_with_the_log_path(log_folder, monkeypatch):
    shown = []
    monkeypatch.setattr(applog, "show_error", lambda title, text: shown.append((title, text)))

    def broken_editor(argv):
        raise RuntimeError("样式模板缺失")

    monkeypatch.setattr(gui.launcher, "_run_editor", broken_editor)
    assert gui.launcher.main(["D:/2025年 年报/报告.docx"]) == 1
    log_text = (log_folder / applog.LOG_NAME).read_text(encoding="utf-8")
    assert "RuntimeError: 样式模板缺失" in log_text
    [(title, text)] = shown
    assert title == "年报编辑器"
    assert "样式模板缺失" in text and str(log_folder / applog.LOG_NAME) in text


@pytest.mark.qt_no_exception_capture
def test_an_error_after_start_up_is_logged(log_folder):
    path = applog.start_logging()
    try:
        raise ValueError("单元格")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    for handler in applog.log.handlers:
        handler.flush()
    assert "ValueError: 单元格" in path.read_text(encoding="utf-8")


def test_without_a_screen_the_error_goes_to_the_console_not_to_a_box_nobody_can_close(qapp, capsys):
    applog.show_error("年报编辑器", "启动失败：测试")
    assert "启动失败：测试" in capsys.readouterr().err


def test_logging_twice_to_one_file_adds_one_handler(log_folder):
    applog.start_logging()
    applog.start_logging()
    assert sum(isinstance(h, logging.FileHandler) for h in applog.log.handlers) == 1


def test_a_full_log_moves_aside_at_start_keeping_two_older_ones(log_folder):
    log_folder.mkdir(parents=True)
    (log_folder / "nianbao.log").write_text("三天前\n" * 200_000, encoding="utf-8")
    (log_folder / "nianbao.log.1").write_text("上周\n", encoding="utf-8")
    (log_folder / "nianbao.log.2").write_text("上个月\n", encoding="utf-8")
    path = applog.start_logging()
    assert path.stat().st_size < 10_000 and "启动" in path.read_text(encoding="utf-8")
    assert (log_folder / "nianbao.log.1").read_text(encoding="utf-8").startswith("三天前")
    assert (log_folder / "nianbao.log.2").read_text(encoding="utf-8") == "上周\n"
    assert not (log_folder / "nianbao.log.3").exists()


def test_a_small_log_is_continued(log_folder):
    log_folder.mkdir(parents=True)
    (log_folder / "nianbao.log").write_text("昨天\n", encoding="utf-8")
    path = applog.start_logging()
    assert path.read_text(encoding="utf-8").startswith("昨天\n")
    assert not (log_folder / "nianbao.log.1").exists()
