"""The figures a report's prose states, and what each one counts.

“区政府办代表区政府受理政府信息公开申请17件” says: received applications, 17, scope “own
organ”. Only phrases whose meaning is unambiguous are read: a number needs a counting unit
(件/宗…) right after it and its keyword right before it, with no punctuation or other number in
between, so percentages, dates, years, document numbers and phone numbers never qualify, and
counts of other things (网站发布信息1136条, 会议, 培训) have no keyword. Sub-counts (“其中自然人
申请741件”), approximate figures (近300个, 100余件) and lumped counts (“规范性文件等243件”) are
skipped: a checker that guesses raises false alarms.

Matching runs on a compact copy of the text without whitespace (PDF text breaks lines inside
words: “答\\n复 3050 件”); spans are mapped back to the original text. `read_figures` is cached by
text content, so re-checking an unchanged text costs a dictionary lookup.
"""
from __future__ import annotations

import re
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, lru_cache, partial
from typing import Callable, Iterator

from forms.model.values import CHINESE_NUMERALS, FULLWIDTH_DIGITS, NUMBER, parse_number


@dataclass(frozen=True)
class Figure:
    """A number stated in the text, with what it counts."""
    kind: str                # "received", "withheld", "review", "rules", … (forms.rules.text reads them)
    value: int | Decimal
    span: tuple[int, int]    # [start, end) of the phrase in the original text
    phrase: str              # the phrase without whitespace: 受理政府信息公开申请17件
    scope: str | None = None  # "area" (全市/全区/全县…) or "own" (本机关…), said in the same sentence
    scope_word: str = ""
    column: str = ""         # 规章/规范性文件 counts: "issued", "published", "repealed" or "in_force"
    period: str = ""         # "2023" when the sentence names a year before the figure, "prior" for 去年/上年
    rows: tuple[str, ...] = ()  # outcome counts: the 表三 rows a reason before it names (“因本机关不掌握…”)


@dataclass(frozen=True)
class Claim:
    """A sentence that claims something checkable without a number (“均获维持”)."""
    kind: str  # "all_upheld", "all_won", "none_lost", "no_cases", "all_natural_persons", "none_received"
    span: tuple[int, int]
    phrase: str
    groups: tuple[str, ...] = ()  # 表四 groups the claim is about: "review", "litigation"


# --- building blocks (on the compact text) --------------------------------------------------
_BREAK = "，,。；;！!？?：:（）()、【】[]"
_CONTEXT = 240  # characters before a figure that can say what it counts
_WHITESPACE = re.compile(r"\s+")
_SENTENCE_END = "。；;！!？?"
_SENTENCE_END_RE = re.compile(f"[{re.escape(_SENTENCE_END)}]")


def _gap(n: int) -> str:
    """Words between a keyword and its number: no digit, no punctuation."""
    return rf"(?P<gap>[^0-9{re.escape(_BREAK)}]{{0,{n}}}?)"


# Never starting inside a number: a number-first pattern would otherwise retry at every digit.
_NUM = rf"(?<![0-9.,{CHINESE_NUMERALS}])(?P<num>{NUMBER.pattern})"
_APP_UNIT = r"(?:件|宗|个|条|份)"
_CASE_UNIT = r"(?:件|宗|起|个)"
_DOC_UNIT = r"(?:件|个|部|份)"
# A number right after one of these is not an exact count: 第3件, 近300个, 约20件, 超过100件.
_NOT_EXACT_BEFORE = ("第", "近", "约", "超", "逾", "过", "余", "多", "达到近")
# Words that make a gap about something else than the counted applications or cases.
_FOREIGN = re.compile(r"其中|等|复议|诉讼|案件|提案|建议|问政|投诉|信访|热线|咨询|留言|诉求|来信|来电|工单"
                      r"|自然人|法人|企业|组织|机构|主动")

