"""Qt's own messages (qWarning, qCritical …) into the app's log file, not only the console.

``install()`` is called by ``app.create_application``. Each message goes to the logger
``disclosure_desk.qt`` (the rotating file of ``logs.setup_logging`` in the per-user log folder)
as ``[category] message (file:line)``; when stderr is a terminal, warnings and worse are also
printed there, as Qt's default handler would, so a developer still sees them.

The log file is opened only after the window's first paint (start-up budget, docs/app.md), and
Qt warns during start-up too: until then messages are kept in memory (at most ``EARLY_LIMIT``)
and ``flush_early()`` writes them with their original time once the log is open.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from .. import logs

log = logging.getLogger("disclosure_desk.qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
EARLY_LIMIT = 200

_early: list[logging.LogRecord] = []


def handle(msg_type, context, message: str) -> None:
    """The message handler Qt calls (from any thread)."""
    try:
        level = LEVELS.get(msg_type, logging.WARNING)
        category = getattr(context, "category", None) or "default"
        where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
        text = f"[{category}] {message}{where}"
        if level >= logging.WARNING and _terminal():
            print(f"qt: {text}", file=sys.stderr)
        if logs.is_configured():
            log.log(level, "%s", text)
        elif level >= logging.INFO and len(_early) < EARLY_LIMIT:
            _early.append(log.makeRecord(log.name, level, "qt", 0, "%s", (text,), None))
    except Exception:
        pass


def _terminal() -> bool:
    """A developer's terminal (not a windowed build, a pipe in CI or a test run's capture)."""
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def flush_early() -> int:
    """Write the messages Qt sent before the log file was open; returns how many."""
    records, _early[:] = list(_early), []
    for record in records:
        log.handle(record)
    return len(records)


def install() -> None:
    """Route Qt's messages into the log (again on every call: another handler may have been put in between,
    as pytest-qt does for each test)."""
    qInstallMessageHandler(handle)
