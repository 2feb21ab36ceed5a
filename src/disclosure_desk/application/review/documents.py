"""The documents the office sends: each organ's 审核意见 and the 汇总, as the shared document blocks
(``formats.report_content``) that our Word writer and the PDF's page layout both print.

A 审核意见 lists every finding in plain Chinese: errors to correct, then warnings to verify, each with the
rule's name, the checker's message, the cells concerned with the figure the organ reported, and, where the
finding is about the text, the passage it concerns. Then how the report compares with last year's.
"""

from __future__ import annotations

import datetime as dt
import re

from ...checks import RULES, Finding
from ...domain import Draft, format_value
from ...formats.report_content import Block, Heading, Paragraph, ReportContent, Title, signature_block
from ...formats.report_content import table_block as official_table
from .figures import FIGURES, shown_figure
from .model import COPY_LIMIT, OrganReview, Review
from .sums import TABLES, Totals

MAX_CELLS_LISTED = 8
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


def office_name(review: Review) -> str:
    return f"{review.county}政务公开办公室" if review.county else "政务公开办公室"


def _date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _content(blocks: list[Block], title: str, author: str) -> ReportContent:
    return ReportContent(blocks, draft_mark=False, title=title, author=author)


# ---- 审核意见 ----------------------------------------------------------------------------------------


def feedback_content(organ: OrganReview, review: Review) -> ReportContent:
    year = organ.draft.year if organ.draft is not None and organ.draft.year else review.year
    title = f"关于{organ.organ}{year or ''}年政府信息公开工作年度报告的审核意见"
    blocks: list[Block] = [Title(((title,),)), Paragraph(f"{organ.organ}：")]
    blocks += _feedback_body(organ)
    blocks.append(Paragraph("请对照以上意见逐条核实、修改，修改后重新报送。如对意见有疑问，请与我办联系。"))
    sign = signature_block(office_name(review), _date_text(review.reviewed_at.date()))
    return _content([*blocks, sign], title, office_name(review))


def _feedback_body(organ: OrganReview) -> list[Block]:
    received = organ.received
    if received is None:
        return [Paragraph("截至审核时，尚未收到你单位的年度报告，请尽快报送。")]
    when = f"{_date_text(received.modified.date())}{received.modified:%H:%M}"
    if not received.readable:
        return [
            Paragraph(
                f"你单位报送的文件“{received.path.name}”（{when}收到）无法读取：{received.problem}"
                "请检查文件后重新报送（Word、网页、PDF 或报告文件均可）。"
            )
        ]
    draft = organ.draft
    assert draft is not None
    errors = [f for f in organ.findings if f.is_error]
    warnings = [f for f in organ.findings if not f.is_error and f.accepted_reason is None]
    accepted = [f for f in organ.findings if f.accepted_reason is not None]
    found = [f"需要改正的错误{len(errors)}处" if errors else "", f"请核实的提示{len(warnings)}处" if warnings else ""]
    verdict = f"发现{'、'.join(p for p in found if p)}。" if errors or warnings else "未发现需要改正或核实的问题。"
    out: list[Block] = [
        Paragraph(f"你单位报送的《{draft.display_title}》（文件“{received.path.name}”，{when}收到）已经审核，{verdict}")
    ]
    number = iter(["一", "二", "三", "四", "五"])
    for heading, findings in (("需要改正的错误", errors), ("请核实的提示", warnings), ("已说明理由的提示", accepted)):
        if findings:
            out.append(Heading(f"{next(number)}、{heading}（{len(findings)}处）", 1))
            for i, finding in enumerate(findings, start=1):
                out += _finding_blocks(i, finding, organ)
    out.append(Heading(f"{next(number)}、与上年报告的比对", 1))
    out += _comparison_blocks(organ)
    return out


def _finding_blocks(number: int, finding: Finding, organ: OrganReview) -> list[Block]:
    draft = organ.draft
    assert draft is not None
    name = RULES.get(finding.rule, finding.rule)
    out: list[Block] = [Paragraph(finding.message, lead=f"{number}.{name}（{finding.rule}）：")]
    if finding.cell_ids:
        out.append(Paragraph("涉及的格子：" + _cells_quoted(draft, finding)))
    passage = _passage(finding, draft, organ.previous_draft)
    if passage:
        out.append(Paragraph(passage))
    if finding.accepted_reason is not None:
        out.append(Paragraph(f"报送单位说明的理由：“{finding.accepted_reason}”"))
    return out


