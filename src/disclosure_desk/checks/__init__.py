"""Every check on a report: ``check(draft, previous=None) -> list[Finding]``. Qt-free.

Rule ids are those of format-spec.md §3 (T3-1 … N-3) plus the project's own, listed in
``RULES`` and documented in docs/checks.md.
"""

from __future__ import annotations

from decimal import localcontext

from ..domain import Draft
from .arithmetic import check_arithmetic
from .completeness import (
    check_blank_cells,
    check_date,
    check_edition,
    check_period,
    check_presence,
    check_themes,
)
from .cross_year import (
    check_carry_in,
    check_copied,
    check_items,
    check_previous_matches,
    check_published_total,
    check_stock,
)
from .figures import check_quoted_figures
from .finding import Finding, Severity
from .narrative import check_fees, check_placeholders, check_rule_making

# rule id -> short Chinese name (the user guide has one entry per id)
RULES = {
    "S-1": "章节或表格缺失、为空",
    "S-2": "总体情况未涵盖规定的五个方面",
    "B-1": "表格中有空格未填写",
    "TYPE": "数值类型不符合要求",
    "U-1": "金额单位可能有误",
    "T3-1": "表三勾稽关系：新收+结转=办理结果总计+结转下年度",
    "T3-2": "表三（七）总计等于各项办理结果之和",
    "T3-3": "表三每行总计等于各类申请人之和",
    "T4-1": "表四每组总计等于各项结果之和",
    "X-0": "对照的上年报告年度或机关不符",
    "X-1": "上年结转与上年报告结转下年度一致",
    "X-2": "现行有效件数与上年衔接（2021年格式）",
    "X-3": "上一年项目数量与上年衔接（2019年格式）",
    "X-4": "对外公开总数量不小于本年新公开数量（2019年格式）",
    "N-1": "文字中的数字与表格一致",
    "N-2": "无规章制定权的机关填报了规章",
    "N-3": "文字中有未填写的占位符或以“/”代替数字",
    "F-1": "有收费事项但“其他需要报告的事项”未说明",
    "C-1": "内容与上年雷同",
    "E-1": "报告格式版本与年度不符",
    "E-2": "标题年份与报告年度不符",
    "E-3": "统计期限的年份与报告年度不符",
    "D-1": "成文日期不在规定期限内",
}


def check(draft: Draft, previous: Draft | None = None) -> list[Finding]:
    """Run every rule; findings come in section order, errors before warnings within a section."""
    with localcontext() as ctx:  # sums and differences exact (the default keeps 28 digits; a value
        ctx.prec = 100  # read from a file may have 12 integer digits and 30 decimals)
        return _check(draft, previous)


def _check(draft: Draft, previous: Draft | None) -> list[Finding]:
    spec = draft.spec
    findings = [
        *check_presence(spec, draft),
        *check_edition(spec, draft),
        *check_date(spec, draft),
        *check_period(spec, draft),
        *check_blank_cells(spec, draft),
        *check_arithmetic(spec, draft),
        *check_published_total(spec, draft),
        *check_rule_making(spec, draft),
        *check_themes(spec, draft),
        *check_quoted_figures(spec, draft),
        *check_placeholders(spec, draft),
        *check_fees(spec, draft),
        *check_copied(spec, draft, previous),
    ]
    if previous is not None:
        findings += [
            *check_previous_matches(draft, previous),
            *check_carry_in(spec, draft, previous),
            *check_stock(spec, draft, previous),
            *check_items(spec, draft, previous),
        ]
    findings = [_with_acceptance(f, draft) for f in findings]
    order = {s.title: i + 1 for i, s in enumerate(spec.sections)}
    parts = spec.parts
    order.update({"": -1, parts.title: -1, parts.preface: 0, parts.signature: len(order) + 1})
    return sorted(findings, key=lambda f: (order.get(f.section, 99), not f.is_error))


def _with_acceptance(finding: Finding, draft: Draft) -> Finding:
    reason = draft.accepted.get(finding.key)
    if reason is not None and not finding.is_error:
        return finding.accept(reason)
    return finding


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)


__all__ = ["RULES", "Finding", "Severity", "check", "has_errors"]
