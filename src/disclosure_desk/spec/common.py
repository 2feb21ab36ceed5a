"""Labels and guidance shared by both editions (format-spec.md §1.1, §1.2, §2.2)."""

from __future__ import annotations

from . import roles
from .builders import T3Row
from .model import SubpartSpec

TITLE_PATTERN = "{organ}{year}年政府信息公开工作年度报告"

SECTION_TITLES = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

PREFACE_GUIDANCE = (
    "说明本报告的编制依据（《中华人民共和国政府信息公开条例》及年度报告格式的通知）、"
    "报告包括哪几部分、数据的统计期限（本年1月1日至12月31日），"
    "以及本报告电子版的获取网址和咨询联系方式。"
)

OVERVIEW_GUIDANCE = (
    "概述本机关贯彻落实《条例》的情况。应当逐项写明主动公开、依申请公开、政府信息管理、"
    "政府信息公开平台建设、监督保障五个方面，不能遗漏，也不宜泛化；"
    "文中引用的数字（如收到申请件数、复议诉讼件数）必须与表格一致。"
)

OVERVIEW_SUBPARTS = (
    SubpartSpec(
        "（一）主动公开",
        "本年度主动公开的政府信息数量、主要内容和途径，政策解读、回应关切情况。",
        ("主动公开",),
    ),
    SubpartSpec(
        "（二）依申请公开",
        "收到和办理政府信息公开申请的总体情况、答复质量和时效；没有收到申请的也应写明。",
        ("依申请", "政府信息公开申请", "申请公开", "公开申请"),
    ),
    SubpartSpec(
        "（三）政府信息管理",
        "公文公开属性认定、保密审查、政策文件清理、信息动态更新等管理制度和措施。",
        ("信息管理", "保密审查", "公开属性", "规范化", "标准化", "动态更新", "清理"),
    ),
    SubpartSpec(
        "（四）政府信息公开平台建设",
        "政府网站信息公开专栏、政务新媒体、公开栏等平台的建设和维护情况。",
        ("平台", "网站", "专栏", "新媒体", "公众号", "公开栏"),
    ),
    SubpartSpec(
        "（五）监督保障",
        "工作机构和人员、考核、社会评议、责任追究、培训等监督保障情况"
        "（各级人民政府应写明工作考核、社会评议和责任追究结果情况）。",
        ("监督", "考核", "评议", "责任追究"),
    ),
)

PROBLEMS_GUIDANCE = (
    "写明本年度工作中存在的主要问题和具体改进措施，并说明上一年度报告所列问题的整改情况。"
    "不能只写“无”，也不宜照搬上年内容。"
)

OTHER_GUIDANCE = (
    "写明依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况"
    "（收取的，写明件数和金额；未收取的写明“本年度未收取信息处理费”），"
    "以及本机关认为需要报告的其他事项。确实没有的，写“无。”"
)

TABLE2_GUIDANCE = "按《条例》第二十条所列事项填写主动公开情况。没有的填 0，不要留空或填“/”。"
TABLE3_GUIDANCE = (
    "按申请人类型填写本年新收、上年结转的申请数和办理结果。"
    "每一列都应满足：第一项加第二项之和，等于第三项（七）总计加第四项之和。"
    "部分公开（区分处理）的申请只计入（二），不再计入其他情形。没有的填 0。"
)
TABLE4_GUIDANCE = (
    "填写因政府信息公开工作被申请行政复议、提起行政诉讼的案件数。"
    "每组的总计等于结果维持、结果纠正、其他结果、尚未审结之和。没有的填 0。"
)

T3_HEAD_ROWS = (
    T3Row(
        "new",
        "一、本年新收政府信息公开申请数量",
        1,
        "本年1月1日至12月31日新收到的申请，按申请人类型分列。",
        role=roles.NEW,
    ),
    T3Row(
        "carried_in",
        "二、上年结转政府信息公开申请数量",
        1,
        "上一年度未办结、结转到本年继续办理的申请，应等于上年报告的“四、结转下年度继续办理”。",
        role=roles.CARRIED_IN,
    ),
    T3Row("disclosed", "（一）予以公开", 2, "全部予以公开的申请数。", role=roles.DISCLOSED),
    T3Row(
        "partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        2,
        "区分处理、部分公开的申请只计在这里，不再计入其他情形。",
        role=roles.PARTIAL,
    ),
)

