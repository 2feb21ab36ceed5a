"""The pages: A4 with one frame, the 版心; what is printed on every page outside the flow (the page
number and, on a draft, the draft mark); and the document built from a story of blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reportlab.pdfgen.canvas import Canvas

from . import styles as st
from .draw import draw_line
from .flow import Block, Page, lay_out
from .flowables import PlacedLine
from .typeset import Typesetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO

BODY = Page(st.TYPE_AREA_LEFT, st.TYPE_AREA_BOTTOM, st.TYPE_AREA_WIDTH, st.TYPE_AREA_HEIGHT)


class PageDecoration:
    def __init__(self, ts: Typesetter, draft_mark: bool):
        self.ts = ts
        self.draft_mark = draft_mark
        if draft_mark:
            self._mark = PlacedLine(ts.items(st.DRAFT_MARK_TEXT, st.DRAFT_MARK), 0.0, st.DRAFT_MARK).line
            self._watermark = PlacedLine(
                ts.items(st.DRAFT_WATERMARK_TEXT, st.DRAFT_WATERMARK), 0.0, st.DRAFT_WATERMARK
            ).line

    def __call__(self, canvas: Canvas, page: int) -> None:
        if self.draft_mark:
            self._draw_draft_mark(canvas)
        self._draw_page_number(canvas, page)

    def _draw_page_number(self, canvas, n: int) -> None:
        """``— N —`` in 4号, the 一字线 7 mm below the 版心; odd pages right, even pages left, 1 字 in."""
        style = st.PAGE_NUMBER
        items = self.ts.items(st.PAGE_NUMBER_FORMAT.format(n=n), style)
        for item in items:
            if item.ch == " ":  # the same space whatever the face's own space is
                item.width = st.PAGE_NUMBER_SPACE * style.size
        line = PlacedLine(items, 0.0, style).line
        if n % 2:
            x = st.TYPE_AREA_RIGHT - st.PAGE_NUMBER_INSET - line.width
        else:
            x = st.TYPE_AREA_LEFT + st.PAGE_NUMBER_INSET
        baseline = st.TYPE_AREA_BOTTOM - st.PAGE_NUMBER_BELOW - st.PAGE_NUMBER_DASH_HEIGHT * style.size
        draw_line(canvas, line, x, baseline)

    def _draw_draft_mark(self, canvas) -> None:
        mark = self._mark
        draw_line(canvas, mark, st.TYPE_AREA_RIGHT - mark.width, st.TYPE_AREA_TOP + st.DRAFT_MARK_ABOVE)
        wm = self._watermark
        canvas.saveState()
        canvas.translate(st.TYPE_AREA_LEFT + st.TYPE_AREA_WIDTH / 2, st.TYPE_AREA_BOTTOM + st.TYPE_AREA_HEIGHT / 2)
        canvas.rotate(st.DRAFT_WATERMARK_ANGLE)
        # drawn before the page's text and tables (onPage), so everything prints over it
        text = canvas.beginText()
        text.setTextRenderMode(2)  # fill and outline
        text.setFillColorRGB(*st.DRAFT_WATERMARK_FILL)
        text.setStrokeColorRGB(*st.DRAFT_WATERMARK_OUTLINE)
        canvas.setLineWidth(st.DRAFT_WATERMARK_OUTLINE_WIDTH)
        x0, baseline = -wm.width / 2, -st.DRAFT_WATERMARK_SIZE * st.DRAFT_WATERMARK_DROP
        for item, x in wm.placed:
            text.setFont(item.font, item.size)
            text.setTextOrigin(x0 + x, baseline)
            text.textOut(item.ch)
        canvas.drawText(text)
        canvas.restoreState()


def build_document(
    target: IO[bytes],
    story: Iterable[Block],
    decoration: PageDecoration,
    *,
    title: str,
    author: str,
    subject: str,
    invariant: bool,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Lay ``story`` out on A4 pages with ``decoration`` and write the PDF to ``target``; the page count.
    ``invariant``: no creation date or random id (the same input gives the same bytes: tests).
    ``progress(n)`` is told when page ``n`` is done."""
    canvas = Canvas(
        target,
        pagesize=(st.PAGE_WIDTH, st.PAGE_HEIGHT),
        invariant=1 if invariant else 0,
        pageCompression=1,
        initialFontName=decoration.ts.fonts.primary(st.FANGSONG).name,  # no stray Helvetica
        initialFontSize=st.SIZE_3,
        lang="zh-CN",
    )
    canvas.setAuthor(author)
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setCreator(st.PDF_CREATOR)
    canvas.setProducer(st.PDF_CREATOR)
    canvas.setKeywords([])
    canvas.setViewerPreference("DisplayDocTitle", "true")  # viewers show the title, not the file name
    pages = lay_out(story, canvas, BODY, decoration, progress)
    canvas.save()
    return pages
