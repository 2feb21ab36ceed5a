"""On a real X server (Xvfb, xcb platform): the review desk's screenshots (tools/review_screenshots.py), as
committed in docs/, are made and show something. Skipped when Xvfb is not installed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.ui.xvfb import REPO, x_env, xvfb

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
SHOTS = ("desk-board", "desk-chart", "desk-report")


def test_review_desk_screenshots_on_a_real_x_server(tmp_path):
    with xvfb() as display:
        result = subprocess.run(
            [sys.executable, str(REPO / "tools" / "review_screenshots.py"), "--out", str(tmp_path / "shots")],
            env=x_env(display, tmp_path / "data"),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    from PySide6.QtGui import QImage

    for name in SHOTS:
        image = QImage(str(tmp_path / "shots" / f"screenshot-{name}.png"))
        assert not image.isNull() and image.width() >= 800 and image.height() >= 500, name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
        assert len(colours) > 8, f"{name} looks blank"
