"""Turning what clerks type into numbers, with a clear Chinese message when that is impossible.

Accepted: full-width digits and signs (NFKC), thousands separators in groups of three
(``1,280`` ``1，280``), spaces anywhere, a trailing unit that matches the cell (件/项/万元),
``减4`` / ``-4`` / ``−4`` / ``增4`` where signed values are allowed, decimals where amounts
are allowed. Refused with a message: empty-ish marks (``/`` ``—`` ``无``), text, decimals in
count cells, negatives in count cells, amounts in 元 in a 万元 cell, absurdly large values.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, Inexact, InvalidOperation, localcontext

from ..errors import UserFacingError
from ..spec.model import CellSpec, ValueKind

Value = int | Decimal

# Above this, a figure in these tables is a typo (or an amount in 元 typed as 万元 ×10⁴).
MAX_DIGITS = 12
TOTAL_EXTRA_DIGITS = 3  # a total adds up to 126 cells below 10¹², so it may reach 10¹⁵


def _max_digits(cell: CellSpec | None) -> int:
    return MAX_DIGITS + (TOTAL_EXTRA_DIGITS if cell is not None and cell.is_total else 0)


MAX_FRACTION_DIGITS = 30  # what a file may carry; typing allows MAX_AMOUNT_DECIMALS
MAX_AMOUNT_DECIMALS = 4  # 万元 to 4 places = 1 元

_NONE_MARKS = {"/", "／", "—", "——", "-", "－", "–", "无", "没有", "空", "×", "x", "X", "n/a", "N/A", "NA"}
_MINUS = "-−－—–"
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")


class ValueParseError(UserFacingError):
    """A cell's text that is not a value the cell allows."""

    def __init__(self, cell: CellSpec | None, text: str, reason: str):
        self.cell = cell
        self.text = text
        self.reason = reason
        where = f"“{cell.label_path}”" if cell is not None else "该格"
        allowed = cell.kind.description if cell is not None else ""
        message = f"{where}填写的“{shorten(text)}”有误：{reason}" + (f"。本格应填{allowed}。" if allowed else "。")
        super().__init__(message, f"cell {cell.id if cell else '?'}: cannot read {shorten(repr(text))}")


def shorten(text: str, limit: int = 40) -> str:
    """A value quoted in a message: at most ``limit`` characters (a file may hold 5,000 digits)."""
    return text if len(text) <= limit else f"{text[: limit // 2]}……{text[-limit // 4 :]}（共{len(text)}个字符）"


