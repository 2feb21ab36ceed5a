"""A plain document in the report's page layout: title, headings, paragraphs, grid tables, a signature.

The review desk's 审核意见 and 汇总 are printed with this (docs/review.md): the same A4 page and 版心, fonts,
line grid, page numbers and table drawing as the report (``document.py``, ``tables.py``), without the
report's own rules (sections, 草稿 mark). Built from :class:`PlainBlock`s, which ``formats.content_pdf``
makes from the shared document blocks of ``formats.report_content``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..records import field, record
from ..spec import PartNames, TableSpec
from . import styles as st
from .export import BUILD_LOCK, metadata_text
from .flow import Block, KeepRoom
from .flowables import BlankLines, GridSnap, PlacedLine, TextBlock
from .fonts import FontSet
from .page import PageDecoration, build_document
from .tables import GridLayout, GridTable
from .textprep import paragraphs, prepare
from .title import break_title
from .typeset import Typesetter, Where, position

KINDS = ("title", "heading1", "heading2", "body", "note", "table", "signature")


@record
class PlainBlock:
    """``kind`` one of KINDS. A table is a spec grid with the text of each (row, col); a signature's
    ``text`` is the organ and ``lead`` the date, ``right`` their distances from the right in 字."""

    kind: str
    text: str = ""
    lead: str = ""  # an inline heading set in 楷体 before the body text
    table: TableSpec | None = None
    texts: dict[tuple[int, int], str] = field(default_factory=dict)
    right: tuple[float, float] = (0.0, 0.0)


def render_plain_pdf(
    blocks: Sequence[PlainBlock],
    *,
    title: str,
    author: str,
    subject: str,
    invariant: bool = False,
    bundled_fonts_only: bool | None = None,
) -> bytes:
    with BUILD_LOCK:  # ReportLab keeps fonts in module globals
        ts = Typesetter(FontSet(bundled_only=bundled_fonts_only))
        story = _story(blocks, ts)
        buf = io.BytesIO()
        build_document(
            buf,
            story,
            PageDecoration(ts, False),
            title=metadata_text(title),
            author=metadata_text(author),
            subject=subject,
            invariant=invariant,
        )
        return buf.getvalue()


def _story(blocks: Sequence[PlainBlock], ts: Typesetter) -> list[Block]:
    story: list[Block] = []
    for i, block in enumerate(blocks):
        flowables = _flowables(block, ts, i + 1)
        if block.kind in ("heading1", "heading2") and i + 1 < len(blocks):
            following = _flowables(blocks[i + 1], ts, i + 2)
            need = sum(f.wrap(st.TYPE_AREA_WIDTH, 1e6)[1] for f in flowables)
            need += _first_height(following[0]) if following else 0.0
            story.append(KeepRoom(need - 0.01))  # a heading never ends a page
        story += flowables
    return story


def _first_height(f: Block) -> float:
    if isinstance(f, GridTable):
        return f.min_height()
    if isinstance(f, TextBlock):
        return min(f.full_height, 2 * f.style.line_pitch)
    return 0.0


def _flowables(block: PlainBlock, ts: Typesetter, number: int) -> list[Block]:
    where = position(f"第{number}段")
    if block.kind == "title":
        lines = break_title(
            prepare(block.text), lambda t: ts.width(t, st.TITLE), st.TYPE_AREA_WIDTH, st.TITLE_MAX_LINES
        )
        return [
            TextBlock.set([ts.items(line, st.TITLE, where) for line in lines], st.TITLE),
            BlankLines(st.TITLE_LINES_AFTER),
        ]
    if block.kind == "heading1":
        return [TextBlock.set([ts.items(prepare(block.text), st.HEADING_1, where)], st.HEADING_1)]
    if block.kind == "heading2":
        return [TextBlock.set([ts.items(prepare(block.text), st.HEADING_2, where)], st.HEADING_2)]
    if block.kind in ("body", "note"):
        return _text(block, ts, where)
    if block.kind == "table" and block.table is not None:
        return [GridTable(GridLayout(block.table, block.texts, ts, f"第{number}段表格")), GridSnap()]
    if block.kind == "signature":
        return _signature(block, ts)
    raise ValueError(f"unknown block kind {block.kind!r}")


def _text(block: PlainBlock, ts: Typesetter, where: Where) -> list[Block]:
    style = st.BODY if block.kind == "body" else st.TABLE_NOTE
    out: list[Block] = []
    for k, para in enumerate(paragraphs(prepare(block.text))):
        items = ts.items(para.text, style, where)
        if k == 0 and block.lead:
            items = ts.items(prepare(block.lead), st.HEADING_2, where) + items
        out.append(TextBlock.set([items], style))
    if not out and block.lead:
        out.append(TextBlock.set([ts.items(prepare(block.lead), st.HEADING_2, where)], st.BODY))
    return out


def _signature(block: PlainBlock, ts: Typesetter) -> list[Block]:
    style = st.SIGNATURE
    out: list[Block] = [BlankLines(st.SIGNATURE_LINES_BEFORE)]
    for text, right in ((block.text, block.right[0]), (block.lead, block.right[1])):
        if not text:
            continue
        items = ts.items(prepare(text), style, position(PartNames.signature))
        width = sum(i.width for i in items)
        out.append(PlacedLine(items, max(0.0, st.TYPE_AREA_WIDTH - right * style.pitch - width), style))
    return out
