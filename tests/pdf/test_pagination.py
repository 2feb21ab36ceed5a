"""Pagination over reports of many lengths: no heading ends a page, tables start where they are, the
signature never stands alone; the 草稿 mark never runs under a figure."""

from __future__ import annotations

import copy
from collections import defaultdict

import pypdfium2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from disclosure_desk.domain import SectionPart, format_value
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf import styles as st
from disclosure_desk.pdf.fonts import FontSet
from disclosure_desk.pdf.tables import GridLayout, GridTable, table_texts
from disclosure_desk.pdf.typeset import Typesetter
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON
from tests.pdf.conftest import AREA_BOTTOM, clean, flow_chars, render

PAGE_H = st.PAGE_HEIGHT
SENTENCE = "本年度持续推进政务公开标准化规范化建设，依法依规做好政府信息公开工作。"


def _lines(page) -> list[list[dict]]:
    """Lines of the text flow (tables included), top to bottom, each a list of characters."""
    by_baseline: dict[float, list[dict]] = defaultdict(list)
    for c in flow_chars(page):
        by_baseline[round(PAGE_H - c["matrix"][5], 0)].append(c)
    return [sorted(cs, key=lambda c: c["x0"]) for _, cs in sorted(by_baseline.items())]


def _is_heading(line: list[dict]) -> bool:
    """A line that is only a heading: 一、 (黑体, 3号) or a （一） heading on its own (楷体, 3号)."""
    faces = {c["fontname"].split("+")[-1] for c in line}
    big = all(c["size"] == pytest.approx(st.SIZE_3) for c in line)
    return big and (faces in ({"FandolHei-Regular"}, {"FandolKai-Regular"}))


def _text(line: list[dict]) -> str:
    return "".join(c["text"] for c in line)


def _report(one: list[int], five: list[int], six: int, subheads: bool):
    """The 2021 sample with 一 made of parts of ``one[i]`` sentences, 五 of paragraphs of ``five[i]``
    sentences and 六 of ``six`` sentences (or 无。)."""
    d = copy.deepcopy(read_report_file(SAMPLE_2021_JSON))
    headings = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障"]
    d.sections["一、总体情况"] = tuple(
        SectionPart(headings[i % 5] if subheads else "", SENTENCE * n) for i, n in enumerate(one)
    )
    d.sections["五、存在的主要问题及改进情况"] = "\n".join(SENTENCE * n for n in five)
    d.sections["六、其他需要报告的事项"] = SENTENCE * six if six else "无。"
    return d


def _check_pages(rendered) -> None:
    pages = [_lines(p) for p in rendered.pages]
    for n, lines in enumerate(pages[:-1], start=1):
        assert lines, f"page {n} is empty"
        assert not _is_heading(lines[-1]), f"page {n} ends with the heading {_text(lines[-1])!r}"
    last = pages[-1]
    organ = next(i for i, ln in enumerate(last) if _text(ln) == "青禾县统计局")
    assert organ >= 1, "the signature stands alone on the last page"
    assert not _is_heading(last[organ - 1]), "a heading stands right above the signature"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    one=hs.lists(hs.integers(1, 12), min_size=1, max_size=6),
    five=hs.lists(hs.integers(1, 8), min_size=1, max_size=5),
    six=hs.integers(0, 6),
    subheads=hs.booleans(),
)
def test_no_heading_ends_a_page_and_the_signature_never_stands_alone(one, five, six, subheads):
    _check_pages(render(_report(one, five, six, subheads)))


