"""Our Word file opened by another word processor: LibreOffice converts it to PDF without error, and
the result has the PDF's text in order and about as many pages (the fonts of both: the bundled ones)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from disclosure_desk.formats import write_report
from disclosure_desk.pdf.export import render_pdf
from tests.formats.office import convert_to_pdf, soffice
from tests.pdf.conftest import assert_in_order, squash

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (libreoffice-writer) is not installed"),
]


@pytest.fixture(params=["2021", "2019"])
def draft(request, sample_2021, seed_draft):
    return sample_2021 if request.param == "2021" else seed_draft


def test_libreoffice_converts_it_and_agrees_with_our_pdf(draft, tmp_path):
    docx_path = tmp_path / "report.docx"
    write_report(draft, docx_path)
    done = convert_to_pdf(docx_path, tmp_path)
    assert done.returncode == 0, done.stderr
    converted = tmp_path / "report.pdf"
    assert converted.exists(), done.stdout + done.stderr
    theirs = PdfReader(str(converted))
    ours = PdfReader(io.BytesIO(render_pdf(draft, invariant=True, bundled_fonts_only=True)[0]))
    assert abs(len(theirs.pages) - len(ours.pages)) <= 1, (len(theirs.pages), len(ours.pages))
    text = squash("".join(page.extract_text() for page in theirs.pages))
    organ = draft.signature_organ or draft.organ
    assert_in_order(text, [draft.display_title, *(s.title for s in draft.spec.sections), organ])
    # one-row labels: LibreOffice may split a row-spanning one (三、本年度办理结果) across two pages
    for label in ("第二十条第（一）项", "1.属于国家秘密", "（七）总计", "四、结转下年度继续办理", "未经复议直接起诉"):
        assert label in text
