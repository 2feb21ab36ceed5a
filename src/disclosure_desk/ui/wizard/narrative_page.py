"""Narrative pages: the preface, 一 (with its sub-parts), 五 and 六.

Every keystroke is written into the Draft at once; 一 is edited as a list of parts (a heading
and its text) that starts from the five themes of the format, each with what it must cover.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import SectionPart
from ...spec import SectionSpec, SubpartSpec
from .. import style, texts
from ..page_status import PREFACE
from ..session import ReportSession
from .base_page import ReportPage, guidance_label, notice_label, show_notice

CARRIED_NOTICE = "这段文字是从上年报告带过来的，请按本年度实际情况修改（内容与上年雷同是上级通报的常见问题）。"


class TextPage(ReportPage):
    """The preface, 五 or 六: guidance and one text editor."""

    def __init__(self, session: ReportSession, section: SectionSpec | None, parent=None):
        super().__init__(session, parent)
        self.section = section
        self.page_key = PREFACE if section is None else section.title
        self.side_label = PREFACE if section is None else section.title
        self.setTitle(self.side_label)
        guidance = session.spec.preface_guidance if section is None else section.guidance
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText("在这里输入正文。段与段之间按回车换行。")
        self.editor.setPlainText(self._stored_text())
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.carried = notice_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(guidance_label(guidance))
        layout.addWidget(self.carried)
        layout.addWidget(self.editor, 1)
        self._update_carried()
        session.status_changed.connect(lambda: self.set_read_only(session.read_only))
        self.set_read_only(session.read_only)

    def _stored_text(self) -> str:
        if self.section is None:
            return self.session.draft.preface
        return self.session.draft.section_text(self.section.title)

    def _on_editor_text_changed(self) -> None:
        text = self.editor.toPlainText()
        if self.section is None:
            self.session.set_preface(text)
        else:
            self.session.set_section(self.section.title, text)
        self._update_carried()

    def _update_carried(self) -> None:
        carried = self.session.draft.carried_texts.get(self.page_key)
        show_notice(self.carried, CARRIED_NOTICE if carried and carried == self._stored_text() else "", "warning")

    def focus_finding(self, finding) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setReadOnly(read_only)


class PartEditor(QFrame):
    """One part of 一、总体情况: its heading (renamable), what it must cover, and its text."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, part: SectionPart, guidance: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLineEdit(part.heading)
        self.heading.setPlaceholderText("小标题，如（一）主动公开")
        self.remove_button = QPushButton("删除此部分")
        self.guidance = QLabel(guidance)
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet(style.GUIDANCE)
        self.body = QPlainTextEdit(part.text)
        self.body.setPlaceholderText("写明这一方面的工作情况。")
        self.body.setMinimumHeight(110)
        top = QHBoxLayout()
        top.addWidget(QLabel("小标题"))
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.guidance)
        layout.addWidget(self.body)
        self.heading.textChanged.connect(self.changed)
        self.body.textChanged.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def part(self) -> SectionPart:
        return SectionPart(self.heading.text().strip(), self.body.toPlainText())

    def set_read_only(self, read_only: bool) -> None:
        self.heading.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        self.remove_button.setEnabled(not read_only)


class PartsPage(ReportPage):
    """一、总体情况: a list of parts generated from ``SectionSpec.subparts``."""

    def __init__(self, session: ReportSession, section: SectionSpec, parent=None):
        super().__init__(session, parent)
        self.section = section
        self.page_key = section.title
        self.side_label = section.title
        self.setTitle(section.title)
        self.editors: list[PartEditor] = []
        self._list = QVBoxLayout()
        self._list.setSpacing(8)
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 4, 0)
        outer.addLayout(self._list)
        self.add_button = QPushButton("＋ 添加一部分")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(holder)
        self.carried = notice_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(guidance_label(section.guidance))
        layout.addWidget(self.carried)
        layout.addWidget(self.scroll_area, 1)
        for part in self._initial_parts():
            self._add_editor(part)
        self._update_carried()
        session.status_changed.connect(lambda: self.set_read_only(session.read_only))
        self.set_read_only(session.read_only)

    def _initial_parts(self) -> tuple[SectionPart, ...]:
        parts = self.session.draft.section_parts(self.section.title)
        if any(p.heading or p.text.strip() for p in parts):
            return parts
        return tuple(SectionPart(s.heading, "") for s in self.section.subparts)

    def _guidance_for(self, heading: str, position: int) -> str:
        subs = self.section.subparts
        exact = [s for s in subs if s.heading == heading]
        by_word = [s for s in subs if any(k in heading for k in (*s.keywords, _bare(s)))]
        matches = exact or by_word
        chosen: SubpartSpec | None = matches[0] if matches else None
        if chosen is None and not heading and position < len(subs):
            chosen = subs[position]
        return f"应写明：{chosen.guidance}" if chosen else "写明这一方面的工作情况。"

    def _add_editor(self, part: SectionPart) -> PartEditor:
        editor = PartEditor(part, self._guidance_for(part.heading, len(self.editors)))
        editor.changed.connect(self._on_part_changed)
        editor.remove_requested.connect(self._on_part_remove_requested)
        editor.set_read_only(self.session.read_only)
        self.editors.append(editor)
        self._list.addWidget(editor)
        return editor

    def add_part(self) -> PartEditor:
        n = len(self.editors)
        numeral = texts.CHINESE_NUMERALS[n] if n < len(texts.CHINESE_NUMERALS) else str(n + 1)
        editor = self._add_editor(SectionPart(f"（{numeral}）", ""))
        self._write_back()
        editor.heading.setFocus()
        editor.heading.end(False)
        return editor

    def remove_part(self, editor: PartEditor) -> None:
        from .. import messages

        if editor.body.toPlainText().strip() and not messages.confirm(
            self, "删除这一部分", f"“{editor.heading.text()}”下已经写了内容，确定删除吗？", "删除", "取消"
        ):
            return
        self.editors.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        self._write_back()

    def _write_back(self) -> None:
        self.session.set_section(self.section.title, tuple(e.part() for e in self.editors))
        self._update_carried()

    def _update_carried(self) -> None:
        carried = self.session.draft.carried_texts.get(self.section.title)
        current = self.session.draft.section_text(self.section.title)
        show_notice(self.carried, CARRIED_NOTICE if carried and carried == current else "", "warning")

    def focus_finding(self, finding) -> None:
        if self.editors:
            self.editors[0].body.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        for e in self.editors:
            e.set_read_only(read_only)
        self.add_button.setEnabled(not read_only)

    def _on_part_changed(self) -> None:
        self._write_back()

    def _on_part_remove_requested(self, editor: PartEditor) -> None:
        self.remove_part(editor)

    def _on_add_button_clicked(self) -> None:
        self.add_part()


def _bare(sub: SubpartSpec) -> str:
    """``（一）主动公开`` -> ``主动公开``."""
    return sub.heading.split("）", 1)[-1]
