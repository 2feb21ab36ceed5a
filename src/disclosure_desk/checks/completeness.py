"""Is everything there? S-1 (missing, empty or without substance), S-2 (总体情况 themes), B-1 (blank cells),
E-1 (edition vs year), D-1 (date of the report)."""

from __future__ import annotations

import datetime as dt
import re

from ..domain import Draft
from ..spec import ReportSpec, SectionSpec, default_edition
from .finding import Finding, Severity
from .substance import has_substance
from .values import table_finding, text_finding

E, W = Severity.ERROR, Severity.WARNING

B1_ROWS_SHOWN = 6
QUOTED_TEXT_MAX = 40  # characters of a section quoted in a message


def check_presence(spec: ReportSpec, draft: Draft) -> list[Finding]:
    out: list[Finding] = []
    if not draft.organ.strip():
        out.append(text_finding("S-1", E, "还没有填写机关名称。请在“基本信息”页填写本机关全称。", ""))
    if draft.year is None:
        out.append(text_finding("S-1", E, "还没有填写报告年度。请在“基本信息”页填写，如 2025。", ""))
    if not draft.preface.strip():
        out.append(
            text_finding("S-1", W, "前言是空的。通常应写明编制依据、报告包括的部分和数据统计期限。", spec.parts.preface)
        )
    for section in spec.sections:
        if section.table is not None:
            if draft.table_is_blank(section.table):
                out.append(_blank_table(spec, section.table))
            continue
        text = draft.section_text(section.title)
        if not text.strip():
            out.append(
                text_finding(
                    "S-1",
                    E,
                    f"“{section.title}”没有内容。这一部分是年度报告必须有的。{section.guidance}",
                    section.title,
                )
            )
        elif not section.may_be_none and not has_substance(text):
            out.append(_without_substance(section, text))
    out.extend(_signature(spec, draft))
    return out


def _without_substance(section: SectionSpec, text: str) -> Finding:
    said = " ".join(text.split())
    if len(said) > QUOTED_TEXT_MAX:
        said = said[:QUOTED_TEXT_MAX] + "……"
    if section.number == "五":
        what = "没有写出具体问题和改进措施。这一部分不能只写“无”“暂无问题”“未发现问题”，必须写明本年度存在的具体问题和改进措施。"
    else:
        what = "没有实际内容。这一部分不能写“无”，必须写明实际情况。"
    return text_finding("S-1", E, f"“{section.title}”只写了“{said}”，{what}{section.guidance}", section.title)


def _blank_table(spec: ReportSpec, table_key: str) -> Finding:
    table = spec.table(table_key)
    return table_finding(
        "S-1",
        E,
        f"{table_key}（{table.section_title}）整张表都没有填写。"
        "这一部分必须以表格报告；没有发生的事项请填 0（可用“本表无数据，全部填0”）。",
        table.input_cells,
        table.section_title,
    )


def _signature(spec: ReportSpec, draft: Draft) -> list[Finding]:
    out = []
    if not draft.signature_organ.strip():
        out.append(text_finding("S-1", W, "报告末尾的署名机关还没有填写。", spec.parts.signature))
    if draft.signature_date is None:
        out.append(text_finding("S-1", W, "报告末尾的成文日期还没有填写。", spec.parts.signature))
    return out


def check_blank_cells(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """B-1: one finding per table that is partly filled, listing every blank cell."""
    out = []
    for table in spec.tables:
        if draft.table_is_blank(table.key):
            continue  # S-1 reports the whole table
        blank = [
            c
            for c in table.cells
            if draft.value(c.id) is None and (not c.is_total or draft.derived_value(c.id) is None)
        ]
        if not blank:
            continue
        rows = list(dict.fromkeys(c.row_label for c in blank))
        shown = "、".join(f"“{r}”" for r in rows[:B1_ROWS_SHOWN]) + ("等" if len(rows) > B1_ROWS_SHOWN else "")
        out.append(
            table_finding(
                "B-1",
                E,
                f"{table.key}还有{len(blank)}个空格没有填写（共{len(rows)}行：{shown}）。"
                "空格表示“尚未填写”；没有发生的请填 0（可用“空格填0”一次补齐）。",
                blank,
                table.section_title,
            )
        )
    return out


def check_themes(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """S-2: 一、总体情况 should cover the five themes of the format (不能遗漏)."""
    out = []
    for section in spec.narrative_sections:
        text = draft.section_text(section.title)
        if not section.subparts or not has_substance(text):
            continue
        missing = [p for p in section.subparts if not any(k in text for k in p.keywords)]
        if missing:
            names = "、".join(p.heading for p in missing)
            out.append(
                text_finding(
                    "S-2",
                    W,
                    f"“{section.title}”没有写到{names}方面的情况。格式要求总体情况涵盖主动公开、依申请公开、"
                    f"政府信息管理、政府信息公开平台建设、监督保障五个方面。例如：{missing[0].guidance}",
                    section.title,
                )
            )
    return out


def check_edition(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """E-1: the edition the year calls for; E-2: a title that names another year."""
    out = []
    if draft.year is not None and default_edition(draft.year) != draft.edition:
        expected = default_edition(draft.year)
        out.append(
            text_finding(
                "E-1",
                W,
                f"{draft.year}年度的报告通常使用{expected}年格式，本报告选的是{draft.edition}年格式。"
                "除非上级另有要求，请在“基本信息”页改用正确的格式。",
                "",
            )
        )
    if draft.title and draft.year is not None:
        years = {int(y) for y in re.findall(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", draft.title)}
        if years and draft.year not in years:
            out.append(
                text_finding("E-2", W, f"标题“{draft.title}”中的年份与报告年度{draft.year}不一致。", spec.parts.title)
            )
    return out


def check_date(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """D-1: the date must fall after the statistical period and by the 1月31日 deadline."""
    d, y = draft.signature_date, draft.year
    if d is None or y is None:
        return []
    if d <= dt.date(y, 12, 31):
        return [
            text_finding(
                "D-1",
                W,
                f"成文日期{d.year}年{d.month}月{d.day}日在统计期限（{y}年1月1日至12月31日）结束之前，请核对日期或报告年度。",
                spec.parts.signature,
            )
        ]
    if d > dt.date(y + 1, 1, 31):
        return [
            text_finding(
                "D-1",
                W,
                f"成文日期{d.year}年{d.month}月{d.day}日晚于法定公布时限：县级以上人民政府部门应在{y + 1}年1月31日前公布"
                f"（县级以上地方人民政府为3月31日前）。请核对日期。",
                spec.parts.signature,
            )
        ]
    return []


_PERIOD_START = re.compile(r"(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日")
_PERIOD_END = re.compile(r"(\d{4})\s*年\s*12\s*月\s*31\s*日")


def check_period(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """E-3: the statistical period in the text names another year (a sentence kept from last year's report)."""
    if draft.year is None:
        return []
    out = []
    for where, text in draft.narrative_texts().items():
        years = {int(m.group(1)) for p in (_PERIOD_START, _PERIOD_END) for m in p.finditer(text)}
        wrong = sorted(y for y in years if y != draft.year)
        if wrong:
            shown = "、".join(f"{y}年" for y in wrong)
            out.append(
                text_finding(
                    "E-3",
                    W,
                    f"“{where}”中的统计期限写的是{shown}，而本报告是{draft.year}年度"
                    f"（统计期限应为{draft.year}年1月1日至12月31日）。这句话可能是从上年报告带过来的，请改正年份。",
                    where,
                )
            )
    return out
