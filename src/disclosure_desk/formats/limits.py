"""Limits that keep a huge or hostile file from hanging the program or exhausting memory. Qt-free.

A published report is a few pages with three tables of at most ~300 cells. Reading stops with a
clear message (``BadInputError``, exit 2) as soon as a file goes far beyond that: too many bytes,
pages, tables or table cells, too much text, or too much time. Time is measured by an injectable
clock so tests can drive it without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import BadInputError

Clock = Callable[[], float]

MAX_FILE_BYTES = 50 * 1024 * 1024  # a Word file with photos can be large; the text we read is small
MAX_PAGES = 60  # PDF pages read; a report has 3–10
MAX_TABLES = 60
MAX_CELLS = 20_000  # all table cells (spans counted by the positions they cover)
MAX_TEXT_CHARS = 2_000_000
MAX_SECONDS = 60.0


class LimitExceededError(BadInputError):
    """A limit was reached: the file is not a report (or is hostile)."""


@dataclass
class Limits:
    max_bytes: int = MAX_FILE_BYTES
    max_pages: int = MAX_PAGES
    max_tables: int = MAX_TABLES
    max_cells: int = MAX_CELLS
    max_text_chars: int = MAX_TEXT_CHARS
    max_seconds: float = MAX_SECONDS
    clock: Clock = time.monotonic
    source: str = "文件"
    _started: float | None = field(default=None, repr=False)
    _cells: int = field(default=0, repr=False)
    _tables: int = field(default=0, repr=False)
    _chars: int = field(default=0, repr=False)

    def start(self, source: str) -> Limits:
        self.source = source
        self._started = self.clock()
        self._cells = self._tables = self._chars = 0
        return self

    def check_time(self) -> None:
        if self._started is None:
            self._started = self.clock()
        if self.clock() - self._started > self.max_seconds:
            raise LimitExceededError(
                f"读取“{self.source}”超过了 {self.max_seconds:.0f} 秒，已停止。文件过大或结构异常，不像是年度报告。",
                f"{self.source}: reading took longer than {self.max_seconds} s",
            )

    def check_bytes(self, size: int) -> None:
        if size > self.max_bytes:
            raise LimitExceededError(
                f"文件“{self.source}”有 {size / 1024 / 1024:.0f} MB，太大，不像是年度报告"
                f"（可读取的文件不超过 {self.max_bytes // 1024 // 1024} MB）。",
                f"{self.source}: {size} bytes > {self.max_bytes}",
            )

    def check_pages(self, pages: int) -> None:
        if pages > self.max_pages:
            raise LimitExceededError(
                f"“{self.source}”有 {pages} 页，年度报告通常只有几页到十几页（最多读取 {self.max_pages} 页）。"
                "请确认选择的是年度报告文件。",
                f"{self.source}: {pages} pages > {self.max_pages}",
            )

    def count_table(self) -> None:
        self._tables += 1
        if self._tables > self.max_tables:
            raise LimitExceededError(
                f"“{self.source}”中的表格超过 {self.max_tables} 个，不像是年度报告。", f"{self.source}: too many tables"
            )
        self.check_time()

    def count_cells(self, n: int) -> None:
        self._cells += n
        if self._cells > self.max_cells:
            raise LimitExceededError(
                f"“{self.source}”中的表格单元格超过 {self.max_cells} 个，不像是年度报告（年度报告的表格共约300格）。",
                f"{self.source}: more than {self.max_cells} table cells",
            )

    def count_text(self, n: int) -> None:
        self._chars += n
        if self._chars > self.max_text_chars:
            raise LimitExceededError(
                f"“{self.source}”的文字超过 {self.max_text_chars // 10000} 万字，不像是年度报告。",
                f"{self.source}: more than {self.max_text_chars} characters of text",
            )
