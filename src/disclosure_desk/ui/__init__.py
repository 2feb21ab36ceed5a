"""The desktop app (PySide6). The only package that imports Qt.

Start-up path: ``app.run()`` creates the QApplication, shows the main window, and only then
opens the draft store (which imports SQLAlchemy) — see docs/app.md.
"""

from . import refcount_guard as _refcount_guard

_refcount_guard.apply()  # before anything calls into PySide6: see refcount_guard.py
