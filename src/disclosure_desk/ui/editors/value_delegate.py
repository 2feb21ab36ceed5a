"""ValueDelegate: a line editor for value cells that refuses bad text without losing it.

Tab / Enter commit and move to the next editable cell (the view decides which); text that is
not a value the cell allows keeps the editor open and says why, so nothing typed is lost.

Undo as in Excel/WPS: Ctrl+Z in an editor takes back the editor's own typing; once there is none,
the key is left to the page's 撤销 shortcut (the last committed edit). QLineEdit would otherwise
claim Ctrl+Z even with nothing to undo, so right after Tab/Enter opened the next cell nothing
happened. Ctrl+Y and Ctrl+Shift+Z redo the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QKeySequence, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ...domain import ValueParseError
from .. import style
from .table_model import SEVERITY_ROLE

_NEXT_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


def is_undo_key(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def is_redo_key(event: QKeyEvent) -> bool:
    mods = event.modifiers() & (_CTRL | _SHIFT)
    return event.matches(QKeySequence.StandardKey.Redo) or (
        (event.key() == Qt.Key.Key_Y and mods == _CTRL) or (event.key() == Qt.Key.Key_Z and mods == _CTRL | _SHIFT)
    )


class ValueDelegate(QStyledItemDelegate):
    value_refused = Signal(QPersistentModelIndex, str)
    editor_reverted = Signal()  # Esc: what was typed (and any refusal of it) is gone

    def __init__(self, parent=None):
        super().__init__(parent)
        self.open_editor: QLineEdit | None = None
        self.closeEditor.connect(self._on_close_editor)

    def createEditor(self, parent, option, index: QModelIndex):
        editor = QLineEdit(parent)
        self.open_editor = editor
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.setProperty("model_index", QPersistentModelIndex(index))
        return editor

    def paint(self, painter, option, index: QModelIndex) -> None:
        """A selected cell with a finding keeps its error/warning colour, framed in the selection colour
        (a pasted block stays selected, and the selection colour hid the paint)."""
        severity = index.data(SEVERITY_ROLE)
        if not severity or not option.state & QStyle.StateFlag.State_Selected:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        highlight = opt.palette.color(QPalette.ColorRole.Highlight)
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.backgroundBrush = QBrush(style.ERROR_BG if severity == "error" else style.WARNING_BG)
        widget_style = opt.widget.style() if opt.widget is not None else QApplication.style()
        widget_style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setPen(QPen(highlight, 3))
        painter.drawRect(opt.rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def setEditorData(self, editor: QLineEdit, index: QModelIndex) -> None:
        if not editor.isModified():
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QLineEdit, model, index: QModelIndex) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def _refusal(self, editor: QLineEdit) -> str | None:
        index = editor.property("model_index")
        if index is None or not index.isValid():
            return None
        try:
            index.model().parse(QModelIndex(index), editor.text())
        except ValueParseError as e:
            self.value_refused.emit(index, e.message)
            return e.message
        return None

    def eventFilter(self, editor, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(editor, QLineEdit):
            if (is_undo_key(event) and not editor.isUndoAvailable()) or (
                is_redo_key(event) and not editor.isRedoAvailable()
            ):
                event.ignore()
                return True  # not claimed by the editor: the page's 撤销/重做 shortcut runs
            if is_redo_key(event):
                event.accept()  # the editor redoes its own typing (Ctrl+Y is not QLineEdit's own key)
                return True
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit) and is_redo_key(event):
            editor.redo()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            key = event.key()
            if key in _NEXT_KEYS or key == Qt.Key.Key_Backtab:
                if self._refusal(editor) is not None:
                    return True  # keep editing: the text stays, the message says why
                hint = (
                    QAbstractItemDelegate.EndEditHint.EditPreviousItem
                    if key == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    else QAbstractItemDelegate.EndEditHint.EditNextItem
                )
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, hint)
                return True
        return super().eventFilter(editor, event)

    def _on_close_editor(self, editor, hint=None) -> None:
        if editor is self.open_editor:
            self.open_editor = None
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self.editor_reverted.emit()
