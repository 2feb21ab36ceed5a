"""Floors for bench_review.py: the least any review of the same files must do.

- report JSON: ``json.loads`` of every file (this year's and last year's), the parsed objects kept, as a
  review keeps its reports — no drafts, no checks;
- mixed formats: per file the least its reader does (``import_floor.floor``: pdfplumber listing a PDF's
  characters, parsing a Word file's document.xml, parsing a web page), ``json.loads`` for report JSON.

    .venv/bin/python bench/floors/review_floor.py FOLDER...
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_floor import floor as format_floor

SUFFIXES = (".json", ".docx", ".html", ".htm", ".pdf")


def files(folders: list[Path]) -> list[Path]:
    return sorted(p for folder in folders for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)


def floor(folders: list[Path]) -> list[Any]:
    kept = []
    for path in files(folders):
        if path.suffix.lower() == ".json":
            kept.append(json.loads(path.read_bytes()))
        else:
            try:
                kept.append(format_floor(path))
            except Exception:
                kept.append(None)
    return kept


if __name__ == "__main__":
    start = time.perf_counter()
    n = len(floor([Path(a) for a in sys.argv[1:]]))
    print(f"{n} files in {time.perf_counter() - start:.3f} s")
