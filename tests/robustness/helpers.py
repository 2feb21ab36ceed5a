"""Shared by the robustness tests: running the real program as a child process, file fingerprints."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from disclosure_desk import paths
from tests.child_events import SAFETY_NET, ChildEvents, close_child_end, events_pipe

REPO = Path(__file__).resolve().parents[2]
SAMPLE_2021 = paths.samples_dir() / "qinghe-tongjiju-2025.json"
SAMPLE_2019 = paths.samples_dir() / "yiluo-2019.json"
DRIVER = Path(__file__).with_name("gui_driver.py")
TRACED_CLI = Path(__file__).with_name("traced_cli.py")


def child_env(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DISCLOSURE_DESK_BUNDLED_FONTS_ONLY": "1", **extra}
    if data_dir is not None:
        env[paths.DATA_DIR_ENV] = str(data_dir)
    return env


@dataclass
class Result:
    code: int
    out: str
    err: str


def cli(*args: str, data_dir: Path, timeout: float = SAFETY_NET, user: int | None = None) -> Result:
    """``python -m disclosure_desk ARGS`` in a child process (optionally as another user, for root)."""
    cmd = [sys.executable, "-m", "disclosure_desk", *args]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    r = subprocess.run(cmd, env=child_env(data_dir), capture_output=True, text=True, timeout=timeout, check=False)
    return Result(r.returncode, r.stdout, r.stderr)


def traced_cli(*args: str, data_dir: Path, folder: Path) -> tuple[subprocess.Popen, ChildEvents]:
    """``disclosure-desk ARGS`` in a child process that reports the moments it may be killed at
    (``traced_cli.py``: CPU time used, files created in ``folder``, SQL statements), read as events."""
    fd, reader = events_pipe()
    env = child_env(data_dir, DISCLOSURE_DESK_EVENTS_FD=str(fd), DISCLOSURE_DESK_TRACE_DIR=str(folder))
    child = subprocess.Popen(
        [sys.executable, str(TRACED_CLI), *args],
        env=env,
        pass_fds=(fd,),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    close_child_end(fd)
    return child, ChildEvents(reader, f"disclosure-desk {args[0]}")


def driven_app(
    journal: Path, seed: int, data_dir: Path, *args: Path, **env: str
) -> tuple[subprocess.Popen, ChildEvents]:
    """The real app driven by ``gui_driver.py``; its journal lines, as it writes them, are the events.
    Its stderr goes to a file beside the journal (``app_stderr``). ``env``: more of its environment (the
    store's URL in ``DISCLOSURE_DESK_STORE``)."""
    with open(journal.with_suffix(".stderr"), "w", encoding="utf-8") as err:
        child = subprocess.Popen(
            [sys.executable, str(DRIVER), str(journal), str(seed), *map(str, args)],
            env=child_env(data_dir, **env),
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    return child, ChildEvents(child.stdout, f"the app ({journal.name})")


def app_stderr(journal: Path) -> str:
    path = journal.with_suffix(".stderr")
    return path.read_text("utf-8", errors="replace") if path.exists() else ""


def event_is(*names: str) -> Callable[[str], bool]:
    """A test of a driver journal line: is it one of these events?"""
    return lambda line: json.loads(line).get("ev") in names


def tree_state(*roots: Path) -> dict[str, str]:
    """Every file under ``roots`` (or the file itself) and a hash of its bytes."""
    out: dict[str, str] = {}
    for root in roots:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for p in files:
            out[str(p)] = hashlib.sha1(p.read_bytes()).hexdigest()
    return out


def integrity(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
