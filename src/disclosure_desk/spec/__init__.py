"""The report editions as declarative data. Qt-free."""

from __future__ import annotations

from .model import CellSpec, GridCell, GridRole, ReportSpec, SectionSpec, SubpartSpec, TableSpec, ValueKind

EDITIONS = ("2019", "2021")


def get_spec(edition: str) -> ReportSpec:
    """The spec of an edition ("2019" or "2021")."""
    if edition == "2019":
        from .edition_2019 import SPEC
    elif edition == "2021":
        from .edition_2021 import SPEC
    else:
        raise KeyError(edition)
    return SPEC


def default_edition(year: int) -> str:
    """Report years up to 2020 used the 2019 trial format; later years the 2021 format."""
    return "2019" if year <= 2020 else "2021"


__all__ = [
    "CellSpec", "GridCell", "GridRole", "ReportSpec", "SectionSpec", "SubpartSpec", "TableSpec",
    "ValueKind", "EDITIONS", "get_spec", "default_edition",
]
