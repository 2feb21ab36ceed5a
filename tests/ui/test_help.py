"""帮助 menu: the user guide in the app, the About box, the window icon and titles, Qt's warnings in the log."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QUrl, qWarning
from PySide6.QtGui import QTextDocument

from disclosure_desk import __version__, logs
from disclosure_desk.checks import RULES
from disclosure_desk.ui import texts


def help_actions(window) -> dict[str, object]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("帮助"))
    return {a.text(): a for a in menu.actions() if a.text()}


def test_help_menu_opens_the_guide(window, qtbot):
    actions = help_actions(window)
    assert {"使用说明", "日志和数据文件夹…", "关于…"} <= set(actions)
    assert actions["使用说明"].shortcut().toString() == "F1"
    actions["使用说明"].trigger()
    guide = window.guide
    assert guide is not None and guide.isVisible() and guide.loaded
    assert guide.windowTitle() == f"使用说明 — {texts.APP_TITLE}"
    actions["使用说明"].trigger()
    assert window.guide is guide  # one window, raised again
    guide.close()


def test_guide_lists_every_rule_and_shows_its_screenshots(window):
    guide = window.show_guide()
    headings = guide.headings()
    for rule_id, name in RULES.items():
        assert f"{rule_id} {name}" in headings
    document = guide.browser.document()
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("screenshot-1366x768-start.png"))
    assert image is not None and not image.isNull() and image.width() <= 720  # scaled down, not missing
    assert "逐页填写" in guide.browser.toPlainText()
    guide.close()


def test_guide_jumps_to_a_rule_and_finds_text(window, qtbot):
    guide = window.show_guide("T3-1")
    bar = guide.browser.verticalScrollBar()
    assert guide.contents.currentItem().text().strip().startswith("T3-1")
    qtbot.waitUntil(lambda: bar.value() > 0)
    cursor = guide.browser.cursorForPosition(guide.browser.viewport().rect().topLeft())
    assert cursor.block().text().startswith("T3-1")  # the heading is at the top of the view
    guide.search.setText("回收站")
    assert guide.find_next()
    assert guide.browser.textCursor().selectedText() == "回收站"
    guide.search.setText("这段文字不在说明里")
    assert not guide.find_next() and guide.not_found.text() == "没有找到"
    guide.close()


def test_guide_missing_is_explained(window, monkeypatch, tmp_path):
    from disclosure_desk import paths
    from disclosure_desk.ui.guide_dialog import GuideDialog

    monkeypatch.setattr(paths, "guide_file", lambda: tmp_path / "guide.md")
    dialog = GuideDialog(window)
    assert not dialog.loaded
    assert "没有找到使用说明文件" in dialog.browser.toPlainText()


def test_about_box(window, qtbot):
    help_actions(window)["关于…"].trigger()
    from disclosure_desk.ui.about_dialog import FONTS, AboutDialog

    about = window.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    text = about.browser.toPlainText()
    assert __version__ in text and "MIT" in text
    for font in FONTS:
        assert font.file in text and font.licence in text
    viewer = about.show_licence("Fandol-README.txt")
    assert "Fandol" in viewer.text.toPlainText()
    viewer = about.show_licence("LICENSE")
    assert viewer.text.toPlainText().startswith("MIT License")
    about.close()


def test_window_icon_and_titles(window, report_2021):
    from PySide6.QtWidgets import QApplication

    assert not QApplication.windowIcon().isNull()
    assert window.windowTitle() == f"{report_2021.session.draft.display_title} — {texts.APP_TITLE}"
    window.close_report()
    assert window.windowTitle() == texts.APP_TITLE


@pytest.mark.no_qt_log  # pytest-qt would replace the app's message handler while the test runs
def test_qt_warnings_go_to_the_log_file(app):
    logs.setup_logging()
    qWarning("a Qt warning for the test")
    for handler in logging.getLogger("disclosure_desk").handlers:
        handler.flush()
    text = logs.log_file().read_text(encoding="utf-8")
    assert "WARNING disclosure_desk.qt: [default] a Qt warning for the test" in text


@pytest.mark.no_qt_log
def test_qt_warnings_before_the_log_is_open_are_kept(app):
    from disclosure_desk.ui import qt_log

    assert not logs.is_configured()
    qWarning("an early Qt warning")
    logs.setup_logging()
    assert qt_log.flush_early() >= 1
    for handler in logging.getLogger("disclosure_desk").handlers:
        handler.flush()
    assert "an early Qt warning" in logs.log_file().read_text(encoding="utf-8")


def test_probe_reports_a_complete_app(window, app):
    from disclosure_desk.ui.probe import lines

    report = "\n".join(lines(app))
    for expected in ("translations=yes", "fonts=1 chinese=yes", "icon=yes samples=2 guide=yes", "qtpdf=yes"):
        assert expected in report
    assert "refcount-guard=applied" in report or "refcount-guard=not-needed" in report


def test_f1_on_a_selected_finding_opens_its_guide_entry(qtbot, window, report_2021):
    report_2021.session.set_values({"t3.new.natural": 9})
    panel = report_2021.findings
    panel.show_all.setChecked(True)
    row = next(i for i in range(panel.list.count()) if "自然人列" in panel.list.item(i).text())
    assert "规则 T3-1" in panel.list.item(row).toolTip()
    panel.list.setFocus()
    panel.list.setCurrentRow(row)
    qtbot.waitUntil(panel.list.hasFocus)
    help_actions(window)["使用说明"].trigger()
    assert window.guide.contents.currentItem().text().strip().startswith("T3-1")
    window.guide.close()
