"""ReportSession: the Qt face of a ``ReportEditor`` — the same edits, with signals the pages listen to.

Every rule (totals, checks, what may be edited) lives in ``application.editor``; this adapter only
turns the editor's events into Qt signals.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..application.editor import EditorEvent, ReportEditor
from ..checks import Finding
from ..domain import Draft, SectionText
from ..domain.numbers import Value
from ..domain.totals import Changes
from ..spec import ReportSpec, TableSpec

BASIC = "基本信息"  # the first wizard page (organ, year, title, signature …)

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate_places(draft: Draft) -> list[str]:
    """Where the draft holds lone surrogates (only a ``"\\ud800"`` escape in report JSON brings one):
    Qt's editors cannot hold them, so editing that part in the wizard removes them."""
    parts = draft.spec.parts
    fields = {
        parts.title: draft.title or "",
        "机关名称": draft.organ,
        parts.signature: draft.signature_organ,
        "联系方式": draft.contact,
        "网址": draft.website,
        parts.preface: draft.preface,
    }
    for title, section in draft.sections.items():
        fields[title] = section if isinstance(section, str) else "".join(p.heading + p.text for p in section)
    return [name for name, text in fields.items() if _LONE_SURROGATE.search(text or "")]


class ReportSession(QObject):
    values_changed = Signal(list)  # cell ids whose value changed (inputs and totals)
    text_changed = Signal(str)  # the preface's key or a section title
    meta_changed = Signal()  # organ, year, title, signature, contact …
    findings_changed = Signal()
    status_changed = Signal()  # 草稿 / 定稿
    edited = Signal()  # anything above: the draft needs saving

    def __init__(self, draft: Draft, previous: Draft | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = ReportEditor(draft, previous)
        self.editor.listen(self._on_editor_event)

    # ---- what the editor holds ----------------------------------------------------------------
    @property
    def draft(self) -> Draft:
        return self.editor.draft

    @property
    def previous(self) -> Draft | None:
        return self.editor.previous

    @property
    def findings(self) -> list[Finding]:
        return self.editor.findings

    @property
    def spec(self) -> ReportSpec:
        return self.editor.spec

    @property
    def read_only(self) -> bool:
        return self.editor.read_only

    @property
    def error_count(self) -> int:
        return self.editor.error_count

    # ---- edits -----------------------------------------------------------------------------
    def set_values(self, values: dict[str, Value | None], recompute: bool = True) -> Changes:
        return self.editor.set_values(values, recompute)

    def recompute_all_totals(self) -> Changes:
        return self.editor.recompute_all_totals()

    def stale_totals(self, table: TableSpec) -> Changes:
        return self.editor.stale_totals(table)

    def set_preface(self, text: str) -> None:
        self.editor.set_preface(text)

    def set_section(self, title: str, value: SectionText) -> None:
        self.editor.set_section(title, value)

    def set_meta(self, **fields: Any) -> None:
        self.editor.set_meta(**fields)

    def accept_warning(self, finding: Finding, reason: str) -> None:
        self.editor.accept_warning(finding, reason)

    def unaccept(self, finding: Finding) -> None:
        self.editor.unaccept(finding)

    def recheck(self) -> None:
        self.editor.recheck()

    def set_status(self, status: str) -> None:
        self.editor.set_status(status)

    # ---- events as signals -------------------------------------------------------------------
    def _on_editor_event(self, event: EditorEvent, payload: Any) -> None:
        if event is EditorEvent.VALUES:
            self.values_changed.emit(payload)
        elif event is EditorEvent.TEXT:
            self.text_changed.emit(payload)
        elif event is EditorEvent.META:
            self.meta_changed.emit()
        elif event is EditorEvent.FINDINGS:
            self.findings_changed.emit()
        elif event is EditorEvent.STATUS:
            self.status_changed.emit()
        elif event is EditorEvent.EDITED:
            self.edited.emit()
