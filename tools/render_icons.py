"""Render resources/icons/disclosure-desk.svg to the PNG and ICO files the app and PyInstaller use.

Run once by a developer after changing the SVG: `python tools/render_icons.py`.
The ICO holds 16, 24, 32, 48, 64 and 256 px images (PNG-compressed entries, as Windows Vista and
later read them), so Explorer, the task bar and the Start menu each get a sharp size.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "disclosure-desk.svg")).render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(sizes=ICO_SIZES) -> bytes:
    """An ICO file: ICONDIR, one ICONDIRENTRY per size, then each image as PNG data."""
    images = [png_bytes(render(size)) for size in sizes]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(images)


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841  (Qt needs an application to paint)
    render(256).save(str(ICONS / "disclosure-desk.png"))
    render(64).save(str(ICONS / "disclosure-desk-64.png"))
    (ICONS / "disclosure-desk.ico").write_bytes(ico_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
