"""Synchronising with a child process on what it says, never on time.

A test starts a child with a pipe for its reports (stdout, stderr, or a pipe of its own) and wraps the
reading end in ``ChildEvents``: a thread reads the lines as they come; ``next()`` and ``wait_for()``
block until the child says the next thing, or the thing waited for. When the child exits or is
killed, its end of the pipe closes and the wait ends with None.

``SAFETY_NET`` is only there so that a child that hangs cannot hang the suite: a wait that long fails
the test. It is never what a test measures — on a machine busy with other work the child may be slow;
it still reaches the same events in the same order.
"""

from __future__ import annotations

import os
import queue
import subprocess
import threading
from collections.abc import Callable
from typing import IO

SAFETY_NET = 600.0  # seconds without a word from the child before a test gives up on it


class ChildEvents:
    """The lines a child process writes to one pipe, read as they come."""

    def __init__(self, stream: IO[str], name: str = "child"):
        self.name = name
        self.seen: list[str] = []  # every line handed out so far
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._ended = False
        self._reader = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._reader.start()

    def _pump(self, stream: IO[str]) -> None:
        with stream:
            for line in stream:
                self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def next(self) -> str | None:
        """The child's next line; None once it has closed the pipe (exited or was killed)."""
        if self._ended:
            return None
        try:
            line = self._lines.get(timeout=SAFETY_NET)
        except queue.Empty:
            raise AssertionError(f"{self.name} said nothing for {SAFETY_NET:.0f} s (safety net)") from None
        if line is None:
            self._ended = True
            return None
        self.seen.append(line)
        return line

    def wait_for(self, wanted: Callable[[str], bool], within: int | None = None) -> str | None:
        """Read on until a line is ``wanted``; that line, or None if the child ended first. With
        ``within``, the child must say it among its next ``within`` lines (a child that keeps talking
        but never says it fails the test instead of keeping it waiting)."""
        read = 0
        while (line := self.next()) is not None:
            if wanted(line):
                return line
            read += 1
            if within is not None and read >= within:
                raise AssertionError(f"{self.name} did not say it in {within} lines: {self.seen[-3:]}")
        return None

    def said_so_far(self) -> list[str]:
        """Take every line the child has said up to now, without waiting (what follows comes after)."""
        taken = []
        while not self._ended:
            try:
                line = self._lines.get_nowait()
            except queue.Empty:
                break
            if line is None:
                self._ended = True
            else:
                self.seen.append(line)
                taken.append(line)
        return taken

    def skip(self, count: int) -> int:
        """Read ``count`` more lines (fewer if the child ends first); how many were read."""
        for done in range(count):
            if self.next() is None:
                return done
        return count

    def rest(self) -> str:
        """Everything the child said, once it has ended (the caller has killed it or it exits)."""
        while self.next() is not None:
            pass
        return "\n".join(self.seen)


def events_pipe() -> tuple[int, IO[str]]:
    """A pipe for a child's reports: the fd to hand it (``pass_fds``) and the parent's reading end.
    Call ``close_child_end(fd)`` once the child has been started, so that its death ends the pipe."""
    read_fd, write_fd = os.pipe()
    return write_fd, os.fdopen(read_fd, "r", encoding="utf-8")


def close_child_end(fd: int) -> None:
    os.close(fd)


def finish(child: subprocess.Popen) -> int:
    """Wait for a child that was killed or is ending (the safety net again, never a measure)."""
    return child.wait(SAFETY_NET)
