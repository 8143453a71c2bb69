"""The page every export is laid out on (GB/T 9704-2012): A4 and its margins, in millimetres.

The DOCX writer, the view's column widths and the editor's PDF all read it from here.
"""
from __future__ import annotations

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
TEXT_WIDTH_TWIPS = round(TEXT_WIDTH_MM / 25.4 * 1440)
