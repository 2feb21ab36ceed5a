"""Label matching and placement by labels and geometry, on tables built here (not only the fixtures)."""

from __future__ import annotations

import pytest

from disclosure_desk.formats.document import Table
from disclosure_desk.formats.labels import LabelResolver, MatchKind, label_key, printed_text
from disclosure_desk.formats.limits import LimitExceededError, Limits
from disclosure_desk.formats.placement import place_tables
from disclosure_desk.formats.recognition import CellStatus
from disclosure_desk.formats.table_grid import MAX_SPAN, SpanCell, grid_from_rows
from disclosure_desk.spec import get_spec

T3_LABELS = [c.text for c in get_spec("2021").table("表三").grid if c.text]


@pytest.mark.parametrize(
    ("printed", "official", "kind"),
    [
        ("（一）予以公开", "（一）予以公开", MatchKind.EXACT),
        ("(一)予以公开", "（一）予以公开", MatchKind.NORMALISED),
        ("商业\n企业", "商业企业", MatchKind.EXACT),  # a label broken over two lines is still the label
        ("3.其它", "3.其他", MatchKind.NORMALISED),
        ("法人或其它\n组织", "法人或其他组织", MatchKind.NORMALISED),
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”", MatchKind.NORMALISED),
        ("1、属于国家秘密", "1.属于国家秘密", MatchKind.NORMALISED),
        ("4.保护第三方合法权意", "4.保护第三方合法权益", MatchKind.APPROXIMATE),
    ],
)
def test_printed_labels_resolve(printed, official, kind):
    res = LabelResolver(T3_LABELS).resolve(printed)
    assert (res.official, res.kind) == (official, kind)


@pytest.mark.parametrize(
    "printed",
    [
        "本年结转政府信息公开申请数量",  # half 一 (本年新收), half 二 (上年结转): too close to both to guess
        "其它",  # 2 characters: short labels must match exactly (其他 is exact after normalisation, 其它 too)
        "总",
        "小计",
        "法人小计",
    ],
)
def test_labels_too_far_or_too_ambiguous_are_not_guessed(printed):
    res = LabelResolver(T3_LABELS).resolve(printed)
    assert res.official in (None, "其他")  # 其它 is 其他 after normalisation: fine; nothing else may match
    if printed != "其它":
        assert res.official is None


def test_keys_ignore_brackets_spaces_quotes_and_its_variant():
    assert label_key(" （二）部分公开(区分处理的，只计这一情形，不计其他情形) ") == label_key(
        "（二）部分公开（区分处理的，只计这一情形，不计其它情形）"
    )
    assert printed_text("本年新\n制作数量") == "本年新制作数量"
    assert printed_text("Total\namount") == "Total amount"


def _t4(rows: list[list[SpanCell]]) -> Table:
    return Table(grid_from_rows(rows, Limits()), 1)


def _span(text: str, rowspan: int = 1, colspan: int = 1) -> SpanCell:
    return SpanCell(text, rowspan, colspan)


def _t4_rows(order: list[str], values: list[str]) -> list[list[SpanCell]]:
    head2 = [_span(label, rowspan=2) for label in order] + [
        _span("未经复议直接起诉", colspan=5),
        _span("复议后起诉", colspan=5),
    ]
    return [
        [_span("行政复议", colspan=5), _span("行政诉讼", colspan=10)],
        head2,
        [_span(label) for label in order] * 2,
        [_span(v) for v in values],
    ]


def test_columns_are_placed_by_their_headers_not_their_position():
    order = ["总计", "尚未审结", "其他结果", "结果纠正", "结果维持"]  # printed in reverse order
    values = [str(i) for i in range(1, 16)]
    result = place_tables([_t4(_t4_rows(order, values))], "2021", "x")
    assert result.values["t4.review.total"] == 1 and result.values["t4.review.upheld"] == 5
    assert result.values["t4.direct.total"] == 6 and result.values["t4.after_review.upheld"] == 15


def test_a_table_with_an_extra_unknown_column_places_the_rest_and_lists_it():
    rows = _t4_rows(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], [str(i) for i in range(1, 16)])
    rows[0].append(_span("备注", rowspan=3))
    rows[3].append(_span("7"))
    result = place_tables([_t4(rows)], "2021", "x")
    assert result.values["t4.after_review.total"] == 15
    assert [u.printed for u in result.unplaced] == ["7"] and "备注" in result.unplaced[0].reason


def test_rows_are_placed_by_their_labels_wherever_they_stand():
    header = [
        [_span("", 3, 3), _span("申请人情况", colspan=7)],
        [_span("自然人", 2), _span("法人或其他组织", colspan=5), _span("总计", 2)],
        [_span(x) for x in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
    ]
    body = [
        [_span("四、结转下年度继续办理", colspan=3), *[_span("2")] * 7],
        [_span("一、本年新收政府信息公开申请数量", colspan=3), *[_span("9")] * 7],
        [_span("（八）新增情形", colspan=3), *[_span("1")] * 7],
    ]
    result = place_tables([_t4(header + body)], "2021", "x")
    assert result.values["t3.carried_out.natural"] == 2 and result.values["t3.new.total"] == 9
    assert len(result.unplaced) == 7 and "（八）新增情形" in result.unplaced[0].reason
    assert result.readings["t3.carried_in.natural"].status is CellStatus.MISSING


def test_hostile_spans_are_capped_and_counted():
    one = grid_from_rows([[_span("行政复议", rowspan=10**9, colspan=10**9)]], Limits())
    assert (one.n_rows, one.n_cols) == (1, MAX_SPAN)
    rows = [[_span("x", colspan=10**9)] for _ in range(10)]
    with pytest.raises(LimitExceededError, match="单元格超过 1000 个"):
        grid_from_rows(rows, Limits(max_cells=1000))


def test_a_misprinted_column_header_beside_a_long_label_with_the_same_characters():
    """The quick upper bound of similarity must not spoil the margin (本年收费金额（单位：万元） shares 本年…件数-like
    characters with 本年制法件数 but is not close)."""
    from disclosure_desk.formats.placement import vocabularies

    res = vocabularies("2021")["表二"].resolver.resolve("本年制法件数")
    assert (res.official, res.kind) == ("本年制发件数", MatchKind.APPROXIMATE)
