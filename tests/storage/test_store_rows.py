"""The store's own door (``Store.rows()``, sqlite3 without SQLAlchemy): same tables, same guarantees.

What it remembers of a draft to spare reading it back before each autosave is taken for the stored
content only while the stored fingerprint (revision, created and updated times) is the one it saw.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from disclosure_desk import domain
from disclosure_desk.records import field_names
from disclosure_desk.storage import DraftRepository, open_store, rows, summary
from disclosure_desk.storage.models import DraftRecord, TextRecord, ValueRecord
from tests.storage.storehelp import exact, load, sample_draft, save


def test_the_column_lists_are_the_models_tables():
    assert tuple(DraftRecord.__table__.columns.keys()) == rows.DRAFT_COLUMNS
    assert tuple(ValueRecord.__table__.columns.keys()) == rows.VALUE_COLUMNS
    assert tuple(TextRecord.__table__.columns.keys()) == rows.TEXT_COLUMNS
    assert set(rows.SUMMARY_COLUMNS) <= set(rows.DRAFT_COLUMNS)
    assert field_names(summary.DraftSummary) == rows.SUMMARY_COLUMNS  # read by position into a DraftSummary


def test_the_status_names_are_the_domains():
    assert (summary.STATUS_DRAFT, summary.STATUS_FINAL) == (domain.STATUS_DRAFT, domain.STATUS_FINAL)


def rows_save(store, draft):
    with store.rows(write=True) as r:
        return r.save(draft)


def rows_load(store, draft_id):
    with store.rows() as r:
        return r.load(draft_id)


def test_both_doors_read_and_write_the_same_rows(store):
    draft = sample_draft("qinghe-tongjiju-2025.json")
    draft.organ = "机关\ud800"  # a lone surrogate: stored as a BLOB by both doors
    draft.preface = "前言\udfff"
    rows_save(store, draft)
    by_session = load(store, draft.id)
    assert by_session == draft and exact(by_session.values) == exact(draft.values)
    by_session.set_value("t3.new.natural", 77)
    save(store, by_session)
    assert rows_load(store, draft.id) == by_session
    with store.rows() as r, store.read_session() as session:
        assert r.list_drafts() == DraftRepository(session).list_drafts()
        assert [s.id for s in r.find("机关\ud800", 2025)] == [draft.id]


def test_a_save_after_another_door_saved_the_draft_writes_the_whole_difference(store):
    """The other door's change to one cell is not mistaken for what this door remembers."""
    mine = sample_draft("qinghe-tongjiju-2025.json")
    rows_save(store, mine)
    theirs = load(store, mine.id)
    theirs.set_value("t3.new.natural", 1234)
    save(store, theirs)  # the session door: revision and updated time move on
    mine.set_value("t3.new.business", 5)  # mine still holds the old t3.new.natural
    rows_save(store, mine)
    assert rows_load(store, mine.id) == mine and load(store, mine.id) == mine


def test_a_save_by_another_process_is_seen_too(store, store_path):
    mine = sample_draft("qinghe-tongjiju-2025.json")
    rows_save(store, mine)
    other = (
        "import sys; from disclosure_desk.storage import open_store\n"
        "with open_store(sys.argv[1]) as s, s.rows(write=True) as r:\n"
        "    d = r.load(int(sys.argv[2])); d.preface = 'changed elsewhere'; r.save(d)\n"
    )
    subprocess.run([sys.executable, "-c", other, str(store_path), str(mine.id)], check=True)
    mine.set_value("t3.new.business", 5)
    rows_save(store, mine)
    assert rows_load(store, mine.id).preface == mine.preface


def test_a_rolled_back_save_is_not_remembered_as_stored(store):
    draft = sample_draft("qinghe-tongjiju-2025.json")
    rows_save(store, draft)
    draft.set_value("t3.new.natural", 999)
    with pytest.raises(RuntimeError), store.rows(write=True) as r:
        r.save(draft)
        raise RuntimeError("the transaction fails after the write")
    assert rows_load(store, draft.id).value("t3.new.natural") != 999
    rows_save(store, draft)  # the same content again: it must be written now
    assert rows_load(store, draft.id).value("t3.new.natural") == 999


def test_a_new_draft_gets_no_id_when_its_transaction_fails(store):
    draft = domain.Draft.new("机关", 2025)
    with pytest.raises(RuntimeError), store.rows(write=True) as r:
        r.save(draft)
        assert draft.id is not None
        raise RuntimeError("boom")
    assert draft.id is None
    with store.rows() as r:
        assert r.list_drafts() == []


def test_the_own_connection_is_durable_wal_synchronous_full(store):
    with store.connection() as conn:
        get = lambda pragma: conn.execute(f"PRAGMA {pragma}").fetchone()[0]
        assert (get("foreign_keys"), get("journal_mode"), get("synchronous")) == (1, "wal", 2)


def test_a_read_only_store_is_listed_and_refuses_writes(store_path):
    from disclosure_desk.storage import StoreNotWritableError

    with open_store(store_path) as store:
        rows_save(store, sample_draft("yiluo-2019.json"))
    with open_store(store_path, read_only=True) as store:
        with store.rows() as r:
            assert [s.organ for s in r.list_drafts()] == ["伊洛街道办事处"]
        with pytest.raises(StoreNotWritableError):
            rows_save(store, sample_draft("yiluo-2019.json"))


def test_listing_and_loading_through_rows_does_not_import_sqlalchemy(store_path):
    with open_store(store_path) as store:
        rows_save(store, sample_draft("yiluo-2019.json"))
    probe = (
        "import sys; from disclosure_desk.storage import open_store\n"
        "with open_store(sys.argv[1]) as s:\n"
        "    with s.rows() as r: d = r.load(r.list_drafts()[0].id)\n"
        "    d.preface = 'x'\n"
        "    with s.rows(write=True) as r: r.save(d)\n"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(store_path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
