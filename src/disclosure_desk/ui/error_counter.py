"""Counting the listed drafts' errors after the list is shown, a few drafts at a time.

Each draft not counted since its last save is loaded and checked (a few milliseconds each): done in one
go before showing the list, that kept a store of dozens of drafts from being listed for a second. The
counts arrive in slices between the UI's events (no thread: the store and the checks stay on the UI
thread); a count is only ever for the content the row shows (``Workspace.error_counts``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..errors import UserFacingError

if TYPE_CHECKING:
    from ..application.workspace import DraftRow, Workspace

log = logging.getLogger(__name__)

SLICE = 8  # drafts per slice: about 10-20 ms, short enough not to be felt between two events


class ErrorCounter(QObject):
    counted = Signal(object)  # {draft id: errors} of one slice
    finished = Signal()

    def __init__(self, workspace: Callable[[], Workspace | None], parent: QObject | None = None):
        super().__init__(parent)
        self._workspace = workspace
        self._pending: list[DraftRow] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._count_slice)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def start(self, rows: list[DraftRow]) -> None:
        """Count the errors of ``rows`` (DraftRow) not known yet, replacing any counting under way."""
        self._pending = [r for r in rows if r.errors is None and not r.is_final]
        if self._pending:
            self._timer.start()
        else:
            self._timer.stop()
            self.finished.emit()

    def stop(self) -> None:
        self._pending = []
        self._timer.stop()

    def _count_slice(self) -> None:
        batch, self._pending = self._pending[:SLICE], self._pending[SLICE:]
        workspace = self._workspace()
        try:
            counts = workspace.error_counts(batch) if workspace is not None else {}
        except UserFacingError as e:  # the store went away or is busy: the rows stay without a count
            log.warning("error counts not taken: %s", e.english or e.message)
            self._pending = []
            counts = {}
        if counts:
            self.counted.emit(counts)
        if self._pending:
            self._timer.start()
        else:
            self.finished.emit()
