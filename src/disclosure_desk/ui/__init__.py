"""The desktop app (PySide6). The only package that imports Qt.

Start-up path: ``app.run()`` creates the QApplication, shows the main window, and only then
opens the draft store (which imports SQLAlchemy) — see docs/app.md.
"""
