"""The start window's 导入往年或已发布的报告…: pick a file, review what was recognised, then a new draft,
or last year's draft plus this year's new report carried over from it. The logic is in
``application.importing`` and the Workspace's import policy; this module only asks and shows."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ..application.importing import FILE_FILTER, draft_to_create, drafts_for_next_year, preview_import
from ..errors import UserFacingError
from . import messages, settings
from .folders import default_folder, remember_folder
from .import_review_dialog import AS_PREVIOUS, ImportReviewDialog


def import_published(actions) -> int | None:
    """Run the import from the start window (``actions``: its StoreActions); the id of the draft opened."""
    window = actions.window
    folder = str(default_folder(settings.IMPORT_FOLDER))
    path = messages.ask_open_path(window, "导入往年或已发布的报告", folder, FILE_FILTER)
    if not path:
        return None
    remember_folder(settings.IMPORT_FOLDER, path)
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
    outcome = actions.add_imported(draft_to_create(preview))
    if outcome is None:
        return None
    window.open_draft(outcome.draft.id)
    return outcome.draft.id


def _as_previous(actions, preview) -> int | None:
    try:
        previous, next_year = drafts_for_next_year(preview)
    except UserFacingError as e:
        messages.error(actions.window, "无法新建下一年度报告", e.message)
        return None
    if actions.add_imported(previous) is None:
        return None
    return actions.new_report(next_year)


@contextmanager
def _busy():
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
