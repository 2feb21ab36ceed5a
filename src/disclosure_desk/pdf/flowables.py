"""Blocks of the page flow for text on the fixed line grid: set lines, blank lines, grid snapping."""

from __future__ import annotations

from . import styles as st
from .draw import draw_lines
from .flow import Block
from .linebreak import Item, Line, break_lines


class TextBlock(Block):
    """Lines of text at a fixed line pitch; splits between any two lines."""

    def __init__(self, lines: list[Line], style: st.TextStyle):
        self.lines = lines
        self.style = style

    @classmethod
    def set(
        cls, paragraphs: list[list[Item]], style: st.TextStyle, width: float = st.TYPE_AREA_WIDTH, **kwargs
    ) -> TextBlock:
        """Set each item list as a paragraph (indent and alignment from ``style``)."""
        indent = style.indent_chars * style.pitch
        lines = [ln for items in paragraphs for ln in break_lines(items, width, indent=indent, align=style.align)]
        return cls(lines, style, **kwargs)

    @property
    def full_height(self) -> float:
        return len(self.lines) * self.style.line_pitch

    def wrap(self, avail_width, avail_height):
        return avail_width, self.full_height

    def split(self, avail_width, avail_height):
        fit = int((avail_height + 1e-6) // self.style.line_pitch)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        return [
            TextBlock(self.lines[:fit], self.style),
            TextBlock(self.lines[fit:], self.style),
        ]

    def split_tail(self, n: int) -> tuple[TextBlock | None, TextBlock]:
        """The block without its last ``n`` lines, and those lines."""
        if len(self.lines) <= n:
            return None, self
        return TextBlock(self.lines[:-n], self.style), TextBlock(self.lines[-n:], self.style)

    def draw(self):
        draw_lines(self.canv, self.lines, 0.0, self.full_height, self.style.line_pitch, self.style.size)


class BlankLines(Block):
    """``n`` empty lines of the grid (dropped at the top of a page)."""

    def __init__(self, n: int, line_pitch: float = st.LINE_PITCH):
        self.n = n
        self.line_pitch = line_pitch

    def wrap(self, avail_width, avail_height):
        if self.at_top:
            return avail_width, 0.0
        return avail_width, min(self.n * self.line_pitch, avail_height)

    def split(self, avail_width, avail_height):
        return []

    def draw(self):
        pass


class GridSnap(Block):
    """Moves down to the next line of the grid (after a table, whose height is free)."""

    def __init__(self, line_pitch: float = st.LINE_PITCH):
        self.line_pitch = line_pitch

    def wrap(self, avail_width, avail_height):
        rest = avail_height % self.line_pitch
        if rest < 0.01 or self.line_pitch - rest < 0.01:
            rest = 0.0
        return avail_width, rest

    def split(self, avail_width, avail_height):
        return []

    def draw(self):
        pass


class PlacedLine(Block):
    """One line of items set at their natural width, starting ``x`` from the left of the 版心."""

    def __init__(self, items: list[Item], x: float, style: st.TextStyle):
        self.style = style
        pos, placed = 0.0, []
        for it in items:
            placed.append((it, x + pos))
            pos += it.width
        self.line = Line(placed, x + pos)

    def wrap(self, avail_width, avail_height):
        return avail_width, self.style.line_pitch

    def draw(self):
        draw_lines(self.canv, [self.line], 0.0, self.style.line_pitch, self.style.line_pitch, self.style.size)
