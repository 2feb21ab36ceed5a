"""Title lines: broken between words, shaped as a trapezoid or a diamond."""

from __future__ import annotations

import pytest

from disclosure_desk.pdf import styles as st
from disclosure_desk.pdf.fonts import FontSet
from disclosure_desk.pdf.title import break_title
from disclosure_desk.pdf.typeset import Typesetter


@pytest.fixture(scope="module")
def measure():
    ts = Typesetter(FontSet(bundled_only=True))
    return lambda s: ts.width(s, st.TITLE)


def lines(measure, title):
    return break_title(title, measure, st.TYPE_AREA_WIDTH)


def test_a_short_title_stays_on_one_line(measure):
    assert lines(measure, "统计局2025年政府信息公开工作年度报告") == ["统计局2025年政府信息公开工作年度报告"]


@pytest.mark.parametrize(
    "organ",
    ["青禾县统计局", "伊洛街道办事处", "中华人民共和国国家发展和改革委员会", "青禾县人民政府办公室"],
)
def test_organ_on_the_first_line_year_and_title_on_the_second(measure, organ):
    assert lines(measure, f"{organ}2025年政府信息公开工作年度报告") == [organ, "2025年政府信息公开工作年度报告"]


def test_a_very_long_organ_breaks_after_an_administrative_unit(measure):
    organ = "某某省某某市某某县人民政府某某街道办事处综合行政执法队"
    result = lines(measure, f"{organ}2025年政府信息公开工作年度报告")
    assert "".join(result) == f"{organ}2025年政府信息公开工作年度报告"
    assert len(result) == 3
    assert result[-1] == "2025年政府信息公开工作年度报告"
    assert result[0].endswith(("省", "市", "县", "人民政府", "街道", "办事处"))
    assert all(measure(s) <= st.TYPE_AREA_WIDTH for s in result)


def test_market_bureau_is_not_broken_inside_a_word(measure):
    organ = "某某自治州某某市市场监督管理局综合执法支队"
    result = lines(measure, f"{organ}2024年政府信息公开工作年度报告")
    assert not any(s.startswith("场") for s in result)


def test_a_custom_title_without_year_is_still_balanced(measure):
    title = "关于某某县人民政府办公室政府信息公开工作年度报告的说明和补充材料汇编"
    result = lines(measure, title)
    assert "".join(result) == title
    assert all(measure(s) <= st.TYPE_AREA_WIDTH for s in result)
    widths = [measure(s) for s in result]
    assert max(widths) - min(widths) < st.TYPE_AREA_WIDTH / 2


def test_numbers_are_not_split_in_a_title(measure):
    title = "某" * 18 + "20252025年度" + "报" * 10
    result = lines(measure, title)
    assert any("20252025" in s for s in result)


def test_line_breaks_typed_in_a_custom_title_are_kept():
    import copy

    from disclosure_desk.interchange import read_report_file
    from tests.conftest import SAMPLE_2021_JSON
    from tests.pdf.conftest import render

    d = copy.deepcopy(read_report_file(SAMPLE_2021_JSON))
    d.title = "青禾县统计局\n2025年政府信息公开工作年度报告"
    first = render(d).pages[0].extract_text().split("\n")
    assert first[:2] == ["青禾县统计局", "2025年政府信息公开工作年度报告"]
