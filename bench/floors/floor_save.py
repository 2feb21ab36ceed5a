"""Floor for an autosave: raw sqlite3 in WAL mode with ``synchronous=FULL``, one UPDATE and a commit.

``FloorStore(path)`` opens (and creates) a one-table database with the store's pragmas;
``save(i)`` is one durable write of one value. bench/bench_ratios.py times it beside the app's
autosave of one cell edit (``Workspace.save``), call by call, interleaved.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class FloorStore:
    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute("CREATE TABLE IF NOT EXISTS cell (id TEXT PRIMARY KEY, text TEXT)")
        self.conn.execute("INSERT OR REPLACE INTO cell VALUES ('t3.new.natural', '0')")

    def save(self, i: int) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("UPDATE cell SET text = ? WHERE id = 't3.new.natural'", (str(i),))
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()
