"""The whole job through the real widgets: the seed report (伊洛街道办事处 2019) from an empty store to a
printed PDF, a wrong cell painted and listed and fixed, the window closed, the store reopened."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from disclosure_desk.ui.editors.table_model import SEVERITY_ROLE
from disclosure_desk.ui.wizard.export_page import ExportPage
from disclosure_desk.ui.wizard.narrative_page import PartsPage, TextPage
from disclosure_desk.ui.wizard.review_page import ReviewPage
from disclosure_desk.ui.wizard.table_page import TablePage

from .conftest import SAMPLES
from .helpers import click_cell, paste, type_into_table, type_text

pypdf = pytest.importorskip("pypdf")

SEED = json.loads((SAMPLES / "yiluo-2019.json").read_text("utf-8"))
OVERVIEW = SEED["sections"]["一、总体情况"].split("\n")
HEADINGS = [
    "（一）政府信息主动公开情况。",
    "（二）政府信息资源的规范化、标准化管理情况。",
    "（三）政府信息公开平台建设情况。",
]
# 表三 as the clerk keeps it in a spreadsheet: 23 rows × (自然人 … 其他, 总计)
T3_ROWS = {
    "new": (4, 1),
    "carried_in": (1, 0),
    "disclosed": (2, 0),
    "partial": (1, 0),
    "unavailable.not_held": (1, 1),
    "carried_out": (1, 0),
}


def _t3_block(table, wrong_new_natural=None) -> str:
    lines = []
    for row in table.row_keys:
        natural, business = T3_ROWS.get(row, (0, 0))
        if row == "total":
            natural, business = 4, 1
        if row == "new" and wrong_new_natural is not None:
            natural = wrong_new_natural
        lines.append("\t".join(map(str, (natural, business, 0, 0, 0, 0, natural + business))))
    return "\r\n".join(lines) + "\r\n"


def _next(qtbot, wizard):
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def _new_report(qtbot, window, monkeypatch):
    def fill(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        form = dialog.form
        type_text(qtbot, form.organ, SEED["organ"])
        form.year.setFocus()
        form.year.selectAll()
        qtbot.keyClicks(form.year, "2019")
        type_text(qtbot, form.date.edit, "2020年1月20日")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(window.actions_, "run_dialog", fill)
    qtbot.mouseClick(window.start.buttons["new"], Qt.MouseButton.LeftButton)
    return window.report


def _fill_overview(qtbot, parts: PartsPage, answers):
    for i, heading in enumerate(HEADINGS):
        editor = parts.editors[i]
        editor.heading.selectAll()
        type_text(qtbot, editor.heading, heading)
        body = OVERVIEW[i].removeprefix(heading)
        if i == 0:
            type_text(qtbot, editor.body, body, chunk=8)  # typed, phrase by phrase, as with an IME
        else:
            editor.body.setFocus()
            paste(qtbot, editor.body, body)  # pasted from the Word draft
    for _ in range(2):  # empty parts go without a question
        qtbot.mouseClick(parts.editors[-1].remove_button, Qt.MouseButton.LeftButton)
    assert [e.heading.text() for e in parts.editors] == HEADINGS


def test_fill_the_seed_report_through_the_wizard(qtbot, window, monkeypatch, answers, tmp_path):
    report = _new_report(qtbot, window, monkeypatch)
    wizard, session = report.wizard, report.session
    assert wizard.current_id() == 0 and session.draft.edition == "2019"
    assert report.page_status_of("前言") == "empty"
    _next(qtbot, wizard)

    # 前言: typed
    preface = wizard.current_page()
    assert isinstance(preface, TextPage)
    type_text(qtbot, preface.editor, SEED["preface"], chunk=6)
    _next(qtbot, wizard)

    # 一、总体情况: parts renamed to the seed's headings, two typed or pasted, two removed
    parts = wizard.current_page()
    assert isinstance(parts, PartsPage)
    _fill_overview(qtbot, parts, answers)
    _next(qtbot, wizard)

    # 表二: typed with Tab, the rest of the blank cells set to 0
    t2 = wizard.current_page()
    assert isinstance(t2, TablePage) and t2.table.key == "表二"
    type_into_table(qtbot, t2.view, t2.model.index_of("t2.a1.rules.made"), [0] * 6)
    qtbot.mouseClick(t2.blanks_button, Qt.MouseButton.LeftButton)
    _next(qtbot, wizard)

    # 表三: a block pasted from the spreadsheet, with one wrong figure
    t3 = wizard.current_page()
    assert t3.table.key == "表三"
    click_cell(qtbot, t3.view, t3.model.index_of("t3.new.natural"))
    paste(qtbot, t3.view, _t3_block(t3.table, wrong_new_natural=5))
    wrong = t3.model.index_of("t3.new.natural")
    assert wrong.data(SEVERITY_ROLE) == "error"  # painted …
    assert wrong.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f6c6c6"
    listed = [report.findings.list.item(i).text() for i in range(report.findings.list.count())]
    assert any("自然人列" in t and "相差1" in t for t in listed)  # … and listed
    assert report.page_status_of(t3.page_key) == "errors"
    type_into_table(qtbot, t3.view, wrong, [4])  # fixed
    assert wrong.data(SEVERITY_ROLE) is None and report.findings.list.count() == 0
    _next(qtbot, wizard)

    # 表四: nothing happened this year
    t4 = wizard.current_page()
    qtbot.mouseClick(t4.zero_button, Qt.MouseButton.LeftButton)
    _next(qtbot, wizard)

    # 五 pasted, 六 typed
    five = wizard.current_page()
    five.editor.setFocus()
    paste(qtbot, five.editor, SEED["sections"]["五、存在的主要问题及改进情况"])
    _next(qtbot, wizard)
    six = wizard.current_page()
    type_text(qtbot, six.editor, SEED["sections"]["六、其他需要报告的事项"])
    _next(qtbot, wizard)

    # review: no errors left; the theme warning is accepted with a reason
    review = wizard.current_page()
    assert isinstance(review, ReviewPage)
    assert session.error_count == 0, [f.message for f in session.findings if f.is_error]
    warnings = [f for f in session.findings if f.accepted_reason is None]
    reason = "依申请公开和监督保障情况本年度并入（二）（三）中一并说明"
    for f in warnings:
        review.select_finding(f)
        assert review.current_finding().rule == f.rule
        answers.push(reason)
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    assert [f.accepted_reason for f in session.findings] == [reason] * len(warnings), [
        (f.rule, f.message) for f in session.findings
    ]
    statuses = {p.side_label: report.page_status_of(p.page_key) for p in wizard.report_pages[:-1]}
    assert set(statuses.values()) == {"done"}, statuses
    _next(qtbot, wizard)

    # export, preview, mark 定稿
    export = wizard.current_page()
    assert isinstance(export, ExportPage)
    pdf_path = tmp_path / "伊洛街道办事处2019年报告.pdf"
    export.path_edit.selectAll()
    type_text(qtbot, export.path_edit, str(pdf_path))
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.worker is None, timeout=30000)
    assert export.last_result is not None and export.last_result.path == pdf_path
    assert not export.last_result.draft_mark
    assert export.preview.page_count() == export.last_result.pages >= 3
    qtbot.mouseClick(export.final_button, Qt.MouseButton.LeftButton)
    assert session.read_only and report.final_banner.isVisible()

    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(pdf_path)).pages)
    flat = "".join(text.split())
    assert "伊洛街道办事处" in flat and "2019年政府信息公开工作年度报告" in flat
    assert "政府信息主动公开情况" in flat and "抓好队伍、健全机制" in flat
    assert "草稿" not in flat and reason not in flat  # accepted reasons are printed nowhere

    # close the window; open the store again: every value is there
    draft_id = session.draft.id
    expected = session.draft
    store_path = report.workspace.path
    window.close()
    from disclosure_desk.application.workspace import open_workspace

    g = open_workspace(store_path)
    try:
        stored = g.load(draft_id)
    finally:
        g.close()
    assert (stored.organ, stored.year, stored.edition, stored.status) == ("伊洛街道办事处", 2019, "2019", "定稿")
    assert stored.signature_date == dt.date(2020, 1, 20) and stored.signature_organ == "伊洛街道办事处"
    assert stored.preface == SEED["preface"]
    assert [p.heading for p in stored.section_parts("一、总体情况")] == HEADINGS
    assert [p.text for p in stored.section_parts("一、总体情况")] == [
        line.removeprefix(h) for line, h in zip(OVERVIEW, HEADINGS, strict=False)
    ]
    assert stored.section_text("五、存在的主要问题及改进情况") == SEED["sections"]["五、存在的主要问题及改进情况"]
    assert stored.section_text("六、其他需要报告的事项") == SEED["sections"]["六、其他需要报告的事项"]
    assert stored.values == expected.values
    assert stored.value("t3.new.natural") == 4 and stored.value("t3.total.total") == 5
    assert all(stored.value(c.id) is not None for c in stored.spec.all_cells)
    assert stored.accepted == expected.accepted and set(stored.accepted.values()) == {reason}
