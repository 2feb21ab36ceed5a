"""`disclosure-desk pdf FILE.json -o OUT.pdf`: exit codes and messages, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, SAMPLE_2021_JSON, SEED_JSON


def cli(*args):
    env = dict(os.environ, DISCLOSURE_DESK_BUNDLED_FONTS_ONLY="1")
    return subprocess.run(
        [sys.executable, "-m", "disclosure_desk", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=120,
        env=env,
        check=False,
    )


def test_writes_a_pdf_and_names_the_fonts(tmp_path):
    out = tmp_path / "report.pdf"
    r = cli("pdf", SAMPLE_2021_JSON, "-o", out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert "已生成" in r.stdout and "页" in r.stdout
    assert "仿宋（正文、表格）：FandolFang" in r.stdout
    assert "草稿" not in r.stderr


def test_a_report_with_errors_is_written_with_the_mark_and_a_note(tmp_path):
    out = tmp_path / "seed.pdf"
    r = cli("pdf", SEED_JSON, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "草稿（未通过校验）" in r.stderr and out.exists()


def test_characters_no_font_has_are_named(tmp_path):
    report = json.loads(SAMPLE_2021_JSON.read_text(encoding="utf-8"))
    report["sections"]["六、其他需要报告的事项"] = "本年度未收取信息处理费😀。\x07"
    src = tmp_path / "r.json"
    src.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    r = cli("pdf", src, "-o", tmp_path / "r.pdf")
    assert r.returncode == 0, r.stderr
    assert "U+1F600 GRINNING FACE" in r.stderr and "六、其他需要报告的事项 第1段第12字" in r.stderr
    assert "U+0007 BELL" in r.stderr


@pytest.mark.parametrize("content", [None, "{not json", '{"schema": "disclosure-desk.report/1"}'])
def test_bad_input_exits_2(tmp_path, content):
    src = tmp_path / "bad.json"
    if content is not None:
        src.write_text(content, encoding="utf-8")
    r = cli("pdf", src, "-o", tmp_path / "out.pdf")
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr.startswith("错误：") and not (tmp_path / "out.pdf").exists()


def test_missing_target_folder_exits_3(tmp_path):
    r = cli("pdf", SAMPLE_2021_JSON, "-o", tmp_path / "nowhere" / "out.pdf")
    assert r.returncode == 3 and "不存在" in r.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_target_exits_3_and_keeps_the_old_pdf(tmp_path):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF-1.4 old")
    out.chmod(0o444)
    try:
        r = cli("pdf", SAMPLE_2021_JSON, "-o", out)
        assert r.returncode == 3 and "只读" in r.stderr
        assert out.read_bytes() == b"%PDF-1.4 old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]
    finally:
        out.chmod(0o644)
