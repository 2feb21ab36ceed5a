"""Hard rules inside the tables: T3-1, T3-2, T3-3, T4-1 (format-spec.md §3) and TYPE, U-1."""

from __future__ import annotations

from decimal import Decimal

from ..domain import Draft
from ..spec import ReportSpec, TableSpec, ValueKind
from ..spec.builders import T3_COLUMNS, T4_BLOCKS, T4_COLUMNS
from .finding import Finding, Severity
from .values import all_blank, fmt, num, table_finding, total

E = Severity.ERROR
T3_VALUE_COLS = [k for k, _ in T3_COLUMNS[:-1]]
T3_COL_LABEL = dict(T3_COLUMNS)
# amounts at or above this many 万元 (10亿元) are far more likely 元 typed into a 万元 cell
AMOUNT_PLAUSIBLE_MAX = Decimal(100000)


def result_row_keys(spec: ReportSpec) -> list[str]:
    """The 表三 rows that add up to （七）总计: （一）…（六） and their sub-rows."""
    outside = ("new", "carried_in", "total", "carried_out")
    return [r for r in spec.table("表三").row_keys if r not in outside]


def _sum_mismatch(rule: str, table: TableSpec, draft: Draft, total_id: str, part_ids: list[str], say) -> list[Finding]:
    """A stated total that differs from the sum of its parts; ``say(stated, expected, diff)`` words it."""
    stated = draft.value(total_id)
    if stated is None or all_blank(draft, part_ids):
        return []
    expected = total(draft, part_ids)
    if stated == expected:
        return []
    cells = [table.cell(i) for i in (total_id, *part_ids)]
    message = say(fmt(stated), fmt(expected), fmt(abs(stated - expected)))
    return [table_finding(rule, E, message, cells, table.section_title, focus=total_id)]


def check_t3_3(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """Every row: 总计 = 自然人 + … + 其他."""
    t3 = spec.table("表三")
    out = []
    for row in t3.row_keys:
        label = t3.cell(f"t3.{row}.total").row_label
        out += _sum_mismatch(
            "T3-3", t3, draft, f"t3.{row}.total", [f"t3.{row}.{c}" for c in T3_VALUE_COLS],
            lambda s, e, d, label=label: f"“{label}”这一行：总计填的是{s}，但自然人至其他各列相加是{e}，"
            f"相差{d}。请核对这一行各列的数字或总计。",
        )
    return out


def check_t3_2(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """Every column: （七）总计 = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+（六）."""
    t3 = spec.table("表三")
    rows = result_row_keys(spec)
    out = []
    for col, col_label in T3_COLUMNS:
        out += _sum_mismatch(
            "T3-2", t3, draft, f"t3.total.{col}", [f"t3.{r}.{col}" for r in rows],
            lambda s, e, d, col_label=col_label: f"{col_label}列：（七）总计填的是{s}，但（一）至（六）各项办理结果相加是{e}，"
            f"相差{d}。（三）（四）（五）等分组没有小计，请逐项核对。",
        )
    return out


def check_t3_1(spec: ReportSpec, draft: Draft, t3_3: list[Finding]) -> list[Finding]:
    """Every column: 一 + 二 = （七）总计 + 四 (the 勾稽 note printed in the table)."""
    t3 = spec.table("表三")
    rows = result_row_keys(spec)
    broken_rows = {t3.cell(f.cell_ids[0]).row_key for f in t3_3}
    out = []
    for col, col_label in T3_COLUMNS:
        if col == "total" and broken_rows & {"new", "carried_in", "total", "carried_out"}:
            continue  # T3-3 already names the cell that breaks this column
        ids = [f"t3.{r}.{col}" for r in ("new", "carried_in", "total", "carried_out")]
        if all_blank(draft, ids):
            continue
        r7 = draft.value(f"t3.total.{col}")
        parts_sum = total(draft, [f"t3.{r}.{col}" for r in rows])
        if r7 is None:
            r7 = parts_sum
        # the stated （七）总计 when it is not its parts' sum, else 四、结转下年度 (the row filled last)
        focus = ids[2] if r7 != parts_sum else ids[3]
        left = num(draft, ids[0]) + num(draft, ids[1])
        right = r7 + num(draft, ids[3])
        if left != right:
            out.append(
                table_finding(
                    "T3-1", E,
                    f"{col_label}列：本年新收({fmt(num(draft, ids[0]))})+上年结转({fmt(num(draft, ids[1]))})={fmt(left)}，"
                    f"但办理结果总计({fmt(r7)})+结转下年度({fmt(num(draft, ids[3]))})={fmt(right)}，相差{fmt(abs(left - right))}。"
                    "收到的申请要么办结、要么结转下年度，请核对这一列。",
                    [t3.cell(i) for i in ids], t3.section_title, focus=focus,
                )
            )
    return out


def check_t4_1(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """Each block: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    t4 = spec.table("表四")
    out = []
    for block, block_label in T4_BLOCKS:
        out += _sum_mismatch(
            "T4-1", t4, draft, f"t4.{block}.total", [f"t4.{block}.{k}" for k, _ in T4_COLUMNS[:4]],
            lambda s, e, d, block_label=block_label: f"{block_label}：总计填的是{s}，"
            f"但结果维持、结果纠正、其他结果、尚未审结相加是{e}，相差{d}。",
        )
    return out


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
                        "TYPE", E,
                        f"“{cell.label_path}”填的是{fmt(v)}：{problem}。本格应填{cell.kind.description}。",
                        [cell], table.section_title,
                    )
                )
    return out


def _type_problem(v, kind: ValueKind) -> str:
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
                        "U-1", Severity.WARNING,
                        f"“{cell.label_path}”填的是{fmt(v)}万元，即{fmt(Decimal(v) / 10000)}亿元。"
                        "本格单位是万元，请确认没有把“元”误填为“万元”。",
                        [cell], table.section_title,
                    )
                )
    return out


def check_arithmetic(spec: ReportSpec, draft: Draft) -> list[Finding]:
    t3_3 = check_t3_3(spec, draft)
    return [
        *check_types(spec, draft),
        *check_t3_1(spec, draft, t3_3),
        *check_t3_2(spec, draft),
        *t3_3,
        *check_t4_1(spec, draft),
        *check_units(spec, draft),
    ]
