"""N-1, N-2, N-3, F-1."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_desk.checks.narrative import chinese_number, quoted_figures
from disclosure_desk.domain import SectionPart

from .conftest import run


def _overview(draft, text):
    draft.sections["一、总体情况"] = (*draft.section_parts("一、总体情况"), SectionPart("", text))


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("本年度共收到政府信息公开申请5件。", "t3.new.total"),
        ("受理群众政府信息公开申请十件。", "t3.new.total"),
        ("其中予以公开3件。", "t3.disclosed.total"),
        ("部分公开2件。", "t3.partial.total"),
        ("不予公开1件。", "t3.withheld.secret.total"),
        ("结转下年度继续办理2件。", "t3.carried_out.total"),
        ("被申请行政复议3件。", "t4.review.total"),
        ("提起行政诉讼2件。", "t4.direct.total"),
        ("予以公开和部分公开4件。", "t3.disclosed.total"),
    ],
)
def test_n1_quoted_figure_differs_from_table(clean, text, what):
    _overview(clean, text)
    f = run(clean, rule="N-1")
    assert len(f) == 1 and what in f[0].cell_ids
    assert f[0].cells[0] == "一、总体情况" and "与表格不一致" in f[0].message


def test_n1_matching_figures_pass(clean):
    _overview(clean, "全年共收到政府信息公开申请四件，予以公开和部分公开3件，行政复议1件。")
    assert run(clean, rule="N-1") == []


def test_n1_none_statement_against_table(clean):
    _overview(clean, "本年度未收到政府信息公开申请。")
    f = run(clean, rule="N-1")
    assert f and f[0].cell_ids == ("t3.new.total",)


def test_n1_ignores_unrelated_numbers(clean):
    _overview(clean, "共回应网络舆情事件20次，公布各类文件17件，比上年增加2件。")
    assert run(clean, rule="N-1") == []


def test_quoted_figures_parser():
    found = [(q.what, n) for q, n, _ in quoted_figures("收到申请12件，其中予以公开8件、部分公开2件；办结10件。")]
    assert found == [("本年新收申请", 12), ("予以公开", 8), ("部分公开", 2), ("办理结果总计", 10)]
    assert chinese_number("二十五") == 25 and chinese_number("一百零八") == 108 and chinese_number("十") == 10


def test_n2_rules_by_an_organ_without_rule_making_power(clean):
    clean.values["t2.a1.rules.in_force"] = 6
    clean.organ = "某某镇人民政府"
    f = run(clean, rule="N-2")
    assert f and f[0].cell_ids == ("t2.a1.rules.in_force",) and not f[0].is_error
    clean.organ = "某某市人民政府"
    assert run(clean, rule="N-2") == []
    clean.organ = "某某县人民政府"
    assert run(clean, rule="N-2")


@pytest.mark.parametrize("text", ["共收到申请××件。", "行政复议X件", "予以公开/件", "202X年", "若干件"])
def test_n3_placeholders(clean, text):
    _overview(clean, text)
    f = run(clean, rule="N-3")
    assert f and f[0].section == "一、总体情况"


def test_n3_not_on_real_figures(clean):
    _overview(clean, "共收到申请12件，占比15%，2025年。")
    assert run(clean, rule="N-3") == []


def test_f1_fee_without_word_in_section_six(clean):
    clean.values["t2.a8.fees.amount"] = Decimal("1.2")
    clean.sections["六、其他需要报告的事项"] = "无。"
    f = run(clean, rule="F-1")
    assert f and "t2.a8.fees.amount" in f[0].cell_ids and "只写了“无。”" in f[0].message
    clean.sections["六、其他需要报告的事项"] = "本年度收取行政事业性收费1.2万元，未收取信息处理费。"
    assert run(clean, rule="F-1") == []


def test_f1_unpaid_fee_notices(clean):
    clean.sections["六、其他需要报告的事项"] = "无。"
    clean.values["t3.other.no_fee.natural"] = 1
    assert run(clean, rule="F-1")[0].cell_ids == ("t3.other.no_fee.natural",)
    clean.sections["六、其他需要报告的事项"] = "有1件申请人逾期未缴纳信息处理费，不再处理。"
    assert run(clean, rule="F-1") == []
