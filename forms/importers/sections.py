"""The text of a report: its title (organ and year), the opening paragraph and the sections.

Headings vary between reports (二、行政机关主动公开政府信息情况, 五、存在的主要问题及整改措施), so
a heading is recognised by its title's likeness to the spec's, not by its number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from forms.importers.lines import Line
from forms.importers.normalize import normalize
from forms.model import OrgLevel
from forms.spec import Spec

HEADING_SCORE = 72.0
_NUMBERED = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*")
_TOPIC = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十])\s*[)）]\s*")
_TITLE_YEAR_FIRST = re.compile(r"(\d{4})年度?([^\d#]{2,40}?)政府信息公开(?:工作)?年度?报告")
_TITLE_ORG_FIRST = re.compile(r"([^\d#]{2,40}?)(\d{4})年度?政府信息公开(?:工作)?年度?报告")
_PERIOD_YEAR = re.compile(r"统计(?:期限|时限|周期)[^\d]{0,8}(\d{4})年")
_DATE_LINE = re.compile(r"^\s*[(（]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$")
_SENTENCE_END = "。！？"
# Contact details in the opening paragraph: 地址：…，邮编：…，电话：…，电子邮箱：…
_CONTACT = {
    "address": re.compile(r"地址[:：]\s*([^，,；;）)]+)"),
    "postcode": re.compile(r"邮\s*编[:：]\s*(\d{6})"),
    "phone": re.compile(r"电\s*话[:：]\s*([\d\-—－ ]{7,20}\d)"),
    "email": re.compile(r"(?:电子)?\s*邮\s*箱[:：]\s*([\w.\-]+@[\w.\-]+\w)"),
}


@dataclass
class Heading:
    index: int
    key: str
    text: str


def _heading_key(text: str, spec: Spec) -> str | None:
    if not _NUMBERED.match(text) or len(normalize(text)) > 40:
        return None
    title = normalize(_NUMBERED.sub("", text))
    best, best_score = None, 0.0
    for s in spec.sections:
        target = normalize(s.title)
        score = fuzz.ratio(title, target)
        if min(len(title), len(target)) >= 0.6 * max(len(title), len(target)):
            score = max(score, fuzz.partial_ratio(target, title) - 5)
        if score > best_score:
            best, best_score = s.key, score
    return best if best_score >= HEADING_SCORE else None


def find_headings(lines: list[Line], spec: Spec) -> list[Heading]:
    found = []
    for i, line in enumerate(lines):
        if line.is_text and (key := _heading_key(line.label, spec)):
            found.append(Heading(i, key, line.label.strip()))
    return found


def title_and_year(lines: list[Line], first_heading: int) -> tuple[str, str, int | None, int]:
    """(title, organ, year, index of the first line after the title)."""
    head = [ln for ln in lines[:min(first_heading, 6)] if ln.is_text]
    joined, used = "", 0
    for ln in head[:4]:
        joined += "".join(ln.label.split())
        used += 1
        for pattern, year_group, organ_group in ((_TITLE_YEAR_FIRST, 1, 2), (_TITLE_ORG_FIRST, 2, 1)):
            if m := pattern.search(joined):
                organ = m.group(organ_group).strip()
                return m.group(0), organ, int(m.group(year_group)), lines.index(ln) + 1
    return "", "", None, 0


def year_from_period(text: str) -> int | None:
    m = _PERIOD_YEAR.search("".join(text.split()))
    return int(m.group(1)) if m else None


def organ_level(name: str) -> OrgLevel:
    if re.search(r"人民政府办公(厅|室)$", name):
        return OrgLevel.GOVERNMENT_OFFICE
    if name.endswith("人民政府"):
        return OrgLevel.GOVERNMENT
    if re.search(r"(街道办事处|街道|乡|镇)(人民政府)?$", name):
        return OrgLevel.TOWNSHIP
    return OrgLevel.DEPARTMENT


def contact_details(preface: str) -> dict[str, str]:
    flat = re.sub(r"\s+", "", preface)
    found = {}
    for key, pattern in _CONTACT.items():
        if m := pattern.search(flat):
            found[key] = m.group(1).strip()
    return found


def join_lines(lines: list[str]) -> str:
    """Lines wrapped at the page width rejoined into paragraphs.

    A paragraph ends with a sentence, before a numbered sub-heading, or on a line clearly shorter
    than the text's full lines (a heading, or the last line of a paragraph).
    """
    texts = [t.strip() for t in lines if t.strip()]
    lengths = sorted(len(t) for t in texts)
    full = lengths[len(lengths) * 3 // 4] if lengths else 0
    paragraphs: list[list[str]] = []
    for text in texts:
        last = paragraphs[-1][-1] if paragraphs else ""
        starts_new = bool(_TOPIC.match(text) or _NUMBERED.match(text))
        if last and not starts_new and _mid_sentence(last):
            paragraphs[-1].append(text)  # a PDF's hard line break inside a sentence, however short the line
        elif not last or last[-1] in _SENTENCE_END or starts_new or len(last) < 0.7 * full:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
    return "\n".join(close_cjk_spaces(_glue(parts)) for parts in paragraphs)


_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("“", "”"), ("【", "】"))
_CONTINUES = "，、（《“：—-"  # a line ending in these goes on on the next


def _mid_sentence(text: str) -> bool:
    """A line that leaves brackets or quotes open, or ends on a comma: the sentence goes on."""
    if text[-1] in _CONTINUES:
        return True
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]+(?=[\u3000-\u9fff\uff00-\uffef\d])"
                        r"|(?<=[\u3000-\u9fff\uff00-\uffef\d])[ \t]+(?=[\u3000-\u9fff\uff00-\uffef])")


def close_cjk_spaces(text: str) -> str:
    """“2023 年”, “邮 编 ：”: spaces a PDF puts between Chinese characters are not the author's."""
    return _CJK_SPACE.sub("", text)


