"""The six sections, identical titles in both editions (format-spec.md §1.1)."""

from __future__ import annotations

from . import common as c
from .model import SectionSpec


def build_sections() -> tuple[SectionSpec, ...]:
    one, two, three, four, five, six = c.SECTION_TITLES
    return (
        SectionSpec("一", one, c.OVERVIEW_GUIDANCE, subparts=c.OVERVIEW_SUBPARTS),
        SectionSpec("二", two, c.TABLE2_GUIDANCE, table="表二"),
        SectionSpec("三", three, c.TABLE3_GUIDANCE, table="表三"),
        SectionSpec("四", four, c.TABLE4_GUIDANCE, table="表四"),
        SectionSpec("五", five, c.PROBLEMS_GUIDANCE),
        SectionSpec("六", six, c.OTHER_GUIDANCE, may_be_none=True),
    )
