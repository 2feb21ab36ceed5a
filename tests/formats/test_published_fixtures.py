"""Every published-report fixture reads into exactly the draft its NAME.expected.json holds."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from disclosure_desk.checks import check
from disclosure_desk.formats import read_report
from disclosure_desk.formats.recognition import CellStatus
from disclosure_desk.interchange import read_report_file

from .conftest import PUBLISHED, expected_for, readable_fixtures

FIXTURES = readable_fixtures()


def _squeezed(text: str) -> str:
    """Text without white space: a PDF loses a space that stood at a line break."""
    return re.sub(r"\s+", "", text)


def test_there_are_enough_fixtures_of_every_kind():
    kinds = {p.suffix for p in FIXTURES}
    assert len(list(PUBLISHED.iterdir())) >= 20 and len(FIXTURES) >= 19
    assert {".docx", ".pdf", ".html", ".htm"} <= kinds
    editions = {read_report_file(expected_for(p)).edition for p in FIXTURES}
    assert editions == {"2019", "2021"}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_cell_as_expected(path):
    got = read_report(path).draft
    want = read_report_file(expected_for(path))
    assert (got.edition, got.year, got.organ) == (want.edition, want.year, want.organ)
    wrong = {
        c.id: (want.values.get(c.id), got.values.get(c.id))
        for c in want.spec.all_cells
        if want.values.get(c.id) != got.values.get(c.id)
    }
    assert wrong == {}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_text_title_and_signature_as_expected(path):
    got = read_report(path).draft
    want = read_report_file(expected_for(path))
    assert _squeezed(got.preface) == _squeezed(want.preface)
    for section in want.spec.narrative_sections:
        assert _squeezed(got.section_text(section.title)) == _squeezed(want.section_text(section.title)), section.title
    assert got.signature_date == want.signature_date
    assert got.display_title == want.display_title


def test_variants_are_reported_printed_to_official():
    rec = read_report(PUBLISHED / "d21-variants.docx").recognition
    approx = {(m.printed, m.official) for m in rec.labels if m.approximate}
    assert ("4.保护第三方合法权意", "4.保护第三方合法权益") in approx
    assert ("本年制法件数", "本年制发件数") in approx  # a misprinted column header
    normalised = {(m.printed, m.official) for m in rec.labels if not m.approximate}
    assert ("3.其它", "3.其他") in normalised and ("(一)予以公开", "（一）予以公开") in normalised
    assert ("五、政府信息公开工作存在的主要问题及改进情况", "五、存在的主要问题及改进情况") in normalised
    fees = rec.cells["t2.a8.fees.amount"]
    assert fees.status is CellStatus.CONVERTED and fees.printed == "251000元" and fees.value == "25.1"
    assert rec.cells["t2.a1.rules.issued"].status is CellStatus.NONE_MARK
    assert rec.cells["t2.a1.rules.issued"].origin.row == "规章"
    assert rec.cells["t3.withheld.third_party.natural"].approximate
    summary = "\n".join(rec.summary_lines())
    assert "“4.保护第三方合法权意” → “4.保护第三方合法权益”" in summary and "251000元" in summary


def test_totals_are_kept_as_printed_so_check_finds_the_publishers_error():
    draft = read_report(PUBLISHED / "d21-variants.docx").draft
    assert draft.values["t3.new.total"] == 5  # printed 5; its parts add up to 4
    assert any(f.rule == "T3-3" and "t3.new.total" in f.cell_ids for f in check(draft))


def test_a_2019_row_inside_a_2021_table_is_listed_not_guessed():
    result = read_report(PUBLISHED / "h21-2019-row.html")
    assert all(result.draft.values[f"t3.other.{r}.natural"] is None for r in ("no_correction", "no_fee", "other"))
    reasons = [u.reason for u in result.recognition.unplaced if "（六）其他处理" in u.origin.row]
    assert len(reasons) == 7 and "分为3项" in reasons[0]


def test_renumbered_sections_as_in_the_seed_and_inline_subheadings():
    result = read_report(PUBLISHED / "p19-seed-like.pdf")
    draft, rec = result.draft, result.recognition
    assert draft.section_text("五、存在的主要问题及改进情况").startswith("2019年，伊洛街道办事处")
    assert draft.section_text("六、其他需要报告的事项") == "暂无其它需要报告的事项。"
    assert ("三、存在的主要问题及改进情况", "五、存在的主要问题及改进情况") in {
        (m.printed, m.official) for m in rec.labels
    }
    assert any("3 个小标题" in t for t in rec.texts)
    assert draft.values["t2.a5.licensing.change"] == -4 and draft.values["t2.a9.procurement.amount"] == Decimal("25.1")
    assert rec.cells["t3.new.natural"].status is CellStatus.MISSING


def test_overview_subparts_are_kept_as_parts():
    draft = read_report(PUBLISHED / "h21-full-page.html").draft
    parts = draft.sections["一、总体情况"]
    assert [p.heading for p in parts][:2] == ["（一）主动公开", "（二）依申请公开"]


def test_a_full_web_page_imports_no_navigation_or_footer():
    draft = read_report(PUBLISHED / "h21-full-page.html").draft
    everything = draft.preface + "".join(draft.section_text(t) for t in draft.sections)
    for junk in ("当前位置", "首页", "主办单位", "打印本页", "浏览次数", "siteId"):
        assert junk not in everything


def test_pdf_running_heads_and_page_numbers_are_not_text():
    draft = read_report(PUBLISHED / "p21-official.pdf").draft
    everything = draft.preface + "".join(draft.section_text(t) for t in draft.sections)
    assert "政务公开临川" not in everything and "— 2 —" not in everything and "—" not in everything


def test_every_value_remembers_where_it_came_from():
    rec = read_report(PUBLISHED / "p21-continued-noheader.pdf").recognition
    cell = rec.cells["t3.total.total"]
    assert cell.origin is not None and cell.origin.page is not None and cell.origin.table is not None
    assert cell.origin.row.endswith("（七）总计") and cell.origin.column.endswith("总计")
    assert cell.printed == "4"


def test_uncertain_cells_get_an_origin_note_in_the_draft():
    draft = read_report(PUBLISHED / "d21-variants.docx").draft
    assert "251000元" in draft.value_origins["t2.a8.fees.amount"]
    assert "t3.new.natural" not in draft.value_origins  # read exactly: nothing to review
