"""``disclosure-desk html FILE -o OUT.html [--fragment] [--previous LAST]``: the report as a web page.

``--fragment`` writes only the report's body (no ``<html>``/``<head>``), to paste into the source view
of a site's CMS editor. Exit status as for ``pdf``: 0 written, 2 bad input, 3 cannot write.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .convert import print_result, read_input


def run(args: argparse.Namespace) -> int:
    from ..formats.html_format import write

    draft = read_input(args.file)
    previous = read_input(args.previous) if args.previous else None
    print_result(write(draft, Path(args.output), previous=previous, fragment=args.fragment))
    return 0
