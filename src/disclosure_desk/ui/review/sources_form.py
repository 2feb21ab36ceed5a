"""The three sources of a review: this year's folder, last year's folder, the expected-organs list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from .. import messages, settings
from ..folders import default_folder

FOLDER_KEY, PREVIOUS_KEY, EXPECTED_KEY = "review/folder", "review/previous", "review/expected"
STORE_KEY = "review/store"  # a server's URL without its password: its drafts instead of the two folders
LIST_FILTER = "应报机关名单（每行一个机关） (*.txt);;所有文件 (*)"


class SourcesForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = self._edit("收到的本年度报告所在的文件夹（Word、网页、PDF、报告文件均可）")
        self.previous = self._edit("可选：上年度报告所在的文件夹，用于核对结转数字和文字是否雷同")
        self.expected = self._edit("可选：应报机关名单，文本文件，每行一个机关名称")
        self.store = self._edit(
            "可选：单位服务器上的草稿库。填写后读取其中各机关本年度和上年度的草稿，不读上面两个文件夹"
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = (
            ("本年报告文件夹", self.folder, self._choose_folder, False),
            ("上年报告文件夹", self.previous, self._choose_previous, True),
            ("应报机关名单", self.expected, self._choose_expected, True),
            ("或：服务器草稿库", self.store, self._choose_store, True),
        )
        for r, (label, edit, choose, optional) in enumerate(rows):
            grid.addWidget(QLabel(label), r, 0)
            grid.addWidget(edit, r, 1)
            button = QPushButton("选择…")
            button.clicked.connect(choose)
            grid.addWidget(button, r, 2)
            if optional:
                clear = QPushButton("不用")
                clear.clicked.connect(lambda _=False, e=edit: self._set(e, ""))
                grid.addWidget(clear, r, 3)
        grid.setColumnStretch(1, 1)
        for edit, key in self._keys():
            edit.setText(str(settings.value(key, "") or ""))

    def _keys(self) -> tuple[tuple[QLineEdit, str], ...]:
        return (
            (self.folder, FOLDER_KEY),
            (self.previous, PREVIOUS_KEY),
            (self.expected, EXPECTED_KEY),
            (self.store, STORE_KEY),
        )

    @staticmethod
    def _edit(placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setReadOnly(True)
        edit.setPlaceholderText(placeholder)
        return edit

    def paths(self) -> tuple[Path | None, Path | None, Path | None]:
        return tuple(
            Path(e.text()) if e.text().strip() else None  # type: ignore[return-value]
            for e in (self.folder, self.previous, self.expected)
        )

    def store_url(self) -> str | None:
        """The server whose drafts are reviewed (instead of the folders), or None."""
        return self.store.text().strip() or None

    def set_store(self, url: str | None) -> None:
        """Review the drafts of the server ``url`` (None: the folders again); ``changed``. The password, if the URL
        has one, is not kept (the login asks for it)."""
        from ...application.connection import public_url

        self._set(self.store, public_url(url) if url else "")

    def set_paths(self, folder: Path | None, previous: Path | None = None, expected: Path | None = None) -> None:
        """Set the sources (the start of a review, tests); ``changed`` once."""
        for edit, path in ((self.folder, folder), (self.previous, previous), (self.expected, expected)):
            edit.blockSignals(True)
            self._set(edit, str(path) if path else "", emit=False)
            edit.blockSignals(False)
        self.changed.emit()

    def _set(self, edit: QLineEdit, text: str, emit: bool = True) -> None:
        edit.setText(text)
        key = next(k for e, k in self._keys() if e is edit)
        settings.set_value(key, text or None)
        if emit:
            self.changed.emit()

    def _choose_folder(self) -> None:
        self._choose_dir(self.folder, "选择收到的本年度报告所在的文件夹")

    def _choose_previous(self) -> None:
        self._choose_dir(self.previous, "选择上年度报告所在的文件夹")

    def _choose_dir(self, edit: QLineEdit, title: str) -> None:
        start = edit.text() or str(default_folder(FOLDER_KEY))
        chosen = messages.ask_folder(self, title, start)
        if chosen:
            self._set(edit, chosen)

    def _choose_expected(self) -> None:
        start = str(Path(self.expected.text()).parent) if self.expected.text() else str(default_folder(FOLDER_KEY))
        chosen = messages.ask_open_path(self, "选择应报机关名单", start, LIST_FILTER)
        if chosen:
            self._set(self.expected, chosen)

    def _choose_store(self) -> None:
        from ...application.connection import is_server_url, public_url

        url = messages.ask_line(
            self,
            "服务器草稿库",
            "各机关在单位服务器上共用草稿库时，可直接审核其中的草稿。请填写服务器地址和审核账户，如\n"
            "postgresql://shen@192.168.1.10/disclosure_desk（不要在这里写密码，连接时会询问）。",
            self.store.text() or "postgresql://",
        )
        if url is None or not url.strip():
            return
        if not is_server_url(url.strip()):
            messages.error(self, "服务器草稿库", "服务器地址应以 postgresql:// 开头。没有改动。")
            return
        self._set(self.store, public_url(url.strip()))
