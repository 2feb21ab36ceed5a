"""Importing a published report from the start window: review first; OK creates, Cancel creates nothing;
"use as last year's report" saves last year's draft and carries the new one over from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from disclosure_desk.application.importing import preview_import
from disclosure_desk.ui.import_review_dialog import COLUMNS, ImportReviewDialog
from tests.formats.conftest import PUBLISHED

VARIANTS = PUBLISHED / "d21-variants.docx"


def _drive(monkeypatch, window, qtbot, press):
    """Replace the modal exec() of the next dialogs by showing them and pressing ``press(dialog)``."""
    seen = []

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog)
        return press(dialog)

    monkeypatch.setattr(window.actions_, "run_dialog", run)
    return seen


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_dialog_shows_the_printed_text_beside_every_uncertain_cell(qtbot):
    preview = preview_import(VARIANTS)
    dialog = ImportReviewDialog(preview)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())] == list(COLUMNS)
    rows = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())
    }
    assert rows["表二/第二十条第（八）项/行政事业性收费/本年收费金额（单位：万元）"] == ("251000元", "25.1")
    assert rows["表三/（三）不予公开/4.保护第三方合法权益/自然人"][0] == "0"  # its row label was a misprint
    assert rows["表二/第二十条第（一）项/规章/本年制发件数"] == ("/", "（空）")
    assert len(rows) == len(preview.recognition.uncertain_cells())
    assert "“4.保护第三方合法权意” → “4.保护第三方合法权益”" in dialog.summary.toPlainText()
    blanks_before = table.rowCount()
    dialog.show_blanks.setChecked(True)
    assert table.rowCount() >= blanks_before


def test_ok_creates_the_draft_and_opens_it(qtbot, window, answers, monkeypatch):
    answers.push(str(VARIANTS))
    seen = _drive(monkeypatch, window, qtbot, lambda d: (_click(qtbot, d.create_button), d.result())[1])
    _click(qtbot, window.start.buttons["import_published"])
    assert isinstance(seen[0], ImportReviewDialog)
    draft = window.report.session.draft
    assert (draft.organ, draft.year, draft.values["t3.new.total"]) == ("临川区青云街道办事处", 2023, 5)
    stored = window.workspace.load(draft.id)
    assert stored.import_report["source"] == "d21-variants.docx"
    assert "251000元" in stored.value_origins["t2.a8.fees.amount"]


def test_cancel_creates_nothing(qtbot, window, answers, monkeypatch):
    answers.push(str(VARIANTS))

    def cancel(dialog):
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        return dialog.result()

    _drive(monkeypatch, window, qtbot, cancel)
    _click(qtbot, window.start.buttons["import_published"])
    assert window.report is None and window.workspace.list_drafts() == []


def test_a_file_that_is_no_report_says_why_and_creates_nothing(qtbot, window, answers):
    answers.push(str(PUBLISHED / "bad-scanned.pdf"))
    _click(qtbot, window.start.buttons["import_published"])
    assert "没有文字层" in answers.texts() and window.workspace.list_drafts() == []


def test_use_as_last_years_report_then_carry_over(qtbot, window, answers, monkeypatch):
    answers.push(str(PUBLISHED / "p21-official.pdf"))

    def press(dialog):
        if isinstance(dialog, ImportReviewDialog):
            _click(qtbot, dialog.previous_button)
        else:  # the new-report dialog, prefilled from last year's
            assert dialog.form.organ.text() == "临川区青云街道办事处" and dialog.form.year.value() == 2024
            _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        return dialog.result()

    seen = _drive(monkeypatch, window, qtbot, press)
    _click(qtbot, window.start.buttons["import_published"])
    assert len(seen) == 2
    new = window.report.session.draft
    assert (new.year, new.organ) == (2024, "临川区青云街道办事处")
    assert new.values["t3.carried_in.natural"] == 1  # last year's 结转下年度, read from the PDF
    assert new.carried_texts  # C-1 compares with last year's text
    years = sorted(row.year for row in window.workspace.list_drafts())
    assert years == [2023, 2024]
    previous = window.workspace.previous_report(new)
    assert previous is not None and previous.import_report["format"] == "pdf"
