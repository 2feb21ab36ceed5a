"""Small helpers the rules share: reading values with blank as 0, naming cells."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..domain import Draft
from ..domain.numbers import Value, exact_sum, format_value
from ..spec import CellSpec
from .finding import Finding, Severity


def num(draft: Draft, cell_id: str) -> Value:
    """The value, blank counting as 0 (arithmetic rules run over partly filled tables)."""
    v = draft.value(cell_id)
    return 0 if v is None else v


def total(draft: Draft, cell_ids: Iterable[str]) -> Value:
    return exact_sum(num(draft, i) for i in cell_ids)


def all_blank(draft: Draft, cell_ids: Iterable[str]) -> bool:
    return all(draft.value(i) is None for i in cell_ids)


def fmt(v: Value | Decimal) -> str:
    return format_value(v)


def table_finding(
    rule: str, severity: Severity, message: str, cells: Iterable[CellSpec], section: str, focus: str = ""
) -> Finding:
    """A finding about table cells; ``focus`` names the one most likely wrong (default: the first)."""
    cells = tuple(cells)
    return Finding(
        rule, severity, message, tuple(c.label_path for c in cells), tuple(c.id for c in cells), section, focus=focus
    )


def text_finding(rule: str, severity: Severity, message: str, section: str) -> Finding:
    return Finding(rule, severity, message, (section,) if section else (), (), section)
