"""The app's entry point: QApplication, Chinese Qt translations, fonts, crash handling, ``run()``.

Nothing here imports SQLAlchemy or ReportLab: the window is shown first and the store is
opened after its first paint (``MainWindow.open_store``).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import __version__, paths
from . import texts
from .translations import install_translations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

PROBE_ENV = "DISCLOSURE_DESK_STARTUP_PROBE"  # print timings and a self-check (ui/probe.py), quit: bench, smoke test


def app_icon() -> QIcon:
    """resources/icons: the PNG sizes Qt picks from (title bar, task bar, Alt+Tab)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = paths.resources_dir() / "icons"
    for name in ("disclosure-desk-64.png", "disclosure-desk.png"):
        if (folder / name).is_file():
            icon.addFile(str(folder / name))
    return icon


def create_application(argv: list[str] | None = None, *, icon: bool = True) -> QApplication:
    """The QApplication, named, translated, with the UI font; ``icon`` False: the window icon is set later
    (``run`` sets it after the first paint)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("DisclosureDesk")
    app.setApplicationDisplayName(texts.APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("DisclosureDesk")
    from . import qt_log

    qt_log.install()  # Qt's warnings into the log file (ui/qt_log.py)
    if icon:
        app.setWindowIcon(app_icon())
    install_translations(app)
    from . import fonts

    fonts.setup_fonts(app)  # registering the bundled fonts costs ~2 ms (Qt reads them lazily)
    return app


def run(argv: list[str] | None = None) -> int:
    started = time.time()
    app = create_application(argv, icon=False)
    from . import messages
    from .instance_lock import InstanceLock

    lock = InstanceLock()
    if not lock.acquire():
        messages.warning(None, "草稿库正在使用", texts.STORE_IN_USE.format(folder=paths.data_dir()))
        return 1
    from .crash import install_excepthook
    from .main_window import MainWindow

    window = MainWindow()
    install_excepthook(window.emergency_save, lambda: window)
    probe = os.environ.get(PROBE_ENV)
    window.first_painted.connect(lambda: _after_first_paint(window, started, probe))
    window.show_window()
    try:
        return app.exec()
    finally:
        lock.release()


def _after_first_paint(window, started: float, probe: str | None) -> None:
    if probe:
        print(f"first-paint {time.time():.6f} {time.time() - started:.6f}", flush=True)
    # the icon (title bar, task bar) once the window is there: QIcon's type and the PNGs cost ~2-3 ms
    QApplication.instance().setWindowIcon(app_icon())

    def open_store() -> None:
        from ..logs import setup_logging
        from .qt_log import flush_early

        setup_logging()
        flush_early()  # Qt's start-up warnings, kept until the log was open
        window.open_store()
        if probe:
            print(f"store-ready {time.time():.6f}", flush=True)
            counter = window.actions_.error_counter
            if counter.busy:
                counter.finished.connect(_probe_done)
            else:
                _probe_done()

    def _probe_done() -> None:
        print(f"errors-counted {time.time():.6f}", flush=True)
        from .probe import lines

        print("\n".join(lines(QApplication.instance())), flush=True)
        QApplication.instance().quit()

    QTimer.singleShot(0, open_store)
