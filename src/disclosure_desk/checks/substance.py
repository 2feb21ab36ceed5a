"""Does a section say anything? A text "without substance" says only that there is nothing to say.

``五、存在的主要问题及改进情况`` is often answered with "暂无问题。", "本年度无", "经自查，未发现明显问题"
and the like; the format asks for the problems and the measures taken. Rather than a list of exact
answers, the text is cut down: numbering, punctuation, spaces and every word of the boilerplate of
denial (subjects such as 本局/本年度, hedges such as 暂/目前/经自查, negations, verbs such as 发现/存在,
the nouns 问题/情况/事项, praise such as 运行良好 and promises such as 下一步将继续做好 …) are removed. If fewer than ``MIN_SUBSTANCE`` characters remain, nothing
names a problem or an improvement: "信息更新不及时" or "将加强培训" survive the cut, "暂无相关问题" does not.
"""

from __future__ import annotations

import re
import unicodedata

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the CLI ~2 ms)
if TYPE_CHECKING:
    from typing import Final

MIN_SUBSTANCE = 2  # characters left after the cut that can name something (人员不足 leaves 人员)
_WIDTHS: Final = "NFKC"  # full-width letters, digits and spaces as ASCII

# numbering of items and sub-headings: （一） 1. 一、 一是 (1)
_NUMBERING = re.compile(
    r"[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|(?<![一二三四五六七八九十\d])[一二三四五六七八九十\d]+\s*[、.．]|[一二三四五六七八九十]是"
)
_MAX_CUTS = 8  # real text needs two or three rounds of cutting; a crafted one is not cut for ever
_YEAR = re.compile(r"\d{4}年度?")

# longest first, so that 没有 goes before 没 and 改进情况 before 改进
_BOILERPLATE_WORDS = [
    # the section's own title, its parts and the heading words of a template
    "存在的主要问题及改进情况",
    "存在的主要问题",
    "改进情况",
    "改进措施",
    "整改情况",
    "整改措施",
    "主要问题",
    # subjects and periods
    "本年度",
    "本年",
    "今年",
    "年内",
    "全年",
    "当年",
    "报告期内",
    "本报告期",
    "本期",
    "我们",
    # hedges
    "经自查",
    "经检查",
    "经排查",
    "经梳理",
    "经核查",
    "经研究",
    "自查",
    "检查",
    "排查",
    "梳理",
    "核查",
    "暂时",
    "暂",
    "尚",
    "目前",
    "当前",
    "基本",
    "总体",
    "均",
    "都",
    "也",
    "并",
    "仍",
    "还",
    "亦",
    "已",
    # negations and "nothing"
    "不存在",
    "并无",
    "毫无",
    "没有",
    "没",
    "无",
    "未",
    "否",
    "略",
    "同上年",
    "同上",
    "空",
    "无内容",
    # verbs
    "发现",
    "出现",
    "发生",
    "存在",
    "涉及",
    "需要",
    "需",
    "要",
    "报告",
    "说明",
    "反映",
    "查出",
    "提出",
    "列出",
    "可",
    "有",
    # praise and promises that name nothing (运行良好, 下一步将继续做好)
    "运行良好",
    "开展顺利",
    "运转正常",
    "进展顺利",
    "推进有序",
    "良好",
    "顺利",
    "正常",
    "有序",
    "平稳",
    "较好",
    "下一步",
    "今后",
    "明年",
    "新的一年",
    "将",
    "继续",
    "进一步",
    "做好",
    "努力",
    "不断",
    "持续",
    # qualifiers
    "相应",
    "这类",
    "类似",
    "一些",
    "若干",
    "少量",
    "个别",
    "较多",
    "相关",
    "主要",
    "明显",
    "突出",
    "重大",
    "较大",
    "其他",
    "其它",
    "任何",
    "具体",
    "有关",
    "什么",
    "此类",
    "该类",
    "这方面",
    "此方面",
    "上述",
    "方面",
    "领域",
    "等",
    # nouns of the boilerplate
    "问题",
    "情况",
    "事项",
    "不足",
    "困难",
    "缺点",
    "短板",
    "内容",
    "情形",
    "改进",
    "整改",
    "措施",
    "工作中",
    "工作",
    "政府信息公开",
    "政务公开",
    "信息公开",
    "公开",
    # function words
    "以及",
    "和",
    "与",
    "或",
    "且",
    "的",
    "之",
    "中",
    "在",
    "对",
    "于",
    "了",
    "过",
    "被",
    "所",
    "是",
    "为",
    # none-marks in Latin letters (after NFKC: N/A becomes NA)
    "none",
    "null",
    "nil",
    "na",
]
_ORGAN = re.compile(r"[本我](?:机关|单位|部门|街道|办事处|中心|公司|局|委|办|厅|处|科|室|所|院|站|镇|乡|区|县|市|校)")
_BOILERPLATE = re.compile(
    "|".join([*(re.escape(w) for w in sorted(set(_BOILERPLATE_WORDS), key=len, reverse=True)), "及(?!时)"])
)


def substance(text: str) -> str:
    """What is left of ``text`` once numbering, punctuation, spaces and the boilerplate of denial are cut."""
    rest = unicodedata.normalize(_WIDTHS, text).lower()
    rest = _NUMBERING.sub(" ", rest)
    rest = _YEAR.sub(" ", rest)
    rest = "".join(ch for ch in rest if _is_word_char(ch))
    for _ in range(_MAX_CUTS):  # a cut can join two halves of a boilerplate word (无相关问题 → 无问题 → "")
        cut = _BOILERPLATE.sub("", _ORGAN.sub("", rest))
        if cut == rest:
            break
        rest = cut
    return rest


def has_substance(text: str) -> bool:
    return len(substance(text)) >= MIN_SUBSTANCE


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"
