"""The report's content in printed order, shared by the Word and web-page writers. Pure Python.

No Qt, no ReportLab, no python-docx: one walk over the Draft and the spec gives the blocks every writer
lays out in its own way —

    Title · Paragraph… (preface) · for each of the six sections: Heading(level 1), then its
    paragraphs and sub-headings (level 2), or its Table (the spec grid with texts) · Signature

— with the same decisions as the PDF (``pdf/document.py``): paragraphs split at line breaks, empty ones
dropped; a paragraph that is only ``（一）…`` is a level-2 heading; one that *starts* with ``（一）…。``
has that part as its ``lead`` (set like a heading); a part whose text is blank is not printed; a blank
total shows the sum of its parts, any other blank cell stays blank; the title is broken into balanced
lines; the organ name is centred over the date, the date 4 characters in from the right.

User text is made safe for XML and HTML here (``printable``): a control character becomes its
Unicode control picture (U+2400 block) or U+FFFD, an unpaired surrogate or a non-character U+FFFD,
and each replacement is recorded so the writer can say so.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..checks import check, has_errors
from ..domain import Draft, format_value
from ..domain.draft import SectionPart
from ..domain.headings import SUBHEADING, SUBHEADING_LEAD
from ..pdf import styles as st
from ..pdf.textprep import char_name, control_picture, is_control, paragraphs, prepare
from ..pdf.title import break_title
from ..spec import GridCell, GridRole, TableSpec

NO_DATE = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"  # a date to be written by hand
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Title:
    """The title: one tuple of balanced lines per line the clerk typed (usually one)."""

    parts: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        return "".join("".join(lines) for lines in self.parts)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: a section title (一、总体情况); 2: a sub-heading (（一）主动公开)


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""  # an inline sub-heading starting the paragraph, set like a level-2 heading

    @property
    def full_text(self) -> str:
        return self.lead + self.text


@dataclass(frozen=True)
class TableCell:
    """One rectangle of the spec grid with its printed text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    role: GridRole
    text: str
    vertical: bool = False  # a narrow row-spanning stub set one character per line (三、本年度办理结果)

    @property
    def is_label(self) -> bool:
        return self.role is not GridRole.VALUE


@dataclass(frozen=True)
class Table:
    key: str  # 表二 / 表三 / 表四
    rows: int
    cols: int
    col_widths: tuple[float, ...]  # relative, summing to 1
    header_rows: int  # leading rows repeated when the table continues on the next page
    cells: tuple[TableCell, ...]
    note: str = ""  # printed below the table


@dataclass(frozen=True)
class Signature:
    """落款: the organ name centred over the date; distances from the right edge in characters (字)."""

    organ: str
    date: str
    organ_right: float
    date_right: float


Block = Title | Heading | Paragraph | Table | Signature


@dataclass
class ReportContent:
    blocks: list[Block]
    draft_mark: bool
    title: str  # the title as one line (document properties, the page's <title>)
    author: str
    replaced: list[tuple[str, str, str]] = field(default_factory=list)  # (char, "U+0007 BELL", where)


def needs_draft_mark(draft: Draft, previous: Draft | None = None) -> bool:
    """A report the checks find an error in carries the 草稿 mark (as the PDF does)."""
    return has_errors(check(draft, previous))


def report_content(draft: Draft, *, draft_mark: bool) -> ReportContent:
    builder = _Builder(draft)
    title = builder.title()
    blocks: list[Block] = [title]
    blocks += builder.narrative(draft.preface, draft.spec.parts.preface)
    for section in draft.spec.sections:
        blocks.append(Heading(section.title, 1))
        if section.table is not None:
            blocks.append(table_block(draft, draft.spec.table(section.table)))
        else:
            blocks += builder.section(section.title)
    blocks.append(builder.signature())
    author = builder.clean(draft.signature_organ or draft.organ, draft.spec.parts.signature)
    return ReportContent(blocks, draft_mark, title.text, author, builder.replaced)


# ---- values and tables ---------------------------------------------------------------------


def table_block(draft: Draft, spec: TableSpec) -> Table:
    cells = []
    for g in spec.grid:
        text = format_value(draft.printed_value(g.cell_id)) if g.cell_id else g.text
        cells.append(TableCell(g.row, g.col, g.rowspan, g.colspan, g.role, text, _is_vertical(spec, g)))
    return Table(spec.key, spec.grid_rows, spec.grid_cols, spec.col_widths, spec.header_rows, tuple(cells), spec.note)


