"""The local journal: what the clerk typed while the server could not be reached, on this PC's disk.

One file per draft and server in ``<data folder>/journal/``, written whole (the report JSON of the draft on
screen, with the revision it was based on and the app session's lease token) and fsynced before the autosave
says it is kept (``fileio.atomic_write_bytes``: never half-written). When the server answers again, the next
save writes the draft there and removes the file; a journal left by an app that was closed or killed while
the server was away is written at the next start (``replay``), as a conflict copy where the draft was changed
by someone else meanwhile. Nothing typed is lost, and the file itself is a report JSON the clerk can import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import UserFacingError

if TYPE_CHECKING:
    from ..domain import Draft
    from .workspace import Workspace

log = logging.getLogger(__name__)

FORMAT = "disclosure-desk-journal/1"
OFFLINE_COPY = "断网期间的修改"  # the title's note on a conflict copy made from a journal


class JournalEntry(NamedTuple):
    draft: Draft
    revision: int  # the stored revision the edits were made on
    token: str  # the lease token of the app session that wrote it
    written_at: dt.datetime
    path: Path


class Replayed(NamedTuple):
    draft_id: int
    title: str
    copy_id: int | None  # the conflict copy it became (the draft was changed by someone else meanwhile)


class Journal:
    def __init__(self, folder: Path, location: str):
        self.folder = folder
        self.location = location
        self._prefix = hashlib.sha256(location.encode()).hexdigest()[:12]

    def path_for(self, draft_id: int) -> Path:
        return self.folder / f"{self._prefix}-{draft_id}.json"

    def write(self, draft: Draft, revision: int, token: str) -> dt.datetime:
        """Keep the draft on this PC's disk (durable when it returns); the local time it was written."""
        from ..fileio import atomic_write_bytes
        from ..interchange.writer import dumps, report_to_object

        assert draft.id is not None
        now = dt.datetime.now().astimezone()
        envelope = {
            "format": FORMAT,
            "store": self.location,
            "draft_id": draft.id,
            "revision": revision,
            "token": token,
            "written_at": now.isoformat(),
            "report": report_to_object(draft),
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        # report JSON's own writer: an amount stays the Decimal typed (12.50, not the float 12.5)
        atomic_write_bytes(self.path_for(draft.id), (dumps(envelope) + "\n").encode())
        return now

    def clear(self, draft_id: int) -> None:
        self.path_for(draft_id).unlink(missing_ok=True)

    def has(self, draft_id: int) -> bool:
        return self.path_for(draft_id).exists()

    def pending(self) -> list[JournalEntry]:
        """The drafts journaled for this server, oldest first (a file that cannot be read is logged and kept)."""
        out = []
        for path in sorted(self.folder.glob(f"{self._prefix}-*.json"), key=lambda p: p.stat().st_mtime):
            try:
                out.append(_read(path))
            except (OSError, ValueError, KeyError, UserFacingError):
                log.exception("journal %s cannot be read; kept for the clerk", path)
        return out


def _read(path: Path) -> JournalEntry:
    from ..interchange import draft_from_object

    envelope = json.loads(path.read_bytes(), parse_float=Decimal)  # amounts exact, as report JSON reads them
    if envelope.get("format") != FORMAT:
        raise ValueError(f"{path}: not a journal")
    draft = draft_from_object(envelope["report"], str(path))
    draft.id = int(envelope["draft_id"])
    written = dt.datetime.fromisoformat(envelope["written_at"])
    return JournalEntry(draft, int(envelope["revision"]), str(envelope["token"]), written, path)


def replay(workspace: Workspace, journal: Journal) -> list[Replayed]:
    """Write every journaled draft to the store (the server is back); a conflict copy where it cannot be written
    over. Stops at the first save the server cannot take (still away): the rest stay journaled."""
    from ..storage.errors import DraftConflictError, DraftNotFoundError, LeaseHeldError

    done = []
    for entry in journal.pending():
        draft, draft_id = entry.draft, entry.draft.id
        assert draft_id is not None
        try:
            workspace.save_checked(draft, entry.revision, token=entry.token)
            done.append(Replayed(draft_id, draft.display_title, None))
        except (DraftConflictError, LeaseHeldError, DraftNotFoundError):
            done.append(Replayed(draft_id, draft.display_title, workspace.save_copy(draft, OFFLINE_COPY)))
        journal.clear(draft_id)
    return done
