"""Any document made of the shared blocks (``report_content``: Title, Heading, Paragraph, Table,
Signature) as a PDF in the report's page layout — the Word writer's counterpart for documents other than
the report itself (the review desk's 审核意见 and 汇总). ReportLab is imported only when one is made."""

from __future__ import annotations

from typing import Any

from ..spec import GridCell, TableSpec
from .report_content import Block, Heading, Paragraph, ReportContent, Signature, Table, Title


def render_content_pdf(content: ReportContent, *, subject: str, invariant: bool = False) -> bytes:
    from ..pdf.plain import render_plain_pdf

    blocks = [plain for block in content.blocks for plain in _plain(block)]
    return render_plain_pdf(blocks, title=content.title, author=content.author, subject=subject, invariant=invariant)


def _plain(block: Block) -> list[Any]:
    from ..pdf.plain import PlainBlock

    if isinstance(block, Title):
        return [PlainBlock("title", "".join("".join(lines) for lines in block.parts))]
    if isinstance(block, Heading):
        return [PlainBlock("heading1" if block.level == 1 else "heading2", block.text)]
    if isinstance(block, Paragraph):
        return [PlainBlock("body", block.text, lead=block.lead)]
    if isinstance(block, Table):
        spec, texts = table_spec(block)
        out = [PlainBlock("table", table=spec, texts=texts)]
        return out + ([PlainBlock("note", block.note)] if block.note else [])
    if isinstance(block, Signature):
        return [PlainBlock("signature", block.organ, lead=block.date, right=(block.organ_right, block.date_right))]
    raise TypeError(type(block).__name__)


def table_spec(block: Table) -> tuple[TableSpec, dict[tuple[int, int], str]]:
    """The grid of a Table block as a TableSpec (what the PDF's table drawing takes) and its texts."""
    grid = tuple(GridCell(c.row, c.col, c.role, c.text, c.rowspan, c.colspan) for c in block.cells)
    spec = TableSpec(block.key, "", (), grid, block.rows, block.cols, block.header_rows, block.col_widths)
    return spec, {(c.row, c.col): c.text for c in block.cells}
