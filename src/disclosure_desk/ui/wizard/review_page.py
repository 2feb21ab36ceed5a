"""The review page: every finding, grouped by section; jump to it, accept a warning with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from .. import messages
from ..findings_view import finding_color, finding_text, finding_tooltip, section_name, severity_icon
from ..page_status import REVIEW
from ..session import ReportSession
from .base_page import ReportPage, guidance_label

FINDING_ROLE = Qt.ItemDataRole.UserRole + 10
GUIDANCE = (
    "这里列出校验发现的全部问题。“错误”必须改正，否则打印出的报告带有“草稿”字样；"
    "“提示”是可能有问题的地方，核实无误的，可以写明理由后“接受”（理由只保存在草稿中，不会打印）。"
    "双击一条问题可转到相关的格子或文字。"
)


class ReviewPage(ReportPage):
    page_key = REVIEW
    side_label = "检查全文"
    finding_activated = Signal(object)

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(session, parent)
        self.setTitle("检查全文")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.go_button = QPushButton("转到")
        self.accept_button = QPushButton("接受此提示…")
        self.unaccept_button = QPushButton("撤销接受")
        buttons = QHBoxLayout()
        for b in (self.go_button, self.accept_button, self.unaccept_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(guidance_label(GUIDANCE))
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.go_button.clicked.connect(self._on_go_button_clicked)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.unaccept_button.clicked.connect(self._on_unaccept_button_clicked)
        session.findings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        findings = self.session.findings
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont()
        bold.setBold(True)
        for f in findings:
            group = groups.get(f.section)
            if group is None:
                group = QTreeWidgetItem([section_name(f.section)])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[f.section] = group
                self.tree.addTopLevelItem(group)
            item = QTreeWidgetItem([finding_text(f)])
            item.setIcon(0, severity_icon(f.is_error, f.accepted_reason is not None))
            item.setForeground(0, QBrush(finding_color(f)))
            item.setData(0, FINDING_ROLE, f)
            item.setToolTip(0, finding_tooltip(f))
            group.addChild(item)
        for section, group in groups.items():
            mine = [group.child(i).data(0, FINDING_ROLE) for i in range(group.childCount())]
            n_err = sum(f.is_error for f in mine)
            group.setText(0, f"{section_name(section)}（{n_err}个错误，{len(mine) - n_err}个提示）")
        self.tree.expandAll()
        self.summary.setText(self._summary_text())
        self._update_buttons()

    def _summary_text(self) -> str:
        findings = self.session.findings
        errors = sum(f.is_error for f in findings)
        open_warnings = sum(not f.is_error and f.accepted_reason is None for f in findings)
        accepted = sum(f.accepted_reason is not None for f in findings)
        if not findings:
            return "没有发现问题，可以到下一页导出、打印。"
        text = f"共{errors}个错误，{open_warnings}个提示未处理，{accepted}个提示已接受。"
        return text + ("请先改正错误。" if errors else "没有错误了，可以导出定稿。")

    def current_finding(self):
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def select_finding(self, finding) -> None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                if child is not None and child.data(0, FINDING_ROLE) == finding:
                    self.tree.setCurrentItem(child)
                    return

    def accept_current(self) -> None:
        f = self.current_finding()
        if f is None or f.is_error:
            return
        reason = messages.ask_text(
            self,
            "接受此提示",
            f"{f.message}\n\n请写明核实后仍保留的理由（只保存在草稿中，不会打印）：",
            f.accepted_reason or "",
        )
        if reason is not None and reason.strip():
            self.session.accept_warning(f, reason.strip())

    def _update_buttons(self, *_args) -> None:
        f = self.current_finding()
        self.go_button.setEnabled(f is not None)
        self.accept_button.setEnabled(f is not None and not f.is_error and not self.session.read_only)
        self.unaccept_button.setEnabled(f is not None and f.accepted_reason is not None and not self.session.read_only)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        f = item.data(0, FINDING_ROLE) if item is not None else None
        if f is not None:
            QTimer.singleShot(0, lambda: self.finding_activated.emit(f))

    def _on_go_button_clicked(self) -> None:
        f = self.current_finding()
        if f is not None:
            self.finding_activated.emit(f)

    def _on_accept_button_clicked(self) -> None:
        self.accept_current()

    def _on_unaccept_button_clicked(self) -> None:
        f = self.current_finding()
        if f is not None:
            self.session.unaccept(f)
