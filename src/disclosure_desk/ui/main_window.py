"""MainWindow: the start view and, when a report is open, its wizard; menus, status bar, settings."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from ..errors import UserFacingError

if TYPE_CHECKING:
    from ..application.workspace import Workspace
from . import messages, settings, texts
from .start_view import StartView
from .store_actions import StoreActions

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1200, 800)
# what the window manager adds around geometry() (borders, title bar), not known before the first show
FRAME_LEFT, FRAME_TOP, FRAME_RIGHT, FRAME_BOTTOM = 8, 32, 8, 8


def frame_of(rect: QRect) -> QRect:
    """The whole window, decorations included, of client area ``rect`` (an estimate)."""
    return rect.adjusted(-FRAME_LEFT, -FRAME_TOP, FRAME_RIGHT, FRAME_BOTTOM)


def fit_window(available: QRect, saved: QRect | None) -> tuple[QRect, bool]:
    """Where the window goes on a screen whose free area is ``available``, and whether to maximise it.

    A saved rectangle is kept where it fits and shrunk and moved into the free area where it does not;
    without one the default size is centred, or the window is maximised when the screen is smaller.
    """
    room = available.adjusted(FRAME_LEFT, FRAME_TOP, -FRAME_RIGHT, -FRAME_BOTTOM)  # for the client area
    if saved is not None:
        w, h = min(saved.width(), room.width()), min(saved.height(), room.height())
        x = min(max(saved.x(), room.left()), room.left() + room.width() - w)
        y = min(max(saved.y(), room.top()), room.top() + room.height() - h)
        return QRect(x, y, w, h), False
    w, h = min(DEFAULT_SIZE[0], room.width()), min(DEFAULT_SIZE[1], room.height())
    rect = QRect(0, 0, w, h)
    rect.moveCenter(room.center())
    return rect, (w, h) != DEFAULT_SIZE


class MainWindow(QMainWindow):
    store_opened = Signal()
    first_painted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.store_title = ""  # which server the drafts are on (empty: this PC's file)
        self.setWindowTitle(texts.APP_TITLE)
        self.workspace: Workspace | None = None  # the draft store (opened after the first paint)
        self.report = None  # ReportView (imported when the first report opens: off the start-up path)
        self._painted = False
        self.start_maximized = False  # see show_window
        self.guide = None  # GuideDialog, made when first asked for
        self.review_desk = None  # the 审核台 window (ui.review), made when first asked for
        self.start = StartView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self.setCentralWidget(self.stack)
        self.save_label = QLabel()
        self.statusBar().addPermanentWidget(self.save_label)
        self.actions_ = StoreActions(self)
        self.start.review_desk_requested.connect(self.show_review_desk)
        self._make_menus()
        self._restore_geometry()

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self.back_action = QAction("返回草稿列表", self, triggered=self.close_report)
        self.save_action = QAction("立即保存", self, triggered=self.save_now)
        self.changes_action = QAction("修改记录…", self, triggered=lambda: _server_actions().show_changes(self))
        self.save_as_action = QAction(
            "当前报告另存为文件…", self, triggered=lambda: _server_actions().save_on_screen_as_json(self)
        )
        self.store_action = QAction("草稿库位置（本机或服务器）…", self, triggered=self.choose_store)
        self.quit_action = QAction("退出", self, triggered=self.close)
        for a in (self.back_action, self.save_action, self.changes_action, self.save_as_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.store_action)
        file_menu.addAction(self.quit_action)
        review_menu = self.menuBar().addMenu("审核台(&R)")
        review_menu.addAction(QAction("打开审核台…", self, triggered=self.show_review_desk))
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self.guide_action = QAction("使用说明", self, triggered=lambda: self.show_guide(self._rule_in_focus()))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(QAction("日志和数据文件夹…", self, triggered=self.actions_.show_data_folder))
        help_menu.addSeparator()
        help_menu.addAction(QAction("关于…", self, triggered=self.show_about))
        self._update_actions()

    def _attach_shortcuts(self) -> None:
        """Ctrl+S, Ctrl+Q, F1: attached once the window has been painted (``open_store``). The first
        shortcut given to an action makes PySide6 create Qt's namespace of enums (~20 ms), which would
        otherwise delay the first paint; nobody presses a key before the window is there."""
        if self.save_action.shortcut().isEmpty():
            from PySide6.QtGui import QKeySequence  # its type made after the paint (~0.8 ms)

            self.save_action.setShortcut(QKeySequence("Ctrl+S"))  # a window shortcut: QAction's default
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
            self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)

    def show_guide(self, heading: str = ""):
        """帮助 → 使用说明 (F1): docs/guide.md in a window of its own (one per main window)."""
        from .guide_dialog import GuideDialog

        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show()
        self.guide.raise_()
        if heading:
            self.guide.show_heading(heading)
        return self.guide

    def _rule_in_focus(self) -> str:
        """The rule id of the finding selected in the focused list (findings panel, review page), or ""."""
        from PySide6.QtWidgets import QApplication, QListWidget, QTreeWidget

        from .findings_panel import FINDING_ROLE

        widget = QApplication.focusWidget()
        finding = None
        if isinstance(widget, QListWidget) and (list_item := widget.currentItem()) is not None:
            finding = list_item.data(FINDING_ROLE)
        elif isinstance(widget, QTreeWidget) and (tree_item := widget.currentItem()) is not None:
            finding = tree_item.data(0, FINDING_ROLE)
        return getattr(finding, "rule", "") or ""

    def show_review_desk(self):
        """审核台: the county office's review of every organ's report, in a window of its own."""
        from .review.review_window import ReviewWindow

        if self.review_desk is None:
            self.review_desk = ReviewWindow()
        self.review_desk.show()
        self.review_desk.raise_()
        return self.review_desk

    def show_about(self):
        from .about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    def _restore_geometry(self) -> None:
        """The size the clerk left it at, or a default that fits the screen (1366×768 laptops with a
        taskbar, 1280×720 projectors): a window taller than the screen hid the findings and status bar."""
        geometry = settings.bytes_value(settings.GEOMETRY)
        restored = geometry is not None and self.restoreGeometry(geometry)
        screen = self.screen()
        if restored and self.isMaximized():
            return
        if screen is None:
            if not restored:
                self.resize(*DEFAULT_SIZE)
            return
        rect, maximize = fit_window(screen.availableGeometry(), self.geometry() if restored else None)
        self.setGeometry(rect)
        # shown maximised by ``show_window`` (setWindowState would need Qt's namespace of enums, ~20 ms)
        self.start_maximized = maximize and not restored

    def show_window(self) -> None:
        """Show the window at the size ``_restore_geometry`` chose: maximised on a screen too small for the default."""
        if self.start_maximized:
            self.showMaximized()
        else:
            self.show()

    def _update_actions(self) -> None:
        for action in (self.back_action, self.save_action, self.changes_action, self.save_as_action):
            action.setEnabled(self.report is not None)

    # ---- start-up --------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def open_store(self) -> bool:
        """Open the store and list the drafts: called once the window has been painted."""
        self._attach_shortcuts()
        try:
            self.workspace = _server_actions().open_workspace_with_login(self)
        except UserFacingError as e:
            self.start.status.setText(f"无法打开草稿库：{e.message}（可在“文件 → 草稿库位置”中更改。）")
            messages.error(self, "无法打开草稿库", e.message)
            return False
        _server_actions().replay_journals(self, self.workspace)
        self._show_store_in_title()
        self.start.set_loading(False)
        self.actions_.refresh_list()
        from .start_view import builtin_samples

        self.start.set_samples(builtin_samples())
        self.store_opened.emit()
        last = settings.int_value(settings.LAST_DRAFT)
        reopen = settings.value(settings.REPORT_OPEN) in ("true", True)
        if reopen and last is not None and self.start.model.row_of_id(last) is not None:  # not deleted since
            self.open_draft(last, settings.int_value(settings.LAST_PAGE))
        return True

    def choose_store(self) -> None:
        """文件 → 草稿库位置…: switch between this PC's file and a server (the report is saved and closed first)."""
        if not _server_actions().choose_store(self) or not self.close_report():
            return
        self.actions_.error_counter.stop()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        self.start.set_rows([])
        self.open_store()

    def _show_store_in_title(self) -> None:
        """A shared store is named in the title bar (which server, as whom); this PC's own file is not."""
        workspace = self.workspace
        self.store_title = (
            f"服务器 {workspace.location}（{workspace.user}）" if workspace and workspace.is_server else ""
        )
        self.setWindowTitle(self._title())

    def _title(self, report: str = "") -> str:
        return " — ".join(part for part in (report, texts.APP_TITLE, self.store_title) if part)

    # ---- one report ------------------------------------------------------------------------
    def open_draft(self, draft_id: int, page: int | None = None, take_over: bool = False):
        """Open a draft in the wizard (at ``page``); the ReportView, or None when it cannot be opened.

        Its edit lease is taken (``take_over``: even from another clerk); held by someone else, it opens read-only."""
        from .. import paths
        from ..application.editing import EditingDraft, journal_for
        from .report_view import ReportView

        if self.report is not None and not self.close_report():
            return None
        self.actions_.error_counter.stop()  # the list is hidden; going back to it lists and counts again
        assert self.workspace is not None  # drafts are opened from the list, shown once the store is open
        try:
            journal = journal_for(self.workspace, paths.data_dir()) if self.workspace.is_server else None
            editing = EditingDraft(self.workspace, draft_id, journal, take_over=take_over)
            if editing.left_by_this_pc:
                editing.take_over()
            draft = editing.draft
            previous = self.workspace.previous_report(draft)
        except UserFacingError as e:
            messages.error(self, "无法打开草稿", e.message)
            return None
        self.report = ReportView(self.workspace, draft, previous, editing=editing)
        self.report.close_requested.connect(self.close_report)
        self.report.saved_as_copy.connect(self._on_report_saved_as_copy)
        self.report.take_over_requested.connect(self._on_report_take_over_requested)
        self.report.save_state_changed.connect(self._on_report_save_state_changed)
        self.stack.addWidget(self.report)
        self.stack.setCurrentWidget(self.report)
        if page:
            self.report.go_to_page(page)
        self.setWindowTitle(self._title(draft.display_title))
        settings.set_value(settings.LAST_DRAFT, draft_id)
        settings.set_value(settings.REPORT_OPEN, True)
        self._update_actions()
        self._warn_uneditable(draft)
        return self.report

    def _warn_uneditable(self, draft) -> None:
        from .session import lone_surrogate_places

        places = lone_surrogate_places(draft)
        if places:
            messages.warning(self, "有无法编辑的字符", texts.LONE_SURROGATES.format(places="、".join(places)))

    def close_report(self) -> bool:
        """Save and go back to the draft list (False when the clerk chose to stay)."""
        if self.report is None:
            return True
        if not self._save_before_leaving():
            return False
        report, self.report = self.report, None
        report.shutdown()
        if report.editing is not None:
            report.editing.close()  # the edit lease is given back
        self.stack.setCurrentWidget(self.start)
        self.stack.removeWidget(report)
        report.deleteLater()
        settings.set_value(settings.REPORT_OPEN, False)
        self.setWindowTitle(self._title())
        self.save_label.setText("")
        self._update_actions()
        self.actions_.refresh_list()
        return True

    def _save_before_leaving(self) -> bool:
        if self.report.flush():
            return True
        answer = messages.ask(
            self,
            "未能保存",
            f"{self.report.autosaver.last_error}\n\n可以再试一次，或把报告另存为一个文件（之后可用“导入”找回）。",
            ("再试一次", "另存为文件后离开", "留在这里"),
        )
        if answer == "再试一次":
            return self._save_before_leaving()
        if answer == "另存为文件后离开":
            from .rescue import rescue_draft

            path = rescue_draft(self.report.session.draft)
            if path is None:
                messages.error(self, "未能另存", "没有找到可以写入的文件夹。请检查磁盘空间后重试。")
                return False
            messages.info(self, "已另存", f"报告已另存为：\n{path}\n\n之后可在草稿列表中点“导入报告文件”找回。")
            return True
        return False

    def save_now(self) -> None:
        if self.report is not None:
            self.report.save_now()

    def emergency_save(self) -> None:
        """Best effort before an error dialog: never raises."""
        try:
            if self.report is not None:
                self.report.flush()
        except Exception:
            log.exception("emergency save failed")

    # ---- window ----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        report_open = self.report is not None
        if report_open and not self._save_before_leaving():
            event.ignore()
            return
        if report_open:
            self.report.shutdown()
        if self.review_desk is not None:
            self.review_desk.close()  # waits for its scan or export to end
        settings.set_value(settings.GEOMETRY, self.saveGeometry())
        settings.set_value(settings.REPORT_OPEN, report_open)
        self.actions_.error_counter.stop()
        if self.workspace is not None:
            try:
                self.workspace.close()
            except Exception:
                log.exception("closing the store failed")
        event.accept()

    def _on_stack_current_changed(self, _index: int) -> None:
        """Only the page on screen sets the window's minimum size (the start window's button row need
        not keep a report from being shown in a narrow window, and the other way round)."""
        from PySide6.QtWidgets import QSizePolicy  # its type made when first needed, after the paint

        current = self.stack.currentWidget()
        for i in range(self.stack.count()):
            w = self.stack.widget(i)
            policy = QSizePolicy.Policy.Preferred if w is current else QSizePolicy.Policy.Ignored
            w.setSizePolicy(policy, policy)

    def _on_report_saved_as_copy(self, copy_id: int, message: str) -> None:
        """Someone else's change was not overwritten: the clerk's version is a new draft, opened now."""
        messages.warning(self, "已另存为冲突副本", message)
        if self.close_report():
            self.open_draft(copy_id)

    def _on_report_take_over_requested(self) -> None:
        report = self.report
        if report is None or report.editing is None:
            return
        if not messages.confirm(
            self,
            "接管编辑",
            "接管后由您编辑这份报告。对方如果仍在编辑，他之后的修改不会覆盖您的，而会另存为冲突副本。确定接管吗？",
            "接管",
            "取消",
        ):
            return
        page = report.wizard.current_id()
        self.open_draft(report.editing.draft_id, page, take_over=True)

    def _on_report_save_state_changed(self, text: str, ok: bool) -> None:
        self.save_label.setText(text)
        self.save_label.setStyleSheet("" if ok else "color:#b00020;font-weight:bold;")


def _server_actions():
    """ui.server_actions (and the application layer behind it), imported after the first paint (~3 ms)."""
    from . import server_actions

    return server_actions
