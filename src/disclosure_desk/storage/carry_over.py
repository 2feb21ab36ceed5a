"""“New report from last year's”: next year's draft of the same organ, prefilled where the
format links the two years. Pure (no SQL); the repository saves the result.

- 表三 二、上年结转 <- last year's 四、结转下年度继续办理, per column (rule X-1);
- 2021 表二 现行有效件数 <- last year's, as the starting stock (rule X-2: the clerk then adds
  本年制发 and subtracts 本年废止);
- 2019 表二 上一年项目数量 <- last year's 上一年项目数量 + 本年增/减 (rule X-3);
- organ, contact, website and signing organ copied; the signing date is left for the clerk;
- preface and narrative sections copied and recorded in ``carried_texts``, so C-1 warns until
  the clerk has rewritten them.

Every prefilled value gets a ``value_origins`` entry saying where it came from.
"""

from __future__ import annotations

from ..domain import Draft
from ..domain.numbers import Value, exact_sum
from ..spec import CellSpec, default_edition, roles


def draft_for_next_year(previous: Draft) -> Draft:
    """The draft of the year after ``previous`` (not saved: ``id`` is None)."""
    if previous.year is None:
        raise ValueError("the previous draft has no year")
    year = previous.year + 1
    draft = Draft.new(previous.organ, year, default_edition(year))
    draft.signature_organ = previous.signature_organ
    draft.contact = previous.contact
    draft.website = previous.website
    if previous.title:
        draft.title = previous.title.replace(str(previous.year), str(year))
    _carry_texts(previous, draft)
    source = f"{previous.year}年度报告"
    _carry_applications(previous, draft, source)
    _carry_stock(previous, draft, source)
    _carry_items(previous, draft, source)
    return draft


def _carry_texts(previous: Draft, draft: Draft) -> None:
    if previous.preface:
        draft.preface = previous.preface
        draft.carried_texts[draft.spec.parts.preface] = previous.preface  # keyed as narrative_texts()
    titles = {s.title for s in draft.spec.narrative_sections}
    for title, section in previous.sections.items():
        if title in titles:
            draft.sections[title] = section
            if previous.section_text(title).strip():
                draft.carried_texts[title] = previous.section_text(title)


def _prefill(draft: Draft, cell_id: str, value: Value | None, origin: str) -> None:
    if value is None:
        return
    draft.values[cell_id] = value
    draft.value_origins[cell_id] = origin


def _carry_applications(previous: Draft, draft: Draft, source: str) -> None:
    """二、上年结转 <- last year's 四、结转下年度继续办理, column by column (rule X-1)."""
    for cell in draft.spec.cells(row=roles.CARRIED_IN):
        before = _counterpart(previous, roles.CARRIED_OUT, cell.column_role)
        if before is not None:
            origin = f"取自{source}表三“{before.path[0]}”{before.path[-1]}列"
            _prefill(draft, cell.id, previous.value(before.id), origin)


def _carry_stock(previous: Draft, draft: Draft, source: str) -> None:
    """现行有效件数 <- last year's, as the starting stock (rule X-2), where both years have it."""
    for cell in draft.spec.cells(column=roles.IN_FORCE):
        before = _counterpart(previous, cell.row_role, roles.IN_FORCE)
        if before is not None:
            origin = f"取自{source}表二“{cell.path[1]}”现行有效件数（上年末数）；请加上本年制发件数、减去本年废止件数"
            _prefill(draft, cell.id, previous.value(before.id), origin)


def _carry_items(previous: Draft, draft: Draft, source: str) -> None:
    """上一年项目数量 <- last year's plus its 本年增/减 (rule X-3), where both years have them."""
    for cell in draft.spec.cells(column=roles.ITEMS_BEFORE):
        before_cell = _counterpart(previous, cell.row_role, roles.ITEMS_BEFORE)
        before = previous.value(before_cell.id) if before_cell else None
        if before is None:
            continue
        change_cell = _counterpart(previous, cell.row_role, roles.ITEMS_CHANGE)
        change = (previous.value(change_cell.id) if change_cell else None) or 0
        origin = f"按{source}表二“{cell.path[1]}”上一年项目数量加本年增/减计算"
        _prefill(draft, cell.id, exact_sum((before, change)), origin)


def _counterpart(previous: Draft, row_role: str, column_role: str) -> CellSpec | None:
    found = previous.spec.cells(row=row_role, column=column_role)
    return found[0] if found else None
