"""Screenshots of the review desk (审核台) for docs/review.md and the README, on a real X server.

    xvfb-run -s "-screen 0 1366x900x24" env QT_QPA_PLATFORM=xcb .venv/bin/python tools/review_screenshots.py --out docs

Makes the generated 60-organ test batch (tests/review/batch.py) in a temporary folder, scans it in the
审核台 window and captures the X server's pixels (tools/screenshots.py's ``shot``) of: the board sorted by
status, the chart of applications received with last year's beside it, and one report opened read-only
with its findings painted (表三 of an organ whose figures do not add up).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ("desk-board", "desk-chart", "desk-report")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs", help="folder for the PNG files")
    parser.add_argument("--size", default="1280x800", help="window size, e.g. 1280x800")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="dd-desk-shots-") as tmp:
        os.environ.setdefault("DISCLOSURE_DESK_DATA_DIR", str(Path(tmp) / "data"))
        os.environ.setdefault("DISCLOSURE_DESK_BUNDLED_FONTS_ONLY", "1")
        return take(out, Path(tmp), width, height)


def take(out: Path, tmp: Path, width: int, height: int) -> int:
    from screenshots import settle, shot
    from tests.review.batch import make_batch

    from disclosure_desk.ui import messages
    from disclosure_desk.ui.app import create_application

    messages.present = lambda request: request.choices[0] if request.choices else None  # never block
    app = create_application()
    from disclosure_desk.ui.review.review_window import ReviewWindow
    from disclosure_desk.ui.wizard.table_page import TablePage

    batch = make_batch(tmp / "batch", pdfs=1)
    desk = ReviewWindow()
    desk.setGeometry(0, 0, width, height)
    desk.show()
    desk.sources.set_paths(batch.folder, batch.previous_folder, batch.expected_file)
    deadline = time.monotonic() + 300
    while desk.review is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if desk.review is None:
        raise SystemExit("the scan did not finish")
    settle(app)
    desk.table.selectRow(6)
    shot(app, desk, out / "screenshot-desk-board.png")
    desk.tabs.setCurrentWidget(desk.charts)
    settle(app, 0.6)
    shot(app, desk, out / "screenshot-desk-chart.png")
    viewer = desk.open_organ(desk.review.organ("青禾县城关镇"))
    viewer.setGeometry(0, 0, width, height)
    t3 = next(p for p in viewer.wizard.report_pages if isinstance(p, TablePage) and p.table.key == "表三")
    viewer.wizard.go_to(viewer.wizard.report_pages.index(t3))
    t3.view.setCurrentIndex(t3.model.index_of("t3.carried_in.natural"))
    settle(app, 0.6)
    shot(app, viewer, out / "screenshot-desk-report.png")
    viewer.close()
    desk.close()
    print("\n".join(str(out / f"screenshot-{s}.png") for s in SHOTS))
    return 0


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "tools")]
    sys.exit(main())
