"""A draft open for editing in the app: its lease, the revision it stands on, the journal, conflict copies.

``EditingDraft.save()`` is what the autosaver calls. On a local file it is the old save (the lease is taken and
the revision checked, one user). On a server:

- saved: the draft is on the server, the revision moves on, the journal of the draft (if any) is removed;
- the server cannot be reached: the draft is written to the local journal (fsynced) and ``KeptLocallyError`` says
  so; the autosaver keeps retrying, and the first save that reaches the server writes it there;
- someone else saved the draft meanwhile, or took over its lease: nothing is overwritten; the clerk's version
  is saved as a new draft, a conflict copy, and ``SavedAsCopyError`` names it (the app then opens it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserFacingError
from .journal import Journal

if TYPE_CHECKING:
    from ..domain import Draft
    from ..storage.leases import Lease
    from .workspace import Workspace

CONFLICT_COPY = "冲突副本"  # the title's note on a conflict copy
REVIEW_ACCOUNT = "审核账户"  # who "holds" every draft for a reviewer's account: it reads, never writes


class KeptLocallyError(UserFacingError):
    """The server could not be reached; the draft is safe in the local journal."""

    exit_code = 3

    def __init__(self, reason: str, at: dt.datetime):
        self.at = at
        super().__init__(
            f"{reason} 您的修改已保存在本机（{at:%H:%M:%S}），服务器恢复后会自动写入，不会丢失。",
            "server unreachable: kept in the local journal",
        )


class SavedAsCopyError(UserFacingError):
    """The save would have overwritten someone else's change: the clerk's version became a conflict copy."""

    exit_code = 3

    def __init__(self, reason: str, copy_id: int, at: dt.datetime):
        self.copy_id, self.at = copy_id, at
        super().__init__(
            f"{reason}\n\n您的版本已另存为新草稿（编号 {copy_id}，标题中注明“{CONFLICT_COPY}”），两份都在草稿列表中，"
            "可对照后合并。",
            f"conflict: saved as draft {copy_id}",
        )


def journal_for(workspace: Workspace, data_dir: Path) -> Journal:
    return Journal(data_dir / "journal", workspace.location)


class EditingDraft:
    """Open with ``EditingDraft(workspace, draft_id)``; ``held_by`` is the lease of whoever else edits it (the
    draft is then read-only until ``take_over()``)."""

    def __init__(self, workspace: Workspace, draft_id: int, journal: Journal | None = None, take_over: bool = False):
        self.workspace = workspace
        self.journal = journal
        opened = workspace.open_for_editing(draft_id, take_over=take_over)
        self.draft: Draft = opened.draft
        self.revision = opened.revision
        self.held_by: Lease | None = opened.held_by
        self.journaled: dt.datetime | None = None  # the edits are in the journal, not yet on the server

    @property
    def draft_id(self) -> int:
        assert self.draft.id is not None
        return self.draft.id

    @property
    def read_only(self) -> bool:
        """Someone else holds the lease, or the account only reviews."""
        return self.held_by is not None or self.workspace.read_only

    @property
    def left_by_this_pc(self) -> bool:
        """The lease another session holds is this user's on this PC: an app that ended without giving it back
        (crashed, killed, a power cut), since one app runs per data folder. The app takes it over at once."""
        held, me = self.held_by, self.workspace.holder
        return held is not None and (held.holder, held.host) == (me.name, me.host)

    def save(self) -> dt.datetime:
        """Save the draft on screen; the local time of the save (see the module's doc for what else happens)."""
        from ..storage.errors import DraftConflictError, LeaseHeldError, ServerUnreachableError

        try:
            at, self.revision = self.workspace.save_checked(self.draft, self.revision)
        except ServerUnreachableError as e:
            if self.journal is None:
                raise
            self.journaled = self.journal.write(self.draft, self.revision, self.workspace.holder.token)
            raise KeptLocallyError(e.message, self.journaled) from e
        except (DraftConflictError, LeaseHeldError) as e:
            copy_id = self.workspace.save_copy(self.draft, CONFLICT_COPY)
            self._forget_journal()
            raise SavedAsCopyError(e.message, copy_id, dt.datetime.now().astimezone()) from e
        self._forget_journal()
        return at

    def _forget_journal(self) -> None:
        if self.journal is not None and self.journaled is not None:
            self.journal.clear(self.draft_id)
        self.journaled = None

    def heartbeat(self) -> bool:
        """Renew the lease (the report stays open): False when someone took it over. Unreachable: True (the
        next save says so)."""
        from ..storage.errors import ServerUnreachableError

        if self.read_only:
            return True
        try:
            return self.workspace.renew_lease(self.draft_id)
        except ServerUnreachableError:
            return True

    def take_over(self) -> None:
        """Take the lease from whoever holds it (a PC that crashed): the draft is read again and becomes editable."""
        opened = self.workspace.open_for_editing(self.draft_id, take_over=True)
        self.draft, self.revision, self.held_by = opened.draft, opened.revision, opened.held_by

    def close(self) -> None:
        """Give the lease back (best effort: a server that is away lets it expire)."""
        if self.read_only:
            return
        with contextlib.suppress(UserFacingError):
            self.workspace.release_lease(self.draft_id)
