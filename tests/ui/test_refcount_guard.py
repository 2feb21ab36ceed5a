"""The PySide6 6.12 / Python 3.11 reference-count work-around (ui/refcount_guard.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if sys.argv[1] == "guarded":
        import disclosure_desk.ui  # applies the guard
    from PySide6.QtGui import QFont
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    class O(QObject):
        s = Signal()
    o, f = O(), QFont()
    before = sys.getrefcount(None)
    for _ in range(int(sys.argv[2])):
        f.setBold(True)   # a void method: returns None
        o.s.emit()        # returns a bool
    print(before - sys.getrefcount(None))
    """
)


def _run(mode: str, calls: int) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, str(calls)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None/True/False are immortal from Python 3.12")
def test_many_qt_calls_do_not_abort_the_interpreter_with_the_guard():
    result = _run("guarded", 50_000)
    assert result.returncode == 0, result.stderr[-2000:]


def test_guard_is_harmless_and_idempotent():
    from disclosure_desk.ui import refcount_guard

    assert refcount_guard.apply() is False  # already applied by importing disclosure_desk.ui (or not needed)
    assert sys.getrefcount(None) > 0
