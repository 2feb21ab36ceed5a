"""The report as a story of flowables, in official order: title, preface, the six sections, signature."""

from __future__ import annotations

from ..domain import Draft, format_value
from ..domain.draft import SectionPart
from ..domain.headings import SUBHEADING, SUBHEADING_LEAD
from ..spec import SectionSpec, TableSpec
from . import styles as st
from .flow import Block, KeepRoom
from .flowables import BlankLines, GridSnap, PlacedLine, TextBlock
from .linebreak import Item
from .tables import GridLayout, GridTable, table_texts
from .textprep import Paragraph, paragraphs, prepare
from .title import break_title
from .typeset import Typesetter, position

HEADING_MIN_FOLLOW = 2  # lines of text that must follow a heading on its page


def build_story(draft: Draft, ts: Typesetter, *, draft_mark: bool = False) -> list[Block]:
    """The flowables of the report; ``draft_mark``: table values are kept clear of the 草稿 mark."""
    story: list[Block] = [*_title(draft, ts), BlankLines(st.TITLE_LINES_AFTER)]
    story += _narrative(draft.preface, draft.spec.parts.preface, ts)
    for section in draft.spec.sections:
        story += _section(draft, section, ts, draft_mark)
    story = _with_signature(story, draft, ts)
    return story


def _title(draft: Draft, ts: Typesetter) -> list[Block]:
    """The title in balanced lines; line breaks the clerk typed in a custom title are kept."""

    def measure(text: str) -> float:
        return ts.width(text, st.TITLE)

    items = []
    for para in paragraphs(prepare(draft.display_title)):
        offset = para.offset
        for line in break_title(para.text, measure, st.TYPE_AREA_WIDTH, st.TITLE_MAX_LINES):
            items.append(ts.items(line, st.TITLE, position(draft.spec.parts.title, para.number, offset)))
            offset += len(line)
    return [TextBlock.set(items, st.TITLE)] if items else []


def _section(draft: Draft, section: SectionSpec, ts: Typesetter, draft_mark: bool) -> list[Block]:
    heading = TextBlock.set([ts.items(section.title, st.HEADING_1)], st.HEADING_1)
    if section.table is not None:
        body = _table(draft, draft.spec.table(section.table), ts, draft_mark)
    else:
        body = _section_text(draft, section.title, ts)
    if not body:
        return [heading]
    return [_keep(heading.full_height + _start_height(body)), heading, *body]


def _keep(height: float) -> KeepRoom:
    """A page break unless ``height`` still fits (with a little tolerance for rounding)."""
    return KeepRoom(height - 0.01)


def _start_height(blocks: list[Block]) -> float:
    """Height of what must follow a heading on its page: sub-headings, then 2 lines or a table's start."""
    total = 0.0
    for block in blocks:
        if isinstance(block, KeepRoom):
            continue
        if isinstance(block, GridTable):
            return total + block.min_height()
        if isinstance(block, TextBlock):
            if block.style is st.HEADING_2:
                total += block.full_height
                continue
            return total + min(block.full_height, HEADING_MIN_FOLLOW * block.style.line_pitch)
        return total
    return total


def _section_text(draft: Draft, title: str, ts: Typesetter) -> list[Block]:
    section = draft.sections.get(title, "")
    if isinstance(section, str):
        return _narrative(section, title, ts)
    out: list[Block] = []
    for k, part in enumerate(section, start=1):
        if part.text.strip():  # a suggested heading with nothing under it is not printed (as in section_as_text)
            out += _part(part, f"{title}（第{k}部分）", ts)
    return out


def _part(part: SectionPart, place: str, ts: Typesetter) -> list[Block]:
    out: list[Block] = []
    heading = prepare(part.heading.strip())
    if heading:
        out.append(TextBlock.set([ts.items(heading, st.HEADING_2, position(place + "小标题"))], st.HEADING_2))
    out += _narrative(part.text, place, ts, headings=False)
    return _keep_headings(out)


def _narrative(text: str, place: str, ts: Typesetter, headings: bool = True) -> list[Block]:
    out: list[Block] = []
    for para in paragraphs(prepare(text or "")):
        out.append(_paragraph(para, place, ts, headings))
    return _keep_headings(out)


