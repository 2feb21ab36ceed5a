"""ReportSession: the Draft being edited, its findings, and the signals the pages listen to.

The Draft is the state. Every edit goes through a ``set_*`` method here, which writes it into
the Draft at once, recomputes the totals that depend on it, re-runs the checks (they take
well under a millisecond) and tells the autosaver.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Signal

from ..checks import Finding, check
from ..domain import STATUS_FINAL, Draft, SectionText
from ..domain.numbers import Value

PREFACE = "前言"
BASIC = "基本信息"
META_FIELDS = ("organ", "year", "title", "signature_organ", "signature_date", "contact", "website")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate_places(draft: Draft) -> list[str]:
    """Where the draft holds lone surrogates (only a ``"\\ud800"`` escape in report JSON brings one):
    Qt's editors cannot hold them, so editing that part in the wizard removes them."""
    fields = {"标题": draft.title or "", "机关名称": draft.organ, "落款": draft.signature_organ,
              "联系方式": draft.contact, "网址": draft.website, PREFACE: draft.preface}
    for title, section in draft.sections.items():
        fields[title] = section if isinstance(section, str) else "".join(p.heading + p.text for p in section)
    return [name for name, text in fields.items() if _LONE_SURROGATE.search(text or "")]


class ReportSession(QObject):
    values_changed = Signal(list)  # cell ids whose value changed (inputs and totals)
    text_changed = Signal(str)  # PREFACE or a section title
    meta_changed = Signal()  # organ, year, title, signature, contact …
    findings_changed = Signal()
    status_changed = Signal()  # 草稿 / 定稿
    edited = Signal()  # anything above: the draft needs saving

    def __init__(self, draft: Draft, previous: Draft | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.draft = draft
        self.previous = previous
        self.findings: list[Finding] = []
        self._fill_missing_totals()
        self.recheck()

    @property
    def spec(self):
        return self.draft.spec

    @property
    def read_only(self) -> bool:
        return self.draft.status == STATUS_FINAL

    # ---- values ----------------------------------------------------------------------------
    def set_values(self, values: dict[str, Value | None], recompute: bool = True) -> dict[str, Value | None]:
        """Write cell values; returns the previous value of every cell that changed (for undo)."""
        old: dict[str, Value | None] = {}
        for cell_id, v in values.items():
            if self.draft.value(cell_id) != v or cell_id not in self.draft.values:
                old[cell_id] = self.draft.value(cell_id)
                self.draft.set_value(cell_id, v)
        if recompute and old:
            old.update(self._recompute_totals(set(old)))
        if old:
            self.values_changed.emit(list(old))
            self._after_edit()
        return old

    def _recompute_totals(self, changed: set[str]) -> dict[str, Value | None]:
        """Recompute every total that depends (transitively) on ``changed``."""
        old: dict[str, Value | None] = {}
        totals = [c for t in self.spec.tables for c in t.total_cells]
        dirty = set(changed)
        for _ in range(3):  # totals of totals (the 表三 corner) settle in two passes
            progressed = False
            for cell in totals:
                if dirty.isdisjoint(cell.sum_of):
                    continue
                new = self.draft.derived_value(cell.id)
                if self.draft.value(cell.id) != new:
                    old.setdefault(cell.id, self.draft.value(cell.id))
                    self.draft.values[cell.id] = new
                    dirty.add(cell.id)
                    progressed = True
            if not progressed:
                break
        return old

    def recompute_all_totals(self) -> dict[str, Value | None]:
        """Set every total to the sum of its parts; returns the previous values (for undo)."""
        old = self._recompute_totals({c.id for c in self.spec.all_cells})
        if old:
            self.values_changed.emit(list(old))
            self._after_edit()
        return old

    def _fill_missing_totals(self) -> None:
        """A total left blank whose parts are filled: fill it (no information is lost)."""
        for table in self.spec.tables:
            for _ in range(2):
                for cell in table.total_cells:
                    if self.draft.value(cell.id) is None:
                        derived = self.draft.derived_value(cell.id)
                        if derived is not None:
                            self.draft.values[cell.id] = derived

    # ---- text and basic information ----------------------------------------------------------
    def set_preface(self, text: str) -> None:
        if text != self.draft.preface:
            self.draft.preface = text
            self.text_changed.emit(PREFACE)
            self._after_edit()

    def set_section(self, title: str, value: SectionText) -> None:
        if self.draft.sections.get(title) != value:
            self.draft.sections[title] = value
            self.text_changed.emit(title)
            self._after_edit()

    def set_meta(self, **fields) -> None:
        changed = False
        for name, v in fields.items():
            if name not in META_FIELDS:
                raise KeyError(name)
            if getattr(self.draft, name) != v:
                setattr(self.draft, name, v)
                changed = True
        if changed:
            self.meta_changed.emit()
            self._after_edit()

    # ---- findings ----------------------------------------------------------------------------
    def accept_warning(self, finding: Finding, reason: str) -> None:
        self.draft.accepted[finding.key] = reason
        self.edited.emit()
        self.recheck()

    def unaccept(self, finding: Finding) -> None:
        if self.draft.accepted.pop(finding.key, None) is not None:
            self.edited.emit()
            self.recheck()

    def recheck(self) -> None:
        findings = check(self.draft, self.previous)
        if findings != self.findings:
            self.findings = findings
            self.findings_changed.emit()

    @property
    def error_count(self) -> int:
        return sum(f.is_error for f in self.findings)

    def set_status(self, status: str) -> None:
        if self.draft.status != status:
            self.draft.status = status
            self.status_changed.emit()

    def _after_edit(self) -> None:
        self.edited.emit()
        self.recheck()
