"""Floor for bench/bench_pdf.py: the least a Python process does to write a comparable PDF with ReportLab.

Five A4 pages of 22 lines of text each, drawn with a standard PDF font (no font files to read or
embed, no layout), so the figure moves with the machine and the ReportLab version but not with
Disclosure Desk's code or bundled fonts. ``bench_pdf.py`` runs it as a fresh process (cold) and calls
``build`` in its own process (warm), and gives its figures as ratios to these.

    python bench/floors/pdf_floor.py OUT.pdf
"""

from __future__ import annotations

import io
import sys
import time

PAGES = 5
LINES = 22
TEXT = "The quick brown fox jumps over the lazy dog 0123456789"


def build(pages: int = PAGES) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    for page in range(pages):
        for line in range(LINES):
            canvas.setFont("Times-Roman", 12)
            canvas.drawString(80, 760 - 29 * line, f"{page}.{line} {TEXT}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def main() -> int:
    t0 = time.perf_counter()
    data = build()
    with open(sys.argv[1], "wb") as out:
        out.write(data)
    print(f"{time.perf_counter() - t0:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
