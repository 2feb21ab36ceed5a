"""The field fixes on a real X server: real key events (xdotool) into the 成文日期 field and a table
cell with Ctrl+Z, and the window on 1366×768 and 1280×720 screens with every control in reach."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .xvfb import Child, x_env, xvfb

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
DRIVER = "tests/ui/xvfb_driver.py"


def xdotool(display: str, *args: str) -> None:
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed")
    subprocess.run(["xdotool", *args], env={"DISPLAY": display}, check=True, timeout=60)


def test_real_keys_type_the_date_and_ctrl_z_undoes_a_committed_value(tmp_path):
    with xvfb("1366x768") as display:
        child = Child([DRIVER, "--scenario", "keys"], x_env(display, tmp_path / "data"))
        try:
            child.wait_for("READY date")
            xdotool(display, "type", "--delay", "20", "2026-01-20")
            xdotool(display, "key", "Tab")
            child.wait_for("DATE 2026-01-20")
            before = child.wait_for("READY table").split()[-1]
            xdotool(display, "type", "7")
            xdotool(display, "key", "Tab")
            child.wait_for("VALUE t4.direct.upheld 7")
            xdotool(display, "key", "ctrl+z")
            child.wait_for(f"VALUE t4.direct.upheld {before}")
            xdotool(display, "key", "ctrl+y")
            child.wait_for("VALUE t4.direct.upheld 7")
        finally:
            child.stop()


@pytest.mark.parametrize("size", ["1366x768", "1280x720"])
def test_the_window_fits_small_screens_with_every_control_in_reach(tmp_path, size):
    with xvfb(size) as display:
        child = Child(
            [DRIVER, "--scenario", "geometry", "--shots", str(tmp_path / "shots")], x_env(display, tmp_path / "data")
        )
        try:
            facts = json.loads(child.wait_for("GEOMETRY").split(" ", 1)[1])
        finally:
            child.stop()
    sx, sy, sw, sh = facts["screen"]
    fx, fy, fw, fh = facts["frame"]
    assert sx <= fx and sy <= fy and fx + fw <= sx + sw and fy + fh <= sy + sh, facts
    for control in ("findings", "status_bar", "next_button", "page_list"):
        assert facts[control], f"{control} is cut off: {facts}"
    assert facts["scrolled"] and facts["header_pane"], facts  # 表三's header rows stay in view
    assert facts["header_pane_top"] == facts["viewport_top"], facts
    assert facts["body_rows_visible"] >= 8, facts  # 表三 is workable: eight whole rows of figures at once
    assert (tmp_path / "shots" / "table3.png").stat().st_size > 10_000
