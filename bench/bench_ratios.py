"""Where the clerk feels speed (issue 16): every row as a ratio to its floor, measured in the same run.

    .venv/bin/python bench/bench_ratios.py [--runs 15] [--saves 300] [--only paint listed pdf save list check]
                                            [--src DIR]

| row | ours | floor (bench/floors/) |
|---|---|---|
| paint  | ``disclosure-desk``: spawn → first paint of the start window | floor_first_paint.py (empty QWizard) |
| listed | the same runs: first paint → drafts listed (``store-ready``), and → every error count shown (``errors-counted``); a new data folder, and a store of 50 drafts | (absolute, goal ≤ 0.3 s) |
| pdf    | ``disclosure-desk pdf`` on the 2021 sample, a fresh process, the font cache made by an earlier export (and, not a goal, with an empty one) | floor_pdf_page.py (one page of Chinese text and a table, one TTF) |
| save   | autosave of one cell edit: ``Workspace.save`` after ``set_value`` (wall and CPU of the thread) | floor_save.py (raw sqlite3 WAL, synchronous=FULL, UPDATE + COMMIT) |
| list   | ``disclosure-desk list`` on a store of 1,000 drafts | floor_list.py (raw sqlite3 SELECT, printed) |
| check  | ``disclosure-desk check`` on the 2021 sample | floor_check.py (``import json``) |

Ours and the floor run alternately, run by run (the machine is shared: a busy moment hits both), and
each figure is the median (min also shown). ``--src`` measures another source tree (e.g. an export of an
older commit) with the same floors, for before/after figures. The sources are byte-compiled first, as an
installed app is (pip and PyInstaller ship .pyc files), so no run pays for compiling.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "bench" / "floors"
SAMPLE_2021 = REPO / "resources" / "samples" / "qinghe-tongjiju-2025.json"
SAMPLE_2019 = REPO / "resources" / "samples" / "yiluo-2019.json"
ROWS = ("paint", "listed", "pdf", "save", "list", "check")
GOALS = {"paint": 1.3, "pdf": 1.5, "save": 3.0, "list": 4.0, "check": 3.0}
LISTED_GOAL_S = 0.3


def command() -> list[str]:
    """``disclosure-desk`` as the clerk runs it: the console script pip installs beside the interpreter
    (``python -m disclosure_desk`` where there is none; it also pays for runpy)."""
    script = Path(sys.executable).with_name("disclosure-desk")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "disclosure_desk"]


class Bench:
    def __init__(self, src: Path, runs: int, work: Path):
        self.src, self.runs, self.work = src, runs, work
        self.env = dict(
            os.environ, PYTHONPATH=str(src), QT_QPA_PLATFORM="offscreen", DISCLOSURE_DESK_BUNDLED_FONTS_ONLY="1"
        )
        self.env.pop("DISCLOSURE_DESK_STARTUP_PROBE", None)

    def spawn(self, args: list[str], **env: str) -> tuple[float, dict[str, float]]:
        """Wall time of one process, and the ``mark <epoch>`` lines it printed (relative to the spawn)."""
        started = time.time()
        t0 = time.perf_counter()
        out = subprocess.run(
            args, check=False, env={**self.env, **env}, capture_output=True, text=True, timeout=120, cwd=REPO
        )
        wall = time.perf_counter() - t0
        if out.returncode not in (0, 1):  # check exits 1 when the report has errors
            raise SystemExit(f"{args} failed ({out.returncode}):\n{out.stderr[-2000:]}")
        marks = {}
        for line in out.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[0] in ("first-paint", "store-ready", "errors-counted"):
                marks[parts[0]] = float(parts[1]) - started
        return wall, marks

    def paired(self, ours: Callable[[], float], floor: Callable[[], float]) -> tuple[list[float], list[float]]:
        a, b = [], []
        for _ in range(self.runs):
            a.append(ours())
            b.append(floor())
        return a, b


def app_start(bench: Bench, store_template: Path | None) -> tuple[float, float, float]:
    """(first paint, drafts listed, errors counted) of one start, seconds from the spawn."""
    data = Path(tempfile.mkdtemp(dir=bench.work, prefix="data-"))
    try:
        if store_template is not None:
            shutil.copytree(store_template, data, dirs_exist_ok=True)
        _, marks = bench.spawn(command(), DISCLOSURE_DESK_DATA_DIR=str(data), DISCLOSURE_DESK_STARTUP_PROBE="1")
    finally:
        shutil.rmtree(data, ignore_errors=True)
    listed = marks["store-ready"]
    return marks["first-paint"], listed, marks.get("errors-counted", listed)  # older builds count before listing


def floor_paint(bench: Bench) -> float:
    return bench.spawn([sys.executable, str(FLOORS / "floor_first_paint.py")])[1]["first-paint"]


def make_store(folder: Path, drafts: int) -> Path:
    """A data folder holding ``drafts`` drafts (both samples in turn) and today's backup, so that a start
    measures the usual day (the first start of a day also takes the daily backup)."""
    from disclosure_desk.application.workspace import open_workspace
    from disclosure_desk.interchange import read_report_file
    from disclosure_desk.storage import DraftRepository, open_store

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "drafts.sqlite3"
    with open_store(path) as store, store.session() as session:
        repo = DraftRepository(session)
        for i in range(drafts):
            draft = read_report_file(SAMPLE_2021 if i % 2 else SAMPLE_2019)
            draft.organ = f"{draft.organ}{i:04d}"
            if i % 3 == 0:
                draft.values.pop(draft.spec.all_cells[0].id, None)  # some drafts with work left
            repo.save(draft)
    open_workspace(path).close()  # today's backup
    return folder


def median_ms(values: list[float]) -> str:
    return f"{min(values) * 1000:7.1f} / {statistics.median(values) * 1000:7.1f}"


def report(label: str, ours: list[float], floor: list[float], goal: float | None) -> None:
    ratio = statistics.median(ours) / statistics.median(floor)
    verdict = "" if goal is None else ("  ok" if ratio <= goal else "  OVER")
    goal_text = f"≤ {goal:.1f}×" if goal is not None else ""
    print(f"{label:44} {median_ms(ours)} ms {median_ms(floor)} ms {ratio:6.2f}×  {goal_text:6}{verdict}")


def row_paint_and_listed(bench: Bench, rows: set[str]) -> None:
    template = make_store(bench.work / "store-50", 50)
    new, full, floor = [], [], []
    for _ in range(bench.runs):
        new.append(app_start(bench, None))
        floor.append(floor_paint(bench))
        full.append(app_start(bench, template))
    if "paint" in rows:
        report("start → first paint (new folder)", [r[0] for r in new], floor, GOALS["paint"])
        report("start → first paint (50 drafts)", [r[0] for r in full], floor, GOALS["paint"])
    if "listed" in rows:
        for label, runs in (("new folder", new), ("50 drafts", full)):
            listed = [r[1] - r[0] for r in runs]
            counted = [r[2] - r[0] for r in runs]
            print(
                f"{'paint → drafts listed (' + label + ')':44} {median_ms(listed)} ms"
                f"{'':21}goal ≤ {LISTED_GOAL_S * 1000:.0f} ms"
                f"{'  ok' if statistics.median(listed) <= LISTED_GOAL_S else '  OVER'}"
            )
            print(f"{'paint → error counts shown (' + label + ')':44} {median_ms(counted)} ms")


def row_pdf(bench: Bench) -> None:
    """The clerk's usual export (the font cache made by an earlier one), and the first export on a PC (an
    empty font cache each run: ReportLab parses every face and the cache is written)."""
    out = bench.work / "ours.pdf"
    args = [*command(), "pdf", str(SAMPLE_2021), "-o", str(out)]
    cache = bench.work / "font-cache"
    warm, cold, floor = [], [], []
    bench.spawn(args, XDG_CACHE_HOME=str(cache))  # the earlier export
    for _ in range(bench.runs):
        warm.append(bench.spawn(args, XDG_CACHE_HOME=str(cache))[0])
        floor.append(bench.spawn([sys.executable, str(FLOORS / "floor_pdf_page.py"), str(bench.work / "floor.pdf")])[0])
        empty = Path(tempfile.mkdtemp(dir=bench.work, prefix="empty-cache-"))
        cold.append(bench.spawn(args, XDG_CACHE_HOME=str(empty))[0])
        shutil.rmtree(empty, ignore_errors=True)
    report("disclosure-desk pdf, 2021 sample", warm, floor, GOALS["pdf"])
    report("… first export (empty font cache)", cold, floor, None)


def row_list(bench: Bench) -> None:
    folder = bench.work / "store-1000"
    if not folder.exists():
        make_store(folder, 1000)
    store = folder / "drafts.sqlite3"
    ours, floor = bench.paired(
        lambda: bench.spawn([*command(), "list"], DISCLOSURE_DESK_DATA_DIR=str(folder))[0],
        lambda: bench.spawn([sys.executable, str(FLOORS / "floor_list.py"), str(store)])[0],
    )
    report("disclosure-desk list, 1,000 drafts", ours, floor, GOALS["list"])


def row_check(bench: Bench) -> None:
    ours, floor = bench.paired(
        lambda: bench.spawn([*command(), "check", str(SAMPLE_2021)])[0],
        lambda: bench.spawn([sys.executable, str(FLOORS / "floor_check.py")])[0],
    )
    report("disclosure-desk check, 2021 sample", ours, floor, GOALS["check"])


def row_save(bench: Bench, saves: int) -> None:
    sys.path.insert(0, str(FLOORS))
    from floor_save import FloorStore

    from disclosure_desk.application.workspace import open_workspace
    from disclosure_desk.interchange import read_report_file

    workspace = open_workspace(bench.work / "save" / "drafts.sqlite3", backup=False)
    floor_store = FloorStore(bench.work / "save" / "floor.sqlite3")
    draft = read_report_file(SAMPLE_2021)
    workspace.save(draft)
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])

    def timed(i: int, which: int, save: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        save()
        cpus[which].append(time.thread_time() - cpu)
        walls[which].append(time.perf_counter() - wall)

    for i in range(saves):
        draft.set_value("t3.new.natural", i)  # one cell edited, as the table page does
        timed(i, 0, lambda: workspace.save(draft))
        timed(i, 1, lambda i=i: floor_store.save(i))
    workspace.close()
    floor_store.close()
    report("autosave of one cell edit (wall)", walls[0], walls[1], GOALS["save"])
    report("autosave of one cell edit (CPU of the thread)", cpus[0], cpus[1], GOALS["save"])


def machine() -> str:
    from importlib.metadata import PackageNotFoundError, version

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    try:
        accel = f"rl_accel {version('rl_accel')}"
    except PackageNotFoundError:
        accel = "no rl_accel"
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; Python {platform.python_version()}, "
        f"PySide6 {version('PySide6')}, SQLAlchemy {version('SQLAlchemy')}, ReportLab {version('reportlab')} "
        f"({accel}), SQLite {sqlite3.sqlite_version}"
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="processes of each kind per row")
    parser.add_argument("--saves", type=int, default=300, help="autosaves (and floor saves) timed")
    parser.add_argument("--only", nargs="+", choices=ROWS, default=list(ROWS))
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the source tree measured")
    args = parser.parse_args()
    src = args.src.resolve()
    sys.path.insert(0, str(src))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True, stdout=subprocess.DEVNULL)
    rows = set(args.only)
    print(machine())
    print(f"source: {src}; {args.runs} runs of each process, interleaved with its floor; min / median")
    print(f"{'what':44} {'ours min / median':>20} {'floor min / median':>21} {'ratio':>7}")
    with tempfile.TemporaryDirectory(prefix="dd-ratios-") as tmp:
        bench = Bench(src, args.runs, Path(tmp))
        if rows & {"paint", "listed"}:
            row_paint_and_listed(bench, rows)
        if "pdf" in rows:
            row_pdf(bench)
        if "save" in rows:
            row_save(bench, args.saves)
        if "list" in rows:
            row_list(bench)
        if "check" in rows:
            row_check(bench)
    return 0


if __name__ == "__main__":
    sys.exit(main())
