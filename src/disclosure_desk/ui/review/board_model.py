"""The board as a Qt model (one row per organ) and the proxy that sorts and filters it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ...application.review import Review, Status
from ...application.review.board import BOARD_COLUMNS, BoardRow, board_rows

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the organ's normalised name
STATUS_COLUMN, ERRORS_COLUMN, WARNINGS_COLUMN, COPY_COLUMN, RECEIVED_COLUMN = 1, 4, 5, 7, 9
STATUS_COLOURS = {
    Status.MISSING: "#e3e3e3",
    Status.UNREADABLE: "#f4b183",
    Status.ERRORS: "#f8cbad",
    Status.WARNINGS: "#ffe699",
    Status.OK: "#c6efce",
}

# filter name -> which rows it keeps
FILTERS = {
    "全部": lambda r: True,
    "需要处理（错误、无法读取、未报送）": lambda r: r.status in (Status.ERRORS, Status.UNREADABLE, Status.MISSING),
    "有错误": lambda r: r.status is Status.ERRORS,
    "有提示": lambda r: r.status is Status.WARNINGS,
    "通过": lambda r: r.status is Status.OK,
    "未报送": lambda r: r.status is Status.MISSING,
    "无法读取": lambda r: r.status is Status.UNREADABLE,
    "内容与上年雷同": lambda r: r.copied,
    "与上年不衔接": lambda r: r.cross_year.startswith("不衔接"),
    "不在名单中": lambda r: not r.expected,
}
Index = QModelIndex | QPersistentModelIndex


class BoardModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.rows: list[BoardRow] = []
        self._keys: list[str] = []

    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self.review = review
        self.rows = board_rows(review) if review is not None else []
        self._keys = [o.key for o in review.organs] if review is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BOARD_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return BOARD_COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return BOARD_COLUMNS[column][1](row)
        if role == SORT_ROLE:
            return _sort_key(row, column)
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS_COLUMN:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.notes or row.status.label
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ERRORS_COLUMN, WARNINGS_COLUMN, COPY_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of_key(self, key: str) -> int | None:
        return self._keys.index(key) if key in self._keys else None


def _sort_key(row: BoardRow, column: int) -> int | float | str:
    """Numbers sort as numbers, the status worst first, the received time in time order; blanks last."""
    if column == STATUS_COLUMN:
        return row.status.rank
    if column == ERRORS_COLUMN:
        return -1 if row.errors is None else row.errors
    if column == WARNINGS_COLUMN:
        return -1 if row.warnings is None else row.warnings
    if column == COPY_COLUMN:
        return -1.0 if row.copy_score is None else row.copy_score
    if column == RECEIVED_COLUMN:
        return row.received.isoformat() if row.received is not None else ""
    return BOARD_COLUMNS[column][1](row)


class BoardFilter(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; keeps the rows of the chosen filter that contain the typed text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._keep = FILTERS["全部"]

    def set_filter(self, name: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.10
            self._keep = FILTERS[name]
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._keep = FILTERS[name]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if isinstance(model, BoardModel) and not self._keep(model.rows[source_row]):
            return False
        return super().filterAcceptsRow(source_row, source_parent)
