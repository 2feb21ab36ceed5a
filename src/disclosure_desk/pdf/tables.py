"""The official tables (表二/表三/表四), drawn from the spec's grid with its merges.

Each :class:`~disclosure_desk.spec.GridCell` is a rectangle spanning its rows and columns, so the
merged headers and row stubs come out exactly as the spec declares them. Column widths start from the
spec's relative widths of the 版心 width; when a row label of up to ``TABLE_LABEL_ONE_LINE_MAX_EM``
would not fit on one line there, the label columns are set to what their labels need and the value
columns share the rest (``column_widths``).

A table that does not fit continues on the next page with its header rows (``TableSpec.header_rows``)
repeated. It breaks only between rows, never right after rows that are only headers or captions,
and never where a row-spanning label (such as ``三、本年度办理结果``) would be left too short for its
text on at least one side; a label whose span is broken is printed on each piece tall enough for it.

(ReportLab's own Table refuses to break inside a row span unless it splits cell contents, and 表三's
``三、本年度办理结果`` spans 20–22 rows, so the table is drawn by this flowable instead.)
"""

from __future__ import annotations

from ..records import record
from ..spec import GridCell, GridRole, TableSpec
from . import styles as st
from .draw import draw_lines
from .flow import Block
from .linebreak import Item, Line, break_lines
from .typeset import Typesetter, natural_width, widest_unit


@record(frozen=False)
class _Cell:
    grid: GridCell
    style: st.TextStyle
    items: list[Item]
    vertical: bool
    lines: list[Line]
    alt_lines: list[Line]  # horizontal setting of a vertical stub, for short pieces

    @property
    def rows(self) -> range:
        return range(self.grid.row, self.grid.row + self.grid.rowspan)

    def need(self, lines: list[Line]) -> float:
        return len(lines) * st.TABLE_LINE_PITCH + 2 * st.TABLE_PAD_Y

    def need_piece(self) -> float:
        return min(self.need(self.lines), self.need(self.alt_lines))


_STYLE = {
    GridRole.CAPTION: st.TABLE_HEADER,
    GridRole.HEADER: st.TABLE_HEADER,
    GridRole.NOTE: st.TABLE_CELL,
    GridRole.STUB: st.TABLE_CELL,
    GridRole.VALUE: st.TABLE_VALUE,
}


def _is_vertical(g: GridCell, inner: float, style: st.TextStyle) -> bool:
    """A row-spanning label in a column too narrow for it: set one unit per line (三、本年度办理结果)."""
    return g.role == GridRole.STUB and g.rowspan > 1 and inner < st.TABLE_VERTICAL_STUB_MAX_CHARS * style.size


def column_widths(
    spec: TableSpec, items: dict[tuple[int, int], list[Item]], width: float = st.TYPE_AREA_WIDTH
) -> list[float]:
    """Column widths in pt, adding up to ``width``.

    The spec's relative widths, unless a one-column row label of at most ``TABLE_LABEL_ONE_LINE_MAX_EM``
    does not fit on one line: then every label column gets exactly what its labels need (a vertical
    stub its widest unit, ``三、``) and the value columns share the rest in the spec's proportions.
    ``items``: the measured text of every grid cell, by (row, column).
    """
    base = [w * width for w in spec.col_widths]
    base[-1] = width - sum(base[:-1])
    style = _STYLE[GridRole.STUB]
    need: dict[int, float] = {}
    for g in spec.grid:
        if g.role is not GridRole.STUB or g.colspan != 1:
            continue
        cell_items = items[(g.row, g.col)]
        if _is_vertical(g, base[g.col] - 2 * st.TABLE_PAD_X, style):
            wanted = widest_unit(cell_items)
        else:
            natural = natural_width(cell_items)
            if natural > st.TABLE_LABEL_ONE_LINE_MAX_EM * style.size:
                continue  # a long label wraps; it does not widen its column
            wanted = natural
        need[g.col] = max(need.get(g.col, 0.0), wanted + 2 * st.TABLE_PAD_X + 0.01)
    if all(need[c] <= base[c] for c in need):
        return base
    others = [c for c in range(len(base)) if c not in need]
    rest = width - sum(need.values())
    share = sum(base[c] for c in others)
    out = [need[c] if c in need else rest * base[c] / share for c in range(len(base))]
    out[-1] = width - sum(out[:-1])
    return out


