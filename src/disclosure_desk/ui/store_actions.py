"""What the start view's buttons do: new, from last year, duplicate, delete, trash, import, export, samples."""

from __future__ import annotations

from .. import paths
from ..errors import UserFacingError
from . import messages, settings


class StoreActions:
    def __init__(self, window):
        self.window = window
        self._counter = None  # ErrorCounter, made with the first list
        start = window.start
        start.open_requested.connect(window.open_draft)
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
    def workspace(self):
        return self.window.workspace

    def _try(self, title: str, fn, *args):
        try:
            return fn(*args)
        except UserFacingError as e:
            messages.error(self.window, title, e.message)
            return None

    def refresh_list(self, select: int | None = None) -> None:
        """List the drafts at once, the newest with its error count (the next step); the other counts
        follow a few drafts at a time (``error_counter``)."""
        if self.workspace is None:
            return
        from .start_view import COUNTED_ROWS

        rows = self._try("无法读取草稿列表", self.workspace.list_drafts, COUNTED_ROWS)
        self.window.start.set_rows(rows or [])
        if select is not None:
            self.window.start.select_id(select)
        self.error_counter.start(rows or [])

    @property
    def error_counter(self):
        if self._counter is None:
            from .error_counter import ErrorCounter

            self._counter = ErrorCounter(lambda: self.workspace, self.window)
            self._counter.counted.connect(self.window.start.set_errors)
        return self._counter

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
        draft = self._try("无法根据上年报告新建", self.workspace.new_from_previous, draft_id)
        return None if draft is None else self.new_report(draft)

    def _save_and_open(self, draft) -> int | None:
        if self._try("无法保存新报告", self.workspace.save, draft) is None:
            return None
        self.refresh_list(draft.id)
        self.window.open_draft(draft.id)
        return draft.id

    def open_sample(self, path: str) -> int | None:
        """A sample is copied into the drafts (a second copy beside the first, never over a draft)."""
        outcome = self._try("无法打开示例", self.workspace.import_file, path)
        if outcome is None:
            return None
        self.refresh_list(outcome.draft.id)
        self.window.open_draft(outcome.draft.id)
        return outcome.draft.id

    # ---- managing --------------------------------------------------------------------------
    def duplicate(self, draft_id: int) -> None:
        new_id = self._try("无法复制", self.workspace.duplicate, draft_id)
        self.refresh_list(new_id)

    def delete(self, draft_id: int) -> None:
        row = self.window.start.model.row_at(self.window.start.model.row_of_id(draft_id) or 0)
        name = row.title if row else "这份草稿"
        if not messages.confirm(
            self.window, "删除草稿", f"把“{name}”放入回收站吗？以后可以从回收站恢复。", "删除", "取消"
        ):
            return
        self._try("无法删除", self.workspace.delete, draft_id)
        self.refresh_list()

    def show_trash(self) -> None:
        from .trash_dialog import TrashDialog

        dialog = TrashDialog(self.workspace, self.window)
        self.run_dialog(dialog)
        self.refresh_list(dialog.restored[-1] if dialog.restored else None)

    def import_file(self) -> int | None:
        from .folders import default_folder, remember_folder

        folder = str(default_folder(settings.IMPORT_FOLDER))
        path = messages.ask_open_path(self.window, "导入报告文件", folder, "报告文件 (*.json);;所有文件 (*)")
        if not path:
            return None
        remember_folder(settings.IMPORT_FOLDER, path)
        return self.import_path(path)

    def import_path(self, path: str) -> int | None:
        """Read a report file and put it into the store with the Workspace's clash policy: when that
        organ and year are there already, the clerk chooses between overwriting and keeping both."""
        from ..formats import read_report

        result = self._try("无法导入", read_report, path)
        if result is None:
            return None
        outcome = self.add_imported(result.draft)
        if outcome is None:
            return None
        messages.info(self.window, "已导入", outcome.message())
        return outcome.draft.id

    def add_imported(self, draft):
        """Put a report read from a file into the store (asking what to do when that organ and year are
        already there); the ImportOutcome, or None when the clerk cancelled or it could not be saved."""
        on_clash = self._ask_on_clash(draft)
        if on_clash is None:
            return None
        outcome = self._try("无法导入", self.workspace.import_draft, draft, on_clash)
        if outcome is not None:
            self.refresh_list(outcome.draft.id)
        return outcome

    def _ask_on_clash(self, draft):
        from ..application.workspace import OnClash

        clashes = self._try("无法导入", self.workspace.clashes, draft)
        if not clashes:
            return OnClash.ADD
        listed = "\n".join(
            f"编号 {r.id}：{r.title}（{r.status}，最后保存 {r.updated_at:%Y-%m-%d %H:%M}）" for r in clashes
        )
        choices = ("另存为新草稿", "覆盖原草稿", "取消") if len(clashes) == 1 else ("另存为新草稿", "取消")
        answer = messages.ask(
            self.window,
            "已有同一年度的报告",
            f"草稿库中已有“{draft.organ}”{draft.year}年度的报告：\n{listed}\n\n"
            "可以把导入的报告另存为一份新草稿（原草稿不变），"
            + ("或用它覆盖原草稿。" if len(clashes) == 1 else "有多份时不能覆盖，请先删除多余的草稿。"),
            choices,
        )
        return {"另存为新草稿": OnClash.ADD, "覆盖原草稿": OnClash.REPLACE}.get(answer or "")

    def import_published(self) -> int | None:
        """A Word file, web page or PDF (or report JSON) → review → a new draft or last year's (import_actions)."""
        from .import_actions import import_published

        return import_published(self)

    def export_file(self, draft_id: int) -> None:
        from .folders import default_folder, remember_folder

        row = self.window.start.model.row_at(self.window.start.model.row_of_id(draft_id) or 0)
        suggested = str(default_folder(settings.EXPORT_FOLDER) / f"{row.title if row else '报告'}.json")
        path = messages.ask_save_path(self.window, "导出为报告文件", suggested, "报告文件 (*.json)")
        if not path:
            return
        try:
            self.workspace.export_file(draft_id, path)
        except UserFacingError as e:
            messages.error(self.window, "无法导出", e.message)
            return
        remember_folder(settings.EXPORT_FOLDER, path)
        messages.info(self.window, "已导出", f"已导出到：\n{path}")

    def show_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from ..logs import log_file

        messages.info(
            self.window,
            "日志和数据文件夹",
            f"数据文件夹（草稿库、设置、备份）：\n{paths.data_dir()}\n\n日志文件：\n{log_file()}",
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir())))