_OTHER_MATTERS = re.compile(r"提案|建议|问政|投诉|信访|热线|咨询|留言|诉求|来信|来电|工单|案件|复议|诉讼")

# The reasons of 表三's outcome rows, as sentences name them.
_REASON_ROWS = [
    ("国家秘密", "withheld_state_secret"), ("禁止公开", "withheld_prohibited_by_law"),
    ("三安全一稳定", "withheld_security_stability"), ("第三方", "withheld_third_party"),
    ("内部事务", "withheld_internal_affairs"), ("过程性", "withheld_process_info"),
    ("执法案卷", "withheld_enforcement_file"), ("查询事项", "withheld_inquiry"),
    ("不掌握", "unavailable_not_held"), ("另行制作", "unavailable_needs_creation"),
    ("没有现成", "unavailable_needs_creation"), ("不明确", "unavailable_unclear"),
    ("信访", "rejected_petition"), ("举报", "rejected_petition"), ("投诉", "rejected_petition"),
    ("重复申请", "rejected_duplicate"), ("出版物", "rejected_publication"), ("大量反复", "rejected_excessive"),
    ("重新出具", "rejected_confirmation"), ("不补正", "other_no_correction"), ("缴纳费用", "other_fee_unpaid"),
]
_CLAUSE_END = "，,。；;！!？?：:（）()"

_OUTCOMES = [
    ("granted+partial", r"(?:予以公开|同意公开|全部公开)(?:及|和|与|、|或|以及)部分公开"),
    ("granted", r"(?:予以公开|同意公开|全部公开)"),
    ("partially_granted", r"部分公开"),
    ("withheld", r"不予公开"),
    ("unavailable", r"无法提供"),
    ("rejected", r"不予处理"),
    ("other_processing", r"其他处理"),
]

# (kind, finder, guard): finder(text) yields the matches. Order matters: a number read by an
# earlier pattern is not read again.
_PATTERNS: list[tuple[str, Callable[[str], Iterator[re.Match | _Phrase]], str]] = []
_REACH = 64  # characters before an anchor where such a figure may start: number, unit and gap
_LONGEST_GAP = 20


@cache
def _gap_number_unit(unit: str) -> re.Pattern:
    """The gap, a number (not inside another) and its unit. The number's Chinese character classes
    take about 1 ms to compile: compiled once per unit, not once per pattern."""
    return re.compile(rf"{_gap(_LONGEST_GAP)}{_NUM}{unit}")


class _Phrase:
    """A match of words then a gap, a number and its unit, read as re.Match is (start, end, group)."""
    __slots__ = ("string", "_words", "_rest")

    def __init__(self, string: str, words: re.Match, rest: re.Match):
        self.string, self._words, self._rest = string, words, rest

    def start(self, group: int | str = 0) -> int:
        if group == 0:
            return self._words.start()
        return self._rest.start(group) if group in ("gap", "num") else self._words.start(group)

    def end(self, group: int | str = 0) -> int:
        if group == 0:
            return self._rest.end()
        return self._rest.end(group) if group in ("gap", "num") else self._words.end(group)

    def group(self, group: int | str = 0) -> str:
        return self.string[self.start(group):self.end(group)]


def _phrases(words: re.Pattern, gap: int, unit: str, text: str) -> Iterator[_Phrase]:
    """What `re.finditer(words + _gap(gap) + _NUM + unit, text)` finds, in two steps: the words (which
    match one way only where they match), then the rest right after them. The gap is the shortest
    after which a number and its unit follow, so a longest gap allowed past `gap` is no match."""
    rest = _gap_number_unit(unit)
    pos = 0
    while (w := words.search(text, pos)) is not None:
        m = rest.match(text, w.end())
        if m is None or m.end("gap") - m.start("gap") > gap:
            pos = w.start() + 1
            continue
        yield _Phrase(text, w, m)
        pos = m.end()


