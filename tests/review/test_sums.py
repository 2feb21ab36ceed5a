"""汇总: every summed cell against the batch's own reports, and which organs are left out and why."""

from __future__ import annotations

from decimal import Decimal

from disclosure_desk.application.review.organs import normalise_name
from disclosure_desk.application.review.sums import TABLES, sum_reports
from disclosure_desk.checks import check, has_errors
from disclosure_desk.domain.numbers import exact_sum


def _expected_sum(drafts, cell_id):
    values = []
    for d in drafts:
        v = d.value(cell_id)
        if v is None and d.spec.cell(cell_id).is_total:
            v = d.derived_value(cell_id)
        if v is not None:
            values.append(v)
    return exact_sum(values) if values else None


def _drafts(batch, organs):
    by_key = {normalise_name(o): d for o, d in batch.drafts.items()}
    return [by_key[normalise_name(o)] for o in organs]


def test_every_cell_is_the_sum_of_the_reports_summed(review, batch):
    totals = sum_reports(review)
    assert [e.edition for e in totals.editions] == ["2021"]
    main = totals.main
    assert sorted(map(normalise_name, main.included)) == sorted(map(normalise_name, batch.summed))
    drafts = _drafts(batch, batch.summed)
    cells = [c for key in TABLES for c in main.draft.spec.table(key).cells]
    assert len(cells) == 10 + 175 + 15
    for cell in cells:
        assert main.draft.value(cell.id) == _expected_sum(drafts, cell.id), cell.label_path
    assert main.draft.value("t2.a8.fees.amount") == sum((d.value("t2.a8.fees.amount") for d in drafts), Decimal(0))


def test_the_sums_pass_the_arithmetic_checks_of_the_tables(review):
    summed = sum_reports(review).main.draft
    table_rules = [f for f in check(summed) if f.rule in ("T3-1", "T3-2", "T3-3", "T4-1", "B-1", "TYPE")]
    assert table_rules == []


def test_organs_left_out_are_named_with_the_reason(review, batch):
    left = {x.organ: x.reason for x in sum_reports(review).left_out}
    assert {o: left[o] for o in batch.missing} == dict.fromkeys(batch.missing, "未报送")
    assert left[batch.unreadable[0]] == "报送的文件无法读取"
    for organ in batch.with_errors:
        assert left[organ].startswith("报告仍有") and "改正后重新报送即可计入" in left[organ]
    assert "2024" in left[batch.other_year[0]]
    assert len(left) == len(set(batch.missing + batch.unreadable + batch.with_errors + batch.other_year))


def test_with_errors_included_each_edition_is_summed_on_its_own(review, batch):
    totals = sum_reports(review, include_errors=True, name="青禾县（全部）")
    assert totals.name == "青禾县（全部）"
    assert [e.edition for e in totals.editions] == ["2021", "2019"]
    old = totals.edition("2019")
    assert old.included == old.in_error == ["青禾县交通运输局"]
    main = totals.edition("2021")
    assert set(main.in_error) == set(batch.with_errors) - {"青禾县交通运输局"}
    drafts = _drafts(batch, main.included)
    assert main.draft.value("t3.new.natural") == _expected_sum(drafts, "t3.new.natural")
    assert has_errors(check(main.draft))  # the wrong figures are summed as they are


def test_the_sums_are_a_report_of_the_county(review):
    draft = sum_reports(review).main.draft
    assert (draft.organ, draft.year, draft.display_title) == (
        "青禾县（汇总）",
        2025,
        "青禾县2025年政府信息公开工作年度报告汇总表",
    )
