"""S-1 for a required section without substance: 五 that only says there is no problem.

Both ways: every way of saying "no problem" (written out and generated) is an error, and no short
五 that names a problem or a measure is.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import run

FIVE = "五、存在的主要问题及改进情况"
ONE = "一、总体情况"

NOTHING_SAID = [
    "暂无问题",
    "无问题。",
    "没有问题",
    "暂无相关问题。",
    "未发现问题",
    "本年度无",
    "本年度无。",
    "无",
    "暂无。",
    "  暂无问题！ ",
    "暂无问题;",
    "无问题\n",
    "无　问　题",
    "暂无问题……",
    "经自查，暂未发现明显问题。",
    "本局本年度未发现存在的主要问题。",
    "我单位2025年度无存在的主要问题及改进情况。",
    "（一）存在的主要问题\n无。\n（二）改进情况\n无。",
    "问题：无；改进：无。",
    "1. 存在的主要问题：暂无。2. 改进情况：暂无。",
    "不存在问题",
    "暂未发现相关问题。",
    "目前尚无。",
    "没有。",
    "同上年。",
    "略",
    "/",
    "——",
    "N/A",
    "本年度政府信息公开工作中未发现任何问题，无需整改。",
    "暂无需要报告的问题及改进情况。",
    "本年度我局政府信息公开工作总体运行良好，暂未发现问题。",
    "暂无问题，下一步将继续做好政务公开工作。",
    "我局无此类问题",
    "本单位不涉及。",
    "无相应问题",
    "存在问题较多。",
]

NAMES_SOMETHING = [
    "信息更新不够及时，将建立每周检查制度。",
    "专栏更新不及时。已整改。",
    "人员不足，将加强培训。",
    "依申请公开答复文书不够规范，将制定范本。",
    "公开不及时；下一步加强审核。",
    "无专人负责，已指定专人。",
    "暂无重大问题，但栏目更新偏慢，将每周检查。",
    "存在问题：解读形式单一。改进：增加图解。",
    "未及时更新政策解读，将加强督查。",
    "一是解读较少；二是加强培训。",
    "系统不稳定，将更换服务器。",
    "公开不及时、缺乏专人管理。",
    "存在问题：人员不足。",
    "本年度无问题。将持续提升公开质量。",
]


@pytest.mark.parametrize("text", NOTHING_SAID)
def test_s1_problems_section_saying_only_that_there_is_no_problem(clean, text):
    clean.sections[FIVE] = text
    found = [f for f in run(clean, rule="S-1") if f.section == FIVE]
    assert len(found) == 1 and found[0].is_error and found[0].cells == (FIVE,)
    assert "具体问题" in found[0].message and "改进措施" in found[0].message


@pytest.mark.parametrize("text", NAMES_SOMETHING)
def test_s1_a_short_problems_section_that_names_something_passes(clean, text):
    clean.sections[FIVE] = text
    assert run(clean, rule="S-1") == []


def test_s1_the_overview_saying_only_no_problem(clean):
    clean.sections[ONE] = "本年度无相关情况。"
    found = run(clean, rule="S-1")
    assert len(found) == 1 and found[0].section == ONE and found[0].is_error
    assert run(clean, rule="S-2") == []  # S-1 says it; no list of missing themes on top


def test_s1_quotes_a_long_empty_answer_shortened(clean):
    clean.sections[FIVE] = "暂无问题。" * 200
    (found,) = run(clean, rule="S-1")
    assert len(found.message) < 300 and "……" in found.message


def test_s1_the_samples_problems_sections_have_substance(clean, seed):
    assert run(clean, rule="S-1") == []
    assert not [f for f in run(seed, rule="S-1") if f.section == FIVE]


# ---- generated both ways ------------------------------------------------------------------------

_SPACE = st.sampled_from(["", "", " ", "\u3000", "\n", "\t", "\u00a0"])
_STOP = st.sampled_from(["", "。", "！", "；", ";", ".", "…", "，", ",", "、", "：", "!", "？"])


def _pieces(*options: list[str]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*(st.sampled_from(o) for o in options)).map(list)


_DENIAL = _pieces(
    ["", "本年度", "本年", "今年", "2025年", "2025年度", "本局", "我单位", "本机关", "经自查", "经排查，", "目前"],
    ["", "暂", "暂时", "尚", "均", "基本"],
    ["无", "没有", "未", "不存在", "并无", "未发现", "未出现", "没有发现", "未发生"],
    ["", "相关", "明显", "主要", "重大", "任何", "其他", "突出", "需要报告的"],
    ["", "问题", "情况", "事项", "不足", "问题及改进情况", "改进情况", "方面的问题"],
)
_PROBLEMS = [
    "信息更新不及时",
    "解读形式单一",
    "人员不足",
    "答复文书不规范",
    "栏目设置不合理",
    "保密审查流于形式",
    "检索功能不完善",
    "培训覆盖面不广",
    "公开时效性不强",
    "专栏内容陈旧",
]
_MEASURES = [
    "将加强培训",
    "已建立更新台账",
    "制定答复范本",
    "增加图解解读",
    "下一步将完善检索功能",
    "每周检查专栏",
    "明确专人负责",
    "开展专项整改",
]


def _spaced(pieces: list[str], spaces: list[str]) -> str:
    return "".join(p + s for p, s in zip(pieces, spaces, strict=False))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_DENIAL, st.lists(_SPACE, min_size=5, max_size=5), _STOP), min_size=1, max_size=3))
def test_s1_generated_denials_are_errors(clean_2021, sentences):
    draft = clean_2021()
    draft.sections[FIVE] = "".join(_spaced(pieces, spaces) + stop for pieces, spaces, stop in sentences)
    found = [f for f in run(draft, rule="S-1") if f.section == FIVE]
    assert len(found) == 1 and found[0].is_error, draft.sections[FIVE]


@settings(max_examples=300, deadline=None)
@given(
    denial=st.one_of(st.just([]), _DENIAL),
    problem=st.sampled_from(_PROBLEMS),
    measure=st.one_of(st.just(""), st.sampled_from(_MEASURES)),
    joins=st.lists(_STOP, min_size=3, max_size=3),
    spaces=st.lists(_SPACE, min_size=5, max_size=5),
)
def test_s1_generated_short_sections_naming_a_problem_pass(clean_2021, denial, problem, measure, joins, spaces):
    draft = clean_2021()
    lead = _spaced(denial, spaces) + joins[0] + "但" if denial else ""
    draft.sections[FIVE] = lead + problem + joins[1] + measure + joins[2]
    assert run(draft, rule="S-1") == [], draft.sections[FIVE]
