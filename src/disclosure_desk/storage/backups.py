"""Rolling backups of the store, taken with SQLite's backup API (a consistent snapshot even
while the app is saving; never a file copy of a live WAL database).

Backups live in ``<data dir>/backups`` as ``drafts-YYYYMMDD-HHMMSS[-reason].sqlite3``
(local time), each a self-contained single file. At most one daily backup, one before every
migration and one before every restore; the newest ``KEEP`` are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .engine import Store, default_store_path, open_store, publish_new_file, remove_stale_files, translate_errors
from .errors import DraftNotFoundError, StoreNotWritableError, StoreUnreadableError
from .validate import check_store_file, sqlite_uri

log = logging.getLogger("disclosure_desk.storage")

KEEP = 7
_NAME = re.compile(r"^drafts-(\d{8}-\d{6})(?:-[0-9A-Za-z-]+)?\.sqlite3$")


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_saved_as: Path | None  # the store as it was before, kept (a backup or a renamed file)


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
    return dt.datetime.strptime(_NAME.match(backup.name).group(1), "%Y%m%d-%H%M%S")  # type: ignore[union-attr]


def take_backup(store: Store, reason: str = "") -> Path:
    """Snapshot the store into the backups folder; then keep only the newest ``KEEP``."""
    folder = store.backups_dir
    target = _new_name(folder, reason)
    tmp = folder / f".{target.name}.part"
    with translate_errors(store.path), store.engine.connect() as conn:
        _snapshot(conn.connection.driver_connection, tmp, journal_mode="DELETE")
    os.replace(tmp, target)
    log.info("backup %s taken", target.name)
    prune(folder)
    return target


def maybe_daily_backup(store: Store, today: dt.date | None = None) -> Path | None:
    """Take a backup unless one was taken today already; returns the new backup, if any."""
    newest = newest_backup(store.backups_dir)
    if newest is not None and backup_time(newest).date() == (today or dt.date.today()):
        return None
    return take_backup(store)


def prune(folder: Path, keep: int = KEEP) -> None:
    for old in list_backups(folder)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
    remove_stale_files(folder, ".drafts-*.part")


def find_backup(name: str, store_path: Path | None = None) -> Path:
    folder = (store_path or default_store_path()).parent / "backups"
    for backup in list_backups(folder):
        if backup.name == name or backup.name == f"{name}.sqlite3":
            return backup
    raise DraftNotFoundError(f"名为“{name}”的备份（备份文件夹：{folder}）", f"no backup {name!r}")


def restore_backup(name: str, store_path: Path | None = None) -> RestoreResult:
    """Make the store what backup ``name`` holds. The current store is kept first: as a backup
    if it is healthy (then the backup is written into it transactionally), else renamed aside.
    Close the app's other windows first: they would see the restored content at once.
    """
    store_path = store_path or default_store_path()
    backup = find_backup(name, store_path)
    check_store_file(backup, None)
    saved: Path | None = None
    if os.path.lexists(store_path):
        try:
            store = open_store(store_path)
        except StoreUnreadableError:
            saved = _move_aside(store_path)
        else:
            with store:
                saved = take_backup(store, reason="before-restore")
                with translate_errors(store.path), store.engine.connect() as conn:
                    with _read_only(backup) as source:
                        source.backup(conn.connection.driver_connection)
    if not os.path.lexists(store_path):
        tmp = store_path.with_name(f".{store_path.name}.restoring")
        with _read_only(backup) as source:
            _snapshot(source, tmp, journal_mode="WAL")
        publish_new_file(tmp, store_path)
        os.unlink(tmp)
    open_store(store_path).close()  # validates and migrates an older backup
    log.info("store restored from %s", backup.name)
    return RestoreResult(backup, saved)


def _snapshot(source: sqlite3.Connection, target: Path, journal_mode: str) -> None:
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
    with open(target, "rb+") as f:
        os.fsync(f.fileno())


@contextlib.contextmanager
def _read_only(path: Path):
    conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True)
    try:
        yield conn
    finally:
        conn.close()


def _move_aside(store_path: Path) -> Path:
    """Rename a store that cannot be opened (and its -wal/-shm) so nothing of it is lost."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = store_path.with_name(f"{store_path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm", ""):
        source = Path(f"{store_path}{suffix}")
        if os.path.lexists(source):
            os.replace(source, Path(f"{aside}{suffix}"))
    return aside


def _new_name(folder: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = f"-{reason}" if reason else ""
    target = folder / f"drafts-{stamp}{suffix}.sqlite3"
    n = 2
    while target.exists():
        target = folder / f"drafts-{stamp}{suffix}-{n}.sqlite3"
        n += 1
    return target
