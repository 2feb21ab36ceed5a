"""The export page: make the PDF, the Word file and the web page in one click (off the UI thread),
preview and print the PDF, mark the report 定稿."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout

from ...application.editing import REVIEW_ACCOUNT
from ...domain import STATUS_FINAL
from ...errors import UserFacingError
from ...formats.batch import KINDS, targets
from .. import messages, settings
from ..export_worker import ExportWorker
from ..folders import default_folder, remember_folder
from ..page_status import EXPORT
from ..preview import PdfPreview, print_document
from ..session import ReportSession
from .base_page import ReportPage, notice_label, show_notice

_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')
FORMAT_LABELS = {"pdf": "PDF（打印、报送）", "docx": "Word 文档（可编辑）", "html": "网页（网站发布）"}


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
        self.format_boxes = {kind: QCheckBox(FORMAT_LABELS[kind]) for kind in KINDS}
        chosen = self._saved_kinds()
        for kind, box in self.format_boxes.items():
            box.setChecked(kind in chosen)
        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.export_button = QPushButton("导出")
        self.export_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.progress_label = QLabel()
        self.notice = notice_label()
        self.print_button = QPushButton("打印…")
        self.open_button = QPushButton("用系统阅读器打开")
        self.folder_button = QPushButton("打开所在文件夹")
        self.final_button = QPushButton("定稿")
        self.final_button.setToolTip("没有错误的报告可以标为定稿；定稿后不能再修改，除非重新打开。")
        self.reopen_button = QPushButton("重新打开修改…")
        self.preview = PdfPreview()
        self._layout()
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.export_button.clicked.connect(self.start_export)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        for box in self.format_boxes.values():
            box.toggled.connect(self._on_format_box_toggled)
        self.path_edit.textChanged.connect(self._show_files)
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
        kinds = QHBoxLayout()
        kinds.addWidget(QLabel("导出为"))
        for box in self.format_boxes.values():
            kinds.addWidget(box)
        kinds.addStretch(1)
        actions = QHBoxLayout()
        for b in (
            self.export_button,
            self.print_button,
            self.open_button,
            self.folder_button,
            self.final_button,
            self.reopen_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addLayout(where)
        layout.addLayout(kinds)
        layout.addWidget(self.files_label)
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
        """The first file to be made (报告.pdf); the others go beside it with their own extensions."""
        text = self.path_edit.text().strip()
        path = Path(text) if text else self.default_path()
        return targets(path, self.chosen_kinds() or ("pdf",))[0][1]

    def chosen_kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind, box in self.format_boxes.items() if box.isChecked())

    def target_files(self) -> list[Path]:
        text = self.path_edit.text().strip()
        return [path for _, path in targets(Path(text) if text else self.default_path(), self.chosen_kinds())]

    @staticmethod
    def _saved_kinds() -> tuple[str, ...]:
        saved = settings.value(settings.EXPORT_FORMATS)
        if not saved:
            return KINDS  # all three: what the clerk usually needs (to print, to edit, to publish)
        return tuple(k for k in str(saved).split(",") if k in KINDS)

    # ---- state -----------------------------------------------------------------------------
    def refresh(self) -> None:
        errors = self.session.error_count
        final = self.session.draft.status == STATUS_FINAL
        locked = bool(self.session.editor.locked_by)  # someone else edits it: neither 定稿 nor 重新打开 here
        busy = self.worker is not None
        if locked and self.session.editor.locked_by == REVIEW_ACCOUNT:
            text = "您使用的是审核账户：可以查看、导出这份报告，不能修改。"
        elif locked:
            text = f"{self.session.editor.locked_by}正在编辑这份报告，您只能查看和导出。"
        elif final:
            text = "本报告已定稿。可以导出、打印；如需修改，请点“重新打开修改”。"
        elif errors:
            text = f"报告还有{errors}个错误。现在导出的文件带有“草稿”字样，改正全部错误后再导出即为正式稿。"
        else:
            text = "没有发现错误。导出后请预览核对，确认无误即可打印、定稿。"
        self.state.setText(text)
        self.export_button.setEnabled(not busy and bool(self.chosen_kinds()))
        for box in self.format_boxes.values():
            box.setEnabled(not busy)
        has_pdf = self.preview.page_count() > 0
        self.print_button.setEnabled(has_pdf and not busy)
        self.open_button.setEnabled(self.last_result is not None and not busy)
        self.folder_button.setEnabled(self.last_result is not None)
        self._show_files()
        self.final_button.setVisible(not final and not locked)
        self.final_button.setEnabled(errors == 0 and self.session.draft.id is not None)
        self.reopen_button.setVisible(final and not locked)

    def start_export(self) -> None:
        if self.worker is not None:
            return
        errors = self.session.error_count
        if (
            errors
            and messages.ask(
                self,
                "报告还有错误",
                f"报告还有{errors}个错误。导出的文件将带有“草稿”字样，不能作为正式报告报送或发布。\n\n仍然导出吗？",
                ("仍然导出（草稿）", "取消"),
            )
            != "仍然导出（草稿）"
        ):
            return
        try:
            target = self.target_path()
        except UserFacingError as e:
            show_notice(self.notice, f"没有导出：{e.message}", "error")
            return
        self.path_edit.setText(str(target))
        show_notice(self.notice, "", "info")
        self.progress.setValue(0)
        self.progress.show()
        self.progress_label.setText("正在导出…")
        self.worker = ExportWorker(self.session.draft, target, self.session.previous, self, kinds=self.chosen_kinds())
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
        if result.pdf is not None:
            self.preview.load(result.pdf.path)
        self.progress.setValue(100)
        mark = "（带“草稿”字样）" if result.draft_mark else ""
        names = "、".join(p.name for p in result.files)
        pages = f"，PDF 共{result.pages}页" if result.pdf is not None else ""
        self.progress_label.setText(f"已导出{mark}：{names}{pages}。保存在 {Path(result.path).parent}")
        missing = list(getattr(result, "missing_summary", []) or [])
        if missing:
            shown = "；".join(missing[:5]) + ("等。" if len(missing) > 5 else "。")
            show_notice(
                self.notice,
                f"注意：有些字在所有字体中都找不到，PDF 中会缺字：{shown}请改用常用字后重新导出。",
                "warning",
            )
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
        path = messages.ask_save_path(
            self, "导出到", str(self.target_path()), "PDF 文件 (*.pdf);;Word 文档 (*.docx);;网页 (*.html)"
        )
        if path:
            self.path_edit.setText(path)

    def _on_format_box_toggled(self) -> None:
        settings.set_value(settings.EXPORT_FORMATS, ",".join(self.chosen_kinds()))
        self.refresh()

    def _show_files(self) -> None:
        try:
            files = self.target_files()
        except UserFacingError as e:  # a path being typed: "/", "D:\\"
            self.files_label.setText(e.message)
            return
        self.files_label.setText("将生成：" + "、".join(p.name for p in files) if files else "请至少选择一种格式。")

    def _on_print_button_clicked(self) -> None:
        self.print_pdf()

    def _on_open_button_clicked(self) -> None:
        if self.last_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_result.path)))

    def _on_folder_button_clicked(self) -> None:
        if self.last_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.last_result.path).parent)))

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
