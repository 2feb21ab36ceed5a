"""Writing a Draft as report JSON in one canonical form.

The form is fixed (key order, two-space indent, one line per table row, numbers exactly as
stored), so that writing what was read from a canonical file gives the same bytes.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal

from ..domain import Draft
from ..domain.fields import EXTENSION_KEY, DraftField, FieldKind, fields_at
from ..domain.numbers import format_value
from ..spec import TableSpec
from .format import SCHEMA_ID

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the CLI ~2 ms)
if TYPE_CHECKING:
    from typing import Any

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def report_to_object(draft: Draft) -> dict[str, Any]:
    """The report as report JSON's object, keys in the canonical order (``domain.fields`` for the fields)."""
    spec = draft.spec
    obj: dict[str, Any] = {"schema": SCHEMA_ID, "edition": draft.edition}
    for f in fields_at():
        obj[f.json[0]] = _encoded(f, getattr(draft, f.name))
    obj["sections"] = {s.title: _section(draft.sections[s.title]) for s in spec.sections if s.title in draft.sections}
    obj["tables"] = {t.key: _table(draft, t) for t in spec.tables}
    obj["signature"] = {f.json[1]: _encoded(f, getattr(draft, f.name)) for f in fields_at("signature")}
    ext = {f.json[1]: _encoded(f, getattr(draft, f.name)) for f in fields_at(EXTENSION_KEY) if _present(f, draft)}
    if ext:
        obj[EXTENSION_KEY] = ext
    obj.update(draft.extras)
    return obj


def _encoded(field: DraftField, value: Any) -> Any:
    if field.kind is FieldKind.DATE:
        return value.isoformat() if value else None
    if field.kind is FieldKind.TEXT_MAP:
        return dict(value)
    return value


def _present(field: DraftField, draft: Draft) -> bool:
    """Our extension carries only what is there (an empty contact, an empty mapping: nothing)."""
    value = getattr(draft, field.name)
    return value is not None if field.kind is FieldKind.DOCUMENT else bool(value)


def _section(value: Any) -> Any:
    if isinstance(value, str):
        return value
    return [{"heading": p.heading, "text": p.text} for p in value]


def _table(draft: Draft, table: TableSpec) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for cell in table.cells:
        node = out
        for key in cell.path[:-1]:
            node = node.setdefault(key, {})
        node[cell.path[-1]] = draft.values.get(cell.id)
    return out


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


def write_report_file(draft: Draft, path: str | os.PathLike[str]) -> None:
    """Write the report JSON atomically (UTF-8, canonical form)."""
    from ..fileio import atomic_write_bytes

    atomic_write_bytes(path, dumps_report(draft).encode("utf-8", "surrogatepass"))
