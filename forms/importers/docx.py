"""Word (.docx) written by anyone: paragraphs and tables in body order, merged cells once.

The package is checked before anything is parsed: member count, unpacked size, compression
ratio (a zip bomb), and DTD/entity declarations (an XML entity bomb; a Word document never
carries a DTD). Then only the main document part is parsed, with lxml, and its text read as
python-docx reads it (runs, hyperlinks, tabs and breaks): the other parts (styles, numbering,
the embedded data) hold no text a report needs, and parsing them took most of a unit's time.
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from forms.importers import result as R
from forms.importers.document import MAX_GRID_AREA, MAX_GRID_WIDTH, MAX_SPAN, Grid, Paragraph, SourceDocument

MAX_MEMBERS = 1000
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO = 100          # deflate reaches ~10 on XML; a bomb reaches 1000
RATIO_MIN_SIZE = 1024 * 1024
MAIN_PART = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# A run's text as python-docx gives it: these children, in order; a w:br only when it breaks a line.
_RUN_TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-",
             f"{W}br": "br"}
_BR_TYPE = f"{W}type"


def check_package(path: Path, zf: zipfile.ZipFile, keep: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """Refuses a package no Word file looks like; returns the relationship parts and the members
    named in `keep` (read anyway)."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise R.DamagedFileError(path, f"压缩包内有 {len(infos)} 个文件，不是正常的 Word 文档，未读取。")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise R.TooLargeError(path, f"文档解压后达 {total // 1024 // 1024} MB，不是正常的 Word 文档"
                                    "（可能是恶意构造的文件），未读取。")
    for i in infos:
        if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise R.DamagedFileError(path, f"文档中的“{i.filename}”压缩比异常（可能是恶意构造的文件），未读取。")
    names = {i.filename for i in infos}
    if MAIN_PART not in names:
        kind = "Excel 表格" if "xl/workbook.xml" in names else (
            "PowerPoint 演示文稿" if "ppt/presentation.xml" in names else "Word 文档")
        raise R.UnsupportedFormatError(path, f"这不是 Word 文档（{kind}），无法作为年报导入。"
                                       if kind != "Word 文档" else "压缩包中没有 Word 正文，不是 Word 文档。")
    kept: dict[str, bytes] = {}
    for i in infos:
        if i.filename.endswith(".xml") or i.filename.endswith(".rels"):
            head = zf.read(i)
            if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
                raise R.DamagedFileError(path, f"文档中的“{i.filename}”含有 XML 实体声明（Word 不会生成，"
                                               "可能是恶意构造的文件），未读取。")
            if i.filename in keep or i.filename.endswith(".rels"):
                kept[i.filename] = head
    return kept


