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
from ..interchange.writer import dumps

# text families of a draft, and the Draft attribute each one mirrors
PREFACE = "preface"
SECTION = "section"
IMPORT = "import"  # the recognition report of a draft read from a published file, as one JSON text
MAPPINGS = {"accepted": "accepted", "origin": "value_origins", "carried": "carried_texts"}

# columns of the drafts table that mirror Draft attributes one to one
PLAIN_COLUMNS = ("organ", "year", "edition", "title", "signature_organ", "contact", "website")

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
    if draft.preface:
        rows[(PREFACE, "")] = (0, "text", draft.preface)
    for pos, (title, section) in enumerate(draft.sections.items()):
        if isinstance(section, str):
            rows[(SECTION, title)] = (pos, "text", section)
        else:
            body = json.dumps([[p.heading, p.text] for p in section], ensure_ascii=False)
            rows[(SECTION, title)] = (pos, "parts", body)
    for family, attribute in MAPPINGS.items():
        for pos, (key, text) in enumerate(getattr(draft, attribute).items()):
            rows[(family, key)] = (pos, "text", text)
    if draft.import_report is not None:
        rows[(IMPORT, "")] = (0, "text", dumps(draft.import_report))
    return rows


def draft_columns(draft: Draft) -> dict[str, Any]:
    columns = {name: getattr(draft, name) for name in PLAIN_COLUMNS}
    columns["signature_date"] = draft.signature_date.isoformat() if draft.signature_date else None
    columns["extras"] = dumps(draft.extras)
    return columns


def build_draft(
    columns: dict[str, Any], values: dict[str, ValueRow], texts: dict[tuple[str, str], TextRow]
) -> Draft:
    """The Draft that ``draft_columns``/``value_rows``/``text_rows`` describe (plus id and status)."""
    draft = Draft(**{name: columns[name] for name in PLAIN_COLUMNS})
    draft.id = columns["id"]
    draft.status = columns["status"]
    if columns["signature_date"]:
        draft.signature_date = dt.date.fromisoformat(columns["signature_date"])
    draft.extras = json.loads(columns["extras"], parse_float=Decimal)
    draft.values = {cell_id: decode_value(kind, text) for cell_id, (kind, text) in values.items()}
    for (family, key), (_, fmt, body) in sorted(texts.items(), key=lambda item: (item[0][0], item[1][0])):
        if family == PREFACE:
            draft.preface = body
        elif family == SECTION:
            draft.sections[key] = body if fmt == "text" else tuple(SectionPart(h, t) for h, t in json.loads(body))
        elif family in MAPPINGS:
            getattr(draft, MAPPINGS[family])[key] = body
        elif family == IMPORT:
            draft.import_report = json.loads(body, parse_float=Decimal)
    return draft
