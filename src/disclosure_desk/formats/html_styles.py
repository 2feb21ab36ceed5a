"""Inline CSS of the web page (site editors keep ``style`` attributes, never ``<style>``).

The faces are the printed report's with the fallbacks a phone or a PC without the official fonts has;
headings are bold on the web, where 黑体/楷体 are rarely installed and a regular-weight fallback would
not stand out from the text.
"""

from __future__ import annotations

from ..spec import GridRole

FANGSONG = "'仿宋_GB2312','FangSong_GB2312','仿宋','FangSong','STFangsong','Noto Serif CJK SC',serif"
SONG = "'宋体','SimSun','Songti SC','Noto Serif CJK SC',serif"
HEI = "'黑体','SimHei','Heiti SC','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
KAI = "'楷体_GB2312','KaiTi_GB2312','楷体','KaiTi','STKaiti','Noto Serif CJK SC',serif"
RULE = "1px solid #000"
TEXT_SIZE = "16px"
TABLE_SIZE = "14px"
WIDE_TABLE_COLUMNS = 8  # tables with more grid columns scroll sideways on a narrow screen …
WIDE_TABLE_MIN = "600px"  # … below this width

PAGE = "margin:0;padding:16px;background:#fff"
ARTICLE = f"max-width:800px;margin:0 auto;color:#000;font-family:{FANGSONG};font-size:{TEXT_SIZE};line-height:1.8"
BANNER = (
    "margin:0 0 1em;padding:.5em .8em;border:2px solid #c00;background:#fff0f0;color:#c00;"
    f"font-family:{HEI};font-weight:bold;text-indent:0"
)
TITLE = f"margin:.5em 0 1em;text-align:center;font-family:{SONG};font-size:26px;font-weight:bold;line-height:1.5"
HEADING_1 = f"margin:.8em 0 .3em;text-indent:2em;font-family:{HEI};font-size:{TEXT_SIZE};font-weight:bold"
HEADING_2 = f"margin:.3em 0;text-indent:2em;font-family:{KAI};font-size:{TEXT_SIZE};font-weight:bold"
LEAD = f"font-family:{KAI};font-weight:bold"
BODY = "margin:0 0 .3em;text-indent:2em;text-align:justify"
NOTE = "margin:.3em 0;font-size:14px;text-indent:0"
SCROLLER = "overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5em 0 1em"
_CELL = f"border:{RULE};padding:3px 4px;vertical-align:middle;font-weight:normal"
VALUE = f"{_CELL};text-align:right;white-space:nowrap"
_LABEL = {
    GridRole.CAPTION: f"{_CELL};text-align:center",
    GridRole.HEADER: f"{_CELL};text-align:center",
    GridRole.NOTE: f"{_CELL};text-align:left",
    GridRole.STUB: f"{_CELL};text-align:left",
}
VERTICAL = "writing-mode:vertical-rl;text-orientation:upright;letter-spacing:.1em;text-align:center"


def table(columns: int) -> str:
    wide = f";min-width:{WIDE_TABLE_MIN}" if columns >= WIDE_TABLE_COLUMNS else ""
    return f"width:100%{wide};border-collapse:collapse;table-layout:fixed;font-size:{TABLE_SIZE};line-height:1.4"


def cell_style(role: GridRole, vertical: bool) -> str:
    return _LABEL[role] + (f";{VERTICAL}" if vertical else "")


def signature(right_chars: float, *, first: bool) -> str:
    """The 落款 as printed: right-aligned, this many characters in from the right edge."""
    space = "margin:2em 0 0" if first else "margin:0"
    return f"{space};text-indent:0;text-align:right;padding-right:{right_chars:g}em"
