"""``disclosure-desk convert IN -o OUT``: a report from one format to another, touching no store.

IN: any format ``formats`` reads; OUT: chosen by its extension. Exit status as for ``pdf``:
0 written, 2 bad input, 3 cannot write (nothing half-written is left).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain import Draft
from ..formats import WriteResult, read_report, write_report


def run(args: argparse.Namespace) -> int:
    draft = read_input(args.file)
    previous = read_input(args.previous) if getattr(args, "previous", None) else None
    print_result(write_report(draft, Path(args.output), previous=previous))
    return 0


def read_input(path: str) -> Draft:
    """The report in ``path`` (any readable format); what recognition noticed goes to stderr."""
    result = read_report(path)
    if result.recognition is not None:
        summary = getattr(result.recognition, "summary_lines", None)
        for line in summary() if callable(summary) else ():
            print(line, file=sys.stderr)
    return result.draft


def print_result(result: WriteResult) -> None:
    for line in result.notes:
        print(line)
    for line in result.warnings:
        print(line, file=sys.stderr)
