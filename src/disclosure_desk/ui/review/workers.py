"""The review's long work off the UI thread: reading and checking the folder, writing its files.

Both are QThreads reporting by queued signals; the board stays usable while they run. The scanners
live with the window and are handed to one scan at a time, so a rescan after a file was dropped in
reads only that file. Python's cyclic GC is paused while a worker runs, as for the export
(export_worker.py explains the PySide6 crash it avoids).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal

from ...application.review import FolderScanner, review_folder
from ...errors import UserFacingError
from ..export_worker import _pause_gc, _resume_gc


class _Worker(QThread):
    progressed = Signal(int, str)  # percent, message
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread_id: int | None = None  # the thread the work ran on (tests compare it with the UI's)
        self._gc_paused = False

    def start(self, *args: Any) -> None:
        _pause_gc()
        self._gc_paused = True
        self.finished.connect(self.release_gc, Qt.ConnectionType.QueuedConnection)
        super().start(*args)

    def release_gc(self) -> None:
        if self._gc_paused:
            self._gc_paused = False
            _resume_gc()

    def run(self) -> None:
        self.thread_id = threading.get_ident()
        try:
            result = self.work()
        except UserFacingError as e:
            self.failed.emit(e.message)
        except Exception as e:
            from ...logs import log_exception

            self.failed.emit(f"出现意外错误（{type(e).__name__}）。详情已写入日志：{log_exception(e)}")
        else:
            self.succeeded.emit(result)

    def retire(self) -> None:
        """After ``finished``: wait for the thread, give the collector back, delete the object later."""
        self.wait()
        self.release_gc()
        self.deleteLater()

    def work(self) -> object:
        raise NotImplementedError

    def report(self, percent: int, message: str) -> None:
        self.progressed.emit(int(percent), str(message))


class ScanWorker(_Worker):
    """``review_folder`` on the chosen folders; succeeded(Review)."""

    def __init__(
        self,
        folder: Path,
        previous: Path | None,
        expected: Path | None,
        scanner: FolderScanner,
        previous_scanner: FolderScanner,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.folder, self.previous, self.expected = folder, previous, expected
        self.scanner, self.previous_scanner = scanner, previous_scanner

    def work(self) -> object:
        return review_folder(
            self.folder,
            self.previous,
            self.expected,
            progress=self.report,
            scanner=self.scanner,
            previous_scanner=self.previous_scanner,
            cancelled=self.isInterruptionRequested,
        )


class WriteWorker(_Worker):
    """Writes files (``job(progress)`` returns the paths); succeeded(list[Path])."""

    def __init__(self, job: Callable[[Callable[[int, str], None]], list[Path]], parent: QObject | None = None):
        super().__init__(parent)
        self.job = job

    def work(self) -> object:
        return self.job(self.report)
