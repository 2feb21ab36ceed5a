"""A private Xvfb for the tests that need a real X server, and a child process that reports events.

Xvfb is started with ``-displayfd``: it picks a free display and writes its number when it is ready
to accept clients, so nothing waits on a timer. Tests are skipped where Xvfb is not installed.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GIVE_UP_S = 120  # only so that a broken child cannot hang the suite; nothing is timed by it


@contextlib.contextmanager
def xvfb(size: str = "1366x900") -> Iterator[str]:
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as ready:
        number = ready.readline().strip()  # blocks until Xvfb is ready (or has died: EOF)
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
        self.proc = subprocess.Popen([sys.executable, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
        self.lines: list[str] = []
        self._pending = b""
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.proc.stdout, selectors.EVENT_READ)

    def wait_for(self, prefix: str) -> str:
        while True:
            for line in self.lines:
                if line.startswith(prefix):
                    self.lines.remove(line)
                    return line
            if not self._selector.select(GIVE_UP_S):
                raise AssertionError(f"the child never said {prefix!r}; it said: {self.lines}")
            chunk = os.read(self.proc.stdout.fileno(), 65536)  # unbuffered: select() sees every line
            if not chunk:
                raise AssertionError(f"the child ended before saying {prefix!r}: {self.lines} {self.stderr()}")
            *complete, self._pending = (self._pending + chunk).split(b"\n")
            self.lines += [line.decode("utf-8", "replace") for line in complete]

    def stderr(self) -> str:
        if self.proc.poll() is None:
            return ""
        return self.proc.stderr.read().decode("utf-8", "replace")[-3000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._selector.close()
