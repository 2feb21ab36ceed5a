"""Every visual constant of the printed report (GB/T 9704-2012 《党政机关公文格式》).

Units are PDF points (1/72 inch) unless a name says otherwise. Nothing else in ``pdf/`` writes a
size, a distance or a colour as a literal.
"""

from __future__ import annotations

from ..records import record

MM = 72 / 25.4

# ---- page and 版心 (§5.1, §5.2.1) -------------------------------------------------------
PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
MARGIN_TOP = 37 * MM  # 天头
MARGIN_LEFT = 28 * MM  # 订口
TYPE_AREA_WIDTH = 156 * MM  # 版心
TYPE_AREA_HEIGHT = 225 * MM
TYPE_AREA_LEFT = MARGIN_LEFT
TYPE_AREA_RIGHT = MARGIN_LEFT + TYPE_AREA_WIDTH
TYPE_AREA_TOP = PAGE_HEIGHT - MARGIN_TOP
TYPE_AREA_BOTTOM = TYPE_AREA_TOP - TYPE_AREA_HEIGHT  # 35 mm above the paper's lower edge

# ---- type sizes (字号) --------------------------------------------------------------------
SIZE_2 = 22.0  # 2号
SIZE_3 = 16.0  # 3号
SIZE_4 = 14.0  # 4号
SIZE_5 = 10.5  # 5号
SIZE_SMALL_4 = 12.0  # 小4号

# ---- the text grid: 22 lines × 28 characters (§5.2.3) ------------------------------------
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = TYPE_AREA_HEIGHT / LINES_PER_PAGE  # ≈ 28.99 pt, one 行 of the grid
CHAR_PITCH = TYPE_AREA_WIDTH / CHARS_PER_LINE  # ≈ 15.79 pt, one 字 of 3号 on the grid

# Where a glyph's ideographic em box sits: its bottom this fraction of the size below the baseline.
EM_BOX_DESCENT = 0.12
FULL_WIDTH = 0.9  # a glyph at least this many em wide is full-width: it is set on the grid's 字 pitch
SQUEEZE_MAX = 0.5  # em a full-width mark is squeezed by (挤压: set half-width), when its outline leaves that much blank
# a line is squeezed only when justifying it instead would put more than this (em) between its units
STRETCH_MAX = 0.15

# ---- font roles -------------------------------------------------------------------------
FANGSONG = "fangsong"  # 仿宋: body, tables
HEITI = "heiti"  # 黑体: 一、 headings, draft mark
KAITI = "kaiti"  # 楷体: （一） headings
XIAOBIAOSONG = "xiaobiaosong"  # 小标宋: title
SONG = "song"  # 宋体: page numbers
ROLES = (FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONG)
# Latin letters, digits and ASCII signs are set in a proportional serif (Times New Roman, or the
# metric-compatible Liberation Serif) in 仿宋/楷体/宋体 text; the title and 黑体 text keep their own
# face's Latin letters, whose weight matches theirs
LATIN = "latin"
CJK_LATIN_GAP = 0.25  # em of space between a hanzi and a Latin letter or digit (W3C CLREQ: about 1/4 em)


@record
class TextStyle:
    """How a block of text is set.

    ``pitch`` is the advance of a full-width character (the grid's 字); half-width characters keep
    their natural width. ``line_pitch`` is the fixed distance between baselines. ``align`` is
    ``justify`` (两端对齐, last line flush left), ``left``, ``center`` or ``right``.
    """

    role: str
    size: float
    line_pitch: float
    pitch: float
    indent_chars: float = 0.0  # first-line indent, in full-width characters
    align: str = "justify"
    stroke: float = 0.0  # outline stroke added to the fill (a bolder look), 0 for none
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0)
    latin: str | None = LATIN  # the role of Latin letters and digits; None: the style's own face


BODY = TextStyle(FANGSONG, SIZE_3, LINE_PITCH, CHAR_PITCH, indent_chars=2)
HEADING_1 = TextStyle(HEITI, SIZE_3, LINE_PITCH, CHAR_PITCH, indent_chars=2, align="left", latin=None)  # 一、
HEADING_2 = TextStyle(KAITI, SIZE_3, LINE_PITCH, CHAR_PITCH, indent_chars=2, align="left")  # （一）
# 2号小标宋 (§7.3.1), on the body's line grid; its digits (the year) in its own bold face
TITLE = TextStyle(XIAOBIAOSONG, SIZE_2, LINE_PITCH, SIZE_2, align="center", latin=None)
TITLE_MAX_LINES = 3
TITLE_LINES_AFTER = 1  # one blank line between title and text
SIGNATURE = TextStyle(FANGSONG, SIZE_3, LINE_PITCH, CHAR_PITCH, align="left")
SIGNATURE_LINES_BEFORE = 2  # room for the seal above the organ name
SIGNATURE_DATE_RIGHT_CHARS = 4  # 成文日期右空四字 (§7.3.5.2)
SIGNATURE_ORGAN_MIN_RIGHT_CHARS = 2  # a long organ name: 右空二字, date centred under it

