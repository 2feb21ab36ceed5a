"""A table as printed: a grid of text cells with row and column spans. Qt-free.

Every reader turns its tables into a :class:`TextGrid` (Word rows with ``gridSpan``/``vMerge``, HTML
rows with ``rowspan``/``colspan``, PDF cell rectangles), and the spec's own tables become one too
(:func:`spec_grid`), so that one matcher (``table_match``) compares printed and official tables by
their labels and geometry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..spec import GridRole, TableSpec
from .limits import Limits

MAX_SPAN = 200  # a span beyond this is hostile or broken: no report table is wider or longer


@dataclass(frozen=True)
class GridText:
    """One rectangle of a printed table; ``page`` is set for PDF cells, ``cell_id`` for the spec's value cells."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None
    cell_id: str | None = None
    role: GridRole | None = None

    @property
    def col_end(self) -> int:
        return self.col + self.colspan

    @property
    def row_end(self) -> int:
        return self.row + self.rowspan


@dataclass(frozen=True)
class SpanCell:
    """A cell as a row of HTML or Word lists it (position still to be found)."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class TextGrid:
    cells: list[GridText]
    n_rows: int
    n_cols: int
    _cover: dict[tuple[int, int], int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._cover = {}
        for i, cell in enumerate(self.cells):
            for r in range(cell.row, cell.row_end):
                for c in range(cell.col, cell.col_end):
                    self._cover.setdefault((r, c), i)

    def at(self, row: int, col: int) -> GridText | None:
        """The cell covering grid position (row, col), if any."""
        i = self._cover.get((row, col))
        return None if i is None else self.cells[i]

    def row_cells(self, row: int) -> list[GridText]:
        """Distinct cells covering ``row``, left to right."""
        seen: dict[int, GridText] = {}
        for c in range(self.n_cols):
            i = self._cover.get((row, c))
            if i is not None:
                seen.setdefault(i, self.cells[i])
        return sorted(seen.values(), key=lambda cell: cell.col)

    def starting_in(self, row: int) -> list[GridText]:
        return [c for c in self.row_cells(row) if c.row == row]

    def appended(self, other: TextGrid) -> TextGrid:
        """This grid with ``other``'s rows below it (a table continued in a second table)."""
        moved = [replace(c, row=c.row + self.n_rows) for c in other.cells]
        return TextGrid(self.cells + moved, self.n_rows + other.n_rows, max(self.n_cols, other.n_cols))


def grid_from_rows(rows: list[list[SpanCell]], limits: Limits) -> TextGrid:
    """The HTML table model: each cell takes the next free column of its row; spans reserve positions below."""
    taken: set[tuple[int, int]] = set()
    cells: list[GridText] = []
    n_rows = len(rows)
    n_cols = 0
    for r, row in enumerate(rows):
        c = 0
        for span in row:
            while (r, c) in taken:
                c += 1
            rowspan = max(1, min(span.rowspan if span.rowspan > 0 else n_rows - r, n_rows - r, MAX_SPAN))
            colspan = max(1, min(span.colspan, MAX_SPAN))
            limits.count_cells(rowspan * colspan)
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    taken.add((rr, cc))
            cells.append(GridText(r, c, span.text, rowspan, colspan))
            c += colspan
            n_cols = max(n_cols, c)
    return TextGrid(cells, n_rows, n_cols)


@dataclass
class PlacedCell:
    """A cell whose grid column is known (Word: ``gridBefore`` + the spans before it)."""

    row: int
    col: int
    colspan: int
    text: str
    continues_above: bool = False  # Word's vMerge="continue": this position belongs to the cell above


def grid_from_placed(placed: Iterable[PlacedCell], n_rows: int) -> TextGrid:
    """Word's model: vertical merges are cells marked as continuing the one above in the same columns."""
    open_cells: dict[int, GridText] = {}  # start column -> cell still growing downward
    done: list[GridText] = []
    n_cols = 0
    for p in placed:
        n_cols = max(n_cols, p.col + p.colspan)
        above = open_cells.get(p.col)
        if p.continues_above and above is not None and above.colspan == p.colspan and above.row_end == p.row:
            open_cells[p.col] = replace(above, rowspan=above.rowspan + 1)
            continue
        if above is not None:
            done.append(open_cells.pop(p.col))
        open_cells[p.col] = GridText(p.row, p.col, p.text, 1, p.colspan)
    done.extend(open_cells.values())
    done.sort(key=lambda c: (c.row, c.col))
    return TextGrid(done, n_rows, n_cols)


@dataclass(frozen=True)
class Rect:
    """A PDF table cell: its box (points, y downward, pages stacked) and text."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    page: int


def grid_from_rects(rects: list[Rect], tolerance: float = 2.0) -> TextGrid:
    """Rows and columns from the distinct edges of the cell boxes; spans from the edges a box crosses."""
    xs = _cluster([r.x0 for r in rects] + [r.x1 for r in rects], tolerance)
    ys = _cluster([r.top for r in rects] + [r.bottom for r in rects], tolerance)
    cells = []
    for r in rects:
        c0, c1 = _index(xs, r.x0), _index(xs, r.x1)
        r0, r1 = _index(ys, r.top), _index(ys, r.bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append(GridText(r0, c0, r.text, r1 - r0, c1 - c0, page=r.page))
    cells.sort(key=lambda c: (c.row, c.col))
    return TextGrid(cells, max(len(ys) - 1, 0), max(len(xs) - 1, 0))


def _cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def spec_grid(table: TableSpec) -> TextGrid:
    """The official table as a TextGrid (value cells carry their cell ids)."""
    cells = [GridText(g.row, g.col, g.text, g.rowspan, g.colspan, cell_id=g.cell_id, role=g.role) for g in table.grid]
    return TextGrid(cells, table.grid_rows, table.grid_cols)
