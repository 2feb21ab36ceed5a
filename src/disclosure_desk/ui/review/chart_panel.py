"""Charts on screen: the figure of ``application.review.charts`` in a FigureCanvasQTAgg, exportable as PNG
and PDF (the same figure through matplotlib's own file backends, so the file is what the screen shows)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...application.review import Review
from ...application.review.board import comparisons
from ...application.review.figures import FIGURE_BY_KEY
from ...errors import UserFacingError
from .. import messages, settings
from ..folders import default_folder

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class ChartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.figure: Figure | None = None
        self.canvas: QWidget | None = None
        self.choice = QComboBox()
        self.change = QCheckBox("显示与上年相比的变化")
        self.png_button = QPushButton("导出 PNG…")
        self.pdf_button = QPushButton("导出 PDF…")
        self.empty = QLabel("扫描报告后，这里显示各机关主要数据的对比图。")
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)  # the chart as wide as the window, as tall as it needs
        top = QHBoxLayout()
        top.addWidget(QLabel("数据"))
        top.addWidget(self.choice, 1)
        top.addWidget(self.change)
        top.addWidget(self.png_button)
        top.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.area, 1)
        self.choice.currentIndexChanged.connect(self.redraw)
        self.change.toggled.connect(self.redraw)
        self.png_button.clicked.connect(lambda: self.export("png"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self._enable(False)

    def set_review(self, review: Review | None) -> None:
        from ...application.review.charts import chartable

        self.review = review
        keys = chartable(comparisons(review)) if review is not None else []
        current = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for key in keys:
            self.choice.addItem(FIGURE_BY_KEY[key].label, key)
        if current in keys:
            self.choice.setCurrentIndex(keys.index(current))
        self.choice.blockSignals(False)
        self.redraw()

    def redraw(self) -> None:
        key = self.choice.currentData()
        if self.review is None or key is None:
            self._show(None)
            return
        from ...application.review.charts import bars_figure, change_figure, chart_data

        data = chart_data(comparisons(self.review), key)
        self.change.setEnabled(data.has_previous)
        want_change = self.change.isChecked() and data.has_previous
        figure = (change_figure if want_change else bars_figure)(data, self.review.year)
        self._show(figure)

    def _show(self, figure: Figure | None) -> None:
        self.figure = figure
        old = self.area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.canvas = None
        if figure is not None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            self.canvas = FigureCanvasQTAgg(figure)
            self.canvas.setMinimumHeight(self.canvas.height())  # scroll for the 60th organ, do not squeeze
            self.area.setWidget(self.canvas)
        self.empty.setVisible(figure is None)
        self._enable(figure is not None)

    def _enable(self, on: bool) -> None:
        for w in (self.png_button, self.pdf_button, self.choice):
            w.setEnabled(on)

    def export(self, kind: str) -> Path | None:
        from ...application.review.charts import chart_name, figure_bytes
        from ...fileio import atomic_write_bytes

        key = self.choice.currentData()
        if self.figure is None or key is None:
            return None
        name = chart_name(key, change=self.change.isChecked() and self.change.isEnabled())
        suggested = default_folder(settings.EXPORT_FOLDER) / f"{name}.{kind}"
        chosen = messages.ask_save_path(
            self, f"导出图表（{kind.upper()}）", str(suggested), f"{kind.upper()} 文件 (*.{kind})"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            atomic_write_bytes(path, figure_bytes(self.figure, kind))
        except UserFacingError as e:
            messages.error(self, "无法导出图表", e.message)
            return None
        settings.set_value(settings.EXPORT_FOLDER, str(path.parent))
        return path
