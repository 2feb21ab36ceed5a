"""ReportTableModel without a window: qtmodeltester, the grid, editing rules, totals, painting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from disclosure_desk.domain import Draft
from disclosure_desk.spec import EDITIONS, GridRole, get_spec
from disclosure_desk.ui import style
from disclosure_desk.ui.editors.table_model import CELL_ID_ROLE, SEVERITY_ROLE, ReportTableModel
from disclosure_desk.ui.session import ReportSession

TABLES = [(ed, t.key) for ed in EDITIONS for t in get_spec(ed).tables]


def _model(edition: str, key: str, draft: Draft | None = None) -> ReportTableModel:
    draft = draft or Draft.new("测试机关", 2019 if edition == "2019" else 2025, edition)
    session = ReportSession(draft)
    return ReportTableModel(get_spec(edition).table(key), session, session)


@pytest.mark.parametrize("edition,key", TABLES)
def test_qtmodeltester_on_every_table_model(qtmodeltester, edition, key):
    model = _model(edition, key)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("edition,key", TABLES)
def test_qtmodeltester_with_values_and_findings(qtmodeltester, edition, key, seed_draft, sample_2021):
    draft = seed_draft if edition == "2019" else sample_2021
    model = _model(edition, key, draft)
    first = model.table.input_cells[0]
    model.setData(model.index_of(first.id), "7")
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("edition,key", TABLES)
def test_every_value_cell_and_label_is_in_the_grid(edition, key):
    model = _model(edition, key)
    table = model.table
    assert model.rowCount() == table.grid_rows and model.columnCount() == table.grid_cols
    ids = {model.index(r, c).data(CELL_ID_ROLE) for r in range(table.grid_rows) for c in range(table.grid_cols)}
    assert {c.id for c in table.cells} <= ids
    labels = {model.index(g.row, g.col).data() for g in table.grid if g.role is not GridRole.VALUE}
    assert {g.text for g in table.grid if g.role is not GridRole.VALUE} == labels


def test_table3_has_the_three_level_stub_and_the_header_note():
    model = _model("2021", "表三")
    texts = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(3)]
    assert "三、本年度办理结果" in texts
    assert "（三）不予公开" in texts and "1.属于国家秘密" in texts
    assert model.index(0, 0).data().startswith("（本列数据的勾稽关系为")
    spans = {(g.row, g.col): (g.rowspan, g.colspan) for g in model.spans()}
    assert spans[(0, 0)] == (3, 3)
    assert spans[(0, 3)] == (1, 7)


def test_only_input_cells_are_editable_and_totals_are_computed():
    model = _model("2021", "表四")
    s = model.session
    total = model.index_of("t4.review.total")
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable  # a header
    assert not model.setData(total, "5")
    for cell, text in (("t4.review.upheld", "2"), ("t4.review.corrected", "１"), ("t4.review.other", "0")):
        assert model.setData(model.index_of(cell), text)
    assert s.draft.value("t4.review.total") == 3
    assert total.data() == "3"
    assert total.data(Qt.ItemDataRole.BackgroundRole).color() == style.TOTAL_BG


def test_bad_text_is_refused_with_the_clerks_message(qtbot):
    model = _model("2021", "表三")
    idx = model.index_of("t3.new.natural")
    with qtbot.waitSignal(model.value_rejected) as blocker:
        assert not model.setData(idx, "三件")
    assert "阿拉伯数字" in blocker.args[1]
    assert model.session.draft.value("t3.new.natural") is None
    assert not model.setData(idx, "-1")
    assert model.setData(idx, "1,280")
    assert model.session.draft.value("t3.new.natural") == 1280


def test_cells_of_a_finding_are_painted_with_its_severity_and_message(sample_2021):
    model = _model("2021", "表三", sample_2021)
    model.setData(model.index_of("t3.new.natural"), "9")  # breaks T3-1 in the 自然人 column
    idx = model.index_of("t3.new.natural")
    assert idx.data(SEVERITY_ROLE) == "error"
    assert idx.data(Qt.ItemDataRole.BackgroundRole).color() == style.ERROR_BG
    assert "自然人列" in idx.data(Qt.ItemDataRole.ToolTipRole)
    for cell in ("t3.carried_in.natural", "t3.total.natural", "t3.carried_out.natural"):
        assert model.index_of(cell).data(SEVERITY_ROLE) == "error"
    model.setData(idx, "3")
    assert idx.data(SEVERITY_ROLE) is None


def test_blank_cells_are_listed_not_painted():
    model = _model("2021", "表四")
    model.setData(model.index_of("t4.review.upheld"), "0")  # partly filled: B-1 lists the blanks
    assert any(f.rule == "B-1" for f in model.session.findings)
    assert model.index_of("t4.review.corrected").data(SEVERITY_ROLE) is None


def test_row_labels_carry_their_help():
    model = _model("2021", "表三")
    table = model.table
    stub = next(g for g in table.grid if g.role is GridRole.STUB and g.text == "2.重复申请")
    tip = model.index(stub.row, stub.col).data(Qt.ItemDataRole.ToolTipRole)
    assert "填报口径" in tip and "重复申请" in tip


def test_final_draft_is_read_only(sample_2021):
    sample_2021.status = "定稿"
    model = _model("2021", "表四", sample_2021)
    assert not model.flags(model.index_of("t4.review.upheld")) & Qt.ItemFlag.ItemIsEditable


def test_mismatched_imported_total_is_kept_and_flagged(sample_2021):
    sample_2021.values["t4.review.total"] = 5  # a file whose total is not the sum of its parts
    session = ReportSession(sample_2021)
    model = ReportTableModel(session.spec.table("表四"), session, session)
    idx = model.index_of("t4.review.total")
    assert idx.data() == "5"
    assert idx.data(SEVERITY_ROLE) == "error"
    session.recompute_all_totals()
    assert idx.data() == "1" and idx.data(SEVERITY_ROLE) is None
