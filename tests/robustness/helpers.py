"""Shared by the robustness tests: running the real program as a child process, file fingerprints."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from disclosure_desk import paths

REPO = Path(__file__).resolve().parents[2]
SAMPLE_2021 = paths.samples_dir() / "qinghe-tongjiju-2025.json"
SAMPLE_2019 = paths.samples_dir() / "yiluo-2019.json"
DRIVER = Path(__file__).with_name("gui_driver.py")


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


def cli(*args: str, data_dir: Path, timeout: float = 60, user: int | None = None) -> Result:
    """``python -m disclosure_desk ARGS`` in a child process (optionally as another user, for root)."""
    cmd = [sys.executable, "-m", "disclosure_desk", *args]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    r = subprocess.run(cmd, env=child_env(data_dir), capture_output=True, text=True, timeout=timeout, check=False)
    return Result(r.returncode, r.stdout, r.stderr)


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
