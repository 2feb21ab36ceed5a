"""How a finding is shown in lists: text, colour, icon (shared by the panel and the review page)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ..checks import Finding
from ..spec.model import PartNames
from . import style
from .page_status import PageStatus

SECTION_NAMES = {
    "": "报告整体",
    PartNames.title: "标题",
    PartNames.signature: "落款（署名和成文日期）",
    PartNames.preface: "前言",
}


def section_name(section: str) -> str:
    return SECTION_NAMES.get(section, section)


def finding_text(f: Finding) -> str:
    if f.accepted_reason is not None:
        return f"[{f.severity.label}·已接受] {f.message}（理由：{f.accepted_reason}）"
    return f"[{f.severity.label}] {f.message}"


def finding_tooltip(f: Finding) -> str:
    """The message, and which entry of the user guide explains it (F1 on a selected finding opens it)."""
    from ..checks import RULES

    return f"{f.message}\n\n规则 {f.rule}（{RULES.get(f.rule, '')}）：选中后按 F1 查看使用说明中的解释和改法。"


def finding_color(f: Finding) -> QColor:
    if f.accepted_reason is not None:
        return QColor("#6b7785")
    return style.ERROR_FG if f.is_error else style.WARNING_FG


@cache
def status_icon(status: PageStatus) -> QIcon:
    """Small drawn marks (no font needed): ○ empty, ◐ in progress, ✖ errors, ✔ done."""
    size = 16
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = {
        PageStatus.EMPTY: style.EMPTY_FG,
        PageStatus.IN_PROGRESS: style.PROGRESS_FG,
        PageStatus.ERRORS: style.ERROR_FG,
        PageStatus.DONE: style.DONE_FG,
    }[status]
    p.setPen(QPen(colour, 1.6))
    if status is PageStatus.EMPTY:
        p.drawEllipse(3, 3, 10, 10)
    elif status is PageStatus.IN_PROGRESS:
        p.drawEllipse(3, 3, 10, 10)
        p.setBrush(colour)
        p.drawPie(3, 3, 10, 10, 90 * 16, 180 * 16)
    else:
        p.setBrush(colour)
        p.drawEllipse(1, 1, 14, 14)
        p.setPen(QPen(QColor("white"), 2))
        if status is PageStatus.ERRORS:
            p.drawLine(QPointF(5, 5), QPointF(11, 11))
            p.drawLine(QPointF(11, 5), QPointF(5, 11))
        else:
            p.drawLine(QPointF(4.5, 8.5), QPointF(7, 11))
            p.drawLine(QPointF(7, 11), QPointF(11.5, 5))
    p.end()
    return QIcon(pm)


@cache
def severity_icon(is_error: bool, accepted: bool = False) -> QIcon:
    if accepted:
        return status_icon(PageStatus.DONE)
    return status_icon(PageStatus.ERRORS) if is_error else _warning_icon()


@cache
def _warning_icon() -> QIcon:
    pm = QPixmap(16, 16)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e0a100"))
    p.drawPolygon([QPointF(8, 1), QPointF(15, 14.5), QPointF(1, 14.5)])
    p.setPen(QPen(QColor("white"), 2))
    p.drawLine(QPointF(8, 5.5), QPointF(8, 9.5))
    p.drawPoint(QPointF(8, 12))
    p.end()
    return QIcon(pm)
