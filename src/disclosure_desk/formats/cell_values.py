"""A printed table cell's text as a value, the way published reports write them. Qt-free.

Blank (nothing, ``&nbsp;``) stays blank; ``/`` ``—`` ``无`` are "none" marks and stay blank too (the
clerk decides whether they mean 0); ``1,280`` and ``0.00`` are numbers; ``251000元`` in a 万元 cell,
or a bare number under a header that says 元, is converted to 万元. Anything else is left blank with
the reason. Totals are read as printed like every other cell, never recomputed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..domain import ValueParseError, parse_value
from ..domain.numbers import Value, format_value, normalise_text
from ..spec import CellSpec, ValueKind
from .recognition import CellStatus

NONE_MARKS = {
    "/",
    "／",
    "\\",
    "—",
    "——",
    "-",
    "－",
    "–",
    "−",
    "─",
    "无",
    "暂无",
    "空",
    "×",
    "x",
    "X",
    "n/a",
    "N/A",
    "NA",
}
_YUAN = re.compile(r"^([+-]?[\d,]+(?:\.\d+)?)元$")
_BARE = re.compile(r"^[+-]?[\d,]+(?:\.\d+)?$")


@dataclass(frozen=True)
class ReadValue:
    status: CellStatus
    value: Value | None = None
    note: str = ""


def read_value(printed: str, cell: CellSpec, header_unit: str | None = None) -> ReadValue:
    """The value of ``cell`` printed as ``printed``; ``header_unit`` is the unit its printed header names."""
    text = _clean(printed)
    if not text:
        return ReadValue(CellStatus.BLANK, note="原表此格为空")
    if text in NONE_MARKS or normalise_text(text) in NONE_MARKS:
        return ReadValue(CellStatus.NONE_MARK, note=f"原表填“{text}”，已留空（没有发生的请填 0）")
    if cell.kind is ValueKind.AMOUNT:
        converted = _yuan_to_wan(text, header_unit)
        if converted is not None:
            return converted
    try:
        value = parse_value(text, cell, enforce_kind=False)
    except ValueParseError as e:
        return ReadValue(CellStatus.UNREADABLE, note=e.reason)
    if value is None:
        return ReadValue(CellStatus.BLANK, note="原表此格为空")
    return ReadValue(CellStatus.READ, value)


def _clean(text: str) -> str:
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc") or ch in "\n\t")
    return "".join(text.split())


def _yuan_to_wan(text: str, header_unit: str | None) -> ReadValue | None:
    """``251000元`` (or a bare number under a header in 元) as 万元: divided by 10,000, exactly."""
    s = unicodedata.normalize("NFKC", text)
    m = _YUAN.match(s) if not s.endswith("万元") else None
    digits = m.group(1) if m else (s if header_unit == "元" and _BARE.match(s) else None)
    if digits is None:
        return None
    try:
        yuan = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    if not yuan.is_finite() or yuan.adjusted() > 16:
        return None
    wan = yuan.scaleb(-4)
    value: Value = int(wan) if wan == wan.to_integral_value() else wan.normalize()
    why = "原文以元为单位" if m else "原表表头单位为元"
    return ReadValue(CellStatus.CONVERTED, value, f"{why}：“{text}” → {format_value(value)}万元")


def unit_named(header: str) -> str | None:
    """The unit a printed column header names (``（单位：万元）`` -> 万元, ``（元）`` -> 元)."""
    s = unicodedata.normalize("NFKC", header)
    if "万元" in s:
        return "万元"
    if re.search(r"[(:：]\s*元\s*\)?|单位\s*[:：]?\s*元", s):
        return "元"
    return None
