"""Opening the store: pragmas, schema version, migrations, and every refusal leaving the file as it was."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect

from disclosure_desk import paths
from disclosure_desk.domain import Draft
from disclosure_desk.interchange import dumps_report
from disclosure_desk.storage import (
    DraftRepository,
    NewerVersionError,
    StoreBusyError,
    StoreError,
    StoreNotWritableError,
    StoreUnreadableError,
    open_store,
    schema,
    take_backup,
)
from disclosure_desk.storage import engine as engine_module
from disclosure_desk.storage.backups import list_backups
from disclosure_desk.storage.models import Base
from tests.child_events import SAFETY_NET
from tests.storage.storehelp import file_state, load, sample_draft, save

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_new_store_is_created_with_its_folder(store_path):
    assert not store_path.parent.exists()
    with open_store(store_path):
        pass
    assert store_path.is_file()
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["drafts.sqlite3"]  # no temp files left
    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.current_version()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    conn.close()


def test_the_default_path_is_in_the_data_folder(data_dir):
    with open_store() as store:
        assert store.path == data_dir / "drafts.sqlite3"
        assert store.backups_dir == data_dir / "backups"


def test_every_connection_gets_the_pragmas(store):
    connections = [store.engine.connect() for _ in range(3)]  # three pool connections
    try:
        for conn in connections:
            get = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            assert (get("foreign_keys"), get("journal_mode"), get("synchronous")) == (1, "wal", 2)
            assert get("busy_timeout") == engine_module.BUSY_TIMEOUT_MS
    finally:
        for conn in connections:
            conn.close()


def test_the_migrated_schema_is_what_the_models_describe(store):
    inspector = inspect(store.engine)
    assert set(inspector.get_table_names()) == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        columns = {c["name"]: c for c in inspector.get_columns(name)}
        assert set(columns) == {c.name for c in table.columns}, name
        assert {c: columns[c]["nullable"] for c in columns} == {c.name: c.nullable for c in table.columns}, name
        assert inspector.get_pk_constraint(name)["constrained_columns"] == [c.name for c in table.primary_key]
        with store.engine.connect() as conn:
            fks = {(row[2], row[3], row[6]) for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({name})")}
        assert fks == {(fk.column.table.name, fk.parent.name, fk.ondelete) for fk in table.foreign_keys}


def test_a_file_written_by_schema_version_1_opens_with_its_drafts(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    shutil.copyfile(FIXTURES / "store-v1.sqlite3", path)
    with open_store(path) as store, store.read_session() as session:
        drafts = DraftRepository(session)
        exported = {s.organ: dumps_report(drafts.load(s.id)) for s in drafts.list_drafts()}
    for sample in ("yiluo-2019.json", "qinghe-tongjiju-2025.json"):
        draft = sample_draft(sample)
        assert exported[draft.organ].encode() == (paths.samples_dir() / sample).read_bytes()


def test_a_migration_takes_a_backup_first(store_path, monkeypatch):
    with open_store(store_path) as store:
        save(store, Draft.new("机关", 2025))
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, "CREATE TABLE later_feature (id INTEGER)"])
    with open_store(store_path) as store:
        backups = list_backups(store.backups_dir)
        assert [b.name.endswith(f"-v{schema.current_version() - 1}.sqlite3") for b in backups] == [True]
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar() == schema.current_version()
        assert load(store, 1).organ == "机关"
    backup = sqlite3.connect(backups[0])
    assert (
        backup.execute("PRAGMA user_version").fetchone()[0] == schema.current_version() - 1
    )  # the backup is the file as it was
    backup.close()


def test_create_false_does_not_create_a_store(store_path):
    with pytest.raises(StoreError, match="还没有草稿库"):
        open_store(store_path, create=False)
    assert not store_path.exists()


# ---- refusals -------------------------------------------------------------------------------


def _filled_store(path: Path, drafts: int = 20) -> None:
    with open_store(path) as store:
        for i in range(drafts):
            draft = sample_draft("qinghe-tongjiju-2025.json")
            draft.organ = f"机关{i}"
            save(store, draft)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _cut_mid_page(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 1000])


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _newer_version(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {schema.current_version() + 1}")
    conn.close()


def _foreign_database(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()


def _damaged_page(path: Path) -> None:
    """Scribble over the cells of a b-tree page in the middle (the header still looks fine)."""
    data = bytearray(path.read_bytes())
    page, pages = 4096, len(data) // 4096
    number = next(  # a b-tree page holding cells (the root page of an empty table has nothing to damage)
        n
        for n in range(pages // 2, pages)
        if data[n * page] in (0x02, 0x05, 0x0A, 0x0D) and int.from_bytes(data[n * page + 3 : n * page + 5], "big")
    )
    data[number * page + 8 : (number + 1) * page] = os.urandom(page - 8)
    path.write_bytes(bytes(data))


REFUSALS = {
    "truncated": (_truncated, "不完整"),
    "cut-mid-page": (_cut_mid_page, "不完整"),
    "random-bytes": (_random_bytes, "也不是 SQLite 数据库文件"),
    "empty": (_empty, "空的"),
    "newer-version": (_newer_version, "更新版本"),
    "foreign-sqlite": (_foreign_database, "其他程序的 SQLite 数据库"),
    "damaged-page": (_damaged_page, "损坏"),
}


@pytest.mark.parametrize("damage", REFUSALS, ids=list(REFUSALS))
def test_a_bad_file_is_refused_with_its_own_message_and_left_untouched(store_path, damage):
    make_bad, phrase = REFUSALS[damage]
    _filled_store(store_path)
    make_bad(store_path)
    before, listing = file_state(store_path), sorted(os.listdir(store_path.parent))
    with pytest.raises(StoreUnreadableError) as refused:
        open_store(store_path)
    assert phrase in refused.value.message and "未作任何改动" in refused.value.message
    assert refused.value.exit_code == 2
    assert file_state(store_path) == before and sorted(os.listdir(store_path.parent)) == listing


def test_the_messages_differ_from_one_another(tmp_path):
    messages = set()
    for damage, (make_bad, _) in REFUSALS.items():
        path = tmp_path / damage / "drafts.sqlite3"
        _filled_store(path, drafts=3)
        make_bad(path)
        with pytest.raises(StoreUnreadableError) as refused:
            open_store(path)
        messages.add(refused.value.problem)
    assert len(messages) >= len(REFUSALS) - 1  # the two truncations may share one


def test_a_refusal_names_the_newest_backup(store_path):
    _filled_store(store_path, drafts=2)
    with open_store(store_path) as store:
        take_backup(store)
        newest = take_backup(store, reason="manual")
    _random_bytes(store_path)
    with pytest.raises(StoreUnreadableError) as refused:
        open_store(store_path)
    assert refused.value.newest_backup == newest
    assert newest.name in refused.value.message and "restore-backup" in refused.value.message


def test_a_newer_file_is_not_offered_an_older_backup(store_path):
    _filled_store(store_path, drafts=1)
    _newer_version(store_path)
    with pytest.raises(NewerVersionError, match="请安装最新版本"):
        open_store(store_path)


def test_a_newer_version_still_in_the_write_ahead_log_is_refused(store_path):
    _filled_store(store_path, drafts=1)
    newer = sqlite3.connect(store_path, isolation_level=None)  # a newer app, still running
    newer.execute("PRAGMA wal_autocheckpoint = 0")
    newer.execute(f"PRAGMA user_version = {schema.current_version() + 1}")
    try:
        before = store_path.read_bytes()
        with pytest.raises(NewerVersionError):
            open_store(store_path)
        assert store_path.read_bytes() == before
    finally:
        newer.close()


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """A folder nobody may write into (root ignores permissions: use the immutable attribute)."""
    if os.name == "nt":
        pytest.skip("no read-only folders on Windows test runners")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode:
        pytest.skip("cannot make a folder read-only as root here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_read_only_folder_is_refused_clearly_and_the_file_left_alone(store_path):
    _filled_store(store_path, drafts=2)
    before = file_state(store_path)
    with read_only_folder(store_path.parent):
        with pytest.raises(StoreNotWritableError) as refused:
            open_store(store_path)
        listing = sorted(os.listdir(store_path.parent))
    assert "不能写入" in refused.value.message and refused.value.exit_code == 3
    assert file_state(store_path) == before and listing == ["drafts.sqlite3"]


def test_a_store_cannot_be_created_in_a_read_only_folder(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    with read_only_folder(parent), pytest.raises(StoreNotWritableError, match="不能写入"):
        open_store(parent / "data" / "drafts.sqlite3")


# ---- busy -------------------------------------------------------------------------------------


def _hold_write_lock(path: Path, release: threading.Event, held: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    held.set()
    release.wait(SAFETY_NET)
    conn.execute("ROLLBACK")
    conn.close()


def test_a_store_locked_for_too_long_gives_a_clear_message(store_path, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(engine_module, "BEGIN_RETRY_DELAYS", (0.01, 0.02))
    monkeypatch.setattr(engine_module, "_PRAGMAS", (*engine_module._PRAGMAS, "PRAGMA busy_timeout = 50"))
    release, held = threading.Event(), threading.Event()
    with open_store(store_path) as store:
        locker = threading.Thread(target=_hold_write_lock, args=(store_path, release, held))
        locker.start()
        assert held.wait(SAFETY_NET)
        draft = Draft.new("机关", 2025)
        try:
            with pytest.raises(StoreBusyError, match="正被另一个程序使用"):
                save(store, draft)
            assert draft.id is None
        finally:
            release.set()
            locker.join()
        save(store, draft)  # once the lock is gone, saving works again
        assert load(store, draft.id).organ == "机关"


def test_a_short_lock_is_waited_out_without_an_error(store, monkeypatch):
    """The lock is let go when the save says it is waiting (``engine.wait_notice``), not after a timer:
    the save goes on and succeeds."""
    release, held = threading.Event(), threading.Event()
    monkeypatch.setattr(engine_module, "wait_notice", release.set)
    locker = threading.Thread(target=_hold_write_lock, args=(store.path, release, held))
    locker.start()
    assert held.wait(SAFETY_NET)
    draft = Draft.new("机关", 2025)
    save(store, draft)
    locker.join()
    assert release.is_set()  # the save did have to wait
    assert load(store, draft.id).organ == "机关"


def test_files_left_by_a_killed_creation_are_cleaned_up(store_path):
    store_path.parent.mkdir(parents=True)
    stale, fresh = store_path.parent / ".drafts.sqlite3.abc.new", store_path.parent / ".drafts.sqlite3.def.new"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"another process is creating it right now")
    os.utime(stale, (1, 1))
    open_store(store_path).close()
    assert not stale.exists() and fresh.exists()


def test_importing_the_package_or_its_errors_does_not_import_sqlalchemy():
    code = (
        "import sys\n"
        "import disclosure_desk.cli, disclosure_desk.storage, disclosure_desk.storage.errors\n"
        "from disclosure_desk.storage import StoreError\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('sqlalchemy'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_full_disk_is_reported_and_nothing_half_saved(store):
    draft = sample_draft("qinghe-tongjiju-2025.json")
    save(store, draft)
    with pytest.raises(StoreNotWritableError, match="磁盘已满"), store.session() as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")  # no room to grow
        big = sample_draft("qinghe-tongjiju-2025.json")
        big.preface = "很长的前言" * 20000
        DraftRepository(session).save(big)
    assert big.id is None
    store.close()  # drop the connection that carries the page limit
    assert load(store, draft.id) == draft


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SQLITE_BUSY", StoreBusyError),
        ("SQLITE_READONLY", StoreNotWritableError),
        ("SQLITE_IOERR_WRITE", StoreNotWritableError),
        ("SQLITE_CORRUPT", StoreUnreadableError),
        ("SQLITE_ERROR", sqlite3.OperationalError),  # not a known condition: a bug, passed on as is
    ],
)
def test_sqlite_errors_become_the_clerks_messages(tmp_path, name, expected):
    error = sqlite3.OperationalError("simulated")
    error.sqlite_errorname = name
    with pytest.raises(expected), engine_module.translate_errors(tmp_path / "drafts.sqlite3"):
        raise error


def test_migration_scripts_are_split_as_sqlite_ends_statements():
    script = "CREATE TABLE t (a TEXT DEFAULT 'x;y');\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  SELECT 1; SELECT 2;\nEND;\n"
    statements = schema._statements(script)
    assert len(statements) == 2 and "'x;y'" in statements[0] and statements[1].endswith("END;")
    assert schema._statements("CREATE TABLE u (a INT);\nCREATE TABLE v (b INT)") == [
        "CREATE TABLE u (a INT);",
        "CREATE TABLE v (b INT)",
    ]
