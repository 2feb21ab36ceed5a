"""审核台 in the app: the board model, sorting and filtering, the scan off the UI thread, the watched
folder, the read-only report, charts and exports, and the way in from the start window."""

from __future__ import annotations

import copy
import shutil
import threading

import pytest
from PySide6.QtCore import Qt

from disclosure_desk.application.review import FolderScanner, Status
from disclosure_desk.formats import read_report, write_report
from disclosure_desk.ui import style
from disclosure_desk.ui.review.board_model import ERRORS_COLUMN, BoardFilter, BoardModel
from disclosure_desk.ui.review.review_window import ReviewWindow
from disclosure_desk.ui.wizard.table_page import TablePage
from tests.review.conftest import batch, review  # noqa: F401 - the generated batch and its review

SCAN_TIMEOUT_MS = 180_000  # only so a broken scan cannot hang the suite; nothing is timed by it


@pytest.fixture
def folders(batch, tmp_path):  # noqa: F811
    """A copy of the batch the test may change (files keep their times)."""
    shutil.copytree(batch.folder, tmp_path / "本年")
    shutil.copytree(batch.previous_folder, tmp_path / "上年")
    return tmp_path / "本年", tmp_path / "上年", batch.expected_file


@pytest.fixture
def desk(qtbot, app, answers):
    w = ReviewWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def _scan(qtbot, desk, folders):
    with qtbot.waitSignal(desk.review_changed, timeout=SCAN_TIMEOUT_MS):
        desk.sources.set_paths(*folders)
    return desk.review


def test_the_board_model_is_a_correct_qt_model(qtmodeltester, review):  # noqa: F811
    model = BoardModel()
    model.set_review(review)
    qtmodeltester.check(model)
    assert model.rowCount() == len(review.organs)


def test_filters_and_search_keep_the_rows_asked_for(review, batch):  # noqa: F811
    model = BoardModel()
    model.set_review(review)
    proxy = BoardFilter()
    proxy.setSourceModel(model)
    proxy.set_filter("有错误")
    assert proxy.rowCount() == len(batch.with_errors)
    proxy.set_filter("需要处理（错误、无法读取、未报送）")
    assert proxy.rowCount() == len(batch.with_errors) + len(batch.unreadable) + len(batch.missing)
    proxy.set_filter("内容与上年雷同")
    assert proxy.rowCount() == len(batch.copied)
    proxy.set_filter("全部")
    proxy.setFilterFixedString("城关")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "青禾县城关镇"


def test_sorting_by_errors_puts_numbers_in_number_order(review):  # noqa: F811
    model = BoardModel()
    model.set_review(review)
    proxy = BoardFilter()
    proxy.setSourceModel(model)
    proxy.sort(ERRORS_COLUMN, Qt.SortOrder.DescendingOrder)
    shown = [proxy.index(r, ERRORS_COLUMN).data() for r in range(proxy.rowCount())]
    numbers = [int(s) for s in shown if s]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] == max(o.errors for o in review.organs)
    assert shown[-1] == ""  # organs without a report last


def test_the_scan_runs_off_the_ui_thread_and_reports_progress(qtbot, desk, folders):
    seen = []
    with qtbot.waitSignal(desk.review_changed, timeout=SCAN_TIMEOUT_MS):
        desk.sources.set_paths(*folders)
        worker = desk.worker
        worker.progressed.connect(lambda percent, message: seen.append(percent))
    assert worker.thread_id is not None and worker.thread_id != threading.get_ident()
    assert seen and seen == sorted(seen) and seen[-1] == 100
    assert desk.model.rowCount() == 61
    assert desk.status.text().startswith("共 61 个机关")


def test_the_board_answers_while_a_file_is_being_read(qtbot, desk, folders):
    """The reader blocks until the test lets it go; meanwhile the UI thread handles the worker's signals."""
    release = threading.Event()

    def slow_reader(path):
        release.wait(SCAN_TIMEOUT_MS / 1000)
        return read_report(path)

    desk._scanners[str(folders[0].resolve())] = FolderScanner(reader=slow_reader)
    with qtbot.waitSignal(desk.review_changed, timeout=SCAN_TIMEOUT_MS):
        desk.sources.set_paths(folders[0])
        with qtbot.waitSignal(desk.worker.progressed, timeout=SCAN_TIMEOUT_MS):
            pass  # delivered by the UI thread's event loop while the worker waits in the reader
        assert desk.worker.isRunning() and not release.is_set()
        desk.filter_choice.setCurrentText("有错误")  # the window still works
        release.set()
    assert desk.review is not None


