"""Checking that a file is a healthy Disclosure Desk store *without changing it*.

First the 100-byte SQLite header is read as plain bytes (empty, foreign, truncated and newer
files are recognised without SQLite touching them), then SQLite reads the file read-only
(``immutable=1`` when there is no write-ahead log to apply, so not even ``-wal``/``-shm``
files appear) and runs ``PRAGMA integrity_check``.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import urllib.parse
from pathlib import Path

from ..errors import os_reason
from ..records import record
from .errors import NewerVersionError, StoreUnreadableError
from .schema import APPLICATION_ID, current_version

_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@record
class Header:
    page_size: int
    pages: int | None  # None: the header's page count is not valid (old writers)
    user_version: int
    application_id: int


def sqlite_uri(path: Path, **params: str) -> str:
    """An SQLite ``file:`` URI for ``path`` (drive letters and UNC shares on Windows included)."""
    posix = path.resolve().as_posix()
    if not posix.startswith("/"):
        posix = "/" + posix  # C:/x -> /C:/x
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return "file://" + urllib.parse.quote(posix, safe="/:") + (f"?{query}" if query else "")


def read_header(data: bytes) -> Header | None:
    """The parsed header, or None when ``data`` does not start like an SQLite database."""
    if len(data) < HEADER_SIZE or not data.startswith(_MAGIC):
        return None
    (raw_page_size,) = struct.unpack(">H", data[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    change_counter, pages = struct.unpack(">II", data[24:32])
    (valid_for,) = struct.unpack(">I", data[92:96])
    user_version, application_id = struct.unpack(">i4xi", data[60:72])
    return Header(
        page_size=page_size,
        pages=pages if pages and change_counter == valid_for else None,
        user_version=user_version,
        application_id=application_id & 0xFFFFFFFF,
    )


@record
class _Refusal:
    """Builds the refusals of one file (each naming the newest backup)."""

    path: Path
    newest_backup: Path | None

    def bad(self, problem: str, english: str) -> StoreUnreadableError:
        return StoreUnreadableError(self.path, problem, english, self.newest_backup)

    def newer(self, version: int) -> NewerVersionError:
        return NewerVersionError(self.path, version, current_version(), self.newest_backup)


def check_store_file(path: Path, newest_backup: Path | None) -> None:
    """Raise ``StoreUnreadableError`` (file untouched) unless ``path`` is a healthy store."""
    refusal = _Refusal(path, newest_backup)
    _check_header(path, refusal, pending_log=has_log(path))
    _check_with_sqlite(path, refusal)


def has_log(path: Path) -> bool:
    """A write-ahead log with content: the main file alone is not the whole database."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _check_header(path: Path, refusal: _Refusal, *, pending_log: bool = False) -> None:
    if path.is_dir():
        raise refusal.bad("这是一个文件夹，不是草稿库文件。", "is a directory")
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            data = f.read(HEADER_SIZE)
    except PermissionError:
        raise refusal.bad("没有读取该文件的权限。", "permission denied") from None
    except OSError as e:
        raise refusal.bad(f"读取文件时出错（{os_reason(e)}）。", str(e)) from None
    if size == 0:
        raise refusal.bad("文件是空的（0 字节），不是有效的草稿库。", "empty file")
    header = read_header(data)
    if header is None:
        raise refusal.bad(
            "它不是 Disclosure Desk 的草稿库（也不是 SQLite 数据库文件），可能已损坏或被其他文件替换。",
            "not an SQLite file",
        )
    if header.application_id != APPLICATION_ID:
        raise refusal.bad(
            "它是其他程序的 SQLite 数据库，不是 Disclosure Desk 的草稿库。",
            f"application_id {header.application_id:#x}",
        )
    if header.page_size < 512 or header.page_size & (header.page_size - 1):
        raise refusal.bad("文件头已损坏。", f"bad page size {header.page_size}")
    # With a pending log the main file may be shorter than its header says: a checkpoint that
    # hit a full disk wrote page 1 but could not extend the file; the log still holds the pages,
    # and SQLite (below) reads through it. Only without a log is a short file truncated.
    short = size % header.page_size or (header.pages is not None and size < header.pages * header.page_size)
    if short and not pending_log:
        raise refusal.bad(
            "文件不完整（大小与文件头记录的不符，可能在复制或保存时被截断）。",
            f"truncated: {size} bytes, header says {header.pages} pages of {header.page_size}",
        )
    if header.user_version > current_version():
        raise refusal.newer(header.user_version)


def _check_with_sqlite(path: Path, refusal: _Refusal) -> None:
    wal = Path(f"{path}-wal")
    pending_log = has_log(path)
    try:
        _integrity(path, refusal, immutable=not pending_log)
    except StoreUnreadableError:
        if pending_log:
            raise
        # a writer may have started between the look at -wal and the read: look once more
        # through the normal read-only path, and leave no -wal/-shm of ours behind
        created = [p for p in (wal, Path(f"{path}-shm")) if not p.exists()]
        try:
            _integrity(path, refusal, immutable=False)
        finally:
            _remove_empty_leftovers(created)


def _integrity(path: Path, refusal: _Refusal, *, immutable: bool) -> None:
    uri = sqlite_uri(path, mode="ro", immutable="1") if immutable else sqlite_uri(path, mode="ro")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as e:
        raise refusal.bad(f"SQLite 无法打开该文件（{e}）。", f"cannot open: {e}") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise refusal.bad("它不是 Disclosure Desk 的草稿库。", f"application_id {app_id:#x}")
        if version > current_version():
            raise refusal.newer(version)
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as e:
        raise refusal.bad(f"文件已损坏，SQLite 无法读取（{e}）。", f"damaged: {e}") from None
    finally:
        conn.close()
    if problems != ["ok"]:
        raise refusal.bad("文件已损坏（完整性检查未通过）。", "integrity_check: " + " ".join(problems)[:300])


def _remove_empty_leftovers(paths: list[Path]) -> None:
    for p in paths:
        try:
            if p.exists() and (p.name.endswith("-shm") or p.stat().st_size == 0):
                os.unlink(p)
        except OSError:
            pass
