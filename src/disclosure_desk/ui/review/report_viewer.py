"""A received report, read-only, as the clerk sees it in the wizard: every page, its findings painted.

The report is opened without a store: a copy of the read Draft marked 定稿 (so every page is read-only,
as a final report is in the app) under a ReportSession with last year's report beside it, so the
cross-year findings show too. Nothing here can save; the export page is left out.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from ...application.review import OrganReview
from ...checks import Finding
from ...domain import STATUS_FINAL
from .. import style
from ..findings_panel import FindingsPanel
from ..findings_view import status_icon
from ..page_status import page_key_for, page_status
from ..session import ReportSession
from ..wizard.base_page import ReportPage
from ..wizard.export_page import ExportPage
from ..wizard.report_wizard import ReportWizard
from ..wizard.review_page import ReviewPage


class ReadOnlyWizard(ReportWizard):
    """The report wizard without its export page (exporting and 定稿 belong to the clerk's app)."""

    @staticmethod
    def _make_pages(session: ReportSession) -> list[ReportPage]:
        pages = list(ReportWizard._make_pages(session))
        for page in pages:
            if isinstance(page, ExportPage):
                page.deleteLater()
        return [p for p in pages if not isinstance(p, ExportPage)]


class ReportViewer(QWidget):
    def __init__(self, organ: OrganReview, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        assert organ.draft is not None and organ.received is not None
        draft = copy.deepcopy(organ.draft)
        draft.status = STATUS_FINAL
        previous = copy.deepcopy(organ.previous_draft) if organ.previous_draft is not None else None
        self.session = ReportSession(draft, previous, self)
        self.setWindowTitle(f"{draft.display_title}（只读）— 审核台")
        self.wizard = ReadOnlyWizard(self.session, self)
        self.pages = QListWidget()
        self.pages.setMaximumWidth(240)
        self.findings = FindingsPanel(self.session)
        self.findings.show_all.setChecked(True)
        self.banner = QLabel(_banner(organ))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(style.BANNER_INFO)
        self._build()
        for page in self.wizard.report_pages:
            status = page_status(page.page_key, draft, self.session.findings)
            self.pages.addItem(QListWidgetItem(status_icon(status), page.side_label))
        self.pages.currentRowChanged.connect(self._on_pages_current_row_changed)
        self.wizard.current_changed.connect(self._on_wizard_current_changed)
        self.wizard.finish_requested.connect(self.close)
        self.findings.finding_activated.connect(self.jump_to_finding)
        self.wizard.page_of(ReviewPage).finding_activated.connect(self.jump_to_finding)
        self.pages.setCurrentRow(0)
        self.resize(1200, 800)

    def _build(self) -> None:
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.wizard)
        right.addWidget(self.findings)
        right.setStretchFactor(0, 1)
        self._right = right
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pages)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        total = sum(self._right.sizes())
        findings = min(8 * self.fontMetrics().height(), total // 4)  # the table keeps the room
        self._right.setSizes([total - findings, findings])

    def jump_to_finding(self, finding: Finding) -> None:
        page_id = self.wizard.page_id_for_key(page_key_for(finding))
        if page_id is not None:
            self.wizard.go_to(page_id)
            self.wizard.report_pages[page_id].focus_finding(finding)

    def _on_pages_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.wizard.go_to(row)

    def _on_wizard_current_changed(self, page_id: int) -> None:
        self.pages.blockSignals(True)
        self.pages.setCurrentRow(page_id)
        self.pages.blockSignals(False)


def _banner(organ: OrganReview) -> str:
    received = organ.received
    assert received is not None
    text = (
        f"只读查看：{received.path.name}（{received.format_name}，{received.modified:%Y-%m-%d %H:%M} 收到）。"
        f"{organ.errors}个错误，{organ.warnings}个提示，已在各页标出。审核台中不能修改报告。"
    )
    if organ.previous is not None:
        text += f" 上年报告：{organ.previous.path.name}。"
    recognition = received.recognition
    summary = getattr(recognition, "summary_lines", None)
    if callable(summary):
        lines = summary()
        if len(lines) > 1:
            text += f"\n{lines[1]}"
    return text
