"""The first page: organ, year, title, signature, contact (the edition is fixed when a report is created)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ..basic_info_form import BasicInfoForm
from ..session import BASIC, ReportSession
from .base_page import ReportPage, guidance_label

GUIDANCE = (
    "核对本报告的基本信息。标题按“机关全称+年度+政府信息公开工作年度报告”自动生成，也可以修改。"
    "署名机关和成文日期印在报告末尾；成文日期用阿拉伯数字，县级以上人民政府部门应在次年1月31日前公布。"
)


class BasicInfoPage(ReportPage):
    page_key = BASIC
    side_label = "基本信息"

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(session, parent)
        self.setTitle("基本信息")
        self.form = BasicInfoForm(edition_editable=False)
        self.form.load(session.draft)
        self.form.changed.connect(self._on_form_changed)
        note = QLabel("报告格式在新建报告时选定；如选错了，请新建一份报告。")
        note.setStyleSheet("color:#5b6b7c;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(guidance_label(GUIDANCE))
        layout.addWidget(self.form)
        layout.addWidget(note)
        layout.addStretch(1)
        session.status_changed.connect(lambda: self.set_read_only(session.read_only))
        self.set_read_only(session.read_only)

    def _on_form_changed(self) -> None:
        self.session.set_meta(**self.form.meta())

    def focus_finding(self, finding) -> None:
        target = self.form.date if finding.section == self.session.spec.parts.signature else self.form.organ
        target.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        self.form.setEnabled(not read_only)
