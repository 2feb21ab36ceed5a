"""Reading a folder: which files are reports, unreadable ones listed, changed files read again, others not."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from disclosure_desk.application.review.scan import FolderScanner, report_files
from disclosure_desk.errors import BadInputError
from disclosure_desk.formats import read_report
from tests.conftest import SAMPLE_2021_JSON


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.json", "b.JSON", "~$lock.docx", ".hidden.json", "notes.txt", "表.xlsx"):
        (folder / name).write_bytes(SAMPLE_2021_JSON.read_bytes())
    (folder / "sub").mkdir()
    (folder / "sub" / "c.json").write_bytes(SAMPLE_2021_JSON.read_bytes())
    return folder


def test_only_report_files_of_the_folder_itself(tmp_path):
    assert [p.name for p in report_files(_folder(tmp_path))] == ["a.json", "b.JSON"]


def test_a_missing_folder_or_a_file_is_bad_input(tmp_path):
    with pytest.raises(BadInputError, match="不存在"):
        report_files(tmp_path / "nope")
    (tmp_path / "f.json").write_text("{}")
    with pytest.raises(BadInputError, match="不是文件夹"):
        report_files(tmp_path / "f.json")


def test_a_second_scan_reads_only_new_and_changed_files(tmp_path):
    folder = _folder(tmp_path)
    read = []
    scanner = FolderScanner(reader=lambda p: read.append(p.name) or read_report(p))
    first = scanner.scan(folder)
    assert sorted(read) == ["a.json", "b.JSON"]
    read.clear()
    shutil.copy(SAMPLE_2021_JSON, folder / "new.json")
    later = (dt.datetime.now() + dt.timedelta(minutes=5)).timestamp()
    os.utime(folder / "a.json", (later, later))  # replaced by a newer version
    (folder / "b.JSON").unlink()
    second = scanner.scan(folder)
    assert sorted(read) == ["a.json", "new.json"]
    assert [r.path.name for r in second] == ["a.json", "new.json"]
    assert first[0].draft is not second[0].draft


def test_a_file_that_cannot_be_read_is_listed_with_the_reason(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "坏.docx").write_bytes(b"not a zip")
    (folder / "空.json").write_text("")
    received = FolderScanner().scan(folder)
    assert [r.readable for r in received] == [False, False]
    assert all(r.problem for r in received)
    assert received[0].organ == "坏"  # named by the file


def test_a_reader_bug_is_listed_not_raised(tmp_path):
    folder = _folder(tmp_path)

    def broken(path):
        raise ZeroDivisionError

    received = FolderScanner(reader=broken).scan(folder)
    assert all(not r.readable and "出错" in r.problem for r in received)


def test_progress_counts_files_and_a_cancelled_scan_stops(tmp_path):
    folder = _folder(tmp_path)
    seen = []
    FolderScanner().scan(folder, progress=lambda done, total, name: seen.append((done, total, name)))
    assert seen == [(0, 2, "a.json"), (1, 2, "b.JSON"), (2, 2, "")]
    assert FolderScanner().scan(folder, cancelled=lambda: True) == []
