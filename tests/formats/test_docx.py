"""The Word file read back with python-docx: order, styles, every cell in its merged place, page furniture."""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.table import Table
from lxml import etree

from disclosure_desk.formats import docx_oxml, write_report
from disclosure_desk.formats import docx_styles as ds
from disclosure_desk.formats.docx_format import render_docx
from disclosure_desk.formats.report_content import NO_DATE, needs_draft_mark, report_content
from disclosure_desk.pdf import styles as st
from disclosure_desk.pdf.export import render_pdf
from disclosure_desk.spec import GridRole
from tests.formats.readback import docx_grid, docx_sequence, expected_grid, numbered, open_docx, spanning_labels
from tests.pdf.conftest import assert_in_order, reading_sequence, render, squash


def docx_of(draft, previous=None):
    content = report_content(draft, draft_mark=needs_draft_mark(draft, previous))
    return open_docx(render_docx(content))


@pytest.fixture(params=["2021", "2019"])
def draft(request, sample_2021, seed_draft):
    return sample_2021 if request.param == "2021" else seed_draft


def test_order_title_preface_six_sections_signature(draft):
    document = docx_of(draft)
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == ds.TITLE
    assert paragraphs[0].text.replace("\n", "") == draft.display_title
    assert paragraphs[1].style.name == ds.BODY and paragraphs[1].text == draft.preface
    headings = [p.text for p in paragraphs if p.style.name == ds.HEADING_1]
    assert headings == [s.title for s in draft.spec.sections]
    organ, date = paragraphs[-2:]
    assert (organ.style.name, date.style.name) == (ds.SIGNATURE_ORGAN, ds.SIGNATURE_DATE)
    assert organ.text == (draft.signature_organ or draft.organ)
    d = draft.signature_date
    assert date.text == (f"{d.year}年{d.month}月{d.day}日" if d else NO_DATE)


def test_one_word_table_per_table_section_right_after_its_heading(draft):
    document = docx_of(draft)
    items = list(document.iter_inner_content())
    tables = [i for i, item in enumerate(items) if isinstance(item, Table)]
    assert len(document.tables) == 3
    for index, key in zip(tables, ("表二", "表三", "表四"), strict=True):
        heading = items[index - 1]
        assert heading.style.name == ds.HEADING_1
        assert heading.text == draft.spec.table(key).section_title


def test_every_label_and_value_in_its_merged_cell(draft):
    draft = numbered(draft)  # every value different: a swapped cell cannot pass
    document = docx_of(draft)
    for table, spec in zip(document.tables, draft.spec.tables, strict=True):
        assert docx_grid(table) == expected_grid(draft, spec), spec.key


def test_blank_cells_stay_blank_and_blank_totals_show_their_sum(sample_2021):
    d = copy.deepcopy(sample_2021)
    d.values["t4.review.upheld"] = None  # a blank cell
    d.values["t4.direct.total"] = None  # a blank total: the sum of its parts (all 0)
    d.values["t4.after_review.upheld"] = None
    d.values["t4.after_review.corrected"] = None
    d.values["t4.after_review.other"] = None
    d.values["t4.after_review.pending"] = None
    d.values["t4.after_review.total"] = None  # all parts blank: blank
    values = [cell for (row, _), cell in sorted(docx_grid(docx_of(d).tables[2]).items()) if row == 3]
    texts = [text for _, _, text in values]
    assert texts[0] == "" and texts[9] == "0" and texts[10:15] == [""] * 5


def test_header_rows_repeat_and_rows_do_not_split(draft):
    document = docx_of(draft)
    for table, spec in zip(document.tables, draft.spec.tables, strict=True):
        for r, tr in enumerate(table._tbl.tr_lst):
            props = tr.trPr
            assert (props.find(qn("w:tblHeader")) is not None) == (r < spec.header_rows), (spec.key, r)
            assert props.find(qn("w:cantSplit")) is not None


def test_tables_fill_the_type_area_with_the_spec_widths(draft):
    total = round(st.TYPE_AREA_WIDTH * 20)
    for table, spec in zip(docx_of(draft).tables, draft.spec.tables, strict=True):
        widths = [col.w.twips for col in table._tbl.tblGrid.gridCol_lst]
        assert sum(widths) == total
        for width, share in zip(widths, spec.col_widths, strict=True):
            assert abs(width - share * total) <= len(widths)  # rounding to twips; the last column takes the rest
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        assert tbl_w.get(qn("w:w")) == str(total) and tbl_w.get(qn("w:type")) == "dxa"


