"""X-0 … X-4 and C-1."""

from __future__ import annotations

import copy

from .conftest import run


def _previous(clean):
    prev = copy.deepcopy(clean)
    prev.year = 2024
    prev.values["t3.carried_out.natural"] = 1
    prev.values["t2.a1.normative.in_force"] = 14
    return prev


def test_consistent_previous_year_is_clean(clean):
    prev = _previous(clean)
    for title in list(prev.sections):
        prev.sections[title] = "上年的内容完全不同，讲的是另一些工作安排和具体的措施，一共写了很多句话来说明情况。"
    assert run(clean, prev) == []


def test_x0_previous_of_wrong_year_or_organ(clean):
    prev = _previous(clean)
    prev.year, prev.organ = 2022, "别的机关"
    assert len(run(clean, prev, rule="X-0")) == 2


def test_x1_carry_in_must_match_last_carry_out(clean):
    prev = _previous(clean)
    prev.values["t3.carried_out.natural"] = 3
    f = run(clean, prev, rule="X-1")
    assert [x.cell_ids for x in f] == [("t3.carried_in.natural",)]
    assert "上年报告" in f[0].message and "3" in f[0].message


def test_x2_stock_of_normative_documents(clean):
    prev = _previous(clean)
    prev.values["t2.a1.normative.in_force"] = 10
    f = run(clean, prev, rule="X-2")
    assert f and f[0].cell_ids[-1] == "t2.a1.normative.in_force" and "11" in f[0].message


def test_x3_items_2019(seed):
    prev = copy.deepcopy(seed)
    prev.year = 2018
    prev.values["t2.a5.licensing.prev_items"] = 10
    prev.values["t2.a5.licensing.change"] = -4
    seed.values["t2.a5.licensing.prev_items"] = 7
    f = run(seed, prev, rule="X-3")
    assert f and f[0].cell_ids == ("t2.a5.licensing.prev_items",) and "6" in f[0].message
    seed.values["t2.a5.licensing.prev_items"] = 6
    assert run(seed, prev, rule="X-3") == []


def test_x4_total_published_at_least_new(seed):
    seed.values["t2.a1.normative.published"] = 5
    seed.values["t2.a1.normative.total"] = 3
    f = run(seed, rule="X-4")
    assert f and set(f[0].cell_ids) == {"t2.a1.normative.published", "t2.a1.normative.total"}


def test_c1_copied_from_previous_year(clean):
    prev = _previous(clean)
    f = run(clean, prev, rule="C-1")
    assert {x.section for x in f} == {"一、总体情况", "五、存在的主要问题及改进情况"}  # 六 is too short to compare
    assert "100%" in f[0].message


def test_c1_ignores_years_figures_and_boilerplate(clean):
    prev = _previous(clean)
    text = clean.section_text("五、存在的主要问题及改进情况")
    prev.sections["五、存在的主要问题及改进情况"] = text.replace("2026", "2025").replace("一是", "一是")
    assert any(f.section.startswith("五") for f in run(clean, prev, rule="C-1"))
    clean.sections["五、存在的主要问题及改进情况"] = (
        "本年度发现的问题主要是专栏栏目设置不够清晰，部分历史信息归档不完整，群众查找不便。"
        "下一步将重新梳理栏目，按主题和年度归档，并建立季度自查机制。"
    )
    assert not any(f.section.startswith("五") for f in run(clean, prev, rule="C-1"))


def test_c1_carried_text_not_yet_revised(clean):
    clean.carried_texts["五、存在的主要问题及改进情况"] = clean.section_text("五、存在的主要问题及改进情况")
    f = run(clean, rule="C-1")
    assert f and "带入" in f[0].message


def test_accepted_warning_is_marked(clean):
    clean.carried_texts["五、存在的主要问题及改进情况"] = clean.section_text("五、存在的主要问题及改进情况")
    f = run(clean, rule="C-1")[0]
    clean.accepted[f.key] = "今年问题与上年相同，已核实"
    again = run(clean, rule="C-1")[0]
    assert again.accepted_reason == "今年问题与上年相同，已核实"
    assert again.to_json()["accepted"] == "今年问题与上年相同，已核实"
