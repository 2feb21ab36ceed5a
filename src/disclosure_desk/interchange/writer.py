"""Writing a Draft as report JSON in one canonical form.

The form is fixed (key order, two-space indent, one line per table row, numbers exactly as
stored), so that writing what was read from a canonical file gives the same bytes.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from ..domain import Draft
from ..domain.numbers import format_value
from .format import EXTENSION_KEY, IMPORT_KEY, SCHEMA_ID

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def report_to_object(draft: Draft) -> dict[str, Any]:
    spec = draft.spec
    obj: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "edition": draft.edition,
        "year": draft.year,
        "organ": draft.organ,
        "title": draft.title,
        "preface": draft.preface,
        "sections": {s.title: _section(draft.sections[s.title]) for s in spec.sections if s.title in draft.sections},
        "tables": {t.key: _table(draft, t) for t in spec.tables},
        "signature": {
            "organ": draft.signature_organ,
            "date": draft.signature_date.isoformat() if draft.signature_date else None,
        },
    }
    ext = _extension(draft)
    if ext:
        obj[EXTENSION_KEY] = ext
    obj.update(draft.extras)
    return obj


def _section(value: Any) -> Any:
    if isinstance(value, str):
        return value
    return [{"heading": p.heading, "text": p.text} for p in value]


def _table(draft: Draft, table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for cell in table.cells:
        node = out
        for key in cell.path[:-1]:
            node = node.setdefault(key, {})
        node[cell.path[-1]] = draft.values.get(cell.id)
    return out


def _extension(draft: Draft) -> dict[str, Any]:
    ext: dict[str, Any] = {}
    if draft.contact:
        ext["contact"] = draft.contact
    if draft.website:
        ext["website"] = draft.website
    for key in ("accepted", "value_origins", "carried_texts"):
        if getattr(draft, key):
            ext[key] = dict(getattr(draft, key))
    if draft.import_report is not None:
        ext[IMPORT_KEY] = draft.import_report
    return ext


def dumps_report(draft: Draft) -> str:
    return dumps(report_to_object(draft)) + "\n"


def dumps(value: Any, level: int = 0) -> str:
    """JSON with Decimal kept exactly; objects whose values are all scalars on one line."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{_string(str(k))}: {dumps(v, level + 1)}" for k, v in value.items()]
        if all(not isinstance(v, (dict, list)) for v in value.values()) and level >= 3:
            return "{" + ", ".join(items) + "}"
        pad = "  " * (level + 1)
        return "{\n" + ",\n".join(pad + i for i in items) + "\n" + "  " * level + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        pad = "  " * (level + 1)
        return "[\n" + ",\n".join(pad + dumps(v, level + 1) for v in value) + "\n" + "  " * level + "]"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Decimal):
        return format_value(value)
    return json.dumps(value)


def _string(s: str) -> str:
    text = json.dumps(s, ensure_ascii=False)
    # a lone surrogate (from a "\ud800" escape) cannot be encoded in UTF-8: keep it escaped
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_report_file(draft: Draft, path) -> None:
    """Write the report JSON atomically (UTF-8, canonical form)."""
    from ..fileio import atomic_write_bytes

    atomic_write_bytes(path, dumps_report(draft).encode("utf-8", "surrogatepass"))
