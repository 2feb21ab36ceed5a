"""The main window fits the screen: default size, saved sizes from a bigger screen, small laptops."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from disclosure_desk.ui.main_window import DEFAULT_SIZE, fit_window, frame_of


def _inside(rect: QRect, available: QRect) -> bool:
    return available.contains(frame_of(rect))


@pytest.mark.parametrize("available", [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 720), QRect(0, 0, 1024, 600)])
def test_the_default_window_fits_a_small_screen_and_is_maximised(available):
    rect, maximise = fit_window(available, None)
    assert _inside(rect, available) and maximise


def test_a_large_screen_gets_the_default_size_centred():
    available = QRect(0, 0, 1920, 1040)
    rect, maximise = fit_window(available, None)
    assert (rect.width(), rect.height()) == DEFAULT_SIZE and not maximise
    assert abs(frame_of(rect).center().x() - available.center().x()) <= 1


def test_a_size_saved_on_a_bigger_screen_is_shrunk_into_this_one():
    available = QRect(0, 30, 1366, 698)  # a taskbar at the top
    rect, maximise = fit_window(available, QRect(400, 300, 1600, 1000))
    assert _inside(rect, available) and not maximise


def test_a_saved_size_that_fits_is_kept():
    available = QRect(0, 0, 1920, 1040)
    saved = QRect(100, 80, 1000, 700)
    assert fit_window(available, saved) == (saved, False)


def test_a_first_start_on_the_offscreen_screen_is_maximised(qtbot, app):
    from disclosure_desk.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    available = w.screen().availableGeometry()
    assert w.isMaximized() or _inside(w.geometry(), available)
