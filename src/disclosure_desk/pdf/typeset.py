"""Text to measured items: font per character (with fallback), and a record of what cannot be printed.

This is the glyph-coverage check: every character of the report passes through :meth:`Typesetter.items`
before anything is drawn. A character no font has becomes a box and is listed in ``missing`` with its
name and position; a control character becomes its control picture and is listed in ``replaced``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..records import record
from . import linebreak as lb
from . import styles as st
from .fonts import FontSet, LoadedFont
from .textprep import char_name, control_picture, is_control, is_invisible


@record
class CharIssue:
    """A character that could not be printed as typed."""

    char: str
    name: str  # ``U+1F600 GRINNING FACE``
    where: str  # ``一、总体情况 第2段第15字``
    printed_as: str = ""  # the control picture, or "" for the box

    def as_tuple(self) -> tuple[str, str, str]:
        return (self.char, self.name, self.where)


Where = Callable[[int], str]
_Glyph = tuple[LoadedFont, str, float, int, tuple[float, float]]


class Typesetter:
    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self.missing: list[CharIssue] = []
        self.replaced: list[CharIssue] = []
        self.fallbacks: list[CharIssue] = []  # printed, but from a font other than the style's own
        self._glyphs: dict[tuple[str, str, str | None], _Glyph | None] = {}

    def items(self, text: str, style: st.TextStyle, where: Where | None = None) -> list[lb.Item]:
        """Measure ``text`` set in ``style``; ``where(i)`` names the position of character ``i``."""
        out = []
        role, size = style.role, style.size
        stroke = self.stroke(style)
        primary = self.fonts.primary(role)
        for i, ch in enumerate(text):
            glyph = self._glyph(ch, role, style.latin)
            if glyph is None:  # invisible, a control character or in no font: the careful way
                out.append(self._special(ch, i, style, where))
                continue
            font, font_role, advance_em, cls, blanks_em = glyph
            if font is not primary and font_role == role and not ch.isspace():
                self.fallbacks.append(CharIssue(ch, char_name(ch), _where(where, i), font.file.label))
            advance = advance_em * size
            width = style.pitch if advance >= st.FULL_WIDTH * size and font_role == role else advance
            out.append(
                lb.Item(
                    ch,
                    font.name,
                    size,
                    advance,
                    width,
                    cls,
                    stroke,
                    style.colour,
                    blanks=(blanks_em[0] * size, blanks_em[1] * size),
                    latin=font_role != role,
                )
            )
        lb.adjust_spacing(out, st.CJK_LATIN_GAP * size)
        return out

    def _glyph(self, ch: str, role: str, latin: str | None) -> _Glyph | None:
        """Font, role, advance (em), class and blanks (em) of a printable character (cached)."""
        key = (ch, role, latin)
        if key in self._glyphs:
            return self._glyphs[key]
        glyph = None
        if not is_invisible(ch) and not is_control(ch):
            font_role = latin if latin and is_latin(ch) else role
            font = self.fonts.font_for(ch, font_role)
            if font is not None:
                self.fonts.mark_used(font, font_role)
                cls = lb.classify(ch)
                blanks = font.blanks(ch) if cls in (lb.OPEN, lb.CLOSE) else (0.0, 0.0)
                glyph = (font, font_role, font.advance(ch), cls, blanks)
        self._glyphs[key] = glyph
        return glyph

    def _special(self, ch: str, i: int, style: st.TextStyle, where: Where | None) -> lb.Item:
        """An invisible character, a control character (its picture) or one no font has (a box)."""
        size = style.size
        if is_invisible(ch):
            return lb.Item(ch, None, size, 0.0, 0.0, lb.ATTACH if ch != "\u200b" else lb.BREAK)
        drawn = ch
        if is_control(ch):
            picture = control_picture(ch)
            self.replaced.append(CharIssue(ch, char_name(ch), _where(where, i), picture or "□"))
            if picture is None:
                return self._box(ch, style)
            drawn = picture
            glyph = self._glyph(drawn, style.role, style.latin)
            if glyph is not None:
                font, font_role, advance_em, cls, blanks = glyph
                advance = advance_em * size
                width = style.pitch if advance >= st.FULL_WIDTH * size and font_role == style.role else advance
                return lb.Item(
                    drawn,
                    font.name,
                    size,
                    advance,
                    width,
                    cls,
                    self.stroke(style),
                    style.colour,
                    blanks=(blanks[0] * size, blanks[1] * size),
                    latin=font_role != style.role,
                )
        else:
            self.missing.append(CharIssue(ch, char_name(ch), _where(where, i)))
        return self._box(drawn, style)

    def _box(self, ch: str, style: st.TextStyle) -> lb.Item:
        label = self.fonts.primary(st.FANGSONG)
        self.fonts.mark_used(label, st.FANGSONG)
        width = style.pitch * st.MISSING_BOX_WIDTH
        return lb.Item(
            ch, label.name, style.size, style.size * st.MISSING_BOX_WIDTH, width, lb.CJK, colour=style.colour, box=True
        )

    def stroke(self, style: st.TextStyle) -> float:
        """Outline stroke added to the fill (none of the styles uses one: the bundled 小标宋 stand-in is a
        bold face, so the title is no longer thickened by a stroke)."""
        return style.stroke

    def width(self, text: str, style: st.TextStyle) -> float:
        """Natural width of ``text`` on one line (to balance title lines, to size table columns);
        records no missing or replaced characters."""
        return natural_width(self._probe().items(text, style))

    def widest_unit(self, text: str, style: st.TextStyle) -> float:
        """Width of the widest piece of ``text`` that no line break may cut (``三、``, a number)."""
        return widest_unit(self._probe().items(text, style))

    def _probe(self) -> Typesetter:
        """A typesetter for measuring: shares the glyph cache, records nothing here."""
        probe = Typesetter(self.fonts)
        probe._glyphs = self._glyphs
        return probe


def natural_width(items: list[lb.Item]) -> float:
    """Width of ``items`` set on one line, without justification."""
    return sum(i.width + i.after for i in items) - (items[-1].after if items else 0.0)


def widest_unit(items: list[lb.Item]) -> float:
    """Width of the widest piece that no line break may cut (``三、``, a number)."""
    return max((seg.width - seg.tail for seg in lb.segments(items)), default=0.0)


def is_latin(ch: str) -> bool:
    """Set in the Latin face: ASCII (letters, digits, signs, the space), the no-break space and accented
    Latin letters (pinyin); not × ÷, which Chinese text sets full-width."""
    cp = ord(ch)
    return 0x20 <= cp <= 0x7E or cp == 0xA0 or (0xC0 <= cp <= 0x24F and cp not in (0xD7, 0xF7))


def _where(where: Where | None, i: int) -> str:
    return where(i) if where is not None else f"第{i + 1}字"


def position(place: str, paragraph: int | None = None, offset: int = 0) -> Where:
    """``where`` for text of ``place`` (a section title, 标题, 落款 …), counting from ``offset``."""
    if paragraph is None:
        return lambda i: f"{place} 第{i + offset + 1}字"
    return lambda i: f"{place} 第{paragraph}段第{i + offset + 1}字"
