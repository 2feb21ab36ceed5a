"""The line breaker on its own: 避头尾, words and numbers kept whole, justification, squeezing."""

from __future__ import annotations

from itertools import pairwise

import pytest

from disclosure_desk.pdf import linebreak as lb
from disclosure_desk.pdf import styles as st
from disclosure_desk.pdf.fonts import FontSet
from disclosure_desk.pdf.typeset import Typesetter

NO_START = set("，。、；：？！）》」』”")
NO_END = set("（《「『“")


@pytest.fixture(scope="module")
def ts():
    return Typesetter(FontSet(bundled_only=True))


def lines_of(ts, text, width=st.TYPE_AREA_WIDTH, indent=0.0, style=st.BODY, **kw):
    return lb.break_lines(ts.items(text, style), width, indent=indent, **kw)


def test_a_full_line_holds_28_characters(ts):
    lines = lines_of(ts, "政" * 60)
    assert [len(ln.text) for ln in lines] == [28, 28, 4]
    assert lines[0].width == pytest.approx(st.TYPE_AREA_WIDTH)


def test_first_line_is_indented_two_characters(ts):
    lines = lines_of(ts, "政" * 60, indent=2 * st.CHAR_PITCH)
    assert len(lines[0].text) == 26
    assert lines[0].placed[0][1] == pytest.approx(2 * st.CHAR_PITCH)
    assert lines[1].placed[0][1] == pytest.approx(0.0)


@pytest.mark.parametrize("mark", sorted(NO_START))
def test_closing_punctuation_never_starts_a_line(ts, mark):
    lines = lines_of(ts, "政" * 28 + mark + "府" * 10)
    assert all(ln.text[0] not in NO_START for ln in lines)
    assert lines[1].text.startswith("政" + mark)  # moved on with the character before it


@pytest.mark.parametrize("mark", sorted(NO_END))
def test_opening_punctuation_never_ends_a_line(ts, mark):
    lines = lines_of(ts, "政" * 27 + mark + "府" * 10)
    assert all(ln.text[-1] not in NO_END for ln in lines)


def test_a_line_of_few_units_is_squeezed_to_take_one_more_character(ts):
    # two long numbers and their commas: pushing 政 on would open gaps of a fifth of an em between three
    # units, so a comma's blank takes it in instead
    text = ("1" * 25 + "，") * 2 + "政" + "府" * 20
    lines = lines_of(ts, text)
    assert lines[0].text.endswith("，政")
    assert lines[0].width == pytest.approx(st.TYPE_AREA_WIDTH, abs=0.01)
    steps = [d for it, d in _steps(lines[0]) if it.ch == "，"]
    gap = max(d for _, d in _steps(lines[0]))
    assert sorted(round(gap - d, 2) for d in steps) == [0.0, round(st.CHAR_PITCH / 2, 2)]  # one set half-width


def test_a_line_of_many_units_is_justified_rather_than_squeezed(ts):
    # three commas could take in a 29th character; pushing it on costs 0.04 em between 27 units instead
    text = ("政" * 6 + "，") * 3 + "府" * 20
    lines = lines_of(ts, text)
    assert len(lines[0].text) == 28
    commas = [x for it, x in lines[0].placed if it.ch == "，"]
    assert commas[1] - commas[0] >= 7 * st.CHAR_PITCH - 0.01  # full width


def test_the_last_character_of_a_line_is_never_squeezed(ts):
    lines = lines_of(ts, "政" * 27 + "，" + "府" * 20)
    item, x = lines[0].placed[-1]
    assert x + item.advance <= st.TYPE_AREA_WIDTH + 0.3  # its box stays within the 版心


@pytest.mark.parametrize("word", ["20251231", "3.1415926", "1,280,000", "0000-1234567", "GB/T", "&#x41;", "PDF"])
def test_numbers_and_words_are_never_split(ts, word):
    for lead in range(20, 29):
        lines = lines_of(ts, "政" * lead + word + "府" * 30)
        texts = [ln.text for ln in lines]
        assert any(word in t for t in texts), (lead, texts)


def test_dashes_and_ellipses_stay_in_one_piece(ts):
    for lead in range(25, 29):
        for pair in ("——", "……"):
            lines = lines_of(ts, "政" * lead + pair + "府" * 30)
            assert any(pair in ln.text for ln in lines)


def test_lines_are_justified_to_both_edges_but_the_last(ts):
    text = "本年度主动公开政府信息145条，其中规范性文件12件，" * 6
    lines = lines_of(ts, text, indent=2 * st.CHAR_PITCH)
    for ln in lines[:-1]:
        last_item, last_x = ln.placed[-1]
        assert last_x + last_item.width == pytest.approx(st.TYPE_AREA_WIDTH, abs=0.01)
    last_item, last_x = lines[-1].placed[-1]
    assert last_x + last_item.width < st.TYPE_AREA_WIDTH


