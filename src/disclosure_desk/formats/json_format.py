"""Report JSON (our own interchange format): exact, so there is no recognition report."""

from __future__ import annotations

from pathlib import Path

from ..domain import Draft
from ..interchange import read_report_file, write_report_file
from .registry import ReadResult, WriteResult


def read(path: Path) -> ReadResult:
    return ReadResult(read_report_file(path))


def write(draft: Draft, path: Path, *, previous: Draft | None = None) -> WriteResult:
    write_report_file(draft, path)
    return WriteResult(path, [f"已生成 {path}。"])
