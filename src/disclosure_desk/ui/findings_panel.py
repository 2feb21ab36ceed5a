"""The findings panel under the wizard: the problems of the current page (or of all pages)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .findings_view import finding_color, finding_text, finding_tooltip, severity_icon
from .page_status import findings_for_page
from .session import ReportSession

FINDING_ROLE = Qt.ItemDataRole.UserRole + 10


class FindingsPanel(QWidget):
    finding_activated = Signal(object)

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.page_key = ""
        self.summary = QLabel()
        self.show_all = QCheckBox("显示所有页面的问题")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setToolTip("双击一条问题，转到相关的格子或文字。")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.show_all.toggled.connect(self.refresh)
        self.list.itemActivated.connect(self._on_list_item_activated)
        session.findings_changed.connect(self.refresh)

    def set_page(self, page_key: str) -> None:
        self.page_key = page_key
        self.refresh()

    def shown_findings(self):
        if self.show_all.isChecked():
            return list(self.session.findings)
        return findings_for_page(self.page_key, self.session.findings)

    def refresh(self) -> None:
        findings = self.shown_findings()
        self.list.clear()
        for f in findings:
            item = QListWidgetItem(severity_icon(f.is_error, f.accepted_reason is not None), finding_text(f))
            item.setForeground(QBrush(finding_color(f)))
            item.setData(FINDING_ROLE, f)
            item.setToolTip(finding_tooltip(f))
            self.list.addItem(item)
        errors = sum(f.is_error for f in findings)
        warnings = sum(not f.is_error and f.accepted_reason is None for f in findings)
        where = "全部页面" if self.show_all.isChecked() else "本页"
        if not findings:
            self.summary.setText(f"{where}没有发现问题。")
        else:
            self.summary.setText(f"{where}：{errors}个错误，{warnings}个提示。双击一条问题可转到相关位置。")

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE) if item is not None else None
        if finding is not None:
            # after the list's own event handling: jumping to another page rebuilds this list
            QTimer.singleShot(0, lambda: self.finding_activated.emit(finding))
