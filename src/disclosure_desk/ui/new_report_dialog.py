"""The new-report dialog: organ, year, edition (defaulted from the year), date, contact, title."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ..domain import Draft
from .basic_info_form import BasicInfoForm


class NewReportDialog(QDialog):
    def __init__(self, parent=None, template: Draft | None = None):
        super().__init__(parent)
        self.setWindowTitle("新建年度报告")
        self.form = BasicInfoForm(edition_editable=True)
        draft = template or Draft.new("", dt.date.today().year - 1)  # reports are written early next year
        self.form.load(draft)
        intro = QLabel(
            "填写本机关名称和报告年度。报告格式按年度自动选定：2019、2020年度用2019年试行格式，2021年度起用2021年格式。"
        )
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("开始填写")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.form.changed.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self._template = template
        self._update_ok()
        self.resize(560, self.sizeHint().height())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.form.organ.text().strip()))
        self._fit()

    def _fit(self) -> None:
        """Grow when the edition warning (a wrapped label) appears, so nothing is clipped."""
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def draft(self) -> Draft:
        """The new Draft (not yet saved). A template (last year's carry-over) keeps its content."""
        meta = self.form.meta()
        if self._template is not None and self._template.edition == self.form.edition_value():
            draft = self._template
        else:
            draft = Draft.new(meta["organ"], meta["year"], self.form.edition_value())
        draft.edition = self.form.edition_value()
        for name, value in meta.items():
            setattr(draft, name, value)
        return draft

    def _on_buttons_accepted(self) -> None:
        if self.form.organ.text().strip():
            self.accept()
