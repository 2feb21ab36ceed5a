"""Turning the dates clerks type into ``datetime.date``, with a Chinese message when that is impossible.

Accepted (full-width digits too): ``2026-01-20``, ``2026/1/20``, ``2026.1.20``, ``2026 1 20``,
``2026年1月20日``, ``20260120``, and the Chinese-numeral style ``二〇二六年一月二十日``. Blank means
"not filled in". The date as printed in a 公文: Arabic numerals, no leading zeros (``2026年1月20日``).
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import UserFacingError
from .numbers import normalise_text, shorten

_SEPARATED = re.compile(r"^(\d{4})(?:年|[-./])(\d{1,2})(?:月|[-./])(\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SPACED = re.compile(r"^(\d{4})\s+(\d{1,2})\s+(\d{1,2})$")
_CHINESE = re.compile(
    r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$"
)
_CN_DIGIT = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}


class DateParseError(UserFacingError):
    def __init__(self, text: str, reason: str):
        super().__init__(
            f"成文日期“{shorten(text)}”{reason}。请写成 2026-01-20 或 2026年1月20日 这样的日期。",
            f"cannot read date {shorten(repr(text))}",
        )


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` names; None for blank; ``DateParseError`` for anything else."""
    spaced = _SPACED.match(_squash_spaces(text))
    s = normalise_text(text)
    if not s:
        return None
    year, month, day = _parts(text, s, spaced)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateParseError(text, f"不存在（{year}年没有{month}月{day}日）") from None


def _parts(text: str, s: str, spaced: re.Match[str] | None) -> tuple[int, int, int]:
    found = spaced or _SEPARATED.match(s) or _COMPACT.match(s)
    if found:
        year, month, day = (int(g) for g in found.groups())
        return year, month, day
    chinese = _CHINESE.match(s)
    if chinese is None:
        raise DateParseError(text, "无法识别")
    month_cn, day_cn = _chinese_small(chinese.group(2)), _chinese_small(chinese.group(3))
    if month_cn is None or day_cn is None:
        raise DateParseError(text, "无法识别")
    return int("".join(str(_CN_DIGIT[ch]) for ch in chinese.group(1))), month_cn, day_cn


def format_date(date: dt.date | None) -> str:
    """``2026年1月20日`` (no leading zeros, as GB/T 9704 prints it); "" for None."""
    return "" if date is None else f"{date.year}年{date.month}月{date.day}日"


def _squash_spaces(text: str) -> str:
    return " ".join(normalise_text(part) for part in text.split())


def _chinese_small(text: str) -> int | None:
    """一 … 三十一; None for what is not such a numeral (一二, 十十)."""
    if "十" not in text:
        return _CN_DIGIT[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)
