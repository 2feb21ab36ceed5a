"""The publication deadline of a report: 1月31日 of the next year (条例 Art. 49, for 县级以上人民政府部门,
街道 and 乡镇; the 本级政府's own report is due by 3月31日 — D-1 says so)."""

from __future__ import annotations

import datetime as dt


def report_deadline(year: int) -> dt.date:
    return dt.date(year + 1, 1, 31)


def deadline_text(year: int | None, final: bool, today: dt.date) -> str:
    """What the draft list says about the deadline: ``2026年1月31日前 · 还剩63天`` / ``已超过2天``."""
    if year is None:
        return ""
    deadline = report_deadline(year)
    when = f"{deadline.year}年1月31日前"
    if final:
        return f"{when} · 已定稿"
    days = (deadline - today).days
    if days > 0:
        return f"{when} · 还剩{days}天"
    if days == 0:
        return f"{when} · 今天截止"
    return f"{when} · 已超过{-days}天"
