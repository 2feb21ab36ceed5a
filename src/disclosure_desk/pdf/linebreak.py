"""Chinese line breaking and justification, as a typesetter does it. Pure Python (no ReportLab).

- 避头尾: closing punctuation never starts a line, opening punctuation never ends one; ``——`` and
  ``……`` are never split; a number or Latin word (``2025``, ``3.5``, ``1,280``, ``http://…``: any run of
  letters, digits and ASCII symbols) is never split unless it is longer than a whole line.
- 两端对齐: every line but a paragraph's last is stretched to both edges, the extra space shared by
  the gaps between characters (never inside a Latin word or number).
- 标点挤压 (GB/T 15834, W3C CLREQ): two full-width marks in a row (``），`` ``。”`` ``，“``) always
  take the blank of the first one away, wherever they stand. A unit that does not fit goes to the next
  line and the line is justified; only when that would open visible gaps (more than ``STRETCH_MAX``
  between units: a line of few units, long numbers or words) is the line squeezed instead, and then
  whole marks are set half-width (from the line's end backwards, as many as needed), never squeezed by
  odd amounts.
- Between a hanzi and a Latin letter or digit a quarter em of space (CLREQ), dropped at a line's end.

Input is a list of :class:`Item` (one per character, already measured by ``typeset``); output is a
list of :class:`Line` with the x position of every item.
"""

from __future__ import annotations

import unicodedata
from collections import deque
from itertools import pairwise

from . import styles as st

EPS = 1e-6

# character classes
CJK, WORD, SPACE, GLUE_SPACE, OPEN, CLOSE, PAIR, ATTACH, BREAK = range(9)

CLOSING = set("，。、；：？！）》」』”’】〕〗〙〛｝］〉｠．％‰℃°′″·・ゝゞ々〻ー,.;:?!)]}%")
OPENING = set("（《「『“‘【〔〖〘〚｛［〈｟([{￥¥$£€")
PAIRED = set("—…‥")  # 破折号、省略号: two characters never split


def classify(ch: str) -> int:
    if ch in CLOSING:
        return CLOSE
    if ch in OPENING:
        return OPEN
    if ch in PAIRED:
        return PAIR
    if ch == " " or (unicodedata.category(ch) == "Zs" and ch not in "\u00a0\u202f\u3000"):
        return SPACE
    if ch in "\u00a0\u202f":
        return GLUE_SPACE
    if ch == "\u200b":
        return BREAK
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Mc", "Cf") or 0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF:
        return ATTACH
    if ch.isalnum() and (unicodedata.east_asian_width(ch) not in ("W", "F") or 0xFF10 <= ord(ch) <= 0xFF5A):
        return WORD
    return CJK


class Item:
    """One character as it will be set."""

    __slots__ = (
        "advance",
        "after",
        "box",
        "ch",
        "cls",
        "colour",
        "font",
        "latin",
        "shrink",
        "size",
        "stroke",
        "width",
    )

    def __init__(
        self,
        ch: str,
        font: str | None,
        size: float,
        advance: float,
        width: float,
        cls: int,
        stroke: float = 0.0,
        colour: tuple[float, float, float] = (0, 0, 0),
        box: bool = False,
        blanks: tuple[float, float] = (0.0, 0.0),
        latin: bool = False,
    ):
        self.ch = ch  # the character drawn (a control picture stands in for a control character)
        self.font = font  # ReportLab font name; for a box, the font of its small label
        self.size = size
        self.advance = advance  # the glyph's own advance, pt
        self.width = width  # the advance on the line before justification, pt
        self.cls = cls
        self.stroke = stroke
        self.colour = colour
        self.box = box  # no font has the character: a box is drawn
        self.latin = latin  # set in the Latin face
        # space added after the glyph (CJK–Latin gap) or taken away (two marks in a row), pt; not
        # applied when the item ends a line
        self.after = 0.0
        # full-width punctuation may be squeezed by the blank right of its outline (blanks: left,
        # right in pt), at most half an em, keeping a little air. Only the right side: squeezing the
        # left would move the glyph back over the one before it, and text extraction (poppler)
        # then breaks the line there.
        self.shrink = 0.0
        if cls in (OPEN, CLOSE) and advance >= st.FULL_WIDTH * size and blanks[1] >= st.SQUEEZE_MAX * size:
            self.shrink = st.SQUEEZE_MAX * width  # half-width, or not squeezed at all

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Item({self.ch!r}, {self.width:.2f})"


def is_full_width_mark(item: Item) -> bool:
    return item.cls in (OPEN, CLOSE) and item.advance >= st.FULL_WIDTH * item.size


def _is_hanzi(item: Item) -> bool:
    return item.cls == CJK and not item.latin and not item.box and unicodedata.category(item.ch) == "Lo"


def _is_latin_alnum(item: Item) -> bool:
    return item.latin and item.ch.isalnum()


