"""The levels of organ that report. A plain enum in the lowest layer, so that the command line can
offer them (`nianbao new --level`) without loading the document model."""
from __future__ import annotations

from enum import Enum


class OrgLevel(str, Enum):
    GOVERNMENT = "本级人民政府"
    GOVERNMENT_OFFICE = "人民政府办公室（厅）"
    DEPARTMENT = "政府部门"
    TOWNSHIP = "乡镇街道"
    OTHER = "其他"
