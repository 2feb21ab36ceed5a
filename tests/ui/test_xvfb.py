"""On a real X server (Xvfb, xcb platform): the app runs and its screenshots show Chinese text.

Starts its own Xvfb on a free display and runs tools/screenshots.py in a subprocess; skipped
when Xvfb is not installed. The committed docs/screenshot-*.png come from the same script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.child_events import SAFETY_NET, ChildEvents, close_child_end, events_pipe

REPO = Path(__file__).resolve().parents[2]
SHOTS = ("start", "new-report", "basic-info", "narrative", "table-finding", "review", "preview", "guide")

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


@pytest.fixture
def xvfb_display():
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed")
    # -displayfd: Xvfb picks a free display and writes its number to the pipe once it accepts clients
    write_fd, reader = events_pipe()
    proc = subprocess.Popen([binary, "-displayfd", str(write_fd), "-screen", "0", "1366x900x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    close_child_end(write_fd)
    number = ChildEvents(reader, "Xvfb").next()
    if not number:
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
        env=env, capture_output=True, text=True, timeout=SAFETY_NET, check=False,
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
