"""Opening the store: validate the file, create or migrate it, and hand out short transactions.

Every connection gets ``foreign_keys=ON``, WAL journal, ``synchronous=FULL`` (a save that
returned survives a crash or power cut) and a busy timeout. Write transactions start with
``BEGIN IMMEDIATE`` (so a transaction never has to upgrade a read lock and fail half-way),
retried with backoff while another process holds the lock.

Two doors lead to the same tables, over connections made by the same ``Store.connect``:
``Store.rows()`` (the store's own sqlite3 connection and ``rows.DraftRows``: listing, loading and
saving, what the start window, autosave and ``disclosure-desk list`` do) and the SQLAlchemy sessions
(``Store.session()``, ``DraftRepository``: everything). Nothing here imports SQLAlchemy: the engine is
made when a session is first asked for (``sessions.py``), so the start window and the ``list``
command never pay for importing it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import sys
import time
from _thread import RLock  # threading's own RLock (its C lock); importing threading costs ~1 ms of ``list``
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path

from .. import paths
from ..errors import os_reason
from ..fileio import publish_file, remove_stale_files
from .backup_files import backup_connection, newest_backup
from .errors import StoreBusyError, StoreError, StoreNotWritableError, StoreUnreadableError, log_info
from .schema import STORE_FILE_NAME, current_version, migrate, read_version
from .transactions import read_session, write_session
from .validate import check_store_file, has_log, sqlite_uri

TYPE_CHECKING = False  # typing is not imported at run time (the list command's path: ~3 ms)
if TYPE_CHECKING:
    from typing import Any

    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from .repository import DraftRepository
    from .rows import DraftRows, Saved


BUSY_TIMEOUT_MS = 750
BEGIN_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4)  # seconds, after each busy timeout
_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
)
_READ_ONLY_PRAGMAS = ("PRAGMA foreign_keys = ON", f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def local_user() -> str:
    """The PC's user name (who saves in a local store), without importing getpass."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return "本机用户"


def default_store_path() -> Path:
    return paths.data_dir() / STORE_FILE_NAME


class Store:
    """An open draft store. Transactions are short and opened by the caller (one per action).

    ``user``: who saves here (the PC's user name: the change log and ``updated_by``)."""

    is_server = False
    is_reviewer = False
    organ = ""

    def __init__(self, path: Path, connect: Callable[[], sqlite3.Connection]):
        self.path = path
        self.location = str(path)
        self.user = local_user()
        self.display_name = self.user
        self.connect = connect  # a new connection with the store's pragmas, in autocommit mode
        self._engine: Engine | None = None
        self._sessions: tuple[Any, Any] | None = None  # (writer, reader) sessionmakers
        self._conn: sqlite3.Connection | None = None  # the store's own connection (rows, backups, migrations)
        self._lock = RLock()  # one transaction at a time on it
        self._saved: dict[int, Saved] = {}  # what rows() last read or wrote of each draft (rows.Saved)

    @property
    def backups_dir(self) -> Path:
        return self.path.parent / "backups"

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine over ``connect`` (imports SQLAlchemy the first time)."""
        if self._engine is None:
            from .sessions import make_engine

            self._engine = make_engine(self.connect, begin)
        return self._engine

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """The store's own connection, outside any transaction (backups, migrations, restores)."""
        with self._lock, translate_errors(self.path):
            if self._conn is None:
                self._conn = self.connect()
            yield self._conn

    @contextlib.contextmanager
    def rows(self, write: bool = False) -> Iterator[DraftRows]:
        """One transaction on the store's own connection, without SQLAlchemy: a read snapshot, or with
        ``write`` a write transaction (``BEGIN IMMEDIATE``), committed when the block ends and rolled
        back if it raises. Drafts created in a transaction that does not commit get their ``id`` reset."""
        from .rows import DraftRows

        with self.connection() as conn:
            learned: dict[int, Saved] = {}
            created: list[Any] = []
            begin(conn.execute, "IMMEDIATE" if write else "DEFERRED")
            try:
                yield DraftRows(conn, self._saved, learned, created, who=self.display_name)
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                for draft in created:
                    draft.id = None
                for draft_id in learned:
                    self._saved.pop(draft_id, None)
                raise
            self._saved.update(learned)

    def take_backup(self, reason: str = "") -> Path:
        """Snapshot the store into the backups folder (``backup_files``); the newest ``KEEP`` are kept."""
        with self.connection() as conn:
            return backup_connection(conn, self.backups_dir, reason)

    def session(self) -> AbstractContextManager[Session]:
        """A write transaction: committed when the block ends, rolled back if it raises.

        Drafts created in a transaction that does not commit get their ``id`` reset to None.
        """
        return write_session(self._session_makers()[0], self.display_name, translate_errors(self.path))

    def read_session(self) -> AbstractContextManager[Session]:
        """A read-only snapshot (never blocks and is never blocked by a writer)."""
        return read_session(self._session_makers()[1], self.display_name, translate_errors(self.path))

    @contextlib.contextmanager
    def repository(self, write: bool = True) -> Iterator[DraftRepository]:
        """``with store.repository() as drafts: drafts.save(draft)`` - a session and its repository."""
        from .repository import DraftRepository

        with self.session() if write else self.read_session() as session:
            yield DraftRepository(session)

    def _session_makers(self) -> tuple[Any, Any]:
        if self._sessions is None:
            from .sessions import session_makers

            self._sessions = session_makers(self.engine)
        return self._sessions

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        if self._engine is not None:
            self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | os.PathLike[str] | None = None, *, create: bool = True, read_only: bool = False) -> Store:
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
    store = Store(store_path, partial(_connect, str(store_path)))
    try:
        version = _stored_version(store)
        if version < current_version():
            if version > 0:
                store.take_backup(reason=f"v{version}")
            with store.connection() as conn:
                migrate(conn)
            log_info("migrated %s from schema version %d to %d", store_path, version, current_version())
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
    store = Store(store_path, partial(_connect, uri, uri=True, pragmas=_READ_ONLY_PRAGMAS))
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


