"""Text against tables: N-1 (figures quoted in the narrative), N-2 (规章 without rule-making
power), N-3 (placeholders and none-marks where a figure belongs), F-1 (fees not reported in 六)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..domain import Draft
from ..spec import ReportSpec
from .finding import Finding, Severity
from .values import fmt, table_finding, text_finding, total

W = Severity.WARNING

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"(\d+|[零〇一二两三四五六七八九十百]+)"
_CLAUSE_SPLIT = re.compile(r"[，,。；;！!？?\n、：:（）()]")


@dataclass(frozen=True)
class Quote:
    """A phrase pattern that quotes a table figure, and the cells whose sum it must equal."""

    pattern: re.Pattern[str]
    what: str
    cells: Callable[[ReportSpec], list[str]]


def _t3(row_prefix: str) -> Callable[[ReportSpec], list[str]]:
    def cells(spec: ReportSpec) -> list[str]:
        t3 = spec.table("表三")
        return [f"t3.{r}.total" for r in t3.row_keys if r == row_prefix or r.startswith(row_prefix + ".")]

    return cells


def _fixed(*ids: str) -> Callable[[ReportSpec], list[str]]:
    return lambda spec: list(ids)


# Most specific first: the first pattern whose keyword ends nearest the number wins.
QUOTES = (
    Quote(re.compile(r"予以公开(?:和|及|与|、)部分公开"), "予以公开和部分公开", lambda s: _t3("disclosed")(s) + _t3("partial")(s)),
    Quote(re.compile(r"(?:新收|收到|受理|接收|接到)[^，。；]*?申请"), "本年新收申请", _fixed("t3.new.total")),
    Quote(re.compile(r"上年结转"), "上年结转申请", _fixed("t3.carried_in.total")),
    Quote(re.compile(r"结转(?:到)?下(?:一)?年度?"), "结转下年度", _fixed("t3.carried_out.total")),
    Quote(re.compile(r"部分公开"), "部分公开", _t3("partial")),
    Quote(re.compile(r"不予公开"), "不予公开", _t3("withheld")),
    Quote(re.compile(r"无法提供"), "无法提供", _t3("unavailable")),
    Quote(re.compile(r"不予处理"), "不予处理", _t3("not_processed")),
    Quote(re.compile(r"予以公开"), "予以公开", _t3("disclosed")),
    Quote(re.compile(r"(?:办结|答复)"), "办理结果总计", _fixed("t3.total.total")),
    Quote(re.compile(r"行政复议"), "行政复议", _fixed("t4.review.total")),
    Quote(re.compile(r"行政诉讼"), "行政诉讼", _fixed("t4.direct.total", "t4.after_review.total")),
)

# "no applications / no cases" statements: the cells must then be 0
NONE_STATEMENTS = (
    (re.compile(r"(?:未|没有|无)(?:收到|受理|接到)[^，。；]{0,12}申请"), "本年新收申请", _fixed("t3.new.total")),
    (re.compile(r"(?:未|没有|无)(?:发生|出现)?[^，。；]{0,14}行政复议"), "行政复议", _fixed("t4.review.total")),
    (re.compile(r"(?:未|没有|无)(?:发生|出现)?[^，。；]{0,14}行政诉讼"), "行政诉讼", _fixed("t4.direct.total", "t4.after_review.total")),
)

_FIGURE = re.compile(_NUMBER + r"\s*(?:件|宗|起|个)")


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


def quoted_figures(text: str) -> list[tuple[Quote, int, str]]:
    """(quote, figure, phrase) for every figure in ``text`` that a quote pattern claims."""
    found = []
    for clause in _CLAUSE_SPLIT.split(text):
        start = 0
        for m in _FIGURE.finditer(clause):
            prefix = clause[start : m.start()]
            start = m.end()
            quote = _nearest_quote(prefix)
            figure = chinese_number(m.group(1))
            if quote is not None and figure is not None:
                found.append((quote, figure, (prefix + m.group(0)).strip()))
    return found


def _nearest_quote(prefix: str) -> Quote | None:
    best, best_end = None, -1
    for q in QUOTES:
        for m in q.pattern.finditer(prefix):
            # a tie (patterns ending at the same place) goes to the earlier, more specific one
            if m.end() > best_end:
                best, best_end = q, m.end()
    return best


def _narrative(draft: Draft, spec: ReportSpec) -> list[tuple[str, str]]:
    overview = spec.sections[0].title
    return [("前言", draft.preface), (overview, draft.section_text(overview))]


def check_quoted_figures(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """N-1: figures in the preface and 一、总体情况 against the tables."""
    out = []
    for where, text in _narrative(draft, spec):
        seen: set[tuple[str, int]] = set()
        for quote, figure, phrase in quoted_figures(text):
            ids = quote.cells(spec)
            if (quote.what, figure) in seen or all(draft.value(i) is None for i in ids):
                continue
            seen.add((quote.what, figure))
            table_value = total(draft, ids)
            if table_value != figure:
                out.append(_n1(spec, where, f"“{phrase}”", quote.what, figure, table_value, ids))
        for pattern, what, cells in NONE_STATEMENTS:
            m = pattern.search(text)
            ids = cells(spec)
            if m and total(draft, ids) != 0:
                out.append(_n1(spec, where, f"“{m.group(0)}”", what, 0, total(draft, ids), ids))
    return out


def _n1(spec: ReportSpec, where: str, phrase: str, what: str, figure, table_value, ids: list[str]) -> Finding:
    cells = [spec.cell(i) for i in ids]
    return Finding(
        "N-1", W,
        f"“{where}”中写的{phrase}与表格不一致：表格中{what}是{fmt(table_value)}件，文字中是{figure}件。"
        "请核对文字或表格，使两者一致。",
        (where, *(c.label_path for c in cells)),
        tuple(ids),
        where,
    )


# ---- N-2 ----------------------------------------------------------------------------------

# 立法法: 省、自治区、直辖市和设区的市、自治州的人民政府 may make 规章
_RULE_MAKER = re.compile(r"(省|自治区|市|自治州)人民政府(办公厅|办公室)?$")
_NOT_RULE_MAKER = re.compile(r"(县|区|旗|镇|乡|街道|办事处)人民政府(办公厅|办公室)?$|(街道|办事处|乡|镇)$")


def check_rule_making(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """N-2: 规章 reported by an organ that cannot make 规章."""
    t2 = spec.table("表二")
    cells = [c for c in t2.cells if c.path[1] == "规章"]
    nonzero = [c for c in cells if (draft.value(c.id) or 0) != 0]
    organ = draft.organ.strip()
    normative = next(c.path[1] for c in t2.cells if c.row_key == "a1.normative")
    if not nonzero or (_RULE_MAKER.search(organ) and not _NOT_RULE_MAKER.search(organ)):
        return []
    return [
        table_finding(
            "N-2", W,
            f"表二“规章”一行填了数字，但只有省、自治区、直辖市和设区的市、自治州的人民政府才能制定规章，"
            f"“{organ or '本机关'}”一般没有规章制定权。本机关制发的文件应填在“{normative}”一行；"
            "如确有规章（例如本机关是有规章制定权的人民政府），可接受此提示并说明理由。",
            nonzero, t2.section_title,
        )
    ]


# ---- N-3 ----------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"(?:[×xXＸ＊*？?□○]{1,4}|[/／—]{1,2}|若干)\s*(?:件|条|个|次|项|人次|万元|元|%|％)"
    r"|(?:20|19)\d?[×xXＸ＊*？?□○]{1,2}年|[×xXＸ＊*□○]{2,4}年"
)


def check_placeholders(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """N-3: a none-mark or template placeholder where a figure belongs (××件, /件, 202X年)."""
    out = []
    for where, text in draft.narrative_texts().items():
        hits = list(dict.fromkeys(m.group(0) for m in _PLACEHOLDER.finditer(text)))
        if hits:
            shown = "、".join(f"“{h}”" for h in hits[:5])
            out.append(
                text_finding(
                    "N-3", W,
                    f"“{where}”中有{shown}，像是模板里没有填写的数字或用“/”等代替的数字。"
                    "请填写实际数字；没有的写 0 或“未发生”。",
                    where,
                )
            )
    return out


# ---- F-1 ----------------------------------------------------------------------------------

_FEE_WORDS = ("收费", "信息处理费", "费用", "收取", "缴费", "缴纳")


def check_fees(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """F-1: fees charged (表二 收费, 表三 逾期未缴费) but 六、其他需要报告的事项 is silent on them."""
    other = spec.sections[5].title
    text = draft.section_text(other)
    if any(w in text for w in _FEE_WORDS):
        return []
    ids = [c.id for c in spec.table("表二").cells if c.path[1] == "行政事业性收费"]
    ids += [c.id for c in spec.table("表三").cells if c.row_key == "other.no_fee" and not c.is_total]
    charged = [i for i in ids if (draft.value(i) or 0) > 0]
    if not charged:
        return []
    cells = [spec.cell(i) for i in charged]
    said = f"只写了“{text.strip()}”" if text.strip() else "没有内容"
    return [
        Finding(
            "F-1", W,
            f"表格显示有收费事项（{'、'.join(f'{c.label_path}为{fmt(draft.value(c.id))}' for c in cells)}），"
            f"但“{other}”{said}，没有说明收费情况。请写明收取信息处理费的件数和金额（未收取的也写明），"
            "以及行政事业性收费的情况。",
            (other, *(c.label_path for c in cells)),
            tuple(charged),
            other,
        )
    ]
