"""Report files in and out, whatever their format. Qt-free.

A *reader* turns a file into a Draft plus a recognition report (what was read, left blank or guessed);
a *writer* turns a Draft into a file. Both are chosen by the file's extension (``registry``). The store,
the checks and the UI know only the Draft: a new format is one module here and one line in the registry.

    result = read_report("上年报告.docx")      # ReadResult(draft, recognition)
    write_report(result.draft, "报告.json")     # WriteResult(path, notes)
"""

from __future__ import annotations

from .registry import (
    INPUT_SUFFIXES,
    OUTPUT_SUFFIXES,
    ReadResult,
    WriteResult,
    read_report,
    write_report,
)

__all__ = ["INPUT_SUFFIXES", "OUTPUT_SUFFIXES", "ReadResult", "WriteResult", "read_report", "write_report"]
