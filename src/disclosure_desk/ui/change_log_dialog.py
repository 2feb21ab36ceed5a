"""修改记录: a draft's change log — when, who, what (the cell's official labels), from what to what."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..application.connection import ChangeLine

COLUMNS = ("时间", "修改人", "内容", "原来", "改为")


class ChangeLogDialog(QDialog):
    def __init__(self, lines: list[ChangeLine], title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"修改记录 — {title}")
        self.resize(900, 520)
        self.table = QTableWidget(len(lines), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, line in enumerate(lines):
            for column, text in enumerate((f"{line.at:%Y-%m-%d %H:%M:%S}", line.who, line.what, line.old, line.new)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.verticalHeader().hide()
        # the cell's labels take the width the window has; the figures stay as wide as they need
        self.table.horizontalHeader().setSectionResizeMode(COLUMNS.index("内容"), QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"共 {len(lines)} 条，最新的在前。" if lines else "还没有修改记录。"))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
