"""A private Xvfb for the tests that need a real X server, and a child process that reports events.

Xvfb is started with ``-displayfd``: it picks a free display and writes its number when it is ready
to accept clients, so nothing waits on a timer. Tests are skipped where Xvfb is not installed. The
child's lines are read with ``tests.child_events`` (the suite's one way of waiting on what a child says).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.child_events import ChildEvents, close_child_end, events_pipe

REPO = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def xvfb(size: str = "1366x900") -> Iterator[str]:
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed")
    write_fd, reader = events_pipe()
    proc = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    close_child_end(write_fd)
    number = ChildEvents(reader, "Xvfb").next()  # its display number, once it accepts clients (None: died)
    if not number:
        proc.kill()
        pytest.skip(f"Xvfb did not start: {proc.stderr.read().decode(errors='replace')[-500:]}")
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def x_env(display: str, data_dir: Path) -> dict[str, str]:
    return dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", DISCLOSURE_DESK_DATA_DIR=str(data_dir))


class Child:
    """A child process whose stdout lines say what it did; ``wait_for`` reads until a line starts so."""

    def __init__(self, args: list[str], env: dict[str, str]):
        self.proc = subprocess.Popen(
            [sys.executable, *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=REPO,
        )
        assert self.proc.stdout is not None
        self.events = ChildEvents(self.proc.stdout, "the app")

    def wait_for(self, prefix: str) -> str:
        line = self.events.wait_for(lambda said: said.startswith(prefix))
        if line is None:
            raise AssertionError(f"the app ended before saying {prefix!r}: {self.events.seen} {self.stderr()}")
        return line

    def stderr(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None:
            return ""
        return self.proc.stderr.read()[-3000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
