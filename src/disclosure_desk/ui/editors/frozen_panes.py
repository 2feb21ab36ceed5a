"""Header rows and row stubs that stay in view while the table body scrolls (Qt's Frozen Column
example, for rows and columns at once).

Each pane is a read-only QTableView over the same model and selection model, laid over the table's
viewport: the top pane shows the header rows (表三's three, 表四's three) and follows horizontal
scrolling; the left pane shows the row stubs (表三's three label columns) and follows vertical
scrolling; the corner pane shows where they meet. At scroll position 0 a pane covers exactly the
cells it copies, so nothing changes until the body moves under it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFrame, QTableView

if TYPE_CHECKING:
    from .table_model import ReportTableModel


class FrozenPane(QTableView):
    def __init__(self, view: QTableView, follow_x: bool, follow_y: bool):
        super().__init__(view)
        self._view = view
        self._follow_x, self._follow_y = follow_x, follow_y
        self.setModel(view.model())
        self.setSelectionModel(view.selectionModel())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoScroll(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(view.wordWrap())
        self.setStyleSheet("QTableView { border-bottom: 1px solid #8aa4c8; }" if follow_x and not follow_y else "")
        for g in cast("ReportTableModel", view.model()).spans():
            self.setSpan(g.row, g.col, g.rowspan, g.colspan)
        if follow_x:
            view.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        if follow_y:
            view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)

    def sync_sizes(self) -> None:
        for c in range(self.model().columnCount()):
            self.setColumnWidth(c, self._view.columnWidth(c))
        for r in range(self.model().rowCount()):
            self.setRowHeight(r, self._view.rowHeight(r))
        self.horizontalScrollBar().setValue(self._view.horizontalScrollBar().value() if self._follow_x else 0)
        self.verticalScrollBar().setValue(self._view.verticalScrollBar().value() if self._follow_y else 0)

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """A pane moves only with the table (the shared current cell must not scroll it)."""

    def wheelEvent(self, event) -> None:
        QApplication.sendEvent(self._view.viewport(), event)  # scrolling over a pane scrolls the table


class FrozenPanes:
    """The panes of one table view: ``rows`` header rows and ``cols`` stub columns kept in view."""

    def __init__(self, view: QTableView, rows: int, cols: int):
        self.view = view
        self.rows, self.cols = rows, cols
        self.top = FrozenPane(view, follow_x=True, follow_y=False) if rows else None
        self.left = FrozenPane(view, follow_x=False, follow_y=True) if cols else None
        self.corner = FrozenPane(view, follow_x=False, follow_y=False) if rows and cols else None

    def panes(self) -> list[FrozenPane]:
        return [p for p in (self.top, self.left, self.corner) if p is not None]

    def height(self) -> int:
        return sum(self.view.rowHeight(r) for r in range(self.rows))

    def width(self) -> int:
        """The stubs are kept only when the table is wider than the window (else the body never moves sideways)."""
        if not self.cols or self.view.horizontalScrollBar().maximum() == 0:
            return 0
        return sum(self.view.columnWidth(c) for c in range(self.cols))

    def update(self) -> None:
        """Follow the view's sizes and viewport (after a resize or a change of row heights)."""
        vp = self.view.viewport().geometry()
        height, width = self.height(), self.width()
        for pane, rect in (
            (self.top, QRect(vp.x(), vp.y(), vp.width(), height)),
            (self.left, QRect(vp.x(), vp.y(), width, vp.height())),
            (self.corner, QRect(vp.x(), vp.y(), width, height)),
        ):
            if pane is None:
                continue
            pane.sync_sizes()
            pane.setGeometry(rect)
            pane.setVisible(rect.width() > 0 and rect.height() > 0)
            pane.raise_()
        if self.corner is not None:
            self.corner.raise_()

    def uncover(self, index) -> None:
        """Scroll so that a body cell is not hidden under a pane (after the view's own scrollTo)."""
        rect = self.view.visualRect(index)
        top = self.height() if index.row() >= self.rows else 0
        if rect.top() < top:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() - (top - rect.top()))
        left = self.width() if index.column() >= self.cols else 0
        if rect.left() < left:
            bar = self.view.horizontalScrollBar()
            bar.setValue(bar.value() - (left - rect.left()))
