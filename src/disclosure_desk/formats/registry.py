"""Which module reads or writes which file extension, and the results they return.

Readers are ``read(path: Path) -> ReadResult``; writers are
``write(draft, path: Path, *, previous: Draft | None) -> WriteResult``. Each is imported only when a file
of its kind is met, so that e.g. ``check FILE.json`` never pays for python-docx or ReportLab.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from ..domain import Draft
from ..errors import BadInputError, CannotWriteError
from ..records import field, record

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the CLI ~2 ms)
if TYPE_CHECKING:
    from typing import Any

# extension -> "module:function" (modules relative to this package)
READERS: dict[str, str] = {
    ".json": "json_format:read",
    ".docx": "docx_reader:read",
    ".html": "html_reader:read",
    ".htm": "html_reader:read",
    ".pdf": "pdf_reader:read",
}
WRITERS: dict[str, str] = {
    ".json": "json_format:write",
    ".pdf": "pdf_format:write",
    ".docx": "docx_format:write",
    ".html": "html_format:write",
    ".htm": "html_format:write",
}

INPUT_SUFFIXES = tuple(READERS)
OUTPUT_SUFFIXES = tuple(WRITERS)


@record(frozen=False)
class ReadResult:
    """A report read from a file. ``recognition`` is None when the file was exact (our own JSON):
    otherwise it says what was read, what was left blank and why, and what was matched approximately."""

    draft: Draft
    recognition: Any = None


@record(frozen=False)
class WriteResult:
    path: Path
    notes: list[str] = field(default_factory=list)  # lines for the user (pages, fonts, draft mark …)
    warnings: list[str] = field(default_factory=list)  # lines for stderr
    draft_mark: bool = False


def read_report(path: str | os.PathLike[str]) -> ReadResult:
    """Read a report file of any supported format; ``BadInputError`` (exit 2) names what is wrong."""
    p = Path(path)
    reader = _lookup(READERS, p.suffix.lower())
    if reader is None:
        raise BadInputError(
            f"无法读取“{p.name}”：不支持“{p.suffix or '无扩展名'}”文件。可以读取的格式：{_listed(INPUT_SUFFIXES)}。",
            f"{p}: unsupported input type {p.suffix!r}",
        )
    result: ReadResult = reader(p)
    return result


def write_report(draft: Draft, path: str | os.PathLike[str], *, previous: Draft | None = None) -> WriteResult:
    """Write ``draft`` in the format the extension names, atomically; ``CannotWriteError`` (exit 3)."""
    p = Path(path)
    writer = _lookup(WRITERS, p.suffix.lower())
    if writer is None:
        raise BadInputError(
            f"无法生成“{p.name}”：不支持“{p.suffix or '无扩展名'}”文件。可以生成的格式：{_listed(OUTPUT_SUFFIXES)}。",
            f"{p}: unsupported output type {p.suffix!r}",
        )
    result: WriteResult = writer(draft, p, previous=previous)
    return result


def _lookup(table: dict[str, str], suffix: str) -> Any:
    target = table.get(suffix)
    if target is None:
        return None
    module_name, function = target.split(":")
    module = importlib.import_module(f".{module_name}", __package__)
    return getattr(module, function)


def _listed(suffixes: tuple[str, ...]) -> str:
    return "、".join(suffixes)


__all__ = ["CannotWriteError", "ReadResult", "WriteResult", "read_report", "write_report"]