class GridLayout:
    """Cells set in their columns, and the height of every grid row."""

    def __init__(
        self,
        spec: TableSpec,
        texts: dict[tuple[int, int], str],
        ts: Typesetter,
        where: str,
        width: float = st.TYPE_AREA_WIDTH,
        knockout: bool = False,
    ):
        self.spec = spec
        self.knockout = knockout  # value cells painted white, so the 草稿 mark behind never crosses a figure
        items = {(g.row, g.col): self._items(g, texts.get((g.row, g.col), g.text), ts, where) for g in spec.grid}
        widths = column_widths(spec, items, width)
        self.col_x = [sum(widths[:i]) for i in range(len(widths) + 1)]
        self.cells = [self._cell(g, items[(g.row, g.col)]) for g in spec.grid]
        self.row_h = self._row_heights()
        self.header_rows = spec.header_rows
        roles: dict[int, set[GridRole]] = {}
        for c in self.cells:
            roles.setdefault(c.grid.row, set()).add(c.grid.role)
        self._sticky = {
            row for row, found in roles.items() if found <= {GridRole.CAPTION, GridRole.HEADER, GridRole.NOTE}
        }

    def _items(self, g: GridCell, text: str, ts: Typesetter, where: str) -> list[Item]:
        label = self.spec.cell(g.cell_id).label_path if g.cell_id else g.text
        return ts.items(text, _STYLE[g.role], lambda i: f"{where}“{label}” 第{i + 1}字")

    def _cell(self, g: GridCell, items: list[Item]) -> _Cell:
        style = _STYLE[g.role]
        inner = self.col_x[g.col + g.colspan] - self.col_x[g.col] - 2 * st.TABLE_PAD_X
        vertical = _is_vertical(g, inner, style)
        lines = break_lines(items, inner, align=style.align, vertical=vertical)
        alt = break_lines(items, inner, align="center") if vertical else lines
        return _Cell(g, style, items, vertical, lines, alt)

    def _row_heights(self) -> list[float]:
        heights = [st.TABLE_MIN_ROW_HEIGHT] * self.spec.grid_rows
        for c in self.cells:
            if c.grid.rowspan == 1:
                heights[c.grid.row] = max(heights[c.grid.row], c.need(c.lines))
        for c in sorted((c for c in self.cells if c.grid.rowspan > 1), key=lambda c: c.grid.rowspan):
            have = sum(heights[r] for r in c.rows)
            short = c.need(c.lines) - have
            if short > 0:
                for r in c.rows:
                    heights[r] += short / c.grid.rowspan
        return heights

    def is_sticky(self, row: int) -> bool:
        """A row of captions/headers only, which must not end a page."""
        return row in self._sticky

    @property
    def block_starts(self) -> set[int]:
        """Rows starting a captioned block (表二): the table breaks only there."""
        return {c.grid.row for c in self.cells if c.grid.role is GridRole.CAPTION}

    def value_rows(self, start: int, end: int) -> int:
        return sum(1 for r in range(start, end) if not self.is_sticky(r))

    def can_break_before(self, row: int, start: int, strict: bool) -> bool:
        """May a page end before ``row`` (the fragment starting at ``start``)?

        ``strict`` also refuses to cut a row span other than a vertical stub (a group such as
        （三）不予公开 stays together when possible); without it, a span may be cut when each piece is
        tall enough for its label.
        """
        blocks = self.block_starts
        if blocks:
            return row in blocks and row > start
        if row <= self.header_rows or self.is_sticky(row - 1):
            return False
        if self.value_rows(max(start, self.header_rows), row) < st.TABLE_MIN_ROWS_BEFORE_BREAK and start == 0:
            return False
        if self.value_rows(row, self.spec.grid_rows) < st.TABLE_MIN_ROWS_AFTER_BREAK:
            return False
        for c in self.cells:
            g = c.grid
            if g.row < row < g.row + g.rowspan:
                if strict and not c.vertical:
                    return False
                above = sum(self.row_h[max(g.row, start) : row])
                below = sum(self.row_h[row : g.row + g.rowspan])
                # the label is printed on each piece tall enough for it; one piece at least must be
                if max(above, below) + 0.01 < c.need_piece():
                    return False
        return True


