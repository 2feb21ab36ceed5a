"""What clerks type into a cell, accepted and normalised or refused naming the cell."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_desk.domain import ValueParseError, format_value, parse_value
from disclosure_desk.spec import get_spec

S19, S21 = get_spec("2019"), get_spec("2021")
COUNT = S21.cell("t3.new.natural")
SIGNED = S19.cell("t2.a5.licensing.change")
AMOUNT = S21.cell("t2.a8.fees.amount")


@pytest.mark.parametrize(
    ("text", "cell", "expected"),
    [
        ("12", COUNT, 12),
        ("１２", COUNT, 12),
        ("1,280", COUNT, 1280),
        ("1，280", COUNT, 1280),
        ("１，２８０", COUNT, 1280),
        (" 3 ", COUNT, 3),
        ("3\u3000", COUNT, 3),
        ("1 280", COUNT, 1280),
        ("12件", COUNT, 12),
        ("0", COUNT, 0),
        ("", COUNT, None),
        ("   ", COUNT, None),
        ("减4", SIGNED, -4),
        ("-4", SIGNED, -4),
        ("−4", SIGNED, -4),
        ("－４", SIGNED, -4),
        ("增4", SIGNED, 4),
        ("+4", SIGNED, 4),
        ("12.5", AMOUNT, Decimal("12.5")),
        ("１２.５", AMOUNT, Decimal("12.5")),
        ("１２．５０", AMOUNT, Decimal("12.50")),
        ("25.1万元", AMOUNT, Decimal("25.1")),
        ("1,234.5", AMOUNT, Decimal("1234.5")),
        ("7", AMOUNT, 7),
    ],
)
def test_accepted(text, cell, expected):
    value = parse_value(text, cell)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "cell", "reason"),
    [
        ("/", COUNT, "没有发生的请填 0"),
        ("—", COUNT, "没有发生的请填 0"),
        ("无", COUNT, "没有发生的请填 0"),
        ("12.5", COUNT, "只能填整数"),
        ("-3", COUNT, "不能为负数"),
        ("减3", COUNT, "不能为负数"),
        ("1,28", COUNT, "千位分隔符"),
        ("三", COUNT, "阿拉伯数字"),
        ("abc", COUNT, "不是数字"),
        ("1.2.3", AMOUNT, "小数点多于一个"),
        ("251000元", AMOUNT, "万元"),
        ("0.00001", AMOUNT, "小数最多4位"),
        ("99999999999999", COUNT, "数值过大"),
        ("9" * 5000, COUNT, "数值过大"),
        ("1.5", SIGNED, "只能填整数"),
    ],
)
def test_refused_with_a_message_naming_the_cell(text, cell, reason):
    with pytest.raises(ValueParseError) as e:
        parse_value(text, cell)
    assert reason in e.value.message
    assert cell.label_path in e.value.message
    assert cell.kind.description in e.value.message


def test_file_values_keep_out_of_kind_numbers_for_the_type_check():
    assert parse_value(-3, COUNT, enforce_kind=False) == -3
    assert parse_value(Decimal("2.5"), COUNT, enforce_kind=False) == Decimal("2.5")
    assert parse_value(Decimal("12.0"), COUNT, enforce_kind=False) == 12
    assert parse_value("减3", COUNT, enforce_kind=False) == -3
    with pytest.raises(ValueParseError):
        parse_value(-3, COUNT)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN"), Decimal("Infinity"), 10**20, True])
def test_non_finite_huge_and_bool_refused(bad):
    with pytest.raises(ValueParseError):
        parse_value(bad, AMOUNT, enforce_kind=False)


@given(st.integers(min_value=0, max_value=10**11))
def test_every_count_written_any_way_reads_back(n):
    grouped = f"{n:,}"
    fullwidth = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for text in (str(n), grouped, grouped.replace(",", "，"), fullwidth, f" {n} 件"):
        assert parse_value(text, COUNT) == n


@given(st.text(max_size=30))
def test_any_text_parses_or_raises_a_user_message(text):
    for cell in (COUNT, SIGNED, AMOUNT):
        try:
            value = parse_value(text, cell)
        except ValueParseError as e:
            assert e.message and cell.label_path in e.message
        else:
            assert value is None or isinstance(value, (int, Decimal))


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_amounts_round_trip_through_their_display(d):
    assert parse_value(format_value(d), AMOUNT) == d