def adjust_spacing(items: list[Item], gap: float) -> None:
    """Fixed spacing between neighbours, before lines are broken: two full-width marks in a row lose the
    first one's blank (``），`` ``。”``); a hanzi and a Latin letter or digit get ``gap`` between them."""
    visible = [it for it in items if it.font is not None or it.box]
    for a, b in pairwise(visible):
        if a.cls == CLOSE and a.shrink > 0 and is_full_width_mark(b):
            a.after -= a.shrink
            a.shrink = 0.0
        elif (_is_hanzi(a) and _is_latin_alnum(b)) or (_is_latin_alnum(a) and _is_hanzi(b)):
            a.after += gap


class Atom:
    """Items with no break allowed inside (a character with what attaches to it)."""

    __slots__ = ("items",)

    def __init__(self, items: list[Item]):
        self.items = items

    @property
    def width(self) -> float:
        return sum(i.width + i.after for i in self.items)

    @property
    def shrink(self) -> float:
        return sum(i.shrink for i in self.items)

    @property
    def is_space(self) -> bool:
        return self.items[0].cls == SPACE

    @property
    def first(self) -> int:
        return self.items[0].cls

    @property
    def last(self) -> int:
        return next((i.cls for i in reversed(self.items) if i.cls != ATTACH), self.items[-1].cls)


class Segment:
    """Atoms with no break allowed between them (glued by 避头尾)."""

    __slots__ = ("atoms", "shrink", "tail", "width")

    def __init__(self, atoms: list[Atom]):
        self.atoms = atoms
        self.width = sum(a.width for a in self.atoms)
        self.shrink = sum(a.shrink for a in self.atoms)
        self.tail = self.atoms[-1].items[-1].after  # dropped when the segment ends a line

    @property
    def end_width(self) -> float:
        """Width when the segment ends a line."""
        return self.width - self.tail

    @property
    def is_space(self) -> bool:
        return len(self.atoms) == 1 and self.atoms[0].is_space


class Line:
    """A set line: each item and the x of its glyph origin from the block's left edge; ``width`` from
    the block's left edge to the end of the last item."""

    __slots__ = ("placed", "width")

    def __init__(self, placed: list[tuple[Item, float]], width: float):
        self.placed = placed
        self.width = width

    @property
    def text(self) -> str:
        return "".join(i.ch for i, _ in self.placed)


def atoms(items: list[Item]) -> list[Atom]:
    """Group items into units that are never broken or spread: words and numbers, paired marks."""
    out: list[Atom] = []
    n = len(items)
    i = 0
    while i < n:
        it = items[i]
        if it.cls == ATTACH and out:
            out[-1].items.append(it)
            i += 1
            continue
        j = i + 1
        if _wordish(it):
            while j < n and (_wordish(items[j]) or items[j].cls == ATTACH):
                j += 1
        elif it.cls == PAIR:
            while j < n and items[j].ch == it.ch:
                j += 1
        out.append(Atom(list(items[i:j])))
        i = j
    return out


def is_word_char(ch: str) -> bool:
    """Part of a word or number: letters and digits, and any ASCII character but the space.

    So ``2025``, ``3.5%``, ``1,280``, ``GB/T``, ``&#x41;`` and ``http://…/index.html`` are never split
    (unless longer than a line).
    """
    return "!" <= ch <= "~" or classify(ch) == WORD


def _wordish(item: Item) -> bool:
    return item.cls == WORD or "!" <= item.ch <= "~"


def _may_break(a: Atom, b: Atom) -> bool:
    # no break before closing or after opening punctuation, at a no-break space, or before a space
    # (a line breaks after its space, which is then dropped)
    return not (b.first in (CLOSE, GLUE_SPACE) or a.last in (OPEN, GLUE_SPACE) or b.is_space)


def segments(items: list[Item]) -> list[Segment]:
    out: list[Segment] = []
    current: list[Atom] = []
    for atom in atoms(items):
        if current and not _may_break(current[-1], atom):
            current.append(atom)
        else:
            if current:
                out.append(Segment(current))
            current = [atom]
    if current:
        out.append(Segment(current))
    return out


def break_lines(
    items: list[Item], width: float, *, indent: float = 0.0, align: str = "justify", vertical: bool = False
) -> list[Line]:
    """Break ``items`` into lines of ``width`` (the first indented by ``indent``)."""
    segs = segments(items)
    if vertical:
        return [_set(list(s.atoms), width, 0.0, "center") for s in segs]
    lines: list[Line] = []
    queue = deque(segs)
    cur: list[Segment] = []
    cur_w = 0.0
    first = True

    def close(last: bool) -> None:
        nonlocal cur, cur_w, first
        mode = align if not (last and align == "justify") else "left"
        lines.append(
            _set([a for s in cur for a in s.atoms], width - (indent if first else 0.0), indent if first else 0.0, mode)
        )
        cur, cur_w, first = [], 0.0, False

    while queue:
        seg = queue.popleft()
        avail = width - (indent if first else 0.0)
        if not cur and seg.is_space:
            continue  # no space at the start of a line
        if cur_w + seg.end_width <= avail + EPS:
            cur.append(seg)
            cur_w += seg.width
            continue
        if seg.is_space:
            close(False)  # the line breaks at the space
            continue
        shrink = sum(s.shrink for s in cur) + seg.shrink - _edge_shrink([*cur, seg])
        if cur and not _push_is_fine(cur, cur_w, avail) and cur_w + seg.end_width - shrink <= avail + EPS:
            cur.append(seg)  # fits by compressing punctuation
            close(False)
            continue
        if cur:
            close(False)
            queue.appendleft(seg)
            continue
        # a unit longer than a whole line: cut into full lines in one pass (re-splitting the rest
        # for every line was quadratic: 200,000 letters without a space took four minutes)
        pieces = _force_split(seg, avail, width)
        for piece in pieces[:-1]:
            cur = [piece]
            close(False)
        cur, cur_w = [pieces[-1]], pieces[-1].width
    if cur or not lines:
        close(True)
    return lines


