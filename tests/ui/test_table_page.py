"""Table pages driven with the keyboard and the mouse: Tab/Enter entry, paste, undo/redo, fill with 0."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from disclosure_desk.ui import texts
from disclosure_desk.ui.editors.table_model import SEVERITY_ROLE
from disclosure_desk.ui.wizard.table_page import TablePage

from .helpers import click_cell, double_click_cell, page, paste, type_into_table, type_text

T3_ROW_NEW = "3\t1\t0\t0\t0\t0\t4"


def _goto(report, key) -> TablePage:
    p = page(report, TablePage, key)
    report.go_to_page(report.wizard.page_id_for_key(p.page_key))
    return p


def test_tab_and_enter_move_to_the_next_editable_cell(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    m, v = p.model, p.view
    p.zero_button.click()
    type_into_table(qtbot, v, m.index_of("t4.review.upheld"), [2, 1, 0, 1])
    d = report_2021.session.draft
    assert [d.value(f"t4.review.{k}") for k in ("upheld", "corrected", "other", "pending")] == [2, 1, 0, 1]
    assert d.value("t4.review.total") == 4  # computed, and Tab skipped it:
    assert v.currentIndex() == m.index_of("t4.direct.upheld")
    qtbot.keyClicks(QApplication.focusWidget(), "5")  # the next cell's editor is already open
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert d.value("t4.direct.upheld") == 5
    assert v.currentIndex() == m.index_of("t4.direct.corrected")


def test_bad_text_keeps_the_editor_open_and_says_why(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    m, v = p.model, p.view
    start = m.index_of("t4.review.upheld")
    double_click_cell(qtbot, v, start)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, "两件")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor and editor.text() == "两件"  # nothing typed is lost
    assert p.notice.isVisible() and "阿拉伯数字" in p.notice.text()
    editor.selectAll()
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert report_2021.session.draft.value("t4.review.upheld") == 2


def test_paste_a_block_from_excel_with_totals_compared(qtbot, report_2021):
    p = _goto(report_2021, "表三")
    m, v = p.model, p.view
    click_cell(qtbot, v, m.index_of("t3.new.natural"))
    paste(qtbot, v, T3_ROW_NEW + "\r\n1\t0\t0\t0\t0\t0\t2\r\n")  # the second row's total (2) is wrong
    d = report_2021.session.draft
    assert [d.value(f"t3.new.{k}") for k in ("natural", "business", "total")] == [3, 1, 4]
    assert d.value("t3.carried_in.total") == 1  # computed; the pasted 2 is only compared
    assert "不一致" in p.notice.text() and "粘贴的是2" in p.notice.text()
    assert set(v.selected_cell_ids()) >= {"t3.new.natural", "t3.carried_in.other"}


def test_paste_skips_caption_rows_of_table2(qtbot, report_2021):
    p = _goto(report_2021, "表二")
    m, v = p.model, p.view
    click_cell(qtbot, v, m.index_of("t2.a5.licensing.decisions"))
    paste(qtbot, v, "11\n12\n13\n0.5\n")
    d = report_2021.session.draft
    assert d.value("t2.a5.licensing.decisions") == 11
    assert d.value("t2.a6.penalty.decisions") == 12 and d.value("t2.a6.coercion.decisions") == 13
    assert str(d.value("t2.a8.fees.amount")) == "0.5"


def test_paste_that_does_not_fit_or_does_not_parse_changes_nothing(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    m, v = p.model, p.view
    before = dict(report_2021.session.draft.values)
    click_cell(qtbot, v, m.index_of("t4.review.upheld"))
    paste(qtbot, v, "1\t2\n3\t4\n")
    assert "没有粘贴" in p.notice.text() and "2行" in p.notice.text()
    paste(qtbot, v, "1\t/\t3")
    assert "没有粘贴" in p.notice.text() and "填 0" in p.notice.text()
    assert report_2021.session.draft.values == before


def test_undo_and_redo_with_the_keyboard(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    m, v = p.model, p.view
    d = report_2021.session.draft
    type_into_table(qtbot, v, m.index_of("t4.review.upheld"), [7])
    click_cell(qtbot, v, m.index_of("t4.review.corrected"))
    paste(qtbot, v, "3\t3")
    assert d.value("t4.review.total") == 13
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert d.value("t4.review.corrected") == 0 and d.value("t4.review.total") == 7
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert d.value("t4.review.upheld") == 1 and d.value("t4.review.total") == 1
    qtbot.keyClick(v, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(v, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert d.value("t4.review.total") == 13
    assert p.undo_button.isEnabled()


def test_all_zero_for_a_table_without_data_and_blanks_to_zero(qtbot, window, answers):
    from .conftest import open_sample

    report = open_sample(window, "yiluo-2019.json")
    p = _goto(report, "表三")
    d = report.session.draft
    assert d.table_is_blank("表三")
    qtbot.mouseClick(p.zero_button, Qt.MouseButton.LeftButton)
    assert p.zero_button.text() == texts.ALL_ZERO
    assert all(d.value(c.id) == 0 for c in p.table.cells)
    assert not [f for f in report.session.findings if f.section == p.page_key]
    t2 = _goto(report, "表二")
    qtbot.mouseClick(t2.blanks_button, Qt.MouseButton.LeftButton)
    assert all(d.value(c.id) is not None for c in t2.table.cells)
    # a table with figures asks before overwriting them
    t2.model.setData(t2.model.index_of("t2.a1.rules.made"), "3")
    answers.push("取消")
    qtbot.mouseClick(t2.zero_button, Qt.MouseButton.LeftButton)
    assert d.value("t2.a1.rules.made") == 3 and answers.requests[-1].kind == "question"


def test_delete_key_clears_selected_cells(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    m, v = p.model, p.view
    click_cell(qtbot, v, m.index_of("t4.review.upheld"))
    qtbot.keyClick(v, Qt.Key.Key_Delete)
    assert report_2021.session.draft.value("t4.review.upheld") is None
    assert m.index_of("t4.review.total").data() == "0"


def test_help_panel_shows_the_rows_reporting_rule(qtbot, report_2021):
    p = _goto(report_2021, "表三")
    click_cell(qtbot, p.view, p.model.index_of("t3.not_processed.repeat.natural"))
    assert "填报口径" in p.help.toolTip() and "重复申请" in p.help.toolTip()  # shown in two lines beside the buttons
    qtbot.waitUntil(lambda: p.help.text().startswith("表三 › （五）不予处理 › 2.重复申请"))  # once laid out


def test_wrong_cell_is_painted_and_listed_then_fixed(qtbot, report_2021):
    p = _goto(report_2021, "表三")
    m, v = p.model, p.view
    type_into_table(qtbot, v, m.index_of("t3.new.natural"), [9])
    idx = m.index_of("t3.new.natural")
    assert idx.data(SEVERITY_ROLE) == "error"
    items = [report_2021.findings.list.item(i).text() for i in range(report_2021.findings.list.count())]
    assert any("T3-1" not in t and "自然人列" in t for t in items)
    assert report_2021.page_status_of(p.page_key) == "errors"
    type_into_table(qtbot, v, idx, [3])
    assert idx.data(SEVERITY_ROLE) is None
    assert report_2021.findings.list.count() == 0


def test_totals_imported_wrong_are_flagged_and_can_be_recomputed(qtbot, window, answers, tmp_path):
    import json

    from .conftest import SAMPLES

    obj = json.loads((SAMPLES / "qinghe-tongjiju-2025.json").read_text("utf-8"))
    obj["tables"]["表四"]["行政复议"]["总计"] = 3  # the parts add up to 1
    path = tmp_path / "wrong-total.json"
    path.write_text(json.dumps(obj, ensure_ascii=False), "utf-8")
    report = window.open_draft(window.workspace.import_file(path).draft.id)
    p = _goto(report, "表四")
    total = p.model.index_of("t4.review.total")
    assert total.data() == "3" and total.data(SEVERITY_ROLE) == "error"
    assert not p.totals_button.isHidden()
    qtbot.mouseClick(p.totals_button, Qt.MouseButton.LeftButton)
    assert total.data() == "1" and total.data(SEVERITY_ROLE) is None and p.totals_button.isHidden()
    qtbot.keyClick(p.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert total.data() == "3"
