"""The change log (``draft_changes``): who changed which cell, text or field of a draft, and when.

Written in the transaction of the save that made the change (``rows.DraftRows.save_checked``), from the
difference that save writes anyway, so the log is exactly what was saved: one row per changed cell (its
old and new value as stored), per changed text (which one; the text itself is in the draft and would make
the log grow by a section per autosave) and per changed field of the basic information. A new draft gets one
``created`` row; 定稿, 重新打开, 删除 and 恢复 get a ``status`` row (``repository.py``). No SQLAlchemy here.
"""

from __future__ import annotations

import datetime as dt

from .. import records
from .encoding import time_from_sql, time_to_sql

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the list command ~3 ms)
if TYPE_CHECKING:
    from typing import Any

    from .rows import DraftRows, Saved

VALUE = "value"  # key: the cell id; old/new: the value as text, None for blank or absent
TEXT = "text"  # key: "family/key" (a section's title, the preface …); no content
FIELD = "field"  # key: the drafts column (organ, title, signature …); old/new as stored
STATUS = "status"  # key: 定稿 / 重新打开 / 删除 / 恢复; new: the reason given
CREATED = "created"  # a new draft (saved whole, or a copy)

_LONGEST = 200  # characters of an old or new field value kept in the log (a title, an organ, a contact)


@records.record
class Change:
    what: str
    key: str
    old: str | None = None
    new: str | None = None


@records.record
class ChangeEntry:
    """A row of the change log as the app shows it."""

    at: dt.datetime
    who: str
    revision: int
    what: str
    key: str
    old: str | None
    new: str | None


def created() -> Change:
    return Change(CREATED, "")


def differences(
    stored: Saved,
    columns: dict[str, Any],
    value_upserts: list[tuple[str, tuple[str, str | None]]],
    gone_values: list[str],
    text_upserts: list[tuple[tuple[str, str], Any]],
    gone_texts: list[tuple[str, str]],
) -> list[Change]:
    """The changes a save writes, as log rows (``stored``: the draft as it was before)."""
    changes = [Change(FIELD, name, _short(stored.columns.get(name)), _short(value)) for name, value in columns.items()]
    changes += [Change(VALUE, cell, _value(stored.values.get(cell)), _value(row)) for cell, row in value_upserts]
    changes += [Change(VALUE, cell, _value(stored.values.get(cell)), None) for cell in gone_values]
    changes += [Change(TEXT, f"{family}/{key}") for (family, key), _ in text_upserts]
    changes += [Change(TEXT, f"{family}/{key}") for family, key in gone_texts]
    return changes


def record(rows: DraftRows, draft_id: int, revision: int, at: dt.datetime, changes: list[Change]) -> None:
    if not changes:
        return
    stamp, who, text_in = time_to_sql(at), rows.text_in(rows.who), rows.text_in
    rows.executemany(
        "INSERT INTO draft_changes (draft_id, revision, at, who, what, key, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(draft_id, revision, stamp, who, c.what, text_in(c.key), text_in(c.old), text_in(c.new)) for c in changes],
    )


def read(rows: DraftRows, draft_id: int, limit: int = 5000) -> list[ChangeEntry]:
    """The draft's change log, newest first (at most ``limit`` rows)."""
    out = rows.text_out
    cursor = rows.execute(
        "SELECT at, who, revision, what, key, old, new FROM draft_changes WHERE draft_id = ? ORDER BY id DESC LIMIT ?",
        (draft_id, limit),
    )
    return [
        ChangeEntry(time_from_sql(at), out(who), revision, what, out(key), out(old), out(new))
        for at, who, revision, what, key, old, new in cursor
    ]


def _value(row: tuple[str, str | None] | None) -> str | None:
    return None if row is None or row[0] == "blank" else row[1]


def _short(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"
