"""`disclosure-desk convert IN -o OUT`: the output format by extension, no store touched."""

from __future__ import annotations

from disclosure_desk import paths
from tests.cli.test_pdf_command import cli
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON


def test_json_to_json_gives_the_same_bytes(tmp_path):
    out = tmp_path / "copy.json"
    r = cli("convert", SAMPLE_2021_JSON, "-o", out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == SAMPLE_2021_JSON.read_bytes()


def test_json_to_pdf_by_extension_with_the_draft_mark_note(tmp_path):
    out = tmp_path / "seed.PDF"
    r = cli("convert", SEED_JSON, "-o", out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert "草稿（未通过校验）" in r.stderr


def test_an_unknown_output_extension_is_refused_and_nothing_is_written(tmp_path):
    out = tmp_path / "report.odt"
    r = cli("convert", SAMPLE_2021_JSON, "-o", out)
    assert r.returncode == 2
    assert "不支持" in r.stderr and ".odt" in r.stderr
    assert not out.exists()


def test_an_unknown_input_extension_is_refused(tmp_path):
    src = tmp_path / "report.txt"
    src.write_text("一、总体情况", encoding="utf-8")
    r = cli("convert", src, "-o", tmp_path / "out.json")
    assert r.returncode == 2
    assert "不支持" in r.stderr and ".txt" in r.stderr


def test_convert_touches_no_store(tmp_path):
    r = cli("convert", SAMPLE_2021_JSON, "-o", tmp_path / "x.json")
    assert r.returncode == 0, r.stderr
    assert not (paths.data_dir() / "drafts.sqlite3").exists()
