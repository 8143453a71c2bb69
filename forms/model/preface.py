"""The opening paragraph (本报告由…编制…) and the sign-off date, kept in step with the cover.

A preface the clerk has not typed in follows the cover fields: a changed 电话 changes it. Once
typed in by hand it is the clerk's; what it then states against the cover is a finding (F7).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from forms.model import Report

# Contact details as prefaces write them: 地址：…，邮编：…，电话：…，电子邮箱：…
# Patterns kept as text, compiled by re on first use: most processes never compare a typed preface.
CONTACT = {
    "address": r"地\s*址\s*[:：]\s*([^，,；;）)]+)",
    "postcode": r"邮\s*(?:编|政编码)\s*[:：]\s*(\d{6})",
    "phone": r"电\s*话\s*[:：]\s*([\d\-—－ ]{7,20}\d)",
    "email": r"(?:电\s*子\s*)?(?:邮\s*箱|信\s*箱|邮\s*件)\s*[:：]\s*([\w.\-]+@[\w.\-]+\w)",
}
_URL = (r"(?:https?://)?(?:www\.)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:gov\.cn|cn|com|net|org)"
        r"(?:/[\w\-./?=&%]*)?")
# The cover fields a preface quotes, with the name a clerk knows them by.
COVER_FIELDS = {"organization.name": "机关名称", "organization.address": "地址", "organization.postcode": "邮政编码",
                "organization.phone": "电话", "organization.email": "电子邮箱", "organization.website": "网站",
                "year": "报告年度"}
SIGN_OFF_DEADLINE = (1, 31)  # departments report by 31 January of the following year


def _has_cjk(text: str) -> bool:
    """A Chinese character in it (a compare, not a regex: that range's character set costs ~3 ms to compile)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def standard_preface(report: Report) -> str:
    """The usual opening paragraph, from the document's own data."""
    spec, org, year = report.spec, report.organization, report.year
    basis = spec.basis.split(";")[0].strip()
    parts = "、".join(s.title for s in spec.sections)
    text = (f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{basis}要求编制。"
            f"全文包括{parts}。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。")
    if org.website:
        where = org.website if _has_cjk(org.website) else f"{org.name}门户网站（{org.website}）"
        text += f"本报告电子版可在{where}查阅或下载。"
    contact = "，".join(f"{label}：{value}" for label, value in
                       (("地址", org.address), ("邮编", org.postcode), ("电话", org.phone), ("电子邮箱", org.email))
                       if value)
    if contact:
        text += f"如对本报告有疑问，请与{org.name or '本机关'}联系（{contact}）。"
    return text


def effective_preface(report: Report) -> str:
    """What is printed: the clerk's (or last year's) paragraph, else the standard one."""
    preface = report.sections.preface
    return preface if preface.strip() else standard_preface(report)


def follow_cover(report: Report, name: str, old: Any, new: Any) -> str | None:
    """The preface after a cover field changed from `old` to `new` (the report already holds `new`).

    None when the preface does not follow the cover: typed by hand, or blank (the standard one is
    made from the cover when printed anyway).
    """
    s = report.sections
    if s.preface_by_hand or not s.preface.strip() or name not in COVER_FIELDS or old == new:
        return None
    if name == "year":
        return re.sub(rf"(?<!\d){old}(\s*年)", lambda m: f"{new}{m.group(1)}", s.preface)
    old_text, new_text = str(old or "").strip(), str(new or "").strip()
    if not old_text or old_text not in s.preface:
        return None  # nothing of the old value to replace; F7 says if the text now disagrees
    return s.preface.replace(old_text, new_text)


@dataclass(frozen=True)
class Contradiction:
    field: str                 # "organization.phone" …
    stated: str                # what the preface says
    cover: str                 # what the cover says
    span: tuple[int, int]      # where the preface says it

    @property
    def label(self) -> str:
        return COVER_FIELDS[self.field]


def _same(a: str, b: str) -> bool:
    def norm(x: str) -> str:
        return re.sub(r"[\s\-—－/]|https?://|^www\.", "", x.lower())
    return norm(a) == norm(b)


def contradictions(report: Report) -> list[Contradiction]:
    """What the preface states that the cover fields do not (only where both say something)."""
    text, org = report.sections.preface, report.organization
    if not text.strip():
        return []
    found = []
    for key in ("postcode", "phone", "email"):
        cover = getattr(org, key).strip()
        m = re.search(CONTACT[key], text)
        if cover and m and not _same(m.group(1), cover) and not (key == "phone" and _same(cover, m.group(1)[-len(cover):])):
            found.append(Contradiction(f"organization.{key}", m.group(1).strip(), cover, m.span(1)))
    site = org.website.strip()
    if site and not _has_cjk(site):
        emails = [m.span() for m in re.finditer(r"[\w.\-]+@[\w.\-]+\w", text)]
        urls = [m for m in re.finditer(_URL, text) if not any(a <= m.start() < b for a, b in emails)]
        if urls and not any(_same(m.group(0).rstrip("/"), site.rstrip("/")) for m in urls):
            found.append(Contradiction("organization.website", urls[0].group(0), site, urls[0].span()))
    return found


def default_sign_off(year: int, today: date | None = None) -> date:
    """The date printed under the report when the clerk sets none: the export day, but within the
    month after the report year (a report for 2024 exported in 2027 is still dated January 2025)."""
    today = today or date.today()
    first, last = date(year + 1, 1, 1), date(year + 1, *SIGN_OFF_DEADLINE)
    return min(max(today, first), last)


_CHINESE_DATE = r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def parse_chinese_date(text: str) -> date | None:
    m = re.match(_CHINESE_DATE, text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def sign_off_date(report: Report, today: date | None = None) -> str:
    """The date line printed: the clerk's, else the default."""
    return report.sections.closing.strip() or chinese_date(default_sign_off(report.year, today))
