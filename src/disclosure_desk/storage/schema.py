"""Schema versions of the store file and the migrations between them.

The version is ``PRAGMA user_version``; ``PRAGMA application_id`` marks a file as a
Disclosure Desk store. Each migration is frozen SQL (never generated from the ORM classes,
which describe only the newest version) and runs in one transaction together with the
version bump, so a crash leaves the file at the old version or the new one.

Adding version N+1: append a script to ``MIGRATIONS``, update ``models.py``, add a fixture
file written by version N to the tests. Never edit a published script.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x44446573  # "DDes"
STORE_FILE_NAME = "drafts.sqlite3"

_V1 = """
CREATE TABLE drafts (
    id INTEGER NOT NULL PRIMARY KEY,
    organ TEXT NOT NULL,
    year INTEGER,
    edition VARCHAR NOT NULL,
    title TEXT,
    status VARCHAR NOT NULL CHECK (status IN ('草稿', '定稿')),
    signature_organ TEXT NOT NULL,
    signature_date VARCHAR,
    contact TEXT NOT NULL,
    website TEXT NOT NULL,
    extras TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    deleted_at VARCHAR
);
CREATE INDEX ix_drafts_organ_year ON drafts (organ, year);
CREATE TABLE draft_values (
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    cell_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('int', 'dec', 'blank')),
    text VARCHAR,
    PRIMARY KEY (draft_id, cell_id)
) WITHOUT ROWID;
CREATE TABLE draft_texts (
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    family VARCHAR NOT NULL,
    key TEXT NOT NULL,
    pos INTEGER NOT NULL,
    format VARCHAR NOT NULL CHECK (format IN ('text', 'parts')),
    body TEXT NOT NULL,
    PRIMARY KEY (draft_id, family, key)
) WITHOUT ROWID;
CREATE TABLE draft_events (
    id INTEGER NOT NULL PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    at VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX ix_draft_events_draft_id ON draft_events (draft_id);
"""

# version 2: several clerks (docs/server.md): who owns a draft (an organ's account on a server; "" here) and who
# saved it last, the edit lease of each draft, the change log, and the server's users (empty in a local file)
_V2 = """
ALTER TABLE drafts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
CREATE TABLE draft_leases (
    draft_id INTEGER NOT NULL PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
    holder TEXT NOT NULL,
    host TEXT NOT NULL,
    token VARCHAR NOT NULL,
    since VARCHAR NOT NULL,
    renewed_at VARCHAR NOT NULL
);
CREATE TABLE draft_changes (
    id INTEGER NOT NULL PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    at VARCHAR NOT NULL,
    who TEXT NOT NULL,
    what VARCHAR NOT NULL,
    key TEXT NOT NULL,
    old TEXT,
    new TEXT
);
CREATE INDEX ix_draft_changes_draft_id ON draft_changes (draft_id, id);
CREATE TABLE desk_users (
    name TEXT NOT NULL PRIMARY KEY,
    organ TEXT NOT NULL,
    display_name TEXT NOT NULL
);
"""

# MIGRATIONS[n] takes a file from version n to version n + 1 (version 0: a new, empty file). The same steps for
# a PostgreSQL server are schema_server.SERVER_MIGRATIONS[n] (one history; tests compare both with models.py).
MIGRATIONS: list[str] = [_V1, _V2]


def current_version() -> int:
    return len(MIGRATIONS)


def read_version(conn: sqlite3.Connection) -> tuple[int, int]:
    """(application_id, user_version) as the connection sees them (WAL content included)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return app_id, version


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the file up to ``target`` (default: newest), one transaction per step.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Safe when two processes
    migrate at once: each step re-reads the version after taking the write lock.
    Returns the version the file had before.
    """
    target = current_version() if target is None else target
    _, before = read_version(conn)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _, version = read_version(conn)
            if version >= target:
                conn.execute("COMMIT")
                return before
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """The script's statements, as SQLite itself ends them (a ``;`` inside a string literal or a trigger
    body does not end one, as a split on ``;`` would)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():  # the last statement may go without its ";"
        statements.append(pending.strip())
    return statements
