"""The compared figures of one report, the fee sentence, how they are shown, the comparison rows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_desk.application.review.board import comparison_headers, comparison_texts, comparisons
from disclosure_desk.application.review.figures import change, fee_sentence, figures_of, shown_figure
from disclosure_desk.interchange import read_report_file
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON


@pytest.fixture
def draft():
    d = read_report_file(SAMPLE_2021_JSON)
    d.values |= {
        "t4.review.corrected": 2,
        "t4.direct.corrected": 1,
        "t4.after_review.corrected": 3,
        "t2.a8.fees.amount": Decimal("1.25"),
    }
    return d


def test_figures_from_the_tables(draft):
    f = figures_of(draft)
    assert f.applications == 4  # 表三 一 总计
    assert f.granted_share == Decimal(3) / Decimal(4)  # (予以公开 2 + 部分公开 1) / 办理结果总计 4
    assert (f.review_corrected, f.litigation_corrected) == (2, 4)
    assert f.fees == Decimal("1.25")
    assert (f.fee_text, f.info_fee) == ("本年度未收取信息处理费。", 0)


def test_a_blank_total_counts_as_the_sum_of_its_parts(draft):
    draft.values["t3.new.total"] = None
    assert figures_of(draft).applications == 4


def test_the_2019_form_has_no_fee_amount_and_blank_tables_no_figures():
    f = figures_of(read_report_file(SEED_JSON))
    assert (f.fees, f.applications, f.granted_share, f.review_corrected, f.litigation_corrected) == (None,) * 5


@pytest.mark.parametrize(
    ("text", "sentence", "amount"),
    [
        ("本年度收取信息处理费150元。无其他事项。", "本年度收取信息处理费150元。", 150),
        ("共收取信息处理费0.5万元；其他无。", "共收取信息处理费0.5万元；", 5000),
        ("本年度没有收取信息处理费。", "本年度没有收取信息处理费。", 0),
        ("按规定收取了信息处理费。", "按规定收取了信息处理费。", None),
        ("无。", "", None),
    ],
)
def test_the_fee_sentence_and_its_amount(text, sentence, amount):
    assert fee_sentence(text) == (sentence, amount)


def test_how_figures_and_changes_are_shown():
    assert shown_figure("granted_share", Decimal(2) / Decimal(3)) == "66.7%"
    assert shown_figure("granted_share", Decimal("0.05"), signed=True) == "+5.0个百分点"
    assert shown_figure("applications", change(3, 7), signed=True) == "-4"
    assert shown_figure("fees", Decimal("1.2500")) == "1.25"
    assert shown_figure("applications", None) == "" and change(None, 3) is None


def test_comparison_rows_hold_this_year_last_year_and_the_change(review, batch):
    rows = {c.organ: c for c in comparisons(review)}
    organ = next(o for o in batch.drafts if o not in batch.new_this_year and o not in batch.with_errors)
    c = rows[organ]
    now, before = batch.drafts[organ].value("t3.new.total"), batch.previous[organ].value("t3.new.total")
    assert (c.value("applications"), c.previous("applications"), c.change("applications")) == (
        now,
        before,
        now - before,
    )
    texts = comparison_texts(c)
    assert len(texts) == len(comparison_headers())
    assert texts[1:4] == [str(now), str(before), shown_figure("applications", now - before, signed=True)]
    assert batch.missing[0] not in rows
