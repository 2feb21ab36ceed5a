"""The report's edit-lease banner: who else is editing it (read-only here), and the button to take over.

Also holds the heartbeat that renews the clerk's own lease while the report is open (``ReportView``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..application.collaboration import lease_label
from ..application.leasing import HEARTBEAT_MS
from . import style

if TYPE_CHECKING:
    from ..application.editing import EditingDraft


class LeaseBanner(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet(style.BANNER_WARN)
        self.take_over_button = QPushButton("接管编辑")
        self.heartbeat = QTimer(self, interval=HEARTBEAT_MS)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_over_button)
        self.hide()

    def show_lease(self, editing: EditingDraft, reviewer: bool) -> None:
        """Say why the report is read-only here (someone's lease, or a review account); hidden when it is not."""
        held = editing.held_by
        if reviewer:
            self.label.setText("您使用的是审核账户：可以查看、检查、导出各机关的报告，不能修改。")
        elif held is not None:
            advice = (
                "对方的程序已有一段时间没有响应（可能电脑已关机或断网），可以接管编辑。"
                if held.stale
                else "如果确认对方已不再编辑（例如电脑死机），可以接管编辑；对方之后的修改会另存为冲突副本，不会丢失。"
            )
            self.label.setText(f"{lease_label(held)}正在编辑这份报告，您现在只能查看。{advice}")
        self.take_over_button.setVisible(held is not None and not reviewer)
        self.setVisible(reviewer or held is not None)

    def show_lost(self) -> None:
        """The lease was taken over, and who holds it now cannot be asked (the server went away since)."""
        self.label.setText("另一位同事已接管编辑这份报告，您现在只能查看（服务器暂时连不上，无法显示是谁）。")
        self.take_over_button.hide()
        self.show()
