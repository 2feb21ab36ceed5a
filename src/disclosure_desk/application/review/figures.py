"""The figures reviewers compare across organs, and their change against last year.

- 本年新收申请: 表三 一、本年新收政府信息公开申请数量 / 总计;
- 予以公开和部分公开占比: (（一）予以公开 + （二）部分公开) / （七）总计, 总计 column;
- 行政复议结果纠正: 表四 行政复议 / 结果纠正;
- 行政诉讼结果纠正: 表四 未经复议直接起诉 / 结果纠正 + 复议后起诉 / 结果纠正;
- 行政事业性收费: 表二 第二十条第（八）项 / 行政事业性收费 in 万元 (the 2021 form; the 2019 form counts
  items there, not money, so it has none);
- 信息处理费: what 六、其他需要报告的事项 says (the sentence, and the amount in 元 when it gives one).

A total left blank counts as the sum of its parts, as the printed report shows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ...domain import Draft, format_value
from ...domain.numbers import Value, exact_sum
from ...spec import roles

Number = int | Decimal


@dataclass(frozen=True)
class FigureSpec:
    key: str
    label: str  # column header and chart title
    unit: str  # 件, %, 万元, 元
    percent: bool = False


FIGURES = (
    FigureSpec("applications", "本年新收申请", "件"),
    FigureSpec("granted_share", "予以公开和部分公开占比", "%", percent=True),
    FigureSpec("review_corrected", "行政复议结果纠正", "件"),
    FigureSpec("litigation_corrected", "行政诉讼结果纠正", "件"),
    FigureSpec("fees", "行政事业性收费", "万元"),
    FigureSpec("info_fee", "信息处理费", "元"),
)
FIGURE_BY_KEY = {f.key: f for f in FIGURES}


@dataclass(frozen=True)
class Figures:
    applications: Number | None = None
    granted_share: Decimal | None = None  # 0 … 1
    review_corrected: Number | None = None
    litigation_corrected: Number | None = None
    fees: Number | None = None  # 万元
    info_fee: Number | None = None  # 元, from the text
    fee_text: str = ""  # the sentence of 六 on fees

    def get(self, key: str) -> Number | None:
        value: Number | None = getattr(self, key)
        return value


def figures_of(draft: Draft) -> Figures:
    shown = _shown(draft)
    disclosed, partial = shown(row=roles.DISCLOSED, column=roles.TOTAL), shown(row=roles.PARTIAL, column=roles.TOTAL)
    handled = shown(row=roles.RESULTS_TOTAL, column=roles.TOTAL)
    share = None
    if disclosed is not None and partial is not None and handled:
        share = Decimal(disclosed + partial) / Decimal(handled)
    fee_text, info_fee = fee_sentence(draft.section_text(draft.spec.sections[5].title))
    return Figures(
        applications=shown(row=roles.NEW, column=roles.TOTAL),
        granted_share=share,
        review_corrected=shown(row=roles.REVIEW, column=roles.CORRECTED),
        litigation_corrected=shown(row=roles.SUITS, column=roles.CORRECTED),
        fees=shown(row=roles.FEES, column=roles.AMOUNT),  # an amount in 万元 (the 2019 format has item counts)
        info_fee=info_fee,
        fee_text=fee_text,
    )


def _shown(draft: Draft) -> Callable[..., Value | None]:
    """What the cells with these roles show, added up (None: no such cell in the edition, or all blank)."""

    def shown(*, row: str | tuple[str, ...], column: str) -> Value | None:
        return _sum_or_none([draft.printed_value(i) for i in draft.spec.cell_ids(row=row, column=column)])

    return shown


def _sum_or_none(values: list[Value | None]) -> Value | None:
    present = [v for v in values if v is not None]
    return exact_sum(present) if present else None


def change(now: Number | None, before: Number | None) -> Number | None:
    if now is None or before is None:
        return None
    return now - before


# ---- 信息处理费 in the text -------------------------------------------------------------------------

_SENTENCES = re.compile(r"[^。；;！!\n]+[。；;！!]?")
_FEE_WORDS = ("信息处理费", "收费", "费用")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|元)")
_NONE = re.compile(r"(未|没有|无|不)(收取|收|产生|发生)")


def fee_sentence(text: str) -> tuple[str, Number | None]:
    """The first sentence on fees and the 信息处理费 it states in 元 (0 for “未收取”), else (“”, None)."""
    for m in _SENTENCES.finditer(text or ""):
        sentence = m.group(0).strip()
        if not any(w in sentence for w in _FEE_WORDS):
            continue
        amount = _AMOUNT.search(sentence)
        if amount is not None:
            value = Decimal(amount.group(1)) * (10000 if amount.group(2) == "万元" else 1)
            return sentence, _plain(value)
        return sentence, 0 if _NONE.search(sentence) else None
    return "", None


def _plain(value: Decimal) -> Number:
    return int(value) if value == value.to_integral_value() else value.normalize()


# ---- how figures are shown ---------------------------------------------------------------------------


def shown_figure(key: str, value: Number | None, *, signed: bool = False) -> str:
    """``12``, ``66.7%``, ``0.35`` as a table shows it; a change with its sign (``+3``, ``-4.2个百分点``)."""
    if value is None:
        return ""
    spec = FIGURE_BY_KEY[key]
    if spec.percent:
        points = (Decimal(value) * 100).quantize(Decimal("0.1"))
        text = format_value(points)
        return (f"+{text}" if signed and points > 0 else text) + ("个百分点" if signed else "%")
    text = format_value(value if isinstance(value, int) else Decimal(value).normalize())
    return f"+{text}" if signed and value > 0 else text


def chart_value(key: str, value: Number | None) -> float | None:
    """The value as a chart draws it (a share in per cent)."""
    if value is None:
        return None
    return float(value) * (100 if FIGURE_BY_KEY[key].percent else 1)
