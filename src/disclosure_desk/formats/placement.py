"""All printed tables of a report into the cells of one edition, with what was placed and what not. Qt-free."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from ..domain.numbers import Value, format_value
from ..spec import ReportSpec, get_spec
from .cell_values import read_value, unit_named
from .document import Table
from .labels import MatchKind, printed_text
from .recognition import CellReading, CellStatus, LabelMatch, Origin, Unplaced
from .table_match import Label, PrintedValue, SpecContext, Vocabulary, analyse

MIN_TABLE_SCORE = 2.0  # distinct official labels a printed table must show to count as 表二/三/四


@cache
def vocabularies(edition: str) -> dict[str, Vocabulary]:
    return {t.key: Vocabulary.of(t) for t in get_spec(edition).tables}


@dataclass
class Placement:
    """The outcome of reading every table as one edition."""

    edition: str
    source: str
    values: dict[str, Value | None] = field(default_factory=dict)
    readings: dict[str, CellReading] = field(default_factory=dict)
    labels: dict[tuple[str, str], LabelMatch] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    tables_found: dict[str, list[int]] = field(default_factory=dict)  # 表二 -> printed table numbers
    ignored_tables: list[int] = field(default_factory=list)

    @property
    def placed(self) -> int:
        return sum(1 for r in self.readings.values() if r.status is not CellStatus.MISSING)

    @property
    def spec(self) -> ReportSpec:
        return get_spec(self.edition)


def place_tables(tables: list[Table], edition: str, source: str) -> Placement:
    result = Placement(edition, source)
    vocabs = vocabularies(edition)
    for key, table, values in _fragments(tables, vocabs):
        result.tables_found.setdefault(key, []).append(table.index)
        for value in values:
            _place(result, vocabs[key], table, value)
    for t in tables:
        if not any(t.index in found for found in result.tables_found.values()):
            result.ignored_tables.append(t.index)
    _fill_missing(result)
    return result


def _fragments(tables: list[Table], vocabs: dict[str, Vocabulary]) -> Iterator[tuple[str, Table, list[PrintedValue]]]:
    """(table key, table, analysed values), a headerless continuation joined to the table before it."""
    previous: tuple[str, Table, list[PrintedValue]] | None = None
    for table in tables:
        key = classify(table, vocabs)
        if key is None:
            continue
        values = analyse(table.grid, vocabs[key])
        headerless = values and not any(v.col_labels for v in values)
        if headerless and previous is not None and previous[0] == key:
            joined = Table(previous[1].grid.appended(table.grid), previous[1].index, previous[1].pages + table.pages)
            previous = (key, joined, analyse(joined.grid, vocabs[key]))
            continue
        if previous is not None:
            yield previous
        previous = (key, table, values)
    if previous is not None:
        yield previous


def classify(table: Table, vocabs: dict[str, Vocabulary]) -> str | None:
    scores = {key: vocab.score(table.grid) for key, vocab in vocabs.items()}
    key = max(scores, key=lambda k: scores[k])
    return key if scores[key] >= MIN_TABLE_SCORE else None


def _place(result: Placement, vocab: Vocabulary, table: Table, value: PrintedValue) -> None:
    origin = Origin(result.source, value.cell.page or table.page, table.index, value.row_text, value.column_text)
    printed = printed_text(value.cell.text)
    ctx, reason = _match(vocab, value, result.edition)
    if ctx is None:
        if printed:  # a blank that fits nowhere loses nothing
            result.unplaced.append(Unplaced(printed, origin, reason))
        return
    cell = vocab.table.cell(ctx.cell_id)
    header_unit = unit_named(value.col_labels[0].printed) if value.col_labels else None
    read = read_value(value.cell.text, cell, header_unit)
    used = value.row_labels[-1:] + value.col_labels[:1]
    approximate = any(lab.resolution.kind is MatchKind.APPROXIMATE for lab in used)
    reading = CellReading(
        cell.id,
        cell.label_path,
        read.status,
        printed,
        format_value(read.value) if read.value is not None else None,
        origin,
        read.note,
        approximate,
    )
    earlier = result.readings.get(cell.id)
    if earlier is not None and earlier.status.has_value:
        if reading.status.has_value and reading.value != earlier.value:
            result.unplaced.append(
                Unplaced(printed, origin, f"与前面已读入的“{cell.label_path}”（{earlier.value}）重复且不同")
            )
        return
    result.readings[cell.id] = reading
    result.values[cell.id] = read.value
    for lab in value.row_labels + value.col_labels:
        _note_label(result, lab, "行" if lab in value.row_labels else "列")


def _match(vocab: Vocabulary, value: PrintedValue, edition: str) -> tuple[SpecContext | None, str]:
    if not value.col_labels:
        return None, "上方没有栏目名称，无法确定属于哪一列"
    column = value.col_labels[0]
    if column.official is None:
        return None, f"列名称“{column.printed}”无法识别"
    if value.column_ambiguous:
        return None, "数值跨在两列之下，无法确定属于哪一列"
    row = value.row_labels[-1] if value.row_labels else None
    if row is not None and row.official is None:
        return None, f"行名称“{row.printed}”无法识别"
    key = (row.official if row is not None and row.official else "", column.official)
    candidates = vocab.index.get(key, [])
    if not candidates:
        return None, _why_no_cell(vocab, row, column, edition)
    printed = {lab.official for lab in value.row_labels + value.col_labels if lab.official}
    ranked = sorted(candidates, key=lambda c: -len(c.labels & printed))
    if len(ranked) > 1 and len(ranked[0].labels & printed) == len(ranked[1].labels & printed):
        return None, "符合这些栏目名称的格不止一个，无法确定填入哪一格"
    return ranked[0], ""


def _why_no_cell(vocab: Vocabulary, row: Label | None, column: Label, edition: str) -> str:
    if row is not None and row.official in vocab.groups:
        return (
            f"“{row.official}”在{edition}年格式中分为{vocab.groups[row.official]}项，原表只有一行"
            "（较早格式的写法），无法确定应填入哪一项，已留空"
        )
    where = f"行“{row.printed}”与列“{column.printed}”" if row is not None else f"列“{column.printed}”"
    return f"{where}在{edition}年格式的{vocab.table.key}中没有对应的格"


def _note_label(result: Placement, lab: Label, kind: str) -> None:
    res = lab.resolution
    if res.official is None or res.kind is MatchKind.EXACT:
        return
    key = (lab.printed, res.official)
    if key not in result.labels:
        result.labels[key] = LabelMatch(
            kind, lab.printed, res.official, res.kind is MatchKind.APPROXIMATE, round(res.score * 100)
        )


def _fill_missing(result: Placement) -> None:
    for table in result.spec.tables:
        found = table.key in result.tables_found
        note = "原表中没有这一格" if found else f"原文中没有找到{table.key}"
        for cell in table.cells:
            if cell.id not in result.readings:
                result.readings[cell.id] = CellReading(cell.id, cell.label_path, CellStatus.MISSING, note=note)
                result.values.setdefault(cell.id, None)
