"""Opening the store: validate the file, create or migrate it, and hand out short sessions.

Every connection gets ``foreign_keys=ON``, WAL journal, ``synchronous=FULL`` (a save that
returned survives a crash or power cut) and a busy timeout. Write sessions start with
``BEGIN IMMEDIATE`` (so a transaction never has to upgrade a read lock and fail half-way),
retried with backoff while another process holds the lock.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .. import paths
from ..errors import os_reason
from ..fileio import publish_file, remove_stale_files
from .backup_files import backup_connection, newest_backup
from .errors import StoreBusyError, StoreError, StoreNotWritableError, StoreUnreadableError
from .schema import STORE_FILE_NAME, current_version, migrate, read_version
from .sync import CREATED_DRAFTS
from .validate import check_store_file, has_log, sqlite_uri

log = logging.getLogger("disclosure_desk.storage")

BUSY_TIMEOUT_MS = 750
BEGIN_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4)  # seconds, after each busy timeout
_BEGIN_OPTION = "disclosure_desk_begin"
_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
)


def default_store_path() -> Path:
    return paths.data_dir() / STORE_FILE_NAME


class Store:
    """An open draft store. Sessions are short and opened by the caller (one per action)."""

    def __init__(self, path: Path, engine: Engine):
        self.path = path
        self.engine = engine
        self._writer = sessionmaker(bind=engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}), expire_on_commit=False)
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def backups_dir(self) -> Path:
        return self.path.parent / "backups"

    def take_backup(self, reason: str = "") -> Path:
        """Snapshot the store into the backups folder (``backup_files``); the newest ``KEEP`` are kept."""
        with translate_errors(self.path), self.engine.connect() as conn:
            return backup_connection(conn.connection.driver_connection, self.backups_dir, reason)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back if it raises.

        Drafts created in a transaction that does not commit get their ``id`` reset to None.
        """
        session = self._writer()
        try:
            with translate_errors(self.path), session.begin():
                yield session
        except BaseException:
            for draft in session.info.get(CREATED_DRAFTS, ()):
                draft.id = None
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only snapshot (never blocks and is never blocked by a writer)."""
        with translate_errors(self.path), self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextlib.contextmanager
    def repository(self, write: bool = True):
        """``with store.repository() as drafts: drafts.save(draft)`` - a session and its repository."""
        from .repository import DraftRepository

        with self.session() if write else self.read_session() as session:
            yield DraftRepository(session)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(
    path: str | os.PathLike[str] | None = None, *, create: bool = True, read_only: bool = False
) -> Store:
    """Open (validating, creating or migrating) the store; ``path`` defaults to the data folder.

    Raises ``StoreUnreadableError`` for a file that is not a healthy store of this version
    (left untouched), ``StoreNotWritableError`` when it cannot be written, and ``StoreError``
    when ``create`` is False and there is no store yet. Before a migration a backup is taken.

    ``read_only``: for a store that cannot be written (read-only file, folder or disk), so that
    its drafts can still be listed and exported; nothing is created or changed, and a write
    session fails with ``StoreNotWritableError``.
    """
    store_path = Path(path) if path is not None else default_store_path()
    if read_only:
        return _open_read_only(store_path)
    if os.path.lexists(store_path):
        check_store_file(store_path, newest_backup(store_path.parent / "backups"))
        _check_writable(store_path)
    elif not create:
        raise StoreError(f"还没有草稿库“{store_path}”。", f"{store_path}: no store yet")
    else:
        _create_store(store_path)
    store = Store(store_path, _make_engine(store_path))
    try:
        version = _stored_version(store)
        if version < current_version():
            if version > 0:
                store.take_backup(reason=f"v{version}")
            with translate_errors(store_path), store.engine.connect() as conn:
                migrate(conn.connection.driver_connection)
            log.info("migrated %s from schema version %d to %d", store_path, version, current_version())
    except BaseException:
        store.close()
        raise
    return store


def _open_read_only(store_path: Path) -> Store:
    if not os.path.lexists(store_path):
        raise StoreError(f"还没有草稿库“{store_path}”。", f"{store_path}: no store yet")
    check_store_file(store_path, newest_backup(store_path.parent / "backups"))
    # immutable: no -wal/-shm is created (there is no log to apply, and nobody can write here)
    uri = sqlite_uri(store_path, mode="ro", **({} if has_log(store_path) else {"immutable": "1"}))
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000),
    )
    event.listen(engine, "connect", _on_connect_read_only)
    store = Store(store_path, engine)
    try:
        if _stored_version(store) < current_version():
            raise StoreNotWritableError(
                f"草稿库“{store_path}”是旧版本的，需要升级，但它不能写入（只读）。请去掉只读属性后再打开。",
                f"{store_path}: read-only store needs a migration",
            )
    except BaseException:
        store.close()
        raise
    return store


def _on_connect_read_only(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _stored_version(store: Store) -> int:
    with translate_errors(store.path), store.engine.connect() as conn:
        return read_version(conn.connection.driver_connection)[1]


def _make_engine(path: Path) -> Engine:
    url = URL.create("sqlite+pysqlite", database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # the "begin" listener emits BEGIN itself
    for pragma in _PRAGMAS:
        dbapi_connection.execute(pragma)


def _on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
    for delay in (*BEGIN_RETRY_DELAYS, None):
        try:
            conn.exec_driver_sql(f"BEGIN {mode}")
            return
        except OperationalError as e:
            if delay is None or not is_busy(e):
                raise
            log.info("store busy, retrying in %.2f s", delay)
            if delay == BEGIN_RETRY_DELAYS[0] and wait_notice is not None:
                wait_notice()
            time.sleep(delay)


# Called once per wait, after the first busy timeout, before the retries (the CLI says it waits).
wait_notice: Callable[[], None] | None = None


def is_busy(error: BaseException) -> bool:
    orig = getattr(error, "orig", error)
    name = getattr(orig, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(orig)


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """SQLite's errors as the clerk's messages; anything else is a bug and passes through."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as e:
        translated = _translated(path, e)
        if translated is None:
            raise
        raise translated from e


