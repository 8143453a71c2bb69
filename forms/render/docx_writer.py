"""The report as a Word document in the official format, styled by a reference document.

Like pandoc's --reference-doc: styles, page setup and footers come from the reference document
(templates/reference.docx, or an office's own letterhead); its body is replaced by the report.
Tables are written as WordprocessingML with the merged cells of the official template.
"""
from __future__ import annotations

import io
import os
from datetime import date
from importlib import resources
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from xml.sax.saxutils import escape

from forms.model import embed
from forms.model import Report
from forms.render.docx_styles import ensure_styles
from forms.render.reference_doc import ReferenceDocError
from forms.model.embedded import (CUSTOM_XML_PROPS_REL, CUSTOM_XML_PROPS_TYPE, CUSTOM_XML_REL,
                                   UnsafeFileError, check_zip, custom_xml_item, custom_xml_props,
                                   is_report_item)
from forms.model.atomic import write_atomic
from forms.render.view import CORE_PROPERTY_CHARS, Block, GridCell, TableView, build_view

# A table this short is kept on one page; a longer one repeats its header rows instead, and keeps
# each small group of rows under one merged label (（四）无法提供) on one page.
KEEP_TOGETHER_ROWS = 16
KEEP_GROUP_ROWS = 8
CAPTION_SHADING = "F2F2F2"
CELL_MARGIN = 57  # twips left and right: 0.1 cm, so two 五号 characters fit a narrow column


def default_reference() -> Path:
    return Path(str(resources.files("templates").joinpath("reference.docx")))


def _open_reference(reference_doc: str | os.PathLike | None):
    path = Path(reference_doc) if reference_doc else default_reference()
    try:
        if reference_doc:
            check_zip(path)  # an office's file is untrusted: python-docx would inflate every part
        document = docx.Document(str(path))
    except UnsafeFileError as exc:
        raise ReferenceDocError(f"参考文档“{path.name}”不能使用：{exc}。") from None
    except (OSError, ValueError, KeyError, PackageNotFoundError) as exc:
        raise ReferenceDocError(f"参考文档“{path.name}”无法读取（{exc}），请选择 Word（.docx）文件。") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for rel_id, rel in list(document.part.rels.items()):  # a previous export used as reference
        if rel.reltype == CUSTOM_XML_REL and is_report_item(rel.target_part.blob):
            document.part.drop_rel(rel_id)
    ensure_styles(document)
    return document


def _run(text: str) -> str:
    # hint=eastAsia: quotes and dashes take the Chinese font, as a clerk typing in Word would get.
    return (f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')


def _paragraph_xml(style_id: str, text: str, extra_ppr: str = "") -> str:
    return (f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style_id}"/>{extra_ppr}</w:pPr>'
            f'{_run(text) if text else ""}</w:p>')


def _append(document, element) -> None:
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(element)
    else:
        body.append(element)


def _title_xml(lines: tuple[str, ...]) -> str:
    runs = '<w:r><w:br/></w:r>'.join(_run(line) for line in lines)
    return f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Title"/></w:pPr>{runs}</w:p>'


# --- tables ----------------------------------------------------------------------------
def _cell_style(cell: GridCell) -> str:
    return "TableLabel" if cell.kind == "row" else "TableText"


def _tc(width: int, span: int, text: str, style: str, *, vmerge: str | None = None,
        shade: bool = False, keep_next: bool = False) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if shade:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{CAPTION_SHADING}"/>'
    props += '<w:vAlign w:val="center"/>'
    keep = "<w:keepNext/>" if keep_next else ""
    body = f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{_run(text) if text else ""}</w:p>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def _tr(cells: str, *, header: bool) -> str:
    return f'<w:tr><w:trPr><w:cantSplit/>{"<w:tblHeader/>" if header else ""}</w:trPr>{cells}</w:tr>'


