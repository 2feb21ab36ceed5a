"""Set a report by LibreOffice for comparison with our PDF: a DOCX made with python-docx, converted by
``soffice --headless``, both rendered to PNG with ``pdftoppm`` (a developer tool, not product code).

    /tmp/fontvenv/bin/pip install python-docx     # with fontTools, see tools/subset_fonts.py
    PYTHONPATH=src /tmp/fontvenv/bin/python tools/compare_with_libreoffice.py resources/samples/X.json OUT_DIR

The DOCX uses the same layout as the PDF (A4, GB/T 9704 margins, 3号 at a fixed 28.95 pt line pitch,
the same tables with the spec's merges) and the same bundled fonts, which LibreOffice is shown through
a private fontconfig file (nothing is installed). It is made until the app has its own DOCX export;
then convert that file instead (``--docx FILE``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from disclosure_desk.domain import format_value
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf.document import printed_value
from disclosure_desk.spec import GridRole

FANG, HEI, KAI, TITLE, LATIN = "FandolFang", "FandolHei", "FandolKai", "FandolSong", "Liberation Serif"


def _font(run, east_asian: str, size: float, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.name = LATIN
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def _paragraph(
    doc,
    text: str,
    face: str = FANG,
    size: float = 16,
    indent: bool = True,
    align=None,
    bold: bool = False,
    pitch: float = 28.95,
):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(pitch)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(2 * size)
    if align is not None:
        p.alignment = align
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _font(p.add_run(text), face, size, bold)
    return p


def _table(doc, draft, key: str) -> None:
    spec = draft.spec.table(key)
    table = doc.add_table(rows=spec.grid_rows, cols=spec.grid_cols)
    table.style = "Table Grid"
    widths = [Mm(156 * w) for w in spec.col_widths]
    for g in spec.grid:
        cell = table.cell(g.row, g.col)
        if g.rowspan > 1 or g.colspan > 1:
            cell = cell.merge(table.cell(g.row + g.rowspan - 1, g.col + g.colspan - 1))
        text = format_value(printed_value(draft, g.cell_id)) if g.role is GridRole.VALUE else g.text
        header = g.role in (GridRole.HEADER, GridRole.CAPTION)
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if header or g.role is GridRole.VALUE else WD_ALIGN_PARAGRAPH.LEFT
        _font(p.add_run(text), HEI if header else FANG, 10.5)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for row in table.rows:
        for n, cell in enumerate(row.cells):
            cell.width = widths[n]


def make_docx(json_path: Path, out: Path) -> None:
    draft = read_report_file(json_path)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.right_margin, section.bottom_margin = Mm(26), Mm(35)
    for line in draft.display_title.split("\n"):
        _paragraph(doc, line, TITLE, 22, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _paragraph(doc, "", indent=False)
    for para in draft.preface.split("\n"):
        _paragraph(doc, para)
    for sec in draft.spec.sections:
        _paragraph(doc, sec.title, HEI, indent=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        if sec.is_table:
            _table(doc, draft, sec.table)
            continue
        for para in draft.section_text(sec.title).split("\n"):
            if para.startswith("（") and len(para) < 20:
                _paragraph(doc, para, KAI, align=WD_ALIGN_PARAGRAPH.LEFT)
            elif para.strip():
                _paragraph(doc, para)
    _paragraph(doc, "", indent=False)
    _paragraph(doc, "", indent=False)
    organ = draft.signature_organ or draft.organ
    date = draft.signature_date
    _paragraph(doc, organ, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if date:
        _paragraph(
            doc, f"{date.year}年{date.month}月{date.day}日" + "\u3000" * 4, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT
        )
    doc.save(out)


def fontconfig_env(folder: Path) -> dict[str, str]:
    """A fontconfig file that adds the bundled fonts to the system's, for soffice only."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{ROOT / "resources" / "fonts"}</dir>'
        f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("json", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--docx", type=Path, help="convert this DOCX instead of making one")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.json.stem
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = args.docx or folder / f"{stem}.docx"
        if args.docx is None:
            make_docx(args.json, docx)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
            check=True,
            capture_output=True,
            env=fontconfig_env(folder),
            timeout=300,
        )
        pdf = folder / f"{docx.stem}.pdf"
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(args.out / f"libreoffice-{stem}")], check=True
        )
        (args.out / f"libreoffice-{stem}.pdf").write_bytes(pdf.read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
