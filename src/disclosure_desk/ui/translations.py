"""Qt's own strings (下一步, 上一步, 完成, 取消, 确定 …) in Chinese: the qtbase translator."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from .. import paths

_translators: list[QTranslator] = []


def install_translations(app: QApplication) -> bool:
    """Load and install qtbase_zh_CN (bundled first, then Qt's own folder); True when loaded."""
    if _translators:
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folders = [
        str(paths.resources_dir() / "translations"),
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ]
    for folder in folders:
        translator = QTranslator(app)
        if translator.load("qtbase_zh_CN", folder):
            app.installTranslator(translator)
            _translators.append(translator)
            return True
    return False


def translations_loaded() -> bool:
    return bool(_translators)
