"""Crashes are logged and shown with the log path after saving; one instance per store; lazy imports."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from disclosure_desk import logs
from disclosure_desk.ui import app as app_module
from disclosure_desk.ui import crash
from disclosure_desk.ui.instance_lock import InstanceLock
from disclosure_desk.ui.wizard.table_page import TablePage

from .helpers import page


@pytest.fixture(autouse=True)
def fresh_log(monkeypatch):
    """logs.setup_logging() configures once per process; each test has its own data folder."""
    import logging

    logger = logging.getLogger("disclosure_desk")
    saved = list(logger.handlers)
    for h in saved:
        logger.removeHandler(h)
    monkeypatch.setattr(logs, "_configured", False)
    yield
    for h in list(logger.handlers):
        logger.removeHandler(h)
        h.close()
    for h in saved:
        logger.addHandler(h)


def test_unexpected_exception_is_logged_saved_and_shown(qtbot, window, report_2021, answers, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    crash.install_excepthook(window.emergency_save, lambda: window)
    t4 = page(report_2021, TablePage, "表四")
    t4.model.setData(t4.model.index_of("t4.direct.corrected"), "4")
    assert report_2021.autosaver.dirty
    try:
        raise ZeroDivisionError("意外的错误")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert not report_2021.autosaver.dirty  # the draft was saved first
    box = answers.requests[-1]
    assert box.kind == "error" and str(logs.log_file()) in box.text
    assert "ZeroDivisionError" in logs.log_file().read_text("utf-8")
    assert window.workspace.load(report_2021.session.draft.id).value("t4.direct.corrected") == 4


def test_a_second_instance_on_the_same_store_is_told_it_is_in_use(qtbot, app, answers):
    first = InstanceLock()
    assert first.acquire()
    try:
        assert app_module.run() == 1
        box = answers.requests[-1]
        assert box.kind == "warning" and "另一个" in box.text and "数据文件夹" in box.text
    finally:
        first.release()


def test_a_lock_left_by_a_dead_process_does_not_block(tmp_path):
    script = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        from disclosure_desk.ui.instance_lock import InstanceLock
        lock = InstanceLock(Path(sys.argv[1]))
        assert lock.acquire()
        os._exit(0)  # dies holding the lock
        """
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, timeout=60)
    assert (tmp_path / "disclosure-desk.lock").exists()
    lock = InstanceLock(tmp_path)
    assert lock.acquire()
    lock.release()


PROBE = textwrap.dedent(
    """
    import sys
    from disclosure_desk.ui import app
    from PySide6.QtCore import QTimer
    loaded = {}
    def record():
        loaded["at_paint"] = sorted(m for m in ("sqlalchemy", "reportlab", "logging.handlers") if m in sys.modules)
    import disclosure_desk.ui.main_window as mw
    orig = mw.MainWindow.paintEvent
    def paint(self, event):
        if "at_paint" not in loaded:
            record()
        orig(self, event)
    mw.MainWindow.paintEvent = paint
    app.run()
    print("at-paint", loaded.get("at_paint"))
    print("after", sorted(m for m in ("sqlalchemy", "reportlab") if m in sys.modules))
    """
)


def test_sqlalchemy_reportlab_and_logging_handlers_are_not_loaded_before_the_first_paint(tmp_path):
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", DISCLOSURE_DESK_DATA_DIR=str(tmp_path), **{app_module.PROBE_ENV: "1"}
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "at-paint []" in result.stdout
    assert "first-paint" in result.stdout and "store-ready" in result.stdout
    # the drafts are listed through sqlite3 (storage/rows.py): no SQLAlchemy at all, no reportlab until export
    assert "after []" in result.stdout


def test_qt_translations_are_installed(app):
    from PySide6.QtCore import QCoreApplication

    assert app_module.install_translations(app)
    assert QCoreApplication.translate("QWizard", "&Next >").startswith("下一步")


def test_the_same_error_repeating_is_shown_once(qtbot, window, answers, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(crash, "_shown", {})
    crash.install_excepthook(window.emergency_save, lambda: window)
    for _ in range(3):  # e.g. a bug in a paint event fires on every repaint
        try:
            raise KeyError("在绘制时出错")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    assert [r.kind for r in answers.requests] == ["error"]
    assert logs.log_file().read_text("utf-8").count("KeyError") >= 3


def test_message_boxes_default_to_the_first_and_escape_to_the_last_choice(qtbot, app):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from disclosure_desk.ui import messages

    seen = {}

    def inspect_and_escape():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen["default"] = box.defaultButton().text()
        seen["escape"] = box.escapeButton().text()
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(50, inspect_and_escape)
    answer = messages.ask(None, "未能保存", "测试", ("再试一次", "另存为文件后离开", "留在这里"))
    assert seen == {"default": "再试一次", "escape": "留在这里"}
    assert answer == "留在这里"
