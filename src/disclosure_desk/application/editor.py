"""ReportEditor: one report being edited. Every edit goes through here.

An edit is written into the Draft at once; the totals that depend on it are recomputed; the checks
run again (well under a millisecond); and the listeners hear what changed (the Qt adapter turns this
into signals, the autosaver marks the draft dirty). Totals that nothing changed are left as they are,
so a total imported wrong stays visible until the clerk asks for it to be recomputed.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from ..checks import Finding, check
from ..domain import STATUS_FINAL, Draft, SectionText
from ..domain.fields import EDITABLE
from ..domain.numbers import Value
from ..domain.totals import Changes, fill_missing_totals, recompute_all_totals, recompute_totals, stale_totals
from ..spec import ReportSpec, TableSpec

# Draft attributes set through set_meta (the 基本信息 page)
META_FIELDS = EDITABLE


class EditorEvent(enum.Enum):
    VALUES = "values"  # payload: the cell ids whose value changed (inputs and totals)
    TEXT = "text"  # payload: the preface's or a section's key
    META = "meta"  # organ, year, title, signature, contact …
    FINDINGS = "findings"
    STATUS = "status"  # 草稿 / 定稿
    EDITED = "edited"  # anything that needs saving


Listener = Callable[[EditorEvent, Any], None]


class ReportEditor:
    def __init__(self, draft: Draft, previous: Draft | None = None):
        self.draft = draft
        self.previous = previous
        self.findings: list[Finding] = []
        self.locked_by = ""  # who else is editing the draft (its edit lease): read-only here while set
        self._listeners: list[Listener] = []
        fill_missing_totals(draft)
        self.recheck()

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    @property
    def spec(self) -> ReportSpec:
        return self.draft.spec

    @property
    def read_only(self) -> bool:
        return self.draft.status == STATUS_FINAL or bool(self.locked_by)

    def set_locked_by(self, holder: str) -> None:
        """Someone else holds the draft's edit lease (``holder``), or nobody (""): read-only while held."""
        if holder != self.locked_by:
            self.locked_by = holder
            self._emit(EditorEvent.STATUS, None)

    @property
    def error_count(self) -> int:
        return sum(f.is_error for f in self.findings)

    # ---- values ----------------------------------------------------------------------------
    def set_values(self, values: dict[str, Value | None], recompute: bool = True) -> Changes:
        """Write cell values; returns the previous value of every cell that changed, totals included
        (what an undo writes back, with ``recompute=False``)."""
        old: Changes = {}
        for cell_id, v in values.items():
            if self.draft.value(cell_id) != v or cell_id not in self.draft.values:
                old[cell_id] = self.draft.value(cell_id)
                self.draft.set_value(cell_id, v)
        if recompute and old:
            old.update(recompute_totals(self.draft, set(old)))
        if old:
            self._values_edited(old)
        return old

    def recompute_all_totals(self) -> Changes:
        old = recompute_all_totals(self.draft)
        if old:
            self._values_edited(old)
        return old

    def stale_totals(self, table: TableSpec) -> Changes:
        """The totals of ``table`` that are not the sum of their parts, with that sum."""
        return stale_totals(self.draft, table)

    def _values_edited(self, old: Changes) -> None:
        self._emit(EditorEvent.VALUES, list(old))
        self._after_edit()

    # ---- text and basic information ----------------------------------------------------------
    def set_preface(self, text: str) -> None:
        if text != self.draft.preface:
            self.draft.preface = text
            self._emit(EditorEvent.TEXT, self.spec.parts.preface)
            self._after_edit()

    def set_section(self, title: str, value: SectionText) -> None:
        if self.draft.sections.get(title) != value:
            self.draft.sections[title] = value
            self._emit(EditorEvent.TEXT, title)
            self._after_edit()

    def set_meta(self, **fields: Any) -> None:
        changed = False
        for name, v in fields.items():
            if name not in META_FIELDS:
                raise KeyError(name)
            if getattr(self.draft, name) != v:
                setattr(self.draft, name, v)
                changed = True
        if changed:
            self._emit(EditorEvent.META, None)
            self._after_edit()

    # ---- findings and status -----------------------------------------------------------------
    def accept_warning(self, finding: Finding, reason: str) -> None:
        self.draft.accepted[finding.key] = reason
        self._emit(EditorEvent.EDITED, None)
        self.recheck()

    def unaccept(self, finding: Finding) -> None:
        if self.draft.accepted.pop(finding.key, None) is not None:
            self._emit(EditorEvent.EDITED, None)
            self.recheck()

    def recheck(self) -> None:
        findings = check(self.draft, self.previous)
        if findings != self.findings:
            self.findings = findings
            self._emit(EditorEvent.FINDINGS, None)

    def set_status(self, status: str) -> None:
        """Follow the store's 草稿/定稿 (the Workspace changes it there)."""
        if self.draft.status != status:
            self.draft.status = status
            self._emit(EditorEvent.STATUS, None)

    def _after_edit(self) -> None:
        self._emit(EditorEvent.EDITED, None)
        self.recheck()

    def _emit(self, event: EditorEvent, payload: Any) -> None:
        for listener in self._listeners:
            listener(event, payload)