def _cells_quoted(draft: Draft, finding: Finding) -> str:
    quoted = []
    for cell_id in finding.cell_ids[:MAX_CELLS_LISTED]:
        cell = draft.spec.cell(cell_id)
        value = draft.value(cell_id)
        quoted.append(f"“{cell.label_path}”（填报：{format_value(value) if value is not None else '空'}）")
    more = len(finding.cell_ids) - MAX_CELLS_LISTED
    return "；".join(quoted) + (f"；等共{len(finding.cell_ids)}格" if more > 0 else "") + "。"


def _passage(finding: Finding, draft: Draft, previous: Draft | None) -> str:
    """The text a text finding is about: for C-1 the longest sentence that is also in last year's."""
    if finding.rule != "C-1" or previous is None or not finding.section:
        return ""
    last = previous.section_text(finding.section)
    shared = [
        m.group(0).strip()
        for m in _SENTENCE.finditer(draft.section_text(finding.section))
        if len(_squeezed(m.group(0))) >= 12 and _squeezed(m.group(0)) in _squeezed(last)
    ]
    if not shared:
        return ""
    return f"原文（与上年报告一字不差）：“{max(shared, key=len)}”"


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _comparison_blocks(organ: OrganReview) -> list[Block]:
    if organ.previous_draft is None:
        return [Paragraph("审核时没有你单位上一年度的报告，未作跨年度比对。")]
    out: list[Block] = []
    rules = organ.cross_year_rules
    out.append(
        Paragraph(
            "与上年报告衔接的数字（上年结转、现行有效件数等）"
            + ("一致。" if not rules else f"有不一致之处（{'、'.join(rules)}），见上文。")
        )
    )
    if organ.copy_score is not None:
        share = round(organ.copy_score * 100)
        judged = "文字与上年雷同，请结合本年度实际情况改写。" if organ.copy_score >= COPY_LIMIT else ""
        out.append(Paragraph(f"“总体情况”等文字部分约{share}%与上年报告相同。{judged}"))
    figures = organ.figures
    before = organ.previous_figures
    if figures is not None and before is not None:
        parts = []
        for f in FIGURES:
            now, then = figures.get(f.key), before.get(f.key)
            if now is None and then is None:
                continue
            unit = "" if f.percent else f.unit
            parts.append(
                f"{f.label}{shown_figure(f.key, now) or '（空）'}{unit}（上年{shown_figure(f.key, then) or '（空）'}{unit}）"
            )
        if parts:
            out.append(Paragraph("主要数据：" + "；".join(parts) + "。"))
    return out


# ---- 汇总 -----------------------------------------------------------------------------------------


def totals_notes(totals: Totals, review: Review) -> list[str]:
    """What the 汇总 holds and leaves out, in lines (the workbook's 说明 and the document's text)."""
    lines = [
        f"{totals.name}：{totals.year or ''}年度政府信息公开工作年度报告汇总（{_date_text(review.reviewed_at.date())}生成）。"
    ]
    for e in totals.editions:
        lines.append(f"{e.edition}年格式：{len(e.included)}个机关的表二、表三、表四逐格相加：{'、'.join(e.included)}。")
        if e.in_error:
            lines.append(f"其中仍有错误、按原数计入的：{'、'.join(e.in_error)}。")
    if len(totals.editions) > 1:
        lines.append("两种格式的表二栏目不同、表三“（六）其他处理”行数不同，因此分别汇总。")
    if totals.left_out:
        lines.append(f"未计入汇总的机关（{len(totals.left_out)}个）：")
        lines += [f"{x.organ}：{x.reason}" for x in totals.left_out]
    else:
        lines.append("所有机关均已计入。")
    return lines


def totals_content(totals: Totals, review: Review) -> ReportContent:
    main = totals.main
    title = main.draft.display_title if main is not None else f"{totals.name}年度报告汇总表"
    notes = totals_notes(totals, review)
    blocks: list[Block] = [Title(((title,),)), Paragraph(notes[0])]
    several = len(totals.editions) > 1
    for k, edition in enumerate(totals.editions):
        level = 2 if several else 1
        if several:
            blocks.append(Heading(f"{'一二三四'[k]}、{edition.edition}年格式（{len(edition.included)}个机关）", 1))
        spec = edition.draft.spec
        for key in TABLES:
            table = spec.table(key)
            blocks += [Heading(table.section_title, level), official_table(edition.draft, table)]
    blocks.append(Heading("计入和未计入汇总的机关", 1))
    blocks += [Paragraph(line) for line in notes[1:]]
    sign = signature_block(office_name(review), _date_text(review.reviewed_at.date()))
    return _content([*blocks, sign], title, office_name(review))
