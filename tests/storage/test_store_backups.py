"""Rolling backups (SQLite backup API): daily at most, the last 7 kept, restore by name."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from disclosure_desk.domain import Draft
from disclosure_desk.storage import (
    DraftNotFoundError,
    DraftRepository,
    list_backups,
    maybe_daily_backup,
    open_store,
    restore_backup,
    schema,
    take_backup,
)
from disclosure_desk.storage import backups as backups_module
from disclosure_desk.storage.validate import check_store_file
from tests.storage.storehelp import load, save


def _organs(store) -> list[str]:
    with store.read_session() as session:
        return sorted(s.organ for s in DraftRepository(session).list_drafts())


def test_a_daily_backup_is_taken_at_most_once_a_day(store):
    save(store, Draft.new("机关", 2025))
    first = maybe_daily_backup(store)
    assert first is not None and first.parent == store.backups_dir
    assert maybe_daily_backup(store) is None
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert maybe_daily_backup(store, today=tomorrow) is not None
    assert len(list_backups(store.backups_dir)) == 2


def test_only_the_last_seven_are_kept(store):
    taken = [take_backup(store, reason=f"n{i}") for i in range(10)]
    assert list_backups(store.backups_dir) == taken[-7:]


def test_a_backup_is_a_consistent_single_file_even_during_a_write(store):
    save(store, Draft.new("已保存", 2025))
    writer = sqlite3.connect(store.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE drafts SET organ = '未提交'")
    try:
        backup = take_backup(store)  # not blocked by the open write transaction
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    check_store_file(backup, None)
    assert not (backup.parent / f"{backup.name}-wal").exists()
    with open_store(backup) as copy:
        assert _organs(copy) == ["已保存"]


def _store_with_backup(store_path, organ: str, organ_after: str | None = None):
    """A store holding a draft of ``organ``, backed up, then (optionally) one of ``organ_after``."""
    with open_store(store_path) as store:
        save(store, Draft.new(organ, 2025))
        backup = take_backup(store)
        if organ_after:
            save(store, Draft.new(organ_after, 2025))
    return backup


def test_restore_brings_back_the_backup_and_keeps_the_current_store(store_path):
    backup = _store_with_backup(store_path, "备份前", "备份后")
    result = restore_backup(backup.name)
    assert result.restored_from == backup
    with open_store(store_path) as store:
        assert _organs(store) == ["备份前"]
    with open_store(result.previous_saved_as) as before_restore:
        assert _organs(before_restore) == ["备份前", "备份后"]


def test_restore_over_a_damaged_store_moves_the_damaged_file_aside(store_path):
    backup = _store_with_backup(store_path, "机关")
    store_path.write_bytes(b"not a database at all" * 100)
    result = restore_backup(backup.name.removesuffix(".sqlite3"))  # the name without .sqlite3 works too
    assert result.previous_saved_as.read_bytes() == b"not a database at all" * 100
    assert result.previous_saved_as.name.startswith("drafts.sqlite3.damaged-")
    with open_store(store_path) as store:
        assert _organs(store) == ["机关"]


def test_restore_when_there_is_no_store(store_path):
    backup = _store_with_backup(store_path, "机关")
    store_path.unlink()
    assert restore_backup(backup.name).previous_saved_as is None
    with open_store(store_path) as store:
        assert _organs(store) == ["机关"] and load(store, 1).year == 2025


def test_an_unknown_backup_name_is_a_clear_error(store):
    with pytest.raises(DraftNotFoundError, match="备份"):
        restore_backup("drafts-19990101-000000.sqlite3")


def test_an_older_backup_is_migrated_when_restored(store_path, monkeypatch):
    backup = _store_with_backup(store_path, "机关")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, "CREATE TABLE later_feature (id INTEGER)"])
    open_store(store_path).close()  # now at version 2
    restore_backup(backup.name)
    with open_store(store_path) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == schema.current_version()
        assert _organs(store) == ["机关"]


def test_backup_names_sort_by_time(tmp_path):
    for name in ("drafts-20250102-000000.sqlite3", "drafts-20250101-120000-v1.sqlite3", "other.sqlite3"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in backups_module.list_backups(tmp_path)] == [
        "drafts-20250101-120000-v1.sqlite3",
        "drafts-20250102-000000.sqlite3",
    ]
    assert backups_module.backup_time(tmp_path / "drafts-20250102-000000.sqlite3") == dt.datetime(2025, 1, 2)
