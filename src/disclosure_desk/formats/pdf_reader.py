"""Reading a published report from a PDF with a text layer (WPS/Word exports, LibreOffice, our own). Qt-free.

pdfplumber finds the ruled tables and their cell boxes; the text outside them becomes lines and
paragraphs (a new paragraph at an indented line, after a short line, at a heading, at a change of
font size). Page numbers (``— 3 —``, ``第3页``) and running heads repeated on several pages are
dropped; a table continued on the next page (with or without its header) is joined to its first part
by geometry, and stray spaces between Chinese characters are removed. A scanned PDF (no text layer)
is refused with a message: this version has no OCR.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import BadInputError
from .document import Paragraph, ParsedDocument, Table
from .limits import LimitExceededError, Limits
from .narrative_extract import section_of
from .pdf_text import Line, lines_from_chars, paragraphs_from_lines
from .registry import ReadResult
from .table_grid import Rect, grid_from_rects
from .table_match import is_value_like

_PAGE_NUMBER = re.compile(r"^[-—－–_~·•\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/／]|共)?\s*(\d{1,4}\s*页?)?[-—－–_~·•\s]*$")
MAX_DRAWN_OBJECTS = 20_000
WATERMARK_SIZE = 60.0  # points: no report text is this large (a title is 22 pt)
EDGE_TOLERANCE = 3.0  # points: two table parts on consecutive pages with the same left and right edges join


@dataclass
class _Fragment:
    rects: list[Rect]
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    first_on_page: bool = False
    last_on_page: bool = False


def read(path: Path, limits: Limits | None = None) -> ReadResult:
    from .report_builder import build_read_result

    return build_read_result(parse_pdf(path, limits or Limits()))


def parse_pdf(path: Path, limits: Limits) -> ParsedDocument:
    from .file_checks import check_file

    limits.start(path.name)
    check_file(path, limits, magic=(b"%PDF-",), kind="PDF")
    pdf = _open(path)
    try:
        return _parse(pdf, path.name, limits)
    finally:
        pdf.close()


def _open(path: Path) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # parses the page tree: a broken file fails here
        return pdf
    except PDFPasswordIncorrect:
        raise BadInputError(
            f"“{path.name}”设有打开密码，无法读取。请用 WPS 或 Adobe 阅读器去掉密码后另存一份再导入。",
            f"{path}: encrypted",
        ) from None
    except (PDFSyntaxError, Exception) as e:
        if _encrypted(e):
            raise BadInputError(
                f"“{path.name}”已加密，无法读取。请去掉密码或限制后另存一份再导入。", f"{path}: encrypted ({e})"
            ) from None
        raise BadInputError(
            f"“{path.name}”已损坏或不是有效的 PDF 文件，无法读取（{type(e).__name__}）。",
            f"{path}: {type(e).__name__}: {e}",
        ) from None


def _encrypted(error: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors: look through the chain for a password or encryption problem."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: BaseException | None = error
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(seen).lower():
            return True
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = seen.__cause__ or seen.__context__ or inner
    return False


def _parse(pdf: Any, source: str, limits: Limits) -> ParsedDocument:
    limits.check_pages(len(pdf.pages))
    pages: list[tuple[list[Line], list[_Fragment]]] = []
    offset = 0.0
    chars_seen = 0
    images = 0
    for number, page in enumerate(pdf.pages, 1):
        limits.check_time()
        page = page.filter(lambda obj: obj.get("object_type") != "char" or not _watermark(obj))  # noqa: PLW2901
        chars = page.chars
        chars_seen += len(chars)
        images += len(page.images)
        limits.count_text(len(chars))
        _check_drawing(page, number, limits)
        fragments = _tables(page, number, offset, limits)
        boxes = [(f.x0, f.top - offset, f.x1, f.bottom - offset) for f in fragments]
        outside = [c for c in chars if not any(_inside(c, b) for b in boxes)]
        pages.append((lines_from_chars(outside, number, offset), fragments))
        offset += float(page.height) + 10.0
        page.close()
    if chars_seen == 0:
        raise BadInputError(
            f"“{source}”没有文字层{'（是扫描件或图片）' if images else ''}，无法读取其中的文字和表格。"
            "本程序暂不支持文字识别（OCR），请使用 Word/WPS 原文件、网页，或由 Word/WPS 直接导出的 PDF。",
            f"{source}: no text layer",
        )
    return ParsedDocument(source, "pdf", _blocks(pages))


def _check_drawing(page: Any, number: int, limits: Limits) -> None:
    """A page of a report draws a few hundred table lines; tens of thousands would make table finding crawl."""
    objects = len(page.lines) + len(page.rects) + len(page.curves)
    if objects > MAX_DRAWN_OBJECTS:
        raise LimitExceededError(
            f"“{limits.source}”第{number}页有 {objects} 个图形（线条、方框），不像是年度报告（是图纸或图表？）。",
            f"{limits.source}: page {number} draws {objects} objects",
        )


def _tables(page: Any, number: int, offset: float, limits: Limits) -> list[_Fragment]:
    out = []
    for table in page.find_tables():
        limits.count_table()
        rects = []
        for row, texts in zip(table.rows, table.extract(), strict=False):
            for bbox, text in zip(row.cells, texts, strict=False):
                if bbox is None:
                    continue
                x0, top, x1, bottom = bbox
                rects.append(Rect(x0, top + offset, x1, bottom + offset, text or "", number))
        limits.count_cells(len(rects))
        x0, top, x1, bottom = table.bbox
        out.append(_Fragment(rects, number, top + offset, bottom + offset, x0, x1))
    return out


def _watermark(char: dict[str, Any]) -> bool:
    """A diagonal mark across the page (“草稿”, “样本”): turned by an angle that is not a right angle, or huge."""
    b = abs(float(char["matrix"][1])) / max(abs(float(char["size"])), 1e-6) if char.get("matrix") else 0.0
    return (0.05 < b < 0.95) or float(char["size"]) > WATERMARK_SIZE


def _inside(char: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (float(char["x0"]) + float(char["x1"])) / 2
    y = (float(char["top"]) + float(char["bottom"])) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def _blocks(pages: list[tuple[list[Line], list[_Fragment]]]) -> list[Paragraph | Table]:
    heads = _running_heads([lines for lines, _ in pages])
    stream: list[Line | _Fragment] = []
    for lines, fragments in pages:
        kept = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text) and _mask(ln.text) not in heads]
        items: list[Line | _Fragment] = sorted([*kept, *fragments], key=lambda item: item.top)
        frags = [i for i, item in enumerate(items) if isinstance(item, _Fragment)]
        for i in frags:
            frag = items[i]
            assert isinstance(frag, _Fragment)
            frag.first_on_page, frag.last_on_page = i == 0, i == len(items) - 1
        stream += items
    return _assemble(stream)


def _running_heads(pages: list[list[Line]]) -> set[str]:
    """Texts (digits masked) that open or close at least two pages: running heads and footers."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        ends = {_mask(ln.text) for ln in (lines[:1] + lines[-1:])}
        seen.update(ends)
    return {text for text, n in seen.items() if n >= 2 and not section_of(text)}


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _assemble(stream: list[Line | _Fragment]) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    pending: list[Line] = []
    last_fragment: _Fragment | None = None
    tables: list[tuple[_Fragment, list[int]]] = []  # merged fragment, pages
    for item in stream:
        if isinstance(item, Line):
            pending.append(item)
            last_fragment = None
            continue
        blocks += paragraphs_from_lines(pending)
        pending = []
        if last_fragment is not None and _continues(last_fragment, item):
            merged, pages = tables[-1]
            merged.rects += _rejoin_split_row(merged, item)
            merged.last_on_page, merged.page, merged.bottom = item.last_on_page, item.page, item.bottom
            pages.append(item.page)
            last_fragment = merged
            continue
        merged = _Fragment(
            list(item.rects), item.page, item.top, item.bottom, item.x0, item.x1, item.first_on_page, item.last_on_page
        )
        tables.append((merged, [item.page]))
        blocks.append(Table(grid_from_rects([]), len(tables), ()))  # placeholder, filled below
        last_fragment = merged
    blocks += paragraphs_from_lines(pending)
    n = 0
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            merged, pages = tables[n]
            n += 1
            blocks[i] = Table(grid_from_rects(merged.rects), n, tuple(dict.fromkeys(pages)))
    return blocks