def _view_rows(view: TableView, *, repeat_header: bool, keep_together: bool, last_table: bool) -> list[str]:
    covering = {(r, c): cell for cell in view.cells
                for r in range(cell.row, cell.row + cell.rowspan)
                for c in range(cell.col, cell.col + cell.colspan)}
    kept = {r for cell in view.cells if cell.kind == "row" and 1 < cell.rowspan <= KEEP_GROUP_ROWS
            for r in range(cell.row, cell.row + cell.rowspan - 1)}
    kept |= set(range(view.header_rows))
    rows = []
    for r in range(view.n_rows):
        keep = (keep_together or r in kept) and not (last_table and r == view.n_rows - 1)
        tcs, c = [], 0
        while c < view.n_cols:
            cell = covering[(r, c)]
            width = sum(view.widths[cell.col:cell.col + cell.colspan])
            if cell.row == r:
                vmerge = "restart" if cell.rowspan > 1 else None
                tcs.append(_tc(width, cell.colspan, cell.text, _cell_style(cell), vmerge=vmerge, keep_next=keep))
            else:
                tcs.append(_tc(width, cell.colspan, "", _cell_style(cell), vmerge="continue", keep_next=keep))
            c += cell.colspan
        rows.append(_tr("".join(tcs), header=repeat_header and r < view.header_rows))
    return rows


def _table_xml(views: tuple[TableView, ...]) -> str:
    """One Word table: a single table as is; several (二) stacked under caption rows, as the template has."""
    n_cols = views[0].n_cols
    widths = views[0].widths
    composite = len(views) > 1
    keep_together = sum(v.n_rows for v in views) + (len(views) if composite else 0) <= KEEP_TOGETHER_ROWS
    rows: list[str] = []
    for i, view in enumerate(views):
        if composite:
            rows.append(_tr(_tc(sum(widths), n_cols, view.caption, "TableCaption", shade=True,
                                keep_next=keep_together), header=False))
        rows += _view_rows(view, repeat_header=not composite, keep_together=keep_together,
                           last_table=i == len(views) - 1)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    props = (f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
             f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
             f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
             f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
             '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
             'w:noHBand="1" w:noVBand="1"/>')
    return (f'<w:tbl {nsdecls("w")}><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f'{"".join(rows)}</w:tbl>')


# --- the document ------------------------------------------------------------------------
_BLOCK_STYLE = {"heading1": "Heading1", "heading2": "Heading2", "paragraph": "Normal", "note": "Normal"}


def _add_block(document, block: Block) -> None:
    if block.kind == "tables":
        _append(document, parse_xml(_table_xml(block.tables)))
        return
    _append(document, parse_xml(_paragraph_xml(_BLOCK_STYLE[block.kind], block.text)))


def _embed(document, report: Report) -> None:
    package = document.part.package
    item = Part(PackURI(package.next_partname("/customXml/item%d.xml")), "application/xml",
                custom_xml_item(embed.to_json(report)), package)
    document.part.relate_to(item, CUSTOM_XML_REL)
    props = Part(PackURI(package.next_partname("/customXml/itemProps%d.xml")), CUSTOM_XML_PROPS_TYPE,
                 custom_xml_props(), package)
    item.relate_to(props, CUSTOM_XML_PROPS_REL)


def docx_bytes(report: Report, *, reference_doc: str | os.PathLike | None = None,
               today: date | None = None) -> bytes:
    view = build_view(report, today)
    document = _open_reference(reference_doc)
    _append(document, parse_xml(_title_xml(view.title_lines)))
    previous = ""
    for block in view.blocks:
        if block.kind == "heading1" and previous in ("tables", "note"):
            _append(document, parse_xml(_paragraph_xml("Normal", "")))  # a blank line after a table
        _add_block(document, block)
        previous = block.kind
    _append(document, parse_xml(_paragraph_xml("Normal", "")))
    for line in view.signature:
        right = f'<w:ind w:rightChars="{round(line.right_ems * 100)}" w:right="{round(line.right_ems * 320)}"/>'
        _append(document, parse_xml(_paragraph_xml("Signature", line.text, right)))
    _embed(document, report)
    props = document.core_properties
    props.title = view.title[:CORE_PROPERTY_CHARS]  # python-docx refuses more (export_notes says so)
    props.subject = "政府信息公开工作年度报告"
    props.author = view.organization[:CORE_PROPERTY_CHARS]
    props.language = "zh-CN"
    props.keywords = f"政府信息公开;{view.year}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_docx(report: Report, path: str | os.PathLike, *, reference_doc: str | os.PathLike | None = None,
               today: date | None = None) -> None:
    write_atomic(path, docx_bytes(report, reference_doc=reference_doc, today=today))
