"""A rotating log file in the per-user log folder; tracebacks go here, never to the clerk's screen.

``logging.handlers`` (which imports socket, pickle and queue, ~8 ms) is imported when the log is
opened: the app opens it after its first paint, and ``is_configured`` is asked before that.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from . import paths

_configured = False


def _quiet_file_handler(path: Path) -> logging.Handler:
    """A rotating file handler that, when the log cannot be written (disk full, folder gone), does not
    print a traceback on the clerk's console (logging's default ``handleError``): the record is lost,
    the program goes on."""
    from logging.handlers import RotatingFileHandler

    class QuietFileHandler(RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:
            pass

    return QuietFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")


def log_file() -> Path:
    return paths.log_dir() / "disclosure-desk.log"


def setup_logging() -> logging.Logger:
    global _configured
    logger = logging.getLogger("disclosure_desk")
    if not _configured:
        logger.setLevel(logging.INFO)
        try:
            log_file().parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = _quiet_file_handler(log_file())
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        _configured = True
    return logger


def is_configured() -> bool:
    """True once ``setup_logging`` has opened the log of the current data folder."""
    return _configured


def reset_logging() -> None:
    """Forget the handler, so that the next ``setup_logging`` opens the log of the current data folder."""
    global _configured
    logger = logging.getLogger("disclosure_desk")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    _configured = False


def log_exception(exc: BaseException) -> Path:
    setup_logging().error("".join(traceback.format_exception(exc)))
    return log_file()
