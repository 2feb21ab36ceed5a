"""Where file dialogs and exports start: the folder the clerk last used, else one that exists.

The platform's documents folder is the usual place, but on a fresh Linux account or a locked-down
office PC it may not exist (the first export then failed with 文件夹不存在): fall back to the desktop,
then the home folder. A remembered folder that has since been removed is skipped the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from . import settings

_CANDIDATES = (
    QStandardPaths.StandardLocation.DocumentsLocation,
    QStandardPaths.StandardLocation.DesktopLocation,
    QStandardPaths.StandardLocation.HomeLocation,
)


def default_folder(key: str) -> Path:
    """The folder remembered under settings ``key`` if it still exists, else documents, desktop or home."""
    remembered = settings.value(key)
    platform = (QStandardPaths.writableLocation(kind) for kind in _CANDIDATES)
    return first_existing([remembered, *platform]) or Path.home()


def remember_folder(key: str, path: str | Path) -> None:
    """Remember the folder of ``path`` (a file the clerk chose or wrote) for the next dialog."""
    settings.set_value(key, str(Path(path).parent))


def first_existing(candidates: Iterable[str | Path | None]) -> Path | None:
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None
