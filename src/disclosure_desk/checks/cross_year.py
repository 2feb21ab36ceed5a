"""Rules against last year's report: X-0 … X-4 and C-1 (narrative copied from last year)."""

from __future__ import annotations

import re

from ..domain import Draft
from ..spec import CellSpec, ReportSpec, roles
from .finding import Finding, Severity
from .values import fmt, num, table_finding, text_finding

W = Severity.WARNING
SIMILARITY_LIMIT = 0.8
MIN_COMPARED_CHARS = 30  # "无。" may be the same every year
_SHINGLE = 4

# Sentences every year's report carries; they do not count as copying.
_BOILERPLATE = re.compile(r"统计期限|统计期|电子版|联系电话|联系地址|邮政编码|如对本报告有任何疑问|年度报告是根据")
_SENTENCE_END = re.compile(r"(?<=[。！？；\n])")


def check_previous_matches(draft: Draft, previous: Draft) -> list[Finding]:
    """X-0: the previous report should be last year's report of the same organ."""
    out = []
    if draft.year is not None and previous.year is not None and previous.year != draft.year - 1:
        out.append(
            text_finding(
                "X-0",
                W,
                f"作为对照的上年报告是{previous.year}年度的，而本报告是{draft.year}年度，跨年度校验可能不准确。",
                "",
            )
        )
    if draft.organ and previous.organ and draft.organ.strip() != previous.organ.strip():
        out.append(
            text_finding(
                "X-0", W, f"对照的上年报告是“{previous.organ}”的，本报告是“{draft.organ}”的，请确认选对了文件。", ""
            )
        )
    return out


def check_carry_in(spec: ReportSpec, draft: Draft, previous: Draft) -> list[Finding]:
    """X-1: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column."""
    out = []
    for cell in spec.cells(row=roles.CARRIED_IN):
        before_cell = _counterpart(previous, roles.CARRIED_OUT, cell.column_role)
        now = draft.value(cell.id)
        before = previous.value(before_cell.id) if before_cell else None
        if now is None or before is None or now == before:
            continue
        out.append(
            table_finding(
                "X-1",
                W,
                f"{cell.path[-1]}列：本年“{cell.row_label}”填的是{fmt(now)}，"
                f"但上年报告“{before_cell.row_label if before_cell else ''}”是{fmt(before)}。两者应相等，请核对。",
                [cell],
                spec.table(cell.table).section_title,
            )
        )
    return out


def check_stock(spec: ReportSpec, draft: Draft, previous: Draft) -> list[Finding]:
    """X-2: 现行有效件数 ≈ last year's + 本年制发 − 本年废止, for every row of both years that has them."""
    out = []
    for in_force in spec.cells(column=roles.IN_FORCE):
        row = {c.column_role: c for c in spec.cells(row=in_force.row_role)}
        before = _counterpart(previous, in_force.row_role, roles.IN_FORCE)
        last = previous.value(before.id) if before else None
        now = draft.value(in_force.id)
        issued, repealed = row.get(roles.ISSUED), row.get(roles.REPEALED)
        if last is None or now is None or issued is None or repealed is None:
            continue
        expected = last + num(draft, issued.id) - num(draft, repealed.id)
        if now != expected:
            out.append(
                table_finding(
                    "X-2",
                    W,
                    f"“{in_force.path[1]}”：上年现行有效{fmt(last)}件 + 本年制发{fmt(num(draft, issued.id))}件 − "
                    f"本年废止{fmt(num(draft, repealed.id))}件 = {fmt(expected)}件，但本年现行有效填的是{fmt(now)}件。"
                    "修改、重新发布等会造成差异；如无此类情况请核对。",
                    [issued, repealed, in_force],
                    spec.table(in_force.table).section_title,
                )
            )
    return out


