"""Narrative texts of the generated review batch: one version for each year, written differently, so an
organ that rewrote its report scores low against last year and one that copied scores high (C-1)."""

from __future__ import annotations

ACTIVE = {
    2024: (
        "{organ}坚持以公开为常态，围绕年度重点工作及时发布政策文件、工作动态和通知公告，"
        "在县政府门户网站专栏集中公开部门职责、机构设置、规划计划和财政预决算等信息，"
        "全年更新栏目内容并配发政策解读，方便群众查询。"
    ),
    2025: (
        "本年度{organ}把主动公开融入业务全过程：重要政策出台同步制作图解和问答，"
        "办事指南逐项核对后上线，执法结果在作出决定后七日内公示；"
        "对社会关注度高的事项开展在线访谈，回应留言诉求，做到件件有回音。"
    ),
}
MANAGEMENT = {
    2024: "落实公文公开属性认定和保密审查制度，本年制发行政规范性文件{issued}件、废止{repealed}件，现行有效{in_force}件。",
    2025: (
        "规范性文件实行统一登记、统一编号、统一发布，"
        "年内新制发{issued}件，宣布废止{repealed}件，清理后继续有效的共{in_force}件，均已在专栏动态更新。"
    ),
}
PLATFORM = {
    2024: "持续维护政府信息公开专栏，优化栏目设置，通过政务新媒体同步发布信息，拓宽公开渠道。",
    2025: "升级改版部门网页，新增智能检索和无障碍阅读功能；政务微信公众号开设“一图读懂”栏目，阅读量稳步上升。",
}
OVERSIGHT = {
    2024: "成立政务公开工作领导小组，明确专人负责，将政务公开工作纳入年度目标考核，组织业务培训。",
    2025: "主要负责同志专题听取公开工作汇报，建立季度自查和通报制度，邀请群众代表评议，全年未发生责任追究情况。",
}
PROBLEMS = {
    2024: (
        "一是政策解读形式较为单一；二是部分栏目更新不够及时。"
        "下一步将丰富解读形式，建立栏目更新台账，定期检查通报，进一步提升公开质量。"
    ),
    2025: (
        "对照上年问题，已建立栏目更新台账并按周检查，整改到位。本年度发现依申请公开答复文书格式不够统一、"
        "基层工作人员业务能力参差不齐。明年将制定答复文书范本，分批开展轮训，并引入第三方评估。"
    ),
}


def application_text(
    new: int,
    carried_in: int,
    handled: int,
    disclosed: int,
    partial: int,
    carried_out: int,
    review: int,
    litigation: int,
) -> str:
    """（二）依申请公开: the figures as N-1 reads them, so a clean report has no N-1 finding."""
    return (
        f"本年度共收到政府信息公开申请{new}件，上年结转{carried_in}件。办结{handled}件，"
        f"其中予以公开{disclosed}件，部分公开{partial}件；结转下年度继续办理{carried_out}件。"
        f"因政府信息公开被申请行政复议{review}件、提起行政诉讼{litigation}件。"
    )


def fee_text(info_fee: int) -> str:
    if info_fee:
        return f"本年度收取信息处理费{info_fee}元。无其他需要报告的事项。"
    return "本年度未收取信息处理费。无其他需要报告的事项。"