# ---- tables -----------------------------------------------------------------------------
# 5号 throughout: headers and captions in 黑体 (set apart as in published reports), labels in 仿宋
# (justified), values in 仿宋 with Latin digits, centred as the official samples print them
TABLE_SIZE = SIZE_5
TABLE_LINE_PITCH = 13.5
TABLE_CELL = TextStyle(FANGSONG, TABLE_SIZE, TABLE_LINE_PITCH, TABLE_SIZE, align="justify")
TABLE_HEADER = TextStyle(HEITI, TABLE_SIZE, TABLE_LINE_PITCH, TABLE_SIZE, align="center", latin=None)
TABLE_VALUE = TextStyle(FANGSONG, TABLE_SIZE, TABLE_LINE_PITCH, TABLE_SIZE, align="center")
TABLE_NOTE = TextStyle(FANGSONG, SIZE_SMALL_4, 18.0, SIZE_SMALL_4, align="left")
TABLE_PAD_X = 3.0
TABLE_PAD_Y = 3.0
TABLE_MIN_ROW_HEIGHT = TABLE_LINE_PITCH + 2 * TABLE_PAD_Y  # every one-line row the same height
TABLE_RULE_WIDTH = 0.6
TABLE_MIN_ROWS_BEFORE_BREAK = 3  # value rows a table must show before it may continue on the next page
TABLE_MIN_ROWS_AFTER_BREAK = 2  # … and that must go on with it
# a page break inside a row-span group is avoided only when keeping the group whole leaves at most
# this much blank at the foot of the page (two rows); otherwise the group's label is printed again
TABLE_GROUP_KEEP_MAX_WASTE = 2 * TABLE_MIN_ROW_HEIGHT + 0.01
TABLE_VERTICAL_STUB_MAX_CHARS = 2.5  # a row-spanning stub narrower than this is set one unit per line
# Label columns are made wide enough for every row label up to this many em of 5号 to stand on one
# line (all official labels of both editions but four longer ones, which wrap: see docs/pdf.md)
TABLE_LABEL_ONE_LINE_MAX_EM = 13.0

# ---- page numbers (§7.5) ----------------------------------------------------------------
PAGE_NUMBER_SIZE = SIZE_4
PAGE_NUMBER_DASH = "\u2014"  # 一字线
PAGE_NUMBER_FORMAT = PAGE_NUMBER_DASH + " {n} " + PAGE_NUMBER_DASH
PAGE_NUMBER_SPACE = 0.5  # em: each space beside the number
PAGE_NUMBER_BELOW = 7 * MM  # 一字线 7 mm below the 版心's lower edge
PAGE_NUMBER_INSET = PAGE_NUMBER_SIZE  # one character in from the 版心 edge
PAGE_NUMBER_DASH_HEIGHT = 0.38  # the dash stroke's height above the baseline, in em
# GB/T 9704 §7.5: 半角宋体阿拉伯数字, so the digits are the 宋体 face's own
PAGE_NUMBER = TextStyle(SONG, PAGE_NUMBER_SIZE, PAGE_NUMBER_SIZE, PAGE_NUMBER_SIZE, align="left", latin=None)

# ---- draft mark ---------------------------------------------------------------------------
DRAFT_MARK_TEXT = "草稿（未通过校验）"
DRAFT_MARK_SIZE = SIZE_4
DRAFT_MARK_COLOUR = (0.80, 0.0, 0.0)
DRAFT_MARK_ABOVE = 10 * MM  # baseline above the 版心's upper edge, right-aligned with the 版心
DRAFT_WATERMARK_TEXT = "草稿"
DRAFT_WATERMARK_SIZE = 120.0
# a pale red fill with a darker outline: seen at once, and black text over it stays readable; table
# values are painted over it (tables.GridLayout.knockout), so no figure is ever crossed
DRAFT_WATERMARK_FILL = (1.0, 0.91, 0.91)
DRAFT_WATERMARK_OUTLINE = (0.88, 0.55, 0.55)
DRAFT_WATERMARK_OUTLINE_WIDTH = 0.8
DRAFT_WATERMARK_ANGLE = 35.0
DRAFT_WATERMARK_DROP = 0.35  # of its size: baseline below the 版心's centre, so the ink is centred
DRAFT_MARK = TextStyle(HEITI, DRAFT_MARK_SIZE, DRAFT_MARK_SIZE, DRAFT_MARK_SIZE, align="left", colour=DRAFT_MARK_COLOUR)
DRAFT_WATERMARK = TextStyle(
    HEITI, DRAFT_WATERMARK_SIZE, DRAFT_WATERMARK_SIZE, DRAFT_WATERMARK_SIZE, align="left", colour=DRAFT_WATERMARK_FILL
)

# ---- characters no font can print -----------------------------------------------------------
MISSING_BOX_WIDTH = 1.0  # em of advance
MISSING_BOX_SIDE = 0.86  # em
MISSING_BOX_RULE = 0.5
MISSING_BOX_LABEL_SIZE = 0.28  # em; the code point is printed small inside the box
MISSING_BOX_LABEL_DROP = 0.35  # of the label size, below the box's centre line

# ---- document ---------------------------------------------------------------------------
PDF_CREATOR = "Disclosure Desk"