def _is_vertical(spec: TableSpec, g: GridCell) -> bool:
    """As the PDF decides (pdf/tables.py): a row-spanning stub too narrow for 2.5 characters."""
    if g.role is not GridRole.STUB or g.rowspan < 2:
        return False
    width = sum(spec.col_widths[g.col : g.col + g.colspan]) * st.TYPE_AREA_WIDTH - 2 * st.TABLE_PAD_X
    return width < st.TABLE_VERTICAL_STUB_MAX_CHARS * st.TABLE_SIZE


# ---- text --------------------------------------------------------------------------------------


def char_units(text: str) -> float:
    """Width in characters (字): full-width characters 1, others ½ (digits, Latin letters)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


class _Builder:
    def __init__(self, draft: Draft):
        self.draft = draft
        self.replaced: list[tuple[str, str, str]] = []

    def clean(self, text: str, where: str) -> str:
        """``text`` with every character XML and HTML can carry; replacements are recorded."""
        out = []
        for ch in prepare(text or ""):
            if is_control(ch) and ch not in "\n\r":
                shown = control_picture(ch) or REPLACEMENT
                self.replaced.append((ch, char_name(ch), where))
                out.append(shown)
            else:
                out.append(ch)
        return "".join(out)

    def title(self) -> Title:
        parts = []
        for para in paragraphs(self.clean(self.draft.display_title, self.draft.spec.parts.title)):
            lines = break_title(para.text, _title_width, st.TYPE_AREA_WIDTH, st.TITLE_MAX_LINES)
            parts.append(tuple(lines))
        return Title(tuple(parts))

    def narrative(self, text: str, where: str, headings: bool = True) -> list[Block]:
        out: list[Block] = []
        for para in paragraphs(self.clean(text, where)):
            out.append(_paragraph(para.text, headings))
        return out

    def section(self, title: str) -> list[Block]:
        section = self.draft.sections.get(title, "")
        if isinstance(section, str):
            return self.narrative(section, title)
        out: list[Block] = []
        for k, part in enumerate(section, start=1):
            if part.text.strip():  # a suggested heading with nothing under it is not printed
                out += self._part(part, f"{title}（第{k}部分）")
        return out

    def _part(self, part: SectionPart, where: str) -> list[Block]:
        heading = self.clean(part.heading, where + "小标题").strip()
        out: list[Block] = [Heading(heading, 2)] if heading else []
        return out + self.narrative(part.text, where, headings=False)

    def signature(self) -> Signature:
        organ = self.clean(
            (self.draft.signature_organ or self.draft.organ or "").strip(), self.draft.spec.parts.signature
        )
        date = self.draft.signature_date
        date_text = f"{date.year}年{date.month}月{date.day}日" if date else NO_DATE
        return signature_block(organ, date_text)


def _paragraph(text: str, headings: bool) -> Heading | Paragraph:
    if headings and SUBHEADING.match(text):
        return Heading(text, 2)
    m = SUBHEADING_LEAD.match(text) if headings else None
    if m:
        return Paragraph(text[m.end() :], lead=m.group(0))
    return Paragraph(text)


def _title_width(text: str) -> float:
    """Approximate width of title text at 2号 (a full-width character is one em)."""
    return char_units(text) * st.SIZE_2


def signature_block(organ: str, date: str) -> Signature:
    """Placement as the PDF's (GB/T 9704 §7.3.5.2): the date 4 characters in from the right, the organ
    name centred over it; a long name 2 characters in from the right with the date centred under it."""
    line = st.CHARS_PER_LINE
    organ_w, date_w = char_units(organ), char_units(date)
    date_right = float(st.SIGNATURE_DATE_RIGHT_CHARS)
    organ_right = date_right + (date_w - organ_w) / 2
    if organ_right < st.SIGNATURE_ORGAN_MIN_RIGHT_CHARS:
        organ_right = float(st.SIGNATURE_ORGAN_MIN_RIGHT_CHARS)
        date_right = organ_right + (organ_w - date_w) / 2
    if organ_w + organ_right > line:
        organ_right = max(0.0, line - organ_w)
    date_right = max(0.0, min(date_right, line - date_w))
    return Signature(organ, date, organ_right, date_right)
