"""The GB/T 9704-2012 page and styles, applied to a python-docx Document.

`templates/make_reference_docx.py` builds the default reference document with `apply_house_style`;
the DOCX renderer adds any of our styles an office's own reference document lacks with
`ensure_styles`, so a letterhead supplied by an office still gets readable tables.

python-docx sets neither East Asian fonts nor East Asian language, and its default template
declares Japanese theme fonts: everything here is written as WordprocessingML directly.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from forms.render.page import MARGINS_MM, PAGE_MM, TEXT_WIDTH_TWIPS

# 字号 in half-points: 2号 22pt, 3号 16pt, 4号 14pt, 五号 10.5pt.
SIZE_2, SIZE_3, SIZE_4, SIZE_5 = 44, 32, 28, 21
LINE_PITCH = 579          # twips: 22 lines in the 225 mm high text block (GB/T 9704 7.1)
CHARS_PER_LINE = 28
PAGE_W, PAGE_H = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
MARGINS = {side: Mm(mm) for side, mm in MARGINS_MM.items()}
LATIN = "Times New Roman"


@dataclass(frozen=True)
class Face:
    """An East Asian font and the one Word substitutes when it is missing (w:altName)."""
    name: str
    alt: str


FANGSONG = Face("仿宋_GB2312", "仿宋")
KAITI = Face("楷体_GB2312", "楷体")
HEITI = Face("黑体", "SimHei")
SONGTI = Face("宋体", "SimSun")
XIAOBIAOSONG = Face("方正小标宋简体", "华文中宋")
FACES = (FANGSONG, KAITI, HEITI, SONGTI, XIAOBIAOSONG)


@dataclass(frozen=True)
class StyleDef:
    style_id: str
    name: str
    face: Face
    size: int
    ppr: str                 # inner XML of w:pPr
    based_on: str | None = None
    custom: bool = False
    bold: bool = False


# 28 characters of 3号 are 448 pt; the line is 442 pt. Word's character grid (docGrid charSpace)
# narrows them, but LibreOffice gives a glyph wider than its grid cell two cells. So body text does
# not snap to the character grid and is condensed instead: 28 × 15.6 pt fit, 29 do not, in Word and
# in LibreOffice (which needs more slack than 0.25 pt).
CONDENSE_3 = -8  # twentieths of a point
_BODY_SPACING = f'<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
_INDENT_2 = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
_TABLE_SPACING = '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'

STYLES = (
    StyleDef("Normal", "Normal", FANGSONG, SIZE_3,
             f'<w:widowControl/>{_BODY_SPACING}{_INDENT_2}<w:jc w:val="both"/>'),
    StyleDef("Title", "Title", XIAOBIAOSONG, SIZE_2,
             f'<w:spacing w:before="0" w:after="{LINE_PITCH}" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
             '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/><w:outlineLvl w:val="9"/>',
             "Normal"),
    StyleDef("Heading1", "heading 1", HEITI, SIZE_3,
             f'<w:keepNext/>{_BODY_SPACING}{_INDENT_2}<w:outlineLvl w:val="0"/>', "Normal"),
    StyleDef("Heading2", "heading 2", KAITI, SIZE_3,
             f'<w:keepNext/>{_BODY_SPACING}{_INDENT_2}<w:outlineLvl w:val="1"/>', "Normal"),
    StyleDef("TableText", "Table Text", FANGSONG, SIZE_5,
             f'{_TABLE_SPACING}<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>',
             "Normal", custom=True),
    StyleDef("TableLabel", "Table Label", FANGSONG, SIZE_5, '<w:jc w:val="left"/>', "TableText", custom=True),
    StyleDef("TableCaption", "Table Caption", FANGSONG, SIZE_5, '<w:jc w:val="left"/>', "TableText",
             custom=True, bold=True),
    StyleDef("Signature", "Signature", FANGSONG, SIZE_3,
             '<w:ind w:firstLine="0" w:firstLineChars="0" w:rightChars="200" w:right="640"/><w:jc w:val="right"/>',
             "Normal"),
    StyleDef("Footer", "footer", SONGTI, SIZE_4,
             '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
             '<w:ind w:firstLine="0" w:firstLineChars="0"/>', "Normal"),
)


def _rpr(face: Face, size: int, bold: bool = False) -> str:
    weight = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    condense = f'<w:spacing w:val="{CONDENSE_3}"/>' if size == SIZE_3 else ""
    return (f'<w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{face.name}" w:cs="{LATIN}"/>'
            f'{weight}<w:color w:val="000000"/>{condense}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            f'<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>')


def _style_xml(s: StyleDef) -> str:
    based = f'<w:basedOn w:val="{s.based_on}"/>' if s.based_on else ""
    attrs = ' w:customStyle="1"' if s.custom else (' w:default="1"' if s.style_id == "Normal" else "")
    return (f'<w:style {nsdecls("w")} w:type="paragraph"{attrs} w:styleId="{s.style_id}">'
            f'<w:name w:val="{s.name}"/>{based}<w:qFormat/>'
            f'<w:pPr>{s.ppr}</w:pPr>{_rpr(s.face, s.size, s.bold)}</w:style>')


def _styles_element(document: Document):
    return document.styles.element


def _replace_style(document: Document, s: StyleDef) -> None:
    root = _styles_element(document)
    for old in root.findall(qn("w:style")):
        if old.get(qn("w:styleId")) == s.style_id:
            root.remove(old)
    root.append(parse_xml(_style_xml(s)))


def ensure_styles(document: Document) -> None:
    """Add our styles that a reference document does not define; keep the ones it has."""
    have = {el.get(qn("w:styleId")) for el in _styles_element(document).findall(qn("w:style"))}
    for s in STYLES:
        if s.style_id not in have:
            _replace_style(document, s)


def _set_doc_defaults(document: Document) -> None:
    root = _styles_element(document)
    defaults = root.find(qn("w:docDefaults"))
    if defaults is not None:
        root.remove(defaults)
    root.insert(0, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault>{_rpr(FANGSONG, SIZE_3)}</w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        '</w:docDefaults>'))


def _set_page(document: Document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    # The page number's dash line sits 7 mm below the text block (GB/T 9704 7.5).
    section.footer_distance = MARGINS["bottom"] - Mm(7) - Mm(5)
    section.header_distance = Mm(15)
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    # Negative character spacing (1/4096 pt) narrows 3号 characters so that 28 fill a line exactly.
    pitch_pt = TEXT_WIDTH_TWIPS / 20 / CHARS_PER_LINE
    char_space = round((pitch_pt - SIZE_3 / 2) * 4096)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    grid.set(qn("w:charSpace"), str(char_space))
    sect.append(grid)


def _page_number_paragraph(footer, align: str, indent_side: str) -> None:
    """“— N —” in 4号 宋体, one character in from the outer edge."""
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    ppr = p._p.get_or_add_pPr()
    for child in list(ppr):
        ppr.remove(child)
    ppr.append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="Footer"/>'))
    ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:{indent_side}Chars="100" w:{indent_side}="280"/>'))
    ppr.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{align}"/>'))
    dash = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'  # a full-width 一字线, not the Latin dash
    runs = (f'<w:r>{dash}<w:t xml:space="preserve">— </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r>{dash}<w:t xml:space="preserve"> —</w:t></w:r>')
    for r in parse_xml(f'<w:p {nsdecls("w")}>{runs}</w:p>').findall(qn("w:r")):
        p._p.append(r)


def _set_page_numbers(document: Document) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number_paragraph(section.footer, "right", "right")        # odd pages: at the right
    _page_number_paragraph(section.even_page_footer, "left", "left")  # even pages: at the left


def _set_theme_and_language(document: Document) -> None:
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    theme = next((rel.target_part for rel in document.part.rels.values()
                  if rel.reltype.endswith("/theme")), None)
    if theme is None:
        return
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    root = parse_xml(theme.blob)
    for kind, face in (("majorFont", HEITI), ("minorFont", SONGTI)):
        for font in root.iter(f"{{{a}}}{kind}"):
            font.find(f"{{{a}}}ea").set("typeface", face.name)
            for script in font.findall(f"{{{a}}}font"):
                if script.get("script") == "Jpan":
                    font.remove(script)
    theme._blob = _serialise(root)


def _serialise(root) -> bytes:
    from lxml import etree
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def apply_house_style(document: Document) -> None:
    """Page, grid, fonts, styles and page numbers of GB/T 9704-2012 on a fresh python-docx Document."""
    _set_doc_defaults(document)
    for s in STYLES:
        _replace_style(document, s)
    _set_page(document)
    _set_page_numbers(document)
    _set_theme_and_language(document)
    _set_font_table_blob(document)


def _set_font_table_blob(document: Document) -> None:
    font_part = next(rel.target_part for rel in document.part.rels.values()
                     if rel.reltype.endswith("/fontTable"))
    root = parse_xml(font_part.blob)
    for f in list(root.findall(qn("w:font"))):
        charset = f.find(qn("w:charset"))
        if f.get(qn("w:name")) in {face.name for face in FACES} or (
                charset is not None and charset.get(qn("w:val")) == "80"):  # Shift-JIS fonts
            root.remove(f)
    for face in FACES:
        root.append(parse_xml(
            f'<w:font {nsdecls("w")} w:name="{face.name}"><w:altName w:val="{face.alt}"/>'
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'))
    font_part._blob = _serialise(root)
