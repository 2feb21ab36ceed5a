"""Benchmark of the PDF export: cold process, warm, file size, and LibreOffice for comparison.

    .venv/bin/python bench/bench_pdf.py [--runs N]

- cold: a fresh Python process that reads the 2021 sample and exports it (interpreter start, imports,
  font loading and the export itself; the child also reports the export call alone);
- warm: the same export repeated in this process once fonts are loaded (what the GUI sees from the
  second export on);
- the size of the PDF;
- LibreOffice: converting a .docx with the same text and tables to PDF (``soffice --headless
  --convert-to pdf``), if ``soffice``/``libreoffice`` is on PATH; skipped otherwise.

Bundled fonts only, so the figures do not depend on the fonts installed. Every time is also given
as a ratio to the floor measured in the same run (``bench/floors/pdf_floor.py``: five pages of plain
text with a standard PDF font, cold as a fresh process and warm in this one), so figures from
different machines or runs can be compared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "qinghe-tongjiju-2025.json"
FLOOR = ROOT / "bench" / "floors" / "pdf_floor.py"
os.environ["DISCLOSURE_DESK_BUNDLED_FONTS_ONLY"] = "1"

CHILD = """
import sys, time
t0 = time.perf_counter()
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf.export import export_pdf
draft = read_report_file(sys.argv[1])
t1 = time.perf_counter()
export_pdf(draft, sys.argv[2])
t2 = time.perf_counter()
print(f"{t1 - t0:.4f} {t2 - t1:.4f}")
"""


def cold(runs: int, out: Path) -> tuple[float, float, float]:
    """Median wall time of the whole process, of imports + reading, of the export call."""
    walls, imports, exports = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        res = subprocess.run(
            [sys.executable, "-c", CHILD, str(SAMPLE), str(out)],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ),
        )
        walls.append(time.perf_counter() - start)
        a, b = map(float, res.stdout.split())
        imports.append(a)
        exports.append(b)
    return statistics.median(walls), statistics.median(imports), statistics.median(exports)


def floor_cold(runs: int, out: Path) -> float:
    """Median wall time of the floor as a fresh process."""
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(FLOOR), str(out)], capture_output=True, check=True)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def floor_warm(runs: int) -> tuple[float, float]:
    """Median wall and CPU time of the floor's build in this process."""
    sys.path.insert(0, str(FLOOR.parent))
    from pdf_floor import build

    build()
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        build()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu)


def warm(runs: int, out: Path) -> tuple[float, float, int, int]:
    """Median wall and CPU time of an export in this process once the fonts are loaded, size, pages.

    CPU time is given too: on a machine shared with other work the wall time of a 0.1 s task varies by
    half, its CPU time by a few per cent."""
    from disclosure_desk.interchange import read_report_file
    from disclosure_desk.pdf.export import export_pdf

    draft = read_report_file(SAMPLE)
    result = export_pdf(draft, out)  # loads the fonts
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = export_pdf(draft, out)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu), result.size, result.pages


def long_report_time(runs: int, out: Path) -> tuple[float, float, int]:
    sys.path.insert(0, str(ROOT))
    from tests.pdf.conftest import long_report

    from disclosure_desk.interchange import read_report_file
    from disclosure_desk.pdf.export import export_pdf

    draft = long_report(read_report_file(SAMPLE))
    times, cpu, pages = [], [], 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        pages = export_pdf(draft, out).pages
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu), pages


# ---- LibreOffice ------------------------------------------------------------------------


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>"
        + "".join(f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>{_p(c)}</w:tc>' for c in row)
        + "</w:tr>"
        for row in rows
    )
    borders = "".join(
        f'<w:{s} w:val="single" w:sz="4"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return f"<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr>{cells}</w:tbl>"


def write_docx(path: Path) -> None:
    """A .docx with the same title, text and tables (grid without merges): enough to time a conversion."""
    from disclosure_desk.domain import format_value
    from disclosure_desk.interchange import read_report_file

    draft = read_report_file(SAMPLE)
    body = [_p(draft.display_title), _p(draft.preface)]
    for section in draft.spec.sections:
        body.append(_p(section.title))
        if section.is_table:
            spec = draft.spec.table(section.table)
            grid = [[""] * spec.grid_cols for _ in range(spec.grid_rows)]
            for g in spec.grid:
                grid[g.row][g.col] = format_value(draft.value(g.cell_id)) if g.cell_id else g.text
            body.append(_table(grid))
        else:
            body += [_p(line) for line in draft.section_text(section.title).split("\n")]
    body += [_p(draft.signature_organ), _p(str(draft.signature_date))]
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", document)


def libreoffice(runs: int, folder: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    docx = folder / "report.docx"
    write_docx(docx)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
            capture_output=True,
            check=True,
            timeout=300,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "report.pdf"
        floor_wall = floor_cold(args.runs, folder / "floor.pdf")
        wall, imports, export_cold = cold(args.runs, out)
        floor_hot, floor_cpu = floor_warm(args.runs * 2)
        warm_time, warm_cpu, size, pages = warm(args.runs * 2, out)
        long_time, long_cpu, long_pages = long_report_time(args.runs, folder / "long.pdf")
        lo = libreoffice(max(1, args.runs // 2), folder)
    print(f"2021 sample ({SAMPLE.name}): {pages} pages, {size / 1024:.0f} KB ({size} bytes)")
    print(
        f"floor        : {floor_wall * 1000:7.0f} ms cold process, {floor_hot * 1000:.1f} ms warm, "
        f"{floor_cpu * 1000:.1f} ms warm CPU (bench/floors/pdf_floor.py)"
    )
    print(
        f"cold process : {wall * 1000:7.0f} ms wall (imports + reading {imports * 1000:.0f} ms, "
        f"export call {export_cold * 1000:.0f} ms) = {wall / floor_wall:.2f} x floor"
    )
    print(
        f"warm export  : {warm_time * 1000:7.0f} ms = {warm_time / floor_hot:.1f} x floor; "
        f"CPU {warm_cpu * 1000:.0f} ms = {warm_cpu / floor_cpu:.1f} x floor CPU"
    )
    print(
        f"long report  : {long_time * 1000:7.0f} ms warm, {long_pages} pages = {long_time / floor_hot:.1f} x floor; "
        f"CPU {long_cpu * 1000:.0f} ms = {long_cpu / floor_cpu:.1f} x floor CPU"
    )
    if lo is None:
        print("LibreOffice  : not installed (soffice/libreoffice not on PATH), ratio skipped")
    else:
        print(
            f"LibreOffice  : {lo * 1000:7.0f} ms to convert a comparable .docx; "
            f"ratio LibreOffice / cold = {lo / wall:.1f}, / warm = {lo / warm_time:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