def _connect(database: str, uri: bool = False, pragmas: tuple[str, ...] | None = None) -> sqlite3.Connection:
    """A connection in autocommit mode (the transactions' BEGIN is ours) with the store's pragmas."""
    conn = sqlite3.connect(
        database, uri=uri, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
    )
    try:
        for pragma in _PRAGMAS if pragmas is None else pragmas:
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


def _stored_version(store: Store) -> int:
    with store.connection() as conn:
        return read_version(conn)[1]


def begin(execute: Callable[[str], object], mode: str) -> None:
    """``BEGIN <mode>``, retried with backoff while another process holds the lock (``StoreBusyError``
    reaches the clerk only after about 4.5 s in all)."""
    for delay in (*BEGIN_RETRY_DELAYS, None):
        try:
            execute(f"BEGIN {mode}")
            return
        except Exception as e:
            if delay is None or not is_busy(e):
                raise
            log_info("store busy, retrying in %.2f s", delay)
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
    except Exception as e:
        if not _is_database_error(e):
            raise
        translated = _translated(path, e)
        if translated is None:
            raise
        raise translated from e


def _is_database_error(error: BaseException) -> bool:
    """sqlite3's errors, and SQLAlchemy's wrapping of them (looked up only once SQLAlchemy is loaded)."""
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
    return isinstance(error, sqlite3.Error) or (
        sqlalchemy_errors is not None and isinstance(error, sqlalchemy_errors.DBAPIError)
    )


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
        return StoreUnreadableError(
            path, "读取时发现文件已损坏。", f"corrupt ({name})", newest_backup(path.parent / "backups")
        )
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
        _write_unnamed_file(folder)
    except OSError as e:
        raise StoreNotWritableError(
            f"数据文件夹“{folder}”不能写入（{os_reason(e)}），草稿无法保存。请检查该文件夹的权限，"
            "或用 --data-dir（环境变量 DISCLOSURE_DESK_DATA_DIR）指定另一个可写的文件夹。",
            f"{folder}: not writable ({e})",
        ) from None


def _write_unnamed_file(folder: Path) -> None:
    """Create (and drop) a file in ``folder`` that leaves nothing behind, even when the process is killed:
    Linux's O_TMPFILE where the file system has it (what tempfile.TemporaryFile tries first, without
    importing tempfile on the way of ``list``), else tempfile's own."""
    tmpfile = getattr(os, "O_TMPFILE", 0)
    if tmpfile:
        try:
            os.close(os.open(folder, tmpfile | os.O_WRONLY, 0o600))
            return
        except IsADirectoryError:  # O_TMPFILE unknown to the kernel (it then reads as O_DIRECTORY)
            pass
        except OSError as e:
            if e.errno not in (errno.EOPNOTSUPP, errno.EINVAL):  # unsupported here; any other error is the answer
                raise
    import tempfile

    with tempfile.TemporaryFile(dir=folder, prefix=".write-test-"):
        pass


def _create_store(path: Path) -> None:
    """A new, empty store of the newest version, published atomically (never half-created)."""
    import tempfile

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
            log_info("%s was created by another process meanwhile", path)
    finally:
        for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
