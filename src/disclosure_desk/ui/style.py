"""Every colour and size the UI uses, in one place."""

from __future__ import annotations

from PySide6.QtGui import QColor

HEADER_BG = QColor("#e9edf3")
STUB_BG = QColor("#f4f6f9")
CAPTION_BG = QColor("#dde4ee")
TOTAL_BG = QColor("#e3ebf6")
READ_ONLY_FG = QColor("#33475b")
ERROR_BG = QColor("#f6c6c6")
ERROR_FG = QColor("#b00020")
WARNING_BG = QColor("#fde2a6")
WARNING_FG = QColor("#8a5a00")
ACCEPTED_BG = QColor("#eef3e8")
CARRIED_BG = QColor("#e6f4ea")
DONE_FG = QColor("#2e7d32")
EMPTY_FG = QColor("#9aa5b1")
PROGRESS_FG = QColor("#1565c0")
BANNER_ERROR = "background:#fdecea;color:#8a1c1c;border:1px solid #f5c2c0;border-radius:4px;padding:6px;"
BANNER_INFO = "background:#e8f1fb;color:#1d3f66;border:1px solid #c3d7ee;border-radius:4px;padding:6px;"
BANNER_WARN = "background:#fff4d6;color:#6b4a00;border:1px solid #f0d48a;border-radius:4px;padding:6px;"
GUIDANCE = "color:#3d4b5c;background:#f4f6f9;border-left:3px solid #8aa4c8;padding:6px;"

VALUE_COLUMN_MIN = 56
STUB_MIN = 90
