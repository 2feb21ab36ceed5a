"""An HTML tree as paragraphs and tables in reading order, each with the element it came from. Qt-free."""

from __future__ import annotations

import re
from typing import Any

from .document import Paragraph, Table
from .limits import Limits
from .table_grid import SpanCell, TextGrid, grid_from_rows

_BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "center",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "address",
    "figure",
    "figcaption",
    "hr",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "body",
    "html",
}
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_NEWLINE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])\\s*\\n\\s*(?=[{_CJK}])")

Found = tuple[Paragraph | Table, Any]


def blocks_from_tree(tree: Any, limits: Limits) -> list[Found]:
    walker = _Walker(limits)
    body = tree.find("body")
    walker.walk(body if body is not None else tree)
    walker.flush()
    return walker.blocks


def clean_html_text(text: str) -> str:
    """HTML white space: a line break between Chinese characters is source formatting (no space);
    other runs of white space (``&nbsp;`` too) are one space."""
    text = text.replace("\xa0", " ").replace("\u3000", " ")
    text = _NEWLINE_BETWEEN_CJK.sub("", text)
    return " ".join(text.split())


class _Walker:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.blocks: list[Found] = []
        self.buffer: list[str] = []
        self.element: Any = None

    def walk(self, el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table" and not el.xpath(".//table"):
            self.flush()
            self.limits.count_table()
            self.blocks.append(
                (Table(table_grid(el, self.limits), 1 + sum(isinstance(b, Table) for b, _ in self.blocks)), el)
            )
        elif tag == "br":
            self.buffer.append("\n")
        elif tag in _BLOCK:
            self.flush()
            self.element = el
            self.buffer.append(el.text or "")
            for child in el:
                self.walk(child)
            self.flush()
            self.element = el.getparent()
        else:
            if self.element is None:
                self.element = el
            self.buffer.append(el.text or "")
            for child in el:
                self.walk(child)
        if el.tail:
            self.buffer.append(el.tail)

    def flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        self.limits.count_text(len(raw))
        for line in raw.split("\n"):
            text = clean_html_text(line)
            if text:
                self.blocks.append((Paragraph(text), self.element))


def table_grid(table: Any, limits: Limits) -> TextGrid:
    rows: list[list[SpanCell]] = []
    for tr in table.iter("tr"):
        limits.check_time()
        rows.append(
            [SpanCell(cell_text(td), _span(td, "rowspan"), _span(td, "colspan")) for td in tr if td.tag in ("td", "th")]
        )
    return grid_from_rows(rows, limits)


def cell_text(td: Any) -> str:
    """A cell's text with a line break for every ``<br>`` and paragraph (labels are broken that way)."""
    parts: list[str] = [td.text or ""]
    for child in td:
        _collect(child, parts)
    lines = (clean_html_text(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect(el: Any, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    breaks = tag == "br" or tag in _BLOCK
    if breaks:
        parts.append("\n")
    parts.append(el.text or "")
    for child in el:
        _collect(child, parts)
    if breaks:
        parts.append("\n")
    parts.append(el.tail or "")


def _span(td: Any, name: str) -> int:
    raw = (td.get(name) or "1").strip()
    try:
        return int(raw)
    except ValueError:
        digits = re.match(r"\d+", raw)
        return int(digits.group()) if digits else 1
