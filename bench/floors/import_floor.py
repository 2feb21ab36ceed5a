"""Floors for bench_import.py: the least any reader of each format must do, with the same libraries.

- PDF: pdfplumber opens the file and lists every page's characters (no tables, no lines, no matching);
- Word: the package is unzipped and word/document.xml parsed by lxml (no walking, no matching);
- web page: the bytes are decoded and parsed by lxml.html (no walking, no matching).

    .venv/bin/python bench/floors/import_floor.py FILE...
"""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path


def floor_pdf(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.chars) for page in pdf.pages)


def floor_docx(path: Path) -> int:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return len(root)


def floor_html(path: Path) -> int:
    import lxml.html

    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return len(lxml.html.document_fromstring(text))


FLOORS = {".pdf": floor_pdf, ".docx": floor_docx, ".html": floor_html, ".htm": floor_html}


def floor(path: Path) -> int:
    return FLOORS[path.suffix.lower()](path)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        start = time.perf_counter()
        floor(Path(name))
        print(f"{name}: {time.perf_counter() - start:.4f} s")
