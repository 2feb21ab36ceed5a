"""Reading a published report from a Word file (.docx as saved by Word and WPS). Qt-free.

python-docx opens the package; the body is walked in order as paragraphs and tables. Table cells are
placed on Word's column grid: ``w:gridBefore`` skips columns, ``w:gridSpan`` spans them, and
``w:vMerge`` continues the cell above (the vertical merges of 表三's row stubs). Soft line breaks
(``w:br``) split a paragraph; text boxes, page headers and footers are not read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import BadInputError
from .document import Paragraph, ParsedDocument, Table
from .file_checks import check_file
from .limits import LimitExceededError, Limits
from .registry import ReadResult
from .table_grid import PlacedCell, TextGrid, grid_from_placed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = 40 * 1024 * 1024  # word/document.xml unpacked: a report's is well under 1 MB


def read(path: Path, limits: Limits | None = None) -> ReadResult:
    from .report_builder import build_read_result

    return build_read_result(parse_docx(path, limits or Limits()))


def parse_docx(path: Path, limits: Limits) -> ParsedDocument:
    limits.start(path.name)
    check_file(path, limits, magic=(b"PK\x03\x04",), kind=" Word（.docx）")
    _check_package(path, limits)
    document = _open(path)
    doc = ParsedDocument(path.name, "docx", title_hint=document.core_properties.title or "")
    _walk(document.element.body, doc, limits)
    return doc


def _check_package(path: Path, limits: Limits) -> None:
    """Refuse a zip bomb before python-docx unpacks it."""
    try:
        with zipfile.ZipFile(path) as z:
            names = {i.filename: i for i in z.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise BadInputError(
            f"“{path.name}”已损坏，无法作为 Word 文件打开（{type(e).__name__}）。", f"{path}: {e}"
        ) from None
    body = names.get("word/document.xml")
    if body is None:
        raise BadInputError(
            f"“{path.name}”不是 Word 文档（.docx）：压缩包中没有正文（word/document.xml）。",
            f"{path}: no word/document.xml",
        )
    if body.file_size > MAX_XML_BYTES:
        raise LimitExceededError(
            f"“{path.name}”的正文解压后有 {body.file_size // 1024 // 1024} MB，不像是年度报告（或是恶意构造的文件）。",
            f"{path}: document.xml unpacks to {body.file_size} bytes",
        )


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise BadInputError(
            f"“{path.name}”已损坏或不是 Word 文档，无法打开（{type(e).__name__}）。", f"{path}: {type(e).__name__}: {e}"
        ) from None


def _walk(container: Any, doc: ParsedDocument, limits: Limits) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            for line in _paragraph_text(child).split("\n"):
                limits.count_text(len(line))
                doc.blocks.append(Paragraph(line.strip()))
        elif tag == f"{W}tbl":
            limits.count_table()
            doc.blocks.append(Table(_table_grid(child, limits), len(doc.tables) + 1))
        elif tag == f"{W}sdt":  # a content control (WPS and templates wrap parts of the body in them)
            content = child.find(f"{W}sdtContent")
            if content is not None:
                _walk(content, doc, limits)


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        if el.tag == f"{W}t":
            parts.append(el.text or "")
        elif el.tag == f"{W}tab":
            parts.append(" ")
        elif el.tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif el.get(f"{W}type") in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def _table_grid(tbl: Any, limits: Limits) -> TextGrid:
    placed: list[PlacedCell] = []
    rows = tbl.findall(f"{W}tr")
    for r, tr in enumerate(rows):
        col = _int(tr.find(f"{W}trPr/{W}gridBefore"), 0)
        for tc in _cells(tr):
            span = max(1, min(_int(tc.find(f"{W}tcPr/{W}gridSpan"), 1), 200))
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            continues = merge is not None and merge.get(f"{W}val") in (None, "continue")
            text = "\n".join(_paragraph_text(p) for p in tc.iter(f"{W}p"))
            placed.append(PlacedCell(r, col, span, text, continues))
            limits.count_cells(span)
            col += span
    return grid_from_placed(placed, len(rows))


def _cells(tr: Any) -> list[Any]:
    """The row's cells, also those wrapped in a content control."""
    out = []
    for child in tr.iterchildren():
        if child.tag == f"{W}tc":
            out.append(child)
        elif child.tag == f"{W}sdt":
            out += child.findall(f"{W}sdtContent/{W}tc")
    return out


def _int(el: Any, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(f"{W}val"))
    except (TypeError, ValueError):
        return default
