"""What differs between the two kinds of store at the level of SQL: placeholders, text encoding, ids, locks, time.

``rows.py`` (listing, loading, saving), ``leases.py`` and ``changelog.py`` are written once, as SQL over a
DBAPI connection with ``?`` placeholders; a ``Dialect`` runs it on a sqlite3 connection (the local store)
or a psycopg 3 connection (the office server, PostgreSQL). Which one is told by the connection itself
(``dialect_of``), so the SQLAlchemy sessions' ``DraftRepository`` gets the right one for its engine.

Text: both keep every string exactly. SQLite stores a string with a lone surrogate as a BLOB
(``encoding.text_to_sql``); a PostgreSQL ``text`` column can hold neither a lone surrogate nor NUL, so
there those characters (and the escape character itself, U+FFFF, a noncharacter) are written as U+FFFF
followed by four hex digits (``pg_text_to_sql``). Strings without them are stored as they are.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from .encoding import text_from_sql, text_to_sql

TYPE_CHECKING = False  # typing is not imported at run time (the list command's path: ~3 ms)
if TYPE_CHECKING:
    from typing import Any

# patterns compiled when a server store first uses them (re's cache), not on every start
_PG_UNSAFE = "[\x00\ud800-\udfff\uffff]"
_PG_ESCAPED = "\uffff([0-9A-F]{4})"
_PG_ESCAPE = "\uffff"


def pg_text_to_sql(value: Any) -> Any:
    """A string as a PostgreSQL ``text`` value holds it (NUL, lone surrogates and U+FFFF escaped)."""
    if isinstance(value, str) and re.search(_PG_UNSAFE, value):
        return re.sub(_PG_UNSAFE, lambda m: f"{_PG_ESCAPE}{ord(m.group()):04X}", value)
    return value


def pg_text_from_sql(value: Any) -> Any:
    """The string ``pg_text_to_sql`` stored."""
    if isinstance(value, str) and _PG_ESCAPE in value:
        return re.sub(_PG_ESCAPED, lambda m: chr(int(m.group(1), 16)), value)
    return value


class Dialect:
    """SQL written for sqlite3 (``?`` placeholders), run as it is."""

    name = "sqlite"
    text_in: Callable[[Any], Any] = staticmethod(text_to_sql)
    text_out: Callable[[Any], Any] = staticmethod(text_from_sql)
    for_update = ""  # SQLite: the write transaction (BEGIN IMMEDIATE) is the lock

    def sql(self, statement: str) -> str:
        return statement

    def execute(self, conn: Any, statement: str, params: Sequence[Any] = ()) -> Any:
        return conn.execute(self.sql(statement), params)

    def executemany(self, conn: Any, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        conn.executemany(self.sql(statement), rows)

    def insert_id(self, conn: Any, statement: str, params: Sequence[Any]) -> int:
        """Run an INSERT of one row into a table with an ``id`` key; the id given to it."""
        return int(conn.execute(statement, params).lastrowid)

    def now(self, offset_seconds: int = 0) -> str:
        """An SQL expression: the database's time (UTC, ISO 8601 as ``encoding.time_to_sql`` writes it)."""
        shift = f", '{offset_seconds:+d} seconds'" if offset_seconds else ""
        return f"(strftime('%Y-%m-%dT%H:%M:%f', 'now'{shift}) || '000+00:00')"


class PostgresDialect(Dialect):
    """The same SQL on a psycopg 3 connection: ``%s`` placeholders, ``IS NOT DISTINCT FROM``, ``RETURNING``."""

    name = "postgresql"
    text_in = staticmethod(pg_text_to_sql)
    text_out = staticmethod(pg_text_from_sql)
    for_update = " FOR UPDATE"

    def sql(self, statement: str) -> str:
        return _pg_sql(statement)

    def executemany(self, conn: Any, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        with conn.cursor() as cursor:
            cursor.executemany(self.sql(statement), list(rows))

    def insert_id(self, conn: Any, statement: str, params: Sequence[Any]) -> int:
        row = conn.execute(self.sql(statement + " RETURNING id"), params).fetchone()
        return int(row[0])

    def now(self, offset_seconds: int = 0) -> str:
        shift = f" + interval '{offset_seconds} seconds'" if offset_seconds else ""
        return f"(to_char((clock_timestamp(){shift}) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') || '+00:00')"


@cache
def _pg_sql(statement: str) -> str:
    # the statements are ours: no "?" or "%" inside string literals ("%" only in SQLite's strftime)
    return statement.replace("%", "%%").replace(" IS ?", " IS NOT DISTINCT FROM ?").replace("?", "%s")


SQLITE = Dialect()
POSTGRES = PostgresDialect()


def dialect_of(conn: Any) -> Dialect:
    """The dialect of a DBAPI connection: sqlite3's, or else (psycopg) PostgreSQL's."""
    return SQLITE if isinstance(conn, sqlite3.Connection) else POSTGRES
