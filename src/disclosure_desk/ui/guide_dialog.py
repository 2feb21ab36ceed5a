"""帮助 → 使用说明: docs/guide.md shown in the app, with its screenshots, a contents list and search.

The guide is read from ``paths.docs_dir()`` (the checkout's docs/, the frozen build's docs/ or the
wheel's share/disclosure-desk/docs), so it needs no browser and no network. Qt renders the
Markdown itself (``QTextBrowser.setMarkdown``); images resolve relative to the guide's folder and
are scaled down to ``IMAGE_WIDTH``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
)

from .. import paths
from . import texts
from .guide_files import IMAGE_LINK

IMAGE_WIDTH = 720
BLOCK_ROLE = Qt.ItemDataRole.UserRole


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"使用说明 — {texts.APP_TITLE}")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        self.contents = QListWidget()
        self.contents.currentItemChanged.connect(self._on_contents_current_item_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText("查找（回车查找下一处）")
        self.search.returnPressed.connect(self.find_next)
        self.not_found = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.not_found)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.resize(1040, 760)
        self.loaded = self.load()

    def load(self) -> bool:
        guide = paths.guide_file()
        try:
            text = guide.read_text(encoding="utf-8")
        except OSError:
            self.browser.setPlainText(f"没有找到使用说明文件：{guide}\n程序安装可能不完整，请重新安装。")
            return False
        document = self.browser.document()
        document.setBaseUrl(QUrl.fromLocalFile(str(guide.parent) + "/"))
        self.browser.setSearchPaths([str(guide.parent)])
        self.browser.setMarkdown(text)
        self._scale_images(guide.parent, text)
        self._fill_contents()
        return True

    def _scale_images(self, folder, markdown: str) -> None:
        """Screenshots are 1280 px wide: give the document smoothly scaled copies at most IMAGE_WIDTH
        wide (a resource added to the document wins over the file; Qt's own scaling is coarse)."""
        document = self.browser.document()
        for name in dict.fromkeys(IMAGE_LINK.findall(markdown)):
            image = QImage(str(folder / name))
            if image.isNull():
                continue
            if image.width() > IMAGE_WIDTH:
                image = image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            # QTextDocument looks resources up by the name resolved against its base URL
            document.addResource(
                QTextDocument.ResourceType.ImageResource, document.baseUrl().resolved(QUrl(name)), image
            )
        document.markContentsDirty(0, document.characterCount())

    def _fill_contents(self) -> None:
        self.contents.clear()
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level in (2, 3) and block.text().strip():
                item = QListWidgetItem(("    " if level == 3 else "") + block.text().strip())
                item.setData(BLOCK_ROLE, block.position())
                self.contents.addItem(item)
            block = block.next()

    def headings(self) -> list[str]:
        return [self.contents.item(i).text().strip() for i in range(self.contents.count())]

    def show_heading(self, prefix: str) -> bool:
        """Scroll to the first heading starting with ``prefix`` (e.g. a rule id such as "T3-1")."""
        for i in range(self.contents.count()):
            if self.contents.item(i).text().strip().startswith(prefix):
                self.contents.setCurrentRow(i)
                return True
        return False

    def _on_contents_current_item_changed(self, item, _previous=None) -> None:
        if item is None:
            return
        self._scroll_to(item.data(BLOCK_ROLE))
        QTimer.singleShot(0, lambda: self._scroll_to(item.data(BLOCK_ROLE)))  # again once a new window is laid out

    def _scroll_to(self, position: int) -> None:
        """Put the block at ``position`` (a heading) at the top of the view."""
        block = self.browser.document().findBlock(position)
        top = self.browser.document().documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def find_next(self) -> bool:
        text = self.search.text().strip()
        if not text:
            return False
        found = self.browser.find(text)
        if not found:  # wrap around once
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            found = self.browser.find(text)
        self.not_found.setText("" if found else "没有找到")
        return found

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.hasFragment() and (not url.path() or url.path().endswith("guide.md")):
            self.browser.scrollToAnchor(url.fragment())
            return
        target = url if url.scheme() else self.browser.document().baseUrl().resolved(url)
        QDesktopServices.openUrl(target)
