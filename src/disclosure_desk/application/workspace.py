"""Workspace: the draft store and what a clerk does with it — one policy for the app and the commands.

Which report is last year's, a new report carried over from it, what an import does when the store
already holds a report of that organ and year, listing drafts with their error counts. Every method is
one short unit of work on the store (one transaction per user action or autosave tick); refusals arrive
as ``UserFacingError`` with the clerk's message.

What the clerk does all day — list, open, save — goes through the store's own door (``Store.rows()``,
sqlite3), so the start window and autosave never import SQLAlchemy; the rarer operations (trash, 定稿,
duplicate, import) go through a SQLAlchemy session. Error counts are remembered per stored content
(draft id, created time and revision), so a list shows a count again without reloading the draft
until it has been saved since.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BadInputError
from ..storage.summary import STATUS_FINAL
from .collaboration import CollaborationMixin, lease_label, new_holder

if TYPE_CHECKING:
    from ..domain import Draft
    from ..storage.engine import Store
    from ..storage.leases import Lease
    from ..storage.repository import DraftRepository, DraftSummary
    from ..storage.server import ServerStore

log = logging.getLogger(__name__)

ContentKey = tuple[int, dt.datetime, int]  # draft id, created time, revision: one stored content


@dataclass(frozen=True)
class DraftRow:
    """One line of a draft list; times are local."""

    id: int
    organ: str
    year: int | None
    edition: str
    status: str
    title: str
    updated_at: dt.datetime | None
    errors: int | None = None  # error findings of the stored report (None: not counted)
    revision: int = 0  # of the stored content listed (with id and created time: the key of its error count)
    created_at: dt.datetime | None = None
    editing: str = ""  # who else is editing it now ("张三（PC-07）"), from the edit leases

    @property
    def is_final(self) -> bool:
        return self.status == STATUS_FINAL


class OnClash(enum.Enum):
    """What an import does when the store already has a report of the same organ and year."""

    ADD = "add"  # keep both: the import becomes a new draft, the old ones are not touched
    REPLACE = "replace"  # overwrite the one draft of that organ and year (refused when there are several)


@dataclass
class ImportOutcome:
    draft: Draft
    replaced: int | None = None  # the id of the draft overwritten
    clashes: list[DraftRow] = field(default_factory=list)  # drafts of that organ and year that were there

    def message(self, how_to_replace: str = "") -> str:
        title = self.draft.display_title
        if self.replaced is not None:
            return f"已用导入的报告覆盖草稿（编号 {self.replaced}）：{title}。"
        text = f"已导入为新草稿（编号 {self.draft.id}）：{title}。"
        if self.clashes:
            ids = "、".join(str(r.id) for r in self.clashes)
            text += f"\n注意：草稿库中原已有同一机关同一年度的草稿（编号 {ids}），它们没有被改动。{how_to_replace}"
        return text


class Workspace(CollaborationMixin):
    """``store``: a local ``Store`` or a ``ServerStore`` (the same API). Edit leases, optimistic saves and the
    change log: ``collaboration.py``, which this class's methods of that section call."""

    def __init__(self, store: Store | ServerStore):
        self._store = store
        self._error_counts: dict[int, tuple[ContentKey, int]] = {}  # id -> (content key, errors)
        self.holder = new_holder(store.display_name)  # this app session, as the edit leases name it

    @property
    def path(self) -> Path:
        return Path(self._store.path)

    @property
    def store(self) -> Store | ServerStore:
        return self._store

    @property
    def is_server(self) -> bool:
        return self._store.is_server

    @property
    def location(self) -> str:
        """The local file, or ``host:port/database`` of the server."""
        return self._store.location

    @property
    def user(self) -> str:
        """Who the clerk is here: the server's display name, or the PC's user name."""
        return self._store.display_name

    @property
    def read_only(self) -> bool:
        """A reviewer's account on a server: every draft is read, none written."""
        return self._store.is_reviewer

    def _write(self) -> AbstractContextManager[DraftRepository]:
        repository: AbstractContextManager[DraftRepository] = self._store.repository(write=True)
        return repository

    def _read(self) -> AbstractContextManager[DraftRepository]:
        repository: AbstractContextManager[DraftRepository] = self._store.repository(write=False)
        return repository

    # ---- listing ---------------------------------------------------------------------------
    def list_drafts(self, counted: int = 0) -> list[DraftRow]:
        """The drafts, most recently saved first; the first ``counted`` with their error counts (a report
        not counted since its last save is loaded and checked: a few milliseconds), the others with the
        count remembered for the content listed, or None (``error_counts`` counts them)."""
        from ..storage.leases import all_leases

        with self._store.rows() as drafts:
            summaries = drafts.list_drafts()
            editing = {i: lease_label(lease) for i, lease in all_leases(drafts).items() if self._others(lease)}
            return [
                row(s, self._count(drafts, s) if i < counted else self._known_count(s), editing.get(s.id, ""))
                for i, s in enumerate(summaries)
            ]

    def _others(self, lease: Lease) -> bool:
        return not lease.stale and not lease.is_mine(self.holder)

    def error_counts(self, rows: list[DraftRow]) -> dict[int, int]:
        """Error counts (by id) of the listed ``rows`` as the store holds them; a row whose draft has been
        saved or removed since it was listed is left out (the next listing shows it as it is then)."""
        from ..storage import DraftNotFoundError

        out = {}
        with self._store.rows() as drafts:
            for listed in rows:
                try:
                    stored = drafts.summary(listed.id)
                except DraftNotFoundError:
                    continue
                if (stored.revision, _local(stored.created_at)) == (listed.revision, listed.created_at):
                    out[listed.id] = self._count(drafts, stored)
        return out

    def _count(self, drafts: Any, summary: DraftSummary) -> int:
        known = self._known_count(summary)
        if known is None:
            known = _errors(drafts.load(summary.id))
            self._error_counts[summary.id] = (_content_key(summary), known)
        return known

    def _known_count(self, summary: DraftSummary) -> int | None:
        key, count = self._error_counts.get(summary.id, (None, None))
        return count if key == _content_key(summary) else None

    def list_trash(self) -> list[DraftRow]:
        with self._store.rows() as drafts:
            return [row(s) for s in drafts.list_trash()]

    def find(self, organ: str, year: int) -> list[DraftRow]:
        with self._store.rows() as drafts:
            return [row(s) for s in drafts.find(organ, year)]

    def summary(self, draft_id: int) -> DraftRow:
        with self._store.rows() as drafts:
            return row(drafts.summary(draft_id))

    # ---- one draft -------------------------------------------------------------------------
    def load(self, draft_id: int) -> Draft:
        with self._store.rows() as drafts:
            return drafts.load(draft_id)

    def save(self, draft: Draft) -> dt.datetime:
        """Save (create when ``draft.id`` is None); returns the local time of the save. Durable when it
        returns: committed with ``synchronous=FULL``."""
        with self._store.rows(write=True) as drafts:
            stamp = drafts.save(draft)
        return _local(stamp) or dt.datetime.now()

    def duplicate(self, draft_id: int) -> int:
        with self._write() as drafts:
            copy = drafts.duplicate(draft_id)
        assert copy.id is not None  # saved
        return copy.id

    def rename(self, draft_id: int, title: str | None) -> None:
        with self._write() as drafts:
            drafts.rename(draft_id, title=title)

    def delete(self, draft_id: int) -> None:
        with self._write() as drafts:
            drafts.delete(draft_id)

    def restore(self, draft_id: int) -> None:
        with self._write() as drafts:
            drafts.restore_from_trash(draft_id)

    def empty_trash(self) -> int:
        with self._write() as drafts:
            return int(drafts.empty_trash())

    def mark_final(self, draft_id: int) -> None:
        with self._write() as drafts:
            drafts.mark_final(draft_id)

    def reopen(self, draft_id: int, reason: str) -> None:
        with self._write() as drafts:
            drafts.reopen(draft_id, reason)

    # ---- last year ---------------------------------------------------------------------------
    def previous_report(self, draft: Draft) -> Draft | None:
        """Last year's report of the same organ, for the cross-year checks (a 定稿 one first)."""
        if draft.year is None or not draft.organ:
            return None
        with self._store.rows() as drafts:
            same = [s for s in drafts.find(draft.organ, draft.year - 1) if s.id != draft.id]
            if not same:
                return None
            final = [s for s in same if s.is_final]
            return drafts.load((final or same)[0].id)

    def new_from_previous(self, draft_id: int) -> Draft:
        """Next year's draft, carried over from ``draft_id``; not saved (the clerk confirms it first)."""
        from ..storage.carry_over import draft_for_next_year

        previous = self.load(draft_id)
        if previous.year is None:
            raise BadInputError("这份草稿没有填写年度，无法据此生成下一年度的报告。", "previous draft has no year")
        return draft_for_next_year(previous)

    # ---- files -----------------------------------------------------------------------------
    def clashes(self, draft: Draft) -> list[DraftRow]:
        """Drafts already in the store for the organ and year of ``draft`` (other than itself)."""
        if draft.year is None:
            return []
        return [r for r in self.find(draft.organ, draft.year) if r.id != draft.id]

    def import_draft(self, draft: Draft, on_clash: OnClash = OnClash.ADD) -> ImportOutcome:
        """Put a report read from a file into the store, as ``on_clash`` says."""
        from ..storage import AmbiguousDraftError

        with self._write() as drafts:
            same = [row(s) for s in drafts.find(draft.organ, draft.year)] if draft.year is not None else []
            if on_clash is OnClash.REPLACE and len(same) > 1:
                raise AmbiguousDraftError(
                    f"草稿库中有 {len(same)} 份“{draft.organ} {draft.year}”的草稿，不知道该覆盖哪一份（编号 "
                    f"{'、'.join(str(r.id) for r in same)}）。请先把多余的草稿删除（移入回收站）后再覆盖，或导入为新草稿。",
                    f"replace: {len(same)} drafts of {draft.organ} {draft.year}",
                )
            if on_clash is OnClash.REPLACE and same:
                draft.id = same[0].id
                drafts.save(draft)
                return ImportOutcome(draft, replaced=draft.id, clashes=same)
            draft.id = None
            drafts.save(draft)
            return ImportOutcome(draft, clashes=same)

    def import_file(self, path: str | os.PathLike[str], on_clash: OnClash = OnClash.ADD) -> ImportOutcome:
        from ..formats import read_report

        return self.import_draft(read_report(path).draft, on_clash)

    def export_file(self, draft_id: int, path: str | os.PathLike[str]) -> None:
        from ..interchange import write_report_file

        write_report_file(self.load(draft_id), path)

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workspace(
    path: str | Path | None = None, *, read_only: bool = False, backup: bool = True, password: str | None = None
) -> Workspace:
    """Open (validate, migrate) the store and take the daily backup; ``UserFacingError`` if it cannot.

    ``path``: the local file, or a server's URL (``postgresql://user@host/database``); None: the store named by
    ``--store`` or ``DISCLOSURE_DESK_STORE`` (``paths.store_url``), else the local file in the data folder.
    ``read_only``: a store that cannot be written, opened so that its drafts can be listed and exported.
    ``password``: for a server (else the URL's, or the OS keyring's; ``ServerLoginError`` when none works).
    """
    from .. import paths
    from ..storage import maybe_daily_backup
    from ..storage.engine import Store
    from ..storage.locate import open_store_at

    store = open_store_at(path if path is not None else paths.store_url(), password=password, read_only=read_only)
    if backup and not read_only and isinstance(store, Store):  # a server is backed up by its own (pg_dump)
        try:
            maybe_daily_backup(store)
        except Exception:  # a backup that fails must not keep the clerk from working
            log.exception("daily backup failed")
    return Workspace(store)


def row(summary: DraftSummary, errors: int | None = None, editing: str = "") -> DraftRow:
    return DraftRow(
        id=summary.id,
        organ=summary.organ,
        year=summary.year,
        edition=summary.edition,
        status=summary.status,
        title=summary.display_title,
        updated_at=_local(summary.updated_at),
        errors=errors,
        revision=summary.revision,
        created_at=_local(summary.created_at),
        editing=editing,
    )


def _content_key(summary: DraftSummary) -> ContentKey:
    """Names one stored content of a draft: every save that changes it raises the revision, and an id
    used again after the trash was emptied comes with another created time."""
    return summary.id, summary.created_at, summary.revision


def _errors(draft: Draft) -> int:
    from ..checks import check

    return sum(f.is_error for f in check(draft))


def _local(stamp: dt.datetime | None) -> dt.datetime | None:
    if stamp is None:
        return None
    return stamp.astimezone() if stamp.tzinfo is not None else stamp


__all__ = ["DraftRow", "ImportOutcome", "OnClash", "Workspace", "open_workspace"]