def _push_is_fine(cur: list[Segment], cur_w: float, avail: float) -> bool:
    """Would the line, with the next unit pushed on, be justified without visible gaps? Then it is not
    squeezed: squeezing is for lines that would otherwise gape (few places to spread the space)."""
    atoms_ = [a for s in cur for a in s.atoms if not a.is_space]
    if len(atoms_) < 2:
        return False
    size = atoms_[0].items[0].size
    slack = avail - (cur_w - cur[-1].tail)
    return slack / (len(atoms_) - 1) <= st.STRETCH_MAX * size


def _force_split(seg: Segment, first: float, avail: float) -> list[Segment]:
    """Cut a segment wider than a line into pieces: the first fits ``first``, the others ``avail``;
    as much as fits per line, not before closing punctuation if avoidable."""
    flat = [(ai, it) for ai, a in enumerate(seg.atoms) for it in a.items]
    pieces: list[Segment] = []
    start, limit, n = 0, first, len(flat)
    while True:
        total, k = 0.0, start
        while k < n and total + flat[k][1].width <= limit + EPS:
            total += flat[k][1].width
            k += 1
        k = max(k, start + 1)
        if k >= n:
            pieces.append(Segment(_regroup(flat[start:])))
            return pieces
        best = k
        for cand in range(k, max(start, k - 4), -1):
            nxt, prev = flat[cand][1], flat[cand - 1][1]
            if nxt.cls not in (CLOSE, ATTACH) and prev.cls != OPEN:
                best = cand
                break
        pieces.append(Segment(_regroup(flat[start:best])))
        start, limit = best, avail


def _regroup(flat: list[tuple[int, Item]]) -> list[Atom]:
    out: list[Atom] = []
    last = None
    for ai, it in flat:
        if ai != last:
            out.append(Atom([]))
            last = ai
        out[-1].items.append(it)
    return out


def _edge_items(line_atoms: list[Atom]) -> tuple[Item, ...]:
    """The first and last item of a line: never squeezed, so no glyph box crosses the 版心 edge."""
    if not line_atoms:
        return ()
    return (line_atoms[0].items[0], line_atoms[-1].items[-1])


def _edge_shrink(segs: list[Segment]) -> float:
    atoms_ = [a for s in segs for a in s.atoms if not a.is_space]
    return sum(i.shrink for i in set(_edge_items(atoms_)))


def _set(line_atoms: list[Atom], avail: float, start: float, mode: str) -> Line:
    """Place the atoms of one line: justify, compress, or align."""
    while line_atoms and line_atoms[-1].is_space:
        line_atoms = line_atoms[:-1]
    while line_atoms and line_atoms[0].is_space:
        line_atoms = line_atoms[1:]
    last = line_atoms[-1].items[-1] if line_atoms else None
    natural = sum(a.width for a in line_atoms) - (last.after if last is not None else 0.0)
    edges = _edge_items(line_atoms)
    squeezed: set[int] = set()
    if natural > avail + EPS:
        natural -= _squeeze(line_atoms, edges, natural - avail, squeezed)
    gap = 0.0
    offset = 0.0
    if mode == "justify" and len(line_atoms) > 1:
        gap = max(0.0, (avail - natural) / (len(line_atoms) - 1))
    elif mode == "center":
        offset = (avail - natural) / 2
    elif mode == "right":
        offset = avail - natural
    x = start + offset
    placed: list[tuple[Item, float]] = []
    for n, atom in enumerate(line_atoms):
        if n:
            x += gap
        for it in atom.items:
            placed.append((it, x))
            x += it.width - (it.shrink if id(it) in squeezed else 0.0) + (it.after if it is not last else 0.0)
    return Line(placed, x)


def _squeeze(line_atoms: list[Atom], edges: tuple[Item, ...], need: float, squeezed: set[int]) -> float:
    """Set whole marks half-width, from the line's end backwards, until ``need`` is covered; returns the
    width taken (at least ``need`` when the line can fit at all)."""
    taken = 0.0
    for it in reversed([it for a in line_atoms for it in a.items]):
        if taken >= need - EPS:
            break
        if it.shrink > 0 and it not in edges:
            squeezed.add(id(it))
            taken += it.shrink
    return taken
