"""The review desk reading a server store's drafts instead of a folder: the 政务公开办's reviewer account sees
every organ's drafts (a clerk only its own organ's), a 定稿 draft is the organ's report before a newer draft,
last year's drafts are the previous reports, and ``disclosure-desk review --from-store`` writes the same files."""

from __future__ import annotations

import copy

import pytest

from disclosure_desk import paths
from disclosure_desk.application.review import Status
from disclosure_desk.application.review.store_source import NOT_FINAL, review_store
from disclosure_desk.application.workspace import open_workspace
from disclosure_desk.checks import check
from disclosure_desk.cli import main
from disclosure_desk.interchange import read_report_file
from tests.conftest import SAMPLE_2021_JSON

STATS, FINANCE = "青禾县统计局", "青禾县财政局"


@pytest.fixture
def county(pg_server):
    """统计局 (张三): its 2025 report 定稿, a newer draft of it, and its 2024 report; 财政局 (王五): a 2025 draft
    with an error. Returns the ids."""
    sample = read_report_file(SAMPLE_2021_JSON)
    ids = {}
    with open_workspace(pg_server.url("zhang")) as zhang:
        final = copy.deepcopy(sample)
        zhang.save(final)
        zhang.mark_final(final.id)
        last_year = copy.deepcopy(sample)
        last_year.year = 2024
        zhang.save(last_year)
        newer = copy.deepcopy(sample)
        newer.title = "统计局的另一份草稿"
        zhang.save(newer)
        ids.update(final=final.id, last_year=last_year.id, newer=newer.id)
    with open_workspace(pg_server.url("wang")) as wang:
        finance = copy.deepcopy(sample)
        finance.organ = FINANCE
        finance.set_value("t3.new.natural", None)
        assert any(f.is_error for f in check(finance))
        wang.save(finance)
        ids["finance"] = finance.id
    return ids


def test_the_reviewer_sees_every_organs_drafts_of_the_year(pg_server, county):
    with open_workspace(pg_server.url("shen")) as shen:
        review = review_store(shen)
    assert review.year == 2025 and review.store and review.store in review.source
    organs = {o.organ: o for o in review.organs}
    assert set(organs) == {STATS, FINANCE}
    stats, finance = organs[STATS], organs[FINANCE]
    assert stats.received.final and stats.received.path.name.startswith(f"草稿#{county['final']} ")
    assert [f.path.name.split()[0] for f in stats.superseded] == [f"草稿#{county['newer']}"]  # newer, not 定稿
    assert stats.previous is not None and stats.previous.draft.year == 2024  # last year's draft, for X-1 …
    assert NOT_FINAL not in stats.notes and NOT_FINAL in finance.notes
    assert finance.status is Status.ERRORS and stats.status is not Status.ERRORS
    assert finance.received.format_name == "草稿库（未定稿）"


def test_a_clerk_reviewing_the_store_sees_only_its_organ(pg_server, county):
    with open_workspace(pg_server.url("zhang")) as zhang:
        assert [o.organ for o in review_store(zhang).organs] == [STATS]
    with open_workspace(pg_server.url("shen")) as shen:  # another year, asked for
        assert [o.organ for o in review_store(shen, year=2024).organs] == [STATS]


def test_the_review_command_reads_the_store(pg_server, county, tmp_path, capsys):
    out = tmp_path / "审核结果"
    try:
        code = main(["--store", pg_server.url("shen"), "review", "--from-store", "-o", str(out)])
    finally:
        paths.set_store_url(None)
    printed = capsys.readouterr().out
    assert code == 1  # a report with errors: the office has to act
    assert "草稿库" in printed.splitlines()[0] and "有错误：青禾县财政局" in printed
    assert (out / "board.csv").read_text(encoding="utf-8-sig").count(f"草稿#{county['finance']}") == 1
    assert main(["review", "-o", str(out)]) == 2  # neither a folder nor --from-store
