"""N-1: figures of this year's applications, reviews and lawsuits quoted in the text against the tables.

Every text part is read (前言, 一, 五, 六). A figure counts only when its clause really speaks of this
year's 政府信息公开 applications, reviews or lawsuits: not when the last time named before it in its
sentence is another year (上年, 去年, 上一年度, 2024年 in a 2025 report …; 上年结转 is this year's
carried-in row), not when it is a change (比上年增加2件), not when the clause counts other things
(信访, 人大建议, 政协提案, 培训人次, 12345 热线工单 …). A blank 总计 counts as the sum of its parts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..domain import Draft
from ..domain.numbers import Value, exact_sum
from ..records import record
from ..spec import ReportSpec, roles
from .finding import Finding, Severity
from .values import fmt

W = Severity.WARNING

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# a whole number (never the tail of a longer one: scanning a run of 200,000 digits stays linear)
_NUMBER = r"(?:(?<!\d)(\d+)|(?<![零〇一二两三四五六七八九十百])([零〇一二两三四五六七八九十百]+))"
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE = re.compile(r"[^，,、：:（）()]+")
_PARENTHESES = re.compile(r"[（(][^（）()]*[）)]")


@record
class Quote:
    """A phrase pattern that quotes a table figure, and the cells whose sum it must equal."""

    pattern: re.Pattern[str]
    what: str
    cells: Callable[[ReportSpec], list[str]]


def _totals(*row_roles: str) -> Callable[[ReportSpec], list[str]]:
    """The 总计 cells of the rows with these roles (spec/roles.py), in whatever edition."""
    return lambda spec: spec.cell_ids(row=row_roles, column=roles.TOTAL)


# Most specific first: the first pattern whose keyword ends nearest the number wins.
QUOTES = (
    Quote(
        re.compile(r"予以公开(?:和|及|与|、)部分公开"), "予以公开和部分公开", _totals(roles.DISCLOSED, roles.PARTIAL)
    ),
    Quote(re.compile(r"(?:新收|收到|受理|接收|接到)[^，。；]{0,30}?申请"), "本年新收申请", _totals(roles.NEW)),
    Quote(re.compile(r"上年结转"), "上年结转申请", _totals(roles.CARRIED_IN)),
    Quote(re.compile(r"结转(?:到)?下(?:一)?年度?"), "结转下年度", _totals(roles.CARRIED_OUT)),
    Quote(re.compile(r"部分公开"), "部分公开", _totals(roles.PARTIAL)),
    Quote(re.compile(r"不予公开"), "不予公开", _totals(roles.WITHHELD)),
    Quote(re.compile(r"无法提供"), "无法提供", _totals(roles.UNAVAILABLE)),
    Quote(re.compile(r"不予处理"), "不予处理", _totals(roles.NOT_PROCESSED)),
    Quote(re.compile(r"予以公开"), "予以公开", _totals(roles.DISCLOSED)),
    Quote(re.compile(r"(?:办结|答复)"), "办理结果总计", _totals(roles.RESULTS_TOTAL)),
    Quote(re.compile(r"行政复议"), "行政复议", _totals(roles.REVIEW)),
    Quote(re.compile(r"行政诉讼"), "行政诉讼", _totals(*roles.SUITS)),
)

# "no applications / no cases" statements: the cells must then be 0
NONE_STATEMENTS = (
    (re.compile(r"(?:未|没有|无)(?:收到|受理|接到)[^，。；]{0,12}申请"), "本年新收申请", _totals(roles.NEW)),
    (re.compile(r"(?:未|没有|无)(?:发生|出现)?[^，。；]{0,14}行政复议"), "行政复议", _totals(roles.REVIEW)),
    (re.compile(r"(?:未|没有|无)(?:发生|出现)?[^，。；]{0,14}行政诉讼"), "行政诉讼", _totals(*roles.SUITS)),
)

# a count of applications or cases: 12件 (not 20个工作日)
_FIGURE = re.compile(_NUMBER + r"\s*(?:件|宗|起|个(?![\u4e00-\u9fff])|个(?=申请|案件))")
# the time a sentence speaks of; 上年结转 and 上年度结转 are this year's carried-in row
_TIME = re.compile(
    r"(?P<before>(?:上一?年|去年|前年|往年|以前年度)(?!度?结转))|(?P<this>本年|今年)|(?P<year>(?<!\d)\d{4})\s*年"
)
# a change against another figure, not a count: 比上年增加2件, 收到申请较去年减少3件
_CHANGE = re.compile(r"增加|减少|增长|下降|上升|增多|减至|增至|同比|环比|持平|多了|少了")
# other things counted in 件 than 表三/表四's applications, reviews and lawsuits
_OTHER_THINGS = re.compile(
    r"信访|来信|来访|来电|人大|政协|建议|提案|议案|热线|12345|工单|留言|咨询|培训|人次|舆情|投诉|举报|诉求|督办|复议机关"
)


def chinese_number(text: str) -> int | None:
    """Arabic digits, or simple Chinese numerals up to 999 (三, 十二, 二十五, 一百零八)."""
    if text.isdigit():
        return int(text)
    total_value, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total_value += (current or 1) * 10
            current = 0
        elif ch == "百":
            total_value += (current or 1) * 100
            current = 0
        else:
            return None
    return total_value + current


class _Times:
    """The times a sentence names, to tell for any position whether the last one before it is another
    year. An aside in brackets counts only inside its brackets."""

    def __init__(self, sentence: str, year: int | None):
        self.asides = [(m.start(), m.end()) for m in _PARENTHESES.finditer(sentence)]
        self._starts = [a for a, _ in self.asides]
        self.top: list[tuple[int, bool]] = []  # (end, another year?) outside brackets
        self.inside: dict[int, list[tuple[int, bool]]] = {}  # per aside
        for m in _TIME.finditer(sentence):
            if m.group("this"):
                other = False
            elif m.group("year"):
                other = year is not None and int(m.group("year")) != year
            else:
                other = True
            aside = self._aside_of(m.start())
            (self.top if aside is None else self.inside.setdefault(aside, [])).append((m.end(), other))

    def _aside_of(self, pos: int) -> int | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos < self.asides[i][1] else None

    def another_year_before(self, pos: int) -> bool:
        last = _last_before(self.top, pos)
        aside = self._aside_of(pos)
        if aside is not None:
            inner = _last_before(self.inside.get(aside, []), pos)
            if inner is not None and (last is None or inner[0] > last[0]):
                last = inner
        return last is not None and last[1]


def _last_before(marks: list[tuple[int, bool]], pos: int) -> tuple[int, bool] | None:
    i = bisect.bisect_right(marks, (pos, True)) - 1
    return marks[i] if i >= 0 else None


def quoted_figures(text: str, year: int | None = None) -> list[tuple[Quote, int, str]]:
    """(quote, figure, phrase) for every figure in ``text`` that a quote pattern claims as this year's
    applications, reviews or lawsuits (``year``: the report's year, to tell 2024年 from 2025年)."""
    found = []
    for sentence in _SENTENCE.finditer(text):
        times = _Times(sentence.group(), year)
        for clause in _CLAUSE.finditer(sentence.group()):
            found += _figures_of(clause.group(), clause.start(), times)
    return found


def _figures_of(clause: str, offset: int, times: _Times) -> list[tuple[Quote, int, str]]:
    if _OTHER_THINGS.search(clause):
        return []
    found = []
    start = 0
    for m in _FIGURE.finditer(clause):
        prefix = clause[start : m.start()]
        start = m.end()
        quote, keyword_end = _nearest_quote(prefix)
        figure = chinese_number(m.group(1) or m.group(2))
        if quote is None or figure is None or (m.start() > 0 and clause[m.start() - 1] == "第"):
            continue
        if _CHANGE.search(prefix, keyword_end) or times.another_year_before(offset + m.start()):
            continue
        found.append((quote, figure, (prefix + m.group(0)).strip()))
    return found


def _nearest_quote(prefix: str) -> tuple[Quote | None, int]:
    best, best_end = None, -1
    for q in QUOTES:
        for m in q.pattern.finditer(prefix):
            # a tie (patterns ending at the same place) goes to the earlier, more specific one
            if m.end() > best_end:
                best, best_end = q, m.end()
    return best, best_end


def none_statements(text: str, year: int | None = None) -> list[tuple[str, str, Callable[[ReportSpec], list[str]]]]:
    """(phrase, what, cells): the first "no applications / no cases" of each kind said of this year."""
    out = []
    for pattern, what, cells in NONE_STATEMENTS:
        for sentence in _SENTENCE.finditer(text):
            said = _none_in(sentence.group(), pattern, year)
            if said is not None:
                out.append((said, what, cells))
                break
    return out


def _none_in(sentence: str, pattern: re.Pattern[str], year: int | None) -> str | None:
    if pattern.search(sentence) is None:
        return None
    times = _Times(sentence, year)
    for clause in _CLAUSE.finditer(sentence):
        m = pattern.search(clause.group())
        if m and not _OTHER_THINGS.search(clause.group()) and not times.another_year_before(clause.start() + m.end()):
            return m.group()
    return None


def check_quoted_figures(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """N-1 over the preface and every narrative section."""
    out = []
    for where, text in draft.narrative_texts().items():
        seen: set[tuple[str, int]] = set()
        for quote, figure, phrase in quoted_figures(text, draft.year):
            ids = quote.cells(spec)
            values = [draft.printed_value(i) for i in ids]
            if (quote.what, figure) in seen or all(v is None for v in values):
                continue
            seen.add((quote.what, figure))
            table_value = exact_sum(v for v in values if v is not None)
            if table_value != figure:
                out.append(_n1(spec, where, phrase, quote.what, figure, table_value, ids))
        for phrase, what, cells in none_statements(text, draft.year):
            ids = cells(spec)
            table_value = exact_sum(draft.printed_value(i) or 0 for i in ids)
            if table_value != 0:
                out.append(_n1(spec, where, phrase, what, 0, table_value, ids))
    return out


def _n1(
    spec: ReportSpec, where: str, phrase: str, what: str, figure: int, table_value: Value, ids: list[str]
) -> Finding:
    cells = [spec.cell(i) for i in ids]
    return Finding(
        "N-1",
        W,
        f"“{where}”中写的“{phrase}”与表格不一致：表格中{what}是{fmt(table_value)}件，文字中是{figure}件。"
        "请核对文字或表格，使两者一致。",
        (where, *(c.label_path for c in cells)),
        tuple(ids),
        where,
    )
