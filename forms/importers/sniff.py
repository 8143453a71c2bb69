"""Which reader a file needs, by its content (extensions lie), and the limits every input obeys."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from forms.model import embed, store
from forms.model import office
from forms.model.embedded import read_embedded_docx, read_embedded_html
from forms.importers import mapping
from forms.importers import result as R
from forms.importers.document import too_large
from forms.importers.document import SourceDocument
from forms.importers.text import decode, read_text

MAX_BYTES = {"pdf": 50 * 1024 * 1024, "docx": 30 * 1024 * 1024, "html": 10 * 1024 * 1024,
             "mht": 30 * 1024 * 1024,
             "text": 5 * 1024 * 1024}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps, .xls of old Office and WPS
LEGACY_EXTENSIONS = {".doc", ".wps", ".wpt", ".dot"}
MAX_MHT_MULTIPARTS = 20  # a saved page is one multipart/related; thousands nested is a bomb
HTML_MARKERS = (b"<html", b"<!doctype html", b"<table", b"<body", b"<head", b"<meta", b"<div", b"<p>")

Progress = Callable[[int, int], None]


def _kind(path: Path, head: bytes) -> str:
    if head.startswith(OLE_MAGIC) or path.suffix.lower() in LEGACY_EXTENSIONS:
        return "legacy"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        return "native"
    if b"multipart/related" in head.lower() and b"mime-version" in head.lower():
        return "mht"
    if any(m in head.lower() for m in HTML_MARKERS):
        return "html"
    if path.suffix.lower() in (".pdf", ".docx"):
        return "damaged"
    return "text"


def import_report(path: str | os.PathLike, *, progress: Progress | None = None) -> R.ImportResult:
    """Read any report a clerk may have; `progress(done, total)` may raise ImportCancelled."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        raise store.StoreError(path, "文件不存在。") from None
    except IsADirectoryError:
        raise store.StoreError(path, "这是一个文件夹，不是文件。") from None
    except OSError as exc:
        raise store.StoreError(path, f"读取失败（{exc.strerror or exc}）。") from None
    if size == 0:
        raise R.DamagedFileError(path, "文件是空的。")
    kind = _kind(path, head)
    if kind == "legacy":
        return _converted_legacy(path, size, progress)
    if kind == "damaged":
        raise R.DamagedFileError(path, f"文件扩展名为“{path.suffix}”，但内容不是该格式，文件可能已损坏。")
    if kind == "native":
        report = store.load(path)
        return R.ImportResult(report, "native", "native-json", [], {}, {})
    limit = MAX_BYTES[kind]
    if size > limit:
        raise R.TooLargeError(path, f"文件过大（{size / 1024 / 1024:.1f} MB），超过年报文件的合理大小"
                                    f"（{limit // 1024 // 1024} MB），未读取。")
    if kind == "pdf":
        from forms.importers.pdf import read_pdf
        doc = read_pdf(path, progress)
        return _build(path, doc)
    if kind == "docx":
        from forms.importers.docx import read_docx
        return _own_export_or_visible(path, read_docx(path), _embedded_docx(path))
    raw = path.read_bytes()
    if kind == "mht":  # a page saved by Internet Explorer or Word as a single file
        raw = _mht_page(path, raw)
        kind = "html"
    if kind == "html":
        from forms.importers.html import read_html
        doc, text = read_html(raw, path)
        return _own_export_or_visible(path, doc, _embedded_html(text))
    try:
        text, encoding = decode(raw)
    except UnicodeDecodeError:
        raise R.UnsupportedFormatError(path, "不是可识别的文档（既不是 Word、网页、PDF，也不是文本）。") from None
    if "\x00" in text[:4096]:
        raise R.UnsupportedFormatError(path, "不是可识别的文档（既不是 Word、网页、PDF，也不是文本）。")
    res = _build(path, read_text(text))
    if encoding:
        res.notes.insert(0, R.ImportNote(R.ENCODING, f"文本按 {encoding.upper()} 编码读取。"))
    return res


def _mht_page(path: Path, raw: bytes) -> bytes:
    import email
    from email import policy
    if raw.lower().count(b"multipart/") > MAX_MHT_MULTIPARTS:
        raise R.DamagedFileError(path, "网页存档（.mht）的结构异常（分段嵌套过多，可能是恶意构造的文件），未读取。")
    try:
        message = email.message_from_bytes(raw, policy=policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)  # bytes, or None when empty
                return payload if isinstance(payload, bytes) else b""
    except RecursionError:
        raise R.DamagedFileError(path, "网页存档（.mht）的结构异常（嵌套过深），未读取。") from None
    raise R.DamagedFileError(path, "网页存档（.mht）中没有网页内容。")


