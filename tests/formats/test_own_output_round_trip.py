"""Our own outputs read back: every sample → our Word file, web page (whole and CMS fragment) and PDF →
the importer → the same report (tables, title, organ, year, preface, sections, 落款)."""

from __future__ import annotations

import re

import pytest

from disclosure_desk.formats import read_report, write_report
from disclosure_desk.interchange import read_report_file
from tests.conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.json"))
OUTPUTS = ["docx", "html", "fragment.html", "pdf"]


def _write(draft, tmp_path, kind):
    path = tmp_path / f"report.{kind}"
    if kind == "fragment.html":
        from disclosure_desk.formats.html_format import write

        write(draft, path, fragment=True)
    else:
        write_report(draft, path)
    return path


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kind", OUTPUTS)
@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_our_output_reads_back_into_the_same_report(sample, kind, tmp_path):
    original = read_report_file(sample)
    got = read_report(_write(original, tmp_path, kind)).draft
    assert (got.edition, got.year, got.organ) == (original.edition, original.year, original.organ)
    assert _squeeze(got.display_title) == _squeeze(original.display_title)
    assert {c.id: got.values.get(c.id) for c in original.spec.all_cells} == {
        c.id: original.values.get(c.id) for c in original.spec.all_cells
    }
    assert _squeeze(got.preface) == _squeeze(original.preface)
    for section in original.spec.narrative_sections:
        assert _squeeze(got.section_text(section.title)) == _squeeze(original.section_text(section.title)), (
            section.title
        )
    assert got.signature_organ == (original.signature_organ or original.organ)  # printed as the 落款 shows it
    assert got.signature_date == original.signature_date
