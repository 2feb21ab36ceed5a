"""Exporting off the UI thread (PDF, Word, web page side by side); progress and the result come back by signal."""

from __future__ import annotations

import copy
import gc
import logging
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal

from ..domain import Draft
from ..errors import UserFacingError

log = logging.getLogger(__name__)


class ExportWorker(QThread):
    progressed = Signal(int, str)  # percent, message (emitted from the worker thread: queued)
    succeeded = Signal(object)  # formats.batch.ExportBatch
    failed = Signal(str)

    def __init__(
        self, draft: Draft, target: Path, previous: Draft | None = None, parent=None, kinds: tuple[str, ...] = ("pdf",)
    ):
        super().__init__(parent)
        # the clerk may keep typing while the files are made: export a snapshot
        self._draft = copy.deepcopy(draft)
        self._previous = copy.deepcopy(previous) if previous is not None else None
        self._target = Path(target)
        self._kinds = kinds

    def start(self, *args) -> None:
        """Start the thread with Python's cyclic GC paused until it has finished (see _pause_gc)."""
        _pause_gc()
        self._gc_paused = True
        self.finished.connect(self.release_gc, Qt.ConnectionType.QueuedConnection)  # run on the UI thread
        super().start(*args)

    def release_gc(self) -> None:
        """Resume the GC paused by start() (once; also called by whoever waits for the thread)."""
        if getattr(self, "_gc_paused", False):
            self._gc_paused = False
            _resume_gc()

    def run(self) -> None:
        try:
            from ..formats.batch import export_side_by_side

            result = export_side_by_side(
                self._draft, self._target, self._kinds, previous=self._previous, progress=self._progress
            )
        except UserFacingError as e:
            self.failed.emit(e.message)
        except Exception as e:
            from ..logs import log_exception

            path = log_exception(e)
            self.failed.emit(f"导出时出现意外错误（{type(e).__name__}）。详情已写入日志：{path}")
        else:
            self.succeeded.emit(result)

    def _progress(self, percent: int, message: str) -> None:
        self.progressed.emit(int(percent), str(message))


# Python's cyclic garbage collector runs on whichever thread happens to allocate when a
# threshold is crossed. If that is this worker, it may collect the UI's garbage, and
# PySide6's weak-reference callbacks for dead signal connections then tear down Qt
# connection objects from the wrong thread: a segfault (seen with PySide6 6.12, gdb:
# handle_weakrefs -> libpyside6 -> QMetaObject::Connection::~Connection on "ExportWorker").
# So the GC is paused while an export runs (well under a second) and collects on the UI
# thread afterwards.
_gc_pauses = 0
_gc_was_enabled = True


def _pause_gc() -> None:
    global _gc_pauses, _gc_was_enabled
    if _gc_pauses == 0:
        _gc_was_enabled = gc.isenabled()
        gc.disable()
    _gc_pauses += 1


def _resume_gc() -> None:
    global _gc_pauses
    _gc_pauses = max(0, _gc_pauses - 1)
    if _gc_pauses == 0:
        gc.collect()
        if _gc_was_enabled:
            gc.enable()
