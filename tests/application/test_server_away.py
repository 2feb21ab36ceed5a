"""The network is not the disk: the server stopped in the middle of typing and started again, nothing lost.

The clerk's edits go through the ReportEditor and the EditingDraft's save (what the autosaver calls); the
server is stopped with ``pg_ctl stop`` (its connections cut) between two edits, and started again later.
"""

from __future__ import annotations

import contextlib

import pytest

from disclosure_desk import paths
from disclosure_desk.application.editing import EditingDraft, KeptLocallyError, SavedAsCopyError, journal_for
from disclosure_desk.application.editor import ReportEditor
from disclosure_desk.application.journal import OFFLINE_COPY, replay
from disclosure_desk.application.workspace import open_workspace
from disclosure_desk.interchange import dumps_report, read_report_file
from disclosure_desk.storage import ServerUnreachableError
from tests.conftest import SAMPLE_2021_JSON

CELLS = ["t3.new.natural", "t3.new.business", "t3.new.research", "t3.new.nonprofit", "t3.new.legal", "t3.new.other"]


@contextlib.contextmanager
def server_stopped(cluster):
    cluster.stop()
    try:
        yield
    finally:
        cluster.start()


@pytest.fixture
def clerk(pg_server):
    workspace = open_workspace(pg_server.url("zhang"))
    draft = read_report_file(SAMPLE_2021_JSON)
    workspace.save(draft)
    journal = journal_for(workspace, paths.data_dir())
    yield workspace, EditingDraft(workspace, draft.id, journal), journal
    workspace.close()


def test_typing_on_while_the_server_is_stopped_loses_nothing(pg_cluster, clerk):
    workspace, editing, journal = clerk
    editor = ReportEditor(editing.draft)
    editor.set_values({CELLS[0]: 11})
    editing.save()
    with server_stopped(pg_cluster):
        for i, cell in enumerate(CELLS[1:], start=12):
            editor.set_values({cell: i})
            with pytest.raises(KeptLocallyError, match="已保存在本机") as kept:
                editing.save()
            assert "无法连接" in kept.value.message and journal.has(editing.draft_id)
            assert journal.pending()[0].draft == editing.draft  # the journal holds what is on screen, every edit
        editor.set_preface("断网时写的前言")
        with pytest.raises(KeptLocallyError):
            editing.save()
        with pytest.raises(ServerUnreachableError):  # and the list says the server is away, not a crash
            workspace.list_drafts()
    editing.save()  # the first save after the server is back writes everything
    assert not journal.has(editing.draft_id)
    with open_workspace(workspace.store.url.render_as_string(hide_password=False)) as fresh:
        assert dumps_report(fresh.load(editing.draft_id)) == dumps_report(editing.draft)
        stored = fresh.load(editing.draft_id)
    assert [stored.value(c) for c in CELLS] == list(range(11, 17)) and stored.preface == "断网时写的前言"


def test_a_journal_left_by_a_closed_app_is_written_at_the_next_start(pg_cluster, pg_server, clerk):
    workspace, editing, _ = clerk
    with server_stopped(pg_cluster):
        editing.draft.set_value(CELLS[0], 99)
        with pytest.raises(KeptLocallyError):
            editing.save()
    workspace.close()  # the app is closed (or killed) before the server came back: the journal stays
    with open_workspace(pg_server.url("zhang")) as next_start:
        done = replay(next_start, journal_for(next_start, paths.data_dir()))
        assert [(r.draft_id, r.copy_id) for r in done] == [(editing.draft_id, None)]
        assert next_start.load(editing.draft_id).value(CELLS[0]) == 99
        assert journal_for(next_start, paths.data_dir()).pending() == []


def test_a_journal_of_a_draft_changed_meanwhile_becomes_a_conflict_copy(pg_cluster, pg_server, clerk):
    _, editing, journal = clerk
    with server_stopped(pg_cluster):
        editing.draft.set_value(CELLS[0], 1)
        with pytest.raises(KeptLocallyError):
            editing.save()
    with open_workspace(pg_server.url("li")) as colleague:  # the lease was left behind: 李四 takes over and saves
        other = EditingDraft(colleague, editing.draft_id, take_over=True)
        other.draft.set_value(CELLS[0], 2)
        other.save()
    with pytest.raises(SavedAsCopyError):  # the first app, still open, learns it at its next save
        editing.save()
    assert not journal.has(editing.draft_id)
    with open_workspace(pg_server.url("zhang")) as zhang:
        copies = [r for r in zhang.list_drafts() if r.id != editing.draft_id]
        assert zhang.load(editing.draft_id).value(CELLS[0]) == 2
        assert [zhang.load(r.id).value(CELLS[0]) for r in copies] == [1]
        journal.write(editing.draft, 1, "an old session")  # a journal replayed after a restart meets the same
        (done,) = replay(zhang, journal)
        assert done.copy_id is not None and OFFLINE_COPY in zhang.summary(done.copy_id).title
