"""Hard rules inside the tables: T3-1, T3-2, T3-3, T4-1 (format-spec.md §3) and TYPE, U-1."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..domain import Draft
from ..domain.numbers import Value, exact_sum
from ..spec import CellSpec, ReportSpec, TableSpec, ValueKind, roles
from ..spec.model import BalanceSpec, SumSpec
from .finding import Finding, Severity
from .values import all_blank, fmt, table_finding, total

E = Severity.ERROR
# amounts at or above this many 万元 (10亿元) are far more likely 元 typed into a 万元 cell
AMOUNT_PLAUSIBLE_MAX = Decimal(100000)

SumWording = Callable[[CellSpec, list[CellSpec], str, str, str], str]  # total, parts, stated, sum, difference

# how each sum rule words its finding; the sums themselves are the spec's (TableSpec.sums)
SUM_WORDING: dict[str, SumWording] = {
    "T3-3": lambda total, parts, s, e, d: (
        f"“{total.row_label}”这一行：总计填的是{s}，但{parts[0].path[-1]}至{parts[-1].path[-1]}各列相加是{e}，"
        f"相差{d}。请核对这一行各列的数字或总计。"
    ),
    "T3-2": lambda total, parts, s, e, d: (
        f"{total.path[-1]}列：{total.row_label}填的是{s}，但（一）至（六）各项办理结果相加是{e}，"
        f"相差{d}。（三）（四）（五）等分组没有小计，请逐项核对。"
    ),
    "T4-1": lambda total, parts, s, e, d: (
        f"{total.path[0]}：总计填的是{s}，但{'、'.join(p.path[-1] for p in parts)}相加是{e}，相差{d}。"
    ),
}
BALANCE_ADVICE = {"T3-1": "收到的申请要么办结、要么结转下年度，请核对这一列。"}


def check_sums(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """T3-2, T3-3, T4-1 and any sum an edition declares: a stated total that differs from its parts."""
    out = []
    for table in spec.tables:
        for relation in table.sums:
            out += _sum_mismatch(table, draft, relation)
    return sorted(out, key=lambda f: f.rule)  # per table: the column sums (T3-2) before the row sums (T3-3)


def _sum_mismatch(table: TableSpec, draft: Draft, relation: SumSpec) -> list[Finding]:
    stated = draft.value(relation.total)
    if stated is None or all_blank(draft, relation.parts):
        return []
    expected = total(draft, relation.parts)
    if stated == expected:
        return []
    cells = [table.cell(i) for i in (relation.total, *relation.parts)]
    message = SUM_WORDING[relation.rule](cells[0], cells[1:], fmt(stated), fmt(expected), fmt(_apart(stated, expected)))
    return [table_finding(relation.rule, E, message, cells, table.section_title, focus=relation.total)]


def check_balances(spec: ReportSpec, draft: Draft, sum_findings: list[Finding]) -> list[Finding]:
    """T3-1, the 勾稽关系 printed in 表三: 一 + 二 = （七）总计 + 四 in every column (TableSpec.balances)."""
    out = []
    for table in spec.tables:
        for balance in table.balances:
            deferred = {f.focus for f in sum_findings if f.rule in balance.defer_to}
            ids = (*balance.left, *balance.right)
            if deferred.intersection(ids) or all_blank(draft, ids):
                continue  # a rule that names the wrong total does it better; an empty column is B-1's
            out += _unbalanced(table, draft, balance)
    return out


def _unbalanced(table: TableSpec, draft: Draft, balance: BalanceSpec) -> list[Finding]:
    shown = {i: _shown(draft, i) for i in (*balance.left, *balance.right)}
    left, right = exact_sum(shown[i] for i in balance.left), exact_sum(shown[i] for i in balance.right)
    if left == right:
        return []
    # the cell most likely wrong: a stated total that is not its parts' sum, else the last (filled last)
    wrong_totals = [
        i
        for i in (*balance.right, *balance.left)
        if table.cell(i).is_total and draft.value(i) not in (None, draft.derived_value(i))
    ]
    focus = wrong_totals[0] if wrong_totals else balance.right[-1]

    def terms(ids: tuple[str, ...]) -> str:
        return "+".join(f"{_short(table.cell(i))}({fmt(shown[i])})" for i in ids)

    message = (
        f"{balance.label}列：{terms(balance.left)}={fmt(left)}，但{terms(balance.right)}={fmt(right)}，"
        f"相差{fmt(_apart(left, right))}。{BALANCE_ADVICE.get(balance.rule, '')}"
    )
    return [
        table_finding(
            balance.rule,
            E,
            message,
            [table.cell(i) for i in (*balance.left, *balance.right)],
            table.section_title,
            focus=focus,
        )
    ]


def _shown(draft: Draft, cell_id: str) -> Value:
    """As the wizard shows it: a blank total is the sum of its parts; any other blank counts as 0."""
    value = draft.printed_value(cell_id)
    return 0 if value is None else value


def _apart(a: Value, b: Value) -> Value:
    return a - b if a >= b else b - a


def _short(cell: CellSpec) -> str:
    return roles.SHORT_NAMES.get(cell.row_role, cell.row_label)


def check_types(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """TYPE: counts are integers >= 0, 本年增/减 integers, amounts >= 0 (values read from files)."""
    out = []
    for table in spec.tables:
        for cell in table.cells:
            v = draft.value(cell.id)
            if v is None:
                continue
            problem = _type_problem(v, cell.kind)
            if problem:
                out.append(
                    table_finding(
                        "TYPE",
                        E,
                        f"“{cell.label_path}”填的是{fmt(v)}：{problem}。本格应填{cell.kind.description}。",
                        [cell],
                        table.section_title,
                    )
                )
    return out


def _type_problem(v: Value, kind: ValueKind) -> str:
    if isinstance(v, Decimal) and not kind.allows_decimals and v != v.to_integral_value():
        return "件数、项数不能有小数"
    if v < 0 and not kind.allows_negative:
        return "不能是负数"
    return ""


def check_units(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """U-1: an amount in 万元 so large that it was probably typed in 元."""
    out = []
    for table in spec.tables:
        for cell in table.cells:
            v = draft.value(cell.id)
            if cell.kind is ValueKind.AMOUNT and v is not None and v >= AMOUNT_PLAUSIBLE_MAX:
                out.append(
                    table_finding(
                        "U-1",
                        Severity.WARNING,
                        f"“{cell.label_path}”填的是{fmt(v)}万元，即{fmt(Decimal(v) / 10000)}亿元。"
                        "本格单位是万元，请确认没有把“元”误填为“万元”。",
                        [cell],
                        table.section_title,
                    )
                )
    return out


def check_arithmetic(spec: ReportSpec, draft: Draft) -> list[Finding]:
    sums = check_sums(spec, draft)
    return [*check_types(spec, draft), *check_balances(spec, draft, sums), *sums, *check_units(spec, draft)]