def _paragraph(para: Paragraph, place: str, ts: Typesetter, headings: bool) -> TextBlock:
    where = position(place, para.number, para.offset)
    text = para.text
    if headings and SUBHEADING.match(text):
        return TextBlock.set([ts.items(text, st.HEADING_2, where)], st.HEADING_2)
    m = SUBHEADING_LEAD.match(text) if headings else None
    if m:
        head = ts.items(m.group(0), st.HEADING_2, where)
        rest = ts.items(text[m.end() :], st.BODY, position(place, para.number, para.offset + m.end()))
        return TextBlock.set([head + rest], st.BODY)
    return TextBlock.set([ts.items(text, st.BODY, where)], st.BODY)


def _keep_headings(blocks: list[Block]) -> list[Block]:
    """A heading line is never the last line of a page: it moves on with the start of its text."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, TextBlock) and block.style is st.HEADING_2 and nxt is not None:
            out.append(_keep(block.full_height + _start_height(blocks[i + 1 :])))
        out.append(block)
    return out


def _table(draft: Draft, spec: TableSpec, ts: Typesetter, draft_mark: bool) -> list[Block]:
    out: list[Block] = []
    texts = table_texts(spec, lambda cell_id: format_value(draft.printed_value(cell_id)))
    out.append(GridTable(GridLayout(spec, texts, ts, f"{spec.key}", knockout=draft_mark)))
    if spec.note:
        out.append(TextBlock.set([ts.items(spec.note, st.TABLE_NOTE)], st.TABLE_NOTE))
    out.append(GridSnap())
    return out


# ---- signature (机关署名 and 成文日期, §7.3.5) ---------------------------------------------


def _with_signature(story: list[Block], draft: Draft, ts: Typesetter) -> list[Block]:
    block = _signature(draft, ts)
    need = st.SIGNATURE_LINES_BEFORE * st.LINE_PITCH + sum(f.wrap(st.TYPE_AREA_WIDTH, 1e6)[1] for f in block)
    tail: list[Block] = []
    if story and isinstance(story[-1], TextBlock):
        head, last = story[-1].split_tail(2)  # the signature never stands alone on a page
        story = story[:-1] + ([head] if head is not None else [])
        tail = [last]
        need += last.full_height
        # a heading whose whole text goes with the signature goes too: it never ends a page
        while head is None and story and (isinstance(story[-1], KeepRoom) or _is_heading(story[-1])):
            moved = story.pop()
            if isinstance(moved, TextBlock):
                tail.insert(0, moved)
                need += moved.full_height
    return [*story, _keep(need), *tail, BlankLines(st.SIGNATURE_LINES_BEFORE), *block]


def _is_heading(block: Block) -> bool:
    return isinstance(block, TextBlock) and block.style in (st.HEADING_1, st.HEADING_2)


def _signature(draft: Draft, ts: Typesetter) -> list[Block]:
    style = st.SIGNATURE
    organ_text = prepare((draft.signature_organ or draft.organ or "").strip())
    date = draft.signature_date
    date_text = (
        f"{date.year}年{date.month}月{date.day}日" if date else "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
    )
    organ = ts.items(organ_text, style, position(draft.spec.parts.signature))
    dated = ts.items(date_text, style, position("成文日期"))
    width = st.TYPE_AREA_WIDTH
    organ_w, date_w = _natural(organ), _natural(dated)
    date_right = width - st.SIGNATURE_DATE_RIGHT_CHARS * style.pitch
    centre = date_right - date_w / 2
    organ_x = centre - organ_w / 2
    limit = width - st.SIGNATURE_ORGAN_MIN_RIGHT_CHARS * style.pitch
    if organ_x + organ_w > limit:  # a long name: 右空二字, the date centred under it
        organ_x = max(0.0, limit - organ_w)
        centre = organ_x + organ_w / 2
    out: list[Block] = []
    if organ_w > width:
        out.append(
            TextBlock.set([organ], st.TextStyle(style.role, style.size, style.line_pitch, style.pitch, align="right"))
        )
    elif organ:
        out.append(PlacedLine(organ, organ_x, style))
    out.append(PlacedLine(dated, max(0.0, min(centre - date_w / 2, width - date_w)), style))
    return out


def _natural(items: list[Item]) -> float:
    return sum(i.width for i in items)