def _translated(path: Path, error: BaseException) -> StoreError | None:
    orig = getattr(error, "orig", error)
    name = getattr(orig, "sqlite_errorname", "")
    if is_busy(error):
        return StoreBusyError(path)
    if name.startswith("SQLITE_FULL"):
        return StoreNotWritableError(f"磁盘已满，草稿没有保存：{path}。请清理磁盘空间后再保存。", f"{path}: disk full")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return StoreNotWritableError(
            f"草稿库“{path}”不能写入（只读或没有权限），草稿没有保存。", f"{path}: read-only ({name})"
        )
    if name.startswith("SQLITE_IOERR"):
        return StoreNotWritableError(f"读写草稿库“{path}”时出现磁盘错误，草稿没有保存。", f"{path}: I/O error ({name})")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return StoreUnreadableError(path, "读取时发现文件已损坏。", f"corrupt ({name})", newest_backup(path.parent / "backups"))
    return None


# ---- creating and checking the file -------------------------------------------------------


def _check_writable(path: Path) -> None:
    _probe_folder(path.parent)
    if not os.access(path, os.W_OK):
        raise StoreNotWritableError(
            f"草稿库文件“{path}”是只读的，草稿无法保存。请去掉该文件的只读属性（或检查权限）后再打开。",
            f"{path}: file is read-only",
        )


def _probe_folder(folder: Path) -> None:
    """SQLite needs to create its -wal and -shm files next to the store: try it for real."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as e:
        raise StoreNotWritableError(
            f"数据文件夹“{folder}”不能写入（{os_reason(e)}），草稿无法保存。请检查该文件夹的权限，"
            "或用 --data-dir（环境变量 DISCLOSURE_DESK_DATA_DIR）指定另一个可写的文件夹。",
            f"{folder}: not writable ({e})",
        ) from None


def _create_store(path: Path) -> None:
    """A new, empty store of the newest version, published atomically (never half-created)."""
    _probe_folder(path.parent)
    remove_stale_files(path.parent, f".{path.name}.*.new*")  # of a creation that was killed
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    os.close(fd)
    try:
        with translate_errors(path):
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                migrate(conn)
            finally:
                conn.close()
        if not publish_file(Path(tmp), path, overwrite=False):
            log.info("%s was created by another process meanwhile", path)
    finally:
        for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
