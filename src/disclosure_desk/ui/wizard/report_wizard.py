"""ReportWizard: the pages of one report, generated from the spec, in order or in any order.

The clerk goes step by step with 上一步/下一步 or jumps to any page from the side list or a finding.
QWizard allows only its own history and Next, so jumping fought it (loops of back(), a faked nextId);
here the steps are a list over a QStackedWidget (the shape of Qt's Config Dialog example) and any page
is one ``go_to`` away, while the buttons keep the wizard's feel.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ..session import ReportSession
from .base_page import ReportPage
from .basic_info_page import BasicInfoPage
from .export_page import ExportPage
from .narrative_page import PartsPage, TextPage
from .review_page import ReviewPage
from .table_page import TablePage

BACK, NEXT, FINISH = "< 上一步(&B)", "下一步(&N) >", "完成(&F)"


class ReportWizard(QWidget):
    current_changed = Signal(int)  # the index of the page now shown
    finish_requested = Signal()  # 完成 on the last page: back to the draft list

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.report_pages: list[ReportPage] = self._make_pages(session)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.stack = QStackedWidget()
        for page in self.report_pages:
            self.stack.addWidget(page)
        self.back_button = QPushButton(BACK)
        self.next_button = QPushButton(NEXT)
        self.finish_button = QPushButton(FINISH)
        self._layout()
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.finish_button.clicked.connect(self.finish_requested)
        self._show(0)

    def _layout(self) -> None:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.finish_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(line)
        layout.addLayout(buttons)

    @staticmethod
    def _make_pages(session: ReportSession) -> list[ReportPage]:
        spec = session.spec
        pages: list[ReportPage] = [BasicInfoPage(session), TextPage(session, None)]
        for section in spec.sections:
            if section.table is not None:
                pages.append(TablePage(session, spec.table(section.table)))
            elif section.subparts:
                pages.append(PartsPage(session, section))
            else:
                pages.append(TextPage(session, section))
        pages += [ReviewPage(session), ExportPage(session)]
        return pages

    # ---- where we are ------------------------------------------------------------------------
    def current_id(self) -> int:
        return self.stack.currentIndex()

    def current_page(self) -> ReportPage:
        return self.report_pages[self.current_id()]

    def page_id_for_key(self, key: str) -> int | None:
        for i, page in enumerate(self.report_pages):
            if page.page_key == key:
                return i
        return None

    def page_of(self, cls):
        return next(p for p in self.report_pages if isinstance(p, cls))

    # ---- moving ------------------------------------------------------------------------------
    def go_to(self, page_id: int) -> None:
        if page_id != self.current_id() and 0 <= page_id < len(self.report_pages):
            self._show(page_id)

    def back(self) -> None:
        self.go_to(self.current_id() - 1)

    def next(self) -> None:
        self.go_to(self.current_id() + 1)

    def _show(self, page_id: int) -> None:
        self.stack.setCurrentIndex(page_id)
        self.title.setText(self.report_pages[page_id].title())
        last = page_id == len(self.report_pages) - 1
        self.back_button.setVisible(page_id > 0)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        self.current_changed.emit(page_id)
