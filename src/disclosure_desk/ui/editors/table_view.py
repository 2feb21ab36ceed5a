"""ReportTableView: the official merged grid, keyboard entry and paste from Excel / WPS."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView

from ...domain import ValueParseError
from .. import style
from .frozen_panes import FrozenPanes
from .paste import PasteError, plan_paste
from .table_model import ReportTableModel
from .value_delegate import ValueDelegate


class ReportTableView(QTableView):
    # message, "error" / "warning" / "info", and a callable telling whether it is still true (or None)
    notice_requested = Signal(str, str, object)
    current_cell_changed = Signal(object)  # CellSpec or None
    frozen: FrozenPanes | None = None  # made once the spans are set (Qt calls scrollTo before that)
    editor_reverted = Signal()  # Esc in a cell editor

    def __init__(self, model: ReportTableModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self._delegate = ValueDelegate(self)
        self.setItemDelegate(self._delegate)
        self._delegate.value_refused.connect(self._on_delegate_value_refused)
        self._delegate.editor_reverted.connect(self.editor_reverted)
        model.value_rejected.connect(self._on_delegate_value_refused)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setTabKeyNavigation(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for g in model.spans():
            self.setSpan(g.row, g.col, g.rowspan, g.colspan)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen = FrozenPanes(self, model.table.header_rows, model.table.stub_cols)
        self.horizontalScrollBar().rangeChanged.connect(self._on_scroll_range_changed)
        self.selectionModel().currentChanged.connect(self._on_selection_current_changed)

    def model(self) -> ReportTableModel:  # typed accessor
        return cast(ReportTableModel, super().model())

    # ---- layout ----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        widths = self.model().table.col_widths
        avail = max(self.viewport().width(), 200)
        for c, w in enumerate(widths):
            self.setColumnWidth(c, max(int(avail * w), style.VALUE_COLUMN_MIN // 2))
        self.fit_rows()

    def fit_rows(self) -> None:
        """Row heights from the wrapped labels; a merged label's height is shared by its rows."""
        table = self.model().table
        line = self.fontMetrics().height() + 8
        heights = [line] * table.grid_rows
        spanning = []
        for g in table.grid:
            if g.rowspan > 1:
                spanning.append(g)
            elif g.text:
                heights[g.row] = max(heights[g.row], self._text_height(g))
        for g in spanning:
            rows = range(g.row, g.row + g.rowspan)
            extra = self._text_height(g) - sum(heights[r] for r in rows)
            for r in rows if extra > 0 else ():
                heights[r] += -(-extra // g.rowspan)
        for r, h in enumerate(heights):
            self.setRowHeight(r, h)
        if self.frozen is not None:
            self.frozen.update()

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        super().scrollTo(index, hint)
        if index.isValid() and self.frozen is not None:
            self.frozen.uncover(index)  # not under the header rows or stubs kept in view

    def _text_height(self, g) -> int:
        width = sum(self.columnWidth(c) for c in range(g.col, g.col + g.colspan)) - 8
        font = self.font()
        font.setBold(g.role.value in ("header", "caption"))
        metrics = QFontMetrics(font)
        rect = metrics.boundingRect(QRect(0, 0, max(width, 10), 100000), Qt.TextFlag.TextWordWrap, g.text)
        return rect.height() + 8

    # ---- keyboard navigation ---------------------------------------------------------------
    def _editable_order(self) -> list[tuple[int, int]]:
        m = self.model()
        return sorted(
            (r, c) for r in range(m.rowCount()) for c in range(m.columnCount()) if m.is_editable(m.index(r, c))
        )

    def _step(self, forward: bool) -> QModelIndex:
        order = self._editable_order()
        if not order:
            return QModelIndex()
        cur = self.currentIndex()
        here = (cur.row(), cur.column()) if cur.isValid() else (-1, -1)
        if forward:
            after = [p for p in order if p > here]
            r, c = after[0] if after else min(here, order[-1])
        else:
            before = [p for p in order if p < here]
            r, c = before[-1] if before else order[0]
        return self.model().index(r, c)

    def moveCursor(self, action, modifiers):
        if action == QAbstractItemView.CursorAction.MoveNext:
            return self._step(True)
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return self._step(False)
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.setCurrentIndex(self._step(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selected()
                return
        super().keyPressEvent(event)

    def close_open_editor(self) -> None:
        """Close a cell editor without committing it (before undo/redo change the table under it)."""
        editor = self._delegate.open_editor
        if editor is not None:
            self._delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- selection helpers -----------------------------------------------------------------
    def select_cells(self, cell_ids, focus: str | None = None) -> None:
        """Select every listed cell of this table and bring ``focus`` (default: the first) into view,
        with as much of the rest as fits: the cell most likely wrong is often the last of a column."""
        m = self.model()
        indexes = {}
        for cell_id in cell_ids:
            try:
                indexes[cell_id] = m.index_of(cell_id)
            except KeyError:
                continue
        if not indexes:
            return
        ordered = list(indexes.values())
        current = indexes.get(focus or "", ordered[0])
        selection = QItemSelection()
        for idx in ordered:
            selection.select(idx, idx)
        sm = self.selectionModel()
        sm.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        by_place = sorted(ordered, key=lambda i: (i.row(), i.column()))
        for idx in (by_place[-1], by_place[0], current):  # the whole range if it fits, the focus always
            self.scrollTo(idx)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_cell_ids(self) -> list[str]:
        m = self.model()
        ids = [m.cell_spec(i) for i in self.selectionModel().selectedIndexes()]
        return [c.id for c in ids if c is not None]

    def clear_selected(self) -> None:
        m = self.model()
        ids = [i for i in self.selectionModel().selectedIndexes() if m.is_editable(i)]
        if ids:
            m.apply_values({m.cell_spec(i).id: None for i in ids}, "清除所选格子")

    # ---- clipboard -------------------------------------------------------------------------
    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        m = self.model()
        start = self.currentIndex()
        if not start.isValid() or m.cell_spec(start) is None:
            self.notice_requested.emit("请先点一下要开始粘贴的格子，再粘贴。", "warning", None)
            return
        try:
            plan = plan_paste(m, (start.row(), start.column()), text)
        except (PasteError, ValueParseError) as e:
            self.notice_requested.emit(f"没有粘贴：{e.message}", "error", None)
            return
        m.apply_values(plan.values, f"粘贴 {len(plan.values)} 个格子")
        self.select_cells(list(plan.values))
        draft = m.session.draft
        if plan.total_mismatches(draft):  # stays while a pasted total still differs from the sum
            self.notice_requested.emit(plan.summary(draft), "warning", lambda: bool(plan.total_mismatches(draft)))
        else:
            self.notice_requested.emit(plan.summary(draft), "info", None)

    def copy_selection(self) -> None:
        m = self.model()
        idx = sorted(self.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not idx:
            return
        rows: dict[int, list[str]] = {}
        for i in idx:
            if m.cell_spec(i) is not None:
                rows.setdefault(i.row(), []).append(i.data() or "")
        QGuiApplication.clipboard().setText("\n".join("\t".join(v) for v in rows.values()))

    # ---- slots -----------------------------------------------------------------------------
    def _on_delegate_value_refused(self, index: QPersistentModelIndex, message: str) -> None:
        self.notice_requested.emit(message, "error", None)

    def _on_scroll_range_changed(self, _minimum: int, _maximum: int) -> None:
        if self.frozen is not None:
            self.frozen.update()

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_cell_changed.emit(self.model().cell_spec(current))
