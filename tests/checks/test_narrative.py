"""N-1, N-2, N-3, F-1."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_desk.checks.figures import chinese_number, quoted_figures
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


# ---- N-1 in every text part, about this year's applications, reviews and lawsuits only ----------

FIVE = "五、存在的主要问题及改进情况"
SIX = "六、其他需要报告的事项"


def _append(draft, where, text):
    if where == "前言":
        draft.preface += text
    elif where == "一、总体情况":
        _overview(draft, text)
    else:
        draft.sections[where] = draft.section_text(where) + "\n" + text


@pytest.mark.parametrize("where", ["前言", "一、总体情况", FIVE, SIX])
@pytest.mark.parametrize(
    ("text", "what", "table"),
    [
        ("本年度共收到政府信息公开申请9件。", "t3.new.total", 4),
        ("本年度被申请行政复议3件。", "t4.review.total", 1),
        ("全年因政府信息公开被提起行政诉讼2件。", "t4.direct.total", 0),
        ("上年结转申请3件，已全部办结。", "t3.carried_in.total", 1),
        ("2025年收到申请7件。", "t3.new.total", 4),
        ("2025年，本局共收到政府信息公开申请9件。", "t3.new.total", 4),
        ("与上年相比变化不大（上年为10件），本年度收到申请9件。", "t3.new.total", 4),
    ],
)
def test_n1_reads_every_text_part(clean, where, text, what, table):
    _append(clean, where, text)
    (f,) = run(clean, rule="N-1")
    assert what in f.cell_ids and f.section == where and f.cells[0] == where
    assert f"是{table}件" in f.message and "与表格不一致" in f.message


@pytest.mark.parametrize("where", ["前言", "一、总体情况", FIVE, SIX])
@pytest.mark.parametrize(
    "text",
    [
        # last year, or another year
        "上年共收到政府信息公开申请9件。",
        "去年收到申请9件，均已按期答复。",
        "上一年度收到申请9件。",
        "上年度被申请行政复议3件，已全部审结。",
        "2024年收到政府信息公开申请9件。",
        "2024年度被提起行政诉讼2件。",
        "与2024年相比，收到申请增加5件。",
        "收到申请4件，比上年增加2件。",
        "收到申请较去年减少3件。",
        "2024年，本局共收到政府信息公开申请9件。",
        "去年全年办结申请9件，予以公开5件。",
        "针对上年报告中提出的答复不规范问题（涉及申请9件），已制定范本。",
        # other things than the applications, reviews and lawsuits of 表三/表四
        "答复人大代表建议和政协委员提案12件。",
        "办理人大建议5件、政协提案3件，均按期办结。",
        "办结12345热线工单300件。",
        "受理群众来信来访申请20件。",
        "组织业务培训3次，参训120人次。",
        "答复政府信息公开咨询25件。",
        "答复网民留言86件。",
        "办结信访件30件。",
        "法定答复期限为20个工作日，所有申请均在20个工作日内答复。",
    ],
)
def test_n1_leaves_other_years_and_other_things_alone(clean, where, text):
    _append(clean, where, text)
    assert run(clean, rule="N-1") == []


@pytest.mark.parametrize("where", [FIVE, SIX])
def test_n1_this_years_figure_beside_last_years(clean, where):
    _append(clean, where, "上年收到申请9件，本年收到申请7件。")
    (f,) = run(clean, rule="N-1")
    assert f.cell_ids == ("t3.new.total",) and "文字中是7件" in f.message


def test_n1_none_statement_in_section_five(clean):
    clean.values["t4.direct.upheld"] = 1
    clean.values["t4.direct.total"] = 1
    _append(clean, FIVE, "本年度未发生行政诉讼。")
    f = run(clean, rule="N-1")
    assert [x.section for x in f] == ["一、总体情况", FIVE]  # the sample's 一 says 未发生行政诉讼 too
    clean.sections[FIVE] = clean.section_text(FIVE).replace("本年度未发生行政诉讼。", "上年度未发生行政诉讼。")
    assert [x.section for x in run(clean, rule="N-1")] == ["一、总体情况"]


# ---- a blank 总计: the sum of its parts, as the wizard shows it -------------------------------------


@pytest.mark.parametrize(("figure", "differs"), [(5, True), (4, False)])
def test_n1_compares_a_blank_total_with_the_sum_of_its_parts(clean, figure, differs):
    clean.values["t3.new.total"] = None  # the parts still add up to 4
    _overview(clean, f"本年度共收到政府信息公开申请{figure}件。")
    found = run(clean, rule="N-1")
    assert len(found) == differs
    if differs:
        assert found[0].cell_ids == ("t3.new.total",) and "表格中本年新收申请是4件，文字中是5件" in found[0].message


def test_n1_a_blank_corner_total_is_the_sum_of_blank_row_totals(clean):
    for cell in clean.spec.table("表三").cells:
        if cell.id.startswith("t3.total."):
            clean.values[cell.id] = None  # the whole （七）总计 row blank: its parts are the result rows
    _overview(clean, "全年办结申请6件。")
    (f,) = run(clean, rule="N-1")
    assert f.cell_ids == ("t3.total.total",) and "是4件" in f.message


def test_n1_all_parts_blank_says_nothing(clean):
    for cell in clean.spec.table("表四").cells:
        if cell.row_key == "review":
            clean.values[cell.id] = None
    _overview(clean, "本年度被申请行政复议3件。")
    assert run(clean, rule="N-1") == []