def _add(kind: str, words: str, gap: int, unit: str, guard: str) -> None:
    """A figure its words announce: the words, a gap of at most `gap` characters, the number, its unit."""
    _PATTERNS.append((kind, partial(_phrases, re.compile(words), gap, unit), guard))


def _add_reversed(kind: str, pattern: str, guard: str, anchor: str) -> None:
    """A figure whose words follow it: looked for only just before them (the anchor), else the regex
    engine would try it at every character of the text."""
    _PATTERNS.append((kind, partial(_before_anchor, re.compile(pattern), re.compile(anchor)), guard))


def _before_anchor(pattern: re.Pattern, anchor: re.Pattern, text: str) -> Iterator[re.Match]:
    """pattern.finditer(text), each match sought only in the stretch before an anchor."""
    end = 0
    for a in anchor.finditer(text):
        while a.end() > end:
            m = pattern.search(text, max(end, a.start() - _REACH), a.end())
            if m is None:
                break
            yield m
            end = m.end()


for _kind, _word in _OUTCOMES:
    _add(_kind, _word, 8, _APP_UNIT, "outcome")
_add("carried_over", r"上一?年度?结转", 16, _APP_UNIT, "gap")
_add("carried_forward", r"(?:结转|顺延|转)(?:到|至|入)?下一?年度?", 16, _APP_UNIT, "gap")
_FORWARD = r"(?:结转|顺延|转)(?:到|至|入)?下一?年度?"
_add_reversed("carried_forward", rf"{_NUM}{_APP_UNIT}{_gap(20)}{_FORWARD}", "reverse", _FORWARD)
_add("received_new", r"新收", 20, _APP_UNIT, "gap")
_add("received", r"(?:收到|受理|接收|接到|收悉)", 20, _APP_UNIT, "application")
_add("handled", r"(?:办结|答复|办理完毕|办理完成|处理完毕)", 12, _APP_UNIT, "handled")
_add("handled_any", r"办理", 12, _APP_UNIT, "handled")
_add("litigation_after_review", r"复议后(?:起诉|诉讼)", 6, _CASE_UNIT, "case")
_add("litigation_direct", r"(?:未经复议直接|直接)(?:起诉|诉讼)", 6, _CASE_UNIT, "case")
_add("review", r"行政复议", 8, _CASE_UNIT, "case")
_add_reversed("review", rf"{_NUM}{_CASE_UNIT}{_gap(16)}行政复议", "reverse_case", "行政复议")
_add("litigation", r"(?:行政诉讼|诉讼)", 8, _CASE_UNIT, "case")
_add_reversed("litigation", rf"{_NUM}{_CASE_UNIT}{_gap(16)}行政诉讼", "reverse_case", "行政诉讼")
_add("case_outcome", r"(?P<outcome>结果维持|维持|结果纠正|纠正|纠错|其他结果|尚未审结|未审结|审理中)", 4, _CASE_UNIT,
     "case_outcome")
# 部门(行政)规范性文件 are not what 表二（一） counts; refused in _figure (a look-behind first would
# make the pattern try every position of the text).
_add("regulation", r"(?P<noun>行政规范性文件|规范性文件|规章(?!制度))", 6, _DOC_UNIT, "regulation")

_CASE_OUTCOME_COLUMN = {"结果维持": "upheld", "维持": "upheld", "结果纠正": "corrected", "纠正": "corrected",
                        "纠错": "corrected", "其他结果": "other", "尚未审结": "pending", "未审结": "pending",
                        "审理中": "pending"}
# 表四 groups a sentence is about, by the last of these before the figure or claim.
_CASE_HEAD = re.compile(r"复议后(?:起诉|诉讼)|直接(?:起诉|诉讼)|行政复议|复议|行政诉讼|诉讼|起诉")
_HEAD_GROUPS = {"复议后起诉": ("litigation_after_review",), "复议后诉讼": ("litigation_after_review",),
                "直接起诉": ("litigation_direct",), "直接诉讼": ("litigation_direct",),
                "行政复议": ("review",), "复议": ("review",)}
