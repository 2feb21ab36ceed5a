"""The repository: list, open, save (only what changed), duplicate, rename, trash, 定稿/reopen."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from disclosure_desk.domain import STATUS_DRAFT, STATUS_FINAL, Draft
from disclosure_desk.errors import BadInputError
from disclosure_desk.storage import (
    DraftFinalError,
    DraftNotFoundError,
    DraftRepository,
    DraftSummary,
    StoreError,
    open_store,
)
from disclosure_desk.storage.models import ValueRecord
from tests.storage.storehelp import load, sample_draft, save


@pytest.fixture
def store(any_store):
    """Every test here runs on the local store and on a PostgreSQL server."""
    return any_store


def test_list_shows_organ_year_edition_status_and_last_saved(store):
    first, second = sample_draft("yiluo-2019.json"), sample_draft("qinghe-tongjiju-2025.json")
    save(store, first)
    saved_at = save(store, second)
    with store.read_session() as session:
        listed = DraftRepository(session).list_drafts()
    assert all(isinstance(s, DraftSummary) for s in listed)
    assert [(s.id, s.organ, s.year, s.edition, s.status) for s in listed] == [
        (second.id, "青禾县统计局", 2025, "2021", STATUS_DRAFT),
        (first.id, "伊洛街道办事处", 2019, "2019", STATUS_DRAFT),
    ]
    assert listed[0].updated_at == saved_at and saved_at.tzinfo is not None
    assert listed[0].display_title == "青禾县统计局2025年政府信息公开工作年度报告"


def test_load_returns_a_domain_draft_not_a_row(store):
    draft = sample_draft("yiluo-2019.json")
    save(store, draft)
    back = load(store, draft.id)
    assert type(back) is Draft and back.id == draft.id and back.status == STATUS_DRAFT


def test_unknown_id_is_a_clear_error(store):
    with pytest.raises(DraftNotFoundError, match="编号为 99 的草稿"), store.read_session() as session:
        DraftRepository(session).load(99)


def _count_writes(store_path):
    """A store whose every connection (both doors: sessions and rows()) reports the rows it writes."""
    statements: list[str] = []

    def record(statement: str) -> None:
        m = re.match(r"\s*(INSERT|UPDATE|DELETE)\s+(?:INTO\s+|FROM\s+)?(\w+)", statement, re.IGNORECASE)
        if m:
            statements.append(f"{m.group(1).upper()} {m.group(2)}")

    store = open_store(store_path)
    store.close()  # its connections are made again, through ``traced``, when next needed
    connect = store.connect

    def traced():
        conn = connect()
        conn.set_trace_callback(record)  # sees each row of an executemany
        return conn

    store.connect = traced
    return store, statements


@pytest.mark.parametrize("door", ["session", "rows"])
def test_a_save_writes_only_the_changed_rows(store_path, door):
    store, writes = _count_writes(store_path)
    draft = sample_draft("qinghe-tongjiju-2025.json")

    def save_it():
        if door == "rows":
            with store.rows(write=True) as rows:
                return rows.save(draft)
        return save(store, draft)

    with store:
        save_it()
        writes.clear()
        draft.set_value("t3.new.natural", 5)
        save_it()
        assert sorted(writes) == ["INSERT draft_changes", "INSERT draft_values", "UPDATE drafts"]  # + its log row
        writes.clear()
        before = load(store, draft.id)
        assert save_it() is not None and writes == []  # nothing changed: nothing written
        assert load(store, draft.id) == before


def test_saving_unchanged_returns_the_time_of_the_last_real_save(store):
    draft = Draft.new("机关", 2025)
    first = save(store, draft)
    assert save(store, draft) == first
    draft.preface = "新的前言"
    assert save(store, draft) > first


def test_a_new_draft_gets_no_id_when_its_transaction_fails(store):
    draft = Draft.new("机关", 2025)
    with pytest.raises(RuntimeError), store.session() as session:
        DraftRepository(session).save(draft)
        assert draft.id is not None
        raise RuntimeError("the caller's action failed after the save")
    assert draft.id is None
    with store.read_session() as session:
        assert DraftRepository(session).list_drafts() == []


def test_duplicate_and_rename(store):
    draft = sample_draft("yiluo-2019.json")
    save(store, draft)
    with store.session() as session:
        drafts = DraftRepository(session)
        copy = drafts.duplicate(draft.id)
        drafts.rename(copy.id, organ="伊洛街道", title="自定标题")
    copy_back = load(store, copy.id)
    assert copy.id != draft.id
    assert (copy_back.organ, copy_back.title) == ("伊洛街道", "自定标题")
    assert copy_back.values == draft.values and load(store, draft.id).organ == "伊洛街道办事处"
    with store.session() as session:
        DraftRepository(session).rename(copy.id, title=None)
    assert load(store, copy.id).title is None


def test_delete_goes_to_a_recoverable_trash_emptied_only_on_request(store):
    keep, gone = Draft.new("甲", 2024), Draft.new("乙", 2024)
    save(store, keep)
    save(store, gone)
    with store.session() as session:
        DraftRepository(session).delete(gone.id)
    with store.read_session() as session:
        drafts = DraftRepository(session)
        assert [s.id for s in drafts.list_drafts()] == [keep.id]
        assert [s.id for s in drafts.list_trash()] == [gone.id]
    with store.session() as session:
        DraftRepository(session).restore_from_trash(gone.id)
        DraftRepository(session).delete(gone.id)
    save(store, load(store, gone.id))  # a trashed draft can still be saved (nothing is lost)
    with store.session() as session:
        assert DraftRepository(session).empty_trash() == 1
    with store.read_session() as session:
        drafts = DraftRepository(session)
        assert drafts.list_trash() == [] and [s.id for s in drafts.list_drafts()] == [keep.id]
        with pytest.raises(DraftNotFoundError):
            drafts.load(gone.id)
    with store.session() as session:  # values, texts and history went with it (foreign keys on)
        left = select(func.count()).select_from(ValueRecord).where(ValueRecord.draft_id == gone.id)
        assert session.scalar(left) == 0


def test_final_drafts_are_frozen_until_reopened_with_a_reason(store):
    draft = sample_draft("qinghe-tongjiju-2025.json")
    save(store, draft)
    with store.session() as session:
        DraftRepository(session).mark_final(draft.id)
    draft = load(store, draft.id)
    assert draft.status == STATUS_FINAL
    save(store, draft)  # unchanged: fine
    draft.set_value("t3.new.natural", 4)
    with pytest.raises(DraftFinalError, match="已定稿"):
        save(store, draft)
    with pytest.raises(DraftFinalError), store.session() as session:
        DraftRepository(session).rename(draft.id, organ="别的机关")
    with pytest.raises(BadInputError, match="原因"), store.session() as session:
        DraftRepository(session).reopen(draft.id, "  ")
    with store.session() as session:
        DraftRepository(session).reopen(draft.id, "上级要求补充收费说明")
    save(store, draft)
    assert load(store, draft.id).value("t3.new.natural") == 4
    with store.read_session() as session:
        history = DraftRepository(session).history(draft.id)
    assert [(e.action, e.reason) for e in history] == [("定稿", ""), ("重新打开", "上级要求补充收费说明")]
    assert history[0].at <= history[1].at
    with pytest.raises(StoreError, match="尚未定稿"), store.session() as session:
        DraftRepository(session).reopen(draft.id, "再来一次")


def test_saving_a_draft_emptied_from_the_trash_says_so(store):
    draft = Draft.new("机关", 2025)
    save(store, draft)
    with store.session() as session:
        DraftRepository(session).delete(draft.id)
        DraftRepository(session).empty_trash([draft.id])
    with pytest.raises(DraftNotFoundError, match="彻底删除"):
        save(store, draft)


def test_store_repository_shortcut(store):
    with store.repository() as drafts:
        drafts.save(Draft.new("机关", 2025))
    with store.repository(write=False) as drafts:
        assert drafts.count() == 1
