"""``disclosure-desk pdf FILE -o OUT.pdf [--previous LAST]``.

Exit status: 0 written (a report with errors gets the 草稿 mark, and a note says so), 2 the file
cannot be read or is not a report, 3 the PDF cannot be written (the old file is left as it was).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .convert import print_result, read_input


def run(args: argparse.Namespace) -> int:
    from ..formats.pdf_format import write

    draft = read_input(args.file)
    previous = read_input(args.previous) if args.previous else None
    print_result(write(draft, Path(args.output), previous=previous))
    return 0
