"""A folder watched for reports dropped in, removed or replaced; one ``changed`` signal per burst.

Copying 30 files into the folder fires QFileSystemWatcher once per file (and a large file may still be
being written): a single-shot timer restarted by every event waits until the folder has been quiet for
``QUIET_MS`` before the board is refreshed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

QUIET_MS = 800


class FolderWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None, quiet_ms: int = QUIET_MS):
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._timer.timeout.connect(self.changed)

    def watch(self, folders: Sequence[Path], files: Sequence[Path] = ()) -> None:
        """Watch these folders (a file added, removed or renamed) and files (one overwritten in place)."""
        old = self._watcher.directories() + self._watcher.files()
        if old:
            self._watcher.removePaths(old)
        existing = [str(f) for f in folders if f.is_dir()] + [str(f) for f in files if f.is_file()]
        if existing:
            self._watcher.addPaths(existing)

    def watched(self) -> list[str]:
        return self._watcher.directories()

    def _on_watcher_changed(self, _path: str) -> None:
        self._timer.start()  # restarted by each event of a burst
