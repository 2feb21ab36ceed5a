"""The start window: welcome and samples, new report, from last year, duplicate, trash, import/export, settings."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from disclosure_desk.interchange import read_report_file
from disclosure_desk.ui import settings
from disclosure_desk.ui.wizard.table_page import TablePage

from .conftest import SAMPLES, open_sample
from .helpers import page, type_text


def _drive_dialog(monkeypatch, window, qtbot, fill):
    """Replace the modal exec() by filling the dialog with the keyboard and pressing a button."""

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        return fill(dialog)

    monkeypatch.setattr(window.actions_, "run_dialog", run)


def test_first_launch_shows_a_welcome_and_the_samples(window):
    start = window.start
    assert start.list_stack.currentIndex() == 1 and "欢迎使用" in start.welcome.text()
    captions = [b.text() for b in start.sample_buttons()]
    assert "伊洛街道办事处 2019年度" in captions and "青禾县统计局 2025年度" in captions
    assert [a.text() for a in start.samples_menu.actions()] == captions  # also a menu once drafts exist
    assert not start.buttons["open"].isEnabled() and start.buttons["new"].isEnabled()
    assert start.buttons["welcome_new"].isVisible() and start.buttons["welcome_import"].isVisible()


def test_open_a_sample_copies_it_into_the_drafts(qtbot, window):
    start = window.start
    button = next(b for b in start.sample_buttons() if "伊洛" in b.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.report is not None and window.report.session.draft.organ == "伊洛街道办事处"
    window.close_report()
    assert start.list_stack.currentIndex() == 0 and start.model.rowCount() == 1


def test_new_report_dialog(qtbot, window, monkeypatch):
    def fill(dialog):
        form = dialog.form
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no organ yet
        type_text(qtbot, form.organ, "伊洛街道办事处")
        form.year.setFocus()
        form.year.selectAll()
        qtbot.keyClicks(form.year, "2019")
        assert form.edition_value() == "2019"  # defaulted from the year
        assert form.title.text() == "伊洛街道办事处2019年政府信息公开工作年度报告"
        form.edition.setCurrentIndex(form.edition.findData("2021"))
        form.edition.activated.emit(form.edition.currentIndex())
        assert form.edition_warning.isVisible() and "2019年试行格式" in form.edition_warning.text()
        form.edition.setCurrentIndex(form.edition.findData("2019"))
        form.edition.activated.emit(form.edition.currentIndex())
        assert not form.edition_warning.isVisible()
        type_text(qtbot, form.contact, "街道党政办，电话 0379-1234567")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    _drive_dialog(monkeypatch, window, qtbot, fill)
    qtbot.mouseClick(window.start.buttons["new"], Qt.MouseButton.LeftButton)
    report = window.report
    d = report.session.draft
    assert (d.organ, d.year, d.edition, d.contact) == ("伊洛街道办事处", 2019, "2019", "街道党政办，电话 0379-1234567")
    assert d.signature_date is None and d.title is None  # the date is left for the clerk (S-1 reminds)
    assert window.workspace.load(d.id).organ == "伊洛街道办事处"


def test_new_report_from_last_year_carries_over(qtbot, window, monkeypatch):
    report = open_sample(window, "qinghe-tongjiju-2025.json")
    last_id = report.session.draft.id
    window.close_report()

    def fill(dialog):
        assert dialog.form.year.value() == 2026 and dialog.form.organ.text() == "青禾县统计局"
        dialog.accept()
        return True

    _drive_dialog(monkeypatch, window, qtbot, fill)
    window.start.select_id(last_id)
    qtbot.mouseClick(window.start.buttons["from_previous"], Qt.MouseButton.LeftButton)
    d = window.report.session.draft
    assert d.year == 2026 and d.id != last_id
    assert d.value("t3.carried_in.total") == 1  # last year's 结转下年度
    assert window.report.session.previous is not None and window.report.session.previous.year == 2025
    assert "前言" in d.carried_texts
    assert not window.report.wizard.report_pages[1].carried.isHidden()  # "copied from last year, revise it"


def test_cancelled_new_from_last_year_saves_nothing(qtbot, window, monkeypatch):
    report = open_sample(window, "qinghe-tongjiju-2025.json")
    last_id = report.session.draft.id
    window.close_report()
    _drive_dialog(monkeypatch, window, qtbot, lambda dialog: False)
    window.actions_.new_from_previous(last_id)
    assert len(window.workspace.list_drafts()) == 1 and window.report is None


def test_duplicate_delete_and_restore_from_trash(qtbot, window, monkeypatch, answers):
    open_sample(window, "yiluo-2019.json")
    window.close_report()
    start = window.start
    qtbot.mouseClick(start.buttons["duplicate"], Qt.MouseButton.LeftButton)
    assert start.model.rowCount() == 2
    answers.push("删除")
    qtbot.mouseClick(start.buttons["delete"], Qt.MouseButton.LeftButton)
    assert start.model.rowCount() == 1 and len(window.workspace.list_trash()) == 1

    def restore(dialog):
        assert dialog.model.rowCount() == 1
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return True

    _drive_dialog(monkeypatch, window, qtbot, restore)
    qtbot.mouseClick(start.buttons["trash"], Qt.MouseButton.LeftButton)
    assert start.model.rowCount() == 2 and not window.workspace.list_trash()


def test_import_and_export_json(qtbot, window, answers, tmp_path):
    answers.push(str(SAMPLES / "qinghe-tongjiju-2025.json"))
    qtbot.mouseClick(window.start.buttons["import"], Qt.MouseButton.LeftButton)
    assert window.start.model.rowCount() == 1 and answers.requests[-1].title == "已导入"
    target = tmp_path / "导出.json"
    answers.push(str(target))
    qtbot.mouseClick(window.start.buttons["export"], Qt.MouseButton.LeftButton)
    exported = read_report_file(target)
    original = read_report_file(SAMPLES / "qinghe-tongjiju-2025.json")
    assert exported.values == original.values and exported.sections == original.sections
    assert json.loads(target.read_text("utf-8"))["organ"] == "青禾县统计局"


def test_import_of_a_bad_file_says_why(qtbot, window, answers, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "disclosure-desk.report/1", "edition": "2021", "year": "二〇二五"}', "utf-8")
    answers.push(str(bad))
    qtbot.mouseClick(window.start.buttons["import"], Qt.MouseButton.LeftButton)
    assert answers.requests[-1].kind == "error" and answers.requests[-1].title == "无法导入"
    assert window.start.model.rowCount() == 0


def test_geometry_and_last_open_draft_are_remembered(qtbot, app, answers):
    from disclosure_desk.ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.setWindowState(Qt.WindowState.WindowNoState)  # a first start on the small offscreen screen maximises
    first.setGeometry(20, 30, 711, 577)
    first.show()
    first.open_store()
    report = open_sample(first, "qinghe-tongjiju-2025.json")
    t3 = page(report, TablePage, "表三")
    report.go_to_page(report.wizard.page_id_for_key(t3.page_key))
    first.close()
    assert settings.value(settings.REPORT_OPEN) in ("true", True)

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (711, 577)
    second.open_store()
    assert second.report is not None and second.report.session.draft.organ == "青禾县统计局"
    assert second.report.wizard.current_page().page_key == t3.page_key
    second.close_report()
    second.close()
    third = MainWindow()
    qtbot.addWidget(third)
    third.open_store()
    assert third.report is None  # closed to the list last time: starts at the list
    third.close()


def test_importing_a_report_already_there_asks_to_replace_or_keep_both(qtbot, window, answers, tmp_path):
    changed = tmp_path / "改过.json"
    changed.write_text(
        (SAMPLES / "qinghe-tongjiju-2025.json")
        .read_text("utf-8")
        .replace('"preface": "本报告', '"preface": "改过的本报告'),
        "utf-8",
    )
    answers.push(str(SAMPLES / "qinghe-tongjiju-2025.json"))
    qtbot.mouseClick(window.start.buttons["import"], Qt.MouseButton.LeftButton)
    answers.push(str(changed), "取消")
    qtbot.mouseClick(window.start.buttons["import"], Qt.MouseButton.LeftButton)
    question = answers.requests[-1]
    assert question.kind == "question" and "已有“青禾县统计局”2025年度的报告" in question.text
    assert window.start.model.rowCount() == 1
    answers.push(str(changed), "覆盖原草稿")
    qtbot.mouseClick(window.start.buttons["import"], Qt.MouseButton.LeftButton)
    assert window.start.model.rowCount() == 1 and "覆盖草稿" in answers.requests[-1].text
    assert window.workspace.load(window.start.model.row_at(0).id).preface.startswith("改过的")
    answers.push(str(SAMPLES / "qinghe-tongjiju-2025.json"), "另存为新草稿")
    qtbot.mouseClick(window.start.buttons["import"], Qt.MouseButton.LeftButton)
    assert window.start.model.rowCount() == 2 and "没有被改动" in answers.requests[-1].text
