"""A fixture layout as a Word file made with python-docx: real merges (gridSpan, vMerge), header rows,
page headers and a PAGE field in the footer (so the PDF made from it has running heads and page numbers)."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from fixture_layout import Item, Rows


@dataclass
class DocxStyle:
    body_size: int = 16
    indent_first_line: bool = True
    repeat_header_rows: int = 0  # mark the first N rows of long tables as header rows (Word repeats them)
    running_head: str = ""  # text in every page header
    page_numbers: bool = False  # a PAGE field in the footer: — 1 —
    line_breaks_in_headers: bool = True  # labels with "\n" become line breaks (w:br) inside the cell


def write_docx(items: list[Item], path: Path, style: DocxStyle) -> None:
    document = docx.Document()
    document.core_properties.title = next((i.text for i in items if i.kind == "title"), "")
    fixed_properties(document)  # so the file is the same on every run
    section = document.sections[0]
    if style.running_head:
        section.header.paragraphs[0].text = style.running_head
    if style.page_numbers:
        _page_number_footer(section.footer.paragraphs[0])
    for item in items:
        if item.kind == "table":
            _table(document, item.rows, style)
        else:
            _paragraph(document, item, style)
    document.save(str(path))
    normalise_zip(path)


FIXED = dt.datetime(2024, 1, 1)


def fixed_properties(document) -> None:
    props = document.core_properties
    props.author = props.last_modified_by = "fixture"
    props.created = props.modified = FIXED
    props.revision = 1


def normalise_zip(path: Path) -> None:
    """The same bytes on every run: entries in a fixed order with a fixed time."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def _paragraph(document: docx.document.Document, item: Item, style: DocxStyle) -> None:
    p = document.add_paragraph()
    size = {"title": 22, "h1": style.body_size, "h2": style.body_size}.get(item.kind, style.body_size)
    lines = item.text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size = Pt(size)
        run.bold = item.kind in ("title", "h1")
        if i < len(lines) - 1:
            run.add_break()
    if item.kind == "title":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif item.kind == "sign":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif style.indent_first_line:
        p.paragraph_format.first_line_indent = Pt(2 * size)


def _table(document: docx.document.Document, rows: Rows, style: DocxStyle) -> None:
    placed = _placed(rows)
    n_rows = len(rows)
    n_cols = max(c + cell.colspan for (_, c), cell in placed.items())
    table = document.add_table(rows=n_rows, cols=n_cols)
    table.style = "Table Grid"
    for (r, c), cell in placed.items():
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        _cell_text(target, cell.text, style)
    repeat = style.repeat_header_rows if n_rows > 20 else 0  # only 表三 is long enough to need it
    for row in table.rows[:repeat]:
        tr_pr = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
    document.add_paragraph()


def _cell_text(cell, text: str, style: DocxStyle) -> None:
    p = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:  # a merge leaves the merged cells' empty paragraphs
        extra._p.getparent().remove(extra._p)
    lines = text.split("\n") if style.line_breaks_in_headers else [text.replace("\n", "")]
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size = Pt(10)
        if i < len(lines) - 1:
            run.add_break()


def _placed(rows: Rows) -> dict:
    taken: set[tuple[int, int]] = set()
    out = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out[(r, c)] = cell
            for rr in range(r, r + cell.rowspan):
                for cc in range(c, c + cell.colspan):
                    taken.add((rr, cc))
            c += cell.colspan
    return out


def _page_number_footer(p) -> None:
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    run = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)
    p.add_run(" —")
