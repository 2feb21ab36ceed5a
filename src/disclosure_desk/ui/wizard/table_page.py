"""TablePage: one wizard page per TableSpec (表二, 表三, 表四)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from ...spec import TableSpec
from .. import texts
from ..editors.table_model import ReportTableModel
from ..editors.table_view import ReportTableView
from ..session import ReportSession
from .base_page import ReportPage, TwoLineLabel, guidance_label, notice_label, show_notice

KEYS_TIP = ("Tab / 回车：下一格　Ctrl+Z：撤销", "Ctrl+V：粘贴 Excel/WPS 中复制的数字")

# findings that say a stated total is not the sum of its parts
TOTAL_RULES = ("T3-2", "T3-3", "T4-1")


class TablePage(ReportPage):
    def __init__(self, session: ReportSession, table: TableSpec, parent=None):
        super().__init__(session, parent)
        self.table = table
        section = session.spec.section(table.section_title)
        self.page_key = table.section_title
        self.side_label = f"{section.number}、{table.key}"
        self.setTitle(table.section_title)
        self.undo_stack = QUndoStack(self)
        self.model = ReportTableModel(table, session, self)
        self.model.undo_stack = self.undo_stack
        self.view = ReportTableView(self.model, self)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setMinimumSize(300, 160)
        self.notice = notice_label()
        self.help = TwoLineLabel()
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help.set_lines(*KEYS_TIP)
        self._build(section.guidance)
        self.view.notice_requested.connect(self._on_view_notice_requested)
        self.view.editor_reverted.connect(self._on_view_editor_reverted)
        session.values_changed.connect(self._on_session_values_changed)
        self.view.current_cell_changed.connect(self._on_view_current_cell_changed)
        session.status_changed.connect(self._on_session_status_changed)
        session.findings_changed.connect(self._update_totals_button)
        self._on_session_status_changed()

    def _build(self, guidance: str) -> None:
        self.zero_button = QPushButton(texts.ALL_ZERO)
        self.zero_button.setToolTip("本年度没有发生本表的任何事项时使用：把本表所有格子填为0。")
        self.zero_button.clicked.connect(self._on_zero_button_clicked)
        self.blanks_button = QPushButton(texts.BLANKS_ZERO)
        self.blanks_button.setToolTip("把还空着的格子填为0，已填的数字不变。")
        self.blanks_button.clicked.connect(self._on_blanks_button_clicked)
        self.totals_button = QPushButton("按各项重新计算总计")
        self.totals_button.setToolTip("导入的文件中有总计与各项之和不符时使用：把本表的总计改为各项相加之和。")
        self.totals_button.clicked.connect(self._on_totals_button_clicked)
        self.undo_button = QPushButton("撤销")
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton("重做")
        self.redo_button.clicked.connect(self.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self._add_shortcuts()
        tools = QHBoxLayout()
        for b in (self.zero_button, self.blanks_button, self.totals_button, self.undo_button, self.redo_button):
            tools.addWidget(b)
        tools.addWidget(self.help, 1)  # beside the buttons: on a 720-line screen the table needs the height
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(guidance_label(guidance))
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notice)
        if self.table.note:
            layout.addWidget(QLabel(self.table.note))

    def _add_shortcuts(self) -> None:
        undo = QAction("撤销", self)
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        undo.triggered.connect(self.undo)
        redo = QAction("重做", self)
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        redo.triggered.connect(self.redo)
        for a in (undo, redo):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)  # anywhere on this page: the table, its buttons
        self.undo_action, self.redo_action = undo, redo

    # ---- actions ---------------------------------------------------------------------------
    def undo(self) -> None:
        """Take back the last committed edit and show its cell (an open editor is closed first)."""
        if self.undo_stack.canUndo():
            self._step(self.undo_stack.index() - 1, self.undo_stack.undo)

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self._step(self.undo_stack.index(), self.undo_stack.redo)

    def _step(self, command_index: int, action) -> None:
        self.view.close_open_editor()
        command = self.undo_stack.command(command_index)
        action()
        cells = getattr(command, "cell_ids", [])
        if cells:
            self.view.select_cells(cells)

    def fill_all_zero(self) -> None:
        from .. import messages

        filled = [c for c in self.table.input_cells if self.session.draft.value(c.id) not in (None, 0)]
        if filled and not messages.confirm(
            self,
            texts.ALL_ZERO,
            f"本表已有{len(filled)}个格子填了不为0的数字。确定把本表全部改为0吗？（可按 Ctrl+Z 撤销）",
            "全部改为0",
            "取消",
        ):
            return
        self.model.apply_values({c.id: 0 for c in self.table.input_cells}, texts.ALL_ZERO)
        self.view.setFocus()  # so Ctrl+Z works at once
        show_notice(self.notice, "本表已全部填0，总计已自动计算。可按 Ctrl+Z 撤销。", "info")

    def fill_blanks_zero(self) -> None:
        blanks = {c.id: 0 for c in self.table.input_cells if self.session.draft.value(c.id) is None}
        self.model.apply_values(blanks, texts.BLANKS_ZERO)
        self.view.setFocus()
        show_notice(self.notice, f"已把{len(blanks)}个空格填为0。" if blanks else "本表没有空格。", "info")

    def recompute_totals(self) -> None:
        """Totals imported from a file that are not the sum of their parts: replace them (undoable)."""
        self.model.apply_values(self.session.stale_totals(self.table), "重新计算总计")
        self.view.setFocus()
        show_notice(self.notice, "总计已按各项重新计算。可按 Ctrl+Z 撤销。", "info")

    def _update_totals_button(self) -> None:
        own = {c.id for c in self.table.total_cells}
        stale = any(f.rule in TOTAL_RULES and own.intersection(f.cell_ids) for f in self.session.findings)
        self.totals_button.setVisible(stale and not self.session.read_only)

    def focus_finding(self, finding) -> None:
        self.view.select_cells(finding.cell_ids, finding.focus_cell_id)

    def set_read_only(self, read_only: bool) -> None:
        for b in (self.zero_button, self.blanks_button):
            b.setEnabled(not read_only)
        if read_only:
            self.undo_stack.clear()  # a 定稿 report cannot be changed by undoing earlier edits

    # ---- slots -----------------------------------------------------------------------------
    def _on_zero_button_clicked(self) -> None:
        self.fill_all_zero()

    def _on_blanks_button_clicked(self) -> None:
        self.fill_blanks_zero()

    def _on_totals_button_clicked(self) -> None:
        self.recompute_totals()

    def _on_view_notice_requested(self, message: str, level: str, still_true) -> None:
        show_notice(self.notice, message, level, still_true)

    def _on_view_editor_reverted(self) -> None:
        if self.notice.level == "error":
            self.notice.clear_message()

    def _on_session_values_changed(self, _cell_ids) -> None:
        self.notice.revalidate()

    def _on_view_current_cell_changed(self, cell) -> None:
        if cell is None:
            self.help.set_lines(*KEYS_TIP)
            return
        what = "总计，由程序自动计算" if cell.is_total else f"应填{cell.kind.description}"
        self.help.set_lines(
            f"{cell.label_path.replace('/', ' › ')}：{what}。", f"填报口径：{cell.help}" if cell.help else ""
        )

    def _on_session_status_changed(self) -> None:
        self.set_read_only(self.session.read_only)
        self._update_totals_button()
