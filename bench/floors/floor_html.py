"""Floor for the web-page export: a minimal escaped page with one table, as a string, encoded.

bench/bench_export_formats.py divides our web-page export's time by this one's.
"""

from __future__ import annotations

from html import escape

ROWS, COLS = 28, 10


def build() -> bytes:
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(str(r * COLS + c))}</td>" for c in range(COLS)) + "</tr>" for r in range(ROWS)
    )
    page = f"<!DOCTYPE html><html><head><title>{escape('年度报告')}</title></head><body><table>{rows}</table></body></html>"
    return page.encode("utf-8")


if __name__ == "__main__":
    print(len(build()), "bytes")
