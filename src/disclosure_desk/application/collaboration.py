"""Several clerks on one store: edit leases, saves that never overwrite someone else's, conflict copies, the log.

The Workspace's methods for it (``CollaborationMixin``), the same on a local file (one user, the PC's) and on
a server. A draft is opened for editing with its lease (``open_for_editing``): when another clerk holds it,
the draft opens read-only and says who, since when. Every save of the editor names the revision it was based
on (``save_checked``): a save that would overwrite someone else's change is refused, and the clerk's version is
kept as a new draft, a conflict copy (``save_copy``), so both are in the list and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import socket
import uuid
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..domain import Draft
    from ..storage.changelog import ChangeEntry
    from ..storage.engine import Store
    from ..storage.leases import Holder, Lease
    from ..storage.server import ServerStore


class Opened(NamedTuple):
    """A draft opened for editing: the draft, the revision it was read at, and the lease of whoever else holds
    it (None: the lease is ours, or nobody edits on this account, as a reviewer)."""

    draft: Draft
    revision: int
    held_by: Lease | None


def new_holder(user: str) -> Holder:
    from ..storage.leases import Holder

    return Holder(user, socket.gethostname(), uuid.uuid4().hex)


def lease_label(lease: Lease) -> str:
    """ "张三（PC-07），自 11-30 09:12 起" as the clerk reads who is editing."""
    where = f"（{lease.host}）" if lease.host else ""
    return f"{lease.holder}{where}，自 {lease.since.astimezone():%m-%d %H:%M} 起"


class CollaborationMixin:
    _store: Store | ServerStore
    holder: Holder

    def open_for_editing(self, draft_id: int, *, take_over: bool = False) -> Opened:
        """Load the draft and take its lease (``take_over``: even from someone who holds it); a reviewer takes none."""
        from ..storage.leases import acquire, lease_of

        with self._store.rows(write=not self._store.is_reviewer) as drafts:
            if self._store.is_reviewer:
                held = lease_of(drafts, draft_id)
            else:
                drafts.revision(draft_id)  # DraftNotFoundError before a lease is asked for
                held = acquire(drafts, draft_id, self.holder, take_over=take_over)
            draft = drafts.load(draft_id)
            return Opened(draft, drafts.revision(draft_id), held)

    def save_checked(self, draft: Draft, revision: int, token: str | None = None) -> tuple[dt.datetime, int]:
        """Save ``draft`` read at ``revision``: refused (``DraftConflictError``, ``LeaseHeldError``) when someone
        else saved it since or holds its lease. Returns the local time of the save and the new revision.
        ``token``: the app session whose lease the save stands on (a journal replayed after a restart)."""
        from ..storage.leases import check_for_save

        holder = self.holder if token is None else self.holder._replace(token=token)
        assert draft.id is not None, "a new draft is saved with save()"
        with self._store.rows(write=True) as drafts:
            saved = drafts.save_checked(draft, revision)  # refused before any lease is looked at
            check_for_save(drafts, draft.id, holder)  # else rolled back with the save: nothing written
        return saved.at.astimezone(), saved.revision

    def save_copy(self, draft: Draft, why: str) -> int:
        """Keep ``draft`` as a new draft (a conflict copy, titled so, status 草稿); its id."""
        copy = _copy(draft)
        copy.id = None
        stamp = dt.datetime.now().strftime("%m-%d %H:%M")
        copy.title = f"{draft.display_title}（{why}：{self._store.display_name} {stamp}）"
        with self._store.rows(write=True) as drafts:
            drafts.save(copy)
        assert copy.id is not None
        return copy.id

    def renew_lease(self, draft_id: int) -> bool:
        """The heartbeat of an open report: False when the lease is no longer ours (someone took it over)."""
        from ..storage.leases import renew

        if self._store.is_reviewer:
            return True
        with self._store.rows(write=True) as drafts:
            return renew(drafts, draft_id, self.holder)

    def release_lease(self, draft_id: int) -> None:
        from ..storage.leases import release

        if self._store.is_reviewer:
            return
        with self._store.rows(write=True) as drafts:
            release(drafts, draft_id, self.holder)

    def lease_of(self, draft_id: int) -> Lease | None:
        """Who holds the draft's lease (ours included), or None."""
        from ..storage.leases import lease_of

        with self._store.rows() as drafts:
            return lease_of(drafts, draft_id)

    def changes(self, draft_id: int) -> list[ChangeEntry]:
        """The draft's change log, newest first: who changed which cell, text or field, when."""
        from ..storage.changelog import read

        with self._store.rows() as drafts:
            return read(drafts, draft_id)


def _copy(draft: Draft) -> Draft:
    import copy

    return copy.deepcopy(draft)
