"""Export page: PDF off the UI thread with progress, the 草稿 mark, preview, print, 定稿 and reopening."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from disclosure_desk.ui.wizard.export_page import ExportPage

from .helpers import page

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(autouse=True)
def export_threads(monkeypatch):
    """Record the thread each PDF is built on."""
    from disclosure_desk.pdf import export as pdf_export

    threads = []
    real = pdf_export.export_pdf

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf_export, "export_pdf", recording)
    return threads


def _export(qtbot, report, path):
    export = page(report, ExportPage)
    report.go_to_page(report.wizard.page_id_for_key(export.page_key))
    export.path_edit.setText(str(path))
    progress = []

    def on_progress(percent, message):
        progress.append((percent, message))

    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    if export.worker is not None:
        export.worker.progressed.connect(on_progress)
        assert not export.export_button.isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: export.worker is None, timeout=30000)
    return export, progress


def test_export_runs_off_the_ui_thread_with_progress_and_previews(qtbot, report_2021, tmp_path, export_threads):
    export, progress = _export(qtbot, report_2021, tmp_path / "out.pdf")
    assert export_threads and threading.get_ident() not in export_threads
    assert export.last_result is not None and not export.last_result.draft_mark
    assert progress and progress[-1][0] == 100
    assert export.preview.page_count() == export.last_result.pages
    assert "共" in export.progress_label.text()
    assert report_2021.page_status_of("export") == "done"


def test_report_with_errors_warns_and_gets_the_draft_mark(qtbot, report_2019, tmp_path, answers):
    answers.push("取消")
    export, _ = _export(qtbot, report_2019, tmp_path / "cancelled.pdf")
    assert answers.requests[-1].title == "报告还有错误" and not (tmp_path / "cancelled.pdf").exists()
    export, _ = _export(qtbot, report_2019, tmp_path / "draft.pdf")  # the default answer: 仍然导出（草稿）
    assert export.last_result.draft_mark
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "draft.pdf")).pages)
    assert "草稿" in text
    assert not export.final_button.isEnabled()  # errors: no 定稿


def test_a_failed_export_is_reported(qtbot, report_2021, tmp_path):
    export, _ = _export(qtbot, report_2021, tmp_path / "no-such-folder" / "out.pdf")
    assert export.last_result is None
    assert export.notice.isVisible() and "没有导出" in export.notice.text() and "不存在" in export.notice.text()


def test_print_through_the_print_dialog_to_a_pdf_file(qtbot, report_2021, tmp_path, answers):
    from PySide6.QtPrintSupport import QPrinter

    export, _ = _export(qtbot, report_2021, tmp_path / "out.pdf")
    printed = tmp_path / "printed.pdf"

    def print_to_pdf(request):  # what the clerk picks in the print dialog: "print to PDF"
        assert request.kind == "printer" and request.extra["pages"] == export.preview.page_count()
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setFullPage(True)
        return printer

    answers.push(print_to_pdf)
    qtbot.mouseClick(export.print_button, Qt.MouseButton.LeftButton)
    assert len(pypdf.PdfReader(str(printed)).pages) == export.preview.page_count()


def test_mark_final_then_reopen_with_a_reason(qtbot, report_2021, tmp_path, answers):
    export, _ = _export(qtbot, report_2021, tmp_path / "out.pdf")
    qtbot.mouseClick(export.final_button, Qt.MouseButton.LeftButton)
    session = report_2021.session
    assert session.read_only and report_2021.workspace.load(session.draft.id).status == "定稿"
    t4 = next(p for p in report_2021.wizard.report_pages if getattr(p, "table", None) and p.table.key == "表四")
    assert not t4.model.is_editable(t4.model.index_of("t4.review.upheld"))
    answers.push("上级要求补充数据")
    qtbot.mouseClick(export.reopen_button, Qt.MouseButton.LeftButton)
    assert not session.read_only and report_2021.workspace.load(session.draft.id).status == "草稿"
    assert t4.model.is_editable(t4.model.index_of("t4.review.upheld"))


def test_closing_during_an_export_waits_for_it(qtbot, window, report_2021, tmp_path):
    export = page(report_2021, ExportPage)
    report_2021.go_to_page(report_2021.wizard.page_id_for_key(export.page_key))
    export.path_edit.setText(str(tmp_path / "closing.pdf"))
    export.start_export()
    assert export.worker is not None and export.worker.isRunning()
    assert window.close_report()
    assert (tmp_path / "closing.pdf").exists()


def test_undo_history_is_dropped_when_the_report_is_final(qtbot, report_2021, tmp_path):
    from disclosure_desk.ui.wizard.table_page import TablePage

    t4 = page(report_2021, TablePage, "表四")
    t4.model.setData(t4.model.index_of("t4.review.corrected"), "0")
    t4.model.setData(t4.model.index_of("t4.direct.upheld"), "2")
    t4.model.setData(t4.model.index_of("t4.direct.upheld"), "0")
    assert t4.undo_stack.canUndo()
    export, _ = _export(qtbot, report_2021, tmp_path / "out.pdf")
    qtbot.mouseClick(export.final_button, Qt.MouseButton.LeftButton)
    assert not t4.undo_stack.canUndo() and not t4.undo_button.isEnabled()


def test_gc_is_paused_only_while_exporting(qtbot, report_2021, tmp_path, window):
    import gc

    # an export still finishing from an earlier test resumes the GC through a queued signal
    qtbot.waitUntil(gc.isenabled, timeout=30000)
    export = page(report_2021, ExportPage)
    export.path_edit.setText(str(tmp_path / "gc.pdf"))
    export.start_export()
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: export.worker is None, timeout=30000)
    assert gc.isenabled()
    export.start_export()
    window.close_report()  # waits for the export; the page is deleted before "finished" arrives
    assert gc.isenabled()


@pytest.fixture
def bare_home(tmp_path, monkeypatch):
    """A fresh account: no Documents and no Desktop folder (XDG dirs point into the new home)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def test_first_export_works_without_a_documents_folder(qtbot, report_2021, bare_home):
    export = page(report_2021, ExportPage)
    assert export.default_path().parent == bare_home
    export.path_edit.setText("")  # the clerk keeps the suggested place
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.worker is None, timeout=30000)
    assert export.last_result is not None and export.last_result.path.parent == bare_home


def test_the_desktop_is_used_before_home_and_the_last_folder_is_remembered(qtbot, report_2021, bare_home, tmp_path):
    (bare_home / "Desktop").mkdir()
    export = page(report_2021, ExportPage)
    assert export.default_path().parent == bare_home / "Desktop"
    chosen = tmp_path / "公开办"
    chosen.mkdir()
    _export(qtbot, report_2021, chosen / "报告.pdf")
    assert export.default_path().parent == chosen
    for f in chosen.iterdir():
        f.unlink()
    chosen.rmdir()  # a remembered folder that is gone is skipped
    assert export.default_path().parent == bare_home / "Desktop"
