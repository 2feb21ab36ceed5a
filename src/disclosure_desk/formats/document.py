"""A published report as the readers see it: paragraphs and tables in reading order. Qt-free.

Each reader (Word, web page, PDF) produces a :class:`ParsedDocument`; ``report_builder`` turns it into
a Draft and a recognition report the same way for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .table_grid import TextGrid


@dataclass
class Paragraph:
    text: str
    page: int | None = None
    size: float | None = None  # font size (PDF) or heading level weight: larger reads as a title
    in_content: bool = True  # False: a web page's navigation, header or footer around the article
    centered: bool = False


@dataclass
class Table:
    grid: TextGrid
    index: int  # 1-based number of the table in the file
    pages: tuple[int, ...] = ()  # PDF pages it spans
    in_content: bool = True

    @property
    def page(self) -> int | None:
        return self.pages[0] if self.pages else None


Block = Paragraph | Table


@dataclass
class ParsedDocument:
    source: str  # file name, for messages and provenance
    format: str  # docx / html / pdf
    blocks: list[Block] = field(default_factory=list)
    title_hint: str = ""  # a web page's <title> / <h1>, a Word file's title property
    notes: list[str] = field(default_factory=list)  # what the reader itself noticed (pages skipped, …)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
