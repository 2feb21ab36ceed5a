"""The SQLAlchemy side of a Store: an engine over the store's own connection factory, and its sessions.

Imported when a session is first asked for (``Store.session()``, ``Store.engine``): the engine's
connections are made by ``Store.connect`` (the same pragmas as the store's own connection), and
write sessions begin with ``BEGIN IMMEDIATE`` through ``engine.begin`` (retried while the store is busy).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

_BEGIN_OPTION = "disclosure_desk_begin"

Begin = Callable[[Callable[[str], object], str], None]  # engine.begin: BEGIN <mode>, retried while busy


def make_engine(connect: Callable[[], sqlite3.Connection], begin: Begin) -> Engine:
    # a file URL (not ":memory:") so that SQLAlchemy pools the connections as for a file
    engine = create_engine(URL.create("sqlite+pysqlite", database="store.sqlite3"), creator=connect)
    event.listen(engine, "connect", _on_connect)

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        begin(conn.exec_driver_sql, conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED"))

    return engine


def session_makers(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(writer, reader): write sessions begin with BEGIN IMMEDIATE, read sessions with BEGIN (DEFERRED)."""
    writer = sessionmaker(bind=engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}), expire_on_commit=False)
    return writer, sessionmaker(bind=engine, expire_on_commit=False)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # the "begin" listener emits BEGIN itself
