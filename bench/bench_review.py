"""Benchmark of the review desk: 500 report-JSON reports and the 60-organ mixed batch reviewed.

    .venv/bin/python bench/bench_review.py [--runs N] [--count 500]

For each batch (with last year's folder beside it, as the office uses it):
- *review*: ``review_folder`` — every file read, matched to its organ and last year's report, checked
  (every rule, the cross-year ones included), the copy score and the compared figures worked out —
  with fresh scanners; the median of N runs after one warm-up, in this process;
- *rescan*: the same review again after one report was added, with the scanners of a first review
  (what the app does when a file is dropped into the watched folder: only the new file is read and checked);
- *peak memory*: tracemalloc's peak during one review (a separate run: tracing slows Python down);
- each a ratio to its floor (``bench/floors/review_floor.py``: the same files parsed and kept, no more)
  measured in the same run. The rescan's floor is the floor of reading the one new file.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench" / "floors"), str(ROOT)]

from review_floor import files, floor

from disclosure_desk.application.review import FolderScanner, review_folder


def median_time(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(fn: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        kept = fn()  # noqa: F841 - held until the peak is read, as a review holds its reports
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def rescan_time(folder: Path, previous: Path, extra: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        scanners = FolderScanner(), FolderScanner()
        review_folder(folder, previous, scanner=scanners[0], previous_scanner=scanners[1])
        dropped = folder / "新报送.json"
        shutil.copy(extra, dropped)
        start = time.perf_counter()
        review_folder(folder, previous, scanner=scanners[0], previous_scanner=scanners[1])
        times.append(time.perf_counter() - start)
        dropped.unlink()
    return statistics.median(times)


def measure(label: str, folder: Path, previous: Path, runs: int) -> None:
    folders = [folder, previous]
    n = len(files(folders))
    ours = median_time(lambda: review_folder(folder, previous), runs)
    base = median_time(lambda: floor(folders), runs)
    mem = peak_memory(lambda: review_folder(folder, previous))
    mem_base = peak_memory(lambda: floor(folders))
    extra = next(p for p in sorted(folder.glob("*.json")))
    rescan = rescan_time(folder, previous, extra, max(1, runs // 2))
    one = median_time(lambda: _floor_one(extra), runs)
    print(
        f"{label:<28}{n:>6}{ours:>9.2f}s{base:>9.3f}s{ours / base:>7.1f}"
        f"{mem / 2**20:>9.1f}MB{mem_base / 2**20:>7.1f}MB{mem / mem_base:>6.1f}"
        f"{rescan * 1000:>9.0f}ms{one * 1000:>7.1f}ms{rescan / one:>7.0f}"
    )


def _floor_one(path: Path) -> object:
    import json

    return json.loads(path.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    from tests.review.batch import make_batch, make_json_batch

    with tempfile.TemporaryDirectory(prefix="dd-bench-review-") as tmp:
        root = Path(tmp)
        json_folder, json_previous = make_json_batch(root / "json", args.count)
        mixed = make_batch(root / "mixed")
        print(
            f"{'batch':<28}{'files':>6}{'review':>10}{'floor':>10}{'ratio':>7}{'peak mem':>11}{'floor':>9}"
            f"{'ratio':>6}{'rescan+1':>11}{'floor':>9}{'ratio':>7}"
        )
        measure(f"{args.count} report JSON", json_folder, json_previous, args.runs)
        measure("60 organs, mixed formats", mixed.folder, mixed.previous_folder, args.runs)


if __name__ == "__main__":
    main()
