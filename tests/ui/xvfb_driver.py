"""The real app on a real X server, for tests/ui/test_xvfb_field.py (run as a child process).

Scenarios (``--scenario``):

- ``geometry``: a first start (no saved window size) on the screen Xvfb was given; prints one JSON
  line ``GEOMETRY {...}`` with the screen, the window and where the controls are, and saves
  screenshots of the start window and of 表三 scrolled to its last row into ``--shots``.
- ``keys``: real key events from xdotool (sent by the test) into the 成文日期 field and a table cell.
  The child says what it is ready for (``READY date``, ``READY table``) and what the keys did
  (``DATE 2026-01-20``, ``VALUE t4.direct.upheld 7``): the test waits for these lines, never for time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def say(*words: object) -> None:
    print(*words, flush=True)


def make_window():
    from disclosure_desk.ui import messages
    from disclosure_desk.ui.app import create_application

    messages.present = lambda request: request.choices[0] if request.choices else None  # never block
    app = create_application()
    from disclosure_desk.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.activateWindow()
    settle(app)
    assert window.open_store()
    return app, window


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def open_sample(window):
    from disclosure_desk import paths

    window.actions_.open_sample(str(paths.samples_dir() / "qinghe-tongjiju-2025.json"))
    return window.report


def table_page(report, key):
    from disclosure_desk.ui.wizard.table_page import TablePage

    page = next(p for p in report.wizard.report_pages if isinstance(p, TablePage) and p.table.key == key)
    report.go_to_page(report.wizard.page_id_for_key(page.page_key))
    return page


def visible_in_window(widget, window) -> bool:
    """Shown, and its whole rectangle inside the window's (nothing cut off by the screen edge)."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    return window.rect().contains(top_left) and window.rect().contains(bottom_right)


def geometry(shots: Path) -> int:
    app, window = make_window()
    screen = window.screen().availableGeometry()
    window.actions_.refresh_list()
    report = open_sample(window)
    window.close_report()
    settle(app)
    grab(app, window, shots / "start.png")
    report = window.open_draft(window.start.model.row_at(0).id)
    t3 = table_page(report, "表三")
    settle(app)
    bar = t3.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle(app)
    grab(app, window, shots / "table3.png")
    frame = window.frameGeometry()
    view = t3.view
    below_header = view.frozen.height()
    rows = [r for r in range(t3.model.rowCount()) if _fully_shown(view, t3.model.index(r, 9), below_header)]
    facts = {
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "findings": visible_in_window(report.findings, window),
        "status_bar": visible_in_window(window.statusBar(), window),
        "next_button": visible_in_window(report.wizard.next_button, window),
        "page_list": visible_in_window(report.pages, window),
        "header_pane": view.frozen.top is not None and view.frozen.top.isVisible(),
        "header_pane_top": view.frozen.top.geometry().top() if view.frozen.top else None,
        "viewport_top": view.viewport().geometry().top(),
        "body_rows_visible": len([r for r in rows if r >= t3.table.header_rows]),
        "scrolled": bar.value() > 0,
    }
    say("GEOMETRY", json.dumps(facts))
    window.close()
    return 0


def _fully_shown(view, index, top: int) -> bool:
    """Whole on screen and not under the header rows kept in view."""
    rect = view.visualRect(index)
    return rect.top() >= top and rect.bottom() <= view.viewport().rect().bottom()


def keys() -> int:
    app, window = make_window()
    report = open_sample(window)
    session = report.session
    from disclosure_desk.ui.wizard.basic_info_page import BasicInfoPage

    basic = next(p for p in report.wizard.report_pages if isinstance(p, BasicInfoPage))
    report.go_to_page(report.wizard.page_id_for_key(basic.page_key))
    session.meta_changed.connect(lambda: say("DATE", session.draft.signature_date))

    def on_values(cell_ids):
        for cell_id in cell_ids:
            say("VALUE", cell_id, session.draft.value(cell_id))

    session.values_changed.connect(on_values)
    state = {"table": False}

    def to_table():
        if state["table"] or session.draft.signature_date is None:
            return
        state["table"] = True
        t4 = table_page(report, "表四")
        t4.view.setFocus()
        t4.view.setCurrentIndex(t4.model.index_of("t4.direct.upheld"))
        settle(app)
        say("READY table", session.draft.value("t4.direct.upheld"))

    from PySide6.QtCore import QTimer

    field = basic.form.date
    # on to the table once the clerk has left the field (Tab), after that key has been handled
    field.edit.editingFinished.connect(lambda: QTimer.singleShot(0, to_table))
    session.set_meta(signature_date=None)  # the sample is dated: start from an empty field
    field.set_date(None)
    field.edit.setFocus()
    settle(app)
    say("READY date")
    return app.exec()


def grab(app, window, path: Path) -> None:
    settle(app)
    screen = window.screen()
    image = screen.grabWindow(0).copy(window.frameGeometry())
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", choices=("geometry", "keys"), required=True)
    parser.add_argument("--shots", default="shots")
    args = parser.parse_args()
    return geometry(Path(args.shots)) if args.scenario == "geometry" else keys()


if __name__ == "__main__":
    sys.exit(main())
