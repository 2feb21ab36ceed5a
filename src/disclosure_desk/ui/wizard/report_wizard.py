"""ReportWizard: the pages of one report, generated from the spec, with jumps to any page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWizard

from ..session import ReportSession
from .base_page import ReportPage
from .basic_info_page import BasicInfoPage
from .export_page import ExportPage
from .narrative_page import PartsPage, TextPage
from .review_page import ReviewPage
from .table_page import TablePage


class ReportWizard(QWizard):
    """Embedded in the report view (not a dialog): Finish asks to close, Escape does nothing."""

    finish_requested = Signal()

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, True)
        self.session = session
        self._jump_target: int | None = None
        self.report_pages: list[ReportPage] = self._make_pages(session)
        for i, page in enumerate(self.report_pages):
            self.setPage(i, page)
        self.setStartId(0)

    @staticmethod
    def _make_pages(session: ReportSession) -> list[ReportPage]:
        spec = session.spec
        pages: list[ReportPage] = [BasicInfoPage(session), TextPage(session, None)]
        for section in spec.sections:
            if section.is_table:
                pages.append(TablePage(session, spec.table(section.table)))
            elif section.subparts:
                pages.append(PartsPage(session, section))
            else:
                pages.append(TextPage(session, section))
        pages += [ReviewPage(session), ExportPage(session)]
        return pages

    def page_id_for_key(self, key: str) -> int | None:
        for i, page in enumerate(self.report_pages):
            if page.page_key == key:
                return i
        return None

    def page_of(self, cls):
        return next(p for p in self.report_pages if isinstance(p, cls))

    def current_report_page(self) -> ReportPage:
        return self.report_pages[self.currentId()]

    def go_to(self, page_id: int) -> None:
        """Show any page, keeping QWizard's history increasing (so Next and Back keep working):
        go back while the current page is beyond the target, then jump forward to it."""
        if page_id == self.currentId() or not 0 <= page_id < len(self.report_pages):
            return
        while self.currentId() > page_id and len(self.visitedIds()) > 1:
            self.back()
        if self.currentId() == page_id:
            return
        self._jump_target = page_id
        try:
            self.next()
        finally:
            self._jump_target = None
            self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        """QWizard caches "can continue / can finish" when it switches pages, while our jump
        target was still set; setFinalPage() makes it ask nextId() again."""
        page = self.currentPage()
        if page is not None:
            page.setFinalPage(self.currentId() == len(self.report_pages) - 1)

    def nextId(self) -> int:
        if self._jump_target is not None:
            return self._jump_target
        return super().nextId()

    def accept(self) -> None:
        self.finish_requested.emit()

    def reject(self) -> None:
        """Escape must not throw the clerk out of the report."""
