"""What is printed on every page outside the flow: the page number and, on a draft, the draft mark."""

from __future__ import annotations

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from . import styles as st
from .draw import draw_line
from .flowables import PlacedLine
from .typeset import Typesetter


class PageDecoration:
    def __init__(self, ts: Typesetter, draft_mark: bool):
        self.ts = ts
        self.draft_mark = draft_mark
        if draft_mark:
            self._mark = PlacedLine(ts.items(st.DRAFT_MARK_TEXT, st.DRAFT_MARK), 0.0, st.DRAFT_MARK).line
            self._watermark = PlacedLine(
                ts.items(st.DRAFT_WATERMARK_TEXT, st.DRAFT_WATERMARK), 0.0, st.DRAFT_WATERMARK
            ).line

    def __call__(self, canvas, doc) -> None:
        if self.draft_mark:
            self._draw_draft_mark(canvas)
        self._draw_page_number(canvas, doc.page)

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


class ReportDocTemplate(BaseDocTemplate):
    """A4, one frame exactly the 版心, decorations drawn on every page."""

    def __init__(self, target, decoration: PageDecoration, *, invariant: bool, progress=None, **meta):
        super().__init__(
            target,
            pagesize=(st.PAGE_WIDTH, st.PAGE_HEIGHT),
            leftMargin=st.MARGIN_LEFT,
            rightMargin=st.PAGE_WIDTH - st.TYPE_AREA_RIGHT,
            topMargin=st.MARGIN_TOP,
            bottomMargin=st.TYPE_AREA_BOTTOM,
            invariant=1 if invariant else 0,
            initialFontName=decoration.ts.fonts.primary(st.FANGSONG).name,  # no stray Helvetica
            initialFontSize=st.SIZE_3,
            creator=st.PDF_CREATOR,
            producer=st.PDF_CREATOR,
            **meta,
        )
        frame = Frame(
            st.TYPE_AREA_LEFT,
            st.TYPE_AREA_BOTTOM,
            st.TYPE_AREA_WIDTH,
            st.TYPE_AREA_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=decoration)])
        self._progress = progress

    def afterPage(self):
        if self._progress is not None:
            self._progress(self.page)
