"""The 2019 trial format (国办公开办函〔2019〕60号), used for the 2019 and 2020 reports."""

from __future__ import annotations

from . import roles
from .builders import T2Block, T2Column, T2Row, T3Row
from .model import ValueKind
from .sections import build_report_spec

_MADE = (
    T2Column("made", "本年新制作数量"),
    T2Column("published", "本年新公开数量", role=roles.PUBLISHED_NEW),
    T2Column("total", "对外公开总数量", role=roles.PUBLISHED_TOTAL),
)
_ITEMS = (
    T2Column("prev_items", "上一年项目数量", unit="项", role=roles.ITEMS_BEFORE),
    T2Column("change", "本年增/减", ValueKind.SIGNED_COUNT, "项", roles.ITEMS_CHANGE),
    T2Column("decisions", "处理决定数量"),
)

TABLE2_BLOCKS = (
    T2Block(
        "a1",
        "第二十条第（一）项",
        _MADE,
        (
            T2Row(
                "rules",
                "规章",
                "本机关制定的规章。只有省、设区的市、自治州人民政府等有规章制定权的机关才可能有。",
                roles.RULES,
            ),
            T2Row("normative", "规范性文件", "本机关制定的规范性文件。", roles.NORMATIVE),
        ),
    ),
    T2Block(
        "a5",
        "第二十条第（五）项",
        _ITEMS,
        (
            T2Row("licensing", "行政许可", "行政许可事项的项目数量、增减和处理决定数量。", roles.LICENSING),
            T2Row("other_services", "其他对外管理服务事项", "其他对外管理服务事项。", roles.OTHER_SERVICES),
        ),
    ),
    T2Block(
        "a6",
        "第二十条第（六）项",
        _ITEMS,
        (
            T2Row("penalty", "行政处罚", "行政处罚事项。", roles.PENALTY),
            T2Row("coercion", "行政强制", "行政强制事项。", roles.COERCION),
        ),
    ),
    T2Block(
        "a8", "第二十条第（八）项", _ITEMS[:2], (T2Row("fees", "行政事业性收费", "行政事业性收费项目。", roles.FEES),)
    ),
    T2Block(
        "a9",
        "第二十条第（九）项",
        (
            T2Column("items", "采购项目数量", unit="项"),
            T2Column("amount", "采购总金额", ValueKind.AMOUNT, "万元", roles.AMOUNT),
        ),
        (
            T2Row(
                "procurement",
                "政府集中采购",
                "政府集中采购的项目数量和总金额；总金额以万元为单位填写。",
                roles.PROCUREMENT,
            ),
        ),
    ),
)

SPEC = build_report_spec(
    "2019",
    "中华人民共和国政府信息公开工作年度报告格式（试行）",
    "国办公开办函〔2019〕60号",
    "2019年试行格式",
    2019,
    TABLE2_BLOCKS,
    (T3Row("other", "（六）其他处理", 2, "不属于以上情形的其他处理结果。", role=roles.OTHER_RESULT),),
    table2_note="注：采购总金额单位为万元。",
)
