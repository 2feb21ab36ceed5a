"""The six sections, identical titles in both editions (format-spec.md §1.1)."""

from __future__ import annotations

from . import common as c
from .builders import T2Block, T3Row, build_table2, build_table3, build_table4
from .model import ReportSpec, SectionSpec


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


def build_report_spec(
    edition: str,
    name: str,
    issued_with: str,
    short_name: str,
    first_year: int,
    table2_blocks: tuple[T2Block, ...],
    table3_other_rows: tuple[T3Row, ...],
    table2_note: str = "",
) -> ReportSpec:
    """An edition: the shared sections and 表四, its own 表二 and its own （六）其他处理 rows of 表三."""
    sections = build_sections()
    t3_rows = c.T3_HEAD_ROWS + c.T3_MIDDLE_ROWS + table3_other_rows + c.T3_TAIL_ROWS
    return ReportSpec(
        edition=edition,
        name=name,
        issued_with=issued_with,
        short_name=short_name,
        first_year=first_year,
        title_pattern=c.TITLE_PATTERN,
        preface_guidance=c.PREFACE_GUIDANCE,
        sections=sections,
        tables=(
            build_table2(sections[1].title, table2_blocks, note=table2_note),
            build_table3(sections[2].title, t3_rows),
            build_table4(sections[3].title),
        ),
    )
