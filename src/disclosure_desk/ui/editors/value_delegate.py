"""ValueDelegate: a line editor for value cells that refuses bad text without losing it.

Tab / Enter commit and move to the next editable cell (the view decides which); text that is
not a value the cell allows keeps the editor open and says why, so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QStyledItemDelegate

from ...domain import ValueParseError

_NEXT_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ValueDelegate(QStyledItemDelegate):
    value_refused = Signal(QPersistentModelIndex, str)

    def createEditor(self, parent, option, index: QModelIndex):
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.setProperty("model_index", QPersistentModelIndex(index))
        return editor

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
