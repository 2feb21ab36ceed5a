"""Placing a printed table's values into the official cells, by labels and geometry. Qt-free.

A value is identified the way a reader of the printed table does: by the row labels to its left (the
stub, e.g. ``（三）不予公开`` › ``1.属于国家秘密``) and the column labels above it (``申请人情况`` ›
``自然人``, up to the block caption in 表二). The same analysis runs on the spec's own grid, so a printed
value goes to the official cell whose nearest row label and nearest column label are the same
official labels (other labels break ties, e.g. 表四's three ``结果维持``). Never by position alone:
a value whose labels cannot be recognised, or that fits no cell or more than one, is not placed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..spec import GridRole, TableSpec
from .cell_values import NONE_MARKS
from .labels import LabelResolver, MatchKind, Resolution, printed_text
from .table_grid import GridText, TextGrid, spec_grid

_VALUE_LIKE = re.compile(r"^[+\-−－–—减增]?[\d,，.．]+(件|项|个|次|条|万元|万|元)?$")
MAX_LABEL_CELLS = 400  # 表三 has 47 label cells; a table with hundreds of text cells is not a report table
_LABEL_ROLES = (GridRole.STUB, GridRole.HEADER, GridRole.CAPTION, GridRole.NOTE)


def is_value_like(text: str) -> bool:
    s = "".join(unicodedata.normalize("NFKC", text).split())
    return not s or s in NONE_MARKS or bool(_VALUE_LIKE.match(s))


@dataclass(frozen=True)
class Label:
    cell: GridText
    resolution: Resolution
    role: GridRole | None  # role of the official label it resolved to

    @property
    def official(self) -> str | None:
        return self.resolution.official

    @property
    def printed(self) -> str:
        return printed_text(self.cell.text)


@dataclass
class PrintedValue:
    cell: GridText
    row_labels: list[Label]  # left to right: the nearest (most specific) is last
    col_labels: list[Label]  # nearest first, up to the block caption
    column_ambiguous: bool = False

    @property
    def row_text(self) -> str:
        return "/".join(lab.printed for lab in self.row_labels)

    @property
    def column_text(self) -> str:
        return "/".join(lab.printed for lab in reversed(self.col_labels))


@dataclass(frozen=True)
class SpecContext:
    cell_id: str
    row: tuple[str, ...]
    col: tuple[str, ...]

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(self.row + self.col)


@dataclass
class Vocabulary:
    """One official table: its labels (with roles) and every value cell's label context."""

    table: TableSpec
    resolver: LabelResolver
    roles: dict[str, GridRole]
    index: dict[tuple[str, str], list[SpecContext]] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)  # stub labels that hold sub-rows -> how many

    @classmethod
    def of(cls, table: TableSpec) -> Vocabulary:
        roles: dict[str, GridRole] = {}
        for g in table.grid:
            if g.role in _LABEL_ROLES and g.text:
                roles.setdefault(g.text, g.role)
        vocab = cls(table, LabelResolver(roles), roles)
        grid = spec_grid(table)
        for value in analyse(grid, vocab, spec=True):
            ctx = SpecContext(
                value.cell.cell_id or "",
                tuple(lab.official or "" for lab in value.row_labels),
                tuple(lab.official or "" for lab in value.col_labels),
            )
            vocab.index.setdefault((ctx.row[-1] if ctx.row else "", ctx.col[0] if ctx.col else ""), []).append(ctx)
        nearest = {key[0] for key in vocab.index}
        for g in table.grid:
            if g.role is GridRole.STUB and g.text not in nearest and g.rowspan > 1:
                vocab.groups[g.text] = g.rowspan
        return vocab

    def resolve(self, text: str) -> tuple[Resolution, GridRole | None]:
        res = self.resolver.resolve(text)
        return res, (self.roles.get(res.official) if res.official else None)

    def score(self, grid: TextGrid) -> float:
        """How much ``grid`` looks like this table: distinct official labels found in it."""
        texts = [cell for cell in grid.cells if not is_value_like(cell.text)]
        if len(texts) > MAX_LABEL_CELLS:
            return 0.0  # far more text cells than any report table has labels: some other table
        found: dict[str, float] = {}
        for cell in texts:
            res = self.resolver.resolve(cell.text)
            if res.official is not None:
                weight = 0.5 if res.kind is MatchKind.APPROXIMATE else 1.0
                found[res.official] = max(found.get(res.official, 0.0), weight)
        return sum(found.values())


