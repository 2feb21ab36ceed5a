"""Every sample -> our own PDF -> import: the same tables and text. And PDF text quirks."""

from __future__ import annotations

import io
import re

import pytest

from disclosure_desk.formats import read_report
from disclosure_desk.formats.pdf_text import collapse_stray_spaces
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf.export import render_pdf_bytes
from tests.conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.json"))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_through_our_pdf_gives_the_same_tables_and_text(sample, tmp_path):
    original = read_report_file(sample)
    pdf = tmp_path / f"{sample.stem}.pdf"
    pdf.write_bytes(render_pdf_bytes(original, invariant=True))
    got = read_report(pdf).draft
    assert (got.edition, got.year, got.organ, got.display_title) == (
        original.edition,
        original.year,
        original.organ,
        original.display_title,
    )
    assert {c.id: got.values.get(c.id) for c in original.spec.all_cells} == {
        c.id: original.values.get(c.id) for c in original.spec.all_cells
    }
    squeeze = lambda s: re.sub(r"\s+", "", s)
    assert squeeze(got.preface) == squeeze(original.preface)
    for section in original.spec.narrative_sections:
        assert squeeze(got.section_text(section.title)) == squeeze(original.section_text(section.title))
    if original.signature_date:
        assert (got.signature_organ, got.signature_date) == (original.signature_organ, original.signature_date)


def test_the_complete_sample_round_trips_exactly(tmp_path):
    original = read_report_file(SAMPLES / "qinghe-tongjiju-2025.json")
    pdf = tmp_path / "q.pdf"
    pdf.write_bytes(render_pdf_bytes(original, invariant=True))
    got = read_report(pdf).draft
    assert got.preface == original.preface
    assert got.section_parts("一、总体情况") == original.section_parts("一、总体情况")
    for title in ("五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert got.section_text(title) == original.section_text(title)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("本 年 度 报 告 所 列 数 据", "本年度报告所列数据"),
        ("统计期限从 2019 年 1 月 1 日起", "统计期限从 2019 年 1 月 1 日起"),  # real spaces beside figures stay
        ("Disclosure Desk 生成", "Disclosure Desk 生成"),
    ],
)
def test_stray_spaces_between_chinese_characters(text, want):
    assert collapse_stray_spaces(text) == want


def test_a_letter_spaced_pdf_with_page_numbers_reads_as_text(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from disclosure_desk import paths

    pdfmetrics.registerFont(TTFont("FixtureMing", str(paths.resources_dir() / "fonts" / "FandolFang-GB2312.ttf")))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    lines = [
        "青 禾 县 统 计 局 2 0 2 5 年 政 府 信 息 公 开 工 作 年 度 报 告",
        "一 、 总 体 情 况",
        "本 局 主 动 公 开 政 府 信 息 1 8 6 条 。",
        "六 、 其 他 需 要 报 告 的 事 项",
        "无 。",
    ]
    for page, chunk in enumerate((lines[:3], lines[3:]), 1):
        c.setFont("FixtureMing", 14)
        for i, line in enumerate(chunk):
            c.drawString(72 if i else 150, 760 - 30 * i, line)
        c.drawString(290, 40, f"第 {page} 页")
        c.showPage()
    c.save()
    path = tmp_path / "spaced.pdf"
    path.write_bytes(buf.getvalue())
    draft = read_report(path).draft
    assert draft.organ == "青禾县统计局" and draft.year == 2025
    assert draft.section_text("一、总体情况") == "本局主动公开政府信息186条。"
    assert draft.section_text("六、其他需要报告的事项") == "无。"
