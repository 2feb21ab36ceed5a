"""DraftListModel: the drafts (or the trash) as a table for the start window."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from .store_gateway import DraftRow

EDITION_NAMES = {"2021": "2021年格式", "2019": "2019年试行格式"}

COLUMNS = ("机关", "年度", "格式", "状态", "最后保存", "标题")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DraftListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[DraftRow] = []

    def set_rows(self, rows: list[DraftRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DraftRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, draft_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == draft_id), None)

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(r, index.column())
        if role == ID_ROLE:
            return r.id
        return None

    @staticmethod
    def _text(r: DraftRow, column: int) -> str:
        if column == 0:
            return r.organ or "（未填机关名称）"
        if column == 1:
            return f"{r.year}年度" if r.year else ""
        if column == 2:
            return EDITION_NAMES.get(r.edition, r.edition)
        if column == 3:
            return r.status
        if column == 4:
            return r.updated_at.strftime("%Y-%m-%d %H:%M") if r.updated_at else ""
        return r.title
