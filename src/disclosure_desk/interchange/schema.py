"""The JSON Schema of report JSON version 1, generated from the spec.

The shipped file ``report.schema.json`` is this function's output (a test keeps them equal);
regenerate it with ``python -m disclosure_desk.interchange.schema > …/report.schema.json``.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..domain.fields import EXTENSION_KEY, DraftField, FieldKind, fields_at
from ..spec import TableSpec, ValueKind, editions, get_spec
from .format import SCHEMA_ID

SCHEMA_FILE = "report.schema.json"

_VALUE = {
    ValueKind.COUNT: {"type": ["integer", "null"], "minimum": 0},
    ValueKind.SIGNED_COUNT: {"type": ["integer", "null"]},
    ValueKind.AMOUNT: {"type": ["number", "null"], "minimum": 0},
}
_STRING_MAP = {"type": "object", "additionalProperties": {"type": "string"}}


def build_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://disclosure-desk.invalid/schema/report-1.json",
        "title": "政府信息公开工作年度报告 (Disclosure Desk report JSON, version 1)",
        "type": "object",
        "required": ["schema", "edition"],
        "properties": {
            "schema": {"const": SCHEMA_ID},
            "edition": {"enum": list(editions())},
            **_field_properties(),
            "sections": {"type": "object"},
            "tables": {"type": "object"},
            "signature": {
                "type": ["object", "null"],
                "properties": _field_properties("signature"),
                "additionalProperties": False,
            },
            EXTENSION_KEY: {
                "type": "object",
                "properties": _field_properties(EXTENSION_KEY),
                "additionalProperties": False,
            },
        },
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
        "allOf": [_edition_rule(e) for e in editions()],
        "$defs": {"section": _section_schema()},
    }


def _field_properties(*where: str) -> dict[str, Any]:
    """The Draft's fields at ``where`` in the file (``domain.fields``), each with its kind's schema."""
    return {f.json[-1]: _field_schema(f) for f in fields_at(*where)}


def _field_schema(field: DraftField) -> dict[str, Any]:
    if field.kind is FieldKind.DOCUMENT:
        return _DOCUMENTS[field.name]()
    return _KIND_SCHEMA[field.kind]


_KIND_SCHEMA: dict[FieldKind, dict[str, Any]] = {
    FieldKind.TEXT: {"type": "string"},
    FieldKind.OPTIONAL_TEXT: {"type": ["string", "null"]},
    FieldKind.YEAR: {"type": ["integer", "null"], "minimum": 1990, "maximum": 2200},
    FieldKind.DATE: {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    FieldKind.TEXT_MAP: _STRING_MAP,
}


_STRING = {"type": "string"}
_STRINGS = {"type": "array", "items": _STRING}
_CELL_STATUSES = ["read", "converted", "blank", "none_mark", "unreadable", "missing"]


def _import_schema() -> dict[str, Any]:
    """The recognition report of a draft read from a published Word/web/PDF file (formats.recognition)."""
    origin = {
        "type": "object",
        "properties": {
            "file": _STRING,
            "page": {"type": ["integer", "null"]},
            "table": {"type": ["integer", "null"]},
            "row": _STRING,
            "column": _STRING,
        },
        "additionalProperties": False,
    }
    reading = {
        "type": "object",
        "required": ["status"],
        "properties": {
            "label_path": _STRING,
            "status": {"enum": _CELL_STATUSES},
            "printed": _STRING,
            "value": _STRING,
            "origin": origin,
            "note": _STRING,
            "approximate": {"type": "boolean"},
        },
        "additionalProperties": False,
    }
    label = {
        "type": "object",
        "required": ["kind", "printed", "official", "approximate"],
        "properties": {
            "kind": _STRING,
            "printed": _STRING,
            "official": _STRING,
            "approximate": {"type": "boolean"},
            "score": {"type": "integer"},
            "where": _STRING,
        },
        "additionalProperties": False,
    }
    unplaced = {
        "type": "object",
        "required": ["printed", "origin", "reason"],
        "properties": {"printed": _STRING, "origin": origin, "reason": _STRING},
        "additionalProperties": False,
    }
    return {
        "type": ["object", "null"],
        "required": ["source", "format", "cells"],
        "properties": {
            "source": _STRING,
            "format": {"enum": ["docx", "html", "pdf"]},
            "edition": _STRING,
            "edition_reason": _STRING,
            "year": {"type": ["integer", "null"]},
            "year_reason": _STRING,
            "organ": _STRING,
            "cells": {"type": "object", "additionalProperties": reading},
            "labels": {"type": "array", "items": label},
            "unplaced": {"type": "array", "items": unplaced},
            "texts": _STRINGS,
            "notes": _STRINGS,
        },
        "additionalProperties": False,
    }


# the schema of each document field, by field name
_DOCUMENTS = {"import_report": _import_schema}


def _section_schema() -> dict[str, Any]:
    part = {
        "type": "object",
        "properties": {"heading": {"type": "string"}, "text": {"type": "string"}},
        "additionalProperties": False,
    }
    return {"oneOf": [{"type": "string"}, {"type": "array", "items": part}]}


def _edition_rule(edition: str) -> dict[str, Any]:
    spec = get_spec(edition)
    return {
        "if": {"properties": {"edition": {"const": edition}}},
        "then": {
            "properties": {
                "sections": {
                    "type": "object",
                    "properties": {s.title: {"$ref": "#/$defs/section"} for s in spec.sections},
                    "additionalProperties": False,
                },
                "tables": {
                    "type": "object",
                    "properties": {t.key: _table_schema(t) for t in spec.tables},
                    "additionalProperties": False,
                },
            }
        },
    }


def _table_schema(table: TableSpec) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for cell in table.cells:
        node = tree
        for key in cell.path[:-1]:
            node = node.setdefault(key, {})
        node[cell.path[-1]] = _VALUE[cell.kind]
    return _object(tree)


def _object(tree: dict[str, Any]) -> dict[str, Any]:
    props = {k: (v if "type" in v else _object(v)) for k, v in tree.items()}
    return {"type": "object", "properties": props, "additionalProperties": False}


def shipped_schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


if __name__ == "__main__":
    print(json.dumps(build_schema(), ensure_ascii=False, indent=2))
