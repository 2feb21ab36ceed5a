"""The trash: deleted drafts, which can be put back."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout

from .draft_list_model import ID_ROLE, DraftListModel


class TrashDialog(QDialog):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setWindowTitle("回收站")
        self.workspace = workspace
        self.restored: list[int] = []
        self.model = DraftListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton("恢复所选草稿", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("删除的草稿放在这里，可以恢复。"))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.workspace.list_trash())

    def restore_selected(self) -> None:
        from ..errors import UserFacingError
        from . import messages

        for index in self.table.selectionModel().selectedRows():
            draft_id = index.data(ID_ROLE)
            try:
                self.workspace.restore(draft_id)
            except UserFacingError as e:
                messages.error(self, "不能恢复", e.message)
                continue
            self.restored.append(draft_id)
        self.reload()