class GridTable(Block):
    """Rows ``start``..``end`` of a table; a continuation repeats the header rows on top."""

    def __init__(self, layout: GridLayout, start: int = 0, end: int | None = None, continued: bool = False):
        self.layout = layout
        self.start = start
        self.end = layout.spec.grid_rows if end is None else end
        self.continued = continued and layout.header_rows > 0

    @property
    def _header_height(self) -> float:
        return sum(self.layout.row_h[: self.layout.header_rows]) if self.continued else 0.0

    @property
    def full_height(self) -> float:
        return self._header_height + sum(self.layout.row_h[self.start : self.end])

    def min_height(self) -> float:
        """Height of the first piece the table may show before a page break (a block, or header and rows)."""
        lay = self.layout
        for row in range(self.start + 1, self.end):
            if lay.can_break_before(row, self.start, strict=False):
                return self._header_height + sum(lay.row_h[self.start : row])
        return self.full_height

    def wrap(self, avail_width, avail_height):
        return self.layout.col_x[-1], self.full_height

    def split(self, avail_width, avail_height):
        lay = self.layout
        room = avail_height - self._header_height
        fits = self.start
        while fits < self.end and sum(lay.row_h[self.start : fits + 1]) <= room + 1e-6:
            fits += 1
        last = min(fits, self.end - 1)
        strict = self._last_break(last, strict=True)
        loose = self._last_break(last, strict=False)
        # keep a row-span group (（三）不予公开 …) whole only when that costs little room on this page
        if strict is not None and (loose is None or sum(lay.row_h[strict:loose]) <= st.TABLE_GROUP_KEEP_MAX_WASTE):
            return self._cut(strict)
        if loose is not None:
            return self._cut(loose)
        if avail_height >= st.TYPE_AREA_HEIGHT - 1 and last > max(self.start, lay.header_rows):
            return self._cut(last)  # taller than a page and no good break: break where it must
        return []

    def _last_break(self, last: int, strict: bool) -> int | None:
        for row in range(last, self.start, -1):
            if self.layout.can_break_before(row, self.start, strict):
                return row
        return None

    def _cut(self, row: int) -> list[GridTable]:
        return [GridTable(self.layout, self.start, row, self.continued), GridTable(self.layout, row, self.end, True)]

    def draw(self):
        lay = self.layout
        y = self.full_height
        if self.continued:
            y = self._draw_rows(0, lay.header_rows, y)
        self._draw_rows(self.start, self.end, y)

    def _draw_rows(self, start: int, end: int, top: float) -> float:
        lay = self.layout
        row_top = [top]
        for r in range(start, end):
            row_top.append(row_top[-1] - lay.row_h[r])
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(st.TABLE_RULE_WIDTH)
        for c in lay.cells:
            g = c.grid
            first, last = max(g.row, start), min(g.row + g.rowspan, end)
            if first >= last:
                continue
            x0, x1 = lay.col_x[g.col], lay.col_x[g.col + g.colspan]
            y_top, y_bottom = row_top[first - start], row_top[last - start]
            knockout = lay.knockout and g.role is GridRole.VALUE
            if knockout:
                canv.setFillColorRGB(1, 1, 1)
            canv.rect(x0, y_bottom, x1 - x0, y_top - y_bottom, stroke=1, fill=1 if knockout else 0)
            lines = c.lines
            height = y_top - y_bottom
            if c.need(lines) > height + 0.01 and c.alt_lines is not lines:
                lines = c.alt_lines
            if c.need(lines) > height + 0.01 and (first, last) != (g.row, g.row + g.rowspan):
                lines = []  # a piece of a cut span too short for its label: the other piece prints it
            text_h = len(lines) * st.TABLE_LINE_PITCH
            text_top = y_top - (y_top - y_bottom - text_h) / 2
            draw_lines(canv, lines, x0 + st.TABLE_PAD_X, text_top, st.TABLE_LINE_PITCH, c.style.size)
        canv.restoreState()
        return row_top[-1]


def table_texts(spec: TableSpec, value_text) -> dict[tuple[int, int], str]:
    """Text of every grid cell: labels from the spec, values from ``value_text(cell_id)``."""
    return {(g.row, g.col): value_text(g.cell_id) if g.role is GridRole.VALUE else g.text for g in spec.grid}
