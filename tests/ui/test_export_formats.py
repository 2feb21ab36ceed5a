"""Export page: PDF, Word and web page side by side in one click, on the worker thread, formats remembered."""

from __future__ import annotations

import threading

import docx
import pytest
from PySide6.QtCore import Qt

from disclosure_desk.ui import settings
from disclosure_desk.ui.wizard.export_page import ExportPage

from .helpers import page


@pytest.fixture
def writer_threads(monkeypatch):
    """Record the thread each Word file and web page is written on."""
    from disclosure_desk.formats import docx_format, html_format

    threads: dict[str, int] = {}
    for name, module in (("docx", docx_format), ("html", html_format)):
        real = module.write

        def recording(*args, _real=real, _name=name, **kwargs):
            threads[_name] = threading.get_ident()
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, "write", recording)
    return threads


def _open(report, path=None):
    export = page(report, ExportPage)
    report.go_to_page(report.wizard.page_id_for_key(export.page_key))
    if path is not None:
        export.path_edit.setText(str(path))
    return export


def _choose(export, *kinds):
    for kind, box in export.format_boxes.items():
        box.setChecked(kind in kinds)


def _click_export(qtbot, export):
    progress = []
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    assert export.worker is not None
    export.worker.progressed.connect(lambda percent, message: progress.append(percent))
    assert not export.export_button.isEnabled() and not export.format_boxes["docx"].isEnabled()
    qtbot.waitUntil(lambda: export.worker is None, timeout=60000)
    return progress


def test_all_three_side_by_side_in_one_click_off_the_ui_thread(qtbot, report_2021, tmp_path, writer_threads):
    export = _open(report_2021, tmp_path / "报告.pdf")
    assert all(box.isChecked() for box in export.format_boxes.values())  # the first time: all three
    assert export.files_label.text() == "将生成：报告.pdf、报告.docx、报告.html"
    progress = _click_export(qtbot, export)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.docx", "报告.html", "报告.pdf"]
    assert set(writer_threads) == {"docx", "html"} and threading.get_ident() not in writer_threads.values()
    assert progress and progress == sorted(progress) and progress[-1] == 100
    result = export.last_result
    assert result.files == [tmp_path / "报告.pdf", tmp_path / "报告.docx", tmp_path / "报告.html"]
    assert export.preview.page_count() == result.pages > 0 and export.print_button.isEnabled()
    assert "报告.pdf、报告.docx、报告.html" in export.progress_label.text() and "共" in export.progress_label.text()
    document = docx.Document(str(tmp_path / "报告.docx"))
    assert document.paragraphs[0].text.replace("\n", "") == report_2021.session.draft.display_title
    assert (tmp_path / "报告.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_choice_is_remembered_and_only_chosen_files_are_made(qtbot, report_2021, tmp_path):
    export = _open(report_2021, tmp_path / "报告")
    _choose(export, "docx")
    assert settings.value(settings.EXPORT_FORMATS) == "docx"
    assert ExportPage(report_2021.session).chosen_kinds() == ("docx",)
    _click_export(qtbot, export)
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]
    assert export.last_result.pdf is None and export.last_result.path == tmp_path / "报告.docx"
    assert export.preview.page_count() == 0 and not export.print_button.isEnabled()
    assert export.open_button.isEnabled() and export.folder_button.isEnabled()


def test_nothing_chosen_nothing_to_export(qtbot, report_2021):
    export = _open(report_2021)
    _choose(export)
    assert not export.export_button.isEnabled() and export.files_label.text() == "请至少选择一种格式。"
    _choose(export, "html")
    assert export.export_button.isEnabled() and export.files_label.text().endswith(".html")


def test_a_draft_gets_the_mark_in_every_format(qtbot, report_2019, tmp_path, answers):
    export = _open(report_2019, tmp_path / "draft.pdf")
    _click_export(qtbot, export)  # the default answer to "仍然导出（草稿）？": yes
    assert "导出的文件将带有“草稿”字样" in answers.requests[-1].text
    assert export.last_result.draft_mark and "带“草稿”字样" in export.progress_label.text()
    assert "草稿（未通过校验）" in (tmp_path / "draft.html").read_text(encoding="utf-8")
    header = docx.Document(str(tmp_path / "draft.docx")).sections[0].header
    assert [p.text for p in header.paragraphs] == ["草稿（未通过校验）"]


def test_a_file_that_cannot_be_written_is_named_with_those_that_were(qtbot, report_2021, tmp_path):
    (tmp_path / "报告.docx").mkdir()  # a folder where the Word file should go
    export = _open(report_2021, tmp_path / "报告.pdf")
    _click_export(qtbot, export)
    assert export.last_result is None
    text = export.notice.text()
    assert "没有导出" in text and "文件夹" in text and "已生成：报告.pdf" in text
    assert (tmp_path / "报告.pdf").exists() and not (tmp_path / "报告.html").exists()


def test_a_path_without_a_file_name_is_refused_while_typing_and_on_export(qtbot, report_2021, tmp_path):
    export = _open(report_2021)
    for partial in ("/", "."):
        export.path_edit.setText(partial)
        assert "请写上文件名" in export.files_label.text()
    export.start_export()
    assert export.worker is None and "没有导出" in export.notice.text() and "请写上文件名" in export.notice.text()
