"""DraftListModel: the drafts (or the trash) as a table for the start window.

Each row says what a clerk needs to pick up the work: organ, year, edition, status with the number of
errors still to fix, when it was last saved, and how long until the 1月31日 deadline.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush

from ..application.workspace import DraftRow
from ..domain import STATUS_FINAL
from ..domain.deadline import deadline_text, report_deadline
from ..spec import get_spec
from . import style

COLUMNS = ("机关", "年度", "格式", "状态", "最后保存", "报送期限")
STATUS_COLUMN, DEADLINE_COLUMN = 3, 5
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def edition_name(edition: str) -> str:
    """``2021年格式``; an edition this version does not know is shown as stored."""
    try:
        return get_spec(edition).short_name
    except KeyError:
        return edition


def status_text(row: DraftRow) -> str:
    """草稿 · 还有3个错误, and who else is editing it now (a shared store's edit lease)."""
    if row.status == STATUS_FINAL or row.errors is None:
        text = row.status
    else:
        text = f"{row.status} · 还有{row.errors}个错误" if row.errors else f"{row.status} · 无错误"
    return f"{text} · 正在编辑：{row.editing}" if row.editing else text


class DraftListModel(QAbstractTableModel):
    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self._rows: list[DraftRow] = []
        self.today = today or dt.date.today()

    def set_rows(self, rows: list[DraftRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[DraftRow]:
        return list(self._rows)

    def set_errors(self, counts: dict[int, int]) -> None:
        """Fill in error counts (by draft id) of rows already shown."""
        for i, r in enumerate(self._rows):
            if r.id in counts and r.errors != counts[r.id]:
                self._rows[i] = dataclasses.replace(r, errors=counts[r.id])
                cell = self.index(i, STATUS_COLUMN)
                self.dataChanged.emit(cell, cell)

    def row_at(self, row: int) -> DraftRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, draft_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == draft_id), None)

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.title if index.column() == 0 else self._text(r, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(r, index.column())
        if role == ID_ROLE:
            return r.id
        return None

    def _text(self, r: DraftRow, column: int) -> str:
        if column == 0:
            return r.organ or "（未填机关名称）"
        if column == 1:
            return f"{r.year}年度" if r.year else ""
        if column == 2:
            return edition_name(r.edition)
        if column == STATUS_COLUMN:
            return status_text(r)
        if column == 4:
            return r.updated_at.strftime("%Y-%m-%d %H:%M") if r.updated_at else ""
        return deadline_text(r.year, r.status == STATUS_FINAL, self.today)

    def _colour(self, r: DraftRow, column: int) -> QBrush | None:
        if column == STATUS_COLUMN and r.status != STATUS_FINAL and r.errors is not None:
            return QBrush(style.ERROR_FG if r.errors else style.DONE_FG)
        if column == STATUS_COLUMN and r.status == STATUS_FINAL:
            return QBrush(style.DONE_FG)
        if column == DEADLINE_COLUMN and r.year is not None and r.status != STATUS_FINAL:
            days = (report_deadline(r.year) - self.today).days
            return QBrush(style.ERROR_FG) if days < 0 else QBrush(style.WARNING_FG) if days <= 14 else None
        return None
