"""Benchmark of the store on a PostgreSQL server over loopback, beside the local SQLite store (issue 18).

    .venv/bin/python bench/bench_server.py [--saves 300] [--organs 100] [--runs 5]

A throwaway cluster is started on 127.0.0.1 (``tests/pg_cluster.py``, fsync on: commits are durable, as on an
office's server), set up by ``server-setup``'s own code, with one clerk account per organ and a reviewer.

- *autosave of one cell edit*: ``EditingDraft.save`` — what the app's autosave calls: the revision checked, the
  lease checked, the changed rows and the change log written, committed — on the server and on a local SQLite
  file, call by call, interleaved with its floor: ``floor_server.FloorServerSave`` (psycopg, one UPDATE and a
  COMMIT of one row on a kept connection) and ``floor_save.FloorStore`` (sqlite3 WAL, ``synchronous=FULL``, one
  UPDATE and a COMMIT). Median and 95th percentile of the wall time; the ratio of the medians.
- *review board read from the server*: ``review_store`` as the reviewer's account — the drafts of ``--organs``
  organs of this year and last year's (2 × organs drafts) loaded over the network, matched, checked, compared —
  against ``floor_server.read_rows`` (the same rows fetched with three plain SELECTs and kept); beside it
  ``review_folder`` of the same reports as report-JSON files (floor: ``review_floor``, the files parsed).
  Median of ``--runs`` after one warm-up, ours and floor alternately.

Skips (exit 0, says so) where PostgreSQL is not installed.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench" / "floors"), str(ROOT)]

from floor_save import FloorStore
from floor_server import FloorServerSave, read_rows
from review_floor import floor as files_floor
from tests.pg_cluster import PgCluster

SAMPLE_2021 = ROOT / "resources" / "samples" / "qinghe-tongjiju-2025.json"
DATABASE = "office"
CELLS = ("t3.new.natural", "t3.new.business", "t3.new.research", "t3.new.nonprofit", "t3.new.legal")


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{statistics.median(values) * 1000:8.2f} ms  p95 {p95 * 1000:7.2f} ms"


def row(label: str, ours: list[float], floor: list[float]) -> float:
    ratio = statistics.median(ours) / statistics.median(floor)
    print(f"{label:38} {ms(ours)}   floor {ms(floor)}   {ratio:6.1f}×")
    return ratio


def saves(cluster: PgCluster, folder: Path, count: int) -> None:
    from disclosure_desk.application.editing import EditingDraft
    from disclosure_desk.application.workspace import open_workspace
    from disclosure_desk.interchange import read_report_file

    server_floor = FloorServerSave(cluster.url(DATABASE))
    local_floor = FloorStore(folder / "floor.sqlite3")
    with (
        open_workspace(cluster.url(DATABASE, "clerk001", "clerk001-pw")) as server,
        open_workspace(folder / "drafts.sqlite3", backup=False) as local,
    ):
        editing = []
        for workspace in (server, local):
            draft = read_report_file(SAMPLE_2021)
            draft.organ = "青禾县第001单位"
            workspace.save(draft)
            assert draft.id is not None
            editing.append(EditingDraft(workspace, draft.id))
        times: list[list[float]] = [[], [], [], []]  # server, server floor, local, local floor
        for i in range(count):
            for k, (edit, floor) in enumerate(((editing[0], server_floor), (editing[1], local_floor))):
                edit.draft.set_value(CELLS[i % len(CELLS)], i)  # one cell edited, as the table page does
                start = time.perf_counter()
                edit.save()
                times[2 * k].append(time.perf_counter() - start)
                start = time.perf_counter()
                floor.save(i)
                times[2 * k + 1].append(time.perf_counter() - start)
    server_floor.close()
    local_floor.close()
    print(f"autosave of one cell edit, {count} saves each, interleaved:")
    server_ratio = row("  PostgreSQL over loopback", times[0], times[1])
    local_ratio = row("  SQLite file (synchronous=FULL)", times[2], times[3])
    print(
        f"  server / local: {statistics.median(times[0]) / statistics.median(times[2]):.1f}× the wall time "
        f"(ratios to their floors {server_ratio:.1f}× and {local_ratio:.1f}×)"
    )


def fill(cluster: PgCluster, organs: int, folder: Path) -> tuple[Path, Path]:
    """``organs`` organs, each with this year's and last year's report, on the server and as JSON files."""
    from tests.review.batch import make_json_batch

    from disclosure_desk.application.workspace import open_workspace
    from disclosure_desk.interchange import read_report_file
    from disclosure_desk.storage.server_setup import add_user

    this_year, last_year = make_json_batch(folder / "files", organs)
    with contextlib.closing(cluster.admin(DATABASE)) as conn:
        add_user(conn, "shen", "shen-pw", reviewer=True, display_name="沈审核")
        for i, path in enumerate(sorted(this_year.glob("*.json")), start=1):
            name = f"clerk{i:03d}"
            add_user(conn, name, f"{name}-pw", organ=path.stem, display_name=name)
            with open_workspace(cluster.url(DATABASE, name, f"{name}-pw")) as clerk:
                clerk.save(read_report_file(last_year / path.name))
                clerk.save(read_report_file(path))
    return this_year, last_year


def board(cluster: PgCluster, organs: int, files: tuple[Path, Path], runs: int) -> None:
    from disclosure_desk.application.review import review_folder
    from disclosure_desk.application.review.store_source import review_store
    from disclosure_desk.application.workspace import open_workspace

    with open_workspace(cluster.url(DATABASE, "shen", "shen-pw")) as shen:
        review = review_store(shen)
        assert len(review.organs) == organs and all(o.previous is not None for o in review.organs), "not the batch"
        ours: list[float] = []
        floor: list[float] = []
        for _ in range(runs + 1):  # the first pair is the warm-up
            ours.append(_timed(lambda: review_store(shen)))
            floor.append(_timed(lambda: read_rows(cluster.url(DATABASE), review.year or 0)))
        ours, floor = ours[1:], floor[1:]
    from_files, files_base = [], []
    for _ in range(runs + 1):
        from_files.append(_timed(lambda: review_folder(*files)))
        files_base.append(_timed(lambda: files_floor(list(files))))
    from_files, files_base = from_files[1:], files_base[1:]
    print(f"review board, {organs} organs (this year's and last year's: {2 * organs} reports), {runs} runs:")
    row("  read from the server (reviewer)", ours, floor)
    row("  read from report-JSON files", from_files, files_base)


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--organs", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cluster = PgCluster.find(fsync=True)
    if cluster is None:
        print("PostgreSQL is not installed (Debian: apt-get install postgresql): nothing measured")
        return 0
    import sqlite3

    import psycopg

    from disclosure_desk.storage.server_setup import setup_database

    cluster.init()
    cluster.start()
    try:
        setup_database(cluster.url(DATABASE))
        with contextlib.closing(cluster.admin(DATABASE)) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
        print(
            f"PostgreSQL {version} on 127.0.0.1 (fsync on), psycopg {psycopg.__version__}; SQLite {sqlite3.sqlite_version}"
        )
        with tempfile.TemporaryDirectory(prefix="dd-bench-server-") as tmp:
            files = fill(cluster, args.organs, Path(tmp))
            saves(cluster, Path(tmp), args.saves)
            board(cluster, args.organs, files, args.runs)
    finally:
        cluster.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