_LITIGATION = ("litigation_direct", "litigation_after_review")

_REGULATION_VERB = re.compile(r"现行有效|有效|废止|失效|制发|出台|印发|制定|发布|公布|(?<!信息)(?<!政务)公开|新增"
                              r"|审核|审查|备案|清理|起草|修订|修改|征求意见|刊登|解读")
# “公开规章13件（含新制定5件，修改4件，废止4件）”: what was published may include the repealed.
_VERB_COLUMN = {"现行有效": "in_force", "有效": "in_force", "废止": "repealed", "失效": "repealed",
                "制发": "issued", "出台": "issued", "印发": "issued", "制定": "issued", "新增": "issued",
                "发布": "published", "公布": "published", "公开": "published"}

_SCOPE = re.compile(r"(?P<part>各地|各部门|各单位|各乡镇|各镇|各街道|各县区|各区县|各县|各区|[县市区]直(?:各)?(?:部门|单位))"
                    r"|(?P<area>全市|全区|全县|全省|全州|全旗|全盟|全镇|全乡|全街道)"
                    r"|(?P<own>本机关(?!不掌握)|本单位|本部门|本级|[我本][局委办厅署处院]|代表[^，。；]{0,6}政府"
                    r"|[市区县州镇乡]?政府办公[室厅]|[市区县州镇乡]?政府办|办公厅)")

# A year named before a figure in its sentence (2023年受理…), or last year's figure (去年受理…).
# “较上年增长” compares; it does not date the figure.
_YEAR = re.compile(r"(?<![0-9较比与])((?:19|20)[0-9]{2})年(?!度?[0-9])|(?<![较比与])(?:去年|上一?年度?)(?!度?结转)")
# Figures of the application counts that belong to a part of the whole: “其中县政府办受理30件”.
_APPLICATION_KINDS = {"received", "received_new", "handled", "handled_any", "carried_over", "carried_forward"}
# Applications by channel are parts of the whole: 网上受理申请…, 当面受理…
_CHANNEL = re.compile(r"网上|网络|在线|线上|线下|当面|现场|信函|邮寄|传真|电子邮件|邮件|电话|窗口")
# A verb alone continuing a list of 规章/规范性文件 counts: “制发行政规范性文件5件，废止3件，现行有效40件”.
_VERB_ONLY = partial(_phrases, re.compile(r"(?P<verb>现行有效|废止|失效|制发|出台|印发)"), 4, _DOC_UNIT)

_CLAIMS = [
    ("all_upheld", re.compile(r"均获维持|均被维持|均予维持|均维持|全部维持|全部获得维持")),
    ("all_won", re.compile(r"均胜诉|均获胜诉|全部胜诉")),
    ("none_lost", re.compile(r"零败诉|无败诉|未败诉|没有败诉|未发生[^，。；]{0,20}?败诉")),
    # “未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况”; not “…被行政复议纠错或行政诉讼败诉”.
    ("no_cases", re.compile(r"(?:未发生|没有发生|未出现|未有|没有|无(?<!并无)(?![论法]))[^0-9，。；]{0,24}?"
                            r"(?:行政复议|行政诉讼)[^，。；]*")),
    ("all_natural_persons", re.compile(r"(?:均|全部|都)(?:为|是|系|来自)自然人")),
    ("none_received", re.compile(r"(?:未|没有)(?:收到|受理|接到)(?P<gap>[^0-9，。；]{0,16}?)申请(?![人书表材]|行政复议|复议|行政诉讼)")),
]


_CLAIM_ORDER = {kind: i for i, (kind, _) in enumerate(_CLAIMS)}


