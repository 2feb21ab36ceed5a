"""Spec types: the report editions as frozen data.

A table is described twice, on purpose:
- as *cells* (``CellSpec``): every value the clerk fills in, with a stable id, its label
  path (the keys of report JSON) and its value kind;
- as a *grid* (``GridCell``): the printed layout with merges, so the PDF and the wizard
  draw the official headers and row stubs from one place.
"""

from __future__ import annotations

import enum

from ..records import field, record


class ValueKind(enum.Enum):
    COUNT = "count"  # integer >= 0 (件/项)
    SIGNED_COUNT = "signed_count"  # integer, may be negative (2019 本年增/减)
    AMOUNT = "amount"  # decimal >= 0, in 万元

    @property
    def allows_negative(self) -> bool:
        return self is ValueKind.SIGNED_COUNT

    @property
    def allows_decimals(self) -> bool:
        return self is ValueKind.AMOUNT

    @property
    def description(self) -> str:
        """What the cell accepts, in the clerk's words."""
        return {
            ValueKind.COUNT: "不小于0的整数",
            ValueKind.SIGNED_COUNT: "整数（减少时填负数，如 -4 或 减4）",
            ValueKind.AMOUNT: "不小于0的金额，单位万元，最多4位小数",
        }[self]


class GridRole(enum.Enum):
    CAPTION = "caption"  # a block caption row (表二 第二十条第（一）项)
    HEADER = "header"  # column header
    STUB = "stub"  # row label
    NOTE = "note"  # the 勾稽 note in the top-left of 表三
    VALUE = "value"  # a value cell (cell_id is set)


@record
class GridCell:
    """One rectangle of the printed table grid (row/col are 0-based grid coordinates)."""

    row: int
    col: int
    role: GridRole
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    cell_id: str | None = None


@record
class CellSpec:
    """A value cell. ``path`` are the report JSON keys below the table key."""

    id: str
    table: str
    path: tuple[str, ...]
    kind: ValueKind
    unit: str
    help: str = ""
    # ids of the cells this one is the sum of (totals); empty for cells the clerk types
    sum_of: tuple[str, ...] = ()
    sum_rule: str = ""  # the check rule that holds a stated total to ``sum_of`` (T3-3, T3-2, T4-1)
    row_role: str = ""  # what the row counts (spec/roles.py), e.g. applications.new
    column_role: str = ""  # what the column holds, e.g. total, in_force

    @property
    def label_path(self) -> str:
        """``表三/一、本年新收政府信息公开申请数量/自然人``: how findings name the cell."""
        return "/".join((self.table, *self.path))

    @property
    def row_key(self) -> str:
        """The id part naming the row: ``t3.withheld.secret.natural`` -> ``withheld.secret``."""
        return self.id.split(".", 1)[1].rsplit(".", 1)[0]

    @property
    def column_key(self) -> str:
        return self.id.rsplit(".", 1)[1]

    @property
    def row_label(self) -> str:
        return "/".join(self.path[:-1])

    @property
    def is_total(self) -> bool:
        return bool(self.sum_of)


@record
class SumSpec:
    """A total and the cells it must equal the sum of, held by ``rule``."""

    rule: str
    total: str
    parts: tuple[str, ...]


@record
class BalanceSpec:
    """``left`` adds up to what ``right`` adds up to (T3-1: 一 + 二 = （七）总计 + 四, per column)."""

    rule: str
    label: str  # how the message names the line (the column's label)
    left: tuple[str, ...]
    right: tuple[str, ...]
    # rules that name the cell at fault better: a stated total one of them finds wrong is left to it
    defer_to: tuple[str, ...] = ()


