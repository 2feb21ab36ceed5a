"""The review window's export buttons: board, 汇总, 审核意见 (the selected organs, or all), everything.

Each asks for a folder, then writes on a WriteWorker (the PDFs and charts take seconds) with the
window's progress bar; the message at the end names the folder and the number of files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

from ...application.review import OrganReview, Review
from ...application.review import outputs as out
from ...application.review.sums import sum_reports
from .. import messages, settings
from ..folders import default_folder
from .workers import WriteWorker

if TYPE_CHECKING:
    from .review_window import ReviewWindow

OUTPUT_KEY = "review/output"
Job = Callable[[Callable[[int, str], None]], list[Path]]


class ExportActions:
    def __init__(self, window: ReviewWindow):
        self.window = window
        self.worker: WriteWorker | None = None
        self.last_written: list[Path] = []
        self.board_button = QPushButton("导出审核表…")
        self.totals_button = QPushButton("导出汇总…")
        self.feedback_button = QPushButton("导出审核意见…")
        self.all_button = QPushButton("全部导出…")
        self.board_button.setToolTip("board.csv、board.xlsx（审核表和数据对比）")
        self.totals_button.setToolTip("汇总.xlsx、汇总.pdf、汇总.docx：各机关表二、表三、表四逐格相加")
        self.feedback_button.setToolTip("选中机关（未选中时为全部机关）的审核意见，Word 和 PDF 各一份")
        self.all_button.setToolTip("审核表、汇总、图表和全部审核意见")
        self.board_button.clicked.connect(lambda: self.export("审核表", lambda r, f, p: out.write_board(r, f)))
        self.totals_button.clicked.connect(lambda: self.export("汇总", _totals))
        self.feedback_button.clicked.connect(self.export_feedback)
        self.all_button.clicked.connect(lambda: self.export("全部", _everything))
        self.buttons = (self.board_button, self.totals_button, self.feedback_button, self.all_button)

    def update(self, review: Review | None, selected: list[OrganReview]) -> None:
        idle = review is not None and self.worker is None
        for b in self.buttons:
            b.setEnabled(idle)
        sent = [o for o in selected if o.received is not None]
        self.feedback_button.setText(f"导出审核意见（选中的{len(sent)}个）…" if sent else "导出审核意见…")

    def export_feedback(self) -> None:
        chosen = [o for o in self.window.selected_organs() if o.received is not None] or None
        self.export(
            "审核意见",
            lambda r, f, p: out.write_feedback(r, f, chosen, progress=lambda k, n: p(100 * k // max(n, 1), "审核意见")),
        )

    def export(
        self,
        what: str,
        write: Callable[[Review, Path, Callable[[int, str], None]], list[Path]],
        folder: Path | None = None,
    ) -> WriteWorker | None:
        review = self.window.review
        if review is None or self.worker is not None:
            return None
        if folder is None:
            chosen = messages.ask_folder(self.window, f"导出{what}到哪个文件夹", str(default_folder(OUTPUT_KEY)))
            if not chosen:
                return None
            folder = Path(chosen)
        if folder.resolve() in {p.resolve() for p in (review.folder, review.previous_folder) if p is not None}:
            messages.warning(self.window, "请另选文件夹", "导出的文件不能放在报告所在的文件夹中，以免与报告混在一起。")
            return None
        settings.set_value(OUTPUT_KEY, str(folder))
        self.worker = WriteWorker(lambda progress: write(review, folder, progress), self.window)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.succeeded.connect(lambda files: self._on_worker_succeeded(what, folder, files))
        self.worker.failed.connect(lambda message: messages.error(self.window, f"无法导出{what}", message))
        self.worker.finished.connect(self._on_worker_finished)
        self.window.progress.setValue(0)
        self.window.progress.show()
        self.update(review, [])
        self.worker.start()
        return self.worker

    def wait(self) -> None:
        if self.worker is not None:
            self.worker.wait()

    def _on_worker_progressed(self, percent: int, message: str) -> None:
        self.window.progress.setValue(percent)
        self.window.status.setText(f"正在导出：{message}")

    def _on_worker_succeeded(self, what: str, folder: Path, files: list[Path]) -> None:
        self.last_written = list(files)
        self.window.status.setText(f"已导出{what}：{len(files)}个文件，在“{folder}”中。")

    def _on_worker_finished(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.retire()
        self.window.progress.hide()
        self.window.update_buttons()


def _totals(review: Review, folder: Path, progress: Callable[[int, str], None]) -> list[Path]:
    progress(10, "汇总")
    return out.write_totals(review, sum_reports(review), folder)


def _everything(review: Review, folder: Path, progress: Callable[[int, str], None]) -> list[Path]:
    return out.write_all(review, folder, progress=progress).files
