"""The 2021 format (国办公开办函〔2021〕30号), used from the 2021 report onward."""

from __future__ import annotations

from . import roles
from .builders import T2Block, T2Column, T2Row, T3Row
from .model import ValueKind
from .sections import build_report_spec

_DECISIONS = (T2Column("decisions", "本年处理决定数量"),)

TABLE2_BLOCKS = (
    T2Block(
        "a1",
        "第二十条第（一）项",
        (
            T2Column("issued", "本年制发件数", role=roles.ISSUED),
            T2Column("repealed", "本年废止件数", role=roles.REPEALED),
            T2Column("in_force", "现行有效件数", role=roles.IN_FORCE),
        ),
        (
            T2Row(
                "rules",
                "规章",
                "本机关制定的规章。只有省、设区的市、自治州人民政府等有规章制定权的机关才可能有。",
                roles.RULES,
            ),
            T2Row(
                "normative",
                "行政规范性文件",
                "本机关制发的行政规范性文件；现行有效件数 = 上年现行有效 + 本年制发 − 本年废止。",
                roles.NORMATIVE,
            ),
        ),
    ),
    T2Block(
        "a5",
        "第二十条第（五）项",
        _DECISIONS,
        (T2Row("licensing", "行政许可", "本年作出的行政许可处理决定数量。", roles.LICENSING),),
    ),
    T2Block(
        "a6",
        "第二十条第（六）项",
        _DECISIONS,
        (
            T2Row("penalty", "行政处罚", "本年作出的行政处罚决定数量。", roles.PENALTY),
            T2Row("coercion", "行政强制", "本年作出的行政强制决定数量。", roles.COERCION),
        ),
    ),
    T2Block(
        "a8",
        "第二十条第（八）项",
        (T2Column("amount", "本年收费金额（单位：万元）", ValueKind.AMOUNT, "万元", roles.AMOUNT),),
        (T2Row("fees", "行政事业性收费", "本年行政事业性收费金额，单位万元，可有小数。", roles.FEES),),
    ),
)

OTHER_ROWS = (
    T3Row(
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        3,
        "申请人逾期不补正，不再处理的。",
        "（六）其他处理",
        role=roles.OTHER_RESULT,
    ),
    T3Row(
        "other.no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        3,
        "申请人逾期未缴纳信息处理费，不再处理的。有此类情形的，应在“六、其他需要报告的事项”说明收费情况。",
        "（六）其他处理",
        role=roles.FEE_NOT_PAID,
    ),
    T3Row("other.other", "3.其他", 3, "不属于以上情形的其他处理结果。", "（六）其他处理", role=roles.OTHER_RESULT),
)

SPEC = build_report_spec(
    "2021",
    "中华人民共和国政府信息公开工作年度报告格式",
    "国办公开办函〔2021〕30号",
    "2021年格式",
    2021,
    TABLE2_BLOCKS,
    OTHER_ROWS,
)
