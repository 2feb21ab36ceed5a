"""The Draft: everything a clerk has typed for one report. Plain data, Qt- and SQL-free."""

from __future__ import annotations

import datetime as dt

from ..records import field, record
from ..spec import ReportSpec, default_edition, get_spec
from .headings import SUBHEADING
from .numbers import Value, exact_sum
from .totals import recompute_all_totals

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the CLI ~2 ms)
if TYPE_CHECKING:
    from typing import Any

STATUS_DRAFT = "草稿"
STATUS_FINAL = "定稿"


@record
class SectionPart:
    """A part of a narrative section: an optional sub-heading and its text."""

    heading: str
    text: str


SectionText = str | tuple[SectionPart, ...]


@record(frozen=False)
class Draft:
    organ: str = ""
    year: int | None = None
    edition: str = "2021"
    title: str | None = None  # None: formed from the spec's pattern
    preface: str = ""
    # keyed by official section title; a string (paragraphs split by \n) or parts
    sections: dict[str, SectionText] = field(default_factory=dict)
    values: dict[str, Value | None] = field(default_factory=dict)  # cell id -> value; absent = blank
    signature_organ: str = ""
    signature_date: dt.date | None = None
    contact: str = ""
    website: str = ""
    # warnings the clerk accepted: finding key -> written reason (printed nowhere)
    accepted: dict[str, str] = field(default_factory=dict)
    # where prefilled values came from (carry-over), cell id -> description
    value_origins: dict[str, str] = field(default_factory=dict)
    # narrative copied from last year and still to be revised: title -> copied text
    carried_texts: dict[str, str] = field(default_factory=dict)
    # keys of report JSON starting with "x-" that are not ours: kept as read
    extras: dict[str, Any] = field(default_factory=dict)
    # imported from a published Word/web/PDF file: the recognition report as JSON (formats.recognition),
    # kept with the draft so the clerk can see later where each value came from; None otherwise
    import_report: dict[str, Any] | None = None
    # storage bookkeeping (not part of the report itself)
    id: int | None = None
    status: str = STATUS_DRAFT

    @classmethod
    def new(cls, organ: str, year: int, edition: str | None = None) -> Draft:
        return cls(organ=organ, year=year, edition=edition or default_edition(year), signature_organ=organ)

    @property
    def spec(self) -> ReportSpec:
        return get_spec(self.edition)

    @property
    def display_title(self) -> str:
        return self.title if self.title else self.spec.title_for(self.organ, self.year)

    # ---- values ------------------------------------------------------------------------
    def value(self, cell_id: str) -> Value | None:
        return self.values.get(cell_id)

    def set_value(self, cell_id: str, value: Value | None) -> None:
        self.spec.cell(cell_id)  # unknown ids are a bug, not data
        self.values[cell_id] = value
        self.value_origins.pop(cell_id, None)

    def derived_value(self, cell_id: str) -> Value | None:
        """A total computed from its parts (blank parts count as 0; all blank gives blank)."""
        cell = self.spec.cell(cell_id)
        if not cell.sum_of:
            return self.value(cell_id)
        parts = [self.value(i) for i in cell.sum_of]
        if all(p is None for p in parts):
            return None
        return exact_sum(p for p in parts if p is not None)

    def printed_value(self, cell_id: str) -> Value | None:
        """What a value cell shows (wizard, PDF, Word, web page, the checks): the stored value; a blank
        total the sum of its parts, totals of totals included (what the wizard fills in); any other blank
        cell, or a total all of whose parts are blank, stays blank."""
        value = self.value(cell_id)
        parts = self.spec.cell(cell_id).sum_of
        if value is not None or not parts:
            return value
        known = [v for v in (self.printed_value(p) for p in parts) if v is not None]
        return exact_sum(known) if known else None

    def fill_totals(self) -> None:
        """Set every total the spec defines as a sum to the sum of its parts."""
        recompute_all_totals(self)

    def table_is_blank(self, table_key: str) -> bool:
        return all(self.value(c.id) is None for c in self.spec.table(table_key).cells)

    # ---- narrative ---------------------------------------------------------------------
    def section_text(self, title: str) -> str:
        """The section as plain text: parts joined with their headings at paragraph start."""
        return section_as_text(self.sections.get(title, ""))

    def section_parts(self, title: str) -> tuple[SectionPart, ...]:
        return section_as_parts(self.sections.get(title, ""))

    def narrative_texts(self) -> dict[str, str]:
        """Preface and every narrative section, keyed by title (the spec's name for the preface)."""
        out = {self.spec.parts.preface: self.preface}
        for s in self.spec.narrative_sections:
            out[s.title] = self.section_text(s.title)
        return out


def section_as_text(section: SectionText) -> str:
    if isinstance(section, str):
        return section
    paragraphs = []
    for part in section:
        if not part.text.strip():
            continue  # a heading with nothing under it yet (the wizard's suggested themes) is not content
        if part.heading:
            paragraphs.append(f"{part.heading}\n{part.text}")
        else:
            paragraphs.append(part.text)
    return "\n".join(paragraphs)


def section_as_parts(section: SectionText) -> tuple[SectionPart, ...]:
    """Parts of a section; a string is split at paragraphs that start with a （一） heading."""
    if not isinstance(section, str):
        return section
    parts: list[SectionPart] = []
    heading, lines = "", list[str]()
    for line in section.split("\n"):
        if SUBHEADING.match(line):
            if heading or lines:
                parts.append(SectionPart(heading, "\n".join(lines)))
            heading, lines = line, []
        else:
            lines.append(line)
    if heading or lines:
        parts.append(SectionPart(heading, "\n".join(lines)))
    return tuple(parts)
