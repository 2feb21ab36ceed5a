"""成文日期: typed as clerks write dates, cleared, picked from a calendar that opens in the right month;
the date reaches the store, the report JSON and the PDF's 落款."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from disclosure_desk.domain.dates import DateParseError, format_date, parse_date
from disclosure_desk.ui.wizard.basic_info_page import BasicInfoPage

from .helpers import page, type_text

JAN_20 = dt.date(2026, 1, 20)


@pytest.mark.parametrize(
    "typed",
    [
        "2026-01-20",
        "2026年1月20日",
        "2026.1.20",
        "20260120",
        "2026/1/20",
        "2026 1 20",
        "２０２６－０１－２０",
        "二〇二六年一月二十日",
    ],
)
def test_what_clerks_type_is_read_as_the_date(typed):
    assert parse_date(typed) == JAN_20


@pytest.mark.parametrize("typed", ["2026120", "2026-02-30", "2026年13月1日", "明年一月", "二〇二六年一二月三日"])
def test_what_is_not_a_date_is_refused_with_a_reason(typed):
    with pytest.raises(DateParseError) as e:
        parse_date(typed)
    assert "成文日期" in e.value.message and "2026-01-20" in e.value.message


def test_blank_is_no_date_and_dates_print_without_leading_zeros():
    assert parse_date("  ") is None
    assert format_date(dt.date(2026, 1, 5)) == "2026年1月5日"


def _basic_page(report):
    basic = page(report, BasicInfoPage)
    report.go_to_page(report.wizard.page_id_for_key(basic.page_key))
    return basic


def _type_date(qtbot, field, text):
    field.edit.setFocus()
    field.edit.selectAll()  # the first key typed replaces the old date
    type_text(qtbot, field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


@pytest.mark.parametrize("typed", ["2026-01-20", "2026年1月20日", "2026.1.20", "20260120"])
def test_a_typed_date_reaches_the_draft_store_json_and_pdf(qtbot, window, report_2021, typed, tmp_path):
    field = _basic_page(report_2021).form.date
    _type_date(qtbot, field, typed)
    assert report_2021.session.draft.signature_date == JAN_20
    assert field.edit.text() == "2026年1月20日"  # shown as it will be printed
    assert report_2021.flush()
    stored = report_2021.workspace.load(report_2021.session.draft.id)
    assert stored.signature_date == JAN_20
    from disclosure_desk.interchange import report_to_object

    assert report_to_object(stored)["signature"]["date"] == "2026-01-20"
    from disclosure_desk.pdf.export import render_pdf_bytes

    pdfplumber = pytest.importorskip("pdfplumber")
    out = tmp_path / "r.pdf"
    out.write_bytes(render_pdf_bytes(stored, invariant=True))
    with pdfplumber.open(out) as pdf:
        last = pdf.pages[-1].extract_text().replace(" ", "")
    assert "2026年1月20日" in last


def test_the_date_can_be_cleared(qtbot, window, report_2021):
    field = _basic_page(report_2021).form.date
    _type_date(qtbot, field, "2026-01-20")
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert report_2021.session.draft.signature_date is None
    assert any(f.section == "落款" and "成文日期" in f.message for f in report_2021.session.findings)


def test_a_wrong_date_is_named_kept_on_screen_and_not_stored(qtbot, window, report_2021):
    field = _basic_page(report_2021).form.date
    _type_date(qtbot, field, "2026-01-20")
    _type_date(qtbot, field, "2026-02-30")
    assert field.hint.isVisible() and "不存在" in field.hint.text()
    assert field.edit.text() == "2026-02-30"  # the clerk's text stays to be corrected
    assert report_2021.session.draft.signature_date == JAN_20
    _type_date(qtbot, field, "2026-01-21")
    assert not field.hint.isVisible()
    assert report_2021.session.draft.signature_date == dt.date(2026, 1, 21)


def test_the_calendar_opens_in_january_after_the_report_year(qtbot, window, report_2021):
    form = _basic_page(report_2021).form
    form.date.set_date(None)
    menu = form.date.button.menu()
    menu.aboutToShow.emit()
    year = report_2021.session.draft.year
    assert (form.date.calendar.yearShown(), form.date.calendar.monthShown()) == (year + 1, 1)


def test_a_date_picked_in_the_calendar_is_stored(qtbot, window, report_2021):
    from PySide6.QtCore import QDate

    form = _basic_page(report_2021).form
    form.date.button.menu().aboutToShow.emit()
    form.date.calendar.clicked.emit(QDate(2026, 1, 16))
    assert report_2021.session.draft.signature_date == dt.date(2026, 1, 16)
    assert form.date.edit.text() == "2026年1月16日"


def test_the_new_report_dialog_takes_a_typed_date(qtbot, app):
    from disclosure_desk.ui.new_report_dialog import NewReportDialog

    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.form.organ, "某街道办事处")
    _type_date(qtbot, dialog.form.date, "20260120")
    assert dialog.draft().signature_date == JAN_20
