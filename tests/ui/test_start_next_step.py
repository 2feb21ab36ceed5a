"""The start window gives the draft list its content and makes the next step obvious."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from disclosure_desk.application.workspace import DraftRow
from disclosure_desk.domain.deadline import deadline_text, report_deadline
from disclosure_desk.ui.draft_list_model import COLUMNS
from disclosure_desk.ui.next_step import CONTINUE, FROM_PREVIOUS, next_step

from .conftest import open_sample

TODAY = dt.date(2026, 1, 10)


def _row(id_, year, status="草稿", errors=0, organ="青禾县统计局"):
    return DraftRow(id_, organ, year, "2021", status, f"{organ}{year}年报告", dt.datetime(2026, 1, 9, 15, 20), errors)


@pytest.mark.parametrize(
    "today,final,expected",
    [
        (dt.date(2026, 1, 10), False, "2026年1月31日前 · 还剩21天"),
        (dt.date(2026, 1, 31), False, "2026年1月31日前 · 今天截止"),
        (dt.date(2026, 2, 2), False, "2026年1月31日前 · 已超过2天"),
        (dt.date(2026, 2, 2), True, "2026年1月31日前 · 已定稿"),
    ],
)
def test_deadline_text(today, final, expected):
    assert report_deadline(2025) == dt.date(2026, 1, 31)
    assert deadline_text(2025, final, today) == expected


def test_no_drafts_no_step():
    assert next_step([], TODAY) is None


def test_a_draft_in_progress_is_the_next_step_with_errors_and_days_left():
    step = next_step([_row(2, 2025, errors=3), _row(1, 2024, status="定稿")], TODAY)
    assert step.kind == CONTINUE and step.draft_id == 2
    assert "还有3个错误" in step.text and "还剩21天" in step.text and step.button == "继续编写"


def test_once_everything_is_final_next_years_report_is_proposed():
    step = next_step([_row(1, 2025, status="定稿")], dt.date(2026, 11, 29))
    assert step.kind == FROM_PREVIOUS and step.draft_id == 1 and "2026年度" in step.button


def test_a_title_is_shown_as_text_not_markup():
    step = next_step([_row(1, 2025, organ="<b>机关</b>")], TODAY)
    assert "&lt;b&gt;机关&lt;/b&gt;" in step.text


def test_the_list_shows_state_errors_saved_and_deadline(qtbot, window):
    open_sample(window, "yiluo-2019.json")  # has errors (missing tables)
    window.close_report()
    open_sample(window, "qinghe-tongjiju-2025.json")  # clean
    window.close_report()
    qtbot.waitUntil(lambda: not window.actions_.error_counter.busy)  # counts follow the list
    start = window.start
    start.model.today = TODAY
    assert list(COLUMNS) == ["机关", "年度", "格式", "状态", "最后保存", "报送期限"]
    texts = {
        start.model.index(r, 0).data(): [start.model.index(r, c).data() for c in range(len(COLUMNS))]
        for r in range(start.model.rowCount())
    }
    seed, clean = texts["伊洛街道办事处"], texts["青禾县统计局"]
    assert seed[3].startswith("草稿 · 还有") and seed[3].endswith("个错误")
    assert clean[3] == "草稿 · 无错误"
    assert clean[5] == "2026年1月31日前 · 还剩21天" and seed[5] == "2020年1月31日前 · 已超过2171天"
    assert clean[4].startswith(str(dt.date.today().year))


def test_the_next_step_button_continues_the_last_report(qtbot, window):
    open_sample(window, "qinghe-tongjiju-2025.json")
    window.close_report()
    start = window.start
    assert start.list_stack.currentIndex() == 0 and start.next_button.isVisible()
    assert "继续编写" in start.next_label.text() and "青禾县统计局" in start.next_label.text()
    qtbot.mouseClick(start.next_button, Qt.MouseButton.LeftButton)
    assert window.report is not None and window.report.session.draft.organ == "青禾县统计局"


def test_after_final_the_next_step_is_next_years_report(qtbot, window, monkeypatch):
    report = open_sample(window, "qinghe-tongjiju-2025.json")
    report.mark_final()
    window.close_report()
    start = window.start
    assert start.next_button.text() == "新建2026年度报告…"
    seen = []
    monkeypatch.setattr(window.actions_, "run_dialog", lambda dialog: seen.append(dialog.form.year.value()) or False)
    qtbot.mouseClick(start.next_button, Qt.MouseButton.LeftButton)
    assert seen == [2026]
