"""One app instance per data folder: a second one is told the store is in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from .. import paths

LOCK_NAME = "disclosure-desk.lock"


class InstanceLock:
    def __init__(self, folder: Path | None = None):
        self.folder = folder or paths.data_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.folder / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # a lock whose process is gone is stale whatever its age

    def acquire(self) -> bool:
        if self._lock.tryLock(100):
            return True
        # a lock left by a crashed process: QLockFile checks the pid and host
        if self._lock.removeStaleLockFile():
            return self._lock.tryLock(100)
        return False

    def release(self) -> None:
        self._lock.unlock()
