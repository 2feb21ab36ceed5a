"""Autosave: a dirty flag and a short single-shot timer; save on page change and on close.

The timer is *not* restarted by further edits, so while the clerk keeps typing the draft is
still saved about once a second. A failed save keeps the dirty flag, says why and retries.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..errors import UserFacingError

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 700
RETRY_MS = 5000


class Autosaver(QObject):
    saved = Signal(object)  # datetime of the save
    save_failed = Signal(str)  # a message for the clerk
    dirty_changed = Signal(bool)

    def __init__(
        self,
        save: Callable[[], dt.datetime],
        parent: QObject | None = None,
        delay_ms: int = SAVE_DELAY_MS,
        retry_ms: int = RETRY_MS,
    ):
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self.last_saved: dt.datetime | None = None
        self.last_error: str | None = None
        self.last_exception: Exception | None = None  # of the last failed save (KeptLocallyError: in the journal)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)
        self._retry_ms = retry_ms
        self._delay_ms = delay_ms

    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        if not self._dirty:
            self._dirty = True
            self.dirty_changed.emit(True)
        if not self._timer.isActive():
            self._timer.start(self._delay_ms if self.last_error is None else self._retry_ms)

    def flush(self) -> bool:
        """Save now if anything changed; True when nothing is left unsaved."""
        self._timer.stop()
        if not self._dirty:
            return True
        try:
            stamp = self._save()
        except UserFacingError as e:
            self.last_exception = e
            self._failed(e.message)
            return False
        except OSError as e:
            self._failed(f"无法写入草稿库：{e.strerror or e}")
            return False
        except Exception as e:  # a bug or an unknown storage error: keep the text, log, retry
            log.exception("autosave failed")
            self._failed(f"保存时出现意外错误（{type(e).__name__}），详情已写入日志")
            return False
        self._dirty = False
        self.last_error = None
        self.last_exception = None
        self.last_saved = stamp
        self.dirty_changed.emit(False)
        self.saved.emit(stamp)
        return True

    def _failed(self, message: str) -> None:
        self.last_error = message
        log.warning("autosave failed: %s", message)
        self.save_failed.emit(message)
        self._timer.start(self._retry_ms)

    def stop(self) -> None:
        self._timer.stop()
