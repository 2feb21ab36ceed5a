"""The UI's only door to the draft store.

``disclosure_desk.storage`` (SQLAlchemy) is imported lazily, inside :func:`open_gateway`, so that
it never sits on the path to the first painted window. Every method is one short unit of work
(one session per user action or autosave tick); refusals arrive as ``UserFacingError``.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the domain package is not needed to show the start window
    from ..domain import Draft

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DraftRow:
    """One line of the draft list (what the start window shows); times are local."""

    id: int
    organ: str
    year: int | None
    edition: str
    status: str
    title: str
    updated_at: dt.datetime | None
    errors: int | None = None  # error findings of the stored report (None: not counted)


class StoreGateway:
    """Thin adapter over ``disclosure_desk.storage``; holds the open store."""

    def __init__(self, store):
        self._store = store

    @property
    def path(self) -> Path:
        return Path(self._store.path)

    def _write(self):
        return self._store.repository(write=True)

    def _read(self):
        return self._store.repository(write=False)

    # ---- listing ---------------------------------------------------------------------------
    def list_drafts(self, counted: int = 0) -> list[DraftRow]:
        """The drafts, most recently saved first; the first ``counted`` with their error counts
        (each report is loaded and checked: a few milliseconds a report)."""
        with self._read() as drafts:
            summaries = drafts.list_drafts()
            return [_row(s, _errors(drafts.load(s.id)) if i < counted else None) for i, s in enumerate(summaries)]

    def list_trash(self) -> list[DraftRow]:
        with self._read() as drafts:
            return [_row(s) for s in drafts.list_trash()]

    # ---- one draft -------------------------------------------------------------------------
    def load(self, draft_id: int) -> Draft:
        with self._read() as drafts:
            return drafts.load(draft_id)

    def save(self, draft: Draft) -> dt.datetime:
        """Save (create when ``draft.id`` is None); returns the local time of the save."""
        with self._write() as drafts:
            stamp = drafts.save(draft)
        return _local(stamp) or dt.datetime.now()

    def duplicate(self, draft_id: int) -> int:
        with self._write() as drafts:
            return drafts.duplicate(draft_id).id

    def rename(self, draft_id: int, title: str | None) -> None:
        with self._write() as drafts:
            drafts.rename(draft_id, title=title)

    def delete(self, draft_id: int) -> None:
        with self._write() as drafts:
            drafts.delete(draft_id)

    def restore(self, draft_id: int) -> None:
        with self._write() as drafts:
            drafts.restore_from_trash(draft_id)

    def mark_final(self, draft_id: int) -> None:
        with self._write() as drafts:
            drafts.mark_final(draft_id)

    def reopen(self, draft_id: int, reason: str) -> None:
        with self._write() as drafts:
            drafts.reopen(draft_id, reason)

    def new_from_previous(self, draft_id: int) -> Draft:
        """Next year's draft, carried over from ``draft_id``; not saved (the clerk confirms first)."""
        from ..storage import draft_for_next_year

        previous = self.load(draft_id)
        if previous.year is None:
            from ..errors import BadInputError

            raise BadInputError("这份草稿没有填写年度，无法据此生成下一年度的报告。", "previous draft has no year")
        return draft_for_next_year(previous)

    def find_previous(self, draft: Draft) -> Draft | None:
        """Last year's report of the same organ, for the cross-year checks (None if absent)."""
        if draft.year is None or not draft.organ:
            return None
        with self._read() as drafts:
            same = [s for s in drafts.find(draft.organ, draft.year - 1) if s.id != draft.id]
            if not same:
                return None
            final = [s for s in same if s.is_final]
            return drafts.load((final or same)[0].id)

    # ---- files -----------------------------------------------------------------------------
    def import_file(self, path: str | Path) -> Draft:
        from ..interchange import read_report_file

        draft = read_report_file(path)
        draft.id = None
        self.save(draft)
        return draft

    def export_file(self, draft_id: int, path: str | Path) -> None:
        from ..interchange import write_report_file

        write_report_file(self.load(draft_id), path)

    def close(self) -> None:
        self._store.close()


def open_gateway(path: str | Path | None = None) -> StoreGateway:
    """Open (validate, migrate) the store and take the daily backup; ``UserFacingError`` if it cannot."""
    from ..storage import maybe_daily_backup, open_store

    store = open_store(path)
    try:
        maybe_daily_backup(store)
    except Exception:  # a backup that fails must not keep the clerk from working
        log.exception("daily backup failed")
    return StoreGateway(store)


def _local(stamp: dt.datetime | None) -> dt.datetime | None:
    if stamp is None:
        return None
    return stamp.astimezone() if stamp.tzinfo is not None else stamp


def _errors(draft: Draft) -> int:
    from ..checks import check

    return sum(f.is_error for f in check(draft))


def _row(summary, errors: int | None = None) -> DraftRow:
    return DraftRow(
        id=summary.id,
        organ=summary.organ,
        year=summary.year,
        edition=summary.edition,
        status=summary.status,
        title=summary.display_title,
        updated_at=_local(summary.updated_at),
        errors=errors,
    )
