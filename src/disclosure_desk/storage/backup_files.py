"""The backups folder: names, listing, pruning and taking a snapshot of an open SQLite connection.

Backups live in ``<data dir>/backups`` as ``drafts-YYYYMMDD-HHMMSS[-reason].sqlite3`` (local time), each
a self-contained single file written with SQLite's backup API (a consistent snapshot even while the app
is saving; never a file copy of a live WAL database). The newest ``KEEP`` are kept. This module knows
nothing of the Store, so ``engine`` can take the backup before a migration without an import cycle.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from ..fileio import publish_file, remove_stale_files
from .errors import StoreNotWritableError, log_info

KEEP = 7
_NAME = re.compile(r"^drafts-(\d{8}-\d{6})(?:-[0-9A-Za-z-]+)?\.sqlite3$")


def list_backups(folder: Path) -> list[Path]:
    """Backups in ``folder``, oldest first."""
    try:
        found = [(m.group(1), p.stat().st_mtime_ns, p) for p in folder.iterdir() if (m := _NAME.match(p.name))]
    except OSError:
        return []
    return [p for _, _, p in sorted(found)]


def newest_backup(folder: Path) -> Path | None:
    backups = list_backups(folder)
    return backups[-1] if backups else None


def backup_time(backup: Path) -> dt.datetime:
    """When the backup was taken (local time, naive), from its name."""
    found = _NAME.match(backup.name)
    if found is None:
        raise ValueError(f"not a backup name: {backup.name}")
    return dt.datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")


def backup_connection(conn: sqlite3.Connection, folder: Path, reason: str = "") -> Path:
    """Snapshot the database ``conn`` holds into a new backup in ``folder``; keep the newest ``KEEP``."""
    target = _new_name(folder, reason)
    tmp = folder / f".{target.name}.part"
    snapshot(conn, tmp, journal_mode="DELETE")
    publish_file(tmp, target)
    log_info("backup %s taken", target.name)
    prune(folder)
    return target


def prune(folder: Path, keep: int = KEEP) -> None:
    for old in list_backups(folder)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
    remove_stale_files(folder, ".drafts-*.part")


def snapshot(source: sqlite3.Connection, target: Path, journal_mode: str) -> None:
    """A complete copy of ``source`` in ``target`` (fsynced), through SQLite's backup API."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(target, isolation_level=None)
    except (OSError, sqlite3.Error) as e:
        raise StoreNotWritableError(
            f"无法在“{target.parent}”中写备份（{e}）。", f"{target}: cannot write backup ({e})"
        ) from None
    try:
        source.backup(dest)
        dest.execute(f"PRAGMA journal_mode = {journal_mode}")
    finally:
        dest.close()


def _new_name(folder: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = f"-{reason}" if reason else ""
    target = folder / f"drafts-{stamp}{suffix}.sqlite3"
    n = 2
    while target.exists():
        target = folder / f"drafts-{stamp}{suffix}-{n}.sqlite3"
        n += 1
    return target
