"""The page flow: the report's blocks placed down the 版心, page after page, on ReportLab's canvas.

ReportLab's platypus (``BaseDocTemplate``, ``Frame``, ``Flowable``) did this before. Importing it costs a
fresh ``disclosure-desk pdf`` ~65 ms of its ~290 ms (it compiles ``Paragraph``'s regular expressions,
one of them over most of Unicode case-insensitively: ~37 ms alone), for a document that uses none of
platypus's typesetting (ours is ``typeset.py``/``linebreak.py``) and one frame per page. The rules
here are the ones platypus applied to our blocks, so pages break where they did; the PDFs came out
byte-identical (tests/pdf/test_flow.py keeps the rules):

- a block is placed when its height fits the room left (to 1e-6 pt); else it is asked to ``split`` in
  that room: the first piece is placed and the rest goes on; a block that cannot split goes to the next
  page, and one that fits no empty page is a ``LayoutError`` (platypus left one empty page first);
- ``at_top`` is true while nothing with a height has been placed on the page (blank lines vanish there);
- ``KeepRoom(h)`` ends the page unless ``h`` still fits (a heading never ends a page).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from reportlab.pdfgen.canvas import Canvas

FUZZ = 1e-6  # platypus's tolerance for "fits"


class LayoutError(Exception):
    """A block fits no page (a table row taller than the 版心): a bug, never the clerk's input."""


class Block:
    """Something placed in the flow. ``wrap`` gives its (width, height) in the room left, ``split`` cuts
    it to fit that room (``[]``: it cannot), ``draw`` draws it with ``self.canv`` at its bottom left."""

    at_top = False  # set by the flow before wrap/split: nothing has been placed on this page yet
    canv: Canvas  # set by the flow while the block draws

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        raise NotImplementedError

    def split(self, avail_width: float, avail_height: float) -> list[Block]:
        return []

    def draw(self) -> None:
        pass

    def draw_on(self, canvas: Canvas, x: float, y: float) -> None:
        canvas.saveState()
        canvas.translate(x, y)
        self.canv = canvas
        self.draw()
        del self.canv
        canvas.restoreState()


class KeepRoom(Block):
    """Ends the page unless ``height`` still fits below (on an empty page it does nothing)."""

    def __init__(self, height: float):
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0


class Page:
    """The frame every page has: the 版心, from ``left``/``bottom``, ``width`` × ``height``."""

    def __init__(self, left: float, bottom: float, width: float, height: float):
        self.left, self.bottom, self.width, self.height = left, bottom, width, height


def lay_out(
    blocks: Iterable[Block],
    canvas: Canvas,
    page: Page,
    on_page: Callable[[Canvas, int], None],
    after_page: Callable[[int], None] | None = None,
) -> int:
    """Place ``blocks`` on pages of ``canvas`` and return the number of pages. ``on_page(canvas, n)``
    draws what every page has, before its blocks; ``after_page(n)`` is told when page ``n`` is done."""
    queue = deque(blocks)
    pages = 0
    y = 0.0  # the top of the room left on the current page
    at_top = True
    started = False  # a page has begun and not yet been shown

    def end_page() -> None:
        nonlocal started
        if after_page is not None:
            after_page(pages)
        canvas.setPageRotation(0)
        canvas.showPage()
        started = False

    while queue:
        block = queue.popleft()
        if not started:  # a page begins only when there is something to put on it
            pages += 1
            on_page(canvas, pages)
            started, y, at_top = True, page.bottom + page.height, True
        room = y - page.bottom
        if isinstance(block, KeepRoom):
            if room < block.height and not at_top:
                end_page()
            continue
        block.at_top = at_top
        height = block.wrap(page.width, room)[1] if room > 0 else None
        if height is not None and y - height >= page.bottom - FUZZ:
            y = _place(block, canvas, page.left, y, height)
            at_top = at_top and height == 0
            continue
        pieces = block.split(page.width, room)
        if pieces:
            first = pieces[0]
            first.at_top = at_top
            height = first.wrap(page.width, room)[1]
            if y - height < page.bottom - FUZZ:
                raise LayoutError(f"{type(block).__name__} split to a piece that does not fit on page {pages}")
            y = _place(first, canvas, page.left, y, height)
            at_top = at_top and height == 0
            queue.extendleft(reversed(pieces[1:]))
            continue
        if at_top:
            raise LayoutError(f"{type(block).__name__} too large for an empty page (page {pages})")
        queue.appendleft(block)
        end_page()
    if started:
        end_page()
    return pages


def _place(block: Block, canvas: Canvas, left: float, y: float, height: float) -> float:
    block.draw_on(canvas, left, y - height)
    return y - height
