"""A parsed published report into a Draft and its recognition report; the same for every format. Qt-free.

The edition is the one whose tables take the printed values best (both are tried); with no tables,
the report year decides. Values go in exactly as printed (totals included: ``check`` then finds the
publisher's own arithmetic errors); what could not be read is blank and listed.
"""

from __future__ import annotations

from ..domain import Draft
from ..errors import BadInputError
from ..spec import default_edition, editions
from .document import ParsedDocument
from .narrative_extract import Narrative, extract_narrative
from .placement import Placement, place_tables
from .recognition import CellReading, CellStatus, Recognition
from .registry import ReadResult


def build_read_result(doc: ParsedDocument) -> ReadResult:
    narrative = extract_narrative(doc)
    placements = [place_tables(doc.tables, e, doc.source) for e in reversed(editions())]  # the newest first
    found_tables = any(p.tables_found for p in placements)
    if not found_tables and narrative.found_sections < 2:
        raise BadInputError(
            f"“{doc.source}”不像是政府信息公开工作年度报告：没有找到报告的章节（如“一、总体情况”）"
            "和表格（主动公开、依申请公开、行政复议行政诉讼情况表）。",
            f"{doc.source}: no report sections or tables found",
        )
    placement, reason = _choose_edition(placements, narrative)
    draft = _draft(narrative, placement)
    recognition = _recognition(doc, narrative, placement, reason)
    draft.import_report = recognition.to_json()
    return ReadResult(draft, recognition)


def _choose_edition(placements: list[Placement], narrative: Narrative) -> tuple[Placement, str]:
    by_edition = {p.edition: p for p in placements}
    best = max(placements, key=lambda p: p.placed)
    others = [p for p in placements if p is not best]
    if best.placed == 0 or all(o.placed == best.placed for o in others):
        edition = default_edition(narrative.year) if narrative.year is not None else editions()[-1]
        why = (
            "原文没有可识别的表格，按报告年度确定" if best.placed == 0 else "两种格式都能放入同样多的格，按报告年度确定"
        )
        return by_edition[edition], why
    other = others[0]
    return best, f"按表格栏目识别：可放入 {best.placed} 格，按{other.edition}年格式只能放入 {other.placed} 格"


def _draft(narrative: Narrative, placement: Placement) -> Draft:
    draft = Draft(organ=narrative.organ, year=narrative.year, edition=placement.edition)
    title = narrative.title
    draft.title = title if title and title != draft.spec.title_for(draft.organ, draft.year) else None
    draft.preface = narrative.preface
    draft.sections = dict(narrative.sections)
    draft.signature_organ = narrative.signature_organ or narrative.organ
    draft.signature_date = narrative.signature_date
    draft.values = dict(placement.values)
    for reading in placement.readings.values():
        if reading.uncertain or reading.status is CellStatus.UNREADABLE:
            draft.value_origins[reading.cell_id] = _origin_text(reading)
    return draft


def _origin_text(reading: CellReading) -> str:
    where = reading.origin.describe() if reading.origin else ""
    printed = f"，原文“{reading.printed}”" if reading.printed is not None else ""
    note = f"：{reading.note}" if reading.note else ("（栏目名称为近似匹配，请核对）" if reading.approximate else "")
    return f"导入自{where}{printed}{note}"


def _recognition(doc: ParsedDocument, narrative: Narrative, placement: Placement, reason: str) -> Recognition:
    rec = Recognition(
        source=doc.source,
        format=doc.format,
        edition=placement.edition,
        edition_reason=reason,
        year=narrative.year,
        year_reason=narrative.year_reason or "未找到",
        organ=narrative.organ,
    )
    rec.cells = dict(placement.readings)
    rec.labels = list(placement.labels.values()) + narrative.headings
    rec.unplaced = list(placement.unplaced)
    rec.texts = list(narrative.texts)
    rec.notes = list(doc.notes)
    for key in ("表二", "表三", "表四"):
        if key not in placement.tables_found:
            rec.notes.append(f"原文中没有找到{key}，其各格已留空。")
    if placement.ignored_tables:
        numbers = "、".join(f"第{i}个" for i in placement.ignored_tables)
        rec.notes.append(f"{numbers}表格不是报告的表格，未导入。")
    if narrative.year is not None and default_edition(narrative.year) != placement.edition:
        rec.notes.append(
            f"报告年度为{narrative.year}年，按规定应使用{default_edition(narrative.year)}年格式，"
            f"但原文表格是{placement.edition}年格式，已按原文导入。"
        )
    return rec