def normalise_text(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), no white space, and none of the invisible
    characters a copy from a web page or a chat brings along (zero-width spaces, direction marks,
    BOM, control characters): the clerk sees ``12`` and means 12."""
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc"))
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("，", ",").replace("。", ".").replace("．", ".")
    return "".join(ch for ch in text if not ch.isspace())


def parse_value(text: str | int | Decimal | float | None, cell: CellSpec, *, enforce_kind: bool = True) -> Value | None:
    """Parse a clerk's text (or a JSON number) for ``cell``; ``None`` for a blank cell.

    With ``enforce_kind`` (what the wizard's editors use) a negative count or a fraction in
    a count cell is refused at once. Reading a file passes ``False``: such values are kept
    so that the TYPE check can report them with the rest of the findings.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValueParseError(cell, str(text).lower(), "不是数字")
    if isinstance(text, (int, Decimal, float)):
        number = _from_number(text, cell)
        if enforce_kind:
            number = _check_kind(number, cell, str(text))
        return _check_range(number, cell, str(text))
    raw = text
    odd = [ch for ch in raw if unicodedata.category(ch) in ("No", "Nl") and ch != "〇"]
    if odd:  # NFKC would read "12①" (a footnote mark) as 121 and "½" as "1⁄2"
        raise ValueParseError(
            cell, raw, f"含有“{odd[0]}”这样的特殊数字（圈码、上标、分数等，可能是脚注标记），请只填写普通数字"
        )
    s = normalise_text(text)
    if s == "":
        return None
    if s in _NONE_MARKS or raw.strip() in _NONE_MARKS:
        raise ValueParseError(cell, raw, "没有发生的请填 0，尚未统计的请留空")
    s = _strip_unit(s, cell, raw)
    sign = ""
    if s[:1] in _MINUS or s.startswith("减"):
        sign, s = "-", s[1:]
    elif s[:1] == "+" or s.startswith("增"):
        s = s[1:]
    m = _NUMBER.match(s)
    if not m:
        raise ValueParseError(cell, raw, _why_not_number(s))
    _, digits, fraction = m.groups()
    digits = digits.replace(",", "")
    if len(digits) > _max_digits(cell) + 1 or len(fraction or "") > MAX_FRACTION_DIGITS:
        raise ValueParseError(cell, raw, "数值过大，请核对是否多打了数字或单位换算有误")
    if fraction is not None:
        value: Value = Decimal(f"{sign}{digits}.{fraction}")
    else:
        value = int(f"{sign}{digits}")
    value = _integral_for_counts(value, cell)
    if enforce_kind:
        value = _check_kind(value, cell, raw)
    return _check_range(value, cell, raw)


def _strip_unit(s: str, cell: CellSpec, raw: str) -> str:
    if cell.kind is ValueKind.AMOUNT:
        if s.endswith("万元"):
            return s[:-2]
        if s.endswith("万"):  # "12万" in a 万元 cell: 12万元
            return s[:-1]
        if s.endswith("元"):
            raise ValueParseError(cell, raw, "本格单位是万元，请把元换算成万元（例如 251000元 填 25.1）")
        return s
    for unit in ("件", "项", "个", "次"):
        if s.endswith(unit):
            return s[: -len(unit)]
    return s


def _why_not_number(s: str) -> str:
    if re.fullmatch(r"[\d,.]+", s) and "," in s:
        return "千位分隔符的位置不对（应每三位一个逗号，如 1,280）"
    if s.count(".") > 1:
        return "小数点多于一个"
    if re.search(r"\d", s) and re.search(r"[万亿千百]", s):
        return "请直接写出完整的数字，不要用“万”“千”等（如 1.2万 写作 12000）"
    if re.search(r"[零〇一二三四五六七八九十百千万两]", s):
        return "请用阿拉伯数字填写（如 12），不要用汉字数字"
    return "不是数字"


def exact_sum(values: Iterable[Value]) -> Value:
    """The sum of counts and amounts, never rounded: Decimal's default context keeps only 28 digits,
    and a value read from a file may have 12 integer digits and 30 decimals."""
    with localcontext() as ctx:
        ctx.prec = 100
        ctx.traps[Inexact] = True
        return sum(values, start=0)


def _from_number(n: int | Decimal | float, cell: CellSpec) -> Value:
    if isinstance(n, float):
        if not math.isfinite(n):
            raise ValueParseError(cell, str(n), "不是有限的数字")
        n = Decimal(repr(n))
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueParseError(cell, str(n), "不是有限的数字")
        # adjusted() and the exponent, never arithmetic: abs(Decimal("1e999999999")) overflows, and
        # Decimal("1e-999999999") would print as a billion digits
        if n != 0 and n.adjusted() >= _max_digits(cell):
            raise ValueParseError(cell, str(n), "数值过大，请核对是否多打了数字或单位换算有误")
        if _decimal_places(n) > MAX_FRACTION_DIGITS:
            raise ValueParseError(cell, str(n), f"小数位数过多（超过{MAX_FRACTION_DIGITS}位）")
    elif abs(n) >= _ten_to(_max_digits(cell)):
        raise ValueParseError(cell, str(n), "数值过大，请核对是否多打了数字或单位换算有误")
    return _integral_for_counts(n, cell)


def _decimal_places(d: Decimal) -> int:
    """Digits after the decimal point as written (``Decimal("1.50")``: 2); 0 for an integral exponent."""
    exponent = d.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _ten_to(digits: int) -> Decimal:
    return Decimal(1).scaleb(digits)


def _integral_for_counts(value: Value, cell: CellSpec) -> Value:
    """``12.0`` in a count cell is the count 12; a real fraction stays for the TYPE check."""
    if isinstance(value, Decimal) and not cell.kind.allows_decimals and value == value.to_integral_value():
        return int(value)
    return value


def _check_kind(value: Value, cell: CellSpec, raw: str) -> Value:
    if isinstance(value, Decimal) and not cell.kind.allows_decimals:
        raise ValueParseError(cell, raw, "本格只能填整数")
    if value < 0 and not cell.kind.allows_negative:
        raise ValueParseError(cell, raw, "本格不能为负数")
    if isinstance(value, Decimal) and _decimal_places(value) > MAX_AMOUNT_DECIMALS:
        raise ValueParseError(cell, raw, f"小数最多{MAX_AMOUNT_DECIMALS}位（万元的4位小数即1元）")
    return value


def _check_range(value: Value, cell: CellSpec, raw: str) -> Value:
    try:
        too_big = Decimal(value).copy_abs() >= _ten_to(_max_digits(cell))
    except InvalidOperation:  # pragma: no cover - Decimal NaN is filtered above
        too_big = True
    if too_big:
        raise ValueParseError(cell, raw, "数值过大，请核对是否多打了数字或单位换算有误")
    return value


def format_value(value: Value | None) -> str:
    """How a value is shown and printed: integers plain, amounts as typed (no exponent)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