_WITHHELD = "（三）不予公开"
_UNAVAILABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"

T3_MIDDLE_ROWS = (
    T3Row(
        "withheld.secret", "1.属于国家秘密", 3, "申请公开的信息属于国家秘密而不予公开。", _WITHHELD, role=roles.WITHHELD
    ),
    T3Row(
        "withheld.prohibited",
        "2.其他法律行政法规禁止公开",
        3,
        "其他法律、行政法规禁止公开的。",
        _WITHHELD,
        role=roles.WITHHELD,
    ),
    T3Row(
        "withheld.security",
        "3.危及“三安全一稳定”",
        3,
        "公开后可能危及国家安全、公共安全、经济安全、社会稳定的。",
        _WITHHELD,
        role=roles.WITHHELD,
    ),
    T3Row(
        "withheld.third_party",
        "4.保护第三方合法权益",
        3,
        "涉及商业秘密、个人隐私等，公开会损害第三方合法权益的。",
        _WITHHELD,
        role=roles.WITHHELD,
    ),
    T3Row(
        "withheld.internal",
        "5.属于三类内部事务信息",
        3,
        "人事管理、后勤管理、内部工作流程等内部事务信息。",
        _WITHHELD,
        role=roles.WITHHELD,
    ),
    T3Row(
        "withheld.process",
        "6.属于四类过程性信息",
        3,
        "讨论记录、过程稿、磋商信函、请示报告等过程性信息。",
        _WITHHELD,
        role=roles.WITHHELD,
    ),
    T3Row("withheld.enforcement", "7.属于行政执法案卷", 3, "行政执法案卷信息。", _WITHHELD, role=roles.WITHHELD),
    T3Row(
        "withheld.inquiry",
        "8.属于行政查询事项",
        3,
        "法律、行政法规规定应通过查询渠道获取的信息。",
        _WITHHELD,
        role=roles.WITHHELD,
    ),
    T3Row(
        "unavailable.not_held",
        "1.本机关不掌握相关政府信息",
        3,
        "本机关不掌握申请的政府信息。",
        _UNAVAILABLE,
        role=roles.UNAVAILABLE,
    ),
    T3Row(
        "unavailable.needs_making",
        "2.没有现成信息需要另行制作",
        3,
        "需要另行制作、加工或分析的。",
        _UNAVAILABLE,
        role=roles.UNAVAILABLE,
    ),
    T3Row(
        "unavailable.unclear",
        "3.补正后申请内容仍不明确",
        3,
        "经补正后申请内容仍不明确的。",
        _UNAVAILABLE,
        role=roles.UNAVAILABLE,
    ),
    T3Row(
        "not_processed.petition",
        "1.信访举报投诉类申请",
        3,
        "以申请公开的形式进行信访、投诉、举报的。",
        _NOT_PROCESSED,
        role=roles.NOT_PROCESSED,
    ),
    T3Row(
        "not_processed.repeat",
        "2.重复申请",
        3,
        "重复申请公开相同政府信息的。",
        _NOT_PROCESSED,
        role=roles.NOT_PROCESSED,
    ),
    T3Row(
        "not_processed.publication",
        "3.要求提供公开出版物",
        3,
        "要求提供公开出版物的。",
        _NOT_PROCESSED,
        role=roles.NOT_PROCESSED,
    ),
    T3Row(
        "not_processed.mass",
        "4.无正当理由大量反复申请",
        3,
        "无正当理由大量、反复申请的。",
        _NOT_PROCESSED,
        role=roles.NOT_PROCESSED,
    ),
    T3Row(
        "not_processed.confirm",
        "5.要求行政机关确认或重新出具已获取信息",
        3,
        "要求确认或重新出具已获取信息的。",
        _NOT_PROCESSED,
        role=roles.NOT_PROCESSED,
    ),
)

T3_TAIL_ROWS = (
    T3Row("total", "（七）总计", 2, "（一）至（六）各项之和，由程序自动计算。", role=roles.RESULTS_TOTAL),
    T3Row(
        "carried_out",
        "四、结转下年度继续办理",
        1,
        "截至12月31日尚未办结、结转到下一年度继续办理的申请。",
        role=roles.CARRIED_OUT,
    ),
)
