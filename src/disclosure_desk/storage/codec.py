"""A Draft as rows and back, exactly: Decimals keep their digits, blank stays blank, text stays text.

Pure functions, no SQL: the repository compares these row mappings with what is stored and
writes only the difference.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from ..domain import Draft, SectionPart
from ..domain.fields import FIELDS, FieldKind
from ..interchange.writer import dumps

SECTION = "section"  # the text family of the narrative sections (one row per section)

# the Draft's fields as ``domain.fields`` places them: in a column of the drafts table, or in text rows
COLUMN_FIELDS = tuple(f for f in FIELDS if f.column)
TEXT_FIELDS = tuple(f for f in FIELDS if f.family)
# columns that hold a Draft attribute as it is (a date is kept as ISO text)
PLAIN_COLUMNS = ("edition", *(f.column for f in COLUMN_FIELDS if f.kind is not FieldKind.DATE))

ValueRow = tuple[str, str | None]  # (kind, text)
TextRow = tuple[int, str, str]  # (pos, format, body)


def encode_value(value: Any) -> ValueRow:
    if value is None:
        return ("blank", None)
    if isinstance(value, bool):
        raise TypeError(f"a cell value cannot be a bool: {value!r}")
    if isinstance(value, int):
        return ("int", str(value))
    if isinstance(value, Decimal):
        return ("dec", str(value))  # str() keeps every digit and the exponent
    raise TypeError(f"a cell value must be int, Decimal or None, not {type(value).__name__}")


def decode_value(kind: str, text: str | None) -> int | Decimal | None:
    if kind == "int":
        return int(text)  # type: ignore[arg-type]
    if kind == "dec":
        return Decimal(text)  # type: ignore[arg-type]
    return None


def value_rows(draft: Draft) -> dict[str, ValueRow]:
    return {cell_id: encode_value(v) for cell_id, v in draft.values.items()}


def text_rows(draft: Draft) -> dict[tuple[str, str], TextRow]:
    rows: dict[tuple[str, str], TextRow] = {}
    for pos, (title, section) in enumerate(draft.sections.items()):
        if isinstance(section, str):
            rows[(SECTION, title)] = (pos, "text", section)
        else:
            body = json.dumps([[p.heading, p.text] for p in section], ensure_ascii=False)
            rows[(SECTION, title)] = (pos, "parts", body)
    for field in TEXT_FIELDS:
        value = getattr(draft, field.name)
        if field.kind is FieldKind.TEXT_MAP:
            for pos, (key, text) in enumerate(value.items()):
                rows[(field.family, key)] = (pos, "text", text)
        elif field.kind is FieldKind.DOCUMENT and value is not None:
            rows[(field.family, "")] = (0, "text", dumps(value))
        elif field.kind is FieldKind.TEXT and value:
            rows[(field.family, "")] = (0, "text", value)
    return rows


def draft_columns(draft: Draft) -> dict[str, Any]:
    columns: dict[str, Any] = {"edition": draft.edition}
    for field in COLUMN_FIELDS:
        value = getattr(draft, field.name)
        columns[field.column] = (value.isoformat() if value else None) if field.kind is FieldKind.DATE else value
    columns["extras"] = dumps(draft.extras)
    return columns


def build_draft(columns: dict[str, Any], values: dict[str, ValueRow], texts: dict[tuple[str, str], TextRow]) -> Draft:
    """The Draft that ``draft_columns``/``value_rows``/``text_rows`` describe (plus id and status)."""
    draft = Draft(edition=columns["edition"])
    for field in COLUMN_FIELDS:
        value = columns[field.column]
        setattr(draft, field.name, dt.date.fromisoformat(value) if value and field.kind is FieldKind.DATE else value)
    draft.id = columns["id"]
    draft.status = columns["status"]
    draft.extras = json.loads(columns["extras"], parse_float=Decimal)
    draft.values = {cell_id: decode_value(kind, text) for cell_id, (kind, text) in values.items()}
    by_family = {f.family: f for f in TEXT_FIELDS}
    for (family, key), (_, fmt, body) in sorted(texts.items(), key=lambda item: (item[0][0], item[1][0])):
        if family == SECTION:
            draft.sections[key] = body if fmt == "text" else tuple(SectionPart(h, t) for h, t in json.loads(body))
        elif (text_field := by_family.get(family)) is not None:
            if text_field.kind is FieldKind.TEXT_MAP:
                getattr(draft, text_field.name)[key] = body
            elif text_field.kind is FieldKind.DOCUMENT:
                setattr(draft, text_field.name, json.loads(body, parse_float=Decimal))
            else:
                setattr(draft, text_field.name, body)
    return draft
