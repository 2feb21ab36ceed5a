"""Breaking the title into balanced lines (GB/T 9704 §7.3.1).

A title that does not fit on one line is broken only between words — between the organ and the
year, after ``YYYY年``, between ``政府信息公开`` and ``工作年度报告``, after a complete administrative
unit of the organ's name (``青禾县`` | ``人民政府办公室``) — and its lines are shaped as a trapezoid or a
diamond. Among the shapes that fit, the one with the fewest lines, then the most natural breaks,
then the best balance wins. Only when no such break fits are characters split (never a number,
never against 避头尾).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import pairwise

from .linebreak import CLOSE, OPEN, WORD, classify

SUFFIX = "政府信息公开工作年度报告"
# phrase boundaries inside the fixed part of the title, with their cost (lower is better)
_PHRASES = (("政府信息公开", 1),)
_UNIT_ENDS = (
    "人民政府",
    "委员会",
    "办公室",
    "办公厅",
    "办事处",
    "街道",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "县",
    "区",
    "州",
    "旗",
    "盟",
    "镇",
    "乡",
    "局",
    "厅",
)
# a unit end followed by one of these is inside a word (市场, 区域, 乡村, 州市 …)
_NOT_BEFORE = ("场", "民", "政", "容", "级", "域", "划", "村", "长", "属", "委", "直", "辖", "市", "县", "区", "管")
_YEAR = re.compile(r"(?<!\d)\d{4}年")


def break_title(title: str, measure: Callable[[str], float], max_width: float, max_lines: int = 3) -> list[str]:
    if not title or measure(title) <= max_width:
        return [title] if title else []
    cands = candidates(title)
    best = _best(title, cands, measure, max_width, max_lines)
    if best is None:
        best = _best(title, _char_breaks(title, cands), measure, max_width, max_lines + 2)
    if best is None:  # nothing fits even per character: let the line breaker wrap it
        return [title]
    return best


def candidates(title: str) -> dict[int, int]:
    """Break positions (index of the first character of the next line) -> cost."""
    out: dict[int, int] = {}
    for m in _YEAR.finditer(title):
        if m.start() > 0:
            out[m.start()] = 0  # organ | YYYY年…
        if m.end() < len(title):
            out.setdefault(m.end(), 1)  # …YYYY年 | 政府信息…
    at = title.find(SUFFIX)
    if at >= 0:
        for phrase, cost in _PHRASES:
            pos = at + len(phrase)
            out.setdefault(pos, cost)
        if at > 0 and not _YEAR.search(title[:at]):
            out.setdefault(at, 0)  # a title without a year: organ | 政府信息公开…
    organ_end = min([m.start() for m in _YEAR.finditer(title)] or [at if at > 0 else len(title)])
    for unit in _UNIT_ENDS:
        for m in re.finditer(re.escape(unit), title[:organ_end]):
            pos = m.end()
            if 2 <= pos < organ_end and not title[pos:].startswith(_NOT_BEFORE):
                out.setdefault(pos, 2)
    return out


def _char_breaks(title: str, cands: dict[int, int]) -> dict[int, int]:
    out = dict(cands)
    for i in range(1, len(title)):
        a, b = classify(title[i - 1]), classify(title[i])
        if (a == WORD and b == WORD) or b == CLOSE or a == OPEN:
            continue
        out.setdefault(i, 5)
    return out


def _best(title, cands, measure, max_width, max_lines):
    """The best break set of 2 … ``max_lines`` lines: lowest cost, then shape, then balance.

    A depth-first walk in the order of ``itertools.combinations`` (so ties go the same way), pruned:
    a line wider than the measure ends the walk along it, and a break after which the rest cannot fit
    in the lines left is skipped (widths add up: ``measure`` sums the characters' advances). Trying
    every combination instead took 48 s for a 100-character title and never ended for longer ones.
    """
    search = _Search(title, cands, measure, max_width)
    total = measure(title)
    for n in range(2, max_lines + 1):
        if total > n * max_width + 1e-6:
            continue
        search.best = None
        search.walk(0, (), (), 0, n)
        if search.best is not None:
            bounds = (0, *search.best[1], len(title))
            return [title[a:b] for a, b in pairwise(bounds)]
    return None


class _Search:
    def __init__(self, title, cands, measure, max_width):
        self.title, self.cands, self.measure, self.max_width = title, cands, measure, max_width
        self.positions = sorted(p for p in cands if 0 < p < len(title))
        self.best: tuple | None = None  # (key, cut)

    def walk(self, start: int, cut: tuple[int, ...], widths: tuple[float, ...], cost: int, n: int) -> None:
        if self.best is not None and cost > self.best[0][0]:
            return
        title, measure, max_width = self.title, self.measure, self.max_width
        if len(cut) == n - 1:
            last = measure(title[start:])
            if last <= max_width:
                ws = [*widths, last]
                key = (cost, _shape_penalty(ws), max(ws) - min(ws))
                if self.best is None or key < self.best[0]:
                    self.best = (key, cut)
            return
        for p in self.positions[bisect.bisect_right(self.positions, start) :]:
            w = measure(title[start:p])
            if w > max_width:
                break
            if measure(title[p:]) > (n - 1 - len(cut)) * max_width + 1e-6:
                continue
            self.walk(p, (*cut, p), (*widths, w), cost + self.cands[p], n)


def _shape_penalty(widths: list[float]) -> int:
    """0 for a trapezoid (each line no shorter than the one above) or a diamond, 1 otherwise."""
    tol = 1.0
    rising = all(b >= a - tol for a, b in pairwise(widths))
    if rising:
        return 0
    peak = widths.index(max(widths))
    diamond = all(b >= a - tol for a, b in pairwise(widths[: peak + 1])) and all(
        b <= a + tol for a, b in pairwise(widths[peak:])
    )
    return 0 if diamond and 0 < peak < len(widths) - 1 else 1
