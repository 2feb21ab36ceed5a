"""The start window's 导入往年或已发布的报告…: pick a file, review what was recognised, then a new draft,
or last year's draft plus this year's new report carried over from it. The logic is in
``formats.import_actions``; this module only asks and shows."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication

from ..errors import UserFacingError
from ..formats.import_actions import FILE_FILTER, draft_to_create, drafts_for_next_year, preview_import
from . import messages, settings
from .import_review_dialog import AS_PREVIOUS, ImportReviewDialog


def import_published(actions) -> int | None:
    """Run the import from the start window (``actions``: its StoreActions); the id of the draft opened."""
    window = actions.window
    folder = settings.value(settings.IMPORT_FOLDER) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    path = messages.ask_open_path(window, "导入往年或已发布的报告", folder, FILE_FILTER)
    if not path:
        return None
    settings.set_value(settings.IMPORT_FOLDER, str(Path(path).parent))
    try:
        with _busy():
            preview = preview_import(path)
    except UserFacingError as e:
        messages.error(window, "无法导入", e.message)
        return None
    choice = None
    if preview.needs_review:
        dialog = ImportReviewDialog(preview, window)
        if not actions.run_dialog(dialog):
            return None
        choice = dialog.choice
    if choice == AS_PREVIOUS:
        return _as_previous(actions, preview)
    return actions._save_and_open(draft_to_create(preview))


def _as_previous(actions, preview) -> int | None:
    try:
        previous, next_year = drafts_for_next_year(preview)
    except UserFacingError as e:
        messages.error(actions.window, "无法新建下一年度报告", e.message)
        return None
    if actions._try("无法保存上年报告", actions.gateway.save, previous) is None:
        return None
    actions.refresh_list(previous.id)
    return actions.new_report(next_year)


@contextmanager
def _busy():
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
