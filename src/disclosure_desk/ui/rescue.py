"""When the store cannot be written at exit: put the draft in a JSON file somewhere that works."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from .. import paths
from ..domain import Draft
from ..errors import UserFacingError


def rescue_draft(draft: Draft) -> Path | None:
    """Write the draft as report JSON to the first folder that accepts it; None if none does."""
    from ..interchange import write_report_file

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", draft.display_title) or "report"
    for folder in (paths.data_dir() / "rescue", Path.home() / "Desktop", Path.home(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{name}-未保存-{stamp}.json"
            write_report_file(draft, target)
            return target
        except (OSError, UserFacingError):  # this folder does not work: try the next one
            continue
    return None
