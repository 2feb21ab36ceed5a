"""The draft store on a PostgreSQL server (an office's several clerks and its review desk), behind the same API
as the local SQLite ``engine.Store``: ``rows()`` (listing, loading, saving: ``rows.DraftRows`` on the psycopg
connection), ``session()`` / ``read_session()`` / ``repository()`` (SQLAlchemy sessions, ``DraftRepository``).

SQLAlchemy's engine (``postgresql+psycopg``) pools the connections and checks one before handing it out (a
server that restarted is reconnected to, not an error). Connections give up quickly when the server cannot be
reached (``connect_timeout``, TCP keepalives and ``tcp_user_timeout``) and a lock is never waited for long
(``lock_timeout``): the app's autosave then keeps the edit in its local journal (``application/journal.py``).
Every error the clerk can meet becomes a ``StoreError`` with a Chinese message (``server_errors.py``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from .errors import StoreError, log_info
from .rows import DraftRows
from .schema import current_version
from .schema_server import REVIEWER_ROLE, server_version
from .server_errors import translate_server_errors
from .transactions import read_session, write_session

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine
    from sqlalchemy.orm import Session

    from .repository import DraftRepository
    from .rows import Saved

CONNECT_TIMEOUT_S = 5
_CONNECT_ARGS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,  # ms: a write the network swallows fails after 10 s instead of minutes
    "application_name": "disclosure-desk",
    "options": "-c lock_timeout=5000 -c idle_in_transaction_session_timeout=60000",
}


class ServerStore:
    """An open store on a PostgreSQL server. ``user``: the login role; ``organ`` and ``display_name`` as the
    server's ``desk_users`` has them; ``is_reviewer``: a member of ``dd_reviewer`` (reads everything)."""

    is_server = True

    def __init__(self, url: URL):
        from sqlalchemy import create_engine

        self.url = url
        self.location = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"
        self.user = url.username or ""
        self.organ = ""
        self.display_name = self.user
        self.is_reviewer = False
        self.engine: Engine = create_engine(url, pool_pre_ping=True, pool_size=2, connect_args=dict(_CONNECT_ARGS))
        self._saved: dict[int, Saved] = {}
        self._sessions: Any = None

    @property
    def path(self) -> str:
        return self.location

    @contextlib.contextmanager
    def rows(self, write: bool = False) -> Iterator[DraftRows]:
        """One transaction on a pooled connection (``rows.DraftRows``), committed at the end, rolled back if the
        block raises. Drafts created in a transaction that does not commit get their ``id`` reset."""
        learned: dict[int, Saved] = {}
        created: list[Any] = []
        try:
            with translate_server_errors(self.location), self.engine.connect() as conn, conn.begin():
                yield DraftRows(conn.connection.driver_connection, self._saved, learned, created, who=self.display_name)
        except BaseException:
            for draft in created:
                draft.id = None
            for draft_id in learned:
                self._saved.pop(draft_id, None)
            raise
        self._saved.update(learned)

    def session(self) -> AbstractContextManager[Session]:
        return write_session(self._session_maker(), self.display_name, translate_server_errors(self.location))

    def read_session(self) -> AbstractContextManager[Session]:
        return read_session(self._session_maker(), self.display_name, translate_server_errors(self.location))

    @contextlib.contextmanager
    def repository(self, write: bool = True) -> Iterator[DraftRepository]:
        from .repository import DraftRepository

        with self.session() if write else self.read_session() as session:
            yield DraftRepository(session)

    def _session_maker(self) -> Any:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        return self._sessions

    def check(self) -> None:
        """Connect, check the schema version, learn who we are (``StoreError`` when the clerk cannot work here)."""
        with translate_server_errors(self.location), self.engine.connect() as conn:
            dbapi: Any = conn.connection.driver_connection
            version = server_version(dbapi)
            if version == 0:
                raise StoreError(
                    f"服务器“{self.location}”上还没有草稿库。请信息技术人员先运行 disclosure-desk server-setup（见 docs/server.md）。",
                    f"{self.location}: no schema",
                )
            if version != current_version():
                raise _version_error(self.location, version)
            row = dbapi.execute(
                "SELECT u.organ, u.display_name, pg_has_role(current_user, %s, 'MEMBER') "
                "FROM (SELECT 1) one LEFT JOIN desk_users u ON u.name = current_user",
                (REVIEWER_ROLE,),
            ).fetchone()
            conn.rollback()
        organ, display_name, reviewer = row
        self.organ, self.is_reviewer = organ or "", bool(reviewer)
        self.display_name = display_name or self.user
        log_info("server store %s opened as %s (organ %r, reviewer %s)", self.location, self.user, self.organ, reviewer)

    def take_backup(self, reason: str = "") -> None:
        """A server is backed up on the server (pg_dump, docs/server.md), not by each PC."""

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _version_error(location: str, version: int) -> StoreError:
    if version > current_version():
        return StoreError(
            f"服务器“{location}”上的草稿库由更新版本的 Disclosure Desk 升级过（第 {version} 版，本程序只支持到第 "
            f"{current_version()} 版）。请安装最新版本后再连接。",
            f"{location}: schema version {version} is newer than {current_version()}",
        )
    return StoreError(
        f"服务器“{location}”上的草稿库是旧版本的（第 {version} 版），需要升级到第 {current_version()} 版。"
        "请信息技术人员运行 disclosure-desk server-setup 升级（升级前先用 pg_dump 备份，见 docs/server.md）。",
        f"{location}: schema version {version} needs an upgrade to {current_version()}",
    )
