"""The floor of setting a long text in a PDF: ReportLab alone, no line breaking, no checks.

The same characters, cut every ``CHARS_PER_LINE`` characters into lines drawn with ``drawString`` in
the bundled 宋体 face, 22 lines a page, A4 — what any program that prints this text with ReportLab
must at least spend. ``bench/bench_long_text.py`` gives its figures as ratios to this, measured in the
same run, so that they do not depend on how fast (or how busy) the machine is.

    .venv/bin/python bench/floors/plain_lines_pdf.py CHARACTERS   # prints the seconds it took
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "ARPLUMingCN-GB2312.ttf"
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22


def set_plain(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "FloorMing" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("FloorMing", str(FONT)))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, pageCompression=1)
    height = A4[1]
    for n, start in enumerate(range(0, len(text), CHARS_PER_LINE)):
        line = n % LINES_PER_PAGE
        if n and line == 0:
            pdf.showPage()
        pdf.setFont("FloorMing", 16)
        pdf.drawString(80, height - 100 - 28 * line, text[start : start + CHARS_PER_LINE])
    pdf.save()
    return buf.getvalue()


if __name__ == "__main__":
    characters = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    started = time.perf_counter()
    set_plain(("本机关依法公开政府信息，" * (characters // 12 + 1))[:characters])
    print(f"{time.perf_counter() - started:.3f}")
