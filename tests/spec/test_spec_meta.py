"""Meta-tests over the whole spec: counts, ids, labels exactly as format-spec.md, grid shape."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_desk.spec import EDITIONS, GridRole, default_edition, first_year, get_spec

REPO = Path(__file__).resolve().parents[2]
FORMAT_SPEC = REPO / "docs" / "reference" / "format-spec.md"  # a copy of shared/format-spec.md


def quoted_labels() -> set[str]:
    """Every `backticked` string of format-spec.md, split at its · separators."""
    text = FORMAT_SPEC.read_text(encoding="utf-8")
    labels = set()
    for q in re.findall(r"`([^`]+)`", text):
        labels.add(q)
        labels.update(p.strip() for p in q.split("·"))
    return labels


EXPECTED_COUNTS = {
    "2019": {"表二": 22, "表三": 161, "表四": 15},
    "2021": {"表二": 10, "表三": 175, "表四": 15},
}


@pytest.mark.parametrize("edition", EDITIONS)
def test_cell_counts(edition):
    spec = get_spec(edition)
    assert {t.key: len(t.cells) for t in spec.tables} == EXPECTED_COUNTS[edition]


@pytest.mark.parametrize("edition", EDITIONS)
def test_ids_unique_and_stable_shape(edition):
    spec = get_spec(edition)
    ids = [c.id for c in spec.all_cells]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"t[234](\.[a-z0-9_]+)+", i) for i in ids)
    paths = [(c.table, c.path) for c in spec.all_cells]
    assert len(paths) == len(set(paths)), "two cells with the same JSON path"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_label_is_byte_identical_to_the_format_spec(edition):
    known = quoted_labels()
    spec = get_spec(edition)
    labels = [s.title for s in spec.sections]
    for t in spec.tables:
        labels += [g.text for g in t.grid if g.text]
        for c in t.cells:
            # 表三 row keys join a group and its sub-row with "/" (report-json.md)
            labels += c.path[0].split("/") if t.key == "表三" else list(c.path[:-1])
            labels.append(c.path[-1])
    missing = sorted({lab for lab in labels if lab not in known})
    assert missing == []


def test_labels_use_fullwidth_brackets_and_ascii_stop():
    spec = get_spec("2021")
    for c in spec.all_cells:
        for part in c.path:
            assert "(" not in part and ")" not in part
            assert not re.search(r"\d\.\s", part), part
    assert "“三安全一稳定”" in "".join(c.path[0] for c in spec.table("表三").cells)


@pytest.mark.parametrize("edition", EDITIONS)
def test_grid_covers_every_position_exactly_once(edition):
    for t in get_spec(edition).tables:
        covered: dict[tuple[int, int], str] = {}
        for g in t.grid:
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    assert (r, c) not in covered, (t.key, r, c, g.text, covered[(r, c)])
                    covered[(r, c)] = g.text
        assert len(covered) == t.grid_rows * t.grid_cols, t.key
        values = [g.cell_id for g in t.grid if g.role is GridRole.VALUE]
        assert sorted(values) == sorted(c.id for c in t.cells)
        assert abs(sum(t.col_widths) - 1) < 1e-9 and len(t.col_widths) == t.grid_cols


def test_table3_merges_as_in_the_format():
    for edition, results_span in (("2019", 20), ("2021", 22)):
        t3 = get_spec(edition).table("表三")
        by_text = {g.text: g for g in t3.grid if g.text}
        note = by_text["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
        assert (note.rowspan, note.colspan, note.role) == (3, 3, GridRole.NOTE)
        assert by_text["申请人情况"].colspan == 7
        assert by_text["自然人"].rowspan == 2 and by_text["总计"].rowspan == 2
        assert by_text["法人或其他组织"].colspan == 5
        assert by_text["三、本年度办理结果"].rowspan == results_span
        assert by_text["（三）不予公开"].rowspan == 8
        assert by_text["（四）无法提供"].rowspan == 3
        assert by_text["（五）不予处理"].rowspan == 5
        assert by_text["一、本年新收政府信息公开申请数量"].colspan == 3
        assert by_text["（七）总计"].colspan == 2
    assert by_text["（六）其他处理"].rowspan == 3
    assert {g.text: g for g in get_spec("2019").table("表三").grid if g.text}["（六）其他处理"].colspan == 2


def test_table4_merges_as_in_the_format():
    t4 = get_spec("2021").table("表四")
    spans = {(g.text, g.row): (g.rowspan, g.colspan) for g in t4.grid if g.text}
    assert spans[("行政复议", 0)] == (1, 5)
    assert spans[("行政诉讼", 0)] == (1, 10)
    assert spans[("未经复议直接起诉", 1)] == (1, 5)
    assert spans[("复议后起诉", 1)] == (1, 5)
    assert spans[("结果维持", 1)] == (2, 1)
    assert spans[("结果维持", 2)] == (1, 1)
    assert t4.header_rows == 3


def test_table2_2019_two_value_blocks_take_the_width_of_three():
    t2 = get_spec("2019").table("表二")
    three = [g for g in t2.grid if g.cell_id and g.cell_id.startswith("t2.a1.")]
    two = [g for g in t2.grid if g.cell_id and g.cell_id.startswith("t2.a9.")]
    assert sum(g.colspan for g in three) / 2 == sum(g.colspan for g in two) / 1 == 6
    t21 = get_spec("2021").table("表二")
    one = [g for g in t21.grid if g.cell_id == "t2.a5.licensing.decisions"]
    assert one[0].colspan == 6


def _all_parts(table, cell_id, depth=0):
    assert depth < 5, "sums nest too deep (a cycle?)"
    parts = set()
    for p in table.cell(cell_id).sum_of:
        parts |= {p} | _all_parts(table, p, depth + 1)
    return parts


@pytest.mark.parametrize("edition", EDITIONS)
def test_sums_reference_existing_non_total_cells(edition):
    spec = get_spec(edition)
    for t in spec.tables:
        for c in t.total_cells:
            assert c.sum_of and c.id not in _all_parts(t, c.id)
    t3 = spec.table("表三")
    assert len(t3.total_cells) == len(t3.row_keys) + 6  # 总计 column + （七）总计 row (corner once)
    assert len(spec.table("表四").total_cells) == 3


def test_value_kinds():
    s19, s21 = get_spec("2019"), get_spec("2021")
    assert s19.cell("t2.a5.licensing.change").kind.allows_negative
    assert s19.cell("t2.a9.procurement.amount").kind.allows_decimals
    assert s21.cell("t2.a8.fees.amount").kind.allows_decimals
    assert s21.cell("t2.a8.fees.amount").unit == "万元"
    negatives = [c.id for s in (s19, s21) for c in s.all_cells if c.kind.allows_negative]
    assert all(".change" in i for i in negatives)


def test_sections_in_official_order():
    for edition in EDITIONS:
        titles = [s.title for s in get_spec(edition).sections]
        assert titles == [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
        overview = get_spec(edition).sections[0]
        assert [p.heading for p in overview.subparts] == [
            "（一）主动公开",
            "（二）依申请公开",
            "（三）政府信息管理",
            "（四）政府信息公开平台建设",
            "（五）监督保障",
        ]


@pytest.mark.parametrize(("year", "edition"), [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2025, "2021")])
def test_edition_by_year(year, edition):
    assert default_edition(year) == edition


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_first_years_known_without_building_are_the_specs(edition):
    assert first_year(edition) == get_spec(edition).first_year


def test_choosing_the_edition_of_a_2021_report_builds_no_2019_spec():
    code = (
        "import sys\n"
        "from disclosure_desk.spec import default_edition, editions\n"
        "assert editions() == ('2019', '2021') and default_edition(2025) == '2021'\n"
        "print('disclosure_desk.spec.edition_2019' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "False"


def test_title_pattern():
    assert get_spec("2021").title_for("伊洛街道办事处", 2025) == "伊洛街道办事处2025年政府信息公开工作年度报告"


def test_every_cell_has_help_text():
    for edition in EDITIONS:
        assert all(c.help for c in get_spec(edition).all_cells)
