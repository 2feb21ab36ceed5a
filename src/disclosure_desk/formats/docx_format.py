"""The report as an editable Word file (.docx), built with python-docx from the shared content.

Order and text as the PDF: the title (balanced lines, one paragraph), the preface, the six sections
under their official titles (标题 1), sub-headings (标题 2), one Word table per 表二/表三/表四 with the
spec grid's merges, and the 落款 as the last two paragraphs (organ, date). Page numbers are a PAGE field
in the footer, ``— N —`` on the outer side (odd pages right, even pages left); a report with errors has
the 草稿 mark as a line in the header. Styles and page: ``docx_styles``; raw XML: ``docx_oxml``.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.section import Section
from docx.shared import Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from ..domain import Draft
from ..fileio import atomic_write_bytes
from ..pdf import styles as st
from ..spec import GridRole
from . import docx_oxml as ox
from . import docx_styles as ds
from .registry import WriteResult
from .report_content import (
    Block,
    Heading,
    Paragraph,
    ReportContent,
    Signature,
    Table,
    Title,
    needs_draft_mark,
    report_content,
)
from .written import write_result

SUBJECT = "政府信息公开工作年度报告"
CELL_STYLE = {
    GridRole.CAPTION: ds.TABLE_HEADER,
    GridRole.HEADER: ds.TABLE_HEADER,
    GridRole.NOTE: ds.TABLE_STUB,
    GridRole.STUB: ds.TABLE_STUB,
    GridRole.VALUE: ds.TABLE_VALUE,
}


def write(draft: Draft, path: Path, *, previous: Draft | None = None) -> WriteResult:
    content = report_content(draft, draft_mark=needs_draft_mark(draft, previous))
    data = render_docx(content)
    atomic_write_bytes(path, data)
    return write_result(content, path, len(data), "Word 文档", f"Word 文档每页页眉已印“{st.DRAFT_MARK_TEXT}”")


def render_docx(content: ReportContent) -> bytes:
    document = docx.Document()
    ds.define_styles(document)
    section = document.sections[0]
    ds.set_page(section)
    _page_furniture(document, section, content.draft_mark)
    ids = {name: document.styles[name].style_id for name in (*ds.PARAGRAPH_LOOKS, ds.BODY, ds.LEAD)}
    for block in content.blocks:
        _add_block(document, block, ids)
    _properties(document, content)
    ox.drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_block(document: Document, block: Block, ids: dict[str, str]) -> None:
    if isinstance(block, Title):
        _title(document, block, ids)
    elif isinstance(block, Heading):
        _paragraph(document, block.text, ids[ds.HEADING_1 if block.level == 1 else ds.HEADING_2])
    elif isinstance(block, Paragraph):
        paragraph = document.add_paragraph()  # Normal: the body style
        if block.lead:
            ox.set_run_style(paragraph.add_run(block.lead), ids[ds.LEAD])
        paragraph.add_run(block.text)
    elif isinstance(block, Table):
        add_table(document, block, ids)
        if block.note:
            _paragraph(document, block.note, ids[ds.TABLE_NOTE])
    elif isinstance(block, Signature):
        _signature(document, block, ids)


def _paragraph(document: Document, text: str, style_id: str) -> DocxParagraph:
    paragraph = document.add_paragraph(text)
    ox.set_paragraph_style(paragraph, style_id)
    return paragraph


def _title(document: Document, title: Title, ids: dict[str, str]) -> None:
    """One paragraph; the PDF's balanced lines (and lines the clerk typed) as line breaks."""
    paragraph = _paragraph(document, "", ids[ds.TITLE])
    lines = [line for part in title.parts for line in part]
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def _signature(document: Document, signature: Signature, ids: dict[str, str]) -> None:
    for text, style, right in (
        (signature.organ, ds.SIGNATURE_ORGAN, signature.organ_right),
        (signature.date, ds.SIGNATURE_DATE, signature.date_right),
    ):
        paragraph = _paragraph(document, text, ids[style])
        ox.set_indent_chars(ox.paragraph_element(paragraph), right=right, char_twips=ds.CHAR_TWIPS)


# ---- tables -------------------------------------------------------------------------------------