def analyse(grid: TextGrid, vocab: Vocabulary, *, spec: bool = False) -> list[PrintedValue]:
    """Every value cell of ``grid`` with the row labels to its left and the column labels above it."""
    labels = _labels(grid, vocab, spec)
    stub_end = max((lab.cell.col_end for lab in labels.values() if lab.role is GridRole.STUB), default=0)
    data_rows = {r for r in range(grid.n_rows) if _is_data_row(grid, r, labels, stub_end, spec)}
    values = []
    for r in sorted(data_rows):
        for cell in grid.starting_in(r):
            if cell.col < stub_end or (cell.cell_id is None if spec else stub_end == 0 and id(cell) in labels):
                continue
            row_labels = [
                labels[id(c)] for c in grid.row_cells(r) if id(c) in labels and c.col_end <= min(stub_end, cell.col)
            ]
            col_labels, ambiguous = _column_labels(grid, cell, labels, data_rows)
            values.append(PrintedValue(cell, row_labels, col_labels, ambiguous))
    return values


def _labels(grid: TextGrid, vocab: Vocabulary, spec: bool) -> dict[int, Label]:
    out: dict[int, Label] = {}
    for cell in grid.cells:
        if spec:
            if cell.role in _LABEL_ROLES:
                res, role = vocab.resolve(cell.text)
                out[id(cell)] = Label(cell, res, role)
            continue
        if is_value_like(cell.text):
            continue
        res, role = vocab.resolve(cell.text)
        out[id(cell)] = Label(cell, res, role)
    return out


def _is_data_row(grid: TextGrid, r: int, labels: dict[int, Label], stub_end: int, spec: bool) -> bool:
    cells = grid.row_cells(r)
    if spec:
        return any(c.cell_id for c in cells if c.row == r)
    if any(id(c) in labels and labels[id(c)].role is GridRole.CAPTION for c in cells):
        return False
    if stub_end > 0:
        return any(
            id(c) in labels and c.col_end <= stub_end and labels[id(c)].role in (GridRole.STUB, None) for c in cells
        )
    own = [c for c in cells if c.row == r]
    numeric = [c for c in own if is_value_like(c.text)]
    return bool(own) and 2 * len(numeric) >= len(own) and any(c.text.strip() for c in numeric)


def _column_labels(
    grid: TextGrid, cell: GridText, labels: dict[int, Label], data_rows: set[int]
) -> tuple[list[Label], bool]:
    found: list[Label] = []
    ambiguous = False
    for r in range(cell.row - 1, -1, -1):
        if r in data_rows:
            continue
        best = _overlapping(grid, r, cell)
        if best is None:
            continue
        above, tie = best
        if id(above) not in labels or any(lab.cell is above for lab in found):
            continue
        ambiguous = ambiguous or (tie and not found)
        found.append(labels[id(above)])
        if labels[id(above)].role is GridRole.CAPTION:
            break
    return found, ambiguous


def _overlapping(grid: TextGrid, r: int, cell: GridText) -> tuple[GridText, bool] | None:
    """The cell of row ``r`` that overlaps ``cell``'s columns most (and whether another overlaps as much)."""
    overlap: dict[int, tuple[int, GridText]] = {}
    for c in range(cell.col, cell.col_end):
        above = grid.at(r, c)
        if above is not None:
            n, _ = overlap.get(id(above), (0, above))
            overlap[id(above)] = (n + 1, above)
    if not overlap:
        return None
    ranked = sorted(overlap.values(), key=lambda item: -item[0])
    tie = len(ranked) > 1 and ranked[1][0] == ranked[0][0] and bool(ranked[1][1].text.strip())
    return ranked[0][1], tie
