"""On a real X server (Xvfb, xcb platform): the app runs and its screenshots show Chinese text.

Starts its own Xvfb on a free display and runs tools/screenshots.py in a subprocess; skipped
when Xvfb is not installed. The committed docs/screenshot-*.png come from the same script.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.child_events import SAFETY_NET
from tests.ui.xvfb import xvfb

REPO = Path(__file__).resolve().parents[2]
SHOTS = ("start", "new-report", "basic-info", "narrative", "table-finding", "review", "preview", "guide")

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


@pytest.fixture
def xvfb_display():
    with xvfb() as display:
        yield display


def test_screenshots_on_a_real_x_server(xvfb_display, tmp_path):
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", DISCLOSURE_DESK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "screenshots.py"), "--out", str(tmp_path / "shots")],
        env=env,
        capture_output=True,
        text=True,
        timeout=SAFETY_NET,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "chinese=yes" in result.stdout  # the UI font has glyphs for the Chinese text: no boxes
    from PySide6.QtGui import QImage

    for name in SHOTS:
        path = tmp_path / "shots" / f"screenshot-{name}.png"
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 500 and image.height() >= 300, name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
        assert len(colours) > 8, f"{name} looks blank"  # 256-colour PNGs (tools/screenshots.py)
