"""The report editions as declarative data. Qt-free.

The official editions are built in (``EDITIONS``); another edition is data only — a ``ReportSpec`` made
with ``spec.builders`` — and is known to every layer once registered (``register_edition``).
"""

from __future__ import annotations

import importlib

from .model import CellSpec, GridCell, GridRole, PartNames, ReportSpec, SectionSpec, SubpartSpec, TableSpec, ValueKind

EDITIONS = ("2019", "2021")  # the official editions, oldest first
_MODULES = {"2019": "edition_2019", "2021": "edition_2021"}
# the official editions' first report years, so that listing the editions (and choosing one for a year)
# builds no spec: a command on a 2021 report never builds the 2019 one (tests/spec check them)
_FIRST_YEARS = {"2019": 2019, "2021": 2021}
_registered: dict[str, ReportSpec] = {}


def get_spec(edition: str) -> ReportSpec:
    """The spec of an edition ("2019", "2021", or one registered); KeyError for an unknown one."""
    if edition in _registered:
        return _registered[edition]
    module = _MODULES.get(edition)
    if module is None:
        raise KeyError(edition)
    spec: ReportSpec = importlib.import_module(f".{module}", __name__).SPEC
    return spec


def first_year(edition: str) -> int:
    """The first report year ``edition`` is used for; KeyError for an unknown one."""
    if edition in _registered:
        return _registered[edition].first_year
    if edition in _FIRST_YEARS:
        return _FIRST_YEARS[edition]
    return get_spec(edition).first_year


def editions() -> tuple[str, ...]:
    """Every edition this program knows: the official ones and any registered, oldest first."""
    return tuple(sorted({*EDITIONS, *_registered}, key=first_year))


def register_edition(spec: ReportSpec) -> None:
    """Make an edition known (a format the 国办 may issue; the tests build one from data)."""
    _registered[spec.edition] = spec


def unregister_edition(edition: str) -> None:
    _registered.pop(edition, None)


def default_edition(year: int) -> str:
    """The edition in force for a report year: the newest whose first report year is not after it
    (the 2019 trial format for 2019 and 2020, the 2021 format from 2021 on)."""
    candidates = [e for e in editions() if first_year(e) <= year]
    return candidates[-1] if candidates else editions()[0]


__all__ = [
    "EDITIONS",
    "CellSpec",
    "GridCell",
    "GridRole",
    "PartNames",
    "ReportSpec",
    "SectionSpec",
    "SubpartSpec",
    "TableSpec",
    "ValueKind",
    "default_edition",
    "editions",
    "first_year",
    "get_spec",
    "register_edition",
    "unregister_edition",
]
