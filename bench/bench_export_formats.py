"""Export time per format (PDF, Word, web page) for the 2021 sample, each as a ratio to its floor.

    .venv/bin/python bench/bench_export_formats.py [--runs N]

Warm, in one process (what the app sees from its second export on): ``build`` is the median time to
make the file in memory from the Draft, the checks that decide the 草稿 mark included (``render_pdf``;
``report_content`` + ``render_docx`` / ``render_html``); ``floor`` the median of its floor script in
bench/floors/ (also in memory), measured in the same run; ``ratio`` build / floor. ``to file`` is the
whole export as the app and the commands do it (written atomically: temporary file, fsync, rename).
Bundled fonts only, so the figures do not depend on the PC.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "qinghe-tongjiju-2025.json"
FLOORS = Path(__file__).resolve().parent / "floors"
os.environ["DISCLOSURE_DESK_BUNDLED_FONTS_ONLY"] = "1"


def floor(name: str) -> Callable[[], bytes]:
    spec = importlib.util.spec_from_file_location(name, FLOORS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build


def median_time(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm: imports, fonts, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    from disclosure_desk.formats import docx_format, html_format
    from disclosure_desk.formats.docx_format import render_docx
    from disclosure_desk.formats.html_format import render_html
    from disclosure_desk.formats.report_content import needs_draft_mark, report_content
    from disclosure_desk.interchange import read_report_file
    from disclosure_desk.pdf.export import export_pdf, render_pdf

    draft = read_report_file(SAMPLE)

    def content():  # what the Word and web writers share: the checks (草稿 mark) and the content walk
        return report_content(draft, draft_mark=needs_draft_mark(draft))

    builds = {  # the file in memory, from the Draft
        "PDF": (lambda: render_pdf(draft)[0], "floor_pdf"),
        "DOCX": (lambda: render_docx(content()), "floor_docx"),
        "HTML": (lambda: render_html(content()).encode("utf-8"), "floor_html"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        exports = {  # the same, written atomically (temporary file, fsync, rename) as the app does
            "PDF": lambda: export_pdf(draft, folder / "r.pdf"),
            "DOCX": lambda: docx_format.write(draft, folder / "r.docx"),
            "HTML": lambda: html_format.write(draft, folder / "r.html"),
        }
        print(f"2021 sample ({SAMPLE.name}), median of {args.runs} warm runs each")
        print(f"{'format':6} {'build':>9} {'floor':>9} {'ratio':>6} {'to file':>9} {'size':>7}")
        for name, (build, floor_name) in builds.items():
            t = median_time(build, args.runs)
            f = median_time(floor(floor_name), args.runs)
            written = median_time(exports[name], args.runs)
            size = len(build()) / 1024
            print(f"{name:6} {t * 1000:7.1f}ms {f * 1000:7.1f}ms {t / f:6.1f} {written * 1000:7.1f}ms {size:5.0f}KB")
        walk = median_time(content, args.runs)
        print(f"shared by DOCX and HTML: checks + content walk {walk * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
