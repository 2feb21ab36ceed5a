"""The export page: make the PDF (off the UI thread), preview it, print it, mark the report 定稿."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout

from .. import messages, settings
from ..export_worker import ExportWorker
from ..folders import default_folder, remember_folder
from ..page_status import EXPORT
from ..preview import PdfPreview, print_document
from ..session import ReportSession
from .base_page import ReportPage, notice_label, show_notice

_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')


class ExportPage(ReportPage):
    page_key = EXPORT
    side_label = "导出和打印"
    mark_final_requested = Signal()
    reopen_requested = Signal()
    exported = Signal(object)  # ExportResult

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(session, parent)
        self.setTitle("导出和打印")
        self.worker: ExportWorker | None = None
        self.last_result = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton("更改位置…")
        self.export_button = QPushButton("导出 PDF")
        self.export_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.progress_label = QLabel()
        self.notice = notice_label()
        self.print_button = QPushButton("打印…")
        self.open_button = QPushButton("用系统阅读器打开")
        self.final_button = QPushButton("定稿")
        self.final_button.setToolTip("没有错误的报告可以标为定稿；定稿后不能再修改，除非重新打开。")
        self.reopen_button = QPushButton("重新打开修改…")
        self.preview = PdfPreview()
        self._layout()
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.export_button.clicked.connect(self.start_export)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.final_button.clicked.connect(self.mark_final_requested)
        self.reopen_button.clicked.connect(self.reopen_requested)
        session.findings_changed.connect(self.refresh)
        session.status_changed.connect(self.refresh)
        session.meta_changed.connect(self._on_session_meta_changed)
        self.path_edit.setText(str(self.default_path()))
        self.refresh()

    def _layout(self) -> None:
        where = QHBoxLayout()
        where.addWidget(QLabel("保存到"))
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        actions = QHBoxLayout()
        for b in (self.export_button, self.print_button, self.open_button, self.final_button, self.reopen_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addLayout(where)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.preview, 1)

    # ---- paths -----------------------------------------------------------------------------
    def default_path(self) -> Path:
        folder = default_folder(settings.EXPORT_FOLDER)
        name = _UNSAFE.sub("_", self.session.draft.display_title).strip() or "年度报告"
        return folder / f"{name}.pdf"

    def target_path(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text) if text else self.default_path()
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    # ---- state -----------------------------------------------------------------------------
    def refresh(self) -> None:
        errors = self.session.error_count
        final = self.session.read_only
        busy = self.worker is not None
        if final:
            text = "本报告已定稿。可以导出、打印；如需修改，请点“重新打开修改”。"
        elif errors:
            text = f"报告还有{errors}个错误。现在导出的 PDF 每页带有“草稿”字样，改正全部错误后再导出即为正式稿。"
        else:
            text = "没有发现错误。导出 PDF 后请预览核对，确认无误即可打印、定稿。"
        self.state.setText(text)
        self.export_button.setEnabled(not busy)
        has_pdf = self.preview.page_count() > 0
        self.print_button.setEnabled(has_pdf and not busy)
        self.open_button.setEnabled(self.last_result is not None and not busy)
        self.final_button.setVisible(not final)
        self.final_button.setEnabled(errors == 0 and self.session.draft.id is not None)
        self.reopen_button.setVisible(final)

    def start_export(self) -> None:
        if self.worker is not None:
            return
        errors = self.session.error_count
        if errors and messages.ask(
            self, "报告还有错误",
            f"报告还有{errors}个错误。导出的 PDF 将带有“草稿”字样，不能作为正式报告报送。\n\n仍然导出吗？",
            ("仍然导出（草稿）", "取消"),
        ) != "仍然导出（草稿）":
            return
        target = self.target_path()
        self.path_edit.setText(str(target))
        show_notice(self.notice, "", "info")
        self.progress.setValue(0)
        self.progress.show()
        self.progress_label.setText("正在生成 PDF…")
        self.worker = ExportWorker(self.session.draft, target, self.session.previous, self)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.succeeded.connect(self._on_worker_succeeded)
        self.worker.failed.connect(self._on_worker_failed)
        self.worker.finished.connect(self._on_worker_finished)
        self.worker.start()
        self.refresh()

    def print_pdf(self) -> int:
        return print_document(self, self.preview.document, self.session.draft.display_title)

    # ---- slots -----------------------------------------------------------------------------
    def _on_worker_progressed(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        self.progress_label.setText(message)

    def _on_worker_succeeded(self, result) -> None:
        self.last_result = result
        remember_folder(settings.EXPORT_FOLDER, result.path)
        self.preview.load(result.path)
        self.progress.setValue(100)
        mark = "（带“草稿”字样）" if getattr(result, "draft_mark", False) else ""
        self.progress_label.setText(f"已导出{mark}：{result.path}，共{result.pages}页。")
        missing = list(getattr(result, "missing_summary", []) or [])
        if missing:
            shown = "；".join(missing[:5]) + ("等。" if len(missing) > 5 else "。")
            show_notice(self.notice, f"注意：有些字在所有字体中都找不到，PDF 中会缺字：{shown}请改用常用字后重新导出。", "warning")
        self.exported.emit(result)

    def _on_worker_failed(self, message: str) -> None:
        self.progress.hide()
        self.progress_label.setText("")
        show_notice(self.notice, f"没有导出：{message}", "error")

    def _on_worker_finished(self) -> None:
        self.worker.deleteLater()
        self.worker = None
        self.refresh()

    def _on_browse_button_clicked(self) -> None:
        path = messages.ask_save_path(self, "PDF 保存到", str(self.target_path()), "PDF 文件 (*.pdf)")
        if path:
            self.path_edit.setText(path)

    def _on_print_button_clicked(self) -> None:
        self.print_pdf()

    def _on_open_button_clicked(self) -> None:
        if self.last_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_result.path)))

    def _on_session_meta_changed(self) -> None:
        if self.last_result is None and not self.path_edit.isModified():
            self.path_edit.setText(str(self.default_path()))

    def wait_for_export(self, msecs: int = 30000) -> bool:
        """Block until a running export has finished (the page is about to go away)."""
        if self.worker is None:
            return True
        done = self.worker.wait(msecs)
        if done:
            self.worker.release_gc()  # its queued "finished" may never be delivered now
        return done
