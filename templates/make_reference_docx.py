"""Build templates/reference.docx, the default reference document of the DOCX export.

Run `python -m templates.make_reference_docx` after changing forms/render/docx_styles.py. An
office may instead hand its own Word file to the export (--reference-doc): its styles, page
setup and footers are used and its body text is ignored.
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx

from forms.render.docx_styles import apply_house_style

OUTPUT = Path(__file__).with_name("reference.docx")

# One paragraph per style, so that an office opening the file in Word sees what each looks like.
SPECIMEN = (
    ("Title", "××××××2024年政府信息公开工作年度报告"),
    ("Normal", "正文：3号仿宋_GB2312（缺字体时用仿宋），每面22行，每行28个字。"),
    ("Heading1", "一、一级标题（3号黑体）"),
    ("Heading2", "（一）二级标题（3号楷体_GB2312）"),
    ("TableText", "表格文字（5号仿宋，居中）"),
    ("TableLabel", "表格行标题（5号仿宋，左对齐）"),
    ("TableCaption", "表格分表题（5号仿宋加粗）"),
    ("Signature", "××××××"),
    ("Signature", "2025年1月20日"),
)


def build(path: Path = OUTPUT) -> Path:
    document = docx.Document()
    apply_house_style(document)
    body = document.element.body
    for p in body.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        body.remove(p)
    for style_id, text in SPECIMEN:
        p = document.add_paragraph(text)
        p.style = document.styles.get_by_id(style_id, 1)
    document.core_properties.title = "政府信息公开工作年度报告（参考样式）"
    document.core_properties.language = "zh-CN"
    document.core_properties.author = ""
    document.core_properties.comments = "GB/T 9704-2012 版式"
    document.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT))
