"""Benchmark of reading published reports: time per format as a ratio to a floor, and the share of cells right.

    .venv/bin/python bench/bench_import.py [--runs N]

- time: reading a 5-page PDF (our own export of the 2021 sample), a Word file and a saved web page into a
  Draft with its recognition report (``formats.read_report``), the median of N runs in this process after
  one warm-up, each divided by its floor (``bench/floors/import_floor.py``: the same libraries opening and
  parsing the same file, nothing more) measured in the same run;
- accuracy: over every fixture in tests/fixtures/published/ that has an expected result, the share of the
  edition's value cells read exactly right (a blank that should be blank counts as right), and of the
  narrative parts (preface, 一/五/六, title, 落款) read right (white space ignored).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench" / "floors"), str(ROOT)]

from import_floor import floor

from disclosure_desk.formats import read_report
from disclosure_desk.interchange import read_report_file

PUBLISHED = ROOT / "tests" / "fixtures" / "published"
TIMED = {"PDF (5 pages)": "own-2021.pdf", "Word": "d21-official.docx", "web page": "h21-full-page.html"}


def median_time(fn, path: Path, runs: int) -> float:
    fn(path)  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def accuracy() -> tuple[int, int, int, int]:
    from tests.formats.conftest import expected_for, readable_fixtures

    cells_right = cells = parts_right = parts = 0
    squeeze = lambda s: re.sub(r"\s+", "", s or "")
    for path in readable_fixtures():
        got, want = read_report(path).draft, read_report_file(expected_for(path))
        for cell in want.spec.all_cells:
            cells += 1
            cells_right += got.edition == want.edition and got.values.get(cell.id) == want.values.get(cell.id)
        checks = [
            squeeze(got.preface) == squeeze(want.preface),
            got.display_title == want.display_title,
            (got.signature_organ, got.signature_date) == (want.signature_organ, want.signature_date),
        ]
        checks += [
            squeeze(got.section_text(s.title)) == squeeze(want.section_text(s.title))
            for s in want.spec.narrative_sections
        ]
        parts += len(checks)
        parts_right += sum(checks)
    return cells_right, cells, parts_right, parts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"{'format':<16}{'import':>10}{'floor':>10}{'ratio':>8}")
    for label, name in TIMED.items():
        path = PUBLISHED / name
        ours = median_time(read_report, path, args.runs)
        base = median_time(floor, path, args.runs)
        print(f"{label:<16}{ours * 1000:>8.1f}ms{base * 1000:>8.1f}ms{ours / base:>8.1f}")
    right, total, text_right, texts = accuracy()
    print(
        f"cells right: {right}/{total} = {right / total:.1%}; text parts right: {text_right}/{texts} = "
        f"{text_right / texts:.1%} ({len(list(PUBLISHED.glob('*.expected.json')))} fixtures)"
    )


if __name__ == "__main__":
    main()