def check_items(spec: ReportSpec, draft: Draft, previous: Draft) -> list[Finding]:
    """X-3: this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减, for rows both years have."""
    out = []
    for cell in spec.cells(column=roles.ITEMS_BEFORE):
        before_cell = _counterpart(previous, cell.row_role, roles.ITEMS_BEFORE)
        change_cell = _counterpart(previous, cell.row_role, roles.ITEMS_CHANGE)
        before = previous.value(before_cell.id) if before_cell else None
        now = draft.value(cell.id)
        if before is None or now is None:
            continue
        change = (previous.value(change_cell.id) if change_cell else None) or 0
        expected = before + change
        if now != expected:
            out.append(
                table_finding(
                    "X-3",
                    W,
                    f"“{cell.path[1]}”：上年报告的上一年项目数量{fmt(before)}加本年增/减{fmt(change)}应为{fmt(expected)}，"
                    f"但本年“上一年项目数量”填的是{fmt(now)}。请核对。",
                    [cell],
                    spec.table(cell.table).section_title,
                )
            )
    return out


def check_published_total(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """X-4: 对外公开总数量 ≥ 本年新公开数量 (the rows that have both; needs no previous report)."""
    out = []
    for total_cell in spec.cells(column=roles.PUBLISHED_TOTAL):
        row = {c.column_role: c for c in spec.cells(row=total_cell.row_role)}
        new_cell = row.get(roles.PUBLISHED_NEW)
        tot = draft.value(total_cell.id)
        pub = draft.value(new_cell.id) if new_cell else None
        if pub is None or tot is None or tot >= pub or new_cell is None:
            continue
        out.append(
            table_finding(
                "X-4",
                W,
                f"“{total_cell.path[1]}”：对外公开总数量({fmt(tot)})小于本年新公开数量({fmt(pub)})。"
                "总数量包含本年新公开的，应不小于它，请核对。",
                [new_cell, total_cell],
                spec.table(total_cell.table).section_title,
            )
        )
    return out


def _counterpart(draft: Draft, row_role: str, column_role: str) -> CellSpec | None:
    """The cell with these roles in another report (last year's: maybe of another edition, maybe lacking it)."""
    found = draft.spec.cells(row=row_role, column=column_role)
    return found[0] if found else None


# ---- C-1 ----------------------------------------------------------------------------------


def similarity(text: str, reference: str) -> float:
    """Share of ``text``'s character 4-grams found in ``reference`` (boilerplate and digits ignored)."""
    a, b = _shingles(_normalise(text)), _shingles(_normalise(reference))
    if not a:
        return 0.0
    return len(a & b) / len(a)


def _normalise(text: str) -> str:
    kept = [s for s in _SENTENCE_END.split(text) if not _BOILERPLATE.search(s)]
    joined = "".join(kept)
    joined = re.sub(r"\d+|[零〇一二三四五六七八九十]+(?=年|月|日|件|条|次|个)", "#", joined)
    return re.sub(r"\s+", "", joined)


def _shingles(text: str) -> set[str]:
    return {text[i : i + _SHINGLE] for i in range(max(len(text) - _SHINGLE + 1, 0))}


def _compared_length(text: str) -> int:
    return len(_normalise(text))


def check_copied(spec: ReportSpec, draft: Draft, previous: Draft | None) -> list[Finding]:
    """C-1: a narrative section ≥ 80% the same as last year's (or still as carried over)."""
    out = []
    for section in spec.narrative_sections:
        text = draft.section_text(section.title)
        if _compared_length(text) < MIN_COMPARED_CHARS:
            continue
        references = []
        if previous is not None:
            references.append(("上一年度报告", previous.section_text(section.title)))
        if section.title in draft.carried_texts:
            references.append(("从上年报告带入的原文", draft.carried_texts[section.title]))
        for what, reference in references:
            ratio = similarity(text, reference)
            if ratio >= SIMILARITY_LIMIT:
                out.append(
                    text_finding(
                        "C-1",
                        W,
                        f"“{section.title}”与{what}相同的内容约占{round(ratio * 100)}%。"
                        "上级通知明确将“内容雷同”列为问题，请结合本年度实际情况改写。",
                        section.title,
                    )
                )
                break
    return out