def test_no_extra_space_inside_a_number(ts):
    lines = lines_of(ts, "政府" * 12 + "12345678 " + "府" * 30)
    for ln in lines:
        digits = [(it, x) for it, x in ln.placed if it.ch.isdigit()]
        for (a, xa), (_, xb) in pairwise(digits):
            assert xb - xa == pytest.approx(a.width, abs=0.001)


def test_a_run_longer_than_a_line_is_broken_where_it_must(ts):
    lines = lines_of(ts, "a" * 500)
    assert "".join(ln.text for ln in lines) == "a" * 500
    assert all(ln.width <= st.TYPE_AREA_WIDTH + 0.01 for ln in lines)


def test_spaces_do_not_start_or_end_a_line(ts):
    lines = lines_of(ts, "统计 期限 从 2019 年 1 月 1 日 起 至 12 月 31 日 止 " * 8)
    assert all(not ln.text.startswith(" ") and not ln.text.endswith(" ") for ln in lines)


def test_centred_and_right_aligned(ts):
    (centred,) = lines_of(ts, "总计", width=100, style=st.TABLE_HEADER, align="center")
    (right,) = lines_of(ts, "36", width=100, style=st.TABLE_VALUE, align="right")
    _, x = centred.placed[0]
    assert x == pytest.approx((100 - 2 * st.TABLE_SIZE) / 2, abs=0.01)
    assert right.width == pytest.approx(100, abs=0.01)


def test_vertical_stub_sets_one_unit_per_line(ts):
    lines = lines_of(ts, "三、本年度办理结果", width=22, style=st.TABLE_CELL, vertical=True)
    assert [ln.text for ln in lines] == ["三、", "本", "年", "度", "办", "理", "结", "果"]


def test_empty_text_gives_one_empty_line(ts):
    assert [ln.text for ln in lines_of(ts, "")] == [""]


def _steps(line: lb.Line) -> list[tuple[lb.Item, float]]:
    """For each item but the last: how much further the next item starts than the item's own width and
    fixed spacing (0 inside a word, the justification gap between units, less half an em if squeezed)."""
    out = []
    for (a, xa), (_, xb) in pairwise(line.placed):
        out.append((a, xb - xa - a.width - a.after))
    return out


def test_a_mark_is_either_full_width_or_exactly_half_width(ts):
    """GB/T 15834, CLREQ: squeezing sets whole marks half-width; no mark is squeezed by an odd amount,
    and a line that needs no squeezing squeezes nothing."""
    from tests.pdf.conftest import kinsoku_text

    half = st.SQUEEZE_MAX * st.CHAR_PITCH
    squeezed_lines = 0
    for para in kinsoku_text(seed=3, paragraphs=20).split("\n"):
        for line in lines_of(ts, para, indent=2 * st.CHAR_PITCH):
            steps = _steps(line)
            gap = max((d for _, d in steps), default=0.0)
            cuts = [gap - d if d < gap - 0.01 else 0.0 for _, d in steps]
            for (item, d), cut in zip(steps, cuts, strict=False):
                if abs(d) < 0.01:
                    continue  # inside a word or number
                assert cut == pytest.approx(0.0, abs=0.01) or cut == pytest.approx(half, abs=0.01), (line.text, item.ch)
                if cut > 0.01:
                    assert lb.is_full_width_mark(item)
            squeezed_lines += any(c > 0.01 for c in cuts)
    assert squeezed_lines >= 3  # squeezing does happen


def test_two_marks_in_a_row_always_lose_the_first_ones_blank(ts):
    """``），`` ``。”`` ``》（``: the first mark is set half-width wherever the pair falls on the line."""
    for lead in range(26):
        text = "政" * lead + "（三）。“四”（五）" + "府" * 30
        for line in lines_of(ts, text):
            xs = {i: x for i, (_, x) in enumerate(line.placed)}
            items = [it for it, _ in line.placed]
            for i in range(len(items) - 1):
                a, b = items[i], items[i + 1]
                if a.ch in "）”" and lb.is_full_width_mark(b):
                    assert xs[i + 1] - xs[i] < 0.6 * st.CHAR_PITCH + 2.0, (lead, line.text)


def test_a_hanzi_and_a_latin_letter_or_digit_are_a_quarter_em_apart(ts):
    (line,) = lines_of(ts, "共收到申请4件和PDF文件", align="left")
    placed = line.placed
    gaps = [xb - xa - a.width for (a, xa), (_, xb) in pairwise(placed)]
    quarter = st.CJK_LATIN_GAP * st.SIZE_3
    assert [round(g, 3) for g in gaps] == [0, 0, 0, 0, quarter, quarter, 0, quarter, 0, 0, quarter, 0]
    (end,) = lines_of(ts, "共收到申请4", align="left")
    assert end.width == pytest.approx(end.placed[-1][1] + end.placed[-1][0].width)  # no gap at a line's end
