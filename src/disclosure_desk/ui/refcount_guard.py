"""Work-around for a reference-count bug of PySide6 6.12 on Python < 3.12.

Measured on this project's machines (PySide6 6.12.0, abi3 wheel, CPython 3.11): every call
into Qt that returns ``None`` (any void method: ``setText``, ``addItem`` …) or a bool
(``Signal.emit``) releases one reference to ``None`` / ``True`` / ``False`` that it never
took. From Python 3.12 those objects are immortal (PEP 683) and nothing happens; on 3.11 the
count reaches zero after a few thousand calls and the interpreter aborts with
"Fatal Python error: none_dealloc" — a GUI would die within minutes of typing.

On Python < 3.12 we give the three singletons a reference count no program can use up
(2**40), which is what 3.12's immortality amounts to. ``tests/ui/test_refcount_guard.py``
shows the leak and that the guard holds. Remove this module once Python 3.11 is dropped.
"""

from __future__ import annotations

import sys
from typing import Any

BOOST = 1 << 40
_applied = False


def _ssize_t() -> Any:
    """ctypes' ``c_ssize_t`` made from ctypes' C core: ``import ctypes`` itself (~2.5 ms: hundreds of types,
    the Python library loaded as a DLL) sits on the way to the first paint; ``_ctypes`` costs ~0.5 ms.
    Same layout as ctypes' own: a signed integer of ``struct.calcsize("n")`` bytes (ssize_t)."""
    import _ctypes
    import struct

    class SsizeT(_ctypes._SimpleCData):  # what ctypes does for c_long, c_longlong …
        _type_ = {4: "i", 8: "q"}[struct.calcsize("n")]

    return SsizeT


def is_applied() -> bool:
    return _applied


def apply() -> bool:
    """Make None/True/False effectively immortal on Python < 3.12; True when it changed anything."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject (Py_ssize_t) in a regular CPython 3.11 build
        _ssize_t().from_address(id(obj)).value += BOOST
    _applied = True
    return True
