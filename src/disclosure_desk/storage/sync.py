"""Reading a draft's rows and writing only the rows that differ (Core statements, one session).

An autosave after one keystroke rewrites one value or one text row plus the draft's
``updated_at``; a full draft is written only when it is created.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, tuple_, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..domain import STATUS_DRAFT, Draft
from . import codec
from .models import DraftRecord, TextRecord, ValueRecord

CREATED_DRAFTS = "disclosure_desk_created"  # Session.info key: drafts given an id in this transaction

_DRAFTS = DraftRecord.__table__
_VALUES = ValueRecord.__table__
_TEXTS = TextRecord.__table__

_upsert_value = sqlite_insert(_VALUES)
_upsert_value = _upsert_value.on_conflict_do_update(
    index_elements=[_VALUES.c.draft_id, _VALUES.c.cell_id],
    set_={"kind": _upsert_value.excluded.kind, "text": _upsert_value.excluded.text},
)
_upsert_text = sqlite_insert(_TEXTS)
_upsert_text = _upsert_text.on_conflict_do_update(
    index_elements=[_TEXTS.c.draft_id, _TEXTS.c.family, _TEXTS.c.key],
    set_={"pos": _upsert_text.excluded.pos, "format": _upsert_text.excluded.format, "body": _upsert_text.excluded.body},
)


@dataclass
class Changes:
    columns: dict[str, Any] = field(default_factory=dict)
    values: list[dict[str, Any]] = field(default_factory=list)  # rows to insert or update
    gone_values: list[str] = field(default_factory=list)  # cell ids
    texts: list[dict[str, Any]] = field(default_factory=list)
    gone_texts: list[tuple[str, str]] = field(default_factory=list)  # (family, key)

    def __bool__(self) -> bool:
        return bool(self.columns or self.values or self.gone_values or self.texts or self.gone_texts)


class DraftWriter:
    def __init__(self, session: Session):
        self.session = session

    @property
    def _conn(self):
        return self.session.connection()

    # ---- reading ------------------------------------------------------------------------
    def stored_columns(self, draft_id: int) -> dict[str, Any] | None:
        row = self._conn.execute(select(_DRAFTS).where(_DRAFTS.c.id == draft_id)).first()
        return dict(row._mapping) if row is not None else None

    def stored_values(self, draft_id: int) -> dict[str, codec.ValueRow]:
        stmt = select(_VALUES.c.cell_id, _VALUES.c.kind, _VALUES.c.text).where(_VALUES.c.draft_id == draft_id)
        return {cell_id: (kind, text) for cell_id, kind, text in self._conn.execute(stmt)}

    def stored_texts(self, draft_id: int) -> dict[tuple[str, str], codec.TextRow]:
        t = _TEXTS.c
        stmt = select(t.family, t.key, t.pos, t.format, t.body).where(t.draft_id == draft_id)
        return {(family, key): (pos, fmt, body) for family, key, pos, fmt, body in self._conn.execute(stmt)}

    # ---- comparing and writing ----------------------------------------------------------
    def changes(self, draft: Draft, stored: dict[str, Any]) -> Changes:
        draft_id = stored["id"]
        out = Changes()
        out.columns = {k: v for k, v in codec.draft_columns(draft).items() if stored[k] != v}
        out.values, out.gone_values = _diff(codec.value_rows(draft), self.stored_values(draft_id), draft_id, _value_row)
        out.texts, out.gone_texts = _diff(codec.text_rows(draft), self.stored_texts(draft_id), draft_id, _text_row)
        return out

    def apply(self, draft_id: int, changes: Changes, now: dt.datetime) -> dt.datetime:
        conn = self._conn
        if changes.values:
            conn.execute(_upsert_value, changes.values)
        if changes.gone_values:
            conn.execute(
                delete(_VALUES).where(_VALUES.c.draft_id == draft_id, _VALUES.c.cell_id.in_(changes.gone_values))
            )
        if changes.texts:
            conn.execute(_upsert_text, changes.texts)
        if changes.gone_texts:
            conn.execute(
                delete(_TEXTS).where(
                    _TEXTS.c.draft_id == draft_id, tuple_(_TEXTS.c.family, _TEXTS.c.key).in_(changes.gone_texts)
                )
            )
        conn.execute(
            update(_DRAFTS)
            .where(_DRAFTS.c.id == draft_id)
            .values(**changes.columns, revision=_DRAFTS.c.revision + 1, updated_at=now)
        )
        return now

    def create(self, draft: Draft, now: dt.datetime) -> dt.datetime:
        conn = self._conn
        row = {**codec.draft_columns(draft), "status": STATUS_DRAFT, "revision": 1, "created_at": now, "updated_at": now}
        draft.id = conn.execute(insert(_DRAFTS).values(**row)).inserted_primary_key[0]
        self.session.info.setdefault(CREATED_DRAFTS, []).append(draft)
        values = [_value_row(draft.id, key, row) for key, row in codec.value_rows(draft).items()]
        texts = [_text_row(draft.id, key, row) for key, row in codec.text_rows(draft).items()]
        if values:
            conn.execute(insert(_VALUES), values)
        if texts:
            conn.execute(insert(_TEXTS), texts)
        return now


def _value_row(draft_id: int, cell_id: str, row: codec.ValueRow) -> dict[str, Any]:
    return {"draft_id": draft_id, "cell_id": cell_id, "kind": row[0], "text": row[1]}


def _text_row(draft_id: int, key: tuple[str, str], row: codec.TextRow) -> dict[str, Any]:
    return {"draft_id": draft_id, "family": key[0], "key": key[1], "pos": row[0], "format": row[1], "body": row[2]}


def _diff(wanted: dict, have: dict, draft_id: int, make_row) -> tuple[list[dict[str, Any]], list]:
    """Rows to upsert (new or different) and keys to delete (stored but no longer wanted)."""
    changed = [make_row(draft_id, key, row) for key, row in wanted.items() if have.get(key) != row]
    return changed, [key for key in have if key not in wanted]
