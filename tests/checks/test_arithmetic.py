"""T3-1, T3-2, T3-3, T4-1, TYPE, U-1: each fails on a broken table and names the cells."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_desk.spec.builders import T3_COLUMNS

from .conftest import run


def test_t3_1_unbalanced_column(clean):
    clean.values["t3.new.natural"] = 4
    clean.values["t3.new.total"] = 5  # keep T3-3 satisfied: only the column breaks
    f = run(clean, rule="T3-1")
    assert [x.cell_ids for x in f] == [
        ("t3.new.natural", "t3.carried_in.natural", "t3.total.natural", "t3.carried_out.natural"),
        ("t3.new.total", "t3.carried_in.total", "t3.total.total", "t3.carried_out.total"),
    ]
    assert "自然人列" in f[0].message and "相差1" in f[0].message
    assert f[0].cells[0] == "表三/一、本年新收政府信息公开申请数量/自然人"
    assert run(clean, rule="T3-3") == []


def test_t3_1_total_column_skipped_when_a_row_sum_breaks(clean):
    clean.values["t3.new.total"] = 9
    assert [f.rule for f in run(clean) if f.rule.startswith("T3")] == ["T3-3"]


@pytest.mark.parametrize("col", [k for k, _ in T3_COLUMNS])
def test_t3_1_every_column_checked(clean, col):
    clean.values[f"t3.carried_out.{col}"] = 7
    assert any(f"t3.carried_out.{col}" in f.cell_ids for f in run(clean, rule="T3-1") + run(clean, rule="T3-3"))


def test_t3_2_total_row_must_equal_results(clean):
    clean.values["t3.withheld.secret.natural"] = 1  # a sub-row of a group without subtotal
    clean.values["t3.withheld.secret.total"] = 1
    f = run(clean, rule="T3-2")
    assert [x.cell_ids[0] for x in f] == ["t3.total.natural", "t3.total.total"]
    assert "t3.withheld.secret.natural" in f[0].cell_ids
    assert "（七）总计填的是3" in f[0].message and "相加是4" in f[0].message


def test_t3_2_counts_2021_other_subrows(clean):
    clean.values["t3.other.no_fee.business"] = 1
    clean.values["t3.other.no_fee.total"] = 1
    assert {f.cell_ids[0] for f in run(clean, rule="T3-2")} == {"t3.total.business", "t3.total.total"}


def test_t3_2_2019_single_other_row(seed):
    for cell in seed.spec.table("表三").cells:
        seed.values[cell.id] = 0
    seed.values["t3.other.natural"] = 2
    f = run(seed, rule="T3-2")
    assert f and f[0].cell_ids[0] == "t3.total.natural"


def test_t3_3_row_total(clean):
    clean.values["t3.disclosed.total"] = 3
    f = run(clean, rule="T3-3")
    assert len(f) == 1 and f[0].cell_ids[0] == "t3.disclosed.total"
    assert len(f[0].cell_ids) == 7
    assert "（一）予以公开" in f[0].message


def test_blank_total_is_not_an_arithmetic_error(clean):
    clean.values["t3.disclosed.total"] = None
    assert run(clean, rule="T3-3") == [] and run(clean, rule="T3-1") == []
    assert run(clean, rule="B-1") == []  # its derived value exists


@pytest.mark.parametrize("block", ["review", "direct", "after_review"])
def test_t4_1_each_block(clean, block):
    clean.values[f"t4.{block}.pending"] = 2
    f = run(clean, rule="T4-1")
    assert len(f) == 1 and f[0].cell_ids[0] == f"t4.{block}.total"
    assert "表四/" in f[0].cells[0]


def test_type_negative_and_fraction(clean):
    clean.values["t3.disclosed.natural"] = -2
    clean.values["t4.review.upheld"] = Decimal("0.5")
    f = run(clean, rule="TYPE")
    assert {x.cell_ids[0] for x in f} == {"t3.disclosed.natural", "t4.review.upheld"}
    assert all(x.is_error for x in f)


def test_type_allows_signed_change_in_2019(seed):
    seed.values["t2.a5.licensing.change"] = -4
    assert run(seed, rule="TYPE") == []


def test_u1_amount_probably_in_yuan(clean):
    clean.values["t2.a8.fees.amount"] = Decimal(251000)
    f = run(clean, rule="U-1")
    assert f and f[0].cell_ids == ("t2.a8.fees.amount",) and not f[0].is_error
    clean.values["t2.a8.fees.amount"] = Decimal("25.1")
    assert run(clean, rule="U-1") == []
