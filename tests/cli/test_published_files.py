"""`convert`, `check` and `import` with published Word, web-page and PDF files, run as real processes."""

from __future__ import annotations

import json

import pytest

from disclosure_desk import paths
from tests.cli.test_pdf_command import cli
from tests.conftest import SAMPLE_2021_JSON
from tests.formats.conftest import PUBLISHED


def test_convert_docx_to_json_with_nulls_and_the_recognition_report(tmp_path):
    out = tmp_path / "out.json"
    r = cli("convert", PUBLISHED / "d21-variants.docx", "-o", out)
    assert r.returncode == 0, r.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["tables"]["表二"]["第二十条第（一）项"]["规章"]["本年制发件数"] is None
    assert report["tables"]["表二"]["第二十条第（八）项"]["行政事业性收费"]["本年收费金额（单位：万元）"] == 25.1
    imported = report["x-disclosure-desk"]["import"]
    assert imported["cells"]["t3.withheld.third_party.natural"]["approximate"] is True
    assert "识别结果（d21-variants.docx，Word 文件）：2021年格式" in r.stderr
    assert "“4.保护第三方合法权意” → “4.保护第三方合法权益”" in r.stderr
    assert not (paths.data_dir() / "drafts.sqlite3").exists()


@pytest.mark.parametrize("name", ["p21-variants.pdf", "h21-cms-fragment.html", "d21-variants.docx"])
def test_check_finds_the_publishers_own_arithmetic_error(name):
    r = cli("check", PUBLISHED / name, "--json")
    assert r.returncode == 1, r.stderr
    rules = {(f["rule"], tuple(f["cells"])) for f in json.loads(r.stdout)}
    assert any(rule == "T3-3" and "表三/一、本年新收政府信息公开申请数量/总计" in cells for rule, cells in rules)


def test_check_with_a_published_previous_report_runs_the_cross_year_rules():
    r = cli("check", SAMPLE_2021_JSON, "--previous", PUBLISHED / "h21-full-page.html", "--json")
    assert r.returncode in (0, 1), r.stderr
    findings = json.loads(r.stdout)
    assert any(f["rule"].startswith("X-") for f in findings)  # the published 2023 report is not 2024: X-0 says so
    assert "识别结果（h21-full-page.html，网页）" in r.stderr


def test_import_a_published_pdf_into_the_store(tmp_path):
    data = tmp_path / "data"
    r = cli("--data-dir", data, "import", PUBLISHED / "p21-official.pdf")
    assert r.returncode == 0, r.stderr
    assert "已导入为新草稿" in r.stdout and "临川区青云街道办事处2023年政府信息公开工作年度报告" in r.stdout
    assert "识别结果（p21-official.pdf，PDF 文件）" in r.stderr
    listed = cli("--data-dir", data, "list")
    assert "临川区青云街道办事处" in listed.stdout
    exported = tmp_path / "back.json"
    assert cli("--data-dir", data, "export", "1", "-o", exported).returncode == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["x-disclosure-desk"]["import"]["format"] == "pdf"


@pytest.mark.parametrize("name", ["bad-scanned.pdf", "bad-encrypted.docx", "bad-not-a-report.html"])
def test_bad_files_exit_2_and_create_nothing(tmp_path, name):
    data, out = tmp_path / "data", tmp_path / "out.json"
    r = cli("--data-dir", data, "import", PUBLISHED / name)
    assert r.returncode == 2 and r.stderr.startswith("错误：")
    assert not (data / "drafts.sqlite3").exists()
    r = cli("convert", PUBLISHED / name, "-o", out)
    assert r.returncode == 2 and not out.exists()
    assert cli("check", PUBLISHED / name).returncode == 2
