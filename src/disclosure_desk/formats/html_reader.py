"""Reading a published report from a web page: a saved government page, or the fragment a CMS holds. Qt-free.

lxml's HTML parser (libxml2) reads whatever a CMS or Word's "save as web page" produces. The encoding
comes from a BOM or ``<meta charset>``, else UTF-8, else GB18030. Scripts, styles and forms are
dropped; a table that holds other tables is page layout and is read as text; every other table is a
grid with ``rowspan``/``colspan``. On a full page the article is the smallest element holding the
report's section headings and tables: navigation, headers and footers around it are not imported
(the title may stand outside it, in an ``<h1>`` or ``<title>``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import BadInputError
from .document import Paragraph, ParsedDocument, Table
from .file_checks import check_file
from .html_blocks import blocks_from_tree
from .limits import Limits
from .narrative_extract import section_of
from .registry import ReadResult

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_DROPPED = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "form",
    "select",
    "button",
    "input",
    "textarea",
    "nav",
)
_REPORT_TABLE_WORDS = ("信息内容", "申请人情况", "行政复议", "本年新收", "第二十条")


def read(path: Path, limits: Limits | None = None) -> ReadResult:
    from .report_builder import build_read_result

    return build_read_result(parse_html(path, limits or Limits()))


def parse_html(path: Path, limits: Limits) -> ParsedDocument:
    limits.start(path.name)
    check_file(path, limits, magic=(), kind="网页")
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInputError(f"“{path.name}”不是网页文件（含有二进制内容）。", f"{path}: binary content")
    text = decode_html(data)
    limits.count_text(len(text))
    tree = _parse(text, path.name)
    doc = ParsedDocument(path.name, "html", title_hint=_title_hint(tree))
    for bad in tree.xpath("//" + " | //".join(_DROPPED) + " | //comment() | //processing-instruction()"):
        _drop(bad)
    blocks = blocks_from_tree(tree, limits)
    _mark_content(blocks)
    doc.blocks = [b for b, _ in blocks]
    return doc


def decode_html(data: bytes) -> str:
    """The page's text: BOM, then ``<meta charset>``, then UTF-8, then GB18030 (GBK/GB2312 pages)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    m = _CHARSET.search(data[:8192])
    declared: str | None = m.group(1).decode("ascii").lower() if m else None
    if declared in ("gb2312", "gbk", "gb18030", "x-gbk"):
        declared = "gb18030"
    for codec in [c for c in (declared, "utf-8", "gb18030") if c is not None]:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def _parse(text: str, source: str) -> Any:
    import lxml.html
    from lxml.etree import ParserError

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses a str with an encoding declaration
    try:
        return lxml.html.document_fromstring(text or "<html></html>")
    except (ParserError, ValueError) as e:
        raise BadInputError(f"“{source}”无法作为网页读取（{e}）。", f"{source}: {e}") from None


def _title_hint(tree: Any) -> str:
    for xpath in ("//h1", "//*[contains(@class, 'title')]", "//title"):
        for el in tree.xpath(xpath):
            text = " ".join(el.text_content().split())
            if "报告" in text:
                return text
    return ""


def _drop(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _mark_content(blocks: list[tuple[Paragraph | Table, Any]]) -> None:
    """Blocks outside the article (the smallest element holding the headings and report tables) are not content."""
    anchors = [el for b, el in blocks if isinstance(b, Paragraph) and section_of(b.text) is not None]
    anchors += [el for b, el in blocks if isinstance(b, Table) and _report_table(b)]
    if len(anchors) < 2:
        return
    root = _common_ancestor(anchors)
    if root is None or root.tag in ("html", "body"):
        return
    for block, el in blocks:
        block.in_content = _within(el, root)


def _report_table(table: Table) -> bool:
    text = "".join(c.text for c in table.grid.cells)
    return any(w in text for w in _REPORT_TABLE_WORDS)


def _common_ancestor(elements: list[Any]) -> Any:
    paths = [list(reversed([el, *el.iterancestors()])) for el in elements]
    common = None
    for level in zip(*paths, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def _within(el: Any, root: Any) -> bool:
    return el is root or any(a is root for a in el.iterancestors())
