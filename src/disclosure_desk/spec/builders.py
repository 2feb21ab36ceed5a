"""Builders that turn compact row/column lists into TableSpecs with grids and sums.

The editions (``edition_2019``, ``edition_2021``) hold the labels; this module holds the
shapes of the three tables, which differ between editions only in their rows.
"""

from __future__ import annotations

from ..records import record
from . import roles
from .model import BalanceSpec, CellSpec, GridCell, GridRole, SumSpec, TableSpec, ValueKind

T2_SUBCOLS = 6  # 表二 grid: label column + 6 sub-columns (3 values span 2, 2 values span 3)


@record
class T2Column:
    key: str
    label: str
    kind: ValueKind = ValueKind.COUNT
    unit: str = "件"
    role: str = ""  # spec/roles.py: what the column holds (in_force, items_before …)


@record
class T2Row:
    key: str
    label: str
    help: str = ""
    role: str = ""  # spec/roles.py: what the row counts (publication.rules …)


@record
class T2Block:
    key: str  # a1, a5 …
    caption: str  # 第二十条第（一）项
    columns: tuple[T2Column, ...]
    rows: tuple[T2Row, ...]


def build_table2(section_title: str, blocks: tuple[T2Block, ...], note: str = "") -> TableSpec:
    cells: list[CellSpec] = []
    grid: list[GridCell] = []
    r = 0
    for block in blocks:
        grid.append(GridCell(r, 0, GridRole.CAPTION, block.caption, colspan=1 + T2_SUBCOLS))
        span = T2_SUBCOLS // len(block.columns)
        grid.append(GridCell(r + 1, 0, GridRole.HEADER, "信息内容"))
        for i, col in enumerate(block.columns):
            grid.append(GridCell(r + 1, 1 + i * span, GridRole.HEADER, col.label, colspan=span))
        r += 2
        for row in block.rows:
            grid.append(GridCell(r, 0, GridRole.STUB, row.label))
            for i, col in enumerate(block.columns):
                cell_id = f"t2.{block.key}.{row.key}.{col.key}"
                cells.append(
                    CellSpec(
                        cell_id,
                        "表二",
                        (block.caption, row.label, col.label),
                        col.kind,
                        col.unit,
                        row.help,
                        row_role=row.role,
                        column_role=col.role,
                    )
                )
                grid.append(GridCell(r, 1 + i * span, GridRole.VALUE, colspan=span, cell_id=cell_id))
            r += 1
    widths = (0.28,) + (0.72 / T2_SUBCOLS,) * T2_SUBCOLS
    return TableSpec(
        key="表二",
        section_title=section_title,
        cells=tuple(cells),
        grid=tuple(grid),
        grid_rows=r,
        grid_cols=1 + T2_SUBCOLS,
        header_rows=0,
        col_widths=widths,
        note=note,
    )


