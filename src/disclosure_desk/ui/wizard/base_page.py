"""What every page of the report wizard shares."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from .. import style
from ..session import ReportSession


class ReportPage(QWidget):
    """A step of the report wizard bound to the session. ``page_key`` names it (BASIC, PREFACE, a section
    title…); the wizard shows its title above it and lists its ``side_label`` in the side list."""

    page_key = ""
    side_label = ""

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._title = ""

    def setTitle(self, title: str) -> None:
        self._title = title

    def title(self) -> str:
        return self._title

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


class NoticeLabel(QLabel):
    """A banner that says what just happened, and goes away when it is no longer true.

    ``still_true`` (if given) is asked at every :meth:`revalidate` (the page calls it after each edit);
    a notice without one describes the last action and goes at the next edit.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()
        self._still_true: Callable[[], bool] | None = None
        self.level = ""

    def show_message(self, message: str, level: str, still_true: Callable[[], bool] | None = None) -> None:
        if not message:
            self.clear_message()
            return
        css = {"error": style.BANNER_ERROR, "warning": style.BANNER_WARN}.get(level, style.BANNER_INFO)
        self.setStyleSheet(css)
        self.setText(message)
        self.level = level
        self._still_true = still_true
        self.show()

    def clear_message(self) -> None:
        self._still_true = None
        self.level = ""
        self.setText("")
        self.hide()

    def revalidate(self) -> None:
        if self.text() and (self._still_true is None or not self._still_true()):
            self.clear_message()


def notice_label() -> NoticeLabel:
    return NoticeLabel()


def show_notice(label: NoticeLabel, message: str, level: str, still_true: Callable[[], bool] | None = None) -> None:
    label.show_message(message, level, still_true)


class TwoLineLabel(QLabel):
    """Two lines of plain text, each shortened with "…" to the width it gets (the whole text in the
    tooltip): a fixed height that never pushes the table down."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: tuple[str, str] = ("", "")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFixedHeight(2 * self.fontMetrics().lineSpacing() + 4)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setMinimumWidth(100)

    def set_lines(self, first: str, second: str = "") -> None:
        self._lines = (first, second)
        self.setToolTip("\n".join(line for line in self._lines if line))
        self._fit()

    def lines(self) -> tuple[str, str]:
        return self._lines

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics, width = self.fontMetrics(), max(self.width() - 2, 20)
        shown = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in self._lines]
        self.setText("\n".join(shown))
