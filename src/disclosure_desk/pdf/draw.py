"""Drawing set lines on a ReportLab canvas: runs of text with explicit character spacing, boxes.

Text goes to the PDF only through ``textOut`` (a string of characters in a font), never through
ReportLab's Paragraph markup, so nothing a clerk typed is ever parsed.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.pdfbase import pdfmetrics

from . import styles as st
from .linebreak import Item, Line


def baseline_offset(line_pitch: float, size: float) -> float:
    """From the top of a line slot to the baseline: the em box is centred in the slot."""
    return (line_pitch - size) / 2 + size * (1 - st.EM_BOX_DESCENT)


def draw_lines(canvas, lines: list[Line], x: float, top: float, line_pitch: float, size: float) -> None:
    first = top - baseline_offset(line_pitch, size)
    for n, line in enumerate(lines):
        draw_line(canvas, line, x, first - n * line_pitch)


class _Run:
    """Consecutive characters of a line in one font, size, stroke and colour."""

    __slots__ = ("advances", "chars", "colour", "font", "size", "stroke", "xs")

    def __init__(self, item: Item, x: float):
        self.font, self.size, self.stroke, self.colour = item.font, item.size, item.stroke, item.colour
        self.chars: list[str] = [item.ch]
        self.advances: list[float] = [item.advance]
        self.xs: list[float] = [x]

    def takes(self, item: Item, x: float) -> bool:
        if (item.font, item.size, item.stroke, item.colour) != (self.font, self.size, self.stroke, self.colour):
            return False
        self.chars.append(item.ch)
        self.advances.append(item.advance)
        self.xs.append(x)
        return True

    def pieces(self, doc: object) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each font subset's characters: each piece starts at an explicit position.

        ReportLab switches subset fonts inside a run; some readers (pdfminer, so pdfplumber) drop the
        character spacing at such a switch, so every subset piece is placed on its own.
        """
        text = "".join(self.chars)
        font = pdfmetrics.getFont(self.font)
        chunks = font.splitString(text, doc) if hasattr(font, "splitString") else [(0, text)]
        at = 0
        for _, codes in chunks:
            yield at, at + len(codes)
            at += len(codes)

    def chunks(self, start: int, end: int) -> Iterator[tuple[int, int, float | None]]:
        """``(first, last, Tc)``: characters ``first``..``last`` of the piece ``start``..``end`` that are all
        followed by the same spacing ``Tc`` (None: only the piece's last character, which needs none)."""
        i = start
        while i < end:
            after = self.spacing(i, end)
            j = i
            while after is not None and j + 1 < end and _same(self.spacing(j + 1, end), after):
                j += 1
            yield i, j, after
            i = j + 1

    def spacing(self, i: int, end: int) -> float | None:
        """Extra advance after character ``i`` (PDF ``Tc``) that brings the next one to its place; None
        for a piece's last character. Every glyph thus advances exactly to the next one, so readers that
        take a character's box from its advance (poppler, pdfminer) see no overlap where punctuation is
        squeezed or a line is justified, and read the line in one piece."""
        if i + 1 >= end:
            return None
        return self.xs[i + 1] - self.xs[i] - self.advances[i]


def _same(spacing: float | None, other: float) -> bool:
    """The piece's last character (None) takes any spacing."""
    return spacing is None or abs(spacing - other) <= 0.005


def draw_line(canvas, line: Line, x0: float, baseline: float) -> None:
    """The line's text and boxes in reading order, so that text extraction (search, copy, screen
    readers) finds a box's code point where the character stood, not after the line."""
    runs: list[_Run] = []
    for item, x in line.placed:
        if item.box:
            if runs:
                _draw_runs(canvas, runs, x0, baseline)
                runs = []
            draw_box(canvas, item, x0 + x, baseline)
            continue
        if item.font is None:
            continue  # an invisible character
        last = runs[-1] if runs else None
        if last is None or not last.takes(item, x):
            runs.append(_Run(item, x))
    if runs:
        _draw_runs(canvas, runs, x0, baseline)


def _draw_runs(canvas, runs: list[_Run], x0: float, baseline: float) -> None:
    stroke = max(r.stroke for r in runs)
    if stroke:
        canvas.saveState()
        canvas.setLineWidth(stroke)
        canvas.setLineJoin(1)
    tx = canvas.beginText()
    colour = None
    mode = 0
    space = 0.0
    for r in runs:
        tx.setFont(r.font, r.size)
        if r.colour != colour:
            tx.setFillColorRGB(*r.colour)
            if stroke:
                tx.setStrokeColorRGB(*r.colour)
            colour = r.colour
        want = 2 if r.stroke else 0
        if want != mode:
            tx.setTextRenderMode(want)
            mode = want
        for start, end in r.pieces(canvas._doc):
            for first, last, after in r.chunks(start, end):
                # each chunk at its explicit position: pdfminer adds Tc only between the characters of
                # one string, poppler and viewers after every character
                tx.setTextOrigin(x0 + r.xs[first], baseline)
                if after is not None and abs(after - space) > 0.005:
                    space = after
                    tx.setCharSpace(space)
                tx.textOut("".join(r.chars[first : last + 1]))
    if space:
        tx.setCharSpace(0.0)  # Tc is graphics state: it would outlive this text object
    canvas.drawText(tx)
    if stroke:
        canvas.restoreState()


def draw_box(canvas, item, x: float, baseline: float) -> None:
    """A character no font has: an outlined box with its code point printed small inside."""
    size = item.size
    side = size * st.MISSING_BOX_SIDE
    left = x + (item.width - side) / 2
    bottom = baseline - size * st.EM_BOX_DESCENT + (size - side) / 2
    canvas.saveState()
    canvas.setStrokeColorRGB(*item.colour)
    canvas.setFillColorRGB(*item.colour)
    canvas.setLineWidth(st.MISSING_BOX_RULE)
    canvas.rect(left, bottom, side, side, stroke=1, fill=0)
    code = f"{ord(item.ch):04X}"
    label = size * st.MISSING_BOX_LABEL_SIZE
    if len(code) > 4:
        label *= 4 / len(code)
    canvas.setFont(item.font, label)
    canvas.drawCentredString(left + side / 2, bottom + side / 2 - label * st.MISSING_BOX_LABEL_DROP, code)
    canvas.restoreState()
