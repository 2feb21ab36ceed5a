"""审核台: the window of the county 政务公开办 — sources, the board, comparisons, charts, exports.

The scan runs on a ScanWorker (progress in the bar, the board usable meanwhile); the folders are watched
and a report dropped in, removed or replaced triggers a rescan that reads only what changed. Double-click
a row to see the report read-only with its findings painted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...application.review import FolderScanner, OrganReview, Review
from ...application.review.board import comparison_headers, comparison_texts, comparisons
from .. import messages
from .board_model import FILTERS, KEY_ROLE, BoardFilter, BoardModel
from .chart_panel import ChartPanel
from .exports import ExportActions
from .report_viewer import ReportViewer
from .sources_form import SourcesForm
from .watcher import FolderWatcher
from .workers import ScanWorker

TITLE = "审核台"


class ReviewWindow(QMainWindow):
    review_changed = Signal(object)  # the new Review, after each scan

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(f"{TITLE} — 政府信息公开工作年度报告")
        self.review: Review | None = None
        self.worker: ScanWorker | None = None
        self._rescan = False
        self._scanners: dict[str, FolderScanner] = {}
        self.viewers: list[ReportViewer] = []
        self.sources = SourcesForm()
        self.scan_button = QPushButton("扫描报告")
        self.scan_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel("请选择收到的报告所在的文件夹，然后点“扫描报告”。")
        self.status.setWordWrap(True)
        self.model = BoardModel(self)
        self.proxy = BoardFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.filter_choice = QComboBox()
        self.filter_choice.addItems(list(FILTERS))
        self.search = QLineEdit()
        self.search.setPlaceholderText("查找机关、文件名或说明")
        self.search.setClearButtonEnabled(True)
        self.compared = QTableWidget()
        self.compared.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.charts = ChartPanel()
        self.tabs = QTabWidget()
        self.open_button = QPushButton("查看报告（只读）")
        self.exports = ExportActions(self)
        self.watcher = FolderWatcher(self)
        self._build()
        self._connect()
        self.resize(1280, 820)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    def _build(self) -> None:
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_button)
        scan_row.addWidget(self.progress, 1)
        scan_row.addWidget(self.status, 2)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel("显示"))
        filter_row.addWidget(self.filter_choice)
        filter_row.addWidget(self.search, 1)
        board = QWidget()
        board_layout = QVBoxLayout(board)
        board_layout.addLayout(filter_row)
        board_layout.addWidget(self.table, 1)
        self.tabs.addTab(board, "审核表")
        self.tabs.addTab(self.compared, "数据对比")
        self.tabs.addTab(self.charts, "图表")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for b in self.exports.buttons:
            buttons.addWidget(b)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.sources)
        layout.addLayout(scan_row)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.update_buttons()

    def _connect(self) -> None:
        self.scan_button.clicked.connect(self.scan)
        self.sources.changed.connect(self.scan)
        self.watcher.changed.connect(self.scan)
        self.filter_choice.currentTextChanged.connect(self.proxy.set_filter)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.open_button.clicked.connect(self.open_selected)

    # ---- scanning ------------------------------------------------------------------------------
    def scan(self) -> None:
        """Review the chosen folders on a worker thread (again after it ends, if asked meanwhile)."""
        folder, previous, expected = self.sources.paths()
        if folder is None:
            return
        if self.worker is not None:
            self._rescan = True
            return
        self.worker = ScanWorker(folder, previous, expected, self._scanner(folder), self._scanner(previous), self)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.succeeded.connect(self._on_worker_succeeded)
        self.worker.failed.connect(self._on_worker_failed)
        self.worker.finished.connect(self._on_worker_finished)
        self.progress.setValue(0)
        self.progress.show()
        self.scan_button.setEnabled(False)
        self.worker.start()

    def _scanner(self, folder: Path | None) -> FolderScanner:
        """One scanner per folder, kept: a rescan reads only new and changed files."""
        key = str(folder.resolve()) if folder is not None else ""
        return self._scanners.setdefault(key, FolderScanner())

    def set_review(self, review: Review | None) -> None:
        self.review = review
        self.model.set_review(review)
        self.table.resizeColumnsToContents()
        self.charts.set_review(review)
        self._fill_comparisons(review)
        if review is not None:
            self.status.setText(review.summary_line())
            self.watcher.watch(
                [p for p in (review.folder, review.previous_folder) if p is not None],
                [o.received.path for o in review.organs if o.received is not None],
            )
        self.update_buttons()
        self.review_changed.emit(review)

    def _fill_comparisons(self, review: Review | None) -> None:
        rows = [comparison_texts(c) for c in comparisons(review)] if review is not None else []
        headers = comparison_headers()
        self.compared.clear()
        self.compared.setColumnCount(len(headers))
        self.compared.setHorizontalHeaderLabels(headers)
        self.compared.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if 0 < c < len(row) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.compared.setItem(r, c, item)
        self.compared.resizeColumnsToContents()

    def _on_worker_progressed(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        if message:
            self.status.setText(message)

    def _on_worker_succeeded(self, review: Review) -> None:
        self.set_review(review)

    def _on_worker_failed(self, message: str) -> None:
        self.status.setText(message)
        messages.error(self, "无法扫描", message)

    def _on_worker_finished(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.retire()
        self.progress.hide()
        self.scan_button.setEnabled(True)
        if self._rescan:
            self._rescan = False
            self.scan()

    # ---- rows ----------------------------------------------------------------------------------
    def selected_organs(self) -> list[OrganReview]:
        if self.review is None:
            return []
        keys = {self.proxy.data(i, KEY_ROLE) for i in self.table.selectionModel().selectedRows()}
        return [o for o in self.review.organs if o.key in keys]

    def open_organ(self, organ: OrganReview) -> ReportViewer | None:
        if organ.draft is None:
            why = "尚未报送" if organ.received is None else f"文件无法读取：{organ.received.problem}"
            messages.info(self, "无法查看", f"{organ.organ}：{why}")
            return None
        viewer = ReportViewer(organ)
        self.viewers = [v for v in self.viewers if v.isVisible()] + [viewer]
        viewer.show()
        return viewer

    def open_selected(self) -> None:
        for organ in self.selected_organs()[:1]:
            self.open_organ(organ)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        key = self.proxy.data(index, KEY_ROLE)
        if self.review is not None:
            organ = next((o for o in self.review.organs if o.key == key), None)
            if organ is not None:
                self.open_organ(organ)

    def update_buttons(self, *_args: object) -> None:
        selected = self.selected_organs()
        self.open_button.setEnabled(any(o.draft is not None for o in selected))
        self.exports.update(self.review, selected)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            self.worker.requestInterruption()
            self.worker.wait()
        self.exports.wait()
        for viewer in self.viewers:
            viewer.close()
        super().closeEvent(event)
