"""What importing a published report does, Qt-free (the app's review dialog and buttons adapt it).

1. ``preview_import(path)`` reads the file: the draft (not saved) and its recognition report, and the
   rows a reviewer should look at (every uncertain cell with its printed text, values that fit no cell).
2. Then either ``draft_to_create`` (a new draft from the file), or ``drafts_for_next_year``: the file
   becomes last year's draft, and the new report is made from it by the usual carry-over, so that
   上年结转, 现行有效 and the cross-year (X) and copy (C) checks work in the first year of use.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path

from ..domain import Draft
from ..errors import BadInputError
from ..formats.recognition import CellStatus, Recognition
from ..formats.registry import INPUT_SUFFIXES, read_report

FILE_FILTER = "年度报告（Word、网页、PDF、报告文件） (*.docx *.html *.htm *.pdf *.json);;所有文件 (*)"


@dataclass(frozen=True)
class ReviewRow:
    """One line of the review: where, what was printed, what was read, why it needs a look."""

    where: str
    printed: str
    read_as: str
    note: str
    kind: str  # uncertain / unplaced / blank


@dataclass
class ImportPreview:
    path: Path
    draft: Draft
    recognition: Recognition | None  # None: our own report JSON (nothing to review)

    @property
    def needs_review(self) -> bool:
        return self.recognition is not None

    def headline(self) -> str:
        d = self.draft
        year = f"{d.year}年度" if d.year is not None else "年度未识别"
        return f"{d.organ or '（机关名称未识别）'}　{year}　{d.edition}年格式"

    def review_rows(self, *, with_blanks: bool = False) -> list[ReviewRow]:
        rec = self.recognition
        if rec is None:
            return []
        rows = [
            ReviewRow(c.label_path, c.printed or "", c.value or "（空）", _note(c.note, c.approximate), "uncertain")
            for c in rec.cells.values()
            if c.uncertain
        ]
        rows += [ReviewRow(u.origin.describe(), u.printed, "（未导入）", u.reason, "unplaced") for u in rec.unplaced]
        if with_blanks:
            rows += [
                ReviewRow(c.label_path, c.printed or "", "（空）", c.note or c.status.label, "blank")
                for c in rec.cells.values()
                if c.status in (CellStatus.BLANK, CellStatus.MISSING)
            ]
        return rows


def preview_import(path: str | os.PathLike[str]) -> ImportPreview:
    """Read ``path`` (any input format); ``BadInputError`` with the reason when it is not a readable report."""
    p = Path(path)
    if p.suffix.lower() not in INPUT_SUFFIXES:
        raise BadInputError(
            f"无法读取“{p.name}”：请选择 Word（.docx）、网页（.html/.htm）、PDF 或报告文件（.json）。",
            f"{p}: unsupported input type {p.suffix!r}",
        )
    result = read_report(p)
    return ImportPreview(p, result.draft, result.recognition)


def draft_to_create(preview: ImportPreview) -> Draft:
    """The draft to save as a new one (a copy: the preview may be shown again)."""
    draft = copy.deepcopy(preview.draft)
    draft.id = None
    return draft


def drafts_for_next_year(preview: ImportPreview) -> tuple[Draft, Draft]:
    """(last year's draft to save, next year's draft carried over from it, to confirm and save)."""
    from ..storage.carry_over import draft_for_next_year

    previous = draft_to_create(preview)
    if previous.year is None:
        raise BadInputError(
            "没有识别出这份报告的年度，无法据此生成下一年度的报告。请先把它导入为草稿，填写年度后再“根据上年报告新建”。",
            "imported report has no year",
        )
    return previous, draft_for_next_year(previous)


def _note(note: str, approximate: bool) -> str:
    if approximate and note:
        return f"{note}；栏目名称为近似匹配"
    return note or ("栏目名称为近似匹配，请核对是否填入了正确的格" if approximate else "")
