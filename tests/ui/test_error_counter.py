"""The start window lists the drafts at once and fills in their error counts afterwards, a slice at a time,
never showing a count of an older content of a draft."""

from __future__ import annotations

from disclosure_desk.interchange import read_report_file
from disclosure_desk.ui import error_counter
from disclosure_desk.ui.draft_list_model import STATUS_COLUMN
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON


def _status_texts(start):
    return [start.model.index(r, STATUS_COLUMN).data() for r in range(start.model.rowCount())]


def _fill(workspace, n: int) -> None:
    for i in range(n):
        draft = read_report_file(SEED_JSON if i % 2 else SAMPLE_2021_JSON)  # the seed has errors
        draft.organ = f"{draft.organ}{i}"
        workspace.save(draft)


def test_the_list_comes_first_and_the_counts_follow(qtbot, window, monkeypatch):
    monkeypatch.setattr(error_counter, "SLICE", 3)
    _fill(window.workspace, 2 * 3 + 1)  # three slices after the first row, counted with the list
    counter = window.actions_.error_counter
    slices: list[dict] = []
    counter.counted.connect(slices.append)
    with qtbot.waitSignal(counter.finished):
        window.actions_.refresh_list()
        statuses = _status_texts(window.start)
        assert statuses[0] != "草稿" and statuses[1:] == ["草稿"] * 6  # only the newest counted before showing
    assert [len(s) for s in slices] == [3, 3]
    statuses = _status_texts(window.start)
    assert all(s.startswith("草稿 · ") for s in statuses)
    assert sum("个错误" in s for s in statuses) == 3  # the seeds


def test_a_draft_saved_after_it_was_listed_gets_no_count_of_its_old_content(qtbot, window):
    _fill(window.workspace, 3)
    window.actions_.refresh_list()
    counter = window.actions_.error_counter
    oldest = window.start.model.row_at(2)
    draft = window.workspace.load(oldest.id)
    draft.preface = "列出之后又保存过"
    window.workspace.save(draft)
    with qtbot.waitSignal(counter.finished):
        pass
    assert window.start.model.row_at(2).errors is None  # the list is older than the store: no count for it
    window.actions_.refresh_list()
    qtbot.waitUntil(lambda: not counter.busy)
    assert window.start.model.rows()[0].id == oldest.id and window.start.model.rows()[0].errors is not None


def test_counting_stops_while_a_report_is_open_and_starts_again_after(qtbot, window):
    _fill(window.workspace, 12)
    counter = window.actions_.error_counter
    window.actions_.refresh_list()
    assert counter.busy
    window.open_draft(window.start.model.row_at(0).id)  # the clerk opens a report at once
    assert not counter.busy  # no checks compete with the report for the UI thread
    window.close_report()
    with qtbot.waitSignal(counter.finished):
        assert counter.busy
    assert all(r.errors is not None for r in window.start.model.rows())
