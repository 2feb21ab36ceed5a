"""Rules against last year's report: X-0 … X-4 and C-1 (narrative copied from last year)."""

from __future__ import annotations

import re

from ..domain import Draft
from ..spec import ReportSpec
from ..spec.builders import T3_COLUMNS
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
                "X-0", W,
                f"作为对照的上年报告是{previous.year}年度的，而本报告是{draft.year}年度，跨年度校验可能不准确。",
                "",
            )
        )
    if draft.organ and previous.organ and draft.organ.strip() != previous.organ.strip():
        out.append(
            text_finding("X-0", W, f"对照的上年报告是“{previous.organ}”的，本报告是“{draft.organ}”的，请确认选对了文件。", "")
        )
    return out


def check_carry_in(spec: ReportSpec, draft: Draft, previous: Draft) -> list[Finding]:
    """X-1: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column."""
    t3 = spec.table("表三")
    out = []
    for col, label in T3_COLUMNS:
        now, before = draft.value(f"t3.carried_in.{col}"), previous.value(f"t3.carried_out.{col}")
        if now is None or before is None or now == before:
            continue
        out.append(
            table_finding(
                "X-1", W,
                f"{label}列：本年“二、上年结转”填的是{fmt(now)}，但上年报告“四、结转下年度继续办理”是{fmt(before)}。"
                "两者应相等，请核对。",
                [t3.cell(f"t3.carried_in.{col}")], t3.section_title,
            )
        )
    return out


def check_stock_2021(spec: ReportSpec, draft: Draft, previous: Draft) -> list[Finding]:
    """X-2: 现行有效件数 ≈ last year's + 本年制发 − 本年废止 (2021 表二)."""
    if draft.edition != "2021" or previous.edition != "2021":
        return []
    t2 = spec.table("表二")
    out = []
    for row in ("rules", "normative"):
        ids = [f"t2.a1.{row}.{c}" for c in ("issued", "repealed", "in_force")]
        last = previous.value(ids[2])
        if last is None or draft.value(ids[2]) is None:
            continue
        expected = last + num(draft, ids[0]) - num(draft, ids[1])
        if draft.value(ids[2]) != expected:
            cells = [t2.cell(i) for i in ids]
            out.append(
                table_finding(
                    "X-2", W,
                    f"“{cells[0].path[1]}”：上年现行有效{fmt(last)}件 + 本年制发{fmt(num(draft, ids[0]))}件 − "
                    f"本年废止{fmt(num(draft, ids[1]))}件 = {fmt(expected)}件，但本年现行有效填的是{fmt(draft.value(ids[2]))}件。"
                    "修改、重新发布等会造成差异；如无此类情况请核对。",
                    cells, t2.section_title,
                )
            )
    return out


def check_items_2019(spec: ReportSpec, draft: Draft, previous: Draft) -> list[Finding]:
    """X-3: this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减 (2019 表二)."""
    if draft.edition != "2019" or previous.edition != "2019":
        return []
    t2 = spec.table("表二")
    out = []
    for cell in t2.cells:
        if cell.column_key != "prev_items":
            continue
        change_id = cell.id.replace(".prev_items", ".change")
        before, change, now = previous.value(cell.id), previous.value(change_id), draft.value(cell.id)
        if before is None or now is None:
            continue
        expected = before + (change or 0)
        if now != expected:
            out.append(
                table_finding(
                    "X-3", W,
                    f"“{cell.path[1]}”：上年报告的上一年项目数量{fmt(before)}加本年增/减{fmt(change or 0)}应为{fmt(expected)}，"
                    f"但本年“上一年项目数量”填的是{fmt(now)}。请核对。",
                    [cell], t2.section_title,
                )
            )
    return out


def check_published_total_2019(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """X-4: 对外公开总数量 ≥ 本年新公开数量 (2019 表二; needs no previous report)."""
    if draft.edition != "2019":
        return []
    t2 = spec.table("表二")
    out = []
    for row in ("rules", "normative"):
        pub, tot = f"t2.a1.{row}.published", f"t2.a1.{row}.total"
        if draft.value(pub) is None or draft.value(tot) is None or draft.value(tot) >= draft.value(pub):
            continue
        cells = [t2.cell(pub), t2.cell(tot)]
        out.append(
            table_finding(
                "X-4", W,
                f"“{cells[0].path[1]}”：对外公开总数量({fmt(draft.value(tot))})小于本年新公开数量({fmt(draft.value(pub))})。"
                "总数量包含本年新公开的，应不小于它，请核对。",
                cells, t2.section_title,
            )
        )
    return out


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
                        "C-1", W,
                        f"“{section.title}”与{what}相同的内容约占{round(ratio * 100)}%。"
                        "上级通知明确将“内容雷同”列为问题，请结合本年度实际情况改写。",
                        section.title,
                    )
                )
                break
    return out
