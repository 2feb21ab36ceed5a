"""Render resources/icons/disclosure-desk.svg to the PNG and ICO files the app and PyInstaller use.

Run once by a developer after changing the SVG: `python tools/render_icons.py`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "disclosure-desk.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841  (Qt needs an application to paint)
    render(256).save(str(ICONS / "disclosure-desk.png"))
    render(64).save(str(ICONS / "disclosure-desk-64.png"))
    if not render(256).save(str(ICONS / "disclosure-desk.ico")):
        print("this Qt build cannot write .ico files", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
