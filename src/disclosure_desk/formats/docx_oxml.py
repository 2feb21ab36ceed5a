"""What python-docx's API cannot say, said in WordprocessingML through its oxml layer — all of it here.

East Asian font names (``w:rFonts w:eastAsia`` with ``w:hint="eastAsia"``, so Word and WPS set Chinese
punctuation and quotes in the Chinese face), theme fonts removed (a theme font wins over a named one),
indents in characters (``w:firstLineChars``), snapping to the document grid, outline levels, the
section's document grid (22 lines × 28 characters), punctuation compression, the PAGE field, repeated
header rows (``w:tblHeader``), rows kept whole (``w:cantSplit``), vertical text in a cell, table width
and borders, the language, and the font table's alternate names (what Word uses when a font is missing).
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
FONT_TABLE = "/word/fontTable.xml"


# ---- run properties ----------------------------------------------------------------------------


def set_fonts(rpr_owner: BaseOxmlElement, latin: str, east_asian: str) -> None:
    """``w:rFonts``: ``latin`` for Latin letters and digits, ``east_asian`` for Chinese, with the
    eastAsia hint (ambiguous characters such as “ ” and — take the Chinese face)."""
    rfonts = _child(_rpr(rpr_owner), "w:rFonts")
    for attribute in THEME_FONT_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attribute), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:hint"), "eastAsia")


def set_language(rpr_owner: BaseOxmlElement, east_asian: str = "zh-CN", latin: str = "en-US") -> None:
    lang = _child(_rpr(rpr_owner), "w:lang")
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asian)


def set_char_spacing(rpr_owner: BaseOxmlElement, twips: int) -> None:
    """Extra space after each character (negative: condensed), in twips."""
    _child(_rpr(rpr_owner), "w:spacing").set(qn("w:val"), str(twips))


def reset_style(style: BaseStyle) -> None:
    """Drop a template style's paragraph and run properties (its theme fonts, colours, borders)."""
    element = style.element
    for tag in ("w:pPr", "w:rPr"):
        for child in element.findall(qn(tag)):
            element.remove(child)


def set_run_style(run: Run, style_id: str) -> None:
    """The run's character style by id (python-docx looks a style up by name, scanning every style of
    the template, on each assignment: most of the file's build time)."""
    run._r.get_or_add_rPr().style = style_id


# ---- paragraph properties -------------------------------------------------------------------------


def paragraph_element(paragraph: Paragraph) -> BaseOxmlElement:
    """The paragraph's ``w:p`` element (python-docx's private ``_p``: every such access stays here)."""
    return paragraph._p


def set_indent_chars(
    ppr_owner: BaseOxmlElement,
    *,
    first_line: float | None = None,
    left: float | None = None,
    right: float | None = None,
    char_twips: int,
) -> None:
    """Indents in characters (Word's 字符 unit, in hundredths), with twips for readers without it."""
    ind = _child(_ppr(ppr_owner), "w:ind")
    for name, chars in (("firstLine", first_line), ("left", left), ("right", right)):
        if chars is None:
            continue
        ind.set(qn(f"w:{name}Chars"), str(round(chars * 100)))
        ind.set(qn(f"w:{name}"), str(round(chars * char_twips)))


def set_paragraph_style(paragraph: Paragraph, style_id: str) -> None:
    """The paragraph's style by id (see ``set_run_style``)."""
    paragraph._p.get_or_add_pPr().style = style_id


def set_snap_to_grid(ppr_owner: BaseOxmlElement, snap: bool) -> None:
    _child(_ppr(ppr_owner), "w:snapToGrid").set(qn("w:val"), "1" if snap else "0")


def no_auto_space(ppr_owner: BaseOxmlElement) -> None:
    """No space added between Chinese and Latin letters or digits, as in the PDF (Word and WPS;
    LibreOffice ignores the setting and always adds a little)."""
    ppr = _ppr(ppr_owner)
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        _child(ppr, tag).set(qn("w:val"), "0")


def set_outline_level(ppr_owner: BaseOxmlElement, level: int) -> None:
    _child(_ppr(ppr_owner), "w:outlineLvl").set(qn("w:val"), str(level))


def set_doc_defaults(document: Document, *, latin: str, east_asian: str, half_points: int) -> None:
    """Document defaults: fonts, size and Chinese language; no space after paragraphs, none added
    between Chinese and Latin letters or digits."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = _child(defaults, "w:rPrDefault")
    set_fonts(rpr_default, latin, east_asian)
    rpr = _rpr(rpr_default)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(half_points))
    set_language(rpr_default)
    ppr = _ppr(_child(defaults, "w:pPrDefault"))
    _child(ppr, "w:spacing").set(qn("w:after"), "0")
    no_auto_space(ppr)


# ---- section and settings ----------------------------------------------------------------------------


def set_doc_grid(section: Section, line_pitch_twips: int) -> None:
    """The line grid (``lines``, the pitch in twips). Not ``linesAndChars``: LibreOffice sets a 3号
    character that is wider than the grid's 15.79 pt cell across two cells (13 characters a line);
    the 28 characters come from the styles' character spacing instead (``set_char_spacing``)."""
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))
    grid.attrib.pop(qn("w:charSpace"), None)


def compress_punctuation(document: Document) -> None:
    """标点挤压, as Chinese Word sets it (the template says doNotCompress)."""
    settings = document.settings.element
    control = settings.find(qn("w:characterSpacingControl"))
    if control is None:
        control = OxmlElement("w:characterSpacingControl")
        settings.append(control)
    control.set(qn("w:val"), "compressPunctuation")


