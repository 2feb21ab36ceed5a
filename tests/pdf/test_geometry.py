"""Geometry read back from the PDF: the 版心, the 22 × 28 grid, page numbers where GB/T 9704 puts them."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

import pypdfium2
import pytest

from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf import styles as st
from tests.conftest import SAMPLE_2021_JSON
from tests.pdf.conftest import (
    AREA_BOTTOM,
    AREA_LEFT,
    AREA_RIGHT,
    AREA_TOP,
    MM,
    TOL,
    flow_chars,
    hostile_text,
    is_draft_mark,
    is_page_number,
    kinsoku_text,
    long_report,
    render,
    with_sections,
)

PAGE_H = st.PAGE_HEIGHT


@pytest.fixture(scope="module")
def documents():
    base = read_report_file(SAMPLE_2021_JSON)
    return {
        "long": render(long_report(base)),
        "hostile": render(with_sections(base, one=hostile_text(), five=kinsoku_text())),
    }


def _all(sample, documents):
    return [sample[1], *documents.values()]


def test_all_text_lies_within_the_type_area(sample, documents):
    for rendered in _all(sample, documents):
        for n, page in enumerate(rendered.pages, start=1):
            for c in flow_chars(page):
                where = f"page {n} {c['text']!r} at ({c['x0']:.1f},{c['top']:.1f})"
                assert c["x0"] >= AREA_LEFT - TOL and c["x1"] <= AREA_RIGHT + TOL, where
                assert c["top"] >= AREA_TOP - TOL and c["bottom"] <= AREA_BOTTOM + TOL, where


def test_only_page_numbers_and_the_draft_mark_are_outside(sample):
    _, rendered = sample
    for n, page in enumerate(rendered.pages, start=1):
        outside = [c for c in page.chars if not is_draft_mark(c) and is_page_number(c)]
        assert re.fullmatch(r"— *\d+ *—", "".join(c["text"] for c in outside).replace(" ", " ")), n
        assert "".join(c["text"] for c in outside).replace(" ", "") == f"—{n}—"


def _ink_box(page_index: int, data: bytes, top: float, bottom: float) -> tuple[float, float, float, float]:
    """Bounding box (pt, PDF coordinates from the top) of the dark pixels between ``top`` and ``bottom``."""
    scale = 6  # 432 dpi
    doc = pypdfium2.PdfDocument(data)
    image = doc[page_index].render(scale=scale).to_pil().convert("L")
    strip = image.crop((0, int(top * scale), image.width, int(bottom * scale)))
    xs, ys = [], []
    pixels = strip.load()
    for y in range(strip.height):
        for x in range(strip.width):
            if pixels[x, y] < 128:
                xs.append(x)
                ys.append(y)
    doc.close()
    return min(xs) / scale, top + min(ys) / scale, max(xs) / scale, top + max(ys) / scale


def test_page_number_position(rendered_2021):
    """一字线 7 mm below the 版心; odd pages right-aligned, even pages left-aligned, one character in."""
    data = rendered_2021.data
    for index in range(min(2, len(rendered_2021.pages))):
        x0, _, x1, _ = _ink_box(index, data, AREA_BOTTOM + 2 * MM, AREA_BOTTOM + 12 * MM)
        # the dashes are the widest ink: their stroke is the lowest-lying thin band of the number line
        dash_y = _dash_height(index, data)
        assert abs(dash_y - (AREA_BOTTOM + 7 * MM)) <= 1 * MM, dash_y - AREA_BOTTOM
        one_char = st.PAGE_NUMBER_SIZE
        if index % 2 == 0:  # page 1, 3 …: odd
            assert abs((AREA_RIGHT - one_char) - x1) <= 1 * MM, AREA_RIGHT - x1
        else:
            assert abs(x0 - (AREA_LEFT + one_char)) <= 1 * MM, x0 - AREA_LEFT


def _dash_height(index: int, data: bytes) -> float:
    """Vertical centre of the 一字线 (a row of ink at least one character wide)."""
    scale = 6
    doc = pypdfium2.PdfDocument(data)
    image = doc[index].render(scale=scale).to_pil().convert("L")
    top = int((AREA_BOTTOM + 2 * MM) * scale)
    strip = image.crop((0, top, image.width, int((AREA_BOTTOM + 12 * MM) * scale)))
    pixels = strip.load()
    rows = []
    for y in range(strip.height):
        run = best = 0
        for x in range(strip.width):
            run = run + 1 if pixels[x, y] < 128 else 0
            best = max(best, run)
        if best >= 10 * scale:  # a horizontal stroke of 10 pt or more: the dash
            rows.append(y)
    doc.close()
    assert rows, "no dash found"
    return (top + (min(rows) + max(rows)) / 2) / scale


def _lines(page):
    by_baseline = defaultdict(list)
    for c in flow_chars(page):
        by_baseline[round(PAGE_H - c["matrix"][5], 1)].append(c)
    return [sorted(cs, key=lambda c: c["x0"]) for _, cs in sorted(by_baseline.items())]


def test_a_full_page_has_22_lines_of_28_characters(documents):
    page = documents["hostile"].pages[2]  # the middle of the long run of 甲乙丙丁…
    lines = _lines(page)
    assert len(lines) == st.LINES_PER_PAGE
    assert [len(ln) for ln in lines] == [st.CHARS_PER_LINE] * st.LINES_PER_PAGE
    baselines = [PAGE_H - ln[0]["matrix"][5] for ln in lines]
    pitches = {round(b - a, 2) for a, b in pairwise(baselines)}
    assert pitches == {round(st.LINE_PITCH, 2)}
    assert all(c["size"] == pytest.approx(st.SIZE_3) for ln in lines for c in ln)


def test_body_lines_are_justified_to_both_edges(rendered_2021):
    for page in rendered_2021.pages:
        lines = [ln for ln in _lines(page) if ln[0]["size"] == pytest.approx(st.SIZE_3)]
        for line, nxt in pairwise(lines):
            starts_flush = abs(nxt[0]["x0"] - AREA_LEFT) < 1
            if starts_flush and line[-1]["fontname"].endswith(("FandolFang-Regular", "LiberationSerif")):
                # a line followed by a flush-left line is not a paragraph's last: it reaches the right edge
                assert line[-1]["x1"] == pytest.approx(AREA_RIGHT, abs=0.5), "".join(c["text"] for c in line)


def test_styles_of_title_headings_and_body(rendered_2021):
    chars = flow_chars(rendered_2021.pages[0])

    def style_of(text):
        for i in range(len(chars)):
            if "".join(c["text"] for c in chars[i : i + len(text)]) == text:
                return chars[i]["size"], chars[i]["fontname"].split("+")[-1]
        raise AssertionError(text)

    assert style_of("青禾县统计局") == (st.SIZE_2, "FandolSong-Bold")
    assert style_of("一、总体情况") == (st.SIZE_3, "FandolHei-Regular")
    assert style_of("（一）主动公开") == (st.SIZE_3, "FandolKai-Regular")
    assert style_of("本报告根据") == (st.SIZE_3, "FandolFang-Regular")
    assert style_of("2025") == (st.SIZE_2, "FandolSong-Bold")  # the title's year: its own bold digits


def test_latin_letters_and_digits_are_proportional_on_the_body_baseline(rendered_2021):
    """Digits and letters come from the Latin face, each as wide as its glyph (not 8 pt each), on the
    baseline of the hanzi around them, a quarter em away from them."""
    chars = flow_chars(rendered_2021.pages[0])
    latin = [c for c in chars if c["fontname"].endswith("LiberationSerif")]
    assert {c["text"] for c in latin} >= set("012345")
    widths = {c["text"]: round(c["x1"] - c["x0"], 2) for c in latin if c["size"] == pytest.approx(st.SIZE_3)}
    assert widths["1"] == pytest.approx(8.0, abs=0.05)  # a digit: half an em, as in Times New Roman
    text = "".join(c["text"] for c in chars)
    at = text.index("0000-1234567")
    phone = chars[at : at + 12]
    assert phone[4]["x1"] - phone[4]["x0"] == pytest.approx(st.SIZE_3 * 0.333, abs=0.1)  # the hyphen
    for c in phone:
        assert c["matrix"][5] == pytest.approx(chars[at + 12]["matrix"][5])  # the baseline of the 全角 ）after it
    year = text.index("2025年，本局")
    gap = chars[year + 4]["x0"] - chars[year + 3]["x1"]
    assert gap == pytest.approx(st.CJK_LATIN_GAP * st.SIZE_3, abs=1.0)


def test_ascii_glyph_widths_differ():
    """Proportional Latin: in the body's style, i, W, 1 and a space are each as wide as their glyph."""
    from disclosure_desk.pdf.fonts import FontSet
    from disclosure_desk.pdf.typeset import Typesetter

    items = Typesetter(FontSet(bundled_only=True)).items("iW1 m", st.BODY)
    widths = [round(i.width, 2) for i in items]
    assert len(set(widths)) == len(widths), widths
    assert all(i.latin for i in items)


def test_title_is_centred_and_paragraphs_indented_two_characters(rendered_2021):
    lines = _lines(rendered_2021.pages[0])
    title = lines[0]
    assert (title[0]["x0"] - AREA_LEFT) == pytest.approx(AREA_RIGHT - title[-1]["x1"], abs=1.5)
    preface = next(ln for ln in lines if ln[0]["text"] == "本")
    assert preface[0]["x0"] - AREA_LEFT == pytest.approx(2 * st.CHAR_PITCH, abs=0.5)