@record
class TableSpec:
    key: str  # 表二 / 表三 / 表四
    section_title: str
    cells: tuple[CellSpec, ...]
    grid: tuple[GridCell, ...]
    grid_rows: int
    grid_cols: int
    header_rows: int  # leading grid rows that repeat when the table breaks across pages
    # relative column widths of the grid, summing to 1.0
    col_widths: tuple[float, ...]
    note: str = ""  # printed below the table (units the header does not state)
    # sums held besides each total's own (the 表三 corner is also the sum of its column)
    extra_sums: tuple[SumSpec, ...] = ()
    balances: tuple[BalanceSpec, ...] = ()

    @property
    def sums(self) -> tuple[SumSpec, ...]:
        """Every sum relation of the table: each total's own, then the extra ones."""
        own = tuple(SumSpec(c.sum_rule, c.id, c.sum_of) for c in self.cells if c.sum_of)
        return own + self.extra_sums

    def cell(self, cell_id: str) -> CellSpec:
        return self._by_id()[cell_id]

    def find(self, cell_id: str) -> CellSpec | None:
        return self._by_id().get(cell_id)

    def _by_id(self) -> dict[str, CellSpec]:
        cache = self.__dict__.get("_cache")
        if cache is None:
            cache = {c.id: c for c in self.cells}
            object.__setattr__(self, "_cache", cache)
        return cache

    def by_path(self, path: tuple[str, ...]) -> CellSpec | None:
        cache = self.__dict__.get("_path_cache")
        if cache is None:
            cache = {c.path: c for c in self.cells}
            object.__setattr__(self, "_path_cache", cache)
        return cache.get(path)

    @property
    def stub_cols(self) -> int:
        """Leading grid columns that hold only labels (the row stubs): 表三 3, 表二 1, 表四 0."""
        return min((g.col for g in self.grid if g.cell_id), default=0)

    @property
    def row_keys(self) -> tuple[str, ...]:
        """Row keys in table order (each once)."""
        return tuple(dict.fromkeys(c.row_key for c in self.cells))

    @property
    def input_cells(self) -> tuple[CellSpec, ...]:
        return tuple(c for c in self.cells if not c.is_total)

    @property
    def total_cells(self) -> tuple[CellSpec, ...]:
        return tuple(c for c in self.cells if c.is_total)


@record
class SubpartSpec:
    """A suggested sub-heading of a narrative section, e.g. （一）主动公开."""

    heading: str
    guidance: str
    keywords: tuple[str, ...] = ()  # words whose presence shows the theme is covered


@record
class SectionSpec:
    number: str  # 一 … 六
    title: str  # official title, e.g. 一、总体情况
    guidance: str
    table: str | None = None  # 表二/表三/表四 for sections reported as a table
    subparts: tuple[SubpartSpec, ...] = ()
    may_be_none: bool = False  # 六 may say just 无。

    @property
    def is_table(self) -> bool:
        return self.table is not None


@record
class PartNames:
    """How the parts of a report that are not numbered sections are named in findings, carry-over
    marks and pages (a section is named by its official title)."""

    title: str = "标题"
    preface: str = "前言"
    signature: str = "落款"


@record
class ReportSpec:
    edition: str  # "2019" or "2021"
    name: str  # the format document's name
    issued_with: str
    short_name: str  # how the clerk is told which format: 2021年格式, 2019年试行格式
    first_year: int  # the first report year it is used for
    title_pattern: str
    preface_guidance: str
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSpec, ...] = field(default=())
    parts: PartNames = field(default=PartNames())

    def table(self, key: str) -> TableSpec:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def section(self, title: str) -> SectionSpec:
        for s in self.sections:
            if s.title == title:
                return s
        raise KeyError(title)

    @property
    def narrative_sections(self) -> tuple[SectionSpec, ...]:
        return tuple(s for s in self.sections if not s.is_table)

    @property
    def all_cells(self) -> tuple[CellSpec, ...]:
        return tuple(c for t in self.tables for c in t.cells)

    def cells(self, *, row: str | tuple[str, ...] = (), column: str | tuple[str, ...] = ()) -> tuple[CellSpec, ...]:
        """The value cells with these roles (spec/roles.py), in table order; empty where an edition has none."""
        rows = (row,) if isinstance(row, str) else row
        columns = (column,) if isinstance(column, str) else column
        return tuple(
            c for c in self.all_cells if (not rows or c.row_role in rows) and (not columns or c.column_role in columns)
        )

    def cell_ids(self, *, row: str | tuple[str, ...] = (), column: str | tuple[str, ...] = ()) -> list[str]:
        return [c.id for c in self.cells(row=row, column=column)]

    def cell(self, cell_id: str) -> CellSpec:
        """The value cell with this id; KeyError for an id the edition does not have."""
        for table in self.tables:
            found = table.find(cell_id)
            if found is not None:
                return found
        raise KeyError(cell_id)

    def title_for(self, organ: str, year: int | None) -> str:
        return self.title_pattern.format(organ=organ, year=year if year is not None else "")
