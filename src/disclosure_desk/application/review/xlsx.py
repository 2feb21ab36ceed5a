"""board.xlsx and 汇总.xlsx (openpyxl, imported only here and only when a workbook is made).

- board.xlsx: sheet 审核表 (the board: numbers as numbers, the received time as a date, a filter on the
  header row, the status coloured) and sheet 数据对比 (the compared figures, last year's, the change).
- 汇总.xlsx: sheet 说明 (what was summed, which organs were left out and why), then one sheet per table
  and edition laid out as the official table: the spec grid with its merged headers and row stubs, the
  exact official labels, the sums as numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...fileio import atomic_write_bytes
from ...spec import GridRole, TableSpec
from .board import BOARD_HEADERS, BoardRow, Comparison, board_texts, comparison_headers
from .figures import FIGURES
from .model import Status
from .sums import TABLES, EditionTotals, Totals

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

STATUS_FILL = {
    Status.MISSING: "D9D9D9",
    Status.UNREADABLE: "F4B183",
    Status.ERRORS: "F8CBAD",
    Status.WARNINGS: "FFE699",
    Status.OK: "C6EFCE",
}
GRID_WIDTH_CHARS = 150  # the width of an official table in Excel's character units
LABEL_FILL = "F2F2F2"


def save_workbook(workbook: Any, path: Path) -> None:
    buffer = io.BytesIO()
    workbook.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())


# ---- board.xlsx ------------------------------------------------------------------------------------


def board_workbook(rows: Sequence[BoardRow], compared: Sequence[Comparison]) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "审核表"
    sheet.append(list(BOARD_HEADERS))
    for row in rows:
        sheet.append(_board_cells(row))
        fill = PatternFill("solid", fgColor=STATUS_FILL[row.status])
        sheet.cell(sheet.max_row, 2).fill = fill
    _header_style(sheet, len(BOARD_HEADERS))
    for col in (8,):
        for cell in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell[0].number_format = "0%"
    for cell in sheet.iter_rows(min_row=2, min_col=10, max_col=10):
        cell[0].number_format = "yyyy-mm-dd hh:mm"
    _widths(sheet, [24, 9, 11, 7, 6, 6, 16, 14, 34, 17, 50])
    _comparison_sheet(workbook.create_sheet("数据对比"), compared)
    return workbook


def _board_cells(row: BoardRow) -> list[Any]:
    texts = board_texts(row)
    return [
        texts[0],
        texts[1],
        texts[2],
        row.year,
        row.errors,
        row.warnings,
        texts[6],
        row.copy_score,
        texts[8],
        row.received,
        texts[10],
    ]


def _comparison_sheet(sheet: Worksheet, compared: Sequence[Comparison]) -> None:
    headers = comparison_headers()
    sheet.append(headers)
    for c in compared:
        values: list[Any] = [c.organ]
        for f in FIGURES:
            values += [_number(c.value(f.key)), _number(c.previous(f.key)), _number(c.change(f.key))]
        sheet.append([*values, c.now.fee_text])
    for k, f in enumerate(FIGURES):
        fmt = "0.0%" if f.percent else ("0.0000" if f.unit == "万元" else "0")
        for col in range(2 + 3 * k, 5 + 3 * k):
            for cell in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                cell[0].number_format = fmt
    _header_style(sheet, len(headers))
    _widths(sheet, [24] + [11] * (3 * len(FIGURES)) + [40])


def _number(value: int | Decimal | None) -> int | float | None:
    if value is None or isinstance(value, int):
        return value
    return float(value)


def _header_style(sheet: Worksheet, columns: int) -> None:
    from openpyxl.styles import Alignment, Font

    for cell in sheet[1][:columns]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions


def _widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


# ---- 汇总.xlsx --------------------------------------------------------------------------------------


def totals_workbook(totals: Totals, notes: Sequence[str]) -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "说明"
    for line in notes:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 120
    several = len(totals.editions) > 1
    for edition in totals.editions:
        for key in TABLES:
            name = f"{key}（{edition.edition}年格式）" if several else key
            _official_table(workbook.create_sheet(name), edition, key)
    return workbook


def _official_table(sheet: Worksheet, edition: EditionTotals, key: str) -> None:
    """The table as printed: a title line, then the spec grid from row 3 with its merges."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    spec: TableSpec = edition.draft.spec.table(key)
    sheet.append([f"{edition.draft.display_title}　{key}　{spec.section_title}"])
    sheet.cell(1, 1).font = Font(bold=True, size=12)
    top = 3
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    label_fill = PatternFill("solid", fgColor=LABEL_FILL)
    for g in spec.grid:
        for r in range(g.row, g.row + g.rowspan):
            for c in range(g.col, g.col + g.colspan):
                sheet.cell(top + r, 1 + c).border = border
        cell = sheet.cell(top + g.row, 1 + g.col)
        if g.role is GridRole.VALUE and g.cell_id:
            cell.value = edition.draft.value(g.cell_id)
            cell.alignment = Alignment(horizontal="right", vertical="center")
        else:
            cell.value = g.text
            cell.fill = label_fill
            centred = g.role in (GridRole.HEADER, GridRole.CAPTION)
            cell.alignment = Alignment(
                horizontal="center" if centred else "left",
                vertical="center",
                wrap_text=True,
                text_rotation=255 if _vertical(spec, g.colspan, g.col, g.rowspan) else 0,
            )
        if g.rowspan > 1 or g.colspan > 1:
            sheet.merge_cells(
                start_row=top + g.row,
                start_column=1 + g.col,
                end_row=top + g.row + g.rowspan - 1,
                end_column=g.col + g.colspan,
            )
    _widths(sheet, [max(4.0, w * GRID_WIDTH_CHARS) for w in spec.col_widths])
    for r in range(spec.grid_rows):
        sheet.row_dimensions[top + r].height = 30
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = f"{get_column_letter(1 + spec.stub_cols)}{top + spec.header_rows}"


def _vertical(spec: TableSpec, colspan: int, col: int, rowspan: int) -> bool:
    """A narrow row-spanning stub (三、本年度办理结果) is set one character a line, as printed."""
    return rowspan > 2 and sum(spec.col_widths[col : col + colspan]) * GRID_WIDTH_CHARS < 10
