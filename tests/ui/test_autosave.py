"""Autosave: within about a second of an edit, on page change, on Ctrl+S, on close; failures retried.

"Within about a second" is the autosave timer's interval (``SAVE_DELAY_MS``), checked as such; the
tests then wait for the save itself (the ``saved`` signal, what the child process prints), never for
a time, so a busy machine makes them slower, not red. The waits' timeouts are safety nets only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from disclosure_desk.storage.errors import StoreNotWritableError
from disclosure_desk.ui.autosave import SAVE_DELAY_MS
from disclosure_desk.ui.wizard.narrative_page import TextPage
from disclosure_desk.ui.wizard.table_page import TablePage

from .helpers import page, type_text


def _fresh_load(report):
    """What a new process would find in the store now."""
    from disclosure_desk.application.workspace import open_workspace

    other = open_workspace(report.workspace.path)
    try:
        return other.load(report.session.draft.id)
    finally:
        other.close()


SAFETY_NET_MS = 60_000  # a wait for an event gives up only after this (a hung app), never what is tested


def test_an_edit_is_saved_within_about_a_second(qtbot, window, report_2021):
    t4 = page(report_2021, TablePage, "表四")
    timer = report_2021.autosaver._timer
    assert not timer.isActive()
    with qtbot.waitSignal(report_2021.autosaver.saved, timeout=SAFETY_NET_MS):
        t4.model.setData(t4.model.index_of("t4.direct.upheld"), "3")
        assert report_2021.autosaver.dirty
        # the edit armed the save: one shot, due within a second (the timer's own clock, not ours)
        assert timer.isActive() and timer.isSingleShot() and timer.interval() == SAVE_DELAY_MS <= 1000
    assert not report_2021.autosaver.dirty
    assert _fresh_load(report_2021).value("t4.direct.upheld") == 3
    assert window.save_label.text().startswith("已保存 ")


def test_continuous_typing_is_still_saved_every_second(qtbot, report_2021):
    """A keystroke each time the save timer has run another seventh of its course (about every 100 ms,
    by the timer's own clock, not the test's): a timer restarted by every keystroke would never fire;
    the autosave's is not restarted, so it fires while the typing goes on."""
    five = page(report_2021, TextPage, "五、存在的主要问题及改进情况")
    report_2021.go_to_page(report_2021.wizard.page_id_for_key(five.page_key))
    five.editor.moveCursor(five.editor.textCursor().MoveOperation.End)
    timer = report_2021.autosaver._timer
    saves = []
    report_2021.autosaver.saved.connect(saves.append)
    step = SAVE_DELAY_MS // 7
    keystrokes = 0
    while not saves and keystrokes < 100:  # a restarting timer: 100 keystrokes and no save
        qtbot.keyClicks(five.editor, "a")
        keystrokes += 1
        typed_at = timer.remainingTime()
        qtbot.waitUntil(
            lambda typed_at=typed_at: bool(saves) or timer.remainingTime() <= typed_at - step, timeout=SAFETY_NET_MS
        )
    assert saves, "typing without pause must not hold back the autosave"
    assert keystrokes >= 2  # the save came while typing went on


