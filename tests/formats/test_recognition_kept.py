"""The recognition report travels with the draft: in report JSON (x-disclosure-desk.import, valid against the
shipped schema) and through the SQLite store; a JSON file without it reads as before."""

from __future__ import annotations

import json

import jsonschema

from disclosure_desk.formats import read_report
from disclosure_desk.formats.recognition import CellStatus, Recognition
from disclosure_desk.interchange import dumps_report, parse_report_text
from disclosure_desk.interchange.schema import build_schema, shipped_schema
from disclosure_desk.storage import DraftRepository

from .conftest import PUBLISHED


def test_report_json_carries_the_recognition_report_and_validates():
    draft = read_report(PUBLISHED / "d21-variants.docx").draft
    obj = json.loads(dumps_report(draft))
    jsonschema.validate(obj, shipped_schema())
    imported = obj["x-disclosure-desk"]["import"]
    assert imported["source"] == "d21-variants.docx" and imported["format"] == "docx"
    assert imported["cells"]["t2.a8.fees.amount"]["printed"] == "251000元"
    assert obj["tables"]["表二"]["第二十条第（一）项"]["规章"]["本年制发件数"] is None  # “/” is null


def test_the_shipped_schema_is_the_generated_one():
    assert shipped_schema() == build_schema()


def test_json_round_trip_keeps_it_and_the_recognition_rebuilds():
    draft = read_report(PUBLISHED / "h21-cms-fragment.html").draft
    again = parse_report_text(dumps_report(draft))
    assert again.import_report == draft.import_report
    rec = Recognition.from_json(again.import_report)
    assert rec.cells["t2.a8.fees.amount"].status is CellStatus.CONVERTED
    assert rec.summary_lines() == Recognition.from_json(draft.import_report).summary_lines()
    assert dumps_report(again) == dumps_report(draft)


def test_a_report_without_it_has_none():
    obj = {"schema": "disclosure-desk.report/1", "edition": "2021"}
    assert parse_report_text(json.dumps(obj)).import_report is None


def test_it_survives_the_store(tmp_path):
    from disclosure_desk.storage import open_store

    draft = read_report(PUBLISHED / "p21-variants.pdf").draft
    with open_store(tmp_path / "s.sqlite3") as store:
        with store.session() as session:
            DraftRepository(session).save(draft)
        with store.session() as session:
            loaded = DraftRepository(session).load(draft.id)
    assert loaded.import_report == draft.import_report
    assert loaded.values == draft.values and loaded.value_origins == draft.value_origins
