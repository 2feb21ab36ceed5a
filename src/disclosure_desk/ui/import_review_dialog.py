"""The review shown before an imported report becomes a draft: what was recognised, and every uncertain
cell with the text printed in the file beside what was read. OK creates the draft, Cancel creates nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..application.importing import ImportPreview, ReviewRow

CREATE, AS_PREVIOUS = "create", "as_previous"
COLUMNS = ("位置", "原文", "读入为", "说明")


class ImportReviewDialog(QDialog):
    """``choice`` after ``exec()``: CREATE (a new draft), AS_PREVIOUS (last year's report) or None."""

    def __init__(self, preview: ImportPreview, parent=None):
        super().__init__(parent)
        self.preview = preview
        self.choice: str | None = None
        self.setWindowTitle(f"导入“{preview.path.name}”：核对识别结果")
        rec = preview.recognition
        self.headline = QLabel(f"<b>{_escape(preview.headline())}</b>")
        self.summary = QPlainTextEdit("\n".join(rec.summary_lines()) if rec else "")
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(150)
        self.show_blanks = QCheckBox("也列出留空的格")
        self.show_blanks.toggled.connect(self._fill)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton("导入为新草稿", QDialogButtonBox.ButtonRole.AcceptRole)
        self.previous_button: QPushButton = self.buttons.addButton(
            "作为上年报告，新建下一年度报告…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.previous_button.setEnabled(preview.draft.year is not None)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.create_button.clicked.connect(lambda: self._choose(CREATE))
        self.previous_button.clicked.connect(lambda: self._choose(AS_PREVIOUS))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (
            self.headline,
            self.summary,
            QLabel("需要核对的格（原文与读入的值并列）："),
            self.table,
            self.show_blanks,
            self.hint,
            self.buttons,
        ):
            layout.addWidget(w)
        self._fill()
        self.resize(960, 640)

    def rows(self) -> list[ReviewRow]:
        return self.preview.review_rows(with_blanks=self.show_blanks.isChecked())

    def _fill(self, *_args) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.where, row.printed, row.read_as, row.note)):
                item = QTableWidgetItem(text)  # plain text: printed literally, never as markup
                item.setToolTip(text)
                if row.kind == "unplaced":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        uncertain = sum(1 for row in rows if row.kind != "blank")
        self.hint.setText(
            f"共 {uncertain} 处需要核对。导入后这些格在表格中以浅色标出，鼠标停留可看到原文；"
            "表格中的总计按原文导入，不会重新计算，校验会指出原报告的计算错误。"
            if uncertain
            else "所有读入的格都与原文一致，没有需要核对的格。"
        )

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
