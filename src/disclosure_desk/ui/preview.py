"""In-app preview of the exported PDF (QtPdf) and printing it through the system print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from . import messages

PRINT_DPI_CAP = 300


class PdfPreview(QWidget):
    """A scrollable view of every page; zoom to width or whole page."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel("还没有导出。")
        fit_width = QPushButton("适合宽度")
        fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        fit_page = QPushButton("整页")
        fit_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(fit_width)
        bar.addWidget(fit_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.path: Path | None = None

    def load(self, path: str | Path) -> bool:
        self.document.close()
        self.path = Path(path)
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.info.setText(f"无法显示“{self.path.name}”（{error.name}）。")
            return False
        self.info.setText(f"{self.path.name}，共{self.document.pageCount()}页")
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        return True

    def page_count(self) -> int:
        return self.document.pageCount()

    def clear(self) -> None:
        self.document.close()
        self.path = None
        self.info.setText("还没有导出。")


def print_document(parent: QWidget | None, document: QPdfDocument, name: str) -> int:
    """Ask for a printer and print the pages chosen; returns the number of pages printed."""
    pages = document.pageCount()
    if pages == 0:
        return 0
    printer = messages.ask_printer(parent, name, pages)
    if printer is None:
        return 0
    return render_to_printer(document, printer)


def render_to_printer(document: QPdfDocument, printer) -> int:
    """Draw PDF pages onto ``printer`` (each page scaled to the paper, aspect kept)."""
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), document.pageCount()) if printer.toPage() else document.pageCount()
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    painter = QPainter()
    if not painter.begin(printer):
        messages.error(None, "打印", "无法开始打印：打印机没有响应或不可用。")
        return 0
    printed = 0
    try:
        for number in range(first, last + 1):
            if printed:
                printer.newPage()
            page_pt = document.pagePointSize(number - 1)
            size = QSize(round(page_pt.width() / 72 * dpi), round(page_pt.height() / 72 * dpi))
            image = document.render(number - 1, size)
            target = painter.viewport()
            scale = min(target.width() / size.width(), target.height() / size.height())
            w, h = size.width() * scale, size.height() * scale
            painter.setWindow(target)
            painter.drawImage(QRectF((target.width() - w) / 2, (target.height() - h) / 2, w, h), image)
            printed += 1
    finally:
        painter.end()
    return printed
