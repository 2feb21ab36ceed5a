"""Floor for the PDF export: ReportLab's own Table (28 × 10, built-in Helvetica) on one page, in memory.

No CJK font, no line breaking of our own: what ReportLab costs for one table. bench/bench_export_formats.py
divides our PDF export's time by this one's.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

ROWS, COLS = 28, 10


def build() -> bytes:
    buffer = io.BytesIO()
    data = [[str(r * COLS + c) for c in range(COLS)] for r in range(ROWS)]
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build([Table(data)])
    return buffer.getvalue()


if __name__ == "__main__":
    print(len(build()), "bytes")
