"""Totals: the cells the spec declares as sums (``CellSpec.sum_of``), kept equal to their parts.

The one place that recomputes them, for the wizard (after each edit), the import of a file (a total
left blank is filled, a total stated wrongly is kept for the checks to name) and the 重新计算 button.
"""

from __future__ import annotations

from collections.abc import Iterable

from .numbers import Value

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the CLI ~2 ms)
if TYPE_CHECKING:  # draft.py uses this module
    from ..spec import TableSpec
    from .draft import Draft

Changes = dict[str, Value | None]  # cell id -> the value it had before


def recompute_totals(draft: Draft, changed: Iterable[str]) -> Changes:
    """Set every total that depends, directly or through another total, on ``changed`` to the sum of
    its parts; returns the previous value of each total that changed."""
    old: Changes = {}
    totals = [c for t in draft.spec.tables for c in t.total_cells]
    dirty = set(changed)
    progressed = True
    while progressed:  # totals of totals (the 表三 corner) settle in a second pass
        progressed = False
        for cell in totals:
            if dirty.isdisjoint(cell.sum_of):
                continue
            new = draft.derived_value(cell.id)
            if draft.value(cell.id) != new:
                old.setdefault(cell.id, draft.value(cell.id))
                draft.values[cell.id] = new
                dirty.add(cell.id)
                progressed = True
    return old


def recompute_all_totals(draft: Draft) -> Changes:
    return recompute_totals(draft, (c.id for c in draft.spec.all_cells))


def fill_missing_totals(draft: Draft) -> Changes:
    """A total left blank whose parts are filled gets their sum (no information is lost); a total that
    is stated is kept as stated, so that a wrong one stays visible to the checks."""
    old: Changes = {}
    for table in draft.spec.tables:
        for _ in range(2):  # a total of totals after its parts
            for cell in table.total_cells:
                if draft.value(cell.id) is None:
                    derived = draft.derived_value(cell.id)
                    if derived is not None:
                        old.setdefault(cell.id, None)
                        draft.values[cell.id] = derived
    return old


def stale_totals(draft: Draft, table: TableSpec) -> Changes:
    """The totals of ``table`` that differ from the sum of their parts, with that sum (what the
    重新计算总计 button writes)."""
    return {
        c.id: draft.derived_value(c.id) for c in table.total_cells if draft.value(c.id) != draft.derived_value(c.id)
    }
