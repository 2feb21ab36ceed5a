"""What a clerk typed, made ready for printing: paragraphs, and characters that have no printed form.

Pure Python (no ReportLab). Text is never interpreted: ``<b>`` is four characters.

Decisions (docs/pdf.md):
- paragraphs are separated by line breaks (``\\n``, ``\\r\\n``, ``\\r``, U+2028, U+2029); empty ones are
  not printed; white space at the start of a paragraph is dropped (the 2-character indent is the
  printer's), and at its end;
- a tab prints as one full-width space (U+3000);
- a control character prints as its Unicode "control picture" (U+2400 block, e.g. ␇ for BEL) and is
  reported; one without a picture (C1 controls, unpaired surrogates, non-characters) prints as the
  missing-character box and is reported;
- invisible format characters (zero-width space and joiners, BOM, soft hyphen, direction marks,
  variation selectors) have no printed form and are not printed.
"""

from __future__ import annotations

import re
import unicodedata

from ..records import record

PARAGRAPH_BREAK = re.compile("\r\n|\r|\n|\u2028|\u2029")
TAB_AS = "\u3000"
LEADING_SPACE = " \t\u00a0\u3000"


@record
class Paragraph:
    number: int  # 1-based, counting every line of the clerk's text (so positions match what they see)
    offset: int  # characters of leading white space that were cut
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """The non-empty paragraphs of ``text``, without leading and trailing white space."""
    out = []
    for i, para in enumerate(PARAGRAPH_BREAK.split(text or "")):
        body = para.lstrip(LEADING_SPACE)
        stripped = body.rstrip(LEADING_SPACE)
        if stripped:
            out.append(Paragraph(i + 1, len(para) - len(body), stripped))
    return out


def is_invisible(ch: str) -> bool:
    cp = ord(ch)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:  # variation selectors
        return True
    return unicodedata.category(ch) == "Cf"


def is_control(ch: str) -> bool:
    """A character that must not reach the PDF as it is (it would be invisible or break a viewer)."""
    cp = ord(ch)
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs"):
        return True
    return (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF  # non-characters


def control_picture(ch: str) -> str | None:
    """The visible stand-in of a control character (U+2400 block), or None if Unicode has none."""
    cp = ord(ch)
    if cp < 0x20:
        return chr(0x2400 + cp)
    if cp == 0x7F:
        return "\u2421"
    return None


# names of the C0 controls (Unicode name aliases); unicodedata.name() has none for them
_C0_NAMES = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)


def char_name(ch: str) -> str:
    """``U+1F600 GRINNING FACE``: how a character is named in reports and messages."""
    cp = ord(ch)
    code = f"U+{cp:04X}"
    name = unicodedata.name(ch, "")
    if not name and cp < 0x20:
        name = f"{_C0_NAMES[cp]}（控制字符）"
    elif not name and cp == 0x7F:
        name = "DELETE（控制字符）"
    if name:
        return f"{code} {name}"
    cat = unicodedata.category(ch)
    kind = {
        "Cc": "控制字符",
        "Cs": "代理码位（不成对）",
        "Co": "私用区字符",
        "Cn": "未分配或非字符码位",
    }.get(cat, cat)
    return f"{code}（{kind}）"


def prepare(text: str) -> str:
    """Tabs as full-width spaces; everything else is kept and classified when it is set."""
    return text.replace("\t", TAB_AS)
