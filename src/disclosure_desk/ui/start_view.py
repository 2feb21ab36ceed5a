"""The start window: what to do next, the drafts with their state, and everything one does with them.

A first-time clerk sees a welcome with the two ways to begin and the samples; a returning clerk sees
the next step (the report to continue, with its errors and the days left to the deadline, or next
year's report once the last one is 定稿) above the list of every draft.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import paths
from . import style, texts

if TYPE_CHECKING:
    from .draft_list_model import DraftListModel
    from .next_step import NextStep

WELCOME = (
    "<h3>欢迎使用</h3>"
    "<p>本程序帮助您按国务院办公厅规定的格式编写《政府信息公开工作年度报告》：逐页填写文字和表格，"
    "程序随时核对表格的勾稽关系，自动保存，最后生成可直接打印的 PDF。</p>"
    "<p>点 <b>新建报告</b> 开始。去年的报告已有本程序的报告文件（JSON）的，可以先导入，"
    "再点“根据上年报告新建”，上年结转的数字会自动带入。</p>"
    "<p>填写的步骤：① 基本信息和前言 → ② 总体情况等文字 → ③ 表二、表三、表四 → ④ 检查全文 → "
    "⑤ 导出 PDF、打印、定稿。每一步都自动保存，随时可以关闭，下次从这里继续。</p>"
)
SAMPLES_NOTE = "先看看写好的报告是什么样子：打开示例报告（会复制一份到草稿中，可随意修改、删除）。"
LIST_PAGE, WELCOME_PAGE = 0, 1
COUNTED_ROWS = 1  # drafts counted before the list is shown (the next step's); the others after (ErrorCounter)


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
    review_desk_requested = Signal()  # 审核台: the county office's review of many organs' reports

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today or dt.date.today()
        self._model: DraftListModel | None = None  # made when the drafts are first listed
        self.table = self._make_table()
        self.status = QLabel("正在打开草稿库…")
        self.status.setStyleSheet("color:#5b6b7c;")
        self.welcome = QLabel(WELCOME)
        self.welcome.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.step: NextStep | None = None
        self.samples_box = QHBoxLayout()
        self.samples_menu = QMenu(self)
        self.buttons: dict[str, QPushButton] = {}
        self.list_stack = QStackedWidget()
        self._build()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.set_loading(True)

    @property
    def model(self) -> DraftListModel:
        """The drafts as a table model. Made once the store is open, with the rich-text labels: Qt's
        namespace of enums (``PySide6.QtCore.Qt``, ~20 ms to create) is then kept off the first paint."""
        if self._model is None:
            from PySide6.QtCore import Qt

            from .draft_list_model import DraftListModel

            self.welcome.setTextFormat(Qt.TextFormat.RichText)
            self.next_label.setTextFormat(Qt.TextFormat.RichText)
            self._model = DraftListModel(self, self.today)
            self.table.setModel(self._model)
            self.table.selectionModel().selectionChanged.connect(self._update_buttons)
            self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return self._model

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build(self) -> None:
        self.list_stack.addWidget(self._list_page())
        self.list_stack.addWidget(self._welcome_page())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{texts.APP_TITLE}</h2>"))
        layout.addWidget(self.list_stack, 1)
        layout.addLayout(self._button_row())
        layout.addWidget(self.status)

    def _list_page(self) -> QWidget:
        card = _card()
        row = QHBoxLayout(card)
        row.addWidget(self.next_label, 1)
        row.addWidget(self.next_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        layout.addWidget(QLabel("全部报告草稿（双击打开）："))
        layout.addWidget(self.table, 1)
        return page

    def _welcome_page(self) -> QWidget:
        first = QHBoxLayout()
        for key, caption, slot in (
            ("welcome_new", "新建报告…", self.new_requested.emit),
            ("welcome_published", "导入往年或已发布的报告…", self.import_published_requested.emit),
            ("welcome_import", "导入报告文件（JSON）…", self.import_requested.emit),
        ):
            b = QPushButton(caption)
            b.setMinimumHeight(36)
            b.clicked.connect(slot)
            self.buttons[key] = b
            first.addWidget(b)
        first.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        card = _card()
        inner = QVBoxLayout(card)
        inner.addWidget(self.welcome)
        inner.addLayout(first)
        layout.addWidget(card)
        note = QLabel(SAMPLES_NOTE)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.samples_box.addStretch(1)
        layout.addLayout(self.samples_box)
        layout.addStretch(1)
        return page

    def _button_row(self) -> QVBoxLayout:
        """Two rows: starting and opening reports; then managing them (so that a narrow window fits)."""
        rows = QVBoxLayout()
        for group in (
            (
                ("open", "打开", lambda: self._emit_selected(self.open_requested)),
                ("new", "新建报告…", self.new_requested.emit),
                ("from_previous", "根据上年报告新建…", lambda: self._emit_selected(self.new_from_previous_requested)),
                ("import_published", "导入往年或已发布的报告…", self.import_published_requested.emit),
            ),
            (
                ("import", "导入报告文件（JSON）…", self.import_requested.emit),
                ("export", "导出报告文件…", lambda: self._emit_selected(self.export_requested)),
                ("duplicate", "复制一份", lambda: self._emit_selected(self.duplicate_requested)),
                ("delete", "删除", lambda: self._emit_selected(self.delete_requested)),
                ("trash", "回收站…", self.trash_requested.emit),
                ("review_desk", "审核台…", self.review_desk_requested.emit),
            ),
        ):
            row = QHBoxLayout()
            for key, caption, slot in group:
                b = QPushButton(caption)
                b.clicked.connect(slot)
                self.buttons[key] = b
                row.addWidget(b)
            row.addStretch(1)
            rows.addLayout(row)
        self.buttons["delete"].setToolTip("放入回收站（可以恢复）")
        self.buttons["review_desk"].setToolTip("政务公开办用：校验、比对、汇总各机关报送的年度报告")
        samples = QToolButton()
        samples.setText("示例报告")
        samples.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        samples.setMenu(self.samples_menu)
        rows.itemAt(0).layout().addWidget(samples)
        return rows

    # ---- content ---------------------------------------------------------------------------
    def set_loading(self, loading: bool) -> None:
        self.status.setVisible(loading)
        for b in self.buttons.values():
            b.setEnabled(not loading)
        if not loading:
            self._update_buttons()

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.list_stack.setCurrentIndex(LIST_PAGE if rows else WELCOME_PAGE)
        self._show_next_step()
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def set_errors(self, counts: dict[int, int]) -> None:
        """Error counts that arrived after the list was shown (ui/error_counter.py)."""
        first = self.model.row_at(0)
        self.model.set_errors(counts)
        if first is not None and first.id in counts:
            self._show_next_step()

    def _show_next_step(self) -> None:
        from .next_step import next_step  # the domain (deadlines): after the first paint

        self.step = next_step(self.model.rows(), self.today)
        if self.step is not None:
            self.next_label.setText(self.step.text)
            self.next_button.setText(self.step.button)

    def set_samples(self, samples: list[tuple[str, Path]]) -> None:
        while self.samples_box.count() > 1:  # the buttons before the stretch
            w = self.samples_box.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.samples_menu.clear()
        for i, (caption, path) in enumerate(samples):
            b = QPushButton(caption)
            b.setToolTip(f"复制示例报告“{caption}”为一份草稿并打开")
            b.clicked.connect(lambda _=False, p=path: self.sample_requested.emit(str(p)))
            self.samples_box.insertWidget(i, b)
            action = self.samples_menu.addAction(caption)
            action.triggered.connect(lambda _=False, p=path: self.sample_requested.emit(str(p)))

    def sample_buttons(self) -> list[QPushButton]:
        return [
            w
            for i in range(self.samples_box.count())
            if isinstance(w := self.samples_box.itemAt(i).widget(), QPushButton)
        ]

    def selected_id(self) -> int | None:
        if self._model is None:
            return None
        from .draft_list_model import ID_ROLE

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
        from .draft_list_model import ID_ROLE

        draft_id = index.data(ID_ROLE)
        if draft_id is not None:
            self.open_requested.emit(draft_id)

    def _on_next_button_clicked(self) -> None:
        from .next_step import CONTINUE, FROM_PREVIOUS

        step = self.step
        if step is None or step.draft_id is None:
            self.new_requested.emit()
        elif step.kind == CONTINUE:
            self.open_requested.emit(step.draft_id)
        elif step.kind == FROM_PREVIOUS:
            self.new_from_previous_requested.emit(step.draft_id)


def _card() -> QFrame:
    """A framed box in the banner colours (the style is the frame's own, not its children's)."""
    card = QFrame()
    card.setObjectName("card")
    card.setStyleSheet(f"QFrame#card {{ {style.BANNER_INFO} }}")
    return card


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
