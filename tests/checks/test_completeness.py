"""S-1, S-2, B-1, E-1, E-2, D-1."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_desk.domain import SectionPart

from .conftest import run


@pytest.mark.parametrize("title", ["一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])
def test_s1_missing_section(clean, title):
    del clean.sections[title]
    f = run(clean, rule="S-1")
    assert len(f) == 1 and f[0].section == title and f[0].cells == (title,) and f[0].is_error


def test_s1_required_section_saying_only_none(clean):
    clean.sections["五、存在的主要问题及改进情况"] = "无。"
    f = run(clean, rule="S-1")
    assert f and "只写了“无。”" in f[0].message


def test_s1_other_matters_may_say_none(clean):
    clean.sections["六、其他需要报告的事项"] = "无。"
    assert run(clean, rule="S-1") == []


@pytest.mark.parametrize("table", ["表二", "表三", "表四"])
def test_s1_blank_table(clean, table):
    for cell in clean.spec.table(table).cells:
        clean.values[cell.id] = None
    f = run(clean, rule="S-1")
    assert len(f) == 1 and table in f[0].message
    assert set(f[0].cell_ids) == {c.id for c in clean.spec.table(table).input_cells}
    assert run(clean, rule="B-1") == []


def test_s1_organ_year_preface_signature(clean):
    clean.organ, clean.year, clean.preface = "", None, ""
    clean.signature_organ, clean.signature_date = "", None
    messages = [f.message for f in run(clean, rule="S-1")]
    assert any("机关名称" in m for m in messages)
    assert any("报告年度" in m for m in messages)
    assert any("前言" in m for m in messages)
    assert any("署名" in m for m in messages) and any("成文日期" in m for m in messages)


def test_b1_one_finding_per_table_listing_every_blank(clean):
    blanks = ["t3.withheld.secret.natural", "t3.withheld.secret.research", "t3.other.other.legal"]
    for i in blanks:
        clean.values[i] = None
    clean.values["t4.direct.upheld"] = None
    f = run(clean, rule="B-1")
    assert [x.section for x in f] == ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]
    assert set(f[0].cell_ids) == set(blanks)
    assert "3个空格" in f[0].message and f[0].is_error


def test_s2_overview_themes(clean):
    clean.sections["一、总体情况"] = (SectionPart("（一）主动公开", "本年主动公开政府信息10条。"),)
    f = run(clean, rule="S-2")
    assert len(f) == 1
    for theme in ("依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"):
        assert theme in f[0].message


def test_e1_edition_not_matching_year(clean):
    clean.year = 2020
    assert run(clean, rule="E-1")


def test_e2_title_with_other_year(clean):
    clean.title = "青禾县统计局2024年政府信息公开工作年度报告"
    assert run(clean, rule="E-2")
    clean.title = "青禾县统计局2025年政府信息公开工作年度报告"
    assert run(clean, rule="E-2") == []


@pytest.mark.parametrize(
    ("date", "problem"),
    [(dt.date(2025, 12, 30), "结束之前"), (dt.date(2026, 2, 5), "晚于"), (dt.date(2026, 1, 31), None)],
)
def test_d1_date(clean, date, problem):
    clean.signature_date = date
    f = run(clean, rule="D-1")
    assert (problem in f[0].message) if problem else f == []


def test_e3_statistical_period_of_another_year(clean):
    clean.preface = clean.preface.replace("2025年1月1日起至2025年12月31日", "2024年1月1日起至2024年12月31日")
    f = run(clean, rule="E-3")
    assert len(f) == 1 and f[0].section == "前言" and "2024年" in f[0].message


def test_e3_seed_period_with_spaces_is_right(seed):
    assert "2019 年 1 月 1 日" in seed.preface
    assert run(seed, rule="E-3") == []
    seed.year = 2020
    assert run(seed, rule="E-3")
