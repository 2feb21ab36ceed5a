"""`disclosure-desk docx` / `html` / `convert` to .docx and .html: exit codes as for `pdf`, atomic writes."""

from __future__ import annotations

import sys
import zipfile

import pytest

from tests.cli.test_pdf_command import cli
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON


def test_docx_writes_a_word_file(tmp_path):
    out = tmp_path / "report.docx"
    r = cli("docx", SAMPLE_2021_JSON, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "已生成" in r.stdout and "Word" in r.stdout and r.stderr == ""
    with zipfile.ZipFile(out) as z:
        assert "word/document.xml" in z.namelist()


def test_html_page_and_fragment(tmp_path):
    page, fragment = tmp_path / "report.html", tmp_path / "fragment.html"
    assert cli("html", SAMPLE_2021_JSON, "-o", page).returncode == 0
    r = cli("html", SAMPLE_2021_JSON, "-o", fragment, "--fragment")
    assert r.returncode == 0, r.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert fragment.read_text(encoding="utf-8").startswith("<div")


@pytest.mark.parametrize("command", ["docx", "html"])
def test_a_report_with_errors_is_written_with_the_mark_and_a_note(tmp_path, command):
    out = tmp_path / f"seed.{command}"
    r = cli(command, SEED_JSON, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "草稿（未通过校验）" in r.stderr and out.exists()
    assert "草稿（未通过校验）".encode() in (
        out.read_bytes() if command == "html" else zipfile.ZipFile(out).read("word/header1.xml")
    )


@pytest.mark.parametrize("suffix", [".docx", ".html", ".htm", ".DOCX"])
def test_convert_chooses_the_writer_by_extension(tmp_path, suffix):
    out = tmp_path / f"report{suffix}"
    r = cli("convert", SAMPLE_2021_JSON, "-o", out)
    assert r.returncode == 0, r.stderr
    head = out.read_bytes()[:15]
    assert head.startswith(b"PK") if suffix.lower() == ".docx" else head.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("command", ["docx", "html"])
def test_bad_input_exits_2_and_writes_nothing(tmp_path, command):
    src = tmp_path / "bad.json"
    src.write_text("{not json", encoding="utf-8")
    r = cli(command, src, "-o", tmp_path / "out")
    assert r.returncode == 2 and r.stderr.startswith("错误：")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


@pytest.mark.parametrize("command", ["docx", "html"])
def test_missing_folder_exits_3(tmp_path, command):
    r = cli(command, SAMPLE_2021_JSON, "-o", tmp_path / "nowhere" / f"out.{command}")
    assert r.returncode == 3 and "不存在" in r.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("command", ["docx", "html"])
def test_read_only_target_exits_3_and_keeps_the_old_file(tmp_path, command):
    out = tmp_path / f"out.{command}"
    out.write_bytes(b"old")
    out.chmod(0o444)
    try:
        r = cli(command, SAMPLE_2021_JSON, "-o", out)
        assert r.returncode == 3 and "只读" in r.stderr
        assert out.read_bytes() == b"old"
        assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    finally:
        out.chmod(0o644)
