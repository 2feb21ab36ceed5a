"""ReportView: the wizard of one report, the side list of pages, the findings panel, autosave."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..application.editing import REVIEW_ACCOUNT, EditingDraft, KeptLocallyError, SavedAsCopyError
from ..application.workspace import Workspace
from ..domain import STATUS_DRAFT, STATUS_FINAL, Draft
from ..errors import UserFacingError
from . import messages, settings, style, texts
from .autosave import Autosaver
from .findings_panel import FindingsPanel
from .findings_view import status_icon
from .lease_banner import LeaseBanner
from .page_status import EXPORT, REVIEW, page_key_for, page_status
from .session import ReportSession
from .wizard.export_page import ExportPage
from .wizard.report_wizard import ReportWizard
from .wizard.review_page import ReviewPage

log = logging.getLogger(__name__)


class ReportView(QWidget):
    close_requested = Signal()
    save_state_changed = Signal(str, bool)  # text for the status bar, ok?
    saved_as_copy = Signal(int, str)  # a conflict copy was made of the clerk's version: its id, the message
    take_over_requested = Signal()  # the clerk wants the edit lease another clerk holds

    def __init__(
        self,
        workspace: Workspace,
        draft: Draft,
        previous: Draft | None = None,
        parent=None,
        editing: EditingDraft | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.editing = editing  # the lease, the revision and the journal of the draft (None: plain saves)
        self.session = ReportSession(draft, previous, self)
        self.autosaver = Autosaver(self._save, self)
        self.exported_once = False
        self.wizard = ReportWizard(self.session, self)
        self.pages = QListWidget()
        self.pages.setMinimumWidth(170)
        self.pages.setMaximumWidth(260)
        self.findings = FindingsPanel(self.session)
        self.save_banner = QLabel()
        self.save_banner.setWordWrap(True)
        self.save_banner.setStyleSheet(style.BANNER_ERROR)
        self.retry_button = QPushButton("立即重试保存")
        self.final_banner = QLabel("本报告已定稿，内容不能修改。如需修改，请到“导出和打印”页点“重新打开修改”。")
        self.final_banner.setStyleSheet(style.BANNER_INFO)
        self.lease = LeaseBanner(self)
        self._build()
        self._connect()
        self._fill_page_list()
        self._on_session_status_changed()
        self._on_wizard_current_changed(self.wizard.current_id())
        if editing is not None:
            self.lease.show_lease(editing, workspace.read_only)
            if editing.read_only:
                self.session.editor.set_locked_by(editing.held_by.holder if editing.held_by else REVIEW_ACCOUNT)
            else:
                self.lease.heartbeat.start()

    def _build(self) -> None:
        banner = QHBoxLayout()
        banner.addWidget(self.save_banner, 1)
        banner.addWidget(self.retry_button)
        self.save_banner.hide()
        self.retry_button.hide()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.wizard)
        right.addWidget(self.findings)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 0)
        right.setChildrenCollapsible(False)
        self.right_splitter = right
        self._sized = False
        self.findings.setMinimumHeight(3 * self.fontMetrics().height() + 12)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(banner)
        layout.addWidget(self.lease)
        layout.addWidget(self.final_banner)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        s = self.session
        s.edited.connect(self.autosaver.mark_dirty)
        s.findings_changed.connect(self._refresh_page_marks)
        s.values_changed.connect(self._refresh_page_marks)
        s.text_changed.connect(self._refresh_page_marks)
        s.meta_changed.connect(self._refresh_page_marks)
        s.status_changed.connect(self._on_session_status_changed)
        self.autosaver.saved.connect(self._on_autosaver_saved)
        self.autosaver.save_failed.connect(self._on_autosaver_save_failed)
        self.retry_button.clicked.connect(self.save_now)
        self.lease.take_over_button.clicked.connect(self.take_over_requested)
        self.lease.heartbeat.timeout.connect(self._on_heartbeat_timeout)
        self.wizard.current_changed.connect(self._on_wizard_current_changed)
        self.wizard.finish_requested.connect(self.close_requested)
        self.pages.currentRowChanged.connect(self._on_pages_current_row_changed)
        self.findings.finding_activated.connect(self.jump_to_finding)
        self.wizard.page_of(ReviewPage).finding_activated.connect(self.jump_to_finding)
        export = self.wizard.page_of(ExportPage)
        export.mark_final_requested.connect(self.mark_final)
        export.reopen_requested.connect(self.reopen)
        export.exported.connect(self._on_export_exported)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:  # once it has its real height: the findings list gets about five lines
            self._sized = True
            total = sum(self.right_splitter.sizes())
            findings = min(6 * self.fontMetrics().height(), total // 4)
            self.right_splitter.setSizes([total - findings, findings])

    # ---- pages -----------------------------------------------------------------------------
    def _fill_page_list(self) -> None:
        for page in self.wizard.report_pages:
            self.pages.addItem(QListWidgetItem(page.side_label))
        self._refresh_page_marks()

    def _refresh_page_marks(self, *_args) -> None:
        for i, page in enumerate(self.wizard.report_pages):
            status = page_status(page.page_key, self.session.draft, self.session.findings, self.exported_once)
            item = self.pages.item(i)
            item.setIcon(status_icon(status))
            item.setToolTip(f"{page.side_label}：{status.label}")
            item.setData(Qt.ItemDataRole.UserRole, status.value)

    def page_status_of(self, page_key: str) -> str | None:
        i = self.wizard.page_id_for_key(page_key)
        return None if i is None else self.pages.item(i).data(Qt.ItemDataRole.UserRole)

    @property
    def _draft_id(self) -> int:
        draft_id = self.session.draft.id
        assert draft_id is not None  # the view shows drafts of the store only
        return draft_id

    def go_to_page(self, page_id: int) -> None:
        self.wizard.go_to(page_id)

    def jump_to_finding(self, finding) -> None:
        page_id = self.wizard.page_id_for_key(page_key_for(finding))
        if page_id is None:
            return
        self.wizard.go_to(page_id)
        self.wizard.report_pages[page_id].focus_finding(finding)

    # ---- saving ----------------------------------------------------------------------------
    def _save(self):
        if self.editing is None:
            return self.workspace.save(self.session.draft)
        try:
            return self.editing.save()
        except SavedAsCopyError as e:  # kept as a new draft: this one is someone else's now
            self.session.editor.set_locked_by("另一位同事")
            copy_id, message = e.copy_id, e.message
            QTimer.singleShot(0, lambda: self.saved_as_copy.emit(copy_id, message))
            return e.at

    def _on_heartbeat_timeout(self) -> None:
        """Renew the edit lease; when someone took it over, a pending edit becomes a conflict copy (``_save``)
        and the report turns read-only."""
        if self.editing is None or self.editing.heartbeat():
            return
        self.autosaver.flush()
        lease = None
        if not self.session.read_only:
            try:
                lease = self.workspace.lease_of(self.editing.draft_id)
            except UserFacingError as e:  # the server went away since the renewal: who took it is not known
                log.info("lease holder unknown: %s", e.english)
        self.editing.held_by = lease
        if lease is None and not self.workspace.read_only:
            self.lease.show_lost()
        else:
            self.lease.show_lease(self.editing, self.workspace.read_only)
        self.session.editor.set_locked_by(lease.holder if lease is not None else "另一位同事")

    def save_now(self) -> bool:
        if self.session.read_only and not self.autosaver.dirty:
            return True
        if not self.autosaver.dirty:
            self.autosaver.mark_dirty()
        return self.autosaver.flush()

    def flush(self) -> bool:
        return self.autosaver.flush()

    def shutdown(self) -> None:
        """Before the view goes away: no more timers, and a running export is allowed to finish."""
        self.autosaver.stop()
        self.lease.heartbeat.stop()
        self.wizard.page_of(ExportPage).wait_for_export()

    def mark_final(self) -> None:
        if self.session.error_count:
            messages.warning(self, "不能定稿", "报告还有错误，改正后才能定稿。")
            return
        if not self.flush():
            return
        try:
            self.workspace.mark_final(self._draft_id)
        except UserFacingError as e:
            messages.error(self, "不能定稿", e.message)
            return
        self.session.set_status(STATUS_FINAL)

    def reopen(self) -> None:
        reason = messages.ask_text(self, "重新打开修改", "请写明重新打开、修改已定稿报告的原因：")
        if not reason or not reason.strip():
            return
        try:
            self.workspace.reopen(self._draft_id, reason.strip())
        except UserFacingError as e:
            messages.error(self, "不能重新打开", e.message)
            return
        self.session.set_status(STATUS_DRAFT)

    # ---- slots -----------------------------------------------------------------------------
    def _on_autosaver_saved(self, stamp) -> None:
        self.save_banner.hide()
        self.retry_button.hide()
        self.save_state_changed.emit(texts.SAVED_AT.format(time=stamp.strftime("%H:%M:%S")), True)

    def _on_autosaver_save_failed(self, message: str) -> None:
        kept = isinstance(self.autosaver.last_exception, KeptLocallyError)  # the server is away: in the journal
        self.save_banner.setText(message if kept else texts.SAVING_FAILED.format(reason=message))
        self.save_banner.setStyleSheet(style.BANNER_INFO if kept else style.BANNER_ERROR)
        self.save_banner.show()
        self.retry_button.show()
        self.save_state_changed.emit("已保存在本机，服务器恢复后写入" if kept else "未保存（将自动重试）", False)

    def _on_wizard_current_changed(self, page_id: int) -> None:
        if page_id < 0:
            return
        self.autosaver.flush()
        page = self.wizard.report_pages[page_id]
        self.findings.set_page(page.page_key)
        # the review page lists every finding itself; the export page needs the room for the preview
        self.findings.setVisible(page.page_key not in (REVIEW, EXPORT))
        self.pages.blockSignals(True)
        self.pages.setCurrentRow(page_id)
        self.pages.blockSignals(False)
        settings.set_value(settings.LAST_PAGE, page_id)

    def _on_pages_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.wizard.go_to(row)

    def _on_session_status_changed(self) -> None:
        # read-only because someone else edits it is the lease banner's to say, not "已定稿"
        self.final_banner.setVisible(self.session.draft.status == STATUS_FINAL)

    def _on_export_exported(self, _result) -> None:
        self.exported_once = True
        self._refresh_page_marks()
