"""Where things live: the per-user data and cache folders (platformdirs, overridable) and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "DisclosureDesk"
DATA_DIR_ENV = "DISCLOSURE_DESK_DATA_DIR"
STORE_ENV = "DISCLOSURE_DESK_STORE"  # a server's URL (postgresql://user@host/database); unset: the local file
CACHE_DIR_ENV = "DISCLOSURE_DESK_CACHE_DIR"

_data_dir_override: Path | None = None
_store_override: str | None = None


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


def set_store_url(url: str | None) -> None:
    """Set by ``--store URL``; wins over the environment variable and the app's settings."""
    global _store_override
    _store_override = url or None


def store_url(settings_value: str | None = None) -> str | None:
    """Which store to open: ``--store``, else ``DISCLOSURE_DESK_STORE``, else the app's setting; None: the local file."""
    return _store_override or os.environ.get(STORE_ENV) or settings_value or None


def log_dir() -> Path:
    if _data_dir_override is not None or os.environ.get(DATA_DIR_ENV):
        return data_dir() / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The per-user folder of what can be made again (the parsed fonts): never inside the program's
    folder, so a frozen build shares nothing between users. Not created here."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _bundled(folder: str, marker: str) -> Path:
    """``folder`` of a frozen build (PyInstaller), of a checkout, or of an installed wheel
    (``<prefix>/share/disclosure-desk/``): the first that holds ``marker``."""
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / folder)
    candidates.append(Path(__file__).resolve().parents[2] / folder)
    candidates.append(Path(sys.prefix) / "share" / "disclosure-desk" / folder)
    for c in candidates:
        if (c / marker).exists():
            return c
    return candidates[0]


def resources_dir() -> Path:
    """``resources/``: fonts, samples, icons."""
    return _bundled("resources", "samples")


def samples_dir() -> Path:
    return resources_dir() / "samples"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def docs_dir() -> Path:
    """The user guide (``guide.md``) and its screenshots."""
    return _bundled("docs", "guide.md")


def guide_file() -> Path:
    return docs_dir() / "guide.md"


def license_file() -> Path:
    """The app's own licence text (MIT): beside ``resources/`` in a checkout or a frozen build."""
    return resources_dir().parent / "LICENSE"
