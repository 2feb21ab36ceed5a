"""Where things live: the per-user data folder (platformdirs, overridable) and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "DisclosureDesk"
DATA_DIR_ENV = "DISCLOSURE_DESK_DATA_DIR"

_data_dir_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Set by ``--data-dir``; wins over the environment variable."""
    global _data_dir_override
    _data_dir_override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """The folder holding the draft store, its backups and the log (not created here)."""
    if _data_dir_override is not None:
        return _data_dir_override
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    if _data_dir_override is not None or os.environ.get(DATA_DIR_ENV):
        return data_dir() / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """``resources/`` of a checkout, of a frozen build (PyInstaller) or of an installed wheel."""
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    candidates.append(Path(sys.prefix) / "share" / "disclosure-desk" / "resources")
    for c in candidates:
        if (c / "samples").is_dir():
            return c
    return candidates[0]


def samples_dir() -> Path:
    return resources_dir() / "samples"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def docs_dir() -> Path:
    """The user guide (``guide.md``) and its screenshots: ``docs/`` of a checkout, of a frozen build
    or, for an installed wheel, ``<prefix>/share/disclosure-desk/docs``."""
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "docs")
    candidates.append(Path(__file__).resolve().parents[2] / "docs")
    candidates.append(Path(sys.prefix) / "share" / "disclosure-desk" / "docs")
    for c in candidates:
        if (c / "guide.md").is_file():
            return c
    return candidates[0]


def guide_file() -> Path:
    return docs_dir() / "guide.md"


def license_file() -> Path:
    """The app's own licence text (MIT): beside ``resources/`` in a checkout or a frozen build."""
    return resources_dir().parent / "LICENSE"
