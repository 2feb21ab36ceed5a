"""The Word file's named styles and page (GB/T 9704), from the PDF's constants (``pdf/styles.py``).

The clerk edits the report as any official document: the body is 正文 (Normal), the title 标题 (Title),
section titles 标题 1, sub-headings 标题 2, the tables and the 落款 have styles of their own — so
restyling one element restyles all of its kind, and nothing is formatted directly except the 落款's
indents, which depend on the length of the organ's name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.section import Section
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import BaseStyle, ParagraphStyle

from ..pdf import styles as st
from . import docx_oxml as ox

LATIN = "Times New Roman"  # digits and Latin letters in body text (common practice in official documents)
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONG = "宋体"
# what Word uses on a PC without the font (its font table's alternate name)
ALTERNATES = {FANGSONG: "仿宋", KAITI: "楷体", XIAOBIAOSONG: SONG, HEITI: HEITI, SONG: SONG}

TWIPS_PER_PT = 20
LINE_TWIPS = math.floor(st.TYPE_AREA_HEIGHT * TWIPS_PER_PT / st.LINES_PER_PAGE)  # 579: 22 lines fit the 版心
LINE = Twips(LINE_TWIPS)  # ≈ 28.95 pt (28.99 pt rounded up would leave room for only 21 lines)
CHAR_TWIPS = round(st.CHAR_PITCH * TWIPS_PER_PT)
# 3号 characters condensed so that 28 fit a line of the 版心, as on the PDF's grid (−0.25 pt)
CHAR_SPACING = math.floor((st.CHAR_PITCH - st.SIZE_3) * TWIPS_PER_PT)
TABLE_RULE_EIGHTHS = max(2, round(st.TABLE_RULE_WIDTH * 8))
ASCENT = 0.88  # of the size: a line's top to its baseline, single spacing
DESCENT = 0.3  # of the size: its baseline to its bottom

# style names (as the clerk sees them in Word's style gallery; built-in ones are shown translated)
BODY = "Normal"
TITLE = "Title"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
LEAD = "行内小标题"
TABLE_HEADER = "表格表头"
TABLE_STUB = "表格文字"
TABLE_VALUE = "表格数值"
TABLE_NOTE = "表注"
SIGNATURE_ORGAN = "落款"
SIGNATURE_DATE = "成文日期"
PAGE_NUMBER = "页码"
DRAFT_MARK = "草稿标记"
TABLE = "Table Grid"


@dataclass(frozen=True)
class Look:
    latin: str
    east_asian: str
    size: float
    align: WD_ALIGN_PARAGRAPH
    line: Twips | None = LINE  # exact line spacing; None: single
    first_line_chars: float = 0.0
    snap: bool = True  # on the 22-line grid
    condensed: bool = False  # 28 characters to a line
    colour: tuple[int, int, int] = (0, 0, 0)


_BODY = Look(LATIN, FANGSONG, st.SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_chars=2, condensed=True)
TABLE_LINE = Twips(round(st.TABLE_LINE_PITCH * TWIPS_PER_PT))
PARAGRAPH_LOOKS: dict[str, Look] = {
    TITLE: Look(LATIN, XIAOBIAOSONG, st.SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, snap=False),
    HEADING_1: Look(LATIN, HEITI, st.SIZE_3, WD_ALIGN_PARAGRAPH.LEFT, first_line_chars=2, condensed=True),
    HEADING_2: Look(LATIN, KAITI, st.SIZE_3, WD_ALIGN_PARAGRAPH.LEFT, first_line_chars=2, condensed=True),
    TABLE_HEADER: Look(LATIN, FANGSONG, st.TABLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER, TABLE_LINE, snap=False),
    TABLE_STUB: Look(LATIN, FANGSONG, st.TABLE_SIZE, WD_ALIGN_PARAGRAPH.JUSTIFY, TABLE_LINE, snap=False),
    TABLE_VALUE: Look(LATIN, FANGSONG, st.TABLE_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, TABLE_LINE, snap=False),
    TABLE_NOTE: Look(
        LATIN,
        FANGSONG,
        st.SIZE_SMALL_4,
        WD_ALIGN_PARAGRAPH.LEFT,
        line=Twips(round(st.TABLE_NOTE.line_pitch * TWIPS_PER_PT)),
        snap=False,
    ),
    SIGNATURE_ORGAN: Look(LATIN, FANGSONG, st.SIZE_3, WD_ALIGN_PARAGRAPH.RIGHT, condensed=True),
    SIGNATURE_DATE: Look(LATIN, FANGSONG, st.SIZE_3, WD_ALIGN_PARAGRAPH.RIGHT, condensed=True),
    PAGE_NUMBER: Look(SONG, SONG, st.PAGE_NUMBER_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, line=None, snap=False),
    DRAFT_MARK: Look(
        HEITI,
        HEITI,
        st.DRAFT_MARK_SIZE,
        WD_ALIGN_PARAGRAPH.RIGHT,
        line=None,
        snap=False,
        colour=(
            round(st.DRAFT_MARK_COLOUR[0] * 255),
            round(st.DRAFT_MARK_COLOUR[1] * 255),
            round(st.DRAFT_MARK_COLOUR[2] * 255),
        ),
    ),
}
BASED_ON = {PAGE_NUMBER: "Footer", DRAFT_MARK: "Header"}


def define_styles(document: Document) -> None:
    ox.set_doc_defaults(document, latin=LATIN, east_asian=FANGSONG, half_points=round(st.SIZE_3 * 2))
    styles = document.styles
    _apply(styles[BODY], _BODY)
    for name, look in PARAGRAPH_LOOKS.items():
        style = styles[name] if name in styles else _new(document, name, WD_STYLE_TYPE.PARAGRAPH)
        _apply(style, look)
    _headings(document)
    styles[TITLE].paragraph_format.space_after = Twips(LINE_TWIPS * st.TITLE_LINES_AFTER)
    styles[SIGNATURE_ORGAN].paragraph_format.space_before = Twips(LINE_TWIPS * st.SIGNATURE_LINES_BEFORE)
    styles[SIGNATURE_ORGAN].paragraph_format.keep_with_next = True
    styles[SIGNATURE_ORGAN].next_paragraph_style = styles[SIGNATURE_DATE]
    lead = _new(document, LEAD, WD_STYLE_TYPE.CHARACTER)
    ox.set_fonts(lead.element, LATIN, KAITI)
    ox.set_table_style_rules(styles[TABLE], TABLE_RULE_EIGHTHS, round(st.TABLE_PAD_X * TWIPS_PER_PT))
    ox.compress_punctuation(document)
    ox.add_font_alternates(document, ALTERNATES)


def set_page(section: Section) -> None:
    """A4, the 版心 156 × 225 mm (top 37, left 28 mm), the 22-line grid, header and footer places."""
    section.page_width, section.page_height = Pt(st.PAGE_WIDTH), Pt(st.PAGE_HEIGHT)
    section.top_margin = Pt(st.MARGIN_TOP)
    section.bottom_margin = Pt(st.TYPE_AREA_BOTTOM)
    section.left_margin = Pt(st.MARGIN_LEFT)
    section.right_margin = Pt(st.PAGE_WIDTH - st.TYPE_AREA_RIGHT)
    section.gutter = Pt(0)
    # the draft mark's baseline 10 mm above the 版心; the page number's 一字线 7 mm below it
    section.header_distance = Pt(st.MARGIN_TOP - st.DRAFT_MARK_ABOVE - ASCENT * st.DRAFT_MARK_SIZE)
    dash = st.TYPE_AREA_BOTTOM - st.PAGE_NUMBER_BELOW
    section.footer_distance = Pt(dash - (st.PAGE_NUMBER_DASH_HEIGHT + DESCENT) * st.PAGE_NUMBER_SIZE)
    ox.set_doc_grid(section, LINE_TWIPS)


def _headings(document: Document) -> None:
    for level, name in enumerate((HEADING_1, HEADING_2)):
        style = document.styles[name]
        style.paragraph_format.keep_with_next = True
        style.next_paragraph_style = document.styles[BODY]
        ox.set_outline_level(style.element, level)


def _new(document: Document, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
    style: BaseStyle = document.styles.add_style(name, kind)
    style.quick_style = True  # shown in the style gallery
    if isinstance(style, ParagraphStyle):
        style.base_style = document.styles[BASED_ON.get(name, BODY)]
    return style


def _apply(style: BaseStyle, look: Look) -> None:
    ox.reset_style(style)
    font = style.font  # type: ignore[attr-defined]
    font.size = Pt(look.size)
    font.bold = False
    font.italic = False
    font.color.rgb = RGBColor(*look.colour)
    ox.set_fonts(style.element, look.latin, look.east_asian)
    ox.set_char_spacing(style.element, CHAR_SPACING if look.condensed else 0)
    fmt = style.paragraph_format  # type: ignore[attr-defined]
    fmt.alignment = look.align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if look.line is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing = look.line
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    ox.set_indent_chars(style.element, first_line=look.first_line_chars, left=0, right=0, char_twips=CHAR_TWIPS)
    ox.set_snap_to_grid(style.element, look.snap)
