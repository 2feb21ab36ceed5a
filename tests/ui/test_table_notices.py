"""A notice on a table page goes away when it is no longer true."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .helpers import click_cell, double_click_cell, paste, type_into_table, type_text
from .test_table_undo import _goto


def _refuse(qtbot, p, cell_id):
    double_click_cell(qtbot, p.view, p.model.index_of(cell_id))
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(qtbot, editor, "两件")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert p.notice.isVisible() and "两件" in p.notice.text()
    return editor


def test_a_refusal_notice_goes_away_on_escape(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    editor = _refuse(qtbot, p, "t4.review.upheld")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not p.notice.isVisible()


def test_a_refusal_notice_goes_away_after_a_valid_entry(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    editor = _refuse(qtbot, p, "t4.review.upheld")
    editor.selectAll()
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert not p.notice.isVisible()


def test_a_refusal_notice_goes_away_after_a_valid_entry_elsewhere(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    _refuse(qtbot, p, "t4.review.upheld")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    type_into_table(qtbot, p.view, p.model.index_of("t4.direct.upheld"), [3])
    assert not p.notice.isVisible()


def test_a_paste_total_mismatch_notice_goes_away_once_fixed(qtbot, report_2021):
    p = _goto(report_2021, "表三")
    m, v = p.model, p.view
    click_cell(qtbot, v, m.index_of("t3.carried_in.natural"))
    paste(qtbot, v, "1\t0\t0\t0\t0\t0\t2\r\n")  # the pasted total (2) is not the sum (1)
    assert p.notice.isVisible() and "不一致" in p.notice.text()
    type_into_table(qtbot, v, m.index_of("t3.new.natural"), [5])  # an unrelated edit: still true
    assert p.notice.isVisible() and "不一致" in p.notice.text()
    type_into_table(qtbot, v, m.index_of("t3.carried_in.business"), [1])  # now 1 + 1 = 2
    assert not p.notice.isVisible()


def test_an_action_notice_goes_away_with_the_next_edit(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    p.zero_button.click()
    assert p.notice.isVisible()
    type_into_table(qtbot, p.view, p.model.index_of("t4.direct.upheld"), [3])
    assert not p.notice.isVisible()