@pytest.mark.parametrize("six", [0, 2])
@pytest.mark.parametrize("extra", range(49))
def test_headings_and_signature_over_reports_of_every_length(extra, six):
    """Each added sentence moves everything after it by a line or two: every page position is tried,
    with a one-line 六 (无。, the case that stranded its heading) and a longer one."""
    _check_pages(render(_report([2, 3 + extra % 7, extra // 7 + 1], [2, 3], six, True)))


def _layout(draft, key: str) -> GridLayout:
    spec = draft.spec.table(key)
    return GridLayout(
        spec, table_texts(spec, lambda c: format_value(draft.value(c))), Typesetter(FontSet(bundled_only=True)), key
    )


def _t3_fragments(rendered):
    out = []
    for n, page in enumerate(rendered.pages):
        for t in clean(page).find_tables():
            rows = t.extract()
            if "申请人情况" in rows[0]:
                out.append((n, t))
    return out


def test_a_table_that_does_not_fit_starts_where_it_is():
    """For every place of 表三 on its page: when its heading, header and three rows fit, the table starts
    there instead of leaving the foot of the page blank."""
    d = read_report_file(SAMPLE_2021_JSON)
    spec = d.spec.table("表三")
    layout = _layout(d, "表三")
    needed = st.LINE_PITCH + sum(layout.row_h[: spec.header_rows + st.TABLE_MIN_ROWS_BEFORE_BREAK])
    starts_here = 0
    for extra in range(22):
        d = _report([2, 2 + extra], [2], 1, True)
        r = render(d)
        frags = _t3_fragments(r)
        first_page, first = frags[0]
        page = r.pages[first_page]
        heading = next(ln for ln in _lines(page) if _text(ln).startswith("三、收到和处理"))
        if heading[0]["top"] < first.bbox[1]:
            starts_here += 1
        else:  # moved on: the previous page had no room for heading, header and three rows
            prev = _lines(r.pages[first_page - 1])
            room = AREA_BOTTOM - max(c["bottom"] for c in prev[-1])
            assert room < needed, (extra, room, needed)
    assert starts_here >= 10


@pytest.mark.parametrize("key", ["表二", "表三"])
def test_a_table_fills_its_page_unless_a_group_costs_at_most_two_rows(key):
    """For every height left on a page, the table breaks at the last row the rules allow (never inside
    three rows of its start or two of its end, never leaving a spanned label too short); it breaks
    earlier, to keep a group such as （三）不予公开 whole, only when that leaves at most two rows blank."""
    for path in (SAMPLE_2021_JSON, SEED_JSON):
        d = read_report_file(path)
        spec = d.spec.table(key)
        layout = _layout(d, key)
        table = GridTable(layout)
        total = sum(layout.row_h)
        for avail in range(60, int(total), 4):
            pieces = table.split(st.TYPE_AREA_WIDTH, avail)
            if not pieces:
                continue
            fits = max(r for r in range(1, spec.grid_rows + 1) if sum(layout.row_h[:r]) <= avail + 1e-6)
            latest = max(
                r for r in range(1, min(fits, spec.grid_rows - 1) + 1) if layout.can_break_before(r, 0, strict=False)
            )
            cut = pieces[0].end
            assert cut <= latest
            assert sum(layout.row_h[cut:latest]) <= 2 * st.TABLE_MIN_ROW_HEIGHT + 0.1, (path.name, avail, cut, latest)


def test_the_draft_mark_never_runs_under_a_figure():
    """Rendered, the pixels of every value cell are white or the black of the figure: the pale red mark
    stops at the cell; elsewhere on the page it shows."""
    d = read_report_file(SAMPLE_2021_JSON)
    r = render(d, draft_mark=True)
    scale = 2
    pdf = pypdfium2.PdfDocument(r.data)
    reddish_outside = 0
    for index, page in enumerate(r.pages):
        image = pdf[index].render(scale=scale).to_pil().convert("RGB")
        pixels = image.load()
        cells = [cell for t in clean(page).find_tables() for cell in t.cells]
        values = [c for c in cells if _is_value_cell(page, c)]
        assert values or index not in (2, 3)  # the tables' pages
        for x0, top, x1, bottom in values:
            for y in range(int(top * scale) + 2, int(bottom * scale) - 2):
                for x in range(int(x0 * scale) + 2, int(x1 * scale) - 2):
                    red, _, blue = pixels[x, y]
                    assert red - blue < 12, (index, (x0, top), pixels[x, y])
        reddish_outside += sum(
            1
            for x in range(0, image.width, 4)
            for y in range(0, image.height, 4)
            if pixels[x, y][0] - pixels[x, y][2] >= 12
        )
    pdf.close()
    assert reddish_outside > 1000  # the mark itself is still there


def _is_value_cell(page, cell) -> bool:
    x0, top, x1, bottom = cell
    inside = [c for c in page.chars if x0 < c["x0"] and c["x1"] < x1 and top < c["top"] and c["bottom"] < bottom]
    return bool(inside) and all(c["text"].isdigit() or c["text"] in ".-" for c in inside)
