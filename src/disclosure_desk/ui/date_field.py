"""The 成文日期 field: a date typed the way clerks write dates, or picked from a calendar.

A QDateEdit took keystrokes section by section ("2026120" after typing 2026, 1, 20) and showed a
special value for "not filled in" that typing could not leave. Here the clerk types freely
(``2026-01-20``, ``2026年1月20日``, ``2026.1.20``, ``20260120``), can clear the field, and the calendar
opens where the date most likely is: on the date, else in January after the report year.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ..domain.dates import DateParseError, format_date, parse_date
from ..domain.numbers import normalise_text
from . import style

_COMPLETE = re.compile(r"(?:\d{2}|日)$")


class DateField(QWidget):
    date_changed = Signal()  # a new date was typed or picked, or the field was cleared

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._date: dt.date | None = None
        self._usual_month = (dt.date.today().year, 1)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("如 2026年1月20日，或 2026-01-20")
        self.edit.setClearButtonEnabled(True)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.button = QToolButton()
        self.button.setText("日历")
        self.button.setToolTip("从日历中选择成文日期")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.button.setMenu(menu)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(style.BANNER_ERROR)
        self.hint.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.editingFinished.connect(self._on_edit_editing_finished)
        self.calendar.clicked.connect(self._on_calendar_clicked)

    def date(self) -> dt.date | None:
        return self._date

    def set_date(self, date: dt.date | None) -> None:
        """Show ``date`` (no signal: loading a draft is not an edit)."""
        self._date = date
        self.edit.setText(format_date(date))
        self.hint.hide()

    def set_usual_month(self, year: int, month: int = 1) -> None:
        """Where the calendar opens while no date is set (January after the report year)."""
        self._usual_month = (year, month)

    # ---- slots -----------------------------------------------------------------------------
    def _on_edit_text_edited(self, text: str) -> None:
        """Store the date as soon as the text is a whole date ("2026-02-3" may still become "2026-02-30")."""
        try:
            date = parse_date(text)
        except DateParseError as e:
            if self._looks_complete(text):
                self._show_hint(e.message)
            return  # the text stays for the clerk to correct; the stored date is unchanged
        self.hint.hide()
        if date is None or self._looks_complete(text):
            self._set(date)

    def _on_edit_editing_finished(self) -> None:
        try:
            date = parse_date(self.edit.text())
        except DateParseError as e:
            self._show_hint(e.message)
            return
        self._set(date)
        self.edit.setText(format_date(date))  # as it will be printed

    def _on_menu_about_to_show(self) -> None:
        if self._date is not None:
            self.calendar.setSelectedDate(QDate(self._date.year, self._date.month, self._date.day))
        else:
            self.calendar.setCurrentPage(*self._usual_month)

    def _on_calendar_clicked(self, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
        self.button.menu().hide()
        self.date_changed.emit()

    def _set(self, date: dt.date | None) -> None:
        if date != self._date:
            self._date = date
            self.date_changed.emit()

    def _show_hint(self, message: str) -> None:
        self.hint.setText(message)
        self.hint.show()

    @staticmethod
    def _looks_complete(text: str) -> bool:
        """Whether typing may be over: the day has two digits or 日 closes it (or there are no digits at
        all, which no further typing makes a date). "2026-1" and "2026-1-2" may still grow."""
        s = normalise_text(text)
        return bool(_COMPLETE.search(s)) or not any(ch.isdigit() for ch in s)