def _glue(parts: list[str]) -> str:
    """Chinese lines join directly; a word broken between two lines of Latin text keeps a space."""
    out = [parts[0]]
    for left, right in zip(parts, parts[1:]):
        if left[-1].isascii() and right[0].isascii() and left[-1].isalnum() and right[0].isalnum():
            out.append(" ")
        out.append(right)
    return "".join(out)


def split_closing(lines: list[str], organ: str) -> tuple[list[str], str]:
    """The sign-off at the end (organ name, then a date line) is not part of the last section."""
    if lines and _DATE_LINE.match(lines[-1]):
        date = lines[-1].strip()
        body = lines[:-1]
        if body and organ and normalize(body[-1]) == normalize(organ):
            body = body[:-1]
        return body, date
    return lines, ""


def split_topics(text_lines: list[str], spec: Spec) -> tuple[list[str], dict[str, list[str]]]:
    """一、总体情况 into its opening and the five topics, when written as （一）…（五） sub-headings."""
    intro: list[str] = []
    topics: dict[str, list[str]] = {}
    if not spec.topics:  # a format without the five topics (2019): 一 is one text
        return list(text_lines), topics
    current: list[str] = intro
    free = [t.key for t in spec.topics]
    for line in text_lines:
        if _TOPIC.match(line) and (key := _topic_of(line, spec, free)):
            free.remove(key)
            current = topics.setdefault(key, [])
        current.append(line)
    return intro, topics


def _topic_of(line: str, spec: Spec, free: list[str]) -> str | None:
    heading = normalize(line)[:30]
    for t in spec.topics:
        if t.key in free and normalize(t.keyword) in heading:
            return t.key
    scored = [(fuzz.partial_ratio(normalize(t.keyword), heading), t.key) for t in spec.topics if t.key in free]
    scored.sort(reverse=True)
    if scored and scored[0][0] >= 75:
        return scored[0][1]
    # no topic named: its number says which (（四） the fourth), or the next one still free
    keys = [t.key for t in spec.topics]
    number = _TOPIC.match(line).group(1)
    start = "一二三四五六七八九十".index(number) if number in "一二三四五六七八九十" else 0
    later = [k for k in keys[start:] if k in free]
    return later[0] if later else (free[0] if free else None)
