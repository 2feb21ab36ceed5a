"""QSettings kept as an INI file in the data folder (so tests never touch the real user settings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from .. import paths

GEOMETRY = "window/geometry"
STATE = "window/state"
LAST_DRAFT = "report/last_draft_id"
LAST_PAGE = "report/last_page"
REPORT_OPEN = "report/open_at_exit"
EXPORT_FOLDER = "export/folder"
EXPORT_FORMATS = "export/formats"  # the formats last chosen on the export page: "pdf,docx,html"
IMPORT_FOLDER = "import/folder"
STORE_URL = "store/url"  # a server's URL without its password ("": the local file); --store and the env win


def settings() -> QSettings:
    path = paths.data_dir() / "settings.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def value(key: str, default=None):
    v = settings().value(key, default)
    return default if v is None else v


def int_value(key: str) -> int | None:
    v = settings().value(key)
    try:
        return int(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


def set_value(key: str, v) -> None:
    s = settings()
    if v is None:
        s.remove(key)
    else:
        s.setValue(key, v)
    s.sync()


def bytes_value(key: str) -> QByteArray | None:
    v = settings().value(key)
    return v if isinstance(v, QByteArray) else None
