"""PDF characters into lines, and lines into paragraphs. Qt-free (no pdfplumber types here: plain dicts)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..domain.headings import SUBHEADING
from .document import Paragraph
from .narrative_extract import section_of

_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》〈〉、，。：；！？（）]"
_STRAY_SPACE = re.compile(f"(?<={_CJK}) (?={_CJK})")
_LETTER_GAP = re.compile(r"(?<![A-Za-z]) | (?![A-Za-z])")  # a single space, unless between two Latin letters


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float  # stacked coordinates: pages one below the other
    size: float
    page: int


def lines_from_chars(chars: list[dict[str, Any]], page: int, offset: float) -> list[Line]:
    """Characters grouped into lines by their vertical position, each line read left to right."""
    rows: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if rows and abs(ch["top"] - rows[-1][0]["top"]) <= max(2.0, 0.3 * ch["size"]):
            rows[-1].append(ch)
        else:
            rows.append([ch])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text = _text(row)
        if text.strip():
            size = Counter(round(c["size"], 1) for c in row).most_common(1)[0][0]
            lines.append(Line(text.strip(), row[0]["x0"], row[-1]["x1"], row[0]["top"] + offset, size, page))
    return lines


def _text(row: list[dict[str, Any]]) -> str:
    out: list[str] = []
    for prev, ch in zip([None, *row[:-1]], row, strict=False):
        if (
            prev is not None
            and ch["x0"] - prev["x1"] > 0.5 * ch["size"]
            and _latin(prev["text"])
            and _latin(ch["text"])
        ):
            out.append(" ")  # a gap between two Latin words that the PDF drew without a space
        out.append(ch["text"])
    return collapse_stray_spaces("".join(out))


def _latin(text: str) -> bool:
    return text.isascii() and text.isalnum()


def collapse_stray_spaces(text: str) -> str:
    """Remove spaces a PDF put between Chinese characters (letter-spaced or justified lines):
    only when most neighbouring Chinese characters are so separated, so a real space is kept."""
    stray = len(_STRAY_SPACE.findall(text))
    cjk_pairs = len(re.findall(f"{_CJK}(?={_CJK})", text)) + stray
    if stray and stray * 2 >= cjk_pairs:
        # letter-spaced: every single space goes (digits too: "1 8 6" is 186), a wider gap was a real space
        return " ".join(_LETTER_GAP.sub("", chunk) for chunk in re.split(r" {2,}", text))
    return text


def paragraphs_from_lines(lines: list[Line]) -> list[Paragraph]:
    """A new paragraph at an indented or centred line, after a short line, at a heading, at a new font size."""
    if not lines:
        return []
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    right = max(ln.x1 for ln in lines)
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for line in lines:
        if current and _starts_paragraph(current[-1], line, left, right):
            paragraphs.append(_paragraph(current, left))
            current = []
        current.append(line)
    if current:
        paragraphs.append(_paragraph(current, left))
    return paragraphs


def _starts_paragraph(prev: Line, line: Line, left: float, right: float) -> bool:
    unit = max(line.size, 1.0)
    return (
        line.x0 - left > 0.8 * unit
        or right - prev.x1 > 1.5 * unit
        or abs(line.size - prev.size) > 1.0
        or _is_heading(line.text)
        or _is_heading(prev.text)
    )


def _is_heading(text: str) -> bool:
    return section_of(text) is not None or bool(SUBHEADING.match(text))


def _paragraph(lines: list[Line], left: float) -> Paragraph:
    text = ""
    for line in lines:
        if text and text[-1].isascii() and text[-1].isalpha() and line.text[:1].isascii() and line.text[:1].isalpha():
            text += " "
        text += line.text
    centered = lines[0].x0 - left > 3 * lines[0].size
    return Paragraph(text, page=lines[0].page, size=lines[0].size, centered=centered)
