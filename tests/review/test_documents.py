"""The 审核意见 and the 汇总 as document blocks: what each kind of organ is told, and the layout through
our Word writer and the report's PDF page layout."""

from __future__ import annotations

import io

from disclosure_desk.application.review.documents import feedback_content, office_name, totals_content, totals_notes
from disclosure_desk.application.review.sums import sum_reports
from disclosure_desk.formats.content_pdf import render_content_pdf
from disclosure_desk.formats.report_content import Heading, Paragraph, Signature, Table, Title


def _texts(content) -> list[str]:
    out = []
    for b in content.blocks:
        if isinstance(b, Paragraph):
            out.append(b.full_text)
        elif isinstance(b, Heading | Title):
            out.append(b.text)
    return out


def test_a_report_with_errors_lists_them_with_the_cells(review):
    organ = review.organ("青禾县城关镇")
    texts = _texts(feedback_content(organ, review))
    assert texts[:2] == ["关于青禾县城关镇2025年政府信息公开工作年度报告的审核意见", "青禾县城关镇："]
    assert "已经审核，发现需要改正的错误2处。" in texts[2]
    assert texts.index("一、需要改正的错误（2处）") < texts.index("二、与上年报告的比对")
    assert any(t.startswith("涉及的格子：“表三/一、本年新收政府信息公开申请数量/自然人”（填报：") for t in texts)


def test_a_warning_is_to_verify_and_last_years_figures_are_quoted(review, batch):
    organ = review.organ(batch.carry_mismatch[0])
    texts = _texts(feedback_content(organ, review))
    assert "一、请核实的提示（2处）" in texts
    assert any(t.startswith("1.上年结转与上年报告结转下年度一致（X-1）：") for t in texts)
    assert "与上年报告衔接的数字（上年结转、现行有效件数等）有不一致之处（X-1），见上文。" in texts
    assert any(t.startswith("主要数据：本年新收申请") and "（上年" in t for t in texts)


def test_a_clean_report_is_told_so(review, batch):
    organ = review.organ("青禾县统计局")
    texts = _texts(feedback_content(organ, review))
    assert "未发现需要改正或核实的问题。" in texts[2]
    assert not any("需要改正的错误（" in t for t in texts)


def test_an_unreadable_file_and_a_new_organ(review, batch):
    unreadable = _texts(feedback_content(review.organ(batch.unreadable[0]), review))
    assert "无法读取" in unreadable[2] and "重新报送" in unreadable[2]
    new = _texts(feedback_content(review.organ(batch.new_this_year[0]), review))
    assert "审核时没有你单位上一年度的报告，未作跨年度比对。" in new


def test_the_office_signs_and_dates_it(review):
    content = feedback_content(review.organ("青禾县城关镇"), review)
    signature = content.blocks[-1]
    assert isinstance(signature, Signature)
    assert signature.organ == office_name(review) == "青禾县政务公开办公室"
    assert signature.date == f"{review.reviewed_at.year}年{review.reviewed_at.month}月{review.reviewed_at.day}日"


def test_the_totals_document_has_the_three_official_tables_and_the_organs(review):
    totals = sum_reports(review)
    content = totals_content(totals, review)
    tables = [b for b in content.blocks if isinstance(b, Table)]
    assert [t.key for t in tables] == ["表二", "表三", "表四"]
    texts = _texts(content)
    assert texts[0] == "青禾县2025年政府信息公开工作年度报告汇总表"
    assert all(line in texts for line in totals_notes(totals, review)[1:])


def test_blocks_print_through_the_pdf_page_layout(review):
    import pdfplumber

    data = render_content_pdf(feedback_content(review.organ("青禾县城关镇"), review), subject="审核意见")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        assert (round(page.width), round(page.height)) == (595, 842)  # A4
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
        assert pdf.metadata["Title"] == "关于青禾县城关镇2025年政府信息公开工作年度报告的审核意见"
        last = pdf.pages[-1].extract_text()
    assert "一、需要改正的错误（2处）" in text.replace(" ", "")
    lines = [line.replace(" ", "") for line in last.rstrip().splitlines()]
    assert lines[-3:-1] == ["青禾县政务公开办公室", signature_date(review)]  # then the page number


def signature_date(review) -> str:
    day = review.reviewed_at
    return f"{day.year}年{day.month}月{day.day}日"
