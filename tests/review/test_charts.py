"""Charts: the bundled font only, bars per organ with last year's, the change, PNG and PDF files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from disclosure_desk import paths
from disclosure_desk.application.review.board import Comparison
from disclosure_desk.application.review.charts import (
    CHART_FONT_FILE,
    bars_figure,
    change_figure,
    chart_data,
    chart_font_family,
    chartable,
    figure_bytes,
    save_figure,
)
from disclosure_desk.application.review.figures import Figures


def _compared() -> list[Comparison]:
    return [
        Comparison("甲局", Figures(applications=5), Figures(applications=2)),
        Comparison("乙镇", Figures(applications=9), None),
        Comparison("丙乡", Figures(applications=1), Figures(applications=4)),
        Comparison("丁街道", Figures(), Figures(applications=3)),
    ]


def test_charts_use_the_bundled_font_and_no_system_font():
    from matplotlib import font_manager, rcParams

    family = chart_font_family()
    assert rcParams["font.family"] == [family]
    found = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert Path(found) == paths.fonts_dir() / CHART_FONT_FILE


def test_bars_are_sorted_and_organs_without_the_figure_named():
    data = chart_data(_compared(), "applications")
    assert data.organs == ["丙乡", "甲局", "乙镇"]  # smallest first: matplotlib draws it at the bottom
    assert (data.now, data.before) == ([1.0, 5.0, 9.0], [4.0, 2.0, None])
    assert data.left_out == ["丁街道"]
    assert chartable(_compared()) == ["applications"]


def test_the_bar_chart_shows_last_year_beside_this_year():
    figure = bars_figure(chart_data(_compared(), "applications"), 2025)
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["丙乡", "甲局", "乙镇"]
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["2025年", "2024年"]
    assert len(axes.patches) == 6  # three organs, two bars each (乙镇's last year a zero-width bar)
    assert "丁街道" in axes.get_xlabel()


def test_the_change_chart_leaves_out_organs_without_last_year():
    figure = change_figure(chart_data(_compared(), "applications"), 2025)
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["丙乡", "甲局"]
    assert sorted(p.get_width() for p in axes.patches) == [-3.0, 3.0]
    assert "乙镇" in axes.get_xlabel() and "丁街道" in axes.get_xlabel()


def test_png_and_pdf_files_are_valid_and_keep_the_chinese_as_text(tmp_path):
    import pdfplumber
    from PIL import Image

    figure = bars_figure(chart_data(_compared(), "applications"), 2025)
    png, pdf = save_figure(figure, tmp_path / "本年新收申请")
    with Image.open(png) as image:
        assert image.format == "PNG" and image.width > 1000
    with pdfplumber.open(pdf) as document:
        text = document.pages[0].extract_text()
        fonts = {c["fontname"] for c in document.pages[0].chars}
    assert "各机关本年新收申请（2025年，灰色为2024年）" in text and "丙乡" in text
    assert fonts and all("WenQuanYi" in f for f in fonts)


@pytest.mark.parametrize("kind", ["png", "pdf"])
def test_the_same_figure_gives_the_same_bytes(kind):
    figure = bars_figure(chart_data(_compared(), "applications"), 2025)
    assert figure_bytes(figure, kind) == figure_bytes(figure, kind)
    assert io.BytesIO(figure_bytes(figure, kind)).read(4) in (b"\x89PNG", b"%PDF")
