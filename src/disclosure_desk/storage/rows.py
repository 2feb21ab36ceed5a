"""The draft tables through a sqlite3 connection: listing, loading, and writing only what differs.

The one implementation of the hot paths, used by both doors to the store: the ORM session's
``DraftRepository`` (on the session's own DBAPI connection, inside its transaction) and
``Store.rows()`` (the store's own connection, for callers that must not import SQLAlchemy: the app's
start window and autosave, ``disclosure-desk list``). The column names are those of ``models.py``
(tests check it); values are encoded as the ORM types encode them (``encoding``).

A save compares the Draft with what is stored and writes the difference. Reading a full draft back
before each autosave is most of its cost, so ``Store.rows()`` keeps what it last read or wrote of each
draft (``Saved``) with the draft's fingerprint: revision, created and updated times, read under the
write lock in the save's own transaction. Only when the stored fingerprint is the remembered one (no
one else has saved the draft since) is the remembered content taken for the stored one; otherwise it
is read. Every save that changes a draft raises its revision and sets its updated time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..records import record
from . import changelog
from .dialect import Dialect, dialect_of
from .encoding import optional_time_from_sql, time_from_sql, time_to_sql
from .errors import DraftConflictError, DraftFinalError, DraftNotFoundError
from .summary import STATUS_DRAFT, STATUS_FINAL, DraftSummary, utc_now

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the list command ~3 ms)
if TYPE_CHECKING:
    from typing import Any

    from ..domain import Draft

# the tables' columns, as models.py declares them (tests/storage/test_store_rows.py compares)
DRAFT_COLUMNS = (
    "id",
    "organ",
    "year",
    "edition",
    "title",
    "status",
    "signature_organ",
    "signature_date",
    "contact",
    "website",
    "extras",
    "revision",
    "created_at",
    "updated_at",
    "deleted_at",
    "owner",
    "updated_by",
)
VALUE_COLUMNS = ("draft_id", "cell_id", "kind", "text")
TEXT_COLUMNS = ("draft_id", "family", "key", "pos", "format", "body")
SUMMARY_COLUMNS = (
    "id",
    "organ",
    "year",
    "edition",
    "status",
    "title",
    "created_at",
    "updated_at",
    "deleted_at",
    "revision",
)
_TIMES = ("created_at", "updated_at", "deleted_at")

_SUMMARIES = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM drafts WHERE {{}} ORDER BY updated_at DESC, id DESC"
_UPSERT_VALUE = (
    "INSERT INTO draft_values (draft_id, cell_id, kind, text) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (draft_id, cell_id) DO UPDATE SET kind = excluded.kind, text = excluded.text"
)
_UPSERT_TEXT = (
    "INSERT INTO draft_texts (draft_id, family, key, pos, format, body) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (draft_id, family, key) DO UPDATE SET pos = excluded.pos, format = excluded.format, "
    "body = excluded.body"
)

Fingerprint = tuple[int, str, str]  # revision, created_at and updated_at as stored
ValueRow = tuple[str, "str | None"]  # codec.ValueRow: (kind, text)
TextKey = tuple[str, str]  # (family, key)
TextRow = tuple[int, str, str]  # codec.TextRow: (pos, format, body)
CREATED_DRAFTS = "disclosure_desk_created"  # Session.info key: drafts given an id in the session's transaction
SAVED_BY = "disclosure_desk_who"  # Session.info key: the user saving (change log, drafts.updated_by)


@record
class Saved:
    """A draft's stored content as this process last read or wrote it, and the fingerprint it had."""

    fingerprint: Fingerprint
    columns: dict[str, Any]  # codec.draft_columns
    values: dict[str, ValueRow]  # codec.value_rows
    texts: dict[TextKey, TextRow]  # codec.text_rows


@record
class SaveResult:
    at: dt.datetime  # when the draft was last saved (this save, or the last one that changed it)
    revision: int  # the stored revision after the save


