"""On a real X server (Xvfb, xcb platform): the app runs and its screenshots show Chinese text.

Starts its own Xvfb on a free display and runs tools/screenshots.py in a subprocess; skipped
when Xvfb is not installed. The committed docs/screenshot-*.png come from the same script.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHOTS = ("start", "new-report", "basic-info", "narrative", "table-finding", "review", "preview", "guide")

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


@pytest.fixture
def xvfb_display():
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed")
    for _ in range(20):
        number = random.randint(50, 500)
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    else:
        pytest.skip("no free X display number")
    proc = subprocess.Popen([binary, f":{number}", "-screen", "0", "1366x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not socket.exists():
        proc.kill()
        pytest.skip(f"Xvfb did not start: {proc.stderr.read().decode(errors='replace')[-500:]}")
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_screenshots_on_a_real_x_server(xvfb_display, tmp_path):
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", DISCLOSURE_DESK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "screenshots.py"), "--out", str(tmp_path / "shots")],
        env=env, capture_output=True, text=True, timeout=180, check=False,
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
