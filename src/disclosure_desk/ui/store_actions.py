"""What the start view's buttons do: new, from last year, duplicate, delete, trash, import, export, samples."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices

from .. import paths
from ..errors import UserFacingError
from . import messages, settings


class StoreActions:
    def __init__(self, window):
        self.window = window
        start = window.start
        start.open_requested.connect(lambda i: window.open_draft(i))
        start.new_requested.connect(self.new_report)
        start.new_from_previous_requested.connect(self.new_from_previous)
        start.duplicate_requested.connect(self.duplicate)
        start.delete_requested.connect(self.delete)
        start.trash_requested.connect(self.show_trash)
        start.import_requested.connect(self.import_file)
        start.import_published_requested.connect(self.import_published)
        start.export_requested.connect(self.export_file)
        start.sample_requested.connect(self.open_sample)

    @property
    def gateway(self):
        return self.window.gateway

    def _try(self, title: str, fn, *args):
        try:
            return fn(*args)
        except UserFacingError as e:
            messages.error(self.window, title, e.message)
            return None

    def refresh_list(self, select: int | None = None) -> None:
        if self.gateway is None:
            return
        rows = self._try("无法读取草稿列表", self.gateway.list_drafts)
        self.window.start.set_rows(rows or [])
        if select is not None:
            self.window.start.select_id(select)

    # ---- creating --------------------------------------------------------------------------
    def new_report(self, template=None) -> int | None:
        from .new_report_dialog import NewReportDialog

        dialog = NewReportDialog(self.window, template)
        if not self.run_dialog(dialog):
            return None
        return self._save_and_open(dialog.draft())

    def run_dialog(self, dialog) -> bool:
        """Modal dialogs go through here, so tests can drive them instead of blocking."""
        return bool(dialog.exec())

    def new_from_previous(self, draft_id: int) -> int | None:
        draft = self._try("无法根据上年报告新建", self.gateway.new_from_previous, draft_id)
        return None if draft is None else self.new_report(draft)

    def _save_and_open(self, draft) -> int | None:
        if self._try("无法保存新报告", self.gateway.save, draft) is None:
            return None
        self.refresh_list(draft.id)
        self.window.open_draft(draft.id)
        return draft.id

    def open_sample(self, path: str) -> int | None:
        draft = self._try("无法打开示例", self.gateway.import_file, path)
        if draft is None:
            return None
        self.refresh_list(draft.id)
        self.window.open_draft(draft.id)
        return draft.id

    # ---- managing --------------------------------------------------------------------------
    def duplicate(self, draft_id: int) -> None:
        new_id = self._try("无法复制", self.gateway.duplicate, draft_id)
        self.refresh_list(new_id)

    def delete(self, draft_id: int) -> None:
        row = self.window.start.model.row_at(self.window.start.model.row_of_id(draft_id) or 0)
        name = row.title if row else "这份草稿"
        if not messages.confirm(self.window, "删除草稿", f"把“{name}”放入回收站吗？以后可以从回收站恢复。", "删除", "取消"):
            return
        self._try("无法删除", self.gateway.delete, draft_id)
        self.refresh_list()

    def show_trash(self) -> None:
        from .trash_dialog import TrashDialog

        dialog = TrashDialog(self.gateway, self.window)
        self.run_dialog(dialog)
        self.refresh_list(dialog.restored[-1] if dialog.restored else None)

    def import_file(self) -> int | None:
        folder = settings.value(settings.IMPORT_FOLDER) or _documents()
        path = messages.ask_open_path(self.window, "导入报告文件", folder, "报告文件 (*.json);;所有文件 (*)")
        if not path:
            return None
        settings.set_value(settings.IMPORT_FOLDER, str(Path(path).parent))
        draft = self._try("无法导入", self.gateway.import_file, path)
        if draft is None:
            return None
        self.refresh_list(draft.id)
        messages.info(self.window, "已导入", f"已导入“{draft.display_title}”。")
        return draft.id

    def import_published(self) -> int | None:
        """A Word file, web page or PDF (or report JSON) → review → a new draft or last year's (import_actions)."""
        from .import_actions import import_published

        return import_published(self)

    def export_file(self, draft_id: int) -> None:
        row = self.window.start.model.row_at(self.window.start.model.row_of_id(draft_id) or 0)
        suggested = str(Path(settings.value(settings.EXPORT_FOLDER) or _documents()) / f"{row.title if row else '报告'}.json")
        path = messages.ask_save_path(self.window, "导出为报告文件", suggested, "报告文件 (*.json)")
        if not path:
            return
        try:
            self.gateway.export_file(draft_id, path)
        except UserFacingError as e:
            messages.error(self.window, "无法导出", e.message)
            return
        messages.info(self.window, "已导出", f"已导出到：\n{path}")

    def show_data_folder(self) -> None:
        from ..logs import log_file

        messages.info(
            self.window, "日志和数据文件夹",
            f"数据文件夹（草稿库、设置、备份）：\n{paths.data_dir()}\n\n日志文件：\n{log_file()}",
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir())))


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