def _rejoin_split_row(before: _Fragment, after: _Fragment) -> list[Rect]:
    """``after``'s cells, less the lower half of a row the page break cut in two (Word and LibreOffice let a
    row break across pages): its texts are appended to the upper half's cells, which hold the row."""
    last = [r for r in before.rects if abs(r.bottom - before.bottom) <= EDGE_TOLERANCE]
    first = [r for r in after.rects if abs(r.top - after.top) <= EDGE_TOLERANCE]
    if not last or not first or len(last) != len(first):
        return after.rects
    pairs = list(zip(sorted(last, key=lambda r: r.x0), sorted(first, key=lambda r: r.x0), strict=True))
    if any(abs(a.x0 - b.x0) > EDGE_TOLERANCE or abs(a.x1 - b.x1) > EDGE_TOLERANCE for a, b in pairs):
        return after.rects
    top_texts = {_key(r.text) for r in before.rects if r.text.strip()}
    if any(_key(b.text) in top_texts and not is_value_like(b.text) for _, b in pairs):
        return after.rects  # a repeated header row, not the rest of a row
    if not any(b.text.strip() for _, b in pairs) or any(_clash(a, b) for a, b in pairs):
        return after.rects
    for a, b in pairs:
        if b.text.strip():
            before.rects[before.rects.index(a)] = replace(a, text=f"{a.text}\n{b.text}" if a.text.strip() else b.text)
    return [r for r in after.rects if r not in first]


def _clash(a: Rect, b: Rect) -> bool:
    """Both halves hold something in this column and one of them is a number: two rows, not one cut in two."""

    def number(r: Rect) -> bool:
        return bool(r.text.strip()) and is_value_like(r.text)

    return bool(a.text.strip() and b.text.strip()) and (number(a) or number(b))


def _key(text: str) -> str:
    return "".join(text.split())


def _continues(before: _Fragment, after: _Fragment) -> bool:
    """``after`` opens the next page where ``before`` closed the last, with the same left and right edges."""
    return (
        after.page == before.page + 1
        and before.last_on_page
        and after.first_on_page
        and abs(before.x0 - after.x0) <= EDGE_TOLERANCE
        and abs(before.x1 - after.x1) <= EDGE_TOLERANCE
    )
