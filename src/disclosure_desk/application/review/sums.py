"""汇总: every organ's 表二, 表三 and 表四 summed cell by cell, one table set per edition of the format.

Which reports are summed (docs/review.md):
- a report with errors is **left out** (its figures are wrong or incomplete: a county total built on them
  would be wrong too) unless ``include_errors`` — then it is summed and named as still in error;
- organs missing, files that cannot be read and reports of another year are left out and named;
- the two editions differ (2019 表二 has other rows and columns, 表三 （六） is one row there and three in
  2021): each edition is summed on its own; the edition most reports use comes first.

A cell's sum is the exact sum of the organs' printed values (a blank total counts as the sum of its parts,
as the report prints it); a cell blank in every summed report stays blank. The sums are a :class:`Draft`
(organ ``青禾县（汇总）``), so the official table layouts of every writer print them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...domain import Draft
from ...domain.numbers import Value, exact_sum
from .model import OrganReview, Review, Status

TABLES = ("表二", "表三", "表四")


@dataclass(frozen=True)
class LeftOut:
    organ: str
    reason: str


@dataclass
class EditionTotals:
    edition: str
    draft: Draft  # the sums
    included: list[str] = field(default_factory=list)  # organs summed, in board order
    in_error: list[str] = field(default_factory=list)  # summed although in error (include_errors)


@dataclass
class Totals:
    name: str  # 青禾县（汇总）
    year: int | None
    editions: list[EditionTotals]  # the edition most reports use first
    left_out: list[LeftOut]
    include_errors: bool = False

    def edition(self, edition: str) -> EditionTotals:
        return next(e for e in self.editions if e.edition == edition)

    @property
    def main(self) -> EditionTotals | None:
        return self.editions[0] if self.editions else None


def sum_reports(review: Review, *, include_errors: bool = False, name: str = "") -> Totals:
    groups: dict[str, list[OrganReview]] = {}
    left_out: list[LeftOut] = []
    for organ in review.organs:
        reason = _left_out_because(organ, include_errors)
        if reason or organ.draft is None:
            left_out.append(LeftOut(organ.organ, reason))
        else:
            groups.setdefault(organ.draft.edition, []).append(organ)
    title_name = name or f"{review.county or '本地区'}（汇总）"
    order = Counter({edition: len(organs) for edition, organs in groups.items()})
    editions = [_sum_edition(edition, groups[edition], review.year, title_name) for edition, _ in order.most_common()]
    return Totals(title_name, review.year, editions, left_out, include_errors)


def _left_out_because(organ: OrganReview, include_errors: bool) -> str:
    status = organ.status
    if status is Status.MISSING:
        return "未报送"
    if status is Status.UNREADABLE:
        return "报送的文件无法读取"
    if organ.other_year:
        draft = organ.draft
        return f"报告年度为{draft.year if draft is not None and draft.year else '（未识别）'}年，与本批不同"
    if status is Status.ERRORS and not include_errors:
        return f"报告仍有{organ.errors}个错误，改正后重新报送即可计入"
    return ""


def _sum_edition(edition: str, organs: list[OrganReview], year: int | None, name: str) -> EditionTotals:
    draft = Draft(organ=name, year=year, edition=edition, signature_organ=name)
    draft.title = f"{name.removesuffix('（汇总）')}{year or ''}年政府信息公开工作年度报告汇总表"
    spec = draft.spec
    reports = [o.draft for o in organs if o.draft is not None]
    for table in TABLES:
        for cell in spec.table(table).cells:
            values = [v for v in (_printed(d, cell.id) for d in reports) if v is not None]
            if values:
                draft.values[cell.id] = exact_sum(values)
    return EditionTotals(
        edition, draft, [o.organ for o in organs], [o.organ for o in organs if o.status is Status.ERRORS]
    )


def _printed(draft: Draft, cell_id: str) -> Value | None:
    value = draft.value(cell_id)
    if value is None and draft.spec.cell(cell_id).is_total:
        return draft.derived_value(cell_id)
    return value
