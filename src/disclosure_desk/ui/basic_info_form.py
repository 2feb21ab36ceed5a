"""The basic facts of a report (organ, year, edition, title, date, contact), used by the new-report
dialog and by the first wizard page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ..domain import Draft
from ..spec import default_edition, editions, get_spec
from . import style
from .date_field import DateField


def edition_label(edition: str) -> str:
    """``2021年格式（国办公开办函〔2021〕30号）``."""
    spec = get_spec(edition)
    return f"{spec.short_name}（{spec.issued_with}）"


MIN_YEAR, MAX_YEAR = 2008, 2099


class BasicInfoForm(QWidget):
    changed = Signal()

    def __init__(self, edition_editable: bool = True, parent=None):
        super().__init__(parent)
        self._loading = False
        self._edition_touched = False
        self.organ = QLineEdit()
        self.organ.setPlaceholderText("本机关全称，如：伊洛街道办事处")
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setSuffix(" 年度")
        self.edition = QComboBox()
        for ed in reversed(editions()):
            self.edition.addItem(edition_label(ed), ed)
        self.edition.setEnabled(edition_editable)
        self.edition_warning = QLabel()
        self.edition_warning.setWordWrap(True)
        self.edition_warning.setStyleSheet(style.BANNER_WARN)
        self.edition_warning.hide()
        self.title = QLineEdit()
        self.signature_organ = QLineEdit()
        self.signature_organ.setPlaceholderText("报告末尾署名的机关，通常与机关名称相同")
        self.date = DateField()
        self.contact = QLineEdit()
        self.contact.setPlaceholderText("如：办公室，电话 0379-1234567")
        self.website = QLineEdit()
        self.website.setPlaceholderText("本报告电子版的网址（可不填）")
        form = QFormLayout(self)
        form.addRow("机关名称", self.organ)
        form.addRow("报告年度", self.year)
        form.addRow("报告格式", self.edition)
        form.addRow("", self.edition_warning)
        form.addRow("报告标题", self.title)
        form.addRow("署名机关", self.signature_organ)
        form.addRow("成文日期", self.date)
        form.addRow("联系方式", self.contact)
        form.addRow("网址", self.website)
        self.organ.textEdited.connect(self._on_organ_text_edited)
        self.year.valueChanged.connect(self._on_year_value_changed)
        self.edition.activated.connect(self._on_edition_activated)
        for w in (self.title, self.signature_organ, self.contact, self.website):
            w.textEdited.connect(self._emit_changed)
        self.date.date_changed.connect(self._emit_changed)

    # ---- load / read -----------------------------------------------------------------------
    def load(self, draft: Draft) -> None:
        self._loading = True
        self.organ.setText(draft.organ)
        self.year.setValue(draft.year or dt.date.today().year - 1)
        self.edition.setCurrentIndex(self.edition.findData(draft.edition))
        self._auto_title = self.auto_title()
        self.title.setText(draft.title or self._auto_title)
        self._last_organ = draft.organ
        self.signature_organ.setText(draft.signature_organ)
        self.date.set_date(draft.signature_date)
        self.date.set_usual_month(self.year.value() + 1)
        self.contact.setText(draft.contact)
        self.website.setText(draft.website)
        self._update_edition_warning()
        self._loading = False

    def auto_title(self) -> str:
        return get_spec(self.edition_value()).title_for(self.organ.text().strip(), self.year.value())

    def edition_value(self) -> str:
        return self.edition.currentData()

    def meta(self) -> dict:
        """The fields as Draft attributes (title None when it is the formed one)."""
        title = self.title.text().strip()
        return {
            "organ": self.organ.text().strip(),
            "year": self.year.value(),
            "title": None if title in ("", self.auto_title()) else title,
            "signature_organ": self.signature_organ.text().strip(),
            "signature_date": self.date.date(),
            "contact": self.contact.text().strip(),
            "website": self.website.text().strip(),
        }

    # ---- keeping formed fields in step -------------------------------------------------------
    def _refresh_formed(self) -> None:
        new_auto = self.auto_title()
        if self.title.text().strip() in ("", getattr(self, "_auto_title", "")):
            self.title.setText(new_auto)
        self._auto_title = new_auto

    def _on_organ_text_edited(self, text: str) -> None:
        if self.signature_organ.text().strip() in ("", getattr(self, "_last_organ", "")):
            self.signature_organ.setText(text.strip())
        self._last_organ = text.strip()
        self._refresh_formed()
        self._emit_changed()

    def _on_year_value_changed(self, year: int) -> None:
        self.date.set_usual_month(year + 1)
        if self._loading:
            return
        if self.edition.isEnabled() and not self._edition_touched:
            self.edition.setCurrentIndex(self.edition.findData(default_edition(year)))
        self._update_edition_warning()
        self._refresh_formed()
        self._emit_changed()

    def _on_edition_activated(self, _index: int) -> None:
        self._edition_touched = True
        self._update_edition_warning()
        self._refresh_formed()
        self._emit_changed()

    def _update_edition_warning(self) -> None:
        year, ed = self.year.value(), self.edition_value()
        expected = default_edition(year)
        if ed == expected:
            self.edition_warning.hide()
            return
        self.edition_warning.setText(
            f"注意：{year}年度的报告通常使用{get_spec(expected).short_name}，除非上级明确要求，请不要改用。"
        )
        self.edition_warning.show()

    def _emit_changed(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()
