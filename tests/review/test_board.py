"""The board of the generated batch, checked against what the batch was made with (batch.BatchPlan)."""

from __future__ import annotations

from disclosure_desk.application.review import Status
from disclosure_desk.application.review.board import BOARD_HEADERS, board_rows, board_texts
from disclosure_desk.application.review.organs import normalise_name
from tests.review.batch import EXTRA_ORGAN, ORGANS


def test_one_row_per_expected_organ_in_list_order_then_the_others(review, batch):
    names = [o.organ for o in review.organs]
    assert names[: len(ORGANS)] == [n.replace("\u3000", "") for n in batch.expected]
    assert names[len(ORGANS) :] == [EXTRA_ORGAN]


def test_statuses_are_those_the_batch_was_made_with(review, batch):
    by_status = {s: sorted(o.key for o in review.with_status(s)) for s in Status}
    key = lambda names: sorted(normalise_name(n) for n in names)
    assert by_status[Status.MISSING] == key(batch.missing)
    assert by_status[Status.UNREADABLE] == key(batch.unreadable)
    assert by_status[Status.ERRORS] == key(batch.with_errors)
    warned = set(batch.copied) | set(batch.carry_mismatch)
    assert by_status[Status.WARNINGS] == key(warned)
    assert len(by_status[Status.OK]) == len(batch.drafts) - len(set(batch.with_errors) | warned)


def test_spellings_of_the_list_find_their_reports(review):
    assert review.organ("青禾县民政局").received is not None  # listed with a full-width space
    assert review.organ("青禾县其它社会组织服务中心").received is not None  # listed with 其它, sent with 其他


def test_counts_edition_and_file_of_a_row(review, batch):
    rows = {normalise_name(r.organ): r for r in board_rows(review)}
    for organ, draft in batch.drafts.items():
        row = rows[normalise_name(organ)]
        assert (row.edition, row.year) == (draft.edition, draft.year)
        assert row.file == batch.files[organ].name
        reviewed = review.organ(organ)
        assert row.errors == sum(f.is_error for f in reviewed.findings)
    missing = rows[normalise_name(batch.missing[0])]
    assert (missing.file, missing.errors, missing.received) == ("", None, None)


def test_cross_year_status(review, batch):
    for organ in batch.carry_mismatch:
        assert review.organ(organ).cross_year == "不衔接：X-1"
    for organ in batch.new_this_year:
        assert review.organ(organ).cross_year == "无上年报告"
    clean = [o for o in batch.drafts if o not in batch.with_errors + batch.carry_mismatch + batch.other_year]
    assert all(review.organ(o).cross_year == "衔接一致" for o in clean if o not in batch.new_this_year)


def test_copy_scores_separate_copied_reports_from_rewritten_ones(review, batch):
    copied = [review.organ(o).copy_score for o in batch.copied]
    rewritten = [
        review.organ(o).copy_score
        for o in batch.drafts
        if o not in batch.copied and o not in batch.new_this_year and o not in batch.with_errors
    ]
    assert min(copied) >= 0.8
    assert max(rewritten) < 0.5
    assert all(review.organ(o).copied for o in batch.copied)
    assert review.organ(batch.new_this_year[0]).copy_score is None


def test_the_newest_file_of_an_organ_wins_and_the_older_is_named(review, batch):
    for organ in batch.duplicated:
        reviewed = review.organ(organ)
        assert reviewed.received.path == batch.files[organ]
        assert [f.path.name for f in reviewed.superseded] == [f"{organ}-初稿.json"]
        assert f"{organ}-初稿.json" in board_texts(next(r for r in board_rows(review) if r.organ == organ))[-1]
        assert reviewed.status is not Status.ERRORS  # the first draft's error does not count


def test_notes_name_what_the_office_should_know(review, batch):
    assert review.organ(EXTRA_ORGAN).notes == ("不在应报机关名单中",)
    other = review.organ(batch.other_year[0])
    assert other.other_year and "2024" in other.notes[0]
    unreadable = board_rows(review)[[o.organ for o in review.organs].index(batch.unreadable[0])]
    assert "损坏" in unreadable.notes


def test_the_review_needs_action_and_says_so(review):
    assert review.needs_action
    assert review.year == 2025 and review.county == "青禾县"
    assert review.summary_line().startswith("共 61 个机关，收到 57 份，未报送 4，无法读取 1，有错误 7")


def test_board_texts_have_one_cell_per_header(review):
    assert all(len(board_texts(r)) == len(BOARD_HEADERS) for r in board_rows(review))
