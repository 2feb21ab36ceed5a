"""The content every writer lays out: the PDF's order and decisions, made once."""

from __future__ import annotations

import copy
import datetime as dt

from disclosure_desk.domain import SectionPart
from disclosure_desk.formats.report_content import (
    NO_DATE,
    Heading,
    Paragraph,
    Signature,
    Table,
    Title,
    report_content,
    signature_block,
)
from disclosure_desk.spec import GridRole


def blocks_of(draft):
    return report_content(draft, draft_mark=False).blocks


def test_title_preface_sections_in_order_then_signature(sample_2021):
    blocks = blocks_of(sample_2021)
    assert isinstance(blocks[0], Title) and blocks[0].text == sample_2021.display_title
    assert blocks[1] == Paragraph(sample_2021.preface)
    level_1 = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert level_1 == [s.title for s in sample_2021.spec.sections]
    assert isinstance(blocks[-1], Signature) and blocks[-1].organ == "青禾县统计局"
    assert blocks[-1].date == "2026年1月20日"
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [t.key for t in tables] == ["表二", "表三", "表四"]
    for t in tables:  # each table follows its section's heading
        before = blocks[blocks.index(t) - 1]
        assert isinstance(before, Heading) and before.text == sample_2021.spec.table(t.key).section_title


def test_the_title_is_broken_into_balanced_lines_between_words(sample_2021):
    title = blocks_of(sample_2021)[0]
    assert title.parts == (("青禾县统计局", "2025年政府信息公开工作年度报告"),)


def test_sub_headings_and_inline_leads_as_in_the_pdf(sample_2021):
    d = copy.deepcopy(sample_2021)
    d.sections["一、总体情况"] = "（一）主动公开\n正文一。\n（二）依申请公开。本年度收到申请4件。\n  \n普通段落。"
    blocks = blocks_of(d)
    start = blocks.index(Heading("一、总体情况", 1))
    assert blocks[start + 1 : start + 5] == [
        Heading("（一）主动公开", 2),
        Paragraph("正文一。"),
        Paragraph("本年度收到申请4件。", lead="（二）依申请公开。"),
        Paragraph("普通段落。"),
    ]


def test_parts_with_no_text_are_left_out_and_part_text_has_no_inline_heading(sample_2021):
    d = copy.deepcopy(sample_2021)
    d.sections["一、总体情况"] = (
        SectionPart("（一）主动公开", "（一）不是小标题。正文。"),
        SectionPart("（二）依申请公开", "  "),
    )
    blocks = blocks_of(d)
    start = blocks.index(Heading("一、总体情况", 1))
    assert blocks[start + 1 : start + 4] == [
        Heading("（一）主动公开", 2),
        Paragraph("（一）不是小标题。正文。"),
        Heading("二、主动公开政府信息情况", 1),
    ]


def test_blank_cells_blank_totals_summed_labels_verbatim(sample_2021):
    d = copy.deepcopy(sample_2021)
    d.values["t3.new.natural"] = None
    d.values["t3.new.total"] = None  # blank total: the sum of its (other) parts
    t3 = next(b for b in blocks_of(d) if isinstance(b, Table) and b.key == "表三")
    cells = {(c.row, c.col): c for c in t3.cells}
    spec = d.spec.table("表三")
    assert len(t3.cells) == len(spec.grid)
    for g in spec.grid:
        if g.role is not GridRole.VALUE:
            assert cells[(g.row, g.col)].text == g.text
    by_id = {g.cell_id: cells[(g.row, g.col)].text for g in spec.grid if g.cell_id}
    assert by_id["t3.new.natural"] == ""
    assert by_id["t3.new.total"] == "1"  # 商业企业 1, others 0
    vertical = [c.text for c in t3.cells if c.vertical]
    assert vertical == ["三、本年度办理结果"]


def test_signature_centred_over_the_date_or_two_characters_in_for_a_long_name():
    short = signature_block("青禾县统计局", "2026年1月20日")
    assert (short.date_right, short.organ_right) == (4.0, 4.25)  # the date 6.5 characters, the name 6
    long = signature_block("青禾县人民政府办公室政务公开科", "2026年1月20日")
    assert long.organ_right == 2.0 and long.date_right == 2 + (15 - 6.5) / 2
    blank = signature_block("伊洛街道办事处", NO_DATE)
    assert blank.date_right == 4.0 and blank.organ_right == 4 + (11 - 7) / 2


def test_a_missing_date_leaves_room_to_write_it(sample_2021):
    d = copy.deepcopy(sample_2021)
    d.signature_date = None
    assert blocks_of(d)[-1].date == NO_DATE
    d.signature_date = dt.date(2026, 1, 5)
    assert blocks_of(d)[-1].date == "2026年1月5日"  # no leading zeros


def test_characters_no_file_can_hold_are_replaced_and_named(sample_2021):
    d = copy.deepcopy(sample_2021)
    d.preface = "甲\x07乙\tX\ud800\ufffe"
    content = report_content(d, draft_mark=False)
    assert content.blocks[1] == Paragraph("甲\u2407乙\u3000X\ufffd\ufffd")
    assert [(name.split()[0], where) for _, name, where in content.replaced] == [
        ("U+0007", "前言"),
        ("U+D800（代理码位（不成对））", "前言"),
        ("U+FFFE（未分配或非字符码位）", "前言"),
    ]
