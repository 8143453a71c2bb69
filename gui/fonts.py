"""Fonts: Windows CJK fonts first, free CJK fonts after, so Chinese never falls to Japanese glyphs."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

UI_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "Noto Sans CJK SC", "Source Han Sans SC",
               "WenQuanYi Micro Hei", "PingFang SC", "Noto Sans SC"]
# Report text as it will print: the 仿宋 of official documents where the system has it.
DOCUMENT_FAMILIES = ["FangSong", "仿宋", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC",
                     "Microsoft YaHei", "Noto Sans CJK SC"]


def ui_font(point_size: float | None = None) -> QFont:
    font = QFont(QApplication.font())
    font.setFamilies(UI_FAMILIES)
    if point_size:
        font.setPointSizeF(point_size)
    return font


def document_font(point_size: float = 11.0) -> QFont:
    font = QFont()
    font.setFamilies(DOCUMENT_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def set_heading(widget, point_size: float) -> None:
    """Bold, at a size: a heading's look through its font rather than a style sheet (see palette.set_ink)."""
    font = QFont(widget.font())
    font.setBold(True)
    font.setPointSizeF(point_size)
    widget.setFont(font)


def apply_application_font(app: QApplication) -> None:
    font = ui_font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