def test_a_report_dropped_into_the_folder_appears_on_the_board(qtbot, desk, folders, batch):  # noqa: F811
    review = _scan(qtbot, desk, folders)  # noqa: F811
    organ = batch.missing[0]
    assert review.organ(organ).status is Status.MISSING
    scanner = desk._scanners[str(folders[0].resolve())]
    read_before = scanner.files_read
    draft = copy.deepcopy(batch.drafts["青禾县统计局"])
    draft.organ = draft.signature_organ = organ
    with qtbot.waitSignal(desk.model.modelReset, timeout=SCAN_TIMEOUT_MS):
        write_report(draft, folders[0] / f"{organ}.json")
    dropped = desk.review.organ(organ)
    assert dropped.received.path.name == f"{organ}.json" and dropped.status is not Status.MISSING
    assert scanner.files_read == read_before + 1  # only the new file was read
    assert desk.model.rowCount() == 61


def test_a_report_opens_read_only_with_its_findings_painted(qtbot, desk, review):  # noqa: F811
    desk.set_review(review)
    organ = review.organ("青禾县城关镇")
    viewer = desk.open_organ(organ)
    qtbot.addWidget(viewer)
    assert viewer.session.read_only
    assert [f.rule for f in viewer.session.findings] == [f.rule for f in organ.findings]
    assert viewer.findings.list.count() == len(organ.findings)
    t3 = next(p for p in viewer.wizard.report_pages if isinstance(p, TablePage) and p.table.key == "表三")
    wrong = t3.model.index_of("t3.new.natural")
    assert not t3.model.flags(wrong) & Qt.ItemFlag.ItemIsEditable
    assert wrong.data(Qt.ItemDataRole.BackgroundRole).color() == style.ERROR_BG
    assert organ.draft.status == "草稿"  # the review's own report is not changed


def test_a_missing_report_cannot_be_opened(desk, review, batch, answers):  # noqa: F811
    desk.set_review(review)
    assert desk.open_organ(review.organ(batch.missing[0])) is None
    assert answers.requests[-1].text.endswith("尚未报送")


def test_charts_show_and_export(qtbot, desk, review, tmp_path, answers):  # noqa: F811
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from PIL import Image

    desk.set_review(review)
    panel = desk.charts
    assert [panel.choice.itemText(i) for i in range(panel.choice.count())][:2] == [
        "本年新收申请",
        "予以公开和部分公开占比",
    ]
    assert isinstance(panel.canvas, FigureCanvasQTAgg)
    panel.change.setChecked(True)
    assert panel.figure.axes[0].get_title(loc="left").startswith("各机关本年新收申请与上年相比")
    answers.push(str(tmp_path / "图"))
    path = panel.export("png")
    assert path == tmp_path / "图.png"
    with Image.open(path) as image:
        assert image.format == "PNG"


def test_feedback_of_the_selected_organ_is_written_off_the_ui_thread(qtbot, desk, review, tmp_path, answers):  # noqa: F811
    desk.set_review(review)
    desk.search.setText("城关")
    desk.table.selectRow(0)
    assert desk.exports.feedback_button.text() == "导出审核意见（选中的1个）…"
    answers.push(str(tmp_path))
    desk.exports.export_feedback()
    worker = desk.exports.worker
    with qtbot.waitSignal(worker.finished, timeout=SCAN_TIMEOUT_MS):
        pass
    assert worker.thread_id != threading.get_ident()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["审核意见-青禾县城关镇.docx", "审核意见-青禾县城关镇.pdf"]
    assert desk.status.text().startswith("已导出审核意见：2个文件")


def test_the_start_window_and_the_menu_open_the_desk(window):
    window.start.buttons["review_desk"].click()
    desk = window.review_desk
    assert isinstance(desk, ReviewWindow) and desk.isVisible()
    assert window.show_review_desk() is desk  # one desk per main window
    menus = [a.text() for a in window.menuBar().actions()]
    assert "审核台(&R)" in menus
    window.close()
    assert not desk.isVisible()