# ---- 表三 -----------------------------------------------------------------------------

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLUMNS = (
    ("natural", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other", "其他"),
    ("total", "总计"),
)
T3_RESULTS_LABEL = "三、本年度办理结果"


@record
class T3Row:
    """A value row of 表三. ``level`` 1: 一/二/四; 2: （一）…; 3: a numbered sub-row."""

    key: str
    label: str
    level: int
    help: str = ""
    group: str = ""  # level-2 group label for level-3 rows
    role: str = ""  # spec/roles.py: what the row counts; the rows with a RESULTS role add up to （七）总计

    @property
    def json_key(self) -> str:
        return f"{self.group}/{self.label}" if self.group else self.label


def build_table3(section_title: str, rows: tuple[T3Row, ...]) -> TableSpec:
    grid = _table3_header()
    cells: list[CellSpec] = []
    first_data = 3
    results = [r for r in rows if r.level > 1]
    result_start = first_data + rows.index(results[0])
    grid.append(GridCell(result_start, 0, GridRole.STUB, T3_RESULTS_LABEL, rowspan=len(results)))
    seen_groups: set[str] = set()
    for i, row in enumerate(rows):
        g = first_data + i
        if row.level == 1:
            grid.append(GridCell(g, 0, GridRole.STUB, row.label, colspan=3))
        elif row.level == 2:
            grid.append(GridCell(g, 1, GridRole.STUB, row.label, colspan=2))
        else:
            if row.group not in seen_groups:
                seen_groups.add(row.group)
                size = sum(1 for r in rows if r.group == row.group)
                grid.append(GridCell(g, 1, GridRole.STUB, row.group, rowspan=size))
            grid.append(GridCell(g, 2, GridRole.STUB, row.label))
        for j, (col_key, col_label) in enumerate(T3_COLUMNS):
            cell_id = f"t3.{row.key}.{col_key}"
            grid.append(GridCell(g, 3 + j, GridRole.VALUE, cell_id=cell_id))
            cells.append(
                CellSpec(
                    cell_id,
                    "表三",
                    (row.json_key, col_label),
                    ValueKind.COUNT,
                    "件",
                    row.help,
                    row_role=row.role,
                    column_role=col_key,
                )
            )
    cells = _with_table3_sums(cells, rows)
    return TableSpec(
        key="表三",
        section_title=section_title,
        cells=tuple(cells),
        grid=tuple(grid),
        grid_rows=first_data + len(rows),
        grid_cols=10,
        header_rows=3,
        col_widths=(0.06, 0.14, 0.29) + (0.51 / 7,) * 7,
        extra_sums=(_corner_column_sum(cells),),
        balances=_table3_balances(cells),
    )


def _table3_header() -> list[GridCell]:
    header = GridRole.HEADER
    grid = [
        GridCell(0, 0, GridRole.NOTE, T3_NOTE, rowspan=3, colspan=3),
        GridCell(0, 3, header, "申请人情况", colspan=7),
        GridCell(1, 3, header, "自然人", rowspan=2),
        GridCell(1, 4, header, "法人或其他组织", colspan=5),
        GridCell(1, 9, header, "总计", rowspan=2),
    ]
    for j, (_, label) in enumerate(T3_COLUMNS[1:6]):
        grid.append(GridCell(2, 4 + j, header, label))
    return grid


def _with_table3_sums(cells: list[CellSpec], rows: tuple[T3Row, ...]) -> list[CellSpec]:
    """Mark the 总计 column (T3-3) and the （七）总计 row (T3-2) as sums.

    The （七）总计/总计 corner is declared as the sum of its row (C1…C6); ``_corner_column_sum`` holds it
    to its column as well.
    """
    value_cols = [k for k, _ in T3_COLUMNS[:-1]]
    result_rows = [r.key for r in rows if r.role in roles.RESULTS]
    out = []
    for c in cells:
        row_key, col_key = c.id.removeprefix("t3.").rsplit(".", 1)
        if col_key == "total":
            sum_of, rule = tuple(f"t3.{row_key}.{k}" for k in value_cols), "T3-3"
        elif c.row_role == roles.RESULTS_TOTAL:
            sum_of, rule = tuple(f"t3.{k}.{col_key}" for k in result_rows), "T3-2"
        else:
            sum_of, rule = (), ""
        out.append(CellSpec(c.id, c.table, c.path, c.kind, c.unit, c.help, sum_of, rule, c.row_role, c.column_role))
    return out


def _corner_column_sum(cells: list[CellSpec]) -> SumSpec:
    """（七）总计/总计 is also the sum of the total column over the result rows (T3-2)."""
    results = [c.id for c in cells if c.row_role in roles.RESULTS and c.column_role == roles.TOTAL]
    corner = next(c.id for c in cells if c.row_role == roles.RESULTS_TOTAL and c.column_role == roles.TOTAL)
    return SumSpec("T3-2", corner, tuple(results))


def _table3_balances(cells: list[CellSpec]) -> tuple[BalanceSpec, ...]:
    """T3-1, the 勾稽关系 printed in the table: 一 + 二 = （七）总计 + 四, in every column."""
    out = []
    for col_key, col_label in T3_COLUMNS:
        at = {c.row_role: c.id for c in cells if c.column_role == col_key}
        out.append(
            BalanceSpec(
                "T3-1",
                col_label,
                (at[roles.NEW], at[roles.CARRIED_IN]),
                (at[roles.RESULTS_TOTAL], at[roles.CARRIED_OUT]),
                defer_to=("T3-3",),
            )
        )
    return tuple(out)


# ---- 表四 -----------------------------------------------------------------------------

T4_BLOCKS = (("review", "行政复议"), ("direct", "未经复议直接起诉"), ("after_review", "复议后起诉"))
T4_ROLES = {"review": roles.REVIEW, "direct": roles.SUIT_DIRECT, "after_review": roles.SUIT_AFTER_REVIEW}
T4_COLUMNS = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
T4_HELP = {
    "review": "本年度因政府信息公开工作被申请行政复议的案件数，按复议结果分列。",
    "direct": "未经行政复议、直接就政府信息公开提起行政诉讼的案件数。",
    "after_review": "经行政复议后又提起行政诉讼的案件数。复议机关作共同被告的，只计入原行为机关。",
}


def build_table4(section_title: str) -> TableSpec:
    header = GridRole.HEADER
    grid = [
        GridCell(0, 0, header, "行政复议", colspan=5),
        GridCell(0, 5, header, "行政诉讼", colspan=10),
        GridCell(1, 5, header, "未经复议直接起诉", colspan=5),
        GridCell(1, 10, header, "复议后起诉", colspan=5),
    ]
    cells = []
    for b, (block_key, block_label) in enumerate(T4_BLOCKS):
        for j, (col_key, col_label) in enumerate(T4_COLUMNS):
            col = b * 5 + j
            if b == 0:
                grid.append(GridCell(1, col, header, col_label, rowspan=2))
            else:
                grid.append(GridCell(2, col, header, col_label))
            cell_id = f"t4.{block_key}.{col_key}"
            sum_of = tuple(f"t4.{block_key}.{k}" for k, _ in T4_COLUMNS[:4]) if col_key == "total" else ()
            grid.append(GridCell(3, col, GridRole.VALUE, cell_id=cell_id))
            cells.append(
                CellSpec(
                    cell_id,
                    "表四",
                    (block_label, col_label),
                    ValueKind.COUNT,
                    "件",
                    T4_HELP[block_key],
                    sum_of,
                    "T4-1" if sum_of else "",
                    T4_ROLES[block_key],
                    col_key,
                )
            )
    return TableSpec(
        key="表四",
        section_title=section_title,
        cells=tuple(cells),
        grid=tuple(grid),
        grid_rows=4,
        grid_cols=15,
        header_rows=3,
        col_widths=(1 / 15,) * 15,
    )
