"""Text against tables: N-2 (规章 without rule-making power), N-3 (placeholders and none-marks where a
figure belongs), F-1 (fees not reported in 六). N-1 (figures quoted in the text) is in figures.py."""

from __future__ import annotations

import re

from ..domain import Draft
from ..spec import ReportSpec, roles
from .finding import Finding, Severity
from .values import fmt, table_finding, text_finding

W = Severity.WARNING

# ---- N-2 ----------------------------------------------------------------------------------

# 立法法: 省、自治区、直辖市和设区的市、自治州的人民政府 may make 规章
_RULE_MAKER = re.compile(r"(省|自治区|市|自治州)人民政府(办公厅|办公室)?$")
_NOT_RULE_MAKER = re.compile(r"(县|区|旗|镇|乡|街道|办事处)人民政府(办公厅|办公室)?$|(街道|办事处|乡|镇)$")


def check_rule_making(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """N-2: 规章 reported by an organ that cannot make 规章."""
    cells = spec.cells(row=roles.RULES)
    nonzero = [c for c in cells if (draft.value(c.id) or 0) != 0]
    organ = draft.organ.strip()
    if not nonzero or (_RULE_MAKER.search(organ) and not _NOT_RULE_MAKER.search(organ)):
        return []
    normative = spec.cells(row=roles.NORMATIVE)[0].path[1]
    return [
        table_finding(
            "N-2",
            W,
            f"表二“规章”一行填了数字，但只有省、自治区、直辖市和设区的市、自治州的人民政府才能制定规章，"
            f"“{organ or '本机关'}”一般没有规章制定权。本机关制发的文件应填在“{normative}”一行；"
            "如确有规章（例如本机关是有规章制定权的人民政府），可接受此提示并说明理由。",
            nonzero,
            spec.table(nonzero[0].table).section_title,
        )
    ]


# ---- N-3 ----------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"(?:[×xXＸ＊*？?□○]{1,4}|[/／—]{1,2}|若干)\s*(?:件|条|个|次|项|人次|万元|元|%|％)"
    r"|(?:20|19)\d?[×xXＸ＊*？?□○]{1,2}年|[×xXＸ＊*□○]{2,4}年"
)


def check_placeholders(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """N-3: a none-mark or template placeholder where a figure belongs (××件, /件, 202X年)."""
    out = []
    for where, text in draft.narrative_texts().items():
        hits = list(dict.fromkeys(m.group(0) for m in _PLACEHOLDER.finditer(text)))
        if hits:
            shown = "、".join(f"“{h}”" for h in hits[:5])
            out.append(
                text_finding(
                    "N-3",
                    W,
                    f"“{where}”中有{shown}，像是模板里没有填写的数字或用“/”等代替的数字。"
                    "请填写实际数字；没有的写 0 或“未发生”。",
                    where,
                )
            )
    return out


# ---- F-1 ----------------------------------------------------------------------------------

_FEE_WORDS = ("收费", "信息处理费", "费用", "收取", "缴费", "缴纳")


def check_fees(spec: ReportSpec, draft: Draft) -> list[Finding]:
    """F-1: fees charged (表二 收费, 表三 逾期未缴费) but 六、其他需要报告的事项 is silent on them."""
    other = spec.sections[5].title
    text = draft.section_text(other)
    if any(w in text for w in _FEE_WORDS):
        return []
    ids = spec.cell_ids(row=roles.FEES) + [c.id for c in spec.cells(row=roles.FEE_NOT_PAID) if not c.is_total]
    charged = [i for i in ids if (draft.value(i) or 0) > 0]
    if not charged:
        return []
    cells = [spec.cell(i) for i in charged]
    said = f"只写了“{text.strip()}”" if text.strip() else "没有内容"
    return [
        Finding(
            "F-1",
            W,
            f"表格显示有收费事项（{'、'.join(f'{c.label_path}为{fmt(draft.value(c.id) or 0)}' for c in cells)}），"
            f"但“{other}”{said}，没有说明收费情况。请写明收取信息处理费的件数和金额（未收取的也写明），"
            "以及行政事业性收费的情况。",
            (other, *(c.label_path for c in cells)),
            tuple(charged),
            other,
        )
    ]