def test_page_change_and_ctrl_s_save_at_once(qtbot, window, report_2021):
    t4 = page(report_2021, TablePage, "表四")
    t4.model.setData(t4.model.index_of("t4.direct.other"), "2")
    report_2021.go_to_page(1)
    assert not report_2021.autosaver.dirty
    assert _fresh_load(report_2021).value("t4.direct.other") == 2
    preface = page(report_2021, TextPage, "前言")
    type_text(qtbot, preface.editor, "补充")
    assert report_2021.autosaver.dirty
    qtbot.keyClick(preface.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not report_2021.autosaver.dirty
    assert _fresh_load(report_2021).preface.startswith("补充")


def test_a_failed_save_is_shown_retried_and_loses_nothing(qtbot, window, report_2021, monkeypatch):
    workspace = report_2021.workspace
    real_save = workspace.save_checked  # what the autosave of an open report calls
    failures = []

    def failing_save(draft, revision, token=None):
        failures.append(1)
        raise StoreNotWritableError("磁盘已满，草稿没有保存：测试。请清理磁盘空间后再保存。", "disk full")

    monkeypatch.setattr(report_2021.autosaver, "_retry_ms", 200)
    monkeypatch.setattr(workspace, "save_checked", failing_save)
    t4 = page(report_2021, TablePage, "表四")
    t4.model.setData(t4.model.index_of("t4.after_review.pending"), "6")
    qtbot.waitUntil(lambda: report_2021.save_banner.isVisible(), timeout=SAFETY_NET_MS)
    assert "磁盘已满" in report_2021.save_banner.text() and "都还在" in report_2021.save_banner.text()
    assert "未保存" in window.save_label.text()
    qtbot.waitUntil(lambda: len(failures) >= 2, timeout=SAFETY_NET_MS)  # retried by itself
    assert report_2021.autosaver.dirty
    monkeypatch.setattr(workspace, "save_checked", real_save)  # the disk has room again
    qtbot.waitUntil(lambda: not report_2021.autosaver.dirty, timeout=SAFETY_NET_MS)
    assert not report_2021.save_banner.isVisible()
    assert _fresh_load(report_2021).value("t4.after_review.pending") == 6


def test_closing_saves_and_the_store_has_everything(qtbot, window, report_2021):
    draft_id = report_2021.session.draft.id
    t4 = page(report_2021, TablePage, "表四")
    t4.model.setData(t4.model.index_of("t4.direct.pending"), "8")
    store_path = report_2021.workspace.path
    window.close()
    from disclosure_desk.application.workspace import open_workspace

    g = open_workspace(store_path)
    try:
        assert g.load(draft_id).value("t4.direct.pending") == 8
    finally:
        g.close()


def test_closing_when_the_store_cannot_be_written_rescues_the_draft(
    qtbot, window, report_2021, monkeypatch, answers, tmp_path
):
    def failing_save(draft, revision, token=None):
        raise StoreNotWritableError("数据文件夹不能写入。", "gone")

    monkeypatch.setattr(report_2021.workspace, "save_checked", failing_save)
    t4 = page(report_2021, TablePage, "表四")
    t4.model.setData(t4.model.index_of("t4.direct.pending"), "9")
    answers.push("另存为文件后离开")
    window.close()
    assert not window.isVisible()
    info = answers.requests[-1]
    assert info.kind == "info" and ".json" in info.text
    path = info.text.split("\n")[1]
    from disclosure_desk.interchange import read_report_file

    assert read_report_file(path).value("t4.direct.pending") == 9


KILL_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from PySide6.QtCore import QEventLoop, QTimer
    from disclosure_desk.ui import app as appmod, messages
    messages.present = lambda request: None
    app = appmod.create_application()
    from disclosure_desk.ui.main_window import MainWindow
    from disclosure_desk import paths
    w = MainWindow(); w.show(); app.processEvents()
    w.open_store()
    w.actions_.open_sample(str(paths.samples_dir() / "qinghe-tongjiju-2025.json"))
    t4 = [p for p in w.report.wizard.report_pages if getattr(p, "table", None) and p.table.key == "表四"][0]
    saved = QEventLoop()
    w.report.autosaver.saved.connect(saved.quit)
    QTimer.singleShot(60_000, lambda: saved.exit(1))  # safety net: a save that never comes
    t4.model.setData(t4.model.index_of("t4.review.pending"), "7")
    print(w.report.session.draft.id, flush=True)
    if saved.exec() != 0:  # the autosave, by its own timer
        sys.exit("no autosave")
    t4.model.setData(t4.model.index_of("t4.review.other"), "5")  # typed just before the crash
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(9)  # Windows: no cleanup either
    """
)


def test_after_the_process_dies_everything_autosaved_is_there(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DISCLOSURE_DESK_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=SAFETY_NET_MS / 1000,
    )
    assert result.returncode in (-9, 9), result.stderr[-2000:]
    draft_id = int(result.stdout.split()[0])
    from disclosure_desk.application.workspace import open_workspace

    g = open_workspace(tmp_path / "drafts.sqlite3")
    try:
        draft = g.load(draft_id)
        assert draft.value("t4.review.pending") == 7
        assert draft.value("t4.review.total") == 8
    finally:
        g.close()
