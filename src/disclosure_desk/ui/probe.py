"""What a start-up probe reports about the running app: a hidden, documented self-check.

With ``DISCLOSURE_DESK_STARTUP_PROBE=1`` the app prints its start-up timings, then these lines,
and quits once the store is open (``app._after_first_paint``). The smoke test of the frozen
build (tests/packaging/test_frozen.py) and bench/bench_frozen.py read them; see docs/packaging.md.

    probe version=0.1.0 frozen=yes platform=offscreen
    probe translations=yes        Qt's qtbase_zh_CN (下一步, 取消 …) is loaded
    probe refcount-guard=applied  ui/refcount_guard.py is active (``not-needed`` on Python ≥ 3.12)
    probe fonts=1 chinese=yes     bundled UI font registered; the UI font has Chinese glyphs
    probe icon=yes samples=2 guide=yes
    probe qtpdf=yes pages=5       QtPdf loads; with DISCLOSURE_DESK_PROBE_PDF=FILE it renders page 1
    probe log=/…/disclosure-desk.log   where the log is; the probe's own qWarning must be in it

Each value is computed, never assumed, so a frozen build missing a piece says which.
"""

from __future__ import annotations

import os
import sys

from .. import __version__, paths
from .guide_files import guide_complete
from .translations import translations_loaded

PROBE_PDF_ENV = "DISCLOSURE_DESK_PROBE_PDF"
QT_WARNING = "start-up probe: a Qt warning for the log file"


def yes(flag: bool) -> str:
    return "yes" if flag else "no"


def lines(app) -> list[str]:
    from PySide6.QtCore import qWarning

    from ..logs import log_file

    qWarning(QT_WARNING)  # goes through ui/qt_log.py: the smoke test finds it in the log file
    return [
        f"probe version={__version__} frozen={yes(bool(getattr(sys, 'frozen', False)))} platform={app.platformName()}",
        f"probe translations={yes(translations_loaded())}",
        f"probe refcount-guard={_guard_state()}",
        f"probe {_fonts_state(app)}",
        f"probe icon={yes(not app.windowIcon().isNull())} samples={_samples()} guide={yes(guide_complete())}",
        f"probe {_qtpdf_state()}",
        f"probe log={log_file()}",
    ]


def _guard_state() -> str:
    from . import refcount_guard

    if sys.version_info >= (3, 12):
        return "not-needed"
    return "applied" if refcount_guard.is_applied() else "missing"


def _fonts_state(app) -> str:
    from PySide6.QtGui import QFontMetrics

    from . import fonts

    metrics = QFontMetrics(app.font())
    chinese = all(metrics.inFontUcs4(ord(ch)) for ch in "政府信息公开工作年度报告")  # ucs4: see ui/fonts.py
    return f"fonts={len(fonts.registered_families())} chinese={yes(chinese)}"


def _samples() -> int:
    folder = paths.samples_dir()
    return len(list(folder.glob("*.json"))) if folder.is_dir() else 0


def _qtpdf_state() -> str:
    try:
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView  # noqa: F401 - the preview's widget must load too
    except ImportError as e:
        return f"qtpdf=no ({e})"
    path = os.environ.get(PROBE_PDF_ENV)
    if not path:
        return "qtpdf=yes"
    document = QPdfDocument()
    document.load(path)
    pages = document.pageCount()
    image = document.render(0, QSize(200, 283)) if pages else None
    rendered = image is not None and not image.isNull()
    return f"qtpdf={yes(rendered)} pages={pages}"
