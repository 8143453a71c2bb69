"""The report's own data inside an exported DOCX or HTML (format: forms.model.embed), written and read back.

The importers call `read_embedded_docx` / `read_embedded_html` so the format lives in one place.
Both readers take untrusted files: sizes are checked before anything is decompressed or parsed.
"""
from __future__ import annotations

import os
import re
import uuid
import zipfile
from pathlib import Path

from lxml import etree, html as lxml_html

from forms.model.embed import HTML_SCRIPT_ID, NAMESPACE

ITEM_NAME = re.compile(r"^customXml/item\d+\.xml$")
MAX_ITEM_BYTES = 60 * 1024 * 1024      # a report with its prior is tens of kB
MAX_ZIP_ENTRIES = 5000
MAX_RATIO = 200                         # a zip bomb compresses far better than any Word file

CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
CUSTOM_XML_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
DATASTORE_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


class UnsafeFileError(ValueError):
    """A zip whose sizes say it is not a Word file we should open."""


def check_zip(path: str | os.PathLike, max_total: int = 200 * 1024 * 1024) -> None:
    """Refuse a zip with too many members, too much content, or an implausible compression ratio."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsafeFileError(f"不是有效的 Word 文件（{exc}）") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnsafeFileError(f"文件包含 {len(infos)} 个部件，不像 Word 文件")
    total = sum(i.file_size for i in infos)
    if total > max_total:
        raise UnsafeFileError(f"文件解压后达 {total // 1024 // 1024} MB，过大")
    for i in infos:
        if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 1024 * 1024:
            raise UnsafeFileError(f"部件“{i.filename}”压缩比异常")


# --- writing ---------------------------------------------------------------------------
def custom_xml_item(json_text: str) -> bytes:
    root = etree.Element(f"{{{NAMESPACE}}}report", nsmap={None: NAMESPACE})
    root.text = json_text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def custom_xml_props() -> bytes:
    ds = f"{{{DATASTORE_NS}}}"
    root = etree.Element(f"{ds}datastoreItem", nsmap={"ds": DATASTORE_NS})
    root.set(f"{ds}itemID", "{" + str(uuid.uuid4()).upper() + "}")
    refs = etree.SubElement(root, f"{ds}schemaRefs")
    etree.SubElement(refs, f"{ds}schemaRef").set(f"{ds}uri", NAMESPACE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def is_report_item(blob: bytes) -> bool:
    return _report_text(blob) is not None


# --- reading ---------------------------------------------------------------------------
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False)


def _report_text(blob: bytes) -> str | None:
    try:
        root = etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError:
        return None
    return (root.text or "") if root.tag == f"{{{NAMESPACE}}}report" else None


def read_embedded_docx(path: str | os.PathLike) -> str | None:
    """The report JSON an exported DOCX carries, or None (not ours, edited away, unreadable)."""
    try:
        check_zip(path)
        with zipfile.ZipFile(Path(path)) as z:
            for info in z.infolist():
                if ITEM_NAME.match(info.filename) and info.file_size <= MAX_ITEM_BYTES:
                    text = _report_text(z.read(info))
                    if text is not None:
                        return text
    except (UnsafeFileError, zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def read_embedded_html(text: str) -> str | None:
    """The report JSON an exported HTML page carries, or None."""
    if not text.strip():
        return None
    try:
        doc = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    for script in doc.iter("script"):
        if script.get("id") == HTML_SCRIPT_ID and script.get("type", "").lower() == "application/json":
            return script.text or ""
    return None
