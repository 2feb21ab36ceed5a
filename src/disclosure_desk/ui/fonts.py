"""Fonts for the UI: the bundled UI font in resources/fonts/, registered with Qt, system fonts otherwise.

Only the font the UI itself may use is registered: the PDF's fonts (Fandol, Liberation Serif, …) are
read by ReportLab, and the PDF preview shows the fonts embedded in the PDF, so registering their 20 MB
with Qt would only slow the start.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import paths

log = logging.getLogger(__name__)

UI_FONT_FILES = ("WenQuanYiZenHei-NoHangul.ttf",)  # has Chinese glyphs, for a PC without a Chinese UI font
# preferred UI families, first found wins (bundled or system)
PREFERRED_UI = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "SimHei",
)

_registered: list[str] = []


def registered_families() -> list[str]:
    """The families of the bundled fonts registered with Qt so far."""
    return list(_registered)


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def register_bundled_fonts() -> list[str]:
    """Add the bundled UI font(s) to Qt; returns the families added (once per process)."""
    if _registered:
        return list(_registered)
    folder = paths.fonts_dir()
    files = [folder / name for name in UI_FONT_FILES if (folder / name).is_file()]
    for f in files:
        font_id = QFontDatabase.addApplicationFont(str(f))
        if font_id < 0:
            log.warning("could not register font %s", f)
            continue
        _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)


def choose_ui_font(app: QApplication) -> None:
    """Keep the platform's font size; put a family that has Chinese glyphs first."""
    available = set(QFontDatabase.families())
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    preferred = [f for f in PREFERRED_UI if f in available and f in chinese]
    bundled = [f for f in _registered if f in chinese]
    families = preferred[:1] or bundled[:1] or sorted(chinese)[:1]
    if not families:
        return
    font = QFont(app.font())
    font.setFamilies([*families, app.font().family()])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)


def setup_fonts(app: QApplication) -> None:
    """Register bundled fonts and pick the UI font. Called before the first window shows."""
    register_bundled_fonts()
    choose_ui_font(app)
