"""Floor for the Word export: the least python-docx work for a document with one table.

A default document, one paragraph, one 28 × 10 table (the size of 表三) filled with short texts, saved
to memory. bench/bench_export_formats.py divides our Word export's time by this one's.
"""

from __future__ import annotations

import io

import docx

ROWS, COLS = 28, 10


def build() -> bytes:
    document = docx.Document()
    document.add_paragraph("政府信息公开工作年度报告")
    table = document.add_table(rows=ROWS, cols=COLS)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = str(r * COLS + c)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    print(len(build()), "bytes")