def add_font_alternates(document: Document, alternates: dict[str, str]) -> None:
    """Font-table entries for the Chinese faces: GB 2312 charset and an alternate name, which Word
    uses when a PC lacks the font (仿宋_GB2312 → 仿宋, …) instead of a face of its own choosing."""
    part = next(p for p in document.part.package.iter_parts() if p.partname == FONT_TABLE)
    fonts = parse_xml(part.blob)
    for name, alternate in alternates.items():
        for old in [f for f in fonts.findall(qn("w:font")) if f.get(qn("w:name")) == name]:
            fonts.remove(old)
        alt = f'<w:altName w:val="{alternate}"/>' if alternate and alternate != name else ""
        fonts.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}">{alt}<w:charset w:val="86"/><w:family w:val="auto"/>'
                '<w:pitch w:val="variable"/></w:font>'
            )
        )
    part._blob = serialize_part_xml(fonts)  # a plain Part (python-docx has no font-table class)


def drop_thumbnail(document: Document) -> None:
    """The template's preview picture (an empty page) would stand for the report in file browsers."""
    rels = document.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith("/thumbnail")]:
        del rels[rid]


# ---- fields --------------------------------------------------------------------------------------------


def add_page_field(paragraph: Paragraph, shown: str = "1") -> None:
    """A PAGE field (the page number), as Word writes it: begin, instruction, separate, result, end."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, shown), ("end", None)):
        run = paragraph.add_run()
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""


# ---- tables ---------------------------------------------------------------------------------------------


def span(cells: list[list[_Cell]], row: int, col: int, rowspan: int, colspan: int) -> None:
    """Merge a rectangle of a freshly made table (``cells``: one cell per grid position, as made):
    ``w:gridSpan`` on the cell of each row and the cells it covers removed; ``w:vMerge`` restart on the
    top row, continue below. Done directly because python-docx's ``merge`` re-reads the table on every
    call (a third of the file's build time) and moves content around."""
    for r in range(row, row + rowspan):
        tc = cells[r][col]._tc
        if colspan > 1:
            tc.grid_span = colspan
            for c in range(col + 1, col + colspan):
                covered = cells[r][c]._tc
                covered.getparent().remove(covered)
        if rowspan > 1:
            tc.vMerge = "restart" if r == row else "continue"


def repeat_as_header(row: _Row) -> None:
    """The row is repeated at the top of every page the table continues on."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader")


def keep_row_whole(row: _Row) -> None:
    _child(row._tr.get_or_add_trPr(), "w:cantSplit")


def set_vertical_text(cell: _Cell) -> None:
    """Text running top to bottom, one character under the other (a narrow row-spanning label)."""
    _child(cell._tc.get_or_add_tcPr(), "w:textDirection").set(qn("w:val"), "tbRlV")


def set_table_geometry(table: Table, width_twips: int) -> None:
    """A fixed-layout table exactly ``width_twips`` wide, flush with the text's left edge."""
    tbl_pr = table._tbl.tblPr
    width = _child(tbl_pr, "w:tblW")
    width.set(qn("w:w"), str(width_twips))
    width.set(qn("w:type"), "dxa")
    ind = _child(tbl_pr, "w:tblInd")
    ind.set(qn("w:w"), "0")
    ind.set(qn("w:type"), "dxa")


def set_table_style_rules(style: BaseStyle, rule_eighths: int, pad_twips: int) -> None:
    """Single black rules on every edge and between cells; the cells' inner margins."""
    tbl_pr = style.element.find(qn("w:tblPr"))  # the template's Table Grid has one
    for old in tbl_pr.findall(qn("w:tblBorders")) + tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    edges = "".join(
        f'<w:{e} w:val="single" w:sz="{rule_eighths}" w:space="0" w:color="000000"/>'
        for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = "".join(
        f'<w:{e} w:w="{pad}" w:type="dxa"/>'
        for e, pad in (("top", 0), ("left", pad_twips), ("bottom", 0), ("right", pad_twips))
    )
    tbl_pr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>"))
    tbl_pr.append(parse_xml(f"<w:tblCellMar {nsdecls('w')}>{margins}</w:tblCellMar>"))


# ---- helpers ----------------------------------------------------------------------------------------------

_PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_TRPR_ORDER = (
    "w:cnfStyle",
    "w:divId",
    "w:gridBefore",
    "w:gridAfter",
    "w:wBefore",
    "w:wAfter",
    "w:cantSplit",
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
)
_TBLPR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)
_TCPR_ORDER = (
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)
_ORDERS = {
    "w:pPr": _PPR_ORDER,
    "w:rPr": _RPR_ORDER,
    "w:trPr": _TRPR_ORDER,
    "w:tblPr": _TBLPR_ORDER,
    "w:tcPr": _TCPR_ORDER,
}
_TAGS = {qn(parent): [qn(t) for t in order] for parent, order in _ORDERS.items()}


def _rpr(owner: BaseOxmlElement) -> BaseOxmlElement:
    if owner.tag == qn("w:rPr"):
        return owner
    get_or_add = getattr(owner, "get_or_add_rPr", None)  # runs and styles know their sequence
    return get_or_add() if get_or_add is not None else _child(owner, "w:rPr")


def _ppr(owner: BaseOxmlElement) -> BaseOxmlElement:
    if owner.tag == qn("w:pPr"):
        return owner
    get_or_add = getattr(owner, "get_or_add_pPr", None)  # paragraphs and styles know their sequence
    return get_or_add() if get_or_add is not None else _child(owner, "w:pPr")


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The child ``tag`` of ``parent``, created where the schema's sequence wants it if missing."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    order = _TAGS.get(parent.tag)
    if order is None or qn(tag) not in order:
        parent.append(element)
        return element
    rank = order.index(qn(tag))
    for i, existing in enumerate(parent):
        if existing.tag in order and order.index(existing.tag) > rank:
            parent.insert(i, element)
            return element
    parent.append(element)
    return element
