"""Start-up and live-check benchmark of the app.

Prints:
- time from process start to the first painted window of ``python -m disclosure_desk`` (the start
  window), and to the store being open and listed;
- the same "first paint" figure for a minimal PySide6 program showing an empty QWizard (the floor);
- the time to re-run the checks after one cell edit: the checks alone, and the whole UI path
  (the table model's setData -> totals -> checks -> painted cells, side list and findings panel).

    .venv/bin/python bench/bench_startup.py [--runs 7] [--platform offscreen|xcb]

Each start-up figure is the median of ``--runs`` fresh processes, measured from just before the
process is spawned to the first paint event of the window (wall clock, so it includes Python's own
start-up and every import).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

FLOOR = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication(sys.argv[:1])
wizard = QWizard()
wizard.addPage(QWizardPage())
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is wizard:
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            wizard.removeEventFilter(self)
        return False
probe = Probe()
wizard.installEventFilter(probe)
wizard.show()
app.exec()
"""


def spawn(args: list[str], env: dict) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(args, env=env, capture_output=True, text=True, check=False, timeout=120, cwd=REPO)
    if out.returncode != 0:
        raise SystemExit(f"{args} failed:\n{out.stderr[-2000:]}")
    marks = {}
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("first-paint", "store-ready"):
            marks[parts[0]] = float(parts[1]) - started
    return marks


def startup(runs: int, platform: str) -> tuple[list[float], list[float], list[float]]:
    app_paint, app_store, floor = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data:
            env = dict(
                os.environ,
                QT_QPA_PLATFORM=platform,
                DISCLOSURE_DESK_DATA_DIR=data,
                DISCLOSURE_DESK_STARTUP_PROBE="1",
                PYTHONPATH=str(REPO / "src"),
            )
            marks = spawn([sys.executable, "-m", "disclosure_desk"], env)
            app_paint.append(marks["first-paint"])
            app_store.append(marks["store-ready"])
            floor.append(spawn([sys.executable, "-c", FLOOR], env)["first-paint"])
    return app_paint, app_store, floor


def check_times(repeats: int = 200) -> tuple[float, float]:
    """(checks alone, whole UI path) after one cell edit, median milliseconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO / "src"))
    import disclosure_desk.ui  # noqa: F401 - the refcount guard
    from disclosure_desk.checks import check
    from disclosure_desk.interchange import read_report_file
    from disclosure_desk.ui.app import create_application

    draft = read_report_file(REPO / "resources" / "samples" / "qinghe-tongjiju-2025.json")
    alone = []
    for i in range(repeats):
        draft.set_value("t3.new.business", 1 + i % 2)
        t = time.perf_counter()
        check(draft)
        alone.append(time.perf_counter() - t)

    app = create_application()
    from disclosure_desk.ui.report_view import ReportView

    class NoStore:  # autosave is timed separately (docs/app.md); keep the store out of this figure
        def save(self, d):
            import datetime

            return datetime.datetime.now()

    view = ReportView(NoStore(), read_report_file(REPO / "resources" / "samples" / "qinghe-tongjiju-2025.json"))
    view.resize(1280, 800)
    view.show()
    t3 = next(p for p in view.wizard.report_pages if getattr(p, "table", None) and p.table.key == "表三")
    view.go_to_page(view.wizard.page_id_for_key(t3.page_key))
    app.processEvents()
    index = t3.model.index_of("t3.new.business")
    ui = []
    for i in range(repeats // 4):
        t = time.perf_counter()
        t3.model.setData(index, str(1 + i % 2))
        view.repaint()  # the painted cells, side list and findings panel
        ui.append(time.perf_counter() - t)
    view.autosaver.stop()
    return statistics.median(alone) * 1000, statistics.median(ui) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description="Disclosure Desk start-up and live-check benchmark")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    paint, store, floor = startup(args.runs, args.platform)
    med = statistics.median
    print(f"platform {args.platform}, median of {args.runs} fresh processes (min-max)")
    print(
        f"  empty QWizard (floor), first paint : {med(floor) * 1000:7.0f} ms  ({min(floor) * 1000:.0f}-{max(floor) * 1000:.0f})"
    )
    print(
        f"  Disclosure Desk, first paint       : {med(paint) * 1000:7.0f} ms  ({min(paint) * 1000:.0f}-{max(paint) * 1000:.0f})"
        f"  = {med(paint) / med(floor):.2f} x floor"
    )
    print(f"  Disclosure Desk, drafts listed     : {med(store) * 1000:7.0f} ms  (store opened after the paint)")
    alone, ui = check_times()
    print("one cell edit in 表三 (sample 2021 report):")
    print(f"  checks re-run                      : {alone:7.2f} ms")
    print(f"  edit -> totals -> checks -> repaint: {ui:7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
