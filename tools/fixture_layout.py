"""Published-report layouts for the import fixtures: a Draft printed the ways real reports print it.

A layout is format-neutral (``Item``s: title lines, headings, paragraphs, tables as HTML-style rows of
``Cell``s with spans); ``fixture_docx`` and ``fixture_html`` render it. A ``Variant`` says how this
publisher deviates from the official form: other labels, values typed otherwise, renumbered or
reworded section titles, a 2019-layout row inside a 2021 table, 表二 in separate tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from disclosure_desk.domain import Draft, format_value
from disclosure_desk.spec import GridRole, TableSpec


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


Rows = list[list[Cell]]


@dataclass
class Item:
    kind: str  # title / h1 / h2 / p / table / sign
    text: str = ""
    rows: Rows = field(default_factory=list)


@dataclass
class Variant:
    labels: dict[str, str] = field(default_factory=dict)  # official label -> printed label
    values: dict[str, str] = field(default_factory=dict)  # cell id -> printed text
    sections: dict[str, str] = field(default_factory=dict)  # official title -> printed heading
    title_lines: int = 1  # the title on 1 or 2 lines (organ / year and the rest)
    t2_four_columns: bool = True  # 表二 as most sites print it (label + 3 columns) or on the spec's grid
    t2_split: bool = False  # 表二 as one table per 第二十条 item
    t3_2019_other_row: bool = False  # a 2021 表三 with the 2019 single （六）其他处理 row
    note_in_table_sections: str = ""  # text under 二/三/四 besides the table
    signature: bool = True


def layout(draft: Draft, v: Variant) -> list[Item]:
    items = [Item("title", line) for line in _title_lines(draft, v)]
    items += [Item("p", line) for line in draft.preface.split("\n") if line]
    for section in draft.spec.sections:
        items.append(Item("h1", v.sections.get(section.title, section.title)))
        if section.is_table:
            if v.note_in_table_sections:
                items.append(Item("p", v.note_in_table_sections))
            items += [Item("table", rows=rows) for rows in _table_rows(draft, draft.spec.table(section.table or ""), v)]
            continue
        for part in draft.section_parts(section.title):
            if part.heading:
                items.append(Item("h2", part.heading))
            items += [Item("p", line) for line in part.text.split("\n") if line]
    if v.signature:
        items.append(Item("sign", draft.signature_organ))
        d = draft.signature_date
        if d is not None:
            items.append(Item("sign", f"{d.year}年{d.month}月{d.day}日"))
    return items


def _title_lines(draft: Draft, v: Variant) -> list[str]:
    title = draft.display_title
    if v.title_lines == 2 and draft.organ and title.startswith(draft.organ):
        return [draft.organ, title[len(draft.organ) :]]
    return [title]


def _label(v: Variant, text: str) -> str:
    return v.labels.get(text, text)


def _value(draft: Draft, v: Variant, cell_id: str) -> str:
    if cell_id in v.values:
        return v.values[cell_id]
    return format_value(draft.values.get(cell_id))


def _table_rows(draft: Draft, table: TableSpec, v: Variant) -> list[Rows]:
    if table.key == "表二" and v.t2_four_columns:
        return _table2_four_columns(draft, table, v)
    rows = _grid_rows(draft, table, v)
    if table.key == "表三" and v.t3_2019_other_row:
        rows = _with_single_other_row(rows, draft, v)
    return [rows]


def _grid_rows(draft: Draft, table: TableSpec, v: Variant) -> Rows:
    """The spec's printed grid (its merges exactly), labels and values as this publisher prints them."""
    rows: Rows = [[] for _ in range(table.grid_rows)]
    for g in sorted(table.grid, key=lambda g: (g.row, g.col)):
        text = _value(draft, v, g.cell_id) if g.cell_id else _label(v, g.text)
        rows[g.row].append(Cell(text, g.rowspan, g.colspan, g.role in (GridRole.HEADER, GridRole.CAPTION)))
    return rows


def _table2_four_columns(draft: Draft, table: TableSpec, v: Variant) -> list[Rows]:
    """表二 as published: label column + 3 value columns; one-value blocks span 3, two-value blocks leave one empty."""
    blocks: list[Rows] = []
    current: Rows = []
    columns: list[str] = []
    for cell in table.cells:
        caption, row_label, col_label = cell.path
        if not current or current[0][0].text != _label(v, caption):
            if current:
                blocks.append(current)
            columns = list(dict.fromkeys(c.path[2] for c in table.cells if c.path[0] == caption))
            current = [[Cell(_label(v, caption), colspan=4, header=True)], _header_row(columns, v)]
        if col_label == columns[0]:
            current.append([Cell(_label(v, row_label))])
        current[-1].append(Cell(_value(draft, v, cell.id), colspan=3 if len(columns) == 1 else 1))
        if len(columns) == 2 and col_label == columns[1]:
            current[-1].append(Cell(""))
    blocks.append(current)
    if v.t2_split:
        return blocks
    return [[row for block in blocks for row in block]]


def _header_row(columns: list[str], v: Variant) -> list[Cell]:
    row = [Cell(_label(v, "信息内容"), header=True)]
    row += [Cell(_label(v, c), colspan=3 if len(columns) == 1 else 1, header=True) for c in columns]
    if len(columns) == 2:
        row.append(Cell("", header=True))
    return row


def _with_single_other_row(rows: Rows, draft: Draft, v: Variant) -> Rows:
    """Replace 2021's three （六） rows by the 2019 single row, printing the sum of the three."""
    out: Rows = []
    for row in rows:
        texts = [c.text for c in row]
        if any(t.startswith(("2.申请人逾期", "3.其他")) for t in texts):
            continue
        if "（六）其他处理" in texts or _label(v, "（六）其他处理") in texts:
            values = [c for c in row if c.text not in ("（六）其他处理", _label(v, "（六）其他处理"))][1:]
            out.append([Cell("（六）其他处理", colspan=2), *values])
            continue
        for c in row:
            if c.text == "三、本年度办理结果":
                c.rowspan -= 2
        out.append(row)
    return out
