"""export_pdf: the draft mark, byte-stable output, atomic writing, progress, threads."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import threading

import pytest
from pypdf import PdfReader

from disclosure_desk.errors import CannotWriteError
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf import export as export_mod
from disclosure_desk.pdf.export import export_pdf, render_pdf_bytes
from tests.conftest import REPO, SAMPLE_2021_JSON, SEED_JSON
from tests.pdf.conftest import render

MARK = "草稿（未通过校验）"


def test_a_report_with_errors_is_marked_on_every_page(rendered_2019):
    assert rendered_2019.result.draft_mark
    for page in rendered_2019.pages:
        assert MARK in page.extract_text()


def test_a_clean_report_has_no_mark(rendered_2021):
    assert not rendered_2021.result.draft_mark
    for page in rendered_2021.pages:
        assert "草稿" not in page.extract_text()


def test_one_error_is_enough_for_the_mark():
    d = copy.deepcopy(read_report_file(SAMPLE_2021_JSON))
    d.values["t3.new.natural"] = 4  # breaks T3-1 and T3-3
    r = render(d)
    assert r.result.draft_mark and MARK in r.pages[0].extract_text()


def test_the_previous_report_is_used_for_the_decision():
    d = read_report_file(SAMPLE_2021_JSON)
    prev = copy.deepcopy(d)
    prev.year = 2024
    assert not render(d, previous=prev).result.draft_mark


def test_invariant_output_is_byte_stable():
    d = read_report_file(SAMPLE_2021_JSON)
    first = render_pdf_bytes(d, invariant=True, bundled_fonts_only=True)
    assert render_pdf_bytes(d, invariant=True, bundled_fonts_only=True) == first


def test_invariant_output_is_the_same_in_a_fresh_process(tmp_path, rendered_2021):
    code = (
        "import sys\n"
        "from disclosure_desk.interchange import read_report_file\n"
        "from disclosure_desk.pdf.export import render_pdf_bytes\n"
        "d = read_report_file(sys.argv[1])\n"
        "open(sys.argv[2], 'wb').write(render_pdf_bytes(d, invariant=True, bundled_fonts_only=True))\n"
    )
    out = tmp_path / "fresh.pdf"
    subprocess.run([sys.executable, "-c", code, str(SAMPLE_2021_JSON), str(out)], check=True, cwd=REPO, timeout=120)
    assert out.read_bytes() == rendered_2021.data


def test_export_writes_the_file_and_reports(tmp_path):
    target = tmp_path / "报告.pdf"
    calls = []
    result = export_pdf(read_report_file(SEED_JSON), target, progress=lambda p, m: calls.append((p, m)))
    assert result.path == target and target.read_bytes()[:5] == b"%PDF-"
    assert result.pages == len(PdfReader(target).pages) and result.size == target.stat().st_size
    assert result.draft_mark and result.missing_chars == []
    percents = [p for p, _ in calls]
    assert percents == sorted(percents) and percents[-1] == 100 and all(isinstance(m, str) for _, m in calls)
    assert os.listdir(tmp_path) == ["报告.pdf"]  # no temporary file left


def _old_pdf(tmp_path):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"%PDF-1.4 the old one")
    return target


def test_a_failed_build_leaves_the_old_pdf(tmp_path, monkeypatch):
    target = _old_pdf(tmp_path)

    def boom(*a, **k):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(export_mod, "build_story", boom)
    with pytest.raises(RuntimeError):
        export_pdf(read_report_file(SAMPLE_2021_JSON), target)
    assert target.read_bytes() == b"%PDF-1.4 the old one" and os.listdir(tmp_path) == ["old.pdf"]


def test_a_read_only_pdf_is_refused_and_kept(tmp_path):
    target = _old_pdf(tmp_path)
    target.chmod(0o444)
    try:
        with pytest.raises(CannotWriteError, match="只读") as e:
            export_pdf(read_report_file(SAMPLE_2021_JSON), target)
        assert e.value.exit_code == 3
        assert target.read_bytes() == b"%PDF-1.4 the old one"
    finally:
        target.chmod(0o644)


def test_a_pdf_locked_by_a_viewer_is_reported_and_kept(tmp_path, monkeypatch):
    """On Windows a PDF open in a viewer cannot be replaced: os.replace raises PermissionError."""
    target = _old_pdf(tmp_path)

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(CannotWriteError, match="正被其他程序") as e:
        export_pdf(read_report_file(SAMPLE_2021_JSON), target)
    assert e.value.exit_code == 3
    assert target.read_bytes() == b"%PDF-1.4 the old one" and os.listdir(tmp_path) == ["old.pdf"]


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CannotWriteError, match="不存在"):
        export_pdf(read_report_file(SAMPLE_2021_JSON), tmp_path / "nowhere" / "r.pdf")


def test_exports_from_worker_threads(tmp_path):
    d = read_report_file(SAMPLE_2021_JSON)
    errors = []

    def work(n):
        try:
            export_pdf(d, tmp_path / f"{n}.pdf", invariant=True)
        except Exception as e:
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len({(tmp_path / f"{n}.pdf").read_bytes() for n in range(3)}) == 1
