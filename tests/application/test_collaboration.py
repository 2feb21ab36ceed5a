"""Two clerks on one draft, on a local file (two app sessions) and on a PostgreSQL server (two accounts of one
organ): the edit lease, taking over a lease left behind, a stale save refused and kept as a conflict copy,
the change log."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from disclosure_desk.application.editing import CONFLICT_COPY, EditingDraft, SavedAsCopyError
from disclosure_desk.application.workspace import Workspace, open_workspace
from disclosure_desk.interchange import dumps_report, read_report_file
from disclosure_desk.storage import DraftConflictError, LeaseHeldError
from tests.conftest import SAMPLE_2021_JSON


@dataclass
class Office:
    a: Workspace  # 张三
    b: Workspace  # 李四 (on a local file: a second app session of the same user)
    age_leases: Callable[[], None]  # as if every lease holder had crashed long ago
    names: tuple[str, str]


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path):
    if request.param == "sqlite":
        path = tmp_path / "drafts.sqlite3"
        a, b = open_workspace(path), open_workspace(path)

        def age() -> None:
            with sqlite3.connect(path) as conn:
                conn.execute("UPDATE draft_leases SET renewed_at = '2000-01-01T00:00:00.000000+00:00'")

        names = (a.user, b.user)
    else:
        server = request.getfixturevalue("pg_server")
        a, b = open_workspace(server.url("zhang")), open_workspace(server.url("li"))

        def age() -> None:
            server.sql("UPDATE draft_leases SET renewed_at = '2000-01-01T00:00:00.000000+00:00'")

        names = ("张三", "李四")
    yield Office(a, b, age, names)
    a.close()
    b.close()


def _shared_draft(office: Office) -> int:
    draft = read_report_file(SAMPLE_2021_JSON)
    office.a.save(draft)
    assert draft.id is not None
    return draft.id


def test_the_second_clerk_opens_read_only_and_sees_who_edits(office):
    draft_id = _shared_draft(office)
    first = EditingDraft(office.a, draft_id)
    assert not first.read_only
    second = EditingDraft(office.b, draft_id)
    assert second.read_only and second.held_by is not None
    assert second.held_by.holder == office.names[0]
    assert office.names[0] in {r.id: r.editing for r in office.b.list_drafts()}[draft_id]
    assert {r.id: r.editing for r in office.a.list_drafts()}[draft_id] == ""  # one's own lease is not "someone else"
    with pytest.raises(LeaseHeldError, match="正由"):  # a save past the lease is refused, not written
        office.b.save_checked(second.draft, second.revision)
    first.close()
    assert not EditingDraft(office.b, draft_id).read_only  # given back: the next one edits


def test_a_lease_left_by_a_crashed_pc_is_taken_without_asking(office):
    draft_id = _shared_draft(office)
    EditingDraft(office.a, draft_id)  # and then the PC dies: the lease is never given back nor renewed
    assert EditingDraft(office.b, draft_id).read_only
    office.age_leases()
    assert not EditingDraft(office.b, draft_id).read_only


def test_a_lease_of_this_user_on_this_pc_is_known_as_left_behind_by_the_app(office, request):
    """One app runs per data folder: on a local file, another session's lease is one this PC's app left when it
    crashed (the app takes it over at once); on a server, a colleague's is not."""
    draft_id = _shared_draft(office)
    EditingDraft(office.a, draft_id)
    second = EditingDraft(office.b, draft_id)
    assert second.read_only and second.left_by_this_pc == (request.node.callspec.params["office"] == "sqlite")
    assert not EditingDraft(office.a, draft_id).left_by_this_pc  # one's own session's lease is not "another's"


def test_a_take_over_keeps_the_former_holders_later_edits_as_a_conflict_copy(office):
    draft_id = _shared_draft(office)
    first = EditingDraft(office.a, draft_id)
    second = EditingDraft(office.b, draft_id)
    second.take_over()
    assert not second.read_only and not first.heartbeat()  # the first one learns it lost the lease
    second.draft.set_value("t3.new.natural", 71)
    second.save()
    first.draft.set_value("t3.new.business", 5)
    with pytest.raises(SavedAsCopyError) as refused:
        first.save()
    assert "冲突副本" in refused.value.message and CONFLICT_COPY in office.a.summary(refused.value.copy_id).title
    stored = office.a.load(draft_id)
    assert stored.value("t3.new.natural") == 71 and stored.value("t3.new.business") != 5  # not overwritten
    copy = office.a.load(refused.value.copy_id)
    assert copy.value("t3.new.business") == 5  # and not lost
    assert {draft_id, refused.value.copy_id} <= {r.id for r in office.a.list_drafts()}  # both visible


def test_a_stale_save_is_refused_and_shown_never_written(office):
    draft_id = _shared_draft(office)
    first = EditingDraft(office.a, draft_id)
    stale = office.b.load(draft_id)
    revision = office.b.summary(draft_id).revision
    first.draft.preface = "张三改的前言"
    first.save()
    stale.preface = "李四改的前言"
    with pytest.raises(DraftConflictError) as refused:
        office.b.save_checked(stale, revision, token=first.workspace.holder.token)
    assert office.names[0] in refused.value.message and "拒绝" in refused.value.message
    assert office.a.load(draft_id).preface == "张三改的前言"


def test_the_change_log_names_who_changed_which_cell_when(office):
    draft_id = _shared_draft(office)
    first = EditingDraft(office.a, draft_id)
    before = first.draft.value("t3.new.natural")
    first.draft.set_value("t3.new.natural", 42)
    first.draft.preface = "新前言"
    first.save()
    first.close()
    second = EditingDraft(office.b, draft_id)
    second.draft.set_value("t3.new.natural", None)
    second.save()
    log = office.b.changes(draft_id)
    cells = [(c.who, c.key, c.old, c.new) for c in log if c.what == "value"]
    assert cells == [
        (office.names[1], "t3.new.natural", "42", None),
        (office.names[0], "t3.new.natural", None if before is None else str(before), "42"),
    ]
    assert [c.what for c in log][-1] == "created" and any(c.what == "text" and "preface" in c.key for c in log)
    assert [c.revision for c in log] == sorted((c.revision for c in log), reverse=True)


def test_json_export_of_what_is_on_screen_needs_no_store(office):
    draft_id = _shared_draft(office)
    on_screen = EditingDraft(office.a, draft_id).draft
    assert dumps_report(on_screen) == SAMPLE_2021_JSON.read_text(encoding="utf-8")