def test_vertical_label_of_the_results_block(sample_2021):
    table = docx_of(sample_2021).tables[1]
    directions = [
        tc
        for tr in table._tbl.tr_lst
        for tc in tr.tc_lst
        if tc.tcPr is not None and tc.tcPr.find(qn("w:textDirection")) is not None
    ]
    assert [t.xpath("string(.)") for t in directions] == ["三、本年度办理结果"]


# ---- styles and page -------------------------------------------------------------------------------


def _fonts(style):
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    assert all(rfonts.get(qn(a)) is None for a in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme"))
    return rfonts.get(qn("w:ascii")), rfonts.get(qn("w:eastAsia")), rfonts.get(qn("w:hint"))


@pytest.mark.parametrize(
    ("name", "east_asian", "size"),
    [
        (ds.BODY, "仿宋_GB2312", 16),
        (ds.TITLE, "方正小标宋简体", 22),
        (ds.HEADING_1, "黑体", 16),
        (ds.HEADING_2, "楷体_GB2312", 16),
        (ds.TABLE_VALUE, "仿宋_GB2312", 10.5),
        (ds.PAGE_NUMBER, "宋体", 14),
    ],
)
def test_named_styles_with_east_asian_fonts(sample_2021, name, east_asian, size):
    style = docx_of(sample_2021).styles[name]
    latin, east, hint = _fonts(style)
    assert east == east_asian and hint == "eastAsia"
    assert latin == ("宋体" if name == ds.PAGE_NUMBER else "Times New Roman")
    assert style.font.size == Pt(size) and not style.font.bold


def test_body_is_on_the_22_line_grid_with_a_two_character_indent(sample_2021):
    document = docx_of(sample_2021)
    body = document.styles[ds.BODY].paragraph_format
    assert body.line_spacing == Twips(579) and str(body.line_spacing_rule).startswith("EXACTLY")
    assert 22 * 579 <= st.TYPE_AREA_HEIGHT * 20 < 23 * 579  # 22 lines fill the 版心, a 23rd would not
    ind = document.styles[ds.BODY].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    spacing = document.styles[ds.BODY].element.rPr.find(qn("w:spacing"))
    assert 28 * (16 + int(spacing.get(qn("w:val"))) / 20) <= st.TYPE_AREA_WIDTH  # 28 characters a line


def test_text_uses_the_styles_not_direct_formatting(sample_2021):
    document = docx_of(sample_2021)
    used = {p.style.name for p in document.paragraphs}
    assert used == {ds.TITLE, ds.BODY, ds.HEADING_1, ds.HEADING_2, ds.SIGNATURE_ORGAN, ds.SIGNATURE_DATE}
    runs = [r for p in document.paragraphs for r in p.runs]
    assert all(
        r.element.rPr is None or r.element.rPr.getchildren() == [r.element.rPr.find(qn("w:rStyle"))] for r in runs
    )


def test_a4_page_with_the_gbt_9704_margins(sample_2021):
    section = docx_of(sample_2021).sections[0]
    mm = 36000  # EMU
    assert (round(section.page_width / mm), round(section.page_height / mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m / mm) for m in margins] == [37, 35, 28, 26]


def _field_instructions(part) -> list[str]:
    return [i.text.strip() for i in part._element.iter(qn("w:instrText"))]


def test_page_numbers_are_a_page_field_on_the_outer_side(sample_2021):
    document = docx_of(sample_2021)
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer, section.even_page_footer
    for footer in (odd, even):
        assert _field_instructions(footer) == ["PAGE"]
        (paragraph,) = footer.paragraphs
        assert paragraph.style.name == ds.PAGE_NUMBER
        assert paragraph.text.startswith("\u2014 ") and paragraph.text.endswith(" \u2014")
    assert odd.paragraphs[0].alignment is None  # the style's: right
    assert document.styles[ds.PAGE_NUMBER].paragraph_format.alignment == 2  # RIGHT
    assert even.paragraphs[0].alignment == 0  # LEFT


def test_draft_mark_is_a_header_line_only_when_there_are_errors(sample_2021, seed_draft):
    clean_doc = docx_of(sample_2021)
    assert all(
        not p.text for h in (clean_doc.sections[0].header, clean_doc.sections[0].even_page_header) for p in h.paragraphs
    )
    marked = docx_of(seed_draft)
    for header in (marked.sections[0].header, marked.sections[0].even_page_header):
        assert [p.text for p in header.paragraphs] == [st.DRAFT_MARK_TEXT]
        assert header.paragraphs[0].style.name == ds.DRAFT_MARK


def test_font_table_names_fallbacks_for_missing_official_fonts(sample_2021):
    document = docx_of(sample_2021)
    part = next(p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    text = part.blob.decode("utf-8")
    assert 'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in text
    assert 'w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in text


# ---- same text as the PDF -------------------------------------------------------------------------


def test_same_text_labels_and_values_as_the_pdf(draft):
    pdf_text = squash("".join(reading_sequence(render(draft))))
    document = docx_of(draft)
    assert_in_order(pdf_text, docx_sequence(document))
    for table in document.tables:  # a label over several rows: printed, wherever the layout puts it
        for label in spanning_labels(docx_grid(table)):
            assert squash(label) in pdf_text, label


# ---- hostile text and the registry ---------------------------------------------------------------


def test_user_text_is_text_and_unwritable_characters_are_replaced(sample_2021, tmp_path):
    d = copy.deepcopy(sample_2021)
    d.sections["六、其他需要报告的事项"] = "<b>x</b>&amp; </table> ]]> 响铃\x07 NUL\x00 孤\ud800 😀"
    d.organ = d.signature_organ = "<i>青禾</i>&局"
    result = write_report(d, tmp_path / "hostile.DOCX")
    document = open_docx((tmp_path / "hostile.DOCX").read_bytes())
    texts = [p.text for p in document.paragraphs]
    assert "<b>x</b>&amp; </table> ]]> 响铃\u2407 NUL\u2400 孤\ufffd 😀" in texts
    assert texts[-2] == "<i>青禾</i>&局"
    assert any("U+0007 BELL" in w for w in result.warnings)
    assert any("U+D800" in w for w in result.warnings)


@pytest.mark.parametrize("which", ["2021", "2019"])
def test_the_draft_mark_is_decided_as_for_the_pdf(sample_2021, seed_draft, tmp_path, which):
    d = sample_2021 if which == "2021" else seed_draft
    result = write_report(d, tmp_path / "r.docx")
    assert result.draft_mark == render_pdf(d, invariant=True)[1].draft_mark == (which == "2019")
    assert any("草稿（未通过校验）" in w for w in result.warnings) == result.draft_mark


def test_no_stray_direct_formatting_in_table_cells(sample_2021):
    table = docx_of(sample_2021).tables[1]
    styles = {p.style.name for row in table.rows for cell in row.cells for p in cell.paragraphs}
    assert styles == {ds.TABLE_HEADER, ds.TABLE_STUB, ds.TABLE_VALUE}


def _keeps(table) -> list[bool]:
    return [all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs) for row in table.rows]


def test_tables_break_where_the_pdf_may_break_them(sample_2021):
    t2, t3, t4 = docx_of(sample_2021).tables
    spec2 = sample_2021.spec.table("表二")
    block_ends = {g.row - 1 for g in spec2.grid if g.role is GridRole.CAPTION and g.row} | {spec2.grid_rows - 1}
    assert [r for r, keep in enumerate(_keeps(t2)) if not keep] == sorted(block_ends)  # only between blocks
    keeps = _keeps(t3)
    assert keeps[:5] == [True] * 5  # 3 header rows, then at least 3 value rows before a break
    withheld = next(g for g in sample_2021.spec.table("表三").grid if g.text == "（三）不予公开")
    assert keeps[withheld.row : withheld.row + withheld.rowspan - 1] == [True] * (withheld.rowspan - 1)
    assert keeps[-3:] == [True, True, False]  # never fewer than 2 rows after a break
    assert _keeps(t4) == [True, True, True, False]


def test_properties_are_in_the_order_word_requires(draft):
    """Word refuses a file whose w:pPr, w:rPr, w:tcPr … children are out of the schema's sequence
    (LibreOffice does not mind, so its conversion cannot show it)."""
    content = report_content(draft, draft_mark=True)
    with zipfile.ZipFile(io.BytesIO(render_docx(content))) as z:
        parts = [etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")]
    checked = 0
    for parent, order in docx_oxml._ORDERS.items():
        tags = [qn(t) for t in order]
        for root in parts:
            for element in root.iter(qn(parent)):
                children = [c.tag for c in element]
                assert set(children) <= set(tags), (parent, children)
                assert [tags.index(t) for t in children] == sorted(tags.index(t) for t in children), (parent, children)
                checked += 1
    assert checked > 500