class DraftRows:
    """The draft tables inside the caller's transaction on ``conn`` (sqlite3 in autocommit mode with BEGIN
    issued, or psycopg inside a transaction: ``dialect.py``).

    ``known``: what the store remembers of each draft (read); ``learned`` receives what this
    transaction reads or writes (the store keeps it once the transaction has committed);
    ``created``: drafts given an id here (their id is reset if the transaction fails);
    ``who``: the user saving (the change log and ``updated_by``; "" when nobody is named).
    """

    def __init__(
        self,
        conn: Any,
        known: dict[int, Saved] | None = None,
        learned: dict[int, Saved] | None = None,
        created: list[Draft] | None = None,
        who: str = "",
    ):
        self.conn = conn
        self.dialect: Dialect = dialect_of(conn)
        self.who = who
        self._known = known if known is not None else {}
        self._learned = learned if learned is not None else {}
        self._created = created if created is not None else []
        self.text_in: Callable[[Any], Any] = self.dialect.text_in
        self.text_out: Callable[[Any], Any] = self.dialect.text_out

    def execute(self, statement: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        """``statement`` (``?`` placeholders) on this transaction's connection; its cursor."""
        return self.dialect.execute(self.conn, statement, params)

    def executemany(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        self.dialect.executemany(self.conn, statement, rows)

    # ---- listing ------------------------------------------------------------------------
    def list_drafts(self) -> list[DraftSummary]:
        """Drafts not in the trash, most recently saved first."""
        return self._summaries("deleted_at IS NULL")

    def list_trash(self) -> list[DraftSummary]:
        return self._summaries("deleted_at IS NOT NULL")

    def find(self, organ: str, year: int | None) -> list[DraftSummary]:
        """Drafts (not in the trash) of ``organ`` for ``year``."""
        return self._summaries("deleted_at IS NULL AND organ = ? AND year IS ?", self.text_in(organ), year)

    def summary(self, draft_id: int) -> DraftSummary:
        found = self._summaries("id = ?", draft_id)
        if not found:
            raise DraftNotFoundError(f"编号为 {draft_id} 的草稿", f"no draft {draft_id}")
        return found[0]

    def _summaries(self, where: str, *params: Any) -> list[DraftSummary]:
        # the columns in SUMMARY_COLUMNS' order, which is DraftSummary's (tests/storage/test_store_rows.py)
        text_from_sql = self.text_out
        return [
            DraftSummary(
                draft_id,
                text_from_sql(organ),
                year,
                edition,
                status,
                text_from_sql(title),
                time_from_sql(created),
                time_from_sql(updated),
                optional_time_from_sql(deleted),
                revision,
            )
            for draft_id, organ, year, edition, status, title, created, updated, deleted, revision in self.execute(
                _SUMMARIES.format(where), params
            )
        ]

    # ---- reading a draft ----------------------------------------------------------------
    def stored_columns(self, draft_id: int) -> dict[str, Any] | None:
        """The draft's row, decoded (times as aware datetimes); None when there is none."""
        raw = self._raw_columns(draft_id)
        return None if raw is None else _decoded(raw, self.text_out)

    def _raw_columns(self, draft_id: int) -> dict[str, Any] | None:
        row = self.execute(f"SELECT {', '.join(DRAFT_COLUMNS)} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        return None if row is None else dict(zip(DRAFT_COLUMNS, row, strict=False))

    def stored_values(self, draft_id: int) -> dict[str, tuple[str, str | None]]:
        rows = self.execute("SELECT cell_id, kind, text FROM draft_values WHERE draft_id = ?", (draft_id,))
        return {cell_id: (kind, text) for cell_id, kind, text in rows}

    def stored_texts(self, draft_id: int) -> dict[tuple[str, str], tuple[int, str, str]]:
        rows = self.execute("SELECT family, key, pos, format, body FROM draft_texts WHERE draft_id = ?", (draft_id,))
        text_from_sql = self.text_out
        return {(family, text_from_sql(key)): (pos, fmt, text_from_sql(body)) for family, key, pos, fmt, body in rows}

    def revision(self, draft_id: int) -> int:
        """The draft's stored revision (``DraftNotFoundError`` when there is no such draft)."""
        row = self.execute("SELECT revision FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise DraftNotFoundError(f"编号为 {draft_id} 的草稿", f"no draft {draft_id}")
        return int(row[0])

    def load(self, draft_id: int) -> Draft:
        from . import codec

        raw = self._raw_columns(draft_id)
        if raw is None:
            raise DraftNotFoundError(f"编号为 {draft_id} 的草稿", f"no draft {draft_id}")
        columns, values, texts = _decoded(raw, self.text_out), self.stored_values(draft_id), self.stored_texts(draft_id)
        self._learn(draft_id, (raw["revision"], raw["created_at"], raw["updated_at"]), columns, values, texts)
        return codec.build_draft(columns, values, texts)

    # ---- saving -------------------------------------------------------------------------
    def save(self, draft: Draft) -> dt.datetime:
        """Write what changed since the stored version; returns when the draft was last saved.

        A new draft (``id`` None) is created and gets its id. A 定稿 draft is refused unless
        nothing changed. ``draft.status`` is refreshed from the store, never written here.
        """
        return self.save_checked(draft).at

    def save_checked(self, draft: Draft, expected_revision: int | None = None) -> SaveResult:
        """``save``, and with ``expected_revision`` refused (``DraftConflictError``, nothing written) when the
        stored draft is no longer that revision: someone else saved it since this copy was read."""
        from . import codec

        if draft.id is None:
            return self._create(draft)
        head = self.execute(
            "SELECT status, revision, created_at, updated_at, updated_by FROM drafts WHERE id = ?"
            + self.dialect.for_update,
            (draft.id,),
        ).fetchone()
        if head is None:
            raise DraftNotFoundError(f"编号为 {draft.id} 的草稿（可能已从回收站彻底删除）", f"no draft {draft.id}")
        status, revision, created_at, updated_at, updated_by = head
        if expected_revision is not None and revision != expected_revision:
            raise DraftConflictError(
                draft.id, draft.display_title, self.text_out(updated_by), time_from_sql(updated_at)
            )
        stored = self._stored(draft.id, (revision, created_at, updated_at))
        columns, values, texts = codec.draft_columns(draft), codec.value_rows(draft), codec.text_rows(draft)
        changed_columns = {k: v for k, v in columns.items() if stored.columns.get(k) != v}
        upserts, gone_values = _diff(values, stored.values)
        text_upserts, gone_texts = _diff(texts, stored.texts)
        draft.status = status
        if not (changed_columns or upserts or gone_values or text_upserts or gone_texts):
            return SaveResult(time_from_sql(updated_at), revision)
        if status == STATUS_FINAL:
            raise DraftFinalError(draft.id, draft.display_title)
        now = utc_now()
        self._write_values(draft.id, upserts, gone_values)
        self._write_texts(draft.id, text_upserts, gone_texts)
        assignments = [f"{name} = ?" for name in changed_columns] + ["revision = ?", "updated_at = ?", "updated_by = ?"]
        params = [self.text_in(v) for v in changed_columns.values()]
        params += [revision + 1, time_to_sql(now), self.text_in(self.who), draft.id]
        self.execute(f"UPDATE drafts SET {', '.join(assignments)} WHERE id = ?", params)
        changes = changelog.differences(stored, changed_columns, upserts, gone_values, text_upserts, gone_texts)
        changelog.record(self, draft.id, revision + 1, now, changes)
        self._learn(draft.id, (revision + 1, created_at, time_to_sql(now)), columns, values, texts)
        return SaveResult(now, revision + 1)

    def _stored(self, draft_id: int, fingerprint: Fingerprint) -> Saved:
        known = self._learned.get(draft_id) or self._known.get(draft_id)
        if known is not None and known.fingerprint == fingerprint:
            return known
        columns = self.stored_columns(draft_id)
        assert columns is not None  # the caller read its fingerprint in this transaction
        return Saved(fingerprint, columns, self.stored_values(draft_id), self.stored_texts(draft_id))

    def _create(self, draft: Draft) -> SaveResult:
        from . import codec

        now = utc_now()
        columns = codec.draft_columns(draft)
        row = {
            **columns,
            "status": STATUS_DRAFT,
            "revision": 1,
            "created_at": time_to_sql(now),
            "updated_at": time_to_sql(now),
            "updated_by": self.who,
        }
        names = list(row)
        draft.id = self.dialect.insert_id(
            self.conn,
            f"INSERT INTO drafts ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [self.text_in(row[n]) for n in names],
        )
        self._created.append(draft)
        draft.status = STATUS_DRAFT
        values, texts = codec.value_rows(draft), codec.text_rows(draft)
        self._write_values(draft.id, list(values.items()), [])
        self._write_texts(draft.id, list(texts.items()), [])
        changelog.record(self, draft.id, 1, now, [changelog.created()])
        self._learn(draft.id, (1, row["created_at"], row["updated_at"]), columns, values, texts)
        return SaveResult(now, 1)

    def _write_values(self, draft_id: int, rows: list[tuple[str, ValueRow]], gone: list[str]) -> None:
        if rows:
            self.executemany(_UPSERT_VALUE, [(draft_id, cell, kind, text) for cell, (kind, text) in rows])
        if gone:
            self.executemany(
                "DELETE FROM draft_values WHERE draft_id = ? AND cell_id = ?", [(draft_id, cell) for cell in gone]
            )

    def _write_texts(self, draft_id: int, rows: list[tuple[TextKey, TextRow]], gone: list[TextKey]) -> None:
        text_to_sql = self.text_in
        if rows:
            self.executemany(
                _UPSERT_TEXT,
                [
                    (draft_id, family, text_to_sql(key), pos, fmt, text_to_sql(body))
                    for (family, key), (pos, fmt, body) in rows
                ],
            )
        if gone:
            self.executemany(
                "DELETE FROM draft_texts WHERE draft_id = ? AND family = ? AND key = ?",
                [(draft_id, family, text_to_sql(key)) for family, key in gone],
            )

    def _learn(
        self,
        draft_id: int,
        fingerprint: Fingerprint,
        columns: dict[str, Any],
        values: dict[str, ValueRow],
        texts: dict[TextKey, TextRow],
    ) -> None:
        self._learned[draft_id] = Saved(fingerprint, dict(columns), dict(values), dict(texts))


def _decoded(raw: dict[str, Any], text_from_sql: Callable[[Any], Any]) -> dict[str, Any]:
    columns = {name: text_from_sql(value) for name, value in raw.items()}
    for name in _TIMES:
        columns[name] = optional_time_from_sql(columns[name])
    return columns


def _diff(wanted: dict[Any, Any], have: dict[Any, Any]) -> tuple[list[Any], list[Any]]:
    """Rows to upsert (new or different) and keys to delete (stored but no longer wanted)."""
    return [(key, row) for key, row in wanted.items() if have.get(key) != row], [
        key for key in have if key not in wanted
    ]
