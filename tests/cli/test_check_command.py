"""`disclosure-desk check`: exit codes and output of report-json.md, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, SAMPLE_2021_JSON, SEED_JSON


def cli(*args, **kw):
    return subprocess.run(
        [sys.executable, "-m", "disclosure_desk", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=kw.get("cwd", REPO),
        timeout=60,
    )


def test_seed_lists_missing_tables_and_blank_cells_as_json():
    r = cli("check", SEED_JSON, "--json")
    assert r.returncode == 1, r.stderr
    findings = json.loads(r.stdout)
    assert {"S-1", "B-1"} <= {f["rule"] for f in findings}
    assert all(set(f) >= {"rule", "severity", "cells", "message"} for f in findings)
    b1 = next(f for f in findings if f["rule"] == "B-1")
    assert "表二/第二十条第（九）项/政府集中采购/采购总金额" in b1["cells"]


def test_clean_sample_exits_0():
    r = cli("check", SAMPLE_2021_JSON)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "校验通过" in r.stdout


def test_previous_adds_cross_year_rules(tmp_path):
    prev = json.loads(SAMPLE_2021_JSON.read_text(encoding="utf-8"))
    prev["year"] = 2024
    prev["tables"]["表三"]["四、结转下年度继续办理"]["自然人"] = 3
    p = tmp_path / "prev.json"
    p.write_text(json.dumps(prev, ensure_ascii=False), encoding="utf-8")
    r = cli("check", SAMPLE_2021_JSON, "--previous", p, "--json")
    rules = {f["rule"] for f in json.loads(r.stdout)}
    assert "X-1" in rules and "C-1" in rules
    assert r.returncode == 0  # warnings only


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "找不到文件"),
        (b"{not json", "不是有效的 JSON"),
        (b"\xff\xfe\x00", "UTF-16"),
        (b'{"schema": "disclosure-desk.report/1", "edition": "2022"}', "edition"),
    ],
)
def test_bad_file_one_line_message_exit_2(tmp_path, content, needle):
    f = tmp_path / "bad.json"
    if content is not None:
        f.write_bytes(content)
    r = cli("check", f)
    assert r.returncode == 2
    assert needle in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert r.stdout == ""


def test_data_dir_option_and_env_are_accepted(tmp_path):
    r = cli("--data-dir", tmp_path, "check", SAMPLE_2021_JSON)
    assert r.returncode == 0


def test_version_and_help():
    assert "Disclosure Desk" in cli("--version").stdout
    assert "check" in cli("--help").stdout


def test_version_matches_pyproject():
    import tomllib

    from disclosure_desk import __version__

    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == meta["version"]
    assert __version__ in cli("--version").stdout


def test_internal_error_is_logged_not_shown(tmp_path, monkeypatch):
    code = (
        "import sys; import disclosure_desk.commands.check as c\n"
        "def boom(args): raise RuntimeError('bug')\n"
        "c.run = boom\n"
        "from disclosure_desk.cli import main\n"
        f"sys.exit(main(['--data-dir', r'{tmp_path}', 'check', 'x.json']))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", cwd=REPO)
    assert r.returncode == 4
    assert "程序内部错误" in r.stderr and "Traceback" not in r.stderr
    assert "RuntimeError: bug" in (tmp_path / "logs" / "disclosure-desk.log").read_text(encoding="utf-8")
