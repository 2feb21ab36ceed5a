"""帮助 → 关于: name, version, licence (MIT), and the bundled fonts with their licences.

Every licence text ships with the program (LICENSE, resources/fonts/licenses/) and opens in a
read-only viewer from a link here, as the fonts' licences ask (the GPL's text goes with every copy).
"""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QTextBrowser, QVBoxLayout

from .. import __version__, paths
from . import texts

APP_LICENCE = "MIT"


@dataclass(frozen=True)
class BundledFont:
    file: str
    family: str
    use: str
    licence: str
    licence_files: tuple[str, ...]


# resources/fonts/README.md tells where each comes from and how it was subset
FONTS = (
    BundledFont(
        "FandolFang-GB2312.ttf",
        "FandolFang（Fandol 仿宋）",
        "正文、表格（代替仿宋_GB2312）",
        "GPL-3 及字体例外",
        ("Fandol-GPL-3-with-font-exception.txt", "Fandol-README.txt"),
    ),
    BundledFont(
        "FandolHei-GB2312.ttf",
        "FandolHei（Fandol 黑体）",
        "“一、”标题、表头、草稿字样（代替黑体）",
        "GPL-3 及字体例外",
        ("Fandol-GPL-3-with-font-exception.txt", "Fandol-README.txt"),
    ),
    BundledFont(
        "FandolKai-GB2312.ttf",
        "FandolKai（Fandol 楷体）",
        "“（一）”小标题（代替楷体_GB2312）",
        "GPL-3 及字体例外",
        ("Fandol-GPL-3-with-font-exception.txt", "Fandol-README.txt"),
    ),
    BundledFont(
        "FandolSongBold-GB2312.ttf",
        "FandolSong Bold（Fandol 宋体粗体）",
        "标题（代替方正小标宋简体）",
        "GPL-3 及字体例外",
        ("Fandol-GPL-3-with-font-exception.txt", "Fandol-README.txt"),
    ),
    BundledFont(
        "LiberationSerif-Regular.ttf",
        "Liberation Serif",
        "西文字母和数字（代替 Times New Roman）",
        "SIL Open Font License 1.1",
        ("LiberationSerif-OFL-1.1-debian-copyright.txt",),
    ),
    BundledFont(
        "WenQuanYiZenHei-NoHangul.ttf",
        "WenQuanYi Zen Hei（文泉驿正黑）",
        "生僻字补字、界面",
        "GPL-2 及字体嵌入例外",
        ("WenQuanYi-ZenHei-debian-copyright.txt", "GPL-2.txt"),
    ),
    BundledFont(
        "FreeSans-Symbols.ttf",
        "GNU FreeSans（符号部分）",
        "控制字符替代符号、箭头等符号补字",
        "GPL-3 及字体例外",
        ("FreeFont-debian-copyright.txt", "Fandol-GPL-3-with-font-exception.txt"),
    ),
)


def licence_path(name: str) -> Path:
    """A licence file by name: the app's LICENSE or one in resources/fonts/licenses/."""
    return paths.license_file() if name == "LICENSE" else paths.fonts_dir() / "licenses" / name


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(f.family)}<br><small>{html.escape(f.file)}</small></td>"
        f"<td>{html.escape(f.use)}</td><td>{html.escape(f.licence)}<br>"
        + " ".join(f'<a href="licence:{n}">{html.escape(n)}</a>' for n in f.licence_files)
        + "</td></tr>"
        for f in FONTS
    )
    return (
        f"<h2>{html.escape(texts.APP_TITLE)}</h2>"
        f"<p><b>Disclosure Desk</b> 版本 {__version__}</p>"
        "<p>帮助机关工作人员编写《政府信息公开工作年度报告》：按官方格式填写、自动校验、生成可打印的 PDF。"
        "完全离线运行，报告只保存在本机。</p>"
        f'<p>许可证：{APP_LICENCE}（可以免费使用、复制、修改和分发）。<a href="licence:LICENSE">许可证全文</a></p>'
        "<h3>随程序提供的字体</h3>"
        "<p>本机没有公文字体（仿宋_GB2312、黑体、楷体_GB2312、方正小标宋简体、Times New Roman）时，PDF 使用下列字体，"
        "只嵌入用到的字。字体有各自的许可证，与本程序一同分发：</p>"
        '<table border="1" cellspacing="0" cellpadding="4">'
        f"<tr><th>字体</th><th>用途</th><th>许可证</th></tr>{rows}</table>"
        f"<p><small>Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}"
        " · 字体的来源和修改方式见 resources/fonts/README.md</small></p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"关于 — {texts.APP_TITLE}")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(about_html())
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        self.viewers: list[QDialog] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(680, 560)

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "licence":
            self.show_licence(url.path())

    def show_licence(self, name: str) -> QDialog:
        viewer = TextFileDialog(name, licence_path(name), self)
        self.viewers.append(viewer)
        viewer.show()
        return viewer


class TextFileDialog(QDialog):
    """A read-only view of a text file (a licence)."""

    def __init__(self, title: str, path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        try:
            self.text.setPlainText(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            self.text.setPlainText(f"无法读取 {path}：{e}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 560)
