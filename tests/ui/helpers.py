"""Small helpers to drive the real widgets with the keyboard and the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication


def cell_point(view, index) -> QPoint:
    return view.visualRect(index).center()


def click_cell(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell_point(view, index))


def double_click_cell(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell_point(view, index))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell_point(view, index))


def type_into_table(qtbot, view, start_index, values, key=Qt.Key.Key_Tab) -> None:
    """Click ``start_index`` and type each value followed by Tab (or Enter)."""
    click_cell(qtbot, view, start_index)
    for v in values:
        target = QApplication.focusWidget() or view
        qtbot.keyClicks(target, str(v))
        qtbot.keyClick(QApplication.focusWidget() or view, key)


def paste(qtbot, widget, text: str) -> None:
    QApplication.clipboard().setText(text)
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def page(report, cls, key=None):
    for p in report.wizard.report_pages:
        if isinstance(p, cls) and (
            key is None or p.page_key == key or getattr(getattr(p, "table", None), "key", None) == key
        ):
            return p
    raise LookupError(cls)


def type_text(qtbot, widget, text: str, chunk: int = 0) -> None:
    """Type text as a clerk does: ASCII with key clicks, Chinese committed by the input method.

    (QTest cannot click keys for non-ASCII characters; a Chinese IME delivers them as an
    input-method commit, which is what this sends.) ``chunk`` > 0 commits that many characters
    at a time (a phrase), 0 commits each run of non-ASCII text at once.
    """
    from PySide6.QtGui import QInputMethodEvent

    run = ""

    def commit(s: str) -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString(s)
        QApplication.sendEvent(widget, event)

    for ch in text:
        if ch.isascii() and ch != "\n":
            if run:
                commit(run)
                run = ""
            qtbot.keyClicks(widget, ch)
        elif ch == "\n":
            if run:
                commit(run)
                run = ""
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        else:
            run += ch
            if chunk and len(run) >= chunk:
                commit(run)
                run = ""
    if run:
        commit(run)


def double_click(qtbot, widget, pos: QPoint) -> None:
    """A real double click: press/release, then the double-click event (QTest alone sends only the latter)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)