def add_table(document: Document, block: Table, ids: dict[str, str]) -> None:
    """A fixed-width Word table over the spec grid: merges, widths, header rows repeated."""
    total = round(st.TYPE_AREA_WIDTH * ds.TWIPS_PER_PT)
    widths = [round(w * total) for w in block.col_widths]
    widths[-1] = total - sum(widths[:-1])
    table = document.add_table(rows=block.rows, cols=block.cols)
    table.style = document.styles[ds.TABLE]
    table.autofit = False
    ox.set_table_geometry(table, total)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    cells = [row.cells for row in table.rows]  # once: table.cell() walks the whole table on every call
    for c in block.cells:
        anchor_width = Twips(sum(widths[c.col : c.col + c.colspan]))
        for r in range(c.row, c.row + c.rowspan):
            cells[r][c.col].width = anchor_width
        ox.span(cells, c.row, c.col, c.rowspan, c.colspan)
        _fill(cells[c.row][c.col], c.text, ids[CELL_STYLE[c.role]], c.vertical)
    for r, row in enumerate(table.rows):
        row.height = Pt(st.TABLE_MIN_ROW_HEIGHT)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        ox.keep_row_whole(row)
        if r < block.header_rows:
            ox.repeat_as_header(row)
        if _keeps_with_next(block, r):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _fill(cell: _Cell, text: str, style_id: str, vertical: bool) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    ox.set_paragraph_style(paragraph, style_id)
    if text:
        paragraph.add_run(text)
    if vertical:
        ox.set_vertical_text(cell)


def _keeps_with_next(block: Table, row: int) -> bool:
    """Rows that must not end a page, as the PDF breaks tables (pdf/tables.py): header and caption
    rows; in 表二, every row but a block's last (it breaks only between 第二十条第（…）项 blocks);
    elsewhere the first value rows (at least 3 before a break) and those before the last 2, and the
    rows of a group such as （三）不予公开 (its label spans them)."""
    if row >= block.rows - 1:
        return False
    starts = {c.row for c in block.cells if c.role is GridRole.CAPTION}
    if starts:
        return row + 1 not in starts
    if all(c.is_label for c in block.cells if c.row == row):
        return True
    if row < block.header_rows + st.TABLE_MIN_ROWS_BEFORE_BREAK - 1:
        return True
    if row >= block.rows - st.TABLE_MIN_ROWS_AFTER_BREAK - 1:
        return True
    return any(
        c.row <= row < c.row + c.rowspan - 1
        for c in block.cells
        if c.role is GridRole.STUB and c.rowspan > 1 and not c.vertical
    )


# ---- page furniture and properties ----------------------------------------------------------------


def _page_furniture(document: Document, section: Section, draft_mark: bool) -> None:
    """``— N —`` outside: odd pages right, even pages left, one character in from the 版心's edge."""
    document.settings.odd_and_even_pages_header_footer = True
    inset = st.PAGE_NUMBER_INSET / st.PAGE_NUMBER_SIZE  # in characters of the page number's size
    for footer, right in ((section.footer, True), (section.even_page_footer, False)):
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles[ds.PAGE_NUMBER]
        before, after = st.PAGE_NUMBER_FORMAT.split("{n}")
        paragraph.add_run(before)
        ox.add_page_field(paragraph)
        paragraph.add_run(after)
        if right:
            ox.set_indent_chars(
                ox.paragraph_element(paragraph), right=inset, char_twips=round(st.PAGE_NUMBER_SIZE * ds.TWIPS_PER_PT)
            )
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            ox.set_indent_chars(
                ox.paragraph_element(paragraph), left=inset, char_twips=round(st.PAGE_NUMBER_SIZE * ds.TWIPS_PER_PT)
            )
    if draft_mark:
        for header in (section.header, section.even_page_header):
            paragraph = header.paragraphs[0]
            paragraph.style = document.styles[ds.DRAFT_MARK]
            paragraph.add_run(st.DRAFT_MARK_TEXT)


def _properties(document: Document, content: ReportContent) -> None:
    props = document.core_properties
    props.title = content.title
    props.subject = SUBJECT
    props.author = content.author
    props.last_modified_by = content.author
    props.comments = "Disclosure Desk"
    props.keywords = ""
    props.language = "zh-CN"
    props.revision = 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now
