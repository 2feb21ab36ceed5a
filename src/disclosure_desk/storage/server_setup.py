"""Setting up a PostgreSQL server for an office (``disclosure-desk server-setup`` and ``server-user``).

``setup_database(admin_url)``: the database named in the URL is created when missing (UTF-8), brought to the
newest schema (``schema_server.migrate_server``: tables, the group roles ``dd_clerk``/``dd_reviewer``,
row-level security), and closed to everyone but those roles. Run again after installing a newer version: it
upgrades (and does nothing when there is nothing to do). ``add_user``: a clerk of an organ or a reviewer, as a
PostgreSQL login role (its password kept by the server as a SCRAM hash) and a row of ``desk_users``.
Both need a role that may create databases and roles (the ``postgres`` superuser on a fresh server).
"""

from __future__ import annotations

import contextlib
from typing import Any, NamedTuple

from .errors import StoreError
from .schema_server import CLERK_ROLE, REVIEWER_ROLE, migrate_server, server_version
from .server_errors import translate_server_errors


class SetupResult(NamedTuple):
    database: str
    created: bool  # the database did not exist before
    version_before: int
    version: int


def setup_database(admin_url: str) -> SetupResult:
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    database = url.database or "disclosure_desk"
    location = f"{url.host or 'localhost'}:{url.port or 5432}/{database}"
    with translate_server_errors(location):
        with contextlib.closing(psycopg.connect(**_params(url, "postgres"), autocommit=True)) as maintenance:
            exists = maintenance.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
            if exists is None:
                maintenance.execute(
                    sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(sql.Identifier(database))
                )
        with contextlib.closing(psycopg.connect(**_params(url, database), autocommit=True)) as conn:
            _check_encoding(conn, location)
            before = migrate_server(conn)
            with conn.transaction():
                name = sql.Identifier(database)
                conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(name))
                conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO dd_clerk, dd_reviewer").format(name))
            version = server_version(conn)
    return SetupResult(database, exists is None, before, version)


def add_user(
    conn: Any, name: str, password: str, *, organ: str = "", display_name: str = "", reviewer: bool = False
) -> None:
    """Create (or update) the login role ``name`` with ``password`` and record its organ (a reviewer has none).

    ``conn``: a psycopg connection in autocommit mode to the office's database, as a role that may create roles."""
    from psycopg import sql

    if not reviewer and not organ.strip():
        raise StoreError("请为办事员账户指定所属机关（--organ）。", "a clerk needs an organ")
    role = sql.Identifier(name)
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(password)))
        group, other = (REVIEWER_ROLE, CLERK_ROLE) if reviewer else (CLERK_ROLE, REVIEWER_ROLE)
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), role))
        conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), role))
        conn.execute(
            "INSERT INTO desk_users (name, organ, display_name) VALUES (%s, %s, %s) ON CONFLICT (name) DO UPDATE "
            "SET organ = excluded.organ, display_name = excluded.display_name",
            (name, "" if reviewer else organ.strip(), display_name.strip() or name),
        )


def add_user_at(admin_url: str, name: str, password: str, **options: Any) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    location = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"
    with (
        translate_server_errors(location),
        contextlib.closing(psycopg.connect(**_params(url, url.database), autocommit=True)) as conn,
    ):
        if server_version(conn) == 0:
            raise StoreError(f"“{location}”上还没有草稿库，请先运行 server-setup。", f"{location}: no schema")
        add_user(conn, name, password, **options)


def _params(url: Any, database: str | None) -> dict[str, Any]:
    params = {"host": url.host, "port": url.port, "user": url.username, "password": url.password, "dbname": database}
    return {key: value for key, value in params.items() if value is not None} | {"connect_timeout": 10}


def _check_encoding(conn: Any, location: str) -> None:
    encoding = conn.execute("SHOW server_encoding").fetchone()[0]
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raise StoreError(
            f"数据库“{location}”的编码是 {encoding}，草稿库需要 UTF8。请删除它后重新运行 server-setup（会以 UTF8 新建）。",
            f"{location}: server_encoding {encoding}",
        )
