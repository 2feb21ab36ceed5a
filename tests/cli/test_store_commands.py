"""``disclosure-desk import | export | list | restore-backup | empty-trash`` and their exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_desk import paths
from disclosure_desk.cli import main

YILUO = paths.samples_dir() / "yiluo-2019.json"
QINGHE = paths.samples_dir() / "qinghe-tongjiju-2025.json"


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    """Run the command in-process with a fresh data folder; returns (exit code, stdout, stderr)."""
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    data = tmp_path / "data"

    def run_command(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data), *args])
        out, err = capsys.readouterr()
        return code, out, err

    yield run_command
    paths.set_data_dir(None)


def test_list_of_an_empty_store(run, tmp_path):
    code, out, _ = run("list")
    assert code == 0 and "还没有草稿" in out
    assert not (tmp_path / "data" / "drafts.sqlite3").exists()  # listing creates nothing


def test_import_then_export_gives_the_same_bytes(run, tmp_path):
    for sample in (YILUO, QINGHE):
        code, out, _ = run("import", str(sample))
        assert code == 0 and "已导入为新草稿" in out
    out_file = tmp_path / "out.json"
    assert run("export", "1", "-o", str(out_file))[0] == 0
    assert out_file.read_bytes() == YILUO.read_bytes()
    assert run("export", "青禾县统计局 2025", "-o", str(out_file))[0] == 0
    assert out_file.read_bytes() == QINGHE.read_bytes()
    assert run("export", "青禾县统计局2025年", "-o", str(out_file))[0] == 0


def test_list_shows_the_drafts(run):
    run("import", str(YILUO))
    run("import", str(QINGHE))
    code, out, _ = run("list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["编号", "机关", "年度", "格式", "状态", "最后保存"]
    assert lines[1].split()[:5] == ["2", "青禾县统计局", "2025", "2021版", "草稿"]
    assert lines[2].split()[:5] == ["1", "伊洛街道办事处", "2019", "2019版", "草稿"]


def test_a_second_import_of_the_same_organ_and_year_never_overwrites(run, tmp_path):
    run("import", str(QINGHE))
    changed = tmp_path / "changed.json"
    changed.write_text(
        QINGHE.read_text(encoding="utf-8").replace('"preface": "本报告', '"preface": "改过的本报告'), encoding="utf-8"
    )
    code, out, _ = run("import", str(changed))
    assert code == 0 and "编号 2" in out and "编号 1" in out and "--replace" in out
    first = tmp_path / "first.json"
    run("export", "1", "-o", str(first))
    assert first.read_bytes() == QINGHE.read_bytes()


def test_replace_overwrites_the_one_draft_of_that_organ_and_year(run, tmp_path):
    run("import", str(QINGHE))
    obj = json.loads(QINGHE.read_text(encoding="utf-8"))
    obj["tables"]["表三"]["一、本年新收政府信息公开申请数量"]["自然人"] = None
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("import", "--replace", str(changed))
    assert code == 0 and "覆盖草稿（编号 1）" in out
    exported = tmp_path / "exported.json"
    run("export", "1", "-o", str(exported))
    assert json.loads(exported.read_text(encoding="utf-8")) == obj
    assert "2" not in run("list")[1].split()  # still one draft


def test_replace_with_several_candidates_is_refused(run):
    run("import", str(QINGHE))
    run("import", str(QINGHE))
    code, _, err = run("import", "--replace", str(QINGHE))
    assert code == 2 and "2 份" in err and "不知道该覆盖哪一份" in err


def test_an_ambiguous_export_lists_the_candidates(run, tmp_path):
    run("import", str(YILUO))
    run("import", str(YILUO))
    code, _, err = run("export", "伊洛街道办事处 2019", "-o", str(tmp_path / "x.json"))
    assert code == 2 and "请用编号指定" in err
    assert err.count("伊洛街道办事处  2019") == 2
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("draft", "phrase"),
    [
        ("7", "编号为 7 的草稿"),
        ("伊洛街道办事处 2020", "该机关的草稿有：2019年度"),
        ("伊洛街道办事处", "机关名称 年度"),
    ],
)
def test_exporting_an_unknown_draft_is_bad_input(run, tmp_path, draft, phrase):
    run("import", str(YILUO))
    code, _, err = run("export", draft, "-o", str(tmp_path / "x.json"))
    assert code == 2 and phrase in err


def test_a_file_that_is_not_a_report_is_bad_input(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "disclosure-desk.report/1",', encoding="utf-8")
    code, _, err = run("import", str(bad))
    assert code == 2 and "不是有效的 JSON" in err


def test_exporting_where_nothing_can_be_written_exits_3(run, tmp_path):
    run("import", str(YILUO))
    code, _, err = run("export", "1", "-o", str(tmp_path / "missing" / "x.json"))
    assert code == 3 and "不存在" in err


def test_a_damaged_store_is_refused_and_the_backup_named(run, tmp_path):
    run("import", str(YILUO))  # the first import of the day takes the daily backup
    store = tmp_path / "data" / "drafts.sqlite3"
    store.write_bytes(b"\x00" * 4096)
    code, _, err = run("list")
    assert code == 2 and "restore-backup drafts-" in err
    code, out, _ = run("restore-backup")
    assert code == 0 and "drafts-" in out
    name = next(line.split()[0] for line in out.splitlines() if line.strip().startswith("drafts-"))
    code, out, _ = run("restore-backup", name)
    assert code == 0 and "已从备份" in out and "damaged" in out
    code, out, _ = run("list")
    assert code == 0 and "伊洛街道办事处" not in out  # the backup was taken before the first import
    assert run("import", str(YILUO))[0] == 0


def test_empty_trash(run):
    code, out, _ = run("empty-trash")
    assert code == 0 and "回收站是空的" in out


def test_the_installed_command_runs_as_a_program(tmp_path):
    data = tmp_path / "data"
    out_file = tmp_path / "out.json"

    def command(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "disclosure_desk", "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
        )

    assert command("import", str(QINGHE)).returncode == 0
    result = command("export", "青禾县统计局 2025", "-o", str(out_file))
    assert result.returncode == 0, result.stderr
    assert out_file.read_bytes() == QINGHE.read_bytes()
    assert command("export", "9", "-o", str(out_file)).returncode == 2
    assert Path(data / "drafts.sqlite3").exists()
