"""Every cell fuzzed with what clerks type and paste: accepted and normalised, or refused naming the cell.

Counts, amounts (万元, Decimal end to end) and the 2019 signed changes; the paste of blocks copied from
Excel/WPS through the real table view; totals of extreme values exact, stored and read back exactly.
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_desk.domain import ValueParseError, format_value, parse_value
from disclosure_desk.domain.numbers import exact_sum
from disclosure_desk.interchange import parse_report_text, read_report_file
from disclosure_desk.interchange.writer import dumps_report
from disclosure_desk.spec import get_spec
from disclosure_desk.storage import DraftRepository, open_store

from .helpers import SAMPLE_2019, SAMPLE_2021

COUNT = get_spec("2021").cell("t3.new.natural")
AMOUNT = get_spec("2021").cell("t2.a8.fees.amount")
SIGNED = next(c for c in get_spec("2019").all_cells if c.kind.allows_negative)
KINDS = {"count": COUNT, "amount": AMOUNT, "signed": SIGNED}
NO = "no"  # refused

# what a clerk types -> (count, amount, signed); a string is words the refusal must contain
CASES = {
    "12": (12, 12, 12),
    "１２": (12, 12, 12),
    "1，280": (1280, 1280, 1280),
    "１，２８０": (1280, 1280, 1280),
    "1,280,000": (1280000, 1280000, 1280000),
    " 1 280 ": (1280, 1280, 1280),
    "1\u00a0280": (1280, 1280, 1280),
    "12\u3000": (12, 12, 12),
    "１２.５": ("只能填整数", Decimal("12.5"), "只能填整数"),
    "12。50": ("只能填整数", Decimal("12.50"), "只能填整数"),
    "12.0": (12, Decimal("12.0"), 12),
    "0.0001": ("只能填整数", Decimal("0.0001"), "只能填整数"),
    "0.00001": ("只能填整数", "小数最多4位", "只能填整数"),
    "12件": (12, "不是数字", 12),
    "12 项": (12, "不是数字", 12),
    "3.5万元": ("完整的数字", Decimal("3.5"), "完整的数字"),
    "3.5万": ("完整的数字", Decimal("3.5"), "完整的数字"),
    "251000元": ("不是数字", "换算成万元", "不是数字"),
    "减4": ("不能为负数", "不能为负数", -4),
    "-4": ("不能为负数", "不能为负数", -4),
    "－4": ("不能为负数", "不能为负数", -4),
    "—4": ("不能为负数", "不能为负数", -4),
    "增4": (4, 4, 4),
    "+4": (4, 4, 4),
    "—": ("没有发生的请填 0", "没有发生的请填 0", "没有发生的请填 0"),
    "——": ("没有发生的请填 0", "没有发生的请填 0", "没有发生的请填 0"),
    "/": ("没有发生的请填 0", "没有发生的请填 0", "没有发生的请填 0"),
    "／": ("没有发生的请填 0", "没有发生的请填 0", "没有发生的请填 0"),
    "无": ("没有发生的请填 0", "没有发生的请填 0", "没有发生的请填 0"),
    "-": ("没有发生的请填 0", "没有发生的请填 0", "没有发生的请填 0"),
    "": (None, None, None),
    "   ": (None, None, None),
    "十二": ("汉字数字", "汉字数字", "汉字数字"),
    "两件": ("汉字数字", "汉字数字", "汉字数字"),
    "〇": ("汉字数字", "汉字数字", "汉字数字"),
    "12万": ("完整的数字", 12, "完整的数字"),
    "1,28": ("千位分隔符", "千位分隔符", "千位分隔符"),
    "1.2.3": ("小数点多于一个", "小数点多于一个", "小数点多于一个"),
    "12①": ("特殊数字", "特殊数字", "特殊数字"),  # a footnote mark: NFKC would read 121
    "12¹": ("特殊数字", "特殊数字", "特殊数字"),
    "½": ("特殊数字", "特殊数字", "特殊数字"),
    "\u200b12\ufeff": (12, 12, 12),  # invisible characters from a web page
    "\u202d12\u202c": (12, 12, 12),
    "12\x00": (12, 12, 12),
    "999999999999": (999999999999, 999999999999, 999999999999),
    "1000000000000": ("数值过大", "数值过大", "数值过大"),
    "1e3": ("不是数字", "不是数字", "不是数字"),
    "12%": ("不是数字", "不是数字", "不是数字"),
    "=A1": ("不是数字", "不是数字", "不是数字"),
    "(12)": ("不是数字", "不是数字", "不是数字"),
}


@pytest.mark.parametrize("text", list(CASES))
@pytest.mark.parametrize("kind", list(KINDS))
def test_what_clerks_type_is_accepted_or_refused_naming_the_cell(text, kind):
    cell = KINDS[kind]
    expected = CASES[text][list(KINDS).index(kind)]
    if isinstance(expected, str):
        with pytest.raises(ValueParseError) as refused:
            parse_value(text, cell)
        assert cell.label_path in refused.value.message and expected in refused.value.message
        return
    value = parse_value(text, cell)
    assert value == expected and type(value) is type(expected), (value, expected)
    if isinstance(expected, Decimal):
        assert str(value) == str(expected)  # 12.50 stays 12.50


PIECES = [
    "0",
    "1",
    "2",
    "9",
    "12",
    "280",
    "０",
    "１",
    "９",
    ",",
    "，",
    ".",
    "。",
    "．",
    " ",
    "\u3000",
    "\t",
    "\u00a0",
    "-",
    "－",
    "—",
    "减",
    "增",
    "+",
    "件",
    "项",
    "万元",
    "万",
    "元",
    "/",
    "无",
    "①",
    "¹",
    "\u200b",
    "\ufeff",
    "a",
    "两",
    "十",
    "%",
    "(",
    "e",
    "\x00",
    "\r\n",
]
clerk_text = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=clerk_text, kind=st.sampled_from(list(KINDS)))
def test_any_clerk_text_is_a_value_of_the_cell_or_a_refusal_naming_it(text, kind):
    cell = KINDS[kind]
    try:
        value = parse_value(text, cell)
    except ValueParseError as e:
        assert cell.label_path in e.message and e.reason
        return
    if value is None:
        return
    assert type(value) in (int, Decimal) and abs(value) < 10**12
    if kind == "count":
        assert type(value) is int and value >= 0
    elif kind == "amount":
        assert value >= 0 and (type(value) is int or -value.as_tuple().exponent <= 4)
    else:
        assert type(value) is int
    assert parse_value(format_value(value), cell) == value  # what is shown reads back as the same value
    spaced = " ".join(text) if "\r\n" not in text else text
    assert parse_value(spaced, cell) == value  # spaces anywhere do not matter


FULL_WIDTH = str.maketrans("0123456789,.+-", "０１２３４５６７８９，．＋－")


@settings(max_examples=300, deadline=None)
@given(
    digits=st.text("0123456789", min_size=1, max_size=12),
    decimals=st.text("0123456789", max_size=4),
    kind=st.sampled_from(["amount", "count"]),
)
def test_full_width_and_grouped_figures_read_as_the_plain_ones(digits, decimals, kind):
    cell = KINDS[kind]
    plain = digits + (f".{decimals}" if decimals else "")
    grouped = f"{int(digits):,}" + (f".{decimals}" if decimals else "")
    try:
        value = parse_value(plain, cell)
    except ValueParseError:
        value = "refused"
    for variant in (grouped, plain.translate(FULL_WIDTH), grouped.translate(FULL_WIDTH), f" {plain}\u3000"):
        try:
            assert parse_value(variant, cell) == value, variant
        except ValueParseError:
            assert value == "refused", variant


# ---- totals: exact, stored and read back --------------------------------------------------------------


def _extreme(path):
    d = read_report_file(path)
    for c in d.spec.all_cells:
        if not c.is_total:
            d.values[c.id] = (
                Decimal("999999999999.9999")
                if c.kind.allows_decimals
                else -999999999999
                if c.kind.allows_negative
                else 999999999999
            )
    d.fill_totals()
    return d


@pytest.mark.parametrize("path", [SAMPLE_2021, SAMPLE_2019], ids=["2021", "2019"])
def test_extreme_values_and_their_totals_survive_the_store_and_report_json(path, tmp_path):
    d = _extreme(path)
    assert max(abs(v) for v in d.values.values()) > 10**14  # the 表三 corner: 126 cells of 10¹²
    with open_store(tmp_path / "drafts.sqlite3") as store:
        with store.session() as session:
            DraftRepository(session).save(d)
        with store.read_session() as session:
            loaded = DraftRepository(session).load(d.id)
    assert loaded.values == d.values and {k: str(v) for k, v in loaded.values.items()} == {
        k: str(v) for k, v in d.values.items()
    }
    again = parse_report_text(dumps_report(d))  # an export of what the app computed imports again
    assert again.values == d.values


def test_sums_are_exact_where_decimal_would_round():
    tiny = Decimal("0." + "0" * 29 + "1")
    big = Decimal(999999999999)
    assert exact_sum([big, tiny]) == Decimal("999999999999." + "0" * 29 + "1")
    assert big + tiny != exact_sum([big, tiny])  # what the default 28-digit context gives
    d = read_report_file(SAMPLE_2021)
    d = copy.deepcopy(d)
    d.values["t3.new.natural"], d.values["t3.new.business"] = big, tiny  # read from a file: kept for TYPE
    assert d.derived_value("t3.new.total") == exact_sum(
        [d.value(c) for c in d.spec.cell("t3.new.total").sum_of if d.value(c) is not None]
    )
    from disclosure_desk.checks import check

    d.values["t3.new.total"] = d.derived_value("t3.new.total")
    assert not [f for f in check(d) if f.rule == "T3-3" and "t3.new.total" in f.cell_ids]


# ---- paste from Excel / WPS through the real table view ---------------------------------------------------


@pytest.fixture
def table3(qapp):
    import disclosure_desk.ui  # noqa: F401 - the PySide6 work-around before any Qt call
    from disclosure_desk.ui.editors.table_model import ReportTableModel
    from disclosure_desk.ui.editors.table_view import ReportTableView
    from disclosure_desk.ui.session import ReportSession

    session = ReportSession(read_report_file(SAMPLE_2021))
    model = ReportTableModel(session.spec.table("表三"), session)
    view = ReportTableView(model)
    notices = []
    view.notice_requested.connect(lambda message, level: notices.append((level, message)))
    return session, model, view, notices


ROW = "t3.new.natural"


def _paste(table3, text, at=ROW):
    session, model, view, notices = table3
    before = dict(session.draft.values)
    view.setCurrentIndex(model.index_of(at))
    view.paste_text(text)
    return before, notices[-1] if notices else None


BLOCKS = {
    "Excel row with CRLF": ("1\t2\t3\t4\t5\t6\r\n", {"t3.new.natural": 1, "t3.new.other": 6, "t3.new.total": 21}),
    "full-width and grouped": ("１\t1，000\t\t\t\t０\r\n", {"t3.new.business": 1000, "t3.new.research": None}),
    "with its total, right": ("1\t1\t1\t1\t1\t1\t6\r\n", {"t3.new.total": 6}),
    "trailing empty columns": ("1\t2\t3\t4\t5\t6\t\t\t\r\n", {"t3.new.other": 6}),
    "two rows": ("1\t1\t1\t1\t1\t1\r\n2\t2\t2\t2\t2\t2\r\n", {"t3.carried_in.total": 12}),
    "quoted cells": ('"1"\t"2"\t3\t4\t5\t6\n', {"t3.new.business": 2}),
    "invisible characters from a web page": ("\u200b1\t2\ufeff\t3\t4\t5\t6", {"t3.new.natural": 1}),
}


@pytest.mark.parametrize("name", list(BLOCKS))
def test_a_block_from_a_spreadsheet_is_laid_over_the_value_cells(name, table3):
    text, expected = BLOCKS[name]
    session = table3[0]
    _, notice = _paste(table3, text)
    assert notice and notice[0] != "error", notice
    for cell_id, value in expected.items():
        assert session.draft.value(cell_id) == value, cell_id


REFUSED_BLOCKS = {
    "an extra column with a figure": ("1\t2\t3\t4\t5\t6\t7\t8\n", "只有"),
    "more rows than the table has": ("1\n" * 40, "行可填"),
    "a slash": ("1\t/\t3\n", "商业企业"),
    "a dash for none": ("—\t0\n", "自然人"),
    "a footnote mark": ("1\t2①\n", "商业企业"),
    "words": ("本年新收\t1\n", "自然人"),
    "a figure too large": ("1000000000000\n", "数值过大"),
    "a negative count": ("-1\n", "负数"),
    "a fraction in a count": ("1.5\n", "整数"),
}


@pytest.mark.parametrize("name", list(REFUSED_BLOCKS))
def test_a_block_that_does_not_fit_or_parse_changes_nothing_and_says_where(name, table3):
    text, words = REFUSED_BLOCKS[name]
    before, notice = _paste(table3, text)
    assert table3[0].draft.values == before
    assert notice and notice[0] == "error" and words in notice[1], notice


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.lists(clerk_text, min_size=1, max_size=9), min_size=1, max_size=5),
    sep=st.sampled_from(["\n", "\r\n"]),
)
def test_any_pasted_block_is_written_whole_or_not_at_all(table3, rows, sep):
    session, model, view, notices = table3
    text = sep.join("\t".join(r) for r in rows)
    before = dict(session.draft.values)
    notices.clear()
    view.setCurrentIndex(model.index_of(ROW))
    view.paste_text(text)
    if notices and notices[-1][0] == "error":
        assert session.draft.values == before  # refused as a whole
    else:
        for table in session.spec.tables:  # totals still the sums of their parts
            for cell in table.total_cells:
                if cell.id.startswith("t3.") and any(
                    k in before and before[k] != session.draft.value(k) for k in cell.sum_of
                ):
                    assert session.draft.value(cell.id) == session.draft.derived_value(cell.id)
    session.set_values(before, recompute=False)
