"""Workspace: one store policy for the app and the commands — last year's report, carry-over, imports
that meet a report of the same organ and year, draft lists with error counts."""

from __future__ import annotations

import pytest

from disclosure_desk.application.workspace import OnClash, Workspace, open_workspace
from disclosure_desk.domain import Draft
from disclosure_desk.interchange import read_report_file
from disclosure_desk.storage import AmbiguousDraftError
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON


@pytest.fixture
def workspace(tmp_path):
    ws = open_workspace(tmp_path / "drafts.sqlite3")
    yield ws
    ws.close()


def test_an_import_beside_a_report_of_the_same_organ_and_year_keeps_both_and_says_so(workspace):
    first = workspace.import_file(SAMPLE_2021_JSON)
    assert first.clashes == [] and first.replaced is None
    second = workspace.import_file(SAMPLE_2021_JSON)
    assert second.draft.id != first.draft.id and [r.id for r in second.clashes] == [first.draft.id]
    assert "原已有同一机关同一年度的草稿（编号 1）" in second.message(
        "请加 --replace。"
    ) and "--replace" in second.message("请加 --replace。")
    assert len(workspace.list_drafts()) == 2


def test_replace_overwrites_the_one_report_of_that_organ_and_year(workspace):
    first = workspace.import_file(SAMPLE_2021_JSON)
    changed = read_report_file(SAMPLE_2021_JSON)
    changed.preface = "改过的前言"
    outcome = workspace.import_draft(changed, OnClash.REPLACE)
    assert outcome.replaced == first.draft.id and "覆盖草稿（编号 1）" in outcome.message()
    assert workspace.load(first.draft.id).preface == "改过的前言" and len(workspace.list_drafts()) == 1


def test_replace_is_refused_when_several_reports_could_be_meant(workspace):
    workspace.import_file(SAMPLE_2021_JSON)
    workspace.import_file(SAMPLE_2021_JSON)
    with pytest.raises(AmbiguousDraftError, match="不知道该覆盖哪一份"):
        workspace.import_file(SAMPLE_2021_JSON, OnClash.REPLACE)
    assert len(workspace.list_drafts()) == 2


def test_last_years_report_is_found_a_final_one_first(workspace):
    draft_2024 = Draft.new("青禾县统计局", 2024)
    workspace.save(draft_2024)
    final_2024 = Draft.new("青禾县统计局", 2024)
    final_2024.preface = "定稿的那一份"
    workspace.save(final_2024)
    workspace.mark_final(final_2024.id)
    this_year = workspace.import_file(SAMPLE_2021_JSON).draft
    previous = workspace.previous_report(this_year)
    assert previous is not None and previous.preface == "定稿的那一份"
    assert workspace.previous_report(Draft.new("别的机关", 2025)) is None


def test_next_years_report_is_carried_over_and_not_saved_until_confirmed(workspace):
    last = workspace.import_file(SAMPLE_2021_JSON).draft
    nxt = workspace.new_from_previous(last.id)
    assert (
        nxt.id is None and nxt.year == 2026 and nxt.value("t3.carried_in.total") == last.value("t3.carried_out.total")
    )
    assert len(workspace.list_drafts()) == 1


def test_the_list_counts_errors_of_the_reports_asked_for(workspace):
    workspace.import_file(SEED_JSON)
    workspace.import_file(SAMPLE_2021_JSON)
    rows = workspace.list_drafts(counted=1)
    assert rows[0].errors == 0 and rows[0].organ == "青禾县统计局"  # the newest first
    assert rows[1].errors is None  # beyond the count asked for
    assert workspace.list_drafts(counted=5)[1].errors > 0  # the seed lacks 表三 and 表四


def test_the_workspace_wraps_an_open_store(tmp_path):
    from disclosure_desk.storage import open_store

    with open_store(tmp_path / "s.sqlite3") as store:
        ws = Workspace(store)
        ws.save(Draft.new("机关", 2025))
        assert [r.organ for r in ws.list_drafts()] == ["机关"]


def test_error_counts_follow_the_stored_content_never_an_older_one(workspace):
    draft = workspace.import_file(SAMPLE_2021_JSON).draft
    listed = workspace.list_drafts()
    assert listed[0].errors is None  # not counted: the start window counts after showing the list
    assert workspace.error_counts(listed) == {draft.id: 0}
    assert workspace.list_drafts()[0].errors == 0  # remembered for this content
    total = next(c for c in draft.spec.table("表三").cells if c.sum_of)
    draft.values[total.id] = 10**6  # a total that is not the sum of its parts: an error
    workspace.save(draft)
    assert workspace.list_drafts()[0].errors is None  # saved since: the old count is not shown
    assert workspace.error_counts(workspace.list_drafts())[draft.id] > 0


def test_a_row_saved_since_it_was_listed_is_not_counted(workspace):
    draft = workspace.import_file(SAMPLE_2021_JSON).draft
    listed = workspace.list_drafts()
    draft.preface = "改过"
    workspace.save(draft)
    assert workspace.error_counts(listed) == {}
    assert workspace.error_counts(workspace.list_drafts()) == {draft.id: 0}
