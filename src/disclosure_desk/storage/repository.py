"""The draft repository: everything the app does with drafts, in the caller's session.

It returns domain objects (``Draft``, ``DraftSummary``, ``StatusEvent``), never ORM rows.
One short session per user action or autosave tick::

    with store.session() as session:
        saved_at = DraftRepository(session).save(draft)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CursorResult, Result, delete, func, select, update
from sqlalchemy.orm import Session

from ..domain import STATUS_DRAFT, STATUS_FINAL, Draft
from ..errors import BadInputError
from . import changelog
from .errors import DraftNotFoundError, StoreError
from .models import DraftRecord, StatusEventRecord
from .rows import CREATED_DRAFTS, SAVED_BY, DraftRows
from .summary import DraftSummary, StatusEvent, display_title, utc_now

__all__ = [
    "ACTION_FINAL",
    "ACTION_REOPEN",
    "DraftRepository",
    "DraftSummary",
    "StatusEvent",
    "display_title",
    "utc_now",
]

_UNSET: object = object()

ACTION_FINAL = "定稿"
ACTION_REOPEN = "重新打开"
ACTION_DELETE = "移入回收站"
ACTION_RESTORE = "从回收站恢复"


class DraftRepository:
    def __init__(self, session: Session):
        self.session = session
        self._rows: DraftRows | None = None

    @property
    def rows(self) -> DraftRows:
        """``rows.DraftRows`` on the session's own DBAPI connection: inside the session's transaction."""
        if self._rows is None:
            conn = self.session.connection().connection.driver_connection
            created = self.session.info.setdefault(CREATED_DRAFTS, [])
            self._rows = DraftRows(conn, created=created, who=self.session.info.get(SAVED_BY, ""))
        return self._rows

    # ---- listing ------------------------------------------------------------------------
    def list_drafts(self) -> list[DraftSummary]:
        """Drafts not in the trash, most recently saved first."""
        return self.rows.list_drafts()

    def list_trash(self) -> list[DraftSummary]:
        return self.rows.list_trash()

    def find(self, organ: str, year: int) -> list[DraftSummary]:
        """Drafts (not in the trash) of ``organ`` for ``year``."""
        return self.rows.find(organ, year)

    def summary(self, draft_id: int) -> DraftSummary:
        return self.rows.summary(draft_id)

    # ---- open and save ------------------------------------------------------------------
    def load(self, draft_id: int) -> Draft:
        return self.rows.load(draft_id)

    def save(self, draft: Draft) -> dt.datetime:
        """Write what changed since the stored version; returns when the draft was last saved.

        A new draft (``id`` None) is created and gets its id. A 定稿 draft is refused unless
        nothing changed. ``draft.status`` is refreshed from the store, never written here.
        """
        return self.rows.save(draft)

    def duplicate(self, draft_id: int) -> Draft:
        """A copy (status 草稿) saved as a new draft."""
        draft = self.load(draft_id)
        draft.id = None
        self.save(draft)
        return draft

    def rename(self, draft_id: int, *, organ: str | None = None, title: str | object | None = _UNSET) -> None:
        """Change the organ and/or the title (None: the title formed from the spec's pattern)."""
        draft = self.load(draft_id)
        if organ is not None:
            draft.organ = organ
        if title is not _UNSET:
            draft.title = title  # type: ignore[assignment]
        self.save(draft)

    # ---- trash ----------------------------------------------------------------------------
    def delete(self, draft_id: int) -> None:
        """Move to the trash (recoverable until the clerk empties it)."""
        self._set(draft_id, deleted_at=utc_now())
        self._log_status(draft_id, ACTION_DELETE)

    def restore_from_trash(self, draft_id: int) -> None:
        self._set(draft_id, deleted_at=None)
        self._log_status(draft_id, ACTION_RESTORE)

    def empty_trash(self, draft_ids: list[int] | None = None) -> int:
        """Delete for good what is in the trash (or only ``draft_ids`` of it); returns how many."""
        where = [DraftRecord.deleted_at.is_not(None)]
        if draft_ids is not None:
            where.append(DraftRecord.id.in_(draft_ids))
        result = self.session.execute(delete(DraftRecord).where(*where).execution_options(synchronize_session=False))
        return _rowcount(result)

    # ---- 定稿 ------------------------------------------------------------------------------
    def mark_final(self, draft_id: int) -> None:
        """Freeze the draft (定稿): saves that change it are refused until it is reopened."""
        if self.summary(draft_id).status == STATUS_FINAL:
            return
        self._set(draft_id, status=STATUS_FINAL)
        self._event(draft_id, ACTION_FINAL, "")
        self._log_status(draft_id, ACTION_FINAL)

    def reopen(self, draft_id: int, reason: str) -> None:
        """Unfreeze a 定稿 draft; the time and the clerk's reason are kept in its history."""
        if not reason.strip():
            raise BadInputError("重新打开已定稿的报告须填写原因。", "reopen needs a reason")
        if self.summary(draft_id).status != STATUS_FINAL:
            raise StoreError("这份草稿尚未定稿，不需要重新打开。", f"draft {draft_id} is not final")
        self._set(draft_id, status=STATUS_DRAFT)
        self._event(draft_id, ACTION_REOPEN, reason.strip())
        self._log_status(draft_id, ACTION_REOPEN, reason.strip())

    def history(self, draft_id: int) -> list[StatusEvent]:
        stmt = (
            select(StatusEventRecord.at, StatusEventRecord.action, StatusEventRecord.reason)
            .where(StatusEventRecord.draft_id == draft_id)
            .order_by(StatusEventRecord.id)
        )
        return [StatusEvent(*row) for row in self.session.execute(stmt)]

    def changes(self, draft_id: int) -> list[changelog.ChangeEntry]:
        """The draft's change log, newest first (``changelog.py``)."""
        return changelog.read(self.rows, draft_id)

    def count(self) -> int:
        return (
            self.session.scalar(select(func.count()).select_from(DraftRecord).where(DraftRecord.deleted_at.is_(None)))
            or 0
        )

    def _set(self, draft_id: int, **values: object) -> None:
        result = self.session.execute(
            update(DraftRecord)
            .where(DraftRecord.id == draft_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if _rowcount(result) == 0:
            raise DraftNotFoundError(f"编号为 {draft_id} 的草稿", f"no draft {draft_id}")

    def _log_status(self, draft_id: int, action: str, reason: str | None = None) -> None:
        change = changelog.Change(changelog.STATUS, action, None, reason)
        changelog.record(self.rows, draft_id, self.rows.revision(draft_id), utc_now(), [change])

    def _event(self, draft_id: int, action: str, reason: str) -> None:
        self.session.add(StatusEventRecord(draft_id=draft_id, at=utc_now(), action=action, reason=reason))
        self.session.flush()


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE touched (a ``CursorResult``; ``Session.execute`` is typed as the general ``Result``)."""
    assert isinstance(result, CursorResult)
    return result.rowcount
