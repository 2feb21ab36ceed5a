"""Pasting a rectangular block copied from Excel / WPS (tab-separated lines) into a table.

The block is laid over the *value* cells, row by row, starting at the selected cell: caption,
header and stub cells are skipped, so a column of figures copied from a spreadsheet lands on
the value rows of 表二 even though the printed grid has caption rows between its blocks.
Totals in the block are not written (totals are computed) but compared with the computed sum,
so a total the clerk expected and the program's sum that differ are named at once.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from ...domain import Draft, format_value, parse_value
from ...domain.numbers import normalise_text
from ...errors import UserFacingError
from ...spec import GridRole

MAX_CELLS = 2000


class PasteError(UserFacingError):
    pass


@dataclass
class PastePlan:
    values: dict = field(default_factory=dict)  # cell id -> value to write
    expected_totals: dict = field(default_factory=dict)  # total cell id -> value found in the block
    labels: dict = field(default_factory=dict)  # cell id -> label path

    def total_mismatches(self, draft: Draft) -> list[str]:
        out = []
        for cell_id, expected in self.expected_totals.items():
            actual = draft.value(cell_id)
            if expected is not None and actual != expected:
                out.append(
                    f"“{self.labels[cell_id]}”：粘贴的是{format_value(expected)}，各项相加是{format_value(actual)}"
                )
        return out

    def summary(self, draft: Draft) -> str:
        text = f"已粘贴{len(self.values)}个格子，可按 Ctrl+Z 撤销。"
        mismatches = self.total_mismatches(draft)
        if mismatches:
            text += "注意，总计由程序计算，与粘贴内容中的总计不一致：" + "；".join(mismatches[:4])
            text += "等。" if len(mismatches) > 4 else "。请核对各项数字。"
        elif self.expected_totals:
            text += "粘贴内容中的总计与程序计算一致。"
        return text


def split_block(text: str) -> list[list[str]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.split("\t") for line in lines]


def value_rows(model) -> list[list]:
    """The value grid cells of the table, row by row, left to right."""
    rows: dict[int, list] = {}
    for g in model.table.grid:
        if g.role is GridRole.VALUE:
            rows.setdefault(g.row, []).append(g)
    return [sorted(cells, key=lambda g: g.col) for _, cells in sorted(rows.items())]


def plan_paste(model, start: tuple[int, int], text: str) -> PastePlan:
    block = split_block(text)
    if not block:
        raise PasteError("剪贴板里没有内容。请先在 Excel 或 WPS 表格中选中数字并复制。")
    if sum(len(r) for r in block) > MAX_CELLS:
        raise PasteError("剪贴板里的内容太多，不像是从本表复制的数字。")
    rows = value_rows(model)
    ri, ci = _locate(rows, start)
    if ri + len(block) > len(rows):
        raise PasteError(
            f"要粘贴的内容有{len(block)}行，但从所选格子往下本表只有{len(rows) - ri}行可填。请从更靠上的格子开始粘贴。"
        )
    plan = PastePlan()
    for i, fields in enumerate(block):
        targets = rows[ri + i][ci:]
        extra = [f for f in fields[len(targets) :] if f.strip()]
        if extra:
            raise PasteError(
                f"第{i + 1}行有{len(fields)}个数，但从所选格子往右这一行只有{len(targets)}格。请检查复制的区域或开始粘贴的格子。"
            )
        for g, raw in zip(targets, fields, strict=False):
            _plan_cell(model, plan, g, raw)
    return plan


def _locate(rows: list[list], start: tuple[int, int]) -> tuple[int, int]:
    for ri, row in enumerate(rows):
        for ci, g in enumerate(row):
            if (g.row, g.col) == start:
                return ri, ci
    raise PasteError("请先点一下要开始粘贴的数字格子，再粘贴。")


def _plan_cell(model, plan: PastePlan, g, raw: str) -> None:
    cell = model.table.cell(g.cell_id)
    plan.labels[cell.id] = cell.label_path
    text = raw.strip().strip('"')
    if cell.is_total:
        with contextlib.suppress(UserFacingError):  # a total is only compared, never written
            plan.expected_totals[cell.id] = parse_value(text, cell) if normalise_text(text) else None
        return
    if model.session.read_only:
        raise PasteError("本报告已定稿，不能修改。如需修改，请先“重新打开修改”。")
    plan.values[cell.id] = parse_value(text, cell)
