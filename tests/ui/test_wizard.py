"""The wizard: pages from the spec, Chinese Qt buttons, the side list, status marks, text pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from disclosure_desk.domain import Draft
from disclosure_desk.ui.session import ReportSession
from disclosure_desk.ui.wizard.basic_info_page import BasicInfoPage
from disclosure_desk.ui.wizard.narrative_page import PartsPage, TextPage
from disclosure_desk.ui.wizard.report_wizard import ReportWizard
from disclosure_desk.ui.wizard.table_page import TablePage

from .helpers import page, type_text

SIDE_LABELS = [
    "基本信息",
    "前言",
    "一、总体情况",
    "二、表二",
    "三、表三",
    "四、表四",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "检查全文",
    "导出和打印",
]


@pytest.mark.parametrize("edition,year", [("2019", 2019), ("2021", 2025)])
def test_pages_are_generated_from_the_spec(qtbot, app, edition, year):
    wizard = ReportWizard(ReportSession(Draft.new("某机关", year, edition)))
    qtbot.addWidget(wizard)
    assert [p.side_label for p in wizard.report_pages] == SIDE_LABELS
    tables = [p.table.key for p in wizard.report_pages if isinstance(p, TablePage)]
    assert tables == ["表二", "表三", "表四"]
    parts = page_of(wizard, PartsPage)
    assert [e.heading.text() for e in parts.editors] == [
        "（一）主动公开",
        "（二）依申请公开",
        "（三）政府信息管理",
        "（四）政府信息公开平台建设",
        "（五）监督保障",
    ]
    assert all(e.guidance.text().startswith("应写明：") for e in parts.editors)


def page_of(wizard, cls):
    return next(p for p in wizard.report_pages if isinstance(p, cls))


def test_the_wizard_buttons_are_in_chinese_and_follow_the_page(report_2021):
    wizard = report_2021.wizard
    assert wizard.next_button.text().startswith("下一步") and not wizard.back_button.isVisible()
    report_2021.go_to_page(1)
    assert wizard.back_button.isVisible() and "上一步" in wizard.back_button.text()
    assert wizard.title.text() == "前言"
    report_2021.go_to_page(len(wizard.report_pages) - 1)
    finish = wizard.finish_button
    assert finish.isVisible() and finish.text().startswith("完成")
    assert not wizard.next_button.isVisible()


def test_side_list_jumps_anywhere_and_next_back_keep_working(qtbot, report_2021):
    wizard, pages = report_2021.wizard, report_2021.pages
    rect = pages.visualItemRect(pages.item(5))
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.current_id() == 5
    rect = pages.visualItemRect(pages.item(2))
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.current_id() == 2
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current_id() == 3 and pages.currentRow() == 3
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.current_id() == 2
    for i in range(3, len(wizard.report_pages)):
        wizard.next()
        assert wizard.current_id() == i


def test_escape_does_not_throw_the_clerk_out(qtbot, report_2021):
    report_2021.go_to_page(1)
    qtbot.keyClick(report_2021.wizard, Qt.Key.Key_Escape)
    assert report_2021.wizard.isVisible() and report_2021.wizard.current_id() == 1


def test_finish_goes_back_to_the_list(qtbot, window, report_2021):
    wizard = report_2021.wizard
    report_2021.go_to_page(len(wizard.report_pages) - 1)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    assert window.report is None and window.stack.currentWidget() is window.start


def test_status_marks_follow_the_draft(qtbot, window, answers):
    from disclosure_desk.ui.store_actions import StoreActions

    window.workspace.save(Draft.new("测试局", 2025))
    window.actions_.refresh_list()
    report = window.open_draft(window.start.model.row_at(0).id)
    assert report.page_status_of("前言") == "empty"
    assert report.page_status_of("基本信息") in ("in_progress", "done")
    t4 = page(report, TablePage, "表四")
    t4.model.setData(t4.model.index_of("t4.review.upheld"), "1")
    assert report.page_status_of(t4.page_key) == "in_progress"  # blanks left
    t4.fill_blanks_zero()
    assert report.page_status_of(t4.page_key) == "done"
    t3 = page(report, TablePage, "表三")
    t3.model.setData(t3.model.index_of("t3.new.natural"), "2")
    assert report.page_status_of(t3.page_key) == "errors"
    assert StoreActions  # imported for the window fixture's actions


def test_text_pages_write_every_keystroke_into_the_draft(qtbot, report_2021):
    preface = page(report_2021, TextPage, "前言")
    report_2021.go_to_page(1)
    preface.editor.clear()
    type_text(qtbot, preface.editor, "本报告根据条例编制。\n统计期限为2025年。")
    assert report_2021.session.draft.preface == "本报告根据条例编制。\n统计期限为2025年。"


def test_overview_parts_can_be_renamed_added_and_removed(qtbot, window, answers):
    window.workspace.save(Draft.new("测试局", 2025))
    window.actions_.refresh_list()
    report = window.open_draft(window.start.model.row_at(0).id)
    parts = page(report, PartsPage)
    report.go_to_page(report.wizard.page_id_for_key(parts.page_key))
    first = parts.editors[0]
    first.heading.selectAll()
    type_text(qtbot, first.heading, "（一）政府信息主动公开情况")
    type_text(qtbot, first.body, "本年度主动公开政府信息145条。")
    qtbot.mouseClick(parts.add_button, Qt.MouseButton.LeftButton)
    assert parts.editors[-1].heading.text() == "（六）"
    type_text(qtbot, parts.editors[-1].heading, "其他工作")
    type_text(qtbot, parts.editors[-1].body, "做好人大建议和政协提案办理结果公开。")
    stored = report.session.draft.sections["一、总体情况"]
    assert stored[0].heading == "（一）政府信息主动公开情况" and stored[-1].heading == "（六）其他工作"
    text = report.session.draft.section_text("一、总体情况")
    assert "（二）依申请公开" not in text  # a heading without text is not content
    s2 = [f for f in report.session.findings if f.rule == "S-2"]
    assert s2 and "依申请公开" in s2[0].message
    answers.push("删除")
    qtbot.mouseClick(parts.editors[-1].remove_button, Qt.MouseButton.LeftButton)
    assert len(parts.editors) == 5 and answers.requests[-1].kind == "question"
    assert "其他工作" not in report.session.draft.section_text("一、总体情况")


def test_basic_info_page_forms_the_title_until_the_clerk_edits_it(qtbot, window, answers):
    window.workspace.save(Draft.new("测试局", 2025))
    window.actions_.refresh_list()
    report = window.open_draft(window.start.model.row_at(0).id)
    basic = page(report, BasicInfoPage)
    form = basic.form
    form.organ.selectAll()
    type_text(qtbot, form.organ, "青禾县审计局")
    d = report.session.draft
    assert d.organ == "青禾县审计局" and d.title is None
    assert form.title.text() == "青禾县审计局2025年政府信息公开工作年度报告"
    assert d.signature_organ == "青禾县审计局"
    form.title.selectAll()
    type_text(qtbot, form.title, "青禾县审计局2025年度政府信息公开工作报告")
    assert d.title == "青禾县审计局2025年度政府信息公开工作报告"
    assert not form.edition.isEnabled()


def test_jumping_back_and_forth_never_loses_the_way(qtbot, report_2021):
    """Jumps in any order, then Next/Back from there: the wizard keeps no history to get wrong."""
    wizard, pages = report_2021.wizard, report_2021.pages
    for target in (7, 1, 9, 0, 4, 4, 8, 2):
        report_2021.go_to_page(target)
        assert wizard.current_id() == target and pages.currentRow() == target
        assert wizard.title.text() == wizard.report_pages[target].title()
        if target < len(wizard.report_pages) - 1:
            qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
            assert wizard.current_id() == target + 1
            qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
            assert wizard.current_id() == target
