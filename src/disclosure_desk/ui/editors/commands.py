"""Undo commands for table edits (Ctrl+Z / Ctrl+Y)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..session import ReportSession


class SetValuesCommand(QUndoCommand):
    """Set some cells; undo restores every cell that changed, totals included."""

    def __init__(self, session: ReportSession, values: dict, description: str):
        super().__init__(description)
        self._session = session
        self._values = dict(values)
        self._old: dict = {}

    @property
    def cell_ids(self) -> list[str]:
        return list(self._values)

    def redo(self) -> None:
        self._old = self._session.set_values(self._values)

    def undo(self) -> None:
        self._session.set_values(self._old, recompute=False)
