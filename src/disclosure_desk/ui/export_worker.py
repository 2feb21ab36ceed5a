"""Exporting the PDF off the UI thread; progress and the result come back by signal."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ..domain import Draft
from ..errors import UserFacingError

log = logging.getLogger(__name__)


class ExportWorker(QThread):
    progressed = Signal(int, str)  # percent, message (emitted from the worker thread: queued)
    succeeded = Signal(object)  # pdf.export.ExportResult
    failed = Signal(str)

    def __init__(self, draft: Draft, target: Path, previous: Draft | None = None, parent=None):
        super().__init__(parent)
        # the clerk may keep typing while the PDF is built: export a snapshot
        self._draft = copy.deepcopy(draft)
        self._previous = copy.deepcopy(previous) if previous is not None else None
        self._target = Path(target)

    def run(self) -> None:
        try:
            from ..pdf.export import export_pdf

            result = export_pdf(self._draft, self._target, previous=self._previous, progress=self._progress)
        except UserFacingError as e:
            self.failed.emit(e.message)
        except Exception as e:  # a bug: log the traceback, tell the clerk where it is
            from ..logs import log_exception

            path = log_exception(e)
            self.failed.emit(f"生成 PDF 时出现意外错误（{type(e).__name__}）。详情已写入日志：{path}")
        else:
            self.succeeded.emit(result)

    def _progress(self, percent: int, message: str) -> None:
        self.progressed.emit(int(percent), str(message))
