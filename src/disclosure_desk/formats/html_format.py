"""The report as a web page for the government website: a whole page, or a fragment for a CMS editor.

Built from the shared content (``report_content``), so labels, values and text are the PDF's. What a
site's editor keeps decides the shape: inline ``style`` attributes only (editors strip ``<style>`` and
scripts; there are none), every table one ``<table>`` with the spec grid's exact ``rowspan``/``colspan``,
header rows in ``<thead>``, labels in ``<th>``, values in ``<td>``; each table in a ``<div>`` that
scrolls sideways on a phone. Every string from the report is escaped (``html.escape``). A report with
errors starts with a red 草稿 banner.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..domain import Draft
from ..fileio import atomic_write_bytes
from ..pdf import styles as st
from ..spec import GridRole
from . import html_styles as css
from .registry import WriteResult
from .report_content import (
    Block,
    Heading,
    Paragraph,
    ReportContent,
    Signature,
    Table,
    TableCell,
    Title,
    needs_draft_mark,
    report_content,
)
from .written import write_result

BANNER_TEXT = f"{st.DRAFT_MARK_TEXT}：本报告尚有未通过校验的错误，不是正式稿。"


def write(draft: Draft, path: Path, *, previous: Draft | None = None, fragment: bool = False) -> WriteResult:
    content = report_content(draft, draft_mark=needs_draft_mark(draft, previous))
    data = render_html(content, fragment=fragment).encode("utf-8")
    atomic_write_bytes(path, data)
    return write_result(
        content, path, len(data), "网页片段" if fragment else "网页", f"网页开头已加“{st.DRAFT_MARK_TEXT}”横幅"
    )


def render_html(content: ReportContent, *, fragment: bool = False) -> str:
    body = render_fragment(content)
    if fragment:
        return body
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Disclosure Desk">\n'
        f"<title>{escape(content.title)}</title>\n</head>\n"
        f'<body style="{css.PAGE}">\n{body}</body>\n</html>\n'
    )


def render_fragment(content: ReportContent) -> str:
    out = [f'<div lang="zh-CN" style="{css.ARTICLE}">\n']
    if content.draft_mark:
        out.append(f'<p role="note" style="{css.BANNER}">{escape(BANNER_TEXT)}</p>\n')
    out += [_block(block) for block in content.blocks]
    out.append("</div>\n")
    return "".join(out)


def _block(block: Block) -> str:
    if isinstance(block, Title):
        lines = "<br>".join(escape("".join(part)) for part in block.parts)  # the clerk's own line breaks
        return f'<h1 style="{css.TITLE}">{lines}</h1>\n'
    if isinstance(block, Heading):
        tag, style = ("h2", css.HEADING_1) if block.level == 1 else ("h3", css.HEADING_2)
        return f'<{tag} style="{style}">{escape(block.text)}</{tag}>\n'
    if isinstance(block, Paragraph):
        lead = f'<span style="{css.LEAD}">{escape(block.lead)}</span>' if block.lead else ""
        return f'<p style="{css.BODY}">{lead}{escape(block.text)}</p>\n'
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Signature):
        return (
            f'<p style="{css.signature(block.organ_right, first=True)}">{escape(block.organ)}</p>\n'
            f'<p style="{css.signature(block.date_right, first=False)}">{escape(block.date)}</p>\n'
        )
    raise TypeError(type(block).__name__)


# ---- tables ------------------------------------------------------------------------------------


def _table(table: Table) -> str:
    rows: list[list[TableCell]] = [[] for _ in range(table.rows)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        rows[cell.row].append(cell)
    head = table.header_rows if _head_is_closed(table) else 0
    cols = "".join(f'<col style="width:{w * 100:.2f}%">' for w in table.col_widths)
    out = [f'<div style="{css.SCROLLER}">\n<table style="{css.table(table.cols)}">\n<colgroup>{cols}</colgroup>\n']
    if head:
        out.append("<thead>\n" + "".join(_row(r) for r in rows[:head]) + "</thead>\n")
    out.append("<tbody>\n" + "".join(_row(r) for r in rows[head:]) + "</tbody>\n</table>\n</div>\n")
    if table.note:
        out.append(f'<p style="{css.NOTE}">{escape(table.note)}</p>\n')
    return "".join(out)


def _head_is_closed(table: Table) -> bool:
    """Header rows go into <thead> only if no cell spans out of them (a rowspan stays in its group)."""
    return table.header_rows > 0 and all(
        c.row + c.rowspan <= table.header_rows for c in table.cells if c.row < table.header_rows
    )


def _row(cells: list[TableCell]) -> str:
    return "<tr>" + "".join(_cell(c) for c in cells) + "</tr>\n"


def _cell(cell: TableCell) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )
    text = escape(cell.text)
    if cell.role is GridRole.VALUE:
        return f'<td{spans} style="{css.VALUE}">{text}</td>'
    style = css.cell_style(cell.role, cell.vertical)
    return f'<th{_scope(cell)}{spans} style="{style}">{text}</th>'


def _scope(cell: TableCell) -> str:
    """What a label heads, for screen readers: its row (a stub), its column(s) (a header or caption)."""
    if cell.role is GridRole.STUB:
        return ' scope="row"'
    if cell.role in (GridRole.HEADER, GridRole.CAPTION):
        return ' scope="colgroup"' if cell.colspan > 1 else ' scope="col"'
    return ""
