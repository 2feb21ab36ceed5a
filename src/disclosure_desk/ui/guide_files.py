"""The user guide's files: the Markdown and the screenshots it shows (Qt-free; used by the guide window
and by the start-up probe)."""

from __future__ import annotations

import re

from .. import paths

IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def guide_complete() -> bool:
    """The user guide is there, and so is every image it shows."""
    guide = paths.guide_file()
    if not guide.is_file():
        return False
    links = IMAGE_LINK.findall(guide.read_text(encoding="utf-8"))
    return all((guide.parent / link).is_file() for link in links)
