"""Rolling backups of the store: at most one daily backup, one before every migration and one before
every restore (the files themselves: ``backup_files``), and restoring one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import os_reason
from ..fileio import publish_file
from .backup_files import KEEP, backup_time, list_backups, newest_backup, prune, snapshot
from .engine import Store, default_store_path, open_store
from .errors import DraftNotFoundError, StoreNotWritableError, StoreUnreadableError, log_info
from .validate import check_store_file, sqlite_uri

__all__ = [
    "KEEP",
    "RestoreResult",
    "backup_time",
    "find_backup",
    "list_backups",
    "maybe_daily_backup",
    "newest_backup",
    "prune",
    "restore_backup",
    "take_backup",
]


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_saved_as: Path | None  # the store as it was before, kept (a backup or a renamed file)


def take_backup(store: Store, reason: str = "") -> Path:
    """Snapshot the store into the backups folder; then keep only the newest ``KEEP``."""
    return store.take_backup(reason)


def maybe_daily_backup(store: Store, today: dt.date | None = None) -> Path | None:
    """Take a backup unless one was taken today already; returns the new backup, if any."""
    newest = newest_backup(store.backups_dir)
    if newest is not None and backup_time(newest).date() == (today or dt.date.today()):
        return None
    return take_backup(store)


def find_backup(name: str, store_path: Path | None = None) -> Path:
    folder = (store_path or default_store_path()).parent / "backups"
    for backup in list_backups(folder):
        if backup.name in (name, f"{name}.sqlite3"):
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
                with store.connection() as conn, _read_only(backup) as source:
                    source.backup(conn)
    if not os.path.lexists(store_path):
        tmp = store_path.with_name(f".{store_path.name}.restoring")
        with _read_only(backup) as source:
            snapshot(source, tmp, journal_mode="WAL")
        publish_file(tmp, store_path, overwrite=False)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    open_store(store_path).close()  # validates and migrates an older backup
    log_info("store restored from %s", backup.name)
    return RestoreResult(backup, saved)


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
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
            try:
                os.replace(source, Path(f"{aside}{suffix}"))
            except OSError as e:
                raise StoreNotWritableError(
                    f"无法把损坏的草稿库“{source.name}”改名保存（{os_reason(e)}），没有恢复备份。",
                    f"{source}: cannot move aside ({e})",
                ) from None
    return aside
