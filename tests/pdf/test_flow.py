"""The page flow (pdf/flow.py): where blocks go, page by page — the rules platypus applied before, with
blocks that say where they were drawn — and that a PDF export no longer imports platypus."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from reportlab.pdfgen.canvas import Canvas

from disclosure_desk.pdf import styles as st
from disclosure_desk.pdf.flow import Block, KeepRoom, LayoutError, Page, lay_out
from disclosure_desk.pdf.flowables import BlankLines, GridSnap
from tests.conftest import REPO

PAGE = Page(left=10.0, bottom=100.0, width=200.0, height=300.0)  # the room runs from y 400 down to 100


class Box(Block):
    """A block of fixed height that notes where it was drawn; split into pieces of ``unit`` height."""

    def __init__(self, name: str, height: float, unit: float | None = None, log: list | None = None):
        self.name, self.height, self.unit = name, height, unit
        self.log = log if log is not None else []

    def wrap(self, avail_width, avail_height):
        return avail_width, self.height

    def split(self, avail_width, avail_height):
        if self.unit is None:
            return []
        fit = int((avail_height + 1e-6) // self.unit)
        if fit <= 0 or fit * self.unit >= self.height:
            return []
        first = fit * self.unit
        return [
            Box(f"{self.name}.a", first, self.unit, self.log),
            Box(f"{self.name}.b", self.height - first, self.unit, self.log),
        ]

    def draw_on(self, canvas, x, y):
        self.log.append((self.name, canvas.getPageNumber(), x, y))
        super().draw_on(canvas, x, y)


class Flow:
    def __init__(self):
        self.log: list = []
        self.pages_begun: list[int] = []
        self.pages_done: list[int] = []

    def box(self, name: str, height: float, unit: float | None = None) -> Box:
        return Box(name, height, unit, self.log)

    def run(self, blocks) -> int:
        canvas = Canvas(io.BytesIO())
        return lay_out(
            blocks,
            canvas,
            PAGE,
            lambda c, n: self.pages_begun.append(n),
            self.pages_done.append,
        )


def test_blocks_go_down_the_page_from_its_top_left():
    f = Flow()
    assert f.run([f.box("a", 100), f.box("b", 50)]) == 1
    assert f.log == [("a", 1, 10.0, 300.0), ("b", 1, 10.0, 250.0)]
    assert (f.pages_begun, f.pages_done) == ([1], [1])


def test_a_block_that_exactly_fits_stays_and_one_a_hair_too_tall_moves_on():
    f = Flow()
    f.run([f.box("a", 200), f.box("fits", 100 + 1e-7), f.box("next", 1e-3)])
    assert f.log[1] == ("fits", 1, 10.0, pytest.approx(100.0))  # within platypus's 1e-6
    assert f.log[2][:2] == ("next", 2)
    f = Flow()
    f.run([f.box("a", 200), f.box("too tall", 100.01)])
    assert f.log[1] == ("too tall", 2, 10.0, 300.0 - 100.01 + 100.0)


def test_a_block_that_does_not_fit_is_split_and_goes_on_on_the_next_page():
    f = Flow()
    pages = f.run([f.box("a", 250), f.box("text", 120, unit=20)])
    assert pages == 2
    # 50 pt left: two lines of 20 here, the remaining 80 at the top of page 2
    assert f.log[1:] == [("text.a", 1, 10.0, 110.0), ("text.b", 2, 10.0, 320.0)]
    assert f.pages_begun == [1, 2]
    assert f.pages_done == [1, 2]


def test_blank_lines_vanish_at_the_top_of_a_page_only():
    f = Flow()
    blank_at_top, blank_after = BlankLines(2, 30.0), BlankLines(2, 30.0)
    f.run([blank_at_top, f.box("a", 10), blank_after, f.box("b", 10)])
    assert f.log == [("a", 1, 10.0, 390.0), ("b", 1, 10.0, 320.0)]  # 60 pt of blank lines between a and b


def test_grid_snap_moves_down_to_the_next_line_of_the_grid():
    f = Flow()
    pitch = st.LINE_PITCH
    f.run([f.box("table", pitch * 3 + 5), GridSnap(pitch), f.box("after", 1)])
    top = 400.0
    snapped = top - pitch * 3 - 5
    rest = (snapped - 100.0) % pitch  # the grid counts from the page's bottom, as the room left does
    assert f.log[1][3] == pytest.approx(snapped - rest - 1)


def test_keep_room_ends_the_page_unless_its_height_still_fits():
    f = Flow()
    f.run([f.box("a", 250), KeepRoom(40), f.box("heading", 10), KeepRoom(60), f.box("b", 10)])
    assert f.log[1] == ("heading", 1, 10.0, 140.0)  # 50 pt left >= 40: stays
    assert f.log[2] == ("b", 2, 10.0, 390.0)  # 40 pt left < 60: a new page
    assert f.pages_done == [1, 2]


def test_keep_room_does_nothing_on_an_empty_page_and_never_makes_an_empty_one():
    f = Flow()
    assert f.run([KeepRoom(1000), f.box("a", 10)]) == 1  # taller than a page: nothing to gain by breaking
    f = Flow()
    assert f.run([f.box("a", 290), KeepRoom(50)]) == 1  # a break at the very end: no blank last page
    f = Flow()
    assert f.run([f.box("full", 300), KeepRoom(10), f.box("b", 10)]) == 2
    assert f.log[1] == ("b", 2, 10.0, 390.0)
    f = Flow()
    assert f.run([f.box("full", 300), KeepRoom(10)]) == 1  # a full page and nothing after: no blank page
    assert f.pages_begun == [1]


def test_a_block_that_cannot_split_waits_for_the_next_page():
    f = Flow()
    f.run([f.box("a", 250), f.box("table", 100), f.box("c", 10)])
    assert [entry[:2] for entry in f.log] == [("a", 1), ("table", 2), ("c", 2)]


def test_a_block_taller_than_an_empty_page_is_a_layout_error_not_a_loop():
    f = Flow()
    with pytest.raises(LayoutError, match="too large"):
        f.run([f.box("a", 10), f.box("huge", 301)])
    assert f.pages_done == [1]  # it was tried on an empty page 2 before giving up


def test_a_piece_that_does_not_fit_is_a_layout_error():
    class BadSplit(Box):
        def split(self, avail_width, avail_height):
            return [Box("bad", avail_height + 5), Box("rest", 1)]

    with pytest.raises(LayoutError, match="does not fit"):
        Flow().run([BadSplit("x", 400)])


def test_a_pdf_export_does_not_import_platypus():
    """platypus's import (~65 ms, most of it compiling Paragraph's regular expressions) is what this
    module spares every export: nothing on the export path may bring it back."""
    code = (
        "import sys\n"
        "from disclosure_desk.interchange.reader import read_report_file\n"
        "from disclosure_desk.pdf.export import render_pdf\n"
        "render_pdf(read_report_file(sys.argv[1]), invariant=True)\n"
        "print(sorted(m for m in sys.modules if m.startswith('reportlab.platypus')))\n"
    )
    sample = REPO / "resources" / "samples" / "qinghe-tongjiju-2025.json"
    out = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
