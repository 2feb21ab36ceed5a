"""Faults the machine cannot be made to produce on demand, simulated where the OS reports them."""

from __future__ import annotations

import errno
import logging
import os

import pytest

from disclosure_desk import fileio, logs
from disclosure_desk.errors import CannotWriteError
from disclosure_desk.interchange import write_report_file


def _no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_a_full_disk_while_writing_a_file_is_exit_3_and_keeps_the_old_file(where, tmp_path, monkeypatch, sample_2021):
    target = tmp_path / "报告.json"
    target.write_bytes(b"old")
    if where == "fsync":
        monkeypatch.setattr(fileio.os, "fsync", _no_space)
    else:
        real_fdopen = os.fdopen

        def fdopen(fd, *args, **kwargs):
            f = real_fdopen(fd, *args, **kwargs)
            f.write = _no_space
            return f

        monkeypatch.setattr(fileio.os, "fdopen", fdopen)
    with pytest.raises(CannotWriteError, match="磁盘已满") as refused:
        write_report_file(sample_2021, target)
    assert refused.value.exit_code == 3 and "原文件未改动" in refused.value.message
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.json"]


class _FullDisk:
    def write(self, _text):
        _no_space()

    def flush(self):
        _no_space()


@pytest.fixture
def log_on_a_full_disk():
    logger = logs.setup_logging()
    handler = next(h for h in logger.handlers if isinstance(h, logging.FileHandler))
    handler.stream = _FullDisk()
    yield logger
    handler.stream = None


def test_a_log_that_cannot_be_written_prints_nothing_on_the_console(log_on_a_full_disk, capsys):
    log_on_a_full_disk.error("Traceback (most recent call last): a bug, written to a full disk")
    assert capsys.readouterr().err == ""  # logging's default prints "--- Logging error ---" and a traceback


def test_the_cli_reports_a_bug_even_when_the_log_is_on_a_full_disk(log_on_a_full_disk, monkeypatch, capsys):
    from disclosure_desk import cli
    from disclosure_desk.commands import check

    def bug(_args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(check, "run", bug)
    assert cli.main(["check", "x.json"]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.startswith("错误：程序内部错误") and "Logging error" not in err and err.count("\n") == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_writing_a_file_keeps_its_permissions_and_a_new_one_gets_the_usual(tmp_path, sample_2021):
    shared = tmp_path / "shared.json"
    shared.write_text("old")
    shared.chmod(0o664)  # readable by the office
    write_report_file(sample_2021, shared)
    assert shared.stat().st_mode & 0o777 == 0o664
    old_umask = os.umask(0o022)
    try:
        write_report_file(sample_2021, tmp_path / "new.json")
    finally:
        os.umask(old_umask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
