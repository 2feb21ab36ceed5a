"""The status mark of each wizard page (empty / in progress / has errors / done). Qt-free."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from ..checks import Finding
from ..domain import Draft
from ..spec.model import PartNames
from .session import BASIC

PREFACE = PartNames.preface  # the preface's page is keyed as its findings name it
REVIEW = "review"
EXPORT = "export"
# findings whose section is one of these belong to the basic-information page
BASIC_SECTIONS = ("", PartNames.title, PartNames.signature)
# "not filled in yet" is not "wrong": these errors leave a page in progress, not red
COMPLETENESS_RULES = ("S-1", "B-1")


class PageStatus(enum.Enum):
    EMPTY = "empty"
    IN_PROGRESS = "in_progress"
    ERRORS = "errors"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"empty": "未填写", "in_progress": "填写中", "errors": "有错误", "done": "已完成"}[self.value]


def page_key_for(finding: Finding) -> str:
    """The page a finding belongs to: BASIC, PREFACE or a section title."""
    if finding.section in BASIC_SECTIONS:
        return BASIC
    return finding.section


def findings_for_page(page_key: str, findings: Iterable[Finding]) -> list[Finding]:
    if page_key in (REVIEW, EXPORT):
        return list(findings)
    return [f for f in findings if page_key_for(f) == page_key]


def _open(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.accepted_reason is None]


def page_status(page_key: str, draft: Draft, findings: list[Finding], exported: bool = False) -> PageStatus:
    if page_key == EXPORT:
        return PageStatus.DONE if exported else PageStatus.EMPTY
    mine = _open(findings_for_page(page_key, findings))
    if page_key == REVIEW:
        if any(f.is_error for f in mine):
            return PageStatus.ERRORS
        return PageStatus.DONE if not mine else PageStatus.IN_PROGRESS
    if any(f.is_error and f.rule not in COMPLETENESS_RULES for f in mine):
        return PageStatus.ERRORS
    if _is_empty(page_key, draft):
        return PageStatus.EMPTY
    return PageStatus.IN_PROGRESS if mine or _has_blanks(page_key, draft) else PageStatus.DONE


def _is_empty(page_key: str, draft: Draft) -> bool:
    if page_key == BASIC:
        return not draft.organ.strip() and draft.year is None
    if page_key == PREFACE:
        return not draft.preface.strip()
    section = draft.spec.section(page_key)
    if section.table is not None:
        return draft.table_is_blank(section.table)
    return not draft.section_text(page_key).strip()


def _has_blanks(page_key: str, draft: Draft) -> bool:
    if page_key in (BASIC, PREFACE):
        return False
    section = draft.spec.section(page_key)
    if section.table is None:
        return False
    return any(draft.value(c.id) is None for c in draft.spec.table(section.table).input_cells)