def _parser() -> etree.XMLParser:
    """python-docx's own settings: the same blanks dropped, so the same text read (one a call:
    an lxml parser is not to be shared between threads)."""
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def _relationships(kept: dict[str, bytes], parser) -> dict[str, list[tuple[str, str]]]:
    """Each relationship part's (type, target part name) pairs, keyed by the part it belongs to."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name, blob in kept.items():
        if not name.endswith(".rels"):
            continue
        folder, file = posixpath.split(name)
        source = posixpath.join("/", posixpath.dirname(folder), file.removesuffix(".rels"))
        out[source] = [(r.get("Type"), posixpath.abspath(posixpath.join(posixpath.dirname(source), r.get("Target"))))
                       for r in etree.fromstring(blob, parser).iter(f"{_RELS}Relationship")
                       if r.get("TargetMode") != "External"]
    return out


def _main_part(zf: zipfile.ZipFile, kept: dict[str, bytes], parser) -> bytes:
    """The main document part found as python-docx finds it: the package's one officeDocument
    relationship, whose part must be declared a Word document in [Content_Types].xml. As it did,
    a relationship to a part the package lacks, of no declared type, or damaged is a damaged file."""
    types = etree.fromstring(kept[CONTENT_TYPES], parser)
    overrides = {o.get("PartName").lower(): o.get("ContentType") for o in types.iter(f"{_TYPES}Override")}
    defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.iter(f"{_TYPES}Default")}

    def content_type(partname: str) -> str:
        return overrides.get(partname.lower()) or defaults[posixpath.splitext(partname)[1][1:].lower()]

    names = set(zf.namelist())
    rels = _relationships(kept, parser)
    for target in {target for pairs in rels.values() for _, target in pairs}:
        if target[1:] not in names:
            raise KeyError(f"no part {target}")
        content_type(target)
        if not target.endswith((".xml", ".rels")):  # an image: read for its checksum, as python-docx read it
            with zf.open(target[1:]) as member:
                while member.read(1 << 20):
                    pass
    main = [target for kind, target in rels.get("/", []) if kind == OFFICE_DOCUMENT]
    if len(main) != 1:
        raise ValueError("no single main document relationship")
    if content_type(main[0]) != WORD_MAIN:
        raise ValueError(f"main part is {content_type(main[0])}")
    name = main[0][1:]
    return kept[name] if name in kept else zf.read(name)


def _run_text(r) -> str:
    out = []
    for e in r:
        kind = _RUN_TEXT.get(e.tag, "")
        if kind is None:
            out.append(e.text or "")
        elif kind == "br":
            out.append("\n" if e.get(_BR_TYPE, "textWrapping") == "textWrapping" else "")
        else:
            out.append(kind)
    return "".join(out)


def _paragraph_text(p) -> str:
    """As python-docx's Paragraph.text: the runs and the hyperlinks' runs, nothing else."""
    out = []
    for e in p:
        if e.tag == f"{W}r":
            out.append(_run_text(e))
        elif e.tag == f"{W}hyperlink":
            out.extend(_run_text(r) for r in e if r.tag == f"{W}r")
    return "".join(out)


def _properties(tc) -> list:
    return [e for pr in tc if pr.tag == f"{W}tcPr" for e in pr]


def _span(props: list) -> int:
    vals = [e.get(f"{W}val") for e in props if e.tag == f"{W}gridSpan" and e.get(f"{W}val") is not None]
    try:
        return max(1, min(int(vals[0]), MAX_SPAN))
    except (IndexError, ValueError):
        return 1


def _continued(props: list) -> bool:
    """A cell under the one a vertical merge started (w:vMerge without a value, or "continue")."""
    return any(e.tag == f"{W}vMerge" and e.get(f"{W}val") in (None, "continue") for e in props)


def _grid(tbl, path: Path) -> Grid:
    """Rows of cell texts read from the XML itself: a span is written once and its place kept with
    None, so one hostile `w:gridSpan="2147483648"` cannot fill the memory."""
    trs = [tr for tr in tbl if tr.tag == f"{W}tr"]
    rows: list[list[str | None]] = []
    for tr in trs:
        texts: list[str | None] = []
        for tc in tr:
            if tc.tag != f"{W}tc":
                continue
            props = _properties(tc)
            texts.append(None if _continued(props) else "\n".join(
                _paragraph_text(p) for p in tc if p.tag == f"{W}p"))
            texts += [None] * (_span(props) - 1)
            if len(texts) > MAX_GRID_WIDTH or len(texts) * len(trs) > MAX_GRID_AREA:
                raise R.TooLargeError(path, f"文档中有一个 {len(trs)} 行、超过 {len(texts)} 列的表格，"
                                            "远大于年度报告的表格（可能是恶意构造的文件），未读取。")
        rows.append(texts)
    return Grid(rows)


def read_docx(path: Path) -> SourceDocument:
    try:
        with zipfile.ZipFile(path) as zf:
            kept = check_package(path, zf, frozenset({CONTENT_TYPES, PACKAGE_RELS, MAIN_PART}))
            parser = _parser()
            root = etree.fromstring(_main_part(zf, kept, parser), parser)
    except R.UnreadableDocument:
        raise
    except zipfile.BadZipFile:
        raise R.DamagedFileError(path, "Word 文件已损坏或不完整（不是有效的 .docx 压缩包）。") from None
    except Exception as exc:  # a damaged package raises many kinds of error
        raise R.DamagedFileError(path, f"Word 文件已损坏，无法读取（{type(exc).__name__}）。") from None
    try:
        body = root.find(f"{W}body") if root.tag == f"{W}document" else None
        if body is None:
            raise ValueError("no document body")
        doc = SourceDocument(source_kind="docx")
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                text = _paragraph_text(child)
                if text.strip():
                    doc.blocks.append(Paragraph(text))
            elif tag == "tbl":
                doc.blocks.append(_grid(child, path))
    except R.UnreadableDocument:
        raise
    except Exception as exc:  # a damaged part raises many kinds of error
        raise R.DamagedFileError(path, f"Word 文件已损坏，无法读取（{type(exc).__name__}）。") from None
    return doc
