"""Take the screenshots shown in the README (docs/screenshot-*.png) on a real X server.

Run by a developer (or by tests/ui/test_xvfb.py into a temporary folder)::

    xvfb-run -s "-screen 0 1366x900x24" env QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots.py --out docs

It fills a fresh data folder with the two sample reports, then captures the X server's own
pixels (not a widget rendering) of: the start window, the new-report dialog, the basic-information
page, the 一、总体情况 page, a table page with a wrong figure painted, the review page, the PDF
preview, and the user guide window (帮助 → 使用说明). docs/guide.md shows all of them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

SHOTS = ("start", "new-report", "basic-info", "narrative", "table-finding", "review", "preview", "guide")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs", help="folder for the PNG files")
    parser.add_argument("--size", default="1280x800", help="window size, e.g. 1280x800")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="dd-shots-") as data:  # store, settings, log and the PDF
        os.environ["DISCLOSURE_DESK_DATA_DIR"] = data
        return take(out, width, height)


def take(out: Path, width: int, height: int) -> int:
    from disclosure_desk import paths
    from disclosure_desk.ui import messages
    from disclosure_desk.ui.app import create_application

    messages.present = lambda request: request.choices[0] if request.choices else None  # never block
    app = create_application()
    from disclosure_desk.ui.main_window import MainWindow
    from disclosure_desk.ui.wizard.export_page import ExportPage
    from disclosure_desk.ui.wizard.review_page import ReviewPage
    from disclosure_desk.ui.wizard.table_page import TablePage

    window = MainWindow()
    window.setGeometry(0, 0, width, height)
    window.show()
    settle(app)
    window.open_store()
    samples = paths.samples_dir()
    for name in ("yiluo-2019.json", "qinghe-tongjiju-2025.json"):
        window.workspace.import_file(samples / name)
    window.actions_.refresh_list()
    settle(app)
    shot(app, window, out / "screenshot-start.png")
    new_report_dialog(app, window, out / "screenshot-new-report.png")

    draft_id = window.workspace.list_drafts()[0].id
    report = window.open_draft(draft_id)
    settle(app)
    shot(app, window, out / "screenshot-basic-info.png")
    from disclosure_desk.ui.wizard.narrative_page import PartsPage

    parts = next(p for p in report.wizard.report_pages if isinstance(p, PartsPage))
    report.go_to_page(report.wizard.page_id_for_key(parts.page_key))
    settle(app)
    shot(app, window, out / "screenshot-narrative.png")
    t3 = next(p for p in report.wizard.report_pages if isinstance(p, TablePage) and p.table.key == "表三")
    report.go_to_page(report.wizard.page_id_for_key(t3.page_key))
    t3.model.setData(t3.model.index_of("t3.new.natural"), "5")  # one more than the results account for
    report.findings.show_all.setChecked(False)
    t3.view.setCurrentIndex(t3.model.index_of("t3.new.business"))  # leaves the wrong cell's paint visible
    t3.view.setFocus()
    settle(app)
    shot(app, window, out / "screenshot-table-finding.png")

    review = next(p for p in report.wizard.report_pages if isinstance(p, ReviewPage))
    report.go_to_page(report.wizard.page_id_for_key(review.page_key))
    settle(app)
    shot(app, window, out / "screenshot-review.png")

    t3.model.setData(t3.model.index_of("t3.new.natural"), "3")
    export = next(p for p in report.wizard.report_pages if isinstance(p, ExportPage))
    report.go_to_page(report.wizard.page_id_for_key(export.page_key))
    export.path_edit.setText(str(paths.data_dir() / "report.pdf"))
    export.start_export()
    deadline = time.monotonic() + 60
    while export.worker is not None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    from PySide6.QtPdfWidgets import QPdfView

    export.preview.view.setZoomMode(QPdfView.ZoomMode.FitInView)  # one whole page
    settle(app, 1.5)  # QPdfView renders pages in the background
    shot(app, window, out / "screenshot-preview.png")
    guide = window.show_guide()
    guide.setGeometry(0, 0, width, height)
    guide.show_heading("T3-1")
    settle(app, 0.6)
    shot(app, guide, out / "screenshot-guide.png")
    guide.close()
    window.close()
    from PySide6.QtGui import QFontInfo, QFontMetrics

    family = QFontInfo(app.font()).family()
    # inFontUcs4: PySide6 6.12 converts a str to QChar wrongly from U+8000 on (表 would be "missing")
    covered = all(QFontMetrics(app.font()).inFontUcs4(ord(ch)) for ch in "政府信息公开工作年度报告表三龙")
    print(f"ui-font: {family} chinese={'yes' if covered else 'no'}")
    print("\n".join(str(out / f"screenshot-{s}.png") for s in SHOTS))
    return 0


def new_report_dialog(app, window, path: Path) -> None:
    """新建报告… with an organ and a year typed in (the dialog is shown, captured, cancelled)."""
    from disclosure_desk.ui.new_report_dialog import NewReportDialog

    dialog = NewReportDialog(window)
    dialog.form.organ.setText("青禾县市场监督管理局")
    dialog.move(window.geometry().center() - dialog.rect().center())
    dialog.show()
    settle(app)
    shot(app, dialog, path)
    dialog.reject()


def settle(app, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shot(app, window, path: Path) -> None:
    """The pixels the X server shows for the window (falls back to a widget grab elsewhere)."""
    window.raise_()
    settle(app, 0.2)
    screen = window.screen()
    geometry = window.frameGeometry()
    pixmap = screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height())
    if pixmap.isNull() or app.platformName() != "xcb":
        pixmap = window.grab()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    # 256 colours are plenty for a form and keep each PNG around 30-80 KB (a fifth of true colour)
    flags = Qt.ImageConversionFlag.AvoidDither | Qt.ImageConversionFlag.ThresholdDither
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Indexed8, flags)
    if not image.save(str(path), "PNG", 0):
        raise SystemExit(f"cannot write {path}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    sys.exit(main())
