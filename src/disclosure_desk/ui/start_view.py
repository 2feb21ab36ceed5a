"""The start view: recent drafts and everything one does with them; a welcome on first launch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import paths
from . import style, texts
from .draft_list_model import ID_ROLE, DraftListModel

WELCOME = (
    "<h3>欢迎使用</h3>"
    "<p>本程序帮助您按国务院办公厅规定的格式编写《政府信息公开工作年度报告》：逐页填写文字和表格，"
    "程序随时核对表格的勾稽关系，自动保存，最后生成可直接打印的 PDF。</p>"
    "<p>点右边的 <b>新建报告</b> 开始；去年用本程序写过报告的，点 <b>根据上年报告新建</b>。"
    "想先看看写好的报告是什么样子，可以打开下面的示例报告（会复制一份到草稿中，可随意修改、删除）。</p>"
)


class StartView(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    new_from_previous_requested = Signal(int)
    duplicate_requested = Signal(int)
    delete_requested = Signal(int)
    trash_requested = Signal()
    import_requested = Signal()
    import_published_requested = Signal()
    export_requested = Signal(int)
    sample_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = DraftListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.status = QLabel("正在打开草稿库…")
        self.status.setStyleSheet("color:#5b6b7c;")
        self.welcome = QLabel(WELCOME)
        self.welcome.setWordWrap(True)
        self.welcome.setTextFormat(Qt.TextFormat.RichText)
        self.welcome.setStyleSheet(style.BANNER_INFO)
        self.samples_box = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.set_loading(True)

    def _build(self) -> None:
        title = QLabel(f"<h2>{texts.APP_TITLE}</h2>")
        side = QVBoxLayout()
        for key, caption, slot in (
            ("open", "打开", lambda: self._emit_selected(self.open_requested)),
            ("new", "新建报告…", self.new_requested.emit),
            ("from_previous", "根据上年报告新建…", lambda: self._emit_selected(self.new_from_previous_requested)),
            ("duplicate", "复制一份", lambda: self._emit_selected(self.duplicate_requested)),
            ("delete", "删除（放入回收站）", lambda: self._emit_selected(self.delete_requested)),
            ("trash", "回收站…", self.trash_requested.emit),
            ("import", "导入报告文件（JSON）…", self.import_requested.emit),
            ("import_published", "导入往年或已发布的报告…", self.import_published_requested.emit),
            ("export", "导出为报告文件（JSON）…", lambda: self._emit_selected(self.export_requested)),
        ):
            b = QPushButton(caption)
            b.clicked.connect(slot)
            self.buttons[key] = b
            side.addWidget(b)
        side.addSpacing(12)
        side.addWidget(QLabel("示例报告："))
        side.addLayout(self.samples_box)
        side.addStretch(1)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        welcome_page = QWidget()
        wl = QVBoxLayout(welcome_page)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.welcome)
        wl.addStretch(1)
        self.list_stack.addWidget(welcome_page)
        main = QVBoxLayout()
        main.addWidget(QLabel("最近的报告草稿（双击打开）："))
        main.addWidget(self.list_stack, 1)
        main.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(main, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body, 1)

    # ---- content ---------------------------------------------------------------------------
    def set_loading(self, loading: bool) -> None:
        self.status.setVisible(loading)
        for b in self.buttons.values():
            b.setEnabled(not loading)
        if not loading:
            self._update_buttons()

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.list_stack.setCurrentIndex(0 if rows else 1)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def set_samples(self, samples: list[tuple[str, Path]]) -> None:
        while self.samples_box.count():
            w = self.samples_box.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for caption, path in samples:
            b = QPushButton(caption)
            b.setToolTip(f"复制示例报告“{caption}”为一份草稿并打开")
            b.clicked.connect(lambda _=False, p=path: self.sample_requested.emit(str(p)))
            self.samples_box.addWidget(b)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_id(self, draft_id: int) -> None:
        row = self.model.row_of_id(draft_id)
        if row is not None:
            self.table.selectRow(row)

    def _emit_selected(self, signal) -> None:
        draft_id = self.selected_id()
        if draft_id is not None:
            signal.emit(draft_id)

    def _update_buttons(self, *_args) -> None:
        has = self.selected_id() is not None
        for key in ("open", "from_previous", "duplicate", "delete", "export"):
            self.buttons[key].setEnabled(has)

    def _on_table_double_clicked(self, index) -> None:
        draft_id = index.data(ID_ROLE)
        if draft_id is not None:
            self.open_requested.emit(draft_id)


def builtin_samples() -> list[tuple[str, Path]]:
    """(caption, path) of the sample reports shipped in resources/samples/."""
    from ..errors import UserFacingError
    from ..interchange import read_report_file

    out = []
    folder = paths.samples_dir()
    for p in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            d = read_report_file(p)
        except UserFacingError:  # a broken sample must not stop the app
            continue
        out.append((f"{d.organ} {d.year}年度", p))
    return out