def read_document(doc: SourceDocument) -> R.ImportResult:
    """The document matched against the spec (mapping.py, which checks nothing), then its own
    errors as written: arithmetic (A1–A6) and text against tables (N), as notes for the clerk."""
    result = mapping.build(doc)
    _add_source_findings(result)
    return result


def _add_source_findings(result: R.ImportResult) -> None:
    """The document's own errors as written: arithmetic (A1–A6) and text against tables (N)."""
    from forms.rules import check
    for f in check(result.report, stated=result.stated):
        if f.code[0] in "AN":
            loc = f.location
            where = (loc.table, loc.row or "", loc.column or "") if loc.table else (loc.text or loc.section or "")
            result.notes.append(R.ImportNote(R.SOURCE_CHECK, f"原文 {f.code}：{f.message}", where, finding=f))


def _build(path: Path, doc) -> R.ImportResult:
    if why := too_large(doc.blocks):
        raise R.TooLargeError(path, why)
    try:
        return read_document(doc)
    except ValueError as exc:
        raise R.NotAReportError(path, f"{exc}。请确认这是政府信息公开工作年度报告。") from None


# --- our own exports: exact through the embedded data, unless the tables were edited ----------
def _embedded_docx(path: Path) -> str | None:
    try:
        return read_embedded_docx(path)
    except Exception:  # a damaged embedded part must not stop reading the visible document
        return None


def _embedded_html(text: str) -> str | None:
    try:
        return read_embedded_html(text)
    except Exception:  # as above
        return None


def _converted_legacy(path: Path, size: int, progress: Progress | None) -> R.ImportResult:
    """An old Word / WPS file (.doc, .wps), made .docx by LibreOffice where it is installed."""
    how = "请用 Word 或 WPS 打开，“另存为” Word 文档（.docx）后再导入"
    if office.find_soffice() is None:
        raise R.UnsupportedFormatError(path, f"这是旧版 Word/WPS 文件（{path.suffix or '.doc'}），本机未安装 LibreOffice，"
                                             f"无法自动转换。{how}（或安装 LibreOffice 后重试）。")
    if size > MAX_BYTES["docx"]:
        raise R.TooLargeError(path, f"文件过大（{size / 1024 / 1024:.1f} MB），未读取。")
    with tempfile.TemporaryDirectory() as tmp:
        # LibreOffice names its output after the input: a copy with a plain name and a Word suffix.
        source = Path(tmp) / "report.doc"
        shutil.copyfile(path, source)
        try:
            data = office.convert_bytes(source, "docx")
        except office.OfficeError as exc:
            raise R.UnsupportedFormatError(path, f"旧版 Word/WPS 文件转换失败（{exc}）。{how}。") from None
        converted = Path(tmp) / f"{path.stem}.docx"
        converted.write_bytes(data)
        result = import_report(converted, progress=progress)
    result.notes.insert(0, R.ImportNote(R.CONVERTED, f"“{path.name}”是旧版 Word/WPS 文件，已用 LibreOffice 转换后读取，请核对。"))
    return result


def _own_export_or_visible(path: Path, doc, data: str | None) -> R.ImportResult:
    """Our own export: the embedded report, exact; cells edited in the document since win."""
    if not data:
        return _build(path, doc)
    try:
        report = embed.from_json(data, str(path))
    except store.StoreError:
        visible = _build(path, doc)
        visible.notes.insert(0, R.ImportNote(R.EDITED, "文件中嵌入的年报数据无法读取，已按文档中可见的内容导入。"))
        return visible
    try:
        visible = _build(path, doc)
    except R.NotAReportError:  # the visible document was emptied: the embedded data is all there is
        return R.ImportResult(report, "native", "own-export", [R.ImportNote(
            R.EDITED, "文档中可见的内容已无法识别为年报，已按文件中嵌入的年报数据导入，请核对。")])
    edited = [cell for cell in visible.cells if _entered(visible.report, cell) != _entered(report, cell)
              and not report.spec.table(cell[0]).is_computed(cell[1], cell[2])]
    notes: list[R.ImportNote] = []
    if edited:
        names = "、".join(report.spec.table(t).cell_label(r, c) for t, r, c in edited[:5])
        more = f"等 {len(edited)} 处" if len(edited) > 5 else ""
        notes.append(R.ImportNote(R.EDITED, f"导出后文档中的表格被修改过（{names}{more}）：以文档中可见的数值为准。"))
        for t, r, c in edited:
            report.tables[t][r][c] = visible.report.tables[t][r][c]
            report.source_texts[f"{t}.{r}.{c}"] = visible.cells[(t, r, c)]
    return R.ImportResult(report, "native", "own-export", notes, visible.cells, visible.section_texts,
                          visible.pages, visible.source_text)


def _entered(report, cell):
    return report.tables.get(cell[0], {}).get(cell[1], {}).get(cell[2])
