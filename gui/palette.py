"""Every colour the editor shows, named by what it means, in one place: a change of shade (or a
colour-blind fix) is one edit here, and a severity looks the same in the panel, the table and the text.

Hex strings, for style sheets and rich text (QColor takes them too).
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# --- by severity: the findings panel's dots and counts, cell tints, text underlines and marks ------
SEVERITY_INK = {"error": "#cf1322", "warning": "#d48806", "info": "#1677ff", "verified": "#389e0d"}
CELL_TINT = {"error": "#f7cfcc", "warning": "#fce9b8", "info": "#d9e8fb"}
TEXT_UNDERLINE = {"error": "#d4380d", "warning": "#d48806", "info": "#1677ff"}
TEXT_MARK = {"error": "#fde3e1", "warning": "#fff3d6", "info": "#e6f0ff"}

# --- words --------------------------------------------------------------------------------------
MUTED = "#5b6573"             # hints, counts, captions beside the work
SETTLED = "#6b7280"           # a finding already marked 已核实
PROBLEM = "#a8071a"           # a problem said in words (start page, a cell's inline message)
UNSAVED = "#ad4e00"           # 有未保存的修改
SAVED = SEVERITY_INK["verified"]
IMPORT_WARNING = "#bb0000"    # the import preview's warning line
NOT_COUNTED = "#8c8c8c"       # a unit left out of a consolidation (unreadable, a duplicate, another year)

# --- the official tables ------------------------------------------------------------------------
PAGE = "white"
GRID = "#7a8594"
HEADER_BACKGROUND = "#f3f5f8"
CAPTION_BACKGROUND = "#dce6f2"
COMPUTED_BACKGROUND = "#e6edf7"   # totals the format defines as sums: read-only
COMPUTED_INK = "#1d4b8f"
BLANK_HATCH = "#b8bfca"           # a blank cell (not 0)
SELECTION = QColor(22, 119, 255, 70)
SELECTED_TEXT = "black"
REFUSED_BORDER = TEXT_UNDERLINE["error"]  # a cell editor holding input that cannot be entered
REFUSED_BACKGROUND = "#fff7f6"
MESSAGE_BACKGROUND = "#fff1f0"
MESSAGE_BORDER = "#e0787a"

# --- last year's text beside this year's --------------------------------------------------------
PRIOR_BACKGROUND = "#f6f6f1"
PRIOR_INK = "#444444"
PRIOR_BORDER = "#d9d9cf"

# --- the import preview -------------------------------------------------------------------------
IMPORT_NOTED = "#fff3c4"      # a cell the import has something to say about
IMPORT_WRONG = "#f8d0d0"      # a cell where the document's own arithmetic fails

# --- the 对比 page ------------------------------------------------------------------------------
NOTABLE_CHANGE = TEXT_MARK["error"]  # a figure that changed over the threshold against last year


def set_ink(widget, colour: str) -> None:
    """A label's text in one of these colours, through its palette: a style sheet would give the
    widget Qt's style-sheet style, which costs time when it is first shown and on every paint."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(palette)
