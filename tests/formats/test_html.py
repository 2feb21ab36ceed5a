"""The web page parsed back with html5lib: valid, every cell at its grid position, nothing executable."""

from __future__ import annotations

import copy
import re

import pytest

from disclosure_desk.formats import write_report
from disclosure_desk.formats.html_format import BANNER_TEXT, render_html
from disclosure_desk.formats.report_content import needs_draft_mark, report_content
from tests.formats.readback import XHTML, element_text, expected_grid, html_grid, html_sequence, numbered, parse_html
from tests.pdf.conftest import assert_in_order, reading_sequence, render, squash


def html_of(draft, *, fragment=False):
    return render_html(report_content(draft, draft_mark=needs_draft_mark(draft)), fragment=fragment)


@pytest.fixture(params=["2021", "2019"])
def draft(request, sample_2021, seed_draft):
    return sample_2021 if request.param == "2021" else seed_draft


def tagged(root, name):
    return [e for e in root.iter() if e.tag == f"{XHTML}{name}"]


@pytest.mark.parametrize("fragment", [False, True])
def test_parses_without_a_single_error(draft, fragment):
    _, errors = parse_html(html_of(draft, fragment=fragment), fragment=fragment)
    assert errors == []


def test_the_page_is_a_whole_document_and_the_fragment_is_not(sample_2021):
    page, fragment = html_of(sample_2021), html_of(sample_2021, fragment=True)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert 'name="viewport"' in page and "<title>青禾县统计局2025年政府信息公开工作年度报告</title>" in page
    assert fragment.startswith("<div") and "<html" not in fragment and "<head" not in fragment
    assert fragment in page


@pytest.mark.parametrize("fragment", [False, True])
def test_nothing_executable_and_no_style_sheet(draft, fragment):
    text = html_of(draft, fragment=fragment)
    root, _ = parse_html(text, fragment=fragment)
    names = {e.tag.replace(XHTML, "") for e in root.iter() if isinstance(e.tag, str)}
    assert not names & {"script", "style", "link", "iframe", "object", "embed", "img", "form"}
    attributes = {a for e in root.iter() if isinstance(e.tag, str) for a in e.attrib}
    assert not [a for a in attributes if a.lower().startswith("on") or a in ("href", "src", "class")]


def test_every_cell_at_its_grid_position(draft):
    draft = numbered(draft)  # every value different: a swapped cell cannot pass
    root, _ = parse_html(html_of(draft))
    tables = tagged(root, "table")
    assert len(tables) == 3
    for table, spec in zip(tables, draft.spec.tables, strict=True):
        assert html_grid(table) == expected_grid(draft, spec), spec.key


def test_header_rows_in_thead_labels_in_th_values_in_td(sample_2021):
    root, _ = parse_html(html_of(sample_2021))
    t2, t3, t4 = tagged(root, "table")
    assert not tagged(t2, "thead")
    for table, spec in ((t3, sample_2021.spec.table("表三")), (t4, sample_2021.spec.table("表四"))):
        (head,) = tagged(table, "thead")
        assert len(tagged(head, "tr")) == spec.header_rows
        assert not tagged(head, "td")
    values = sum(1 for t in (t2, t3, t4) for _ in tagged(t, "td"))
    assert values == len(sample_2021.spec.all_cells)


def test_structure_for_readers_headings_paragraphs_signature_last(draft):
    root, _ = parse_html(html_of(draft, fragment=True), fragment=True)
    (title,) = tagged(root, "h1")
    assert element_text(title) == draft.display_title
    assert [element_text(h) for h in tagged(root, "h2")] == [s.title for s in draft.spec.sections]
    paragraphs = [element_text(p) for p in tagged(root, "p")]
    start = 1 if needs_draft_mark(draft) else 0
    assert paragraphs[start] == draft.preface
    assert paragraphs[-2] == (draft.signature_organ or draft.organ)


def test_tables_scroll_sideways_on_a_phone(sample_2021):
    root, _ = parse_html(html_of(sample_2021))
    for table in tagged(root, "table"):
        wrapper = next(e for e in root.iter() if table in list(e))
        assert wrapper.tag == f"{XHTML}div" and "overflow-x:auto" in wrapper.get("style")
    page = html_of(sample_2021)
    assert "width=device-width" in page
    assert re.search(r"<table style=\"[^\"]*min-width:\d+px", page)  # 表三/表四 keep readable columns


def test_banner_only_when_there_are_errors(sample_2021, seed_draft):
    assert BANNER_TEXT not in html_of(sample_2021)
    root, _ = parse_html(html_of(seed_draft, fragment=True), fragment=True)
    first = next(e for e in root.iter() if e.tag == f"{XHTML}p")
    assert element_text(first) == BANNER_TEXT and "草稿（未通过校验）" in BANNER_TEXT


def test_same_text_labels_and_values_as_the_pdf(draft):
    pdf_text = squash("".join(reading_sequence(render(draft))))
    root, _ = parse_html(html_of(draft, fragment=True), fragment=True)
    sequence = html_sequence(root)
    if needs_draft_mark(draft):
        sequence = sequence[1:]  # the banner is the web page's own
    assert_in_order(pdf_text, sequence)


HOSTILE = [
    "<b>x</b>&amp;",
    "</table>",
    "<script>alert(1)</script>",
    "\"引号\" '单引号'",
    "]]>",
    "&#x41;",
    "<!-- 注释 -->",
    "<style>p{}</style>",
]


def test_hostile_user_text_is_escaped_everywhere(sample_2021, tmp_path):
    d = copy.deepcopy(sample_2021)
    d.sections["六、其他需要报告的事项"] = "\n".join(HOSTILE) + "\n响铃\x07孤\ud800"
    d.preface = "</p></div><script>x</script>"
    d.organ = d.signature_organ = "<i>青禾</i>&局"
    d.title = "<title>假标题</title>"
    write_report(d, tmp_path / "hostile.html")
    text = (tmp_path / "hostile.html").read_text(encoding="utf-8")
    root, errors = parse_html(text)
    assert errors == []
    assert not tagged(root, "script") and not tagged(root, "style") and not tagged(root, "i")
    paragraphs = [element_text(p) for p in tagged(root, "p")]
    for piece in HOSTILE:
        assert piece in paragraphs
    assert "响铃\u2407孤\ufffd" in paragraphs
    assert paragraphs[0] == "</p></div><script>x</script>" and paragraphs[-2] == "<i>青禾</i>&局"
    assert element_text(tagged(root, "h1")[0]) == "<title>假标题</title>"
    assert element_text(tagged(root, "title")[0]) == "<title>假标题</title>"
    assert "&lt;b&gt;x&lt;/b&gt;&amp;amp;" in text
    assert text.count("</table>") == 3 and text.count("<script") == 0  # only our own three tables
