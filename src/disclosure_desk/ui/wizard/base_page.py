"""What every page of the report wizard shares."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizardPage

from .. import style
from ..session import ReportSession


class ReportPage(QWizardPage):
    """A wizard page bound to the session. ``page_key`` names it (BASIC, PREFACE, a section title…)."""

    page_key = ""
    side_label = ""

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(parent)
        self.session = session

    def cleanupPage(self) -> None:
        pass

    def focus_finding(self, finding) -> None:
        """Show the place a finding names (tables select cells; text pages focus the editor)."""

    def set_read_only(self, read_only: bool) -> None:
        """Final reports are read-only until reopened."""


def guidance_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style.GUIDANCE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def notice_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.hide()
    return label


def show_notice(label: QLabel, message: str, level: str) -> None:
    if not message:
        label.hide()
        return
    css = {"error": style.BANNER_ERROR, "warning": style.BANNER_WARN}.get(level, style.BANNER_INFO)
    label.setStyleSheet(css)
    label.setText(message)
    label.show()
