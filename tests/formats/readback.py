"""Reading our Word files and web pages back as a reader would: grid positions from the merges."""

from __future__ import annotations

import copy
import io
from decimal import Decimal

import docx
import html5lib
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from disclosure_desk.domain import Draft, format_value
from disclosure_desk.spec import TableSpec, ValueKind

XHTML = "{http://www.w3.org/1999/xhtml}"
# (row, col) of a cell's top-left corner -> (rowspan, colspan, text)
Grid = dict[tuple[int, int], tuple[int, int, str]]


def expected_grid(draft: Draft, spec: TableSpec) -> Grid:
    """What the spec says each cell of the printed table holds."""
    return {
        (g.row, g.col): (g.rowspan, g.colspan, format_value(draft.printed_value(g.cell_id)) if g.cell_id else g.text)
        for g in spec.grid
    }


def numbered(draft: Draft) -> Draft:
    """A copy in which every value cell holds a different number, so a value in a wrong cell shows."""
    d = copy.deepcopy(draft)
    for n, cell in enumerate(d.spec.all_cells, start=1):
        d.values[cell.id] = Decimal(f"{n}.5") if cell.kind is ValueKind.AMOUNT else n
    return d


# ---- Word ----------------------------------------------------------------------------------------


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def docx_grid(table: Table) -> Grid:
    """Cells by grid position, from ``w:gridSpan`` and ``w:vMerge`` (as Word lays them out)."""
    grid: dict[tuple[int, int], list] = {}
    open_spans: dict[int, tuple[int, int]] = {}  # grid column -> the cell a vMerge continues
    columns = len(table._tbl.tblGrid.gridCol_lst)
    for r, tr in enumerate(table._tbl.tr_lst):
        col = 0
        for tc in tr.tc_lst:
            span, text = tc.grid_span, _Cell(tc, table).text
            if tc.vMerge == "continue":
                anchor = open_spans[col]
                assert grid[anchor][1] == span and text == "", f"row {r} col {col}: a continued cell differs"
                grid[anchor][0] += 1
            else:
                grid[(r, col)] = [1, span, text]
                if tc.vMerge == "restart":
                    open_spans[col] = (r, col)
                else:
                    open_spans.pop(col, None)
            col += span
        assert col == columns, f"row {r} covers {col} of {columns} grid columns"
    return {pos: (rs, cs, text) for pos, (rs, cs, text) in grid.items()}


def docx_sequence(document: docx.document.Document) -> list[str]:
    """Every paragraph's text and every table cell's text, in document order (labels spanning several
    rows aside: where a layout prints them in their rows is its own choice — see ``spanning_labels``)."""
    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            out.append(item.text)
        else:
            out += _in_order(docx_grid(item))
    return out


def spanning_labels(grid: Grid) -> list[str]:
    return [text for (rs, _, text) in grid.values() if rs > 1 and text]


def _in_order(grid: Grid) -> list[str]:
    return [grid[pos][2] for pos in sorted(grid) if grid[pos][0] == 1]


# ---- HTML ----------------------------------------------------------------------------------------


def parse_html(text: str, *, fragment: bool = False):
    """The parsed tree; html5lib's parse errors are returned too (a valid page has none)."""
    parser = html5lib.HTMLParser(namespaceHTMLElements=True)
    tree = parser.parseFragment(text) if fragment else parser.parse(text)
    return tree, parser.errors


def element_text(element) -> str:
    return "".join(element.itertext())


def html_grid(table) -> Grid:
    """Cells by grid position, from rowspan/colspan (the HTML table model: later rows skip the slots
    that spanning cells above already occupy)."""
    taken: set[tuple[int, int]] = set()
    grid: Grid = {}
    rows = list(table.iter(f"{XHTML}tr"))
    for r, tr in enumerate(rows):
        col = 0
        for cell in tr:
            if cell.tag not in (f"{XHTML}td", f"{XHTML}th"):
                continue
            while (r, col) in taken:
                col += 1
            rowspan, colspan = int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))
            grid[(r, col)] = (rowspan, colspan, element_text(cell))
            taken |= {(r + i, col + j) for i in range(rowspan) for j in range(colspan)}
            col += colspan
    return grid


def html_sequence(root) -> list[str]:
    """Text of every heading and paragraph and every table cell, in document order."""
    out: list[str] = []
    for element in root.iter():
        tag = element.tag.replace(XHTML, "") if isinstance(element.tag, str) else ""
        if tag in ("h1", "h2", "h3", "p"):  # our pages hold no paragraphs inside table cells
            out.append(element_text(element))
        elif tag == "table":
            out += _in_order(html_grid(element))
    return out
