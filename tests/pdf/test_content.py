"""Reading the samples back: every title, label and value, in official order; tables with their merges."""

from __future__ import annotations

from disclosure_desk.domain import format_value
from disclosure_desk.spec import GridRole
from tests.pdf.conftest import assert_in_order, clean, reading_sequence, squash


def expected_sequence(draft) -> list[str]:
    """What must be read, in this order: title, preface, every section with its text or table, signature."""
    out = [draft.display_title, draft.preface]
    for section in draft.spec.sections:
        out.append(section.title)
        if section.is_table:
            spec = draft.spec.table(section.table)
            for g in sorted(spec.grid, key=lambda g: (g.row, g.col)):
                if g.role is GridRole.STUB and g.rowspan > 1 and g.col == 0:
                    continue  # 三、本年度办理结果: printed on the piece of its span tall enough for it
                out.append(format_value(draft.value(g.cell_id)) if g.role is GridRole.VALUE else g.text)
            out.append(spec.note)
        else:
            out += draft.section_text(section.title).split("\n")
    out.append(draft.signature_organ or draft.organ)
    if draft.signature_date:
        d = draft.signature_date
        out.append(f"{d.year}年{d.month}月{d.day}日")
    return out


def test_everything_is_printed_in_official_order(sample):
    draft, rendered = sample
    text = squash("".join(reading_sequence(rendered)))
    assert_in_order(text, expected_sequence(draft))
    assert "三、本年度办理结果" in text


def test_sections_follow_each_other_in_official_order(sample):
    draft, rendered = sample
    text = squash("".join(reading_sequence(rendered)))
    positions = [text.find(s.title) for s in draft.spec.sections]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)


def _tables(rendered):
    return [t for page in rendered.pages for t in clean(page).extract_tables()]


def test_table_four_has_the_official_merged_header(rendered_2021):
    (t4,) = [t for t in _tables(rendered_2021) if t[0][0] == "行政复议"]
    assert t4[0] == ["行政复议", None, None, None, None, "行政诉讼"] + [None] * 9
    assert t4[1][5] == "未经复议直接起诉" and t4[1][10] == "复议后起诉"
    assert t4[1][6:10] == [None] * 4 and t4[1][11:15] == [None] * 4
    assert [squash(c) for c in t4[1][:5]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert t4[2][:5] == [None] * 5  # the 行政复议 columns span two header rows
    assert [squash(c) for c in t4[2][5:]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    assert t4[3] == ["1", "0", "0", "0", "1"] + ["0"] * 10


def test_table_three_header_and_stub_merges(rendered_2021):
    t3 = [t for t in _tables(rendered_2021) if len(t[0]) > 3 and t[0][3] == "申请人情况"]
    first = t3[0]
    assert squash(first[0][0]) == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert first[0][1:3] == [None, None] and first[1][:3] == [None] * 3 and first[2][:3] == [None] * 3
    assert first[0][4:] == [None] * 6  # 申请人情况 spans seven columns
    assert squash(first[1][3]) == "自然人" and first[2][3] is None
    assert first[1][4] == "法人或其他组织" and first[1][5:9] == [None] * 4
    assert [squash(c) for c in first[2][4:9]] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert first[1][9] == "总计" and first[2][9] is None
    new = first[3]
    assert new[0] == "一、本年新收政府信息公开申请数量" and new[1:3] == [None, None]
    assert new[3:] == ["3", "1", "0", "0", "0", "0", "4"]
    results = first[5]
    assert squash(results[0]) == "三、本年度办理结果" and results[1] == "（一）予以公开" and results[2] is None
    withheld = next(r for r in first if r[1] and squash(r[1]) == "（三）不予公开")
    assert withheld[0] is None and squash(withheld[2]) == "1.属于国家秘密"


def test_table_two_2019_blocks_and_note(rendered_2019):
    (t2,) = [t for t in _tables(rendered_2019) if t[0][0] == "第二十条第（一）项"]
    captions = [row[0] for row in t2 if row[0] and row[0].startswith("第二十条")]
    assert captions == [f"第二十条第（{n}）项" for n in "一五六八九"]
    assert all(set(row[1:]) == {None} for row in t2 if row[0] in captions)  # a caption spans the table
    headers = [[c for c in row if c is not None] for row in t2 if row[0] == "信息内容"]
    assert headers == [
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["信息内容", "上一年项目数量", "本年增/减"],  # two columns, as wide as the usual three
        ["信息内容", "采购项目数量", "采购总金额"],
    ]
    assert "注：采购总金额单位为万元。" in squash("".join(reading_sequence(rendered_2019)))


def test_blank_cells_print_blank(rendered_2019):
    (t4,) = [t for t in _tables(rendered_2019) if t[0][0] == "行政复议"]
    assert t4[3] == [""] * 15


def test_signature_has_organ_and_arabic_date(rendered_2021):
    last = rendered_2021.pages[-1].extract_text()
    assert "青禾县统计局" in last and "2026年1月20日" in last


def test_pdf_metadata(rendered_2021):
    import io

    from pypdf import PdfReader

    meta = PdfReader(io.BytesIO(rendered_2021.data)).metadata
    assert meta.title == "青禾县统计局2025年政府信息公开工作年度报告"
    assert meta.author == "青禾县统计局"
    assert meta.creator == "Disclosure Desk"


def test_a_suggested_heading_with_nothing_under_it_is_not_printed(sample_2021):
    from disclosure_desk.domain import SectionPart

    from .conftest import render

    parts = sample_2021.sections["一、总体情况"]
    sample_2021.sections["一、总体情况"] = (*parts, SectionPart("（六）空着的小标题", "  "))
    text = "".join(c["text"] for page in render(sample_2021).pages for c in page.chars)
    assert "空着的小标题" not in text
    assert "（五）监督保障" in text
