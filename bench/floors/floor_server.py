"""Floors for bench_server.py: the least a store on a PostgreSQL server over loopback can do.

- ``FloorServerSave(url)``: one psycopg connection kept open (as the store's pool keeps one); ``save(i)`` is one
  UPDATE of one row and a COMMIT, durable when it returns (the server's default ``synchronous_commit=on``) —
  an autosave cannot write less than that;
- ``read_rows(url, year)``: every row a review of a year's drafts and last year's needs (the drafts, their
  values and texts), fetched over one connection with three plain SELECTs and kept — no Draft built, no check.
"""

from __future__ import annotations

from typing import Any


class FloorServerSave:
    def __init__(self, url: str):
        import psycopg

        self.conn = psycopg.connect(url)
        with self.conn.transaction():
            self.conn.execute("CREATE TABLE IF NOT EXISTS floor_cell (id text PRIMARY KEY, value text)")
            self.conn.execute("INSERT INTO floor_cell VALUES ('t3.new.natural', '0') ON CONFLICT DO NOTHING")
        self.conn.commit()

    def save(self, i: int) -> None:
        self.conn.execute("UPDATE floor_cell SET value = %s WHERE id = 't3.new.natural'", (str(i),))
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


def read_rows(url: str, year: int) -> list[Any]:
    import psycopg

    with psycopg.connect(url) as conn:
        ids = "SELECT id FROM drafts WHERE deleted_at IS NULL AND year IN (%s, %s)"
        drafts = conn.execute("SELECT * FROM drafts WHERE id IN (" + ids + ")", (year, year - 1)).fetchall()
        values = conn.execute("SELECT * FROM draft_values WHERE draft_id IN (" + ids + ")", (year, year - 1)).fetchall()
        texts = conn.execute("SELECT * FROM draft_texts WHERE draft_id IN (" + ids + ")", (year, year - 1)).fetchall()
    return [drafts, values, texts]
