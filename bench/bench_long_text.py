"""Benchmark of very long text in the PDF: 200,000-character sections and organ names, long titles.

    .venv/bin/python bench/bench_long_text.py [--runs 3] [--characters 200000]

The speed claims that were wall-clock limits in tests/robustness/test_hostile_text.py live here
(the tests now check the behaviour, and count the work of the line breaker and the title search).
Each figure is the median of ``--runs`` and is given as a ratio to the floor measured in the same
run: ``bench/floors/plain_lines_pdf.py`` setting the same characters with ReportLab alone (no line
breaking, no checks). A ratio is comparable between machines and between a quiet and a busy one;
the seconds are printed too.

- checks: ``check`` of the 2021 sample with 五 (then 一) replaced by the text: S-1's cut of the
  boilerplate and N-1's reading of every figure must stay linear (a regular expression that
  backtracked over a run of 200,000 digits never finished);
- section: ``render_pdf`` of the 2021 sample with 五 replaced by the text (checks included);
- organ: the same with the organ and signature 200,000 characters long (the title search, then the
  line breaker take over);
- title: the worst title of up to 100 characters for the pruned title search (5 lines, character
  breaks), against the floor of setting that title once.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "qinghe-tongjiju-2025.json"
os.environ["DISCLOSURE_DESK_BUNDLED_FONTS_ONLY"] = "1"
sys.path.insert(0, str(ROOT / "bench" / "floors"))

from plain_lines_pdf import set_plain  # the floor, beside this file

TEXTS: dict[str, Callable[[int], str]] = {
    "中文和标点": lambda n: ("本机关依法公开政府信息，" * (n // 12 + 1))[:n],
    "letters, no break": lambda n: "a" * n,
    "CJK, no punctuation": lambda n: ("政府信息公开" * (n // 6 + 1))[:n],
    "closing punctuation only": lambda n: "，" * n,
}


def median_time(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--characters", type=int, default=200_000)
    args = parser.parse_args()
    from disclosure_desk.interchange import read_report_file
    from disclosure_desk.pdf import styles, title
    from disclosure_desk.pdf.export import render_pdf
    from disclosure_desk.pdf.fonts import FontSet
    from disclosure_desk.pdf.typeset import Typesetter

    base = read_report_file(SAMPLE)
    render_pdf(base, invariant=True, bundled_fonts_only=True)  # fonts loaded, caches warm
    n = args.characters
    print(f"{n:,} characters, median of {args.runs} runs; ratio = time / floor (ReportLab alone, same characters)")
    from disclosure_desk.checks import check

    for name, make in {
        **TEXTS,
        "digits": lambda k: "9" * k,
        "收到申请1件, no punctuation": lambda k: "收到申请1件" * (k // 6),
    }.items():
        text = make(n)
        drafts = []
        for where in ("五、存在的主要问题及改进情况", "一、总体情况"):
            drafts.append(copy.deepcopy(base))
            drafts[-1].sections[where] = text
        ours = median_time(lambda ds=drafts: [check(d) for d in ds], args.runs)
        floor = median_time(lambda t=text: set_plain(t), args.runs)
        print(f"  checks, {name:27}: {ours:6.2f} s, floor {floor:5.2f} s, ratio {ours / floor:5.2f}")
    for name, make in TEXTS.items():
        text = make(n)
        draft = copy.deepcopy(base)
        draft.sections["五、存在的主要问题及改进情况"] = text
        ours = median_time(lambda d=draft: render_pdf(d, invariant=True, bundled_fonts_only=True), args.runs)
        floor = median_time(lambda t=text: set_plain(t), args.runs)
        print(f"  section, {name:26}: {ours:6.2f} s, floor {floor:5.2f} s, ratio {ours / floor:5.1f}")
    organ = ("青禾县人民政府办公室统计局，" * (n // 14 + 1))[:n]
    draft = copy.deepcopy(base)
    draft.organ = draft.signature_organ = organ
    draft.title = None
    ours = median_time(lambda: render_pdf(draft, invariant=True, bundled_fonts_only=True), args.runs)
    floor = median_time(lambda: set_plain(organ * 3), args.runs)  # the title, the signature and the header
    print(f"  organ and signature       : {ours:6.2f} s, floor {floor:5.2f} s, ratio {ours / floor:5.1f}")
    ts = Typesetter(FontSet(bundled_only=True))

    def worst_title() -> None:
        for length in range(1, 101):
            t = ("青禾县人民政府办公室统计局" * 8)[:length] + "2025年" + title.SUFFIX
            title.break_title(t, lambda s: ts.width(s, styles.TITLE), styles.TYPE_AREA_WIDTH)

    ours = median_time(worst_title, args.runs)
    floor = median_time(lambda: [set_plain(("青禾县人民政府办公室统计局" * 8)[:k]) for k in range(1, 101)], args.runs)
    print(f"  titles of 1-100 characters: {ours:6.2f} s, floor {floor:5.2f} s, ratio {ours / floor:5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
