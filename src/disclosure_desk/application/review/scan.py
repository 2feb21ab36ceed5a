"""Reading a folder of incoming reports: every file of a readable format, one organ a file.

A file that cannot be read is kept with the reason (the board lists it; it never stops the review). A
:class:`FolderScanner` remembers what it read: scanning the folder again (a report dropped in, one
replaced) reads only the files that are new or changed (size or modification time), so the watched
folder in the app costs one file's reading, not the whole batch's.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...domain import Draft
from ...errors import BadInputError, UserFacingError
from ...formats.registry import INPUT_SUFFIXES, ReadResult, read_report

log = logging.getLogger(__name__)

# (files done, files in all, the file being read) — called on the scanning thread
ScanProgress = Callable[[int, int, str], None]
Reader = Callable[[Path], ReadResult]

FORMAT_NAMES = {".json": "报告文件", ".docx": "Word", ".html": "网页", ".htm": "网页", ".pdf": "PDF"}


@dataclass(frozen=True)
class ReceivedFile:
    """One report file of the folder, read (``draft``) or not (``problem`` says why)."""

    path: Path
    modified: dt.datetime  # local time of the last change: when it was received
    size: int
    draft: Draft | None = None
    recognition: Any = None  # formats.recognition.Recognition for Word/web/PDF, None for report JSON
    problem: str = ""
    # what the review worked out from this file, by last year's file it was checked against (assemble.py):
    # a rescan of an unchanged file beside an unchanged last year's one does not check it again
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    # a draft of a store (``store_source.py``) instead of a file; a 定稿 one goes before newer drafts of its organ
    in_store: bool = False
    final: bool = False

    @property
    def identity(self) -> tuple[Path, dt.datetime, int]:
        return (self.path, self.modified, self.size)

    @property
    def readable(self) -> bool:
        return self.draft is not None

    @property
    def organ(self) -> str:
        """The organ the report names, else the file's name (a report whose title was not recognised)."""
        if self.draft is not None and self.draft.organ.strip():
            return self.draft.organ.strip()
        return self.path.stem

    @property
    def organ_from_file_name(self) -> bool:
        return self.draft is None or not self.draft.organ.strip()

    @property
    def format_name(self) -> str:
        if self.in_store:
            return "草稿库（已定稿）" if self.final else "草稿库（未定稿）"
        return FORMAT_NAMES.get(self.path.suffix.lower(), self.path.suffix)


def report_files(folder: Path) -> list[Path]:
    """The files of ``folder`` (not its subfolders) in a readable format, by name; Word's lock files
    (``~$…``) and hidden files are not reports."""
    if not folder.exists():
        raise BadInputError(f"文件夹“{folder}”不存在。", f"{folder}: not found")
    if not folder.is_dir():
        raise BadInputError(f"“{folder}”不是文件夹。请选择存放各机关报告的文件夹。", f"{folder}: not a directory")
    try:
        entries = list(os.scandir(folder))
    except OSError as e:
        raise BadInputError(f"无法读取文件夹“{folder}”：{e.strerror or e}。", f"{folder}: {e}") from None
    names = [
        e.name
        for e in entries
        if e.name.lower().endswith(INPUT_SUFFIXES) and not e.name.startswith(("~$", ".")) and _is_file(e)
    ]
    return [folder / name for name in sorted(names)]


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


class FolderScanner:
    """Reads a folder's reports, remembering each file by (size, modification time)."""

    def __init__(self, reader: Reader = read_report):
        self._read = reader
        self._known: dict[Path, ReceivedFile] = {}
        self.files_read = 0  # files actually read (not taken from memory), for tests and the status line

    def scan(
        self,
        folder: str | os.PathLike[str],
        progress: ScanProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[ReceivedFile]:
        paths = report_files(Path(folder))
        out: list[ReceivedFile] = []
        for done, path in enumerate(paths):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(done, len(paths), path.name)
            received = self._received(path)
            if received is not None:
                out.append(received)
        if progress is not None:
            progress(len(paths), len(paths), "")
        self._known = {r.path: r for r in out}
        return out

    def _received(self, path: Path) -> ReceivedFile | None:
        try:
            stat = path.stat()
        except OSError:
            return None  # gone since the folder was listed
        modified = dt.datetime.fromtimestamp(stat.st_mtime)
        known = self._known.get(path)
        if known is not None and known.size == stat.st_size and known.modified == modified:
            return known
        self.files_read += 1
        return read_file(path, modified, stat.st_size, self._read)


def read_file(path: Path, modified: dt.datetime, size: int, reader: Reader = read_report) -> ReceivedFile:
    """The report in ``path``; a file that cannot be read keeps the reason instead of stopping the review."""
    try:
        result = reader(path)
    except UserFacingError as e:
        return ReceivedFile(path, modified, size, problem=e.message)
    except Exception:  # a reader's bug must not stop a review of a hundred reports: logged, listed
        log.exception("reading %s failed", path)
        return ReceivedFile(
            path, modified, size, problem="程序读取这个文件时出错（已记录到日志），请让报送机关另存一份后重新报送。"
        )
    return ReceivedFile(path, modified, size, result.draft, result.recognition)
