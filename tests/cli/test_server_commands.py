"""``server-setup``, ``server-user`` and the store commands with ``--store postgresql://…``."""

from __future__ import annotations

import io

import pytest

from disclosure_desk import paths
from disclosure_desk.cli import main

QINGHE = paths.samples_dir() / "qinghe-tongjiju-2025.json"


@pytest.fixture
def run(capsys, monkeypatch):
    def run_command(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        paths.set_store_url(None)
        return code, out, err

    return run_command


def test_a_fresh_server_is_set_up_given_accounts_and_used(run, pg_cluster, tmp_path):
    admin = pg_cluster.url("county_office")
    code, out, _ = run("server-setup", admin)
    assert code == 0 and "已新建数据库“county_office”" in out and "升级到第" in out
    assert run("server-setup", admin)[1].count("没有改动") == 1  # again: nothing to do
    code, out, _ = run(
        "server-user",
        admin,
        "chen",
        "--organ",
        "青禾县民政局",
        "--display-name",
        "陈六",
        "--password-stdin",
        stdin="chen-secret\n",
    )
    assert code == 0 and "青禾县民政局" in out
    code, _, err = run("server-user", admin, "short", "--organ", "某局", "--password-stdin", stdin="abc\n")
    assert code == 2 and "至少要 8 个字符" in err
    clerk = pg_cluster.url("county_office", "chen", "chen-secret")
    code, out, _ = run("--store", clerk, "import", str(QINGHE))
    assert code == 0 and "已导入为新草稿（编号 1）" in out
    code, out, _ = run("--store", clerk, "list")
    assert code == 0 and out.splitlines()[1].split()[:3] == ["1", "青禾县统计局", "2025"]
    target = tmp_path / "back.json"
    assert run("--store", clerk, "export", "1", "-o", str(target))[0] == 0
    assert target.read_bytes() == QINGHE.read_bytes()
    code, _, err = run("--store", clerk, "restore-backup")
    assert code == 2 and "pg_dump" in err
    code, _, err = run("--store", clerk.replace("chen-secret", "wrong-one"), "list")  # no terminal: no prompt
    assert code == 2 and "用户名或密码不对" in err
    assert not (tmp_path / "data").exists()


def test_a_server_that_cannot_be_reached_is_exit_3(run, pg_cluster):
    code, _, err = run("--store", pg_cluster.url("nowhere").replace(str(pg_cluster.port), "1"), "list")
    assert code == 3 and "无法连接草稿服务器" in err and "Traceback" not in err
