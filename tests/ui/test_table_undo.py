"""Undo as in Excel/WPS: Ctrl+Z from an open editor takes back its own typing first, then the last
committed edit, even right after Tab/Enter opened the next cell's editor; Ctrl+Y / Ctrl+Shift+Z redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from disclosure_desk.ui.wizard.table_page import TablePage

from .helpers import click_cell, page


def _goto(report, key) -> TablePage:
    p = page(report, TablePage, key)
    report.go_to_page(report.wizard.page_id_for_key(p.page_key))
    return p


def _ctrl(qtbot, key, shift=False):
    mods = Qt.KeyboardModifier.ControlModifier | (
        Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    )
    qtbot.keyClick(QApplication.focusWidget(), key, mods)


@pytest.mark.parametrize("move", [Qt.Key.Key_Tab, Qt.Key.Key_Return])
def test_ctrl_z_right_after_committing_undoes_the_value(qtbot, report_2021, move):
    p = _goto(report_2021, "表四")
    d = report_2021.session.draft
    before = d.value("t4.direct.upheld")
    click_cell(qtbot, p.view, p.model.index_of("t4.direct.upheld"))
    qtbot.keyClicks(p.view, "7")
    qtbot.keyClick(QApplication.focusWidget(), move)
    assert d.value("t4.direct.upheld") == 7
    assert isinstance(QApplication.focusWidget(), QLineEdit)  # the next cell's editor is open
    _ctrl(qtbot, Qt.Key.Key_Z)
    assert d.value("t4.direct.upheld") == before
    assert p.view.currentIndex() == p.model.index_of("t4.direct.upheld")  # back on the cell undone
    _ctrl(qtbot, Qt.Key.Key_Y)
    assert d.value("t4.direct.upheld") == 7
    _ctrl(qtbot, Qt.Key.Key_Z)
    _ctrl(qtbot, Qt.Key.Key_Z, shift=True)
    assert d.value("t4.direct.upheld") == 7


def test_ctrl_z_in_an_editor_first_takes_back_its_own_typing(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    d = report_2021.session.draft
    click_cell(qtbot, p.view, p.model.index_of("t4.direct.upheld"))
    qtbot.keyClicks(p.view, "7")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "12")
    _ctrl(qtbot, Qt.Key.Key_Z)
    assert QApplication.focusWidget() is editor and editor.text() != "12"  # the editor's own undo
    assert d.value("t4.direct.upheld") == 7  # the committed value is untouched so far
    while editor.isUndoAvailable():
        _ctrl(qtbot, Qt.Key.Key_Z)
    _ctrl(qtbot, Qt.Key.Key_Z)
    assert d.value("t4.direct.upheld") != 7  # then the last committed edit


def test_undo_after_paste_and_fill_with_zero(qtbot, report_2021):
    p = _goto(report_2021, "表四")
    d = report_2021.session.draft
    before = {c.id: d.value(c.id) for c in p.table.cells}
    p.zero_button.click()
    _ctrl(qtbot, Qt.Key.Key_Z)
    assert {c.id: d.value(c.id) for c in p.table.cells} == before