# --- the compact text ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Compact:
    text: str
    # Where each stretch of the compact text came from: compact position, original position.
    # (A list of stretches, not a position for every character: a long text stays cheap.)
    starts: list[int]
    origins: list[int]
    ends: tuple[int, ...]    # positions of the sentence ends, ascending

    def origin(self, i: int) -> int:
        """The index in the original text of compact character i (len(text): the end)."""
        k = bisect_right(self.starts, i) - 1
        return self.origins[k] + i - self.starts[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin(start), self.origin(end - 1) + 1

    def sentence_start(self, pos: int) -> int:
        """Where the sentence of `pos` starts; a run-on sentence is looked at for its last stretch only."""
        i = bisect_left(self.ends, pos)
        return max(self.ends[i - 1] + 1 if i else 0, pos - _CONTEXT)


_FULLWIDTH = re.compile("[０-９．]+")


def _compact(text: str) -> _Compact:
    # One character for one, so positions are kept; only the full-width runs are translated.
    text = _FULLWIDTH.sub(lambda m: m.group().translate(FULLWIDTH_DIGITS), text)
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    pos = size = 0
    for m in _WHITESPACE.finditer(text):
        start, end = m.span()
        starts.append(size)
        origins.append(pos)
        pieces.append(text[pos:start])
        size += start - pos
        # Keep one space between two digits so that “2 10” does not become 210.
        if start and end < len(text) and text[start - 1].isdigit() and text[end].isdigit():
            starts.append(size)
            origins.append(start)
            pieces.append(" ")
            size += 1
        pos = end
    starts.append(size)
    origins.append(pos)
    pieces.append(text[pos:])
    compact = "".join(pieces)
    ends = tuple(m.start() for m in _SENTENCE_END_RE.finditer(compact))
    return _Compact(compact, starts, origins, ends)


# --- reading ---------------------------------------------------------------------------------
@lru_cache(maxsize=256)
def read_text(text: str) -> tuple[tuple[Figure, ...], tuple[Claim, ...]]:
    """The figures and claims of one text (cached by content: the editor re-checks on every key).

    A long text is read a stretch of paragraphs at a time, each stretch cached by its content, so
    typing in one paragraph of a long text re-reads that stretch only."""
    if len(text) <= 2 * _STRETCH:
        return _read(text)
    figures: list[Figure] = []
    claims: list[Claim] = []
    for start, end in _stretches(text):
        lead = max(0, start - _LEAD)
        part_figures, part_claims = _read_part(text[lead:end], start - lead)
        figures += [replace(f, span=(f.span[0] + lead, f.span[1] + lead)) for f in part_figures]
        claims += [replace(c, span=(c.span[0] + lead, c.span[1] + lead)) for c in part_claims]
    claims.sort(key=lambda c: (_CLAIM_ORDER[c.kind], c.span[0]))  # as a whole text lists them
    return tuple(figures), tuple(claims)


def _read(text: str) -> tuple[tuple[Figure, ...], tuple[Claim, ...]]:
    c = _compact(text)
    return tuple(_figures(c)), tuple(_claims(c))


# Nothing read crosses a 。 or ；(no pattern's gap, no claim, no sentence), so a text split just
# after one reads the same in parts; each part gets the words before it to look back at (办结 N 件
# looks 80 characters back for 申请), and what is found in those words belongs to the part before.
_STRETCH = 4000
_LEAD = 400
_PARAGRAPH_END = re.compile(r"[。；][^\S\n]*\n")


def _stretches(text: str):
    """[start, end) of stretches of whole paragraphs of about _STRETCH characters.

    Whether a stretch ends after a paragraph depends on that paragraph alone (a checksum of its
    words, not Python's hash, which changes from process to process), each paragraph ending one
    with a chance proportional to its length: an edit moves the stretches around its paragraph
    only, and the ones after it stay as they were, still cached. A distance from the stretch's
    start would carry every edit on to all the stretches after it."""
    start = last = 0
    for m in _PARAGRAPH_END.finditer(text):
        paragraph = text[last:m.end()]
        if (zlib.crc32(paragraph.encode("utf-8", "surrogatepass")) % _STRETCH < len(paragraph)
                or m.end() - start >= 4 * _STRETCH):
            yield start, m.end()
            start = m.end()
        last = m.end()
    yield start, len(text)


@lru_cache(maxsize=4096)
def _read_part(part: str, skip: int) -> tuple[tuple[Figure, ...], tuple[Claim, ...]]:
    figures, claims = _read(part)
    return (tuple(f for f in figures if f.span[0] >= skip), tuple(c for c in claims if c.span[0] >= skip))


def clear_caches() -> None:
    """Forget every text read (benches: a cold read)."""
    read_text.cache_clear()
    _read_part.cache_clear()


def read_figures(text: str) -> tuple[Figure, ...]:
    return read_text(text)[0]


def read_claims(text: str) -> tuple[Claim, ...]:
    return read_text(text)[1]


def _figures(c: _Compact):
    taken: set[int] = set()  # start positions of numbers already read
    found: list[tuple[int, Figure]] = []
    for kind, finder, guard in _PATTERNS:
        for m in finder(c.text):
            start = m.start("num")
            if start in taken or not _exact(c.text, m):
                continue
            figure = _figure(c, kind, guard, m)
            if figure is None:
                continue
            taken.add(start)
            found.append((m.start(), figure))
    found.extend(_listed_regulations(c, found, taken))
    found.sort(key=lambda x: x[0])
    return [f for _, f in found]


def _listed_regulations(c: _Compact, found: list[tuple[int, Figure]], taken: set[int]):
    """“废止3件” right after a 规范性文件 count in the same sentence counts the same documents."""
    regs = sorted(((pos, f) for pos, f in found if f.kind in ("rules", "normative_docs")), key=lambda r: r[0])
    starts = [pos for pos, _ in regs]
    for m in _VERB_ONLY(c.text):
        if m.start("num") in taken or not _exact(c.text, m) or "等" in m.group("gap"):
            continue
        i = bisect_left(starts, m.start())  # the last count before the verb, if in its sentence
        value = parse_number(m.group("num"))
        if not i or starts[i - 1] < c.sentence_start(m.start()) or value is None:
            continue
        prior = regs[i - 1][1]
        yield m.start(), Figure(prior.kind, value, c.span(m.start(), m.end()),
                                c.text[m.start():m.end()].replace(" ", ""), column=_VERB_COLUMN[m.group("verb")],
                                period=prior.period)


def _exact(text: str, m: re.Match | _Phrase) -> bool:
    before = text[max(0, m.start("num") - 3): m.start("num")]
    return not before.endswith(_NOT_EXACT_BEFORE)


def _figure(c: _Compact, kind: str, guard: str, m: re.Match | _Phrase) -> Figure | None:
    text = c.text
    value = parse_number(m.group("num"))
    if value is None:
        return None
    sentence = c.sentence_start(m.start())
    before = text[sentence:m.start()]
    gap = m.group("gap")
    column = ""
    rows: tuple[str, ...] = ()
    if guard == "outcome":
        # “主动予以公开信息” is proactive disclosure, not an answer to an application.
        if "主动" in before[-12:] or "等" in gap[-4:] or "其中" in gap:
            return None
        # “因本机关不掌握相关政府信息无法提供252件” may count that row alone; “…等原因” the group.
        reason = before[max(before.rfind(ch) for ch in _CLAUSE_END) + 1:]
        if "等" not in reason:
            rows = tuple(dict.fromkeys(row for word, row in _REASON_ROWS if word in reason))
    elif guard in ("gap", "reverse"):
        if _FOREIGN.search(gap):
            return None
    elif guard == "application":
        if "申请" not in gap or _FOREIGN.search(gap):
            return None
    elif guard == "handled":
        # 办结/答复/办理 N 件 counts applications when they are what the passage is about:
        # 申请 said just before, and nothing else (建议, 提案, 留言…) named since.
        window = text[max(0, m.start() - 80):m.start()]
        since = window[window.rfind("申请"):] if "申请" in window else None
        if _FOREIGN.search(gap) or ("申请" not in gap and (since is None or _OTHER_MATTERS.search(since))):
            return None
    elif guard in ("case", "reverse_case"):
        other = "诉讼" if kind == "review" else "复议"
        if other in gap or "等" in gap or "其中" in gap:
            return None  # 行政复议和行政诉讼共5件: both together
        if kind == "litigation" and re.search(r"复议[和、及与或]$", before):
            return None
    elif guard == "case_outcome":
        heads = list(_CASE_HEAD.finditer(before))
        if not heads or "等" in gap:
            return None
        groups = _HEAD_GROUPS.get(heads[-1].group(0), _LITIGATION)
        column = _CASE_OUTCOME_COLUMN[m.group("outcome")]
        kind = "+".join(groups) + "." + column
    elif guard == "regulation":
        if "等" in gap or text.endswith(("部门", "部门行政"), 0, m.start()):
            return None
        verbs = list(_REGULATION_VERB.finditer(before + text[m.start():m.start("noun")]))
        column = _VERB_COLUMN.get(verbs[-1].group(0), "") if verbs else ""
        if not column:
            return None  # 审核/备案/清理 N 件: not what 表二（一） counts
        kind = "normative_docs" if "规范性文件" in m.group("noun") else "rules"
    if kind in _APPLICATION_KINDS:
        clause = before[max(before.rfind(ch) for ch in _BREAK) + 1:]
        if "其中" in before or _CHANNEL.search(clause + gap):
            return None  # a part of a count: “其中县政府办受理…”, “通过网络受理申请…”
    scope = None
    scope_word = ""
    scopes = list(_SCOPE.finditer(before))
    if scopes:
        scope = scopes[-1].lastgroup
        if scope == "part":
            return None  # 各部门受理…: a part of the whole, not a table figure
        start = scopes[-1].start()
        for prev in reversed(scopes[:-1]):  # 区政府办 + 代表区政府: say it whole
            if prev.end() != start or prev.lastgroup != scope:
                break
            start = prev.start()
        scope_word = before[start:scopes[-1].end()]
    years = list(_YEAR.finditer(before))
    period = (years[-1].group(1) or "prior") if years else ""
    return Figure(kind, value, c.span(m.start(), m.end()), text[m.start():m.end()].replace(" ", ""),
                  scope, scope_word, column, period, rows)


def _claims(c: _Compact):
    text = c.text
    for kind, pattern in _CLAIMS:
        for m in pattern.finditer(text):
            sentence = c.sentence_start(m.start())
            before = text[sentence:m.start()]
            start = m.start()
            groups: tuple[str, ...] = ()
            if kind in ("all_upheld", "all_won", "none_lost"):
                heads = list(_CASE_HEAD.finditer(before))
                if kind == "all_upheld":
                    if not heads:
                        continue  # 均获维持 of what? Nothing to check it against.
                    found: set[str] = set()
                    for h in heads:
                        found.update(_HEAD_GROUPS.get(h.group(0), _LITIGATION))
                    groups = tuple(g for g in ("review",) + _LITIGATION if g in found)
                else:
                    groups = _LITIGATION  # 胜诉/败诉: only courts decide
                if heads:
                    start = sentence + heads[0].start()
            elif kind == "none_received" and re.search(r"复议|诉讼|撤回|补正", m.group("gap")):
                continue
            elif kind == "no_cases":
                said = m.group(0)
                if re.search(r"纠错|纠正|败诉|撤销|确认违法|维持|申请人|补正", said):
                    continue  # a claim about outcomes (N4), not about the number of cases
                groups = tuple(g for g, word in (("review", "复议"), ("litigation", "诉讼"))
                               if word in said)
            yield Claim(kind, c.span(start, m.end()), text[start:m.end()].replace(" ", ""), groups)
