"""Edit leases (``draft_leases``): which clerk is editing a draft, on which PC, since when.

One lease per draft, held by one app session (``Holder.token``, a random id made when the report is opened).
The holder renews it while the report is open (every autosave that writes, and a heartbeat); one not renewed
for ``LEASE_TIMEOUT`` seconds was left behind by a PC that crashed or lost the network, and the next clerk may
take it. A fresh lease can be taken over too, when the clerk insists: the former holder's next save is then
refused (``LeaseHeldError``) and its text kept as a conflict copy, so nothing is lost either way.

Times come from the database's clock (``Dialect.now``): the PCs of an office need not agree on the time.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from .encoding import time_from_sql
from .errors import LeaseHeldError

if TYPE_CHECKING:
    from .rows import DraftRows

LEASE_TIMEOUT = 180  # seconds; the app renews every LEASE_TIMEOUT / 3


class Holder(NamedTuple):
    """Who asks for a lease: the user (login name), the PC, and the app session."""

    name: str
    host: str
    token: str


class Lease(NamedTuple):
    draft_id: int
    holder: str
    host: str
    token: str
    since: dt.datetime
    renewed_at: dt.datetime
    stale: bool  # not renewed for LEASE_TIMEOUT seconds: left behind

    def is_mine(self, me: Holder) -> bool:
        return self.token == me.token


_COLUMNS = "draft_id, holder, host, token, since, renewed_at"


def _select(rows: DraftRows, timeout: int) -> str:
    return f"SELECT {_COLUMNS}, renewed_at < {rows.dialect.now(-timeout)} FROM draft_leases"


def _lease(rows: DraftRows, row: tuple[Any, ...]) -> Lease:
    draft_id, holder, host, token, since, renewed_at, stale = row
    out = rows.text_out
    return Lease(
        int(draft_id), out(holder), out(host), str(token), time_from_sql(since), time_from_sql(renewed_at), bool(stale)
    )


def lease_of(rows: DraftRows, draft_id: int, timeout: int = LEASE_TIMEOUT, lock: bool = False) -> Lease | None:
    suffix = rows.dialect.for_update if lock else ""
    row = rows.execute(f"{_select(rows, timeout)} WHERE draft_id = ?{suffix}", (draft_id,)).fetchone()
    return None if row is None else _lease(rows, row)


def all_leases(rows: DraftRows, timeout: int = LEASE_TIMEOUT) -> dict[int, Lease]:
    """Every lease the user may see, by draft id (the draft list shows who is editing what)."""
    return {lease.draft_id: lease for lease in (_lease(rows, row) for row in rows.execute(_select(rows, timeout)))}


def acquire(
    rows: DraftRows, draft_id: int, me: Holder, *, take_over: bool = False, timeout: int = LEASE_TIMEOUT
) -> Lease | None:
    """Take the draft's lease when it is free, ours, left behind, or ``take_over``; else return the holder's lease
    (and take nothing). Call in a write transaction."""
    current = lease_of(rows, draft_id, timeout, lock=True)
    if current is not None and not current.is_mine(me) and not current.stale and not take_over:
        return current
    now = rows.dialect.now()
    rows.execute(
        f"INSERT INTO draft_leases ({_COLUMNS}) VALUES (?, ?, ?, ?, {now}, {now}) ON CONFLICT (draft_id) DO UPDATE SET "
        "holder = excluded.holder, host = excluded.host, token = excluded.token, renewed_at = excluded.renewed_at, "
        "since = CASE WHEN draft_leases.token = excluded.token THEN draft_leases.since ELSE excluded.since END",
        (draft_id, rows.text_in(me.name), rows.text_in(me.host), me.token),
    )
    return None


def renew(rows: DraftRows, draft_id: int, me: Holder) -> bool:
    """Renew our lease; False when it is no longer ours (taken over, or the draft is gone)."""
    cursor = rows.execute(
        f"UPDATE draft_leases SET renewed_at = {rows.dialect.now()} WHERE draft_id = ? AND token = ?",
        (draft_id, me.token),
    )
    return bool(cursor.rowcount)


def release(rows: DraftRows, draft_id: int, me: Holder) -> None:
    rows.execute("DELETE FROM draft_leases WHERE draft_id = ? AND token = ?", (draft_id, me.token))


def check_for_save(rows: DraftRows, draft_id: int, me: Holder, timeout: int = LEASE_TIMEOUT) -> None:
    """Before ``me`` saves: refused (``LeaseHeldError``) while someone else holds a live lease; a free or
    left-behind lease is taken (a save is editing). Call in the save's write transaction."""
    current = lease_of(rows, draft_id, timeout, lock=True)
    if current is not None and current.is_mine(me):
        return
    if current is not None and not current.stale:
        raise LeaseHeldError(draft_id, current.holder, current.host, current.since)
    acquire(rows, draft_id, me, timeout=timeout)
