"""The generated batch (tests/review/batch.py), made once per session, and its review."""

from __future__ import annotations

import pytest

from tests.review.batch import BatchPlan, make_batch


@pytest.fixture(scope="session")
def batch(tmp_path_factory) -> BatchPlan:
    return make_batch(tmp_path_factory.mktemp("review-batch"))


@pytest.fixture(scope="session")
def review(batch):
    from disclosure_desk.application.review import review_folder

    return review_folder(batch.folder, batch.previous_folder, batch.expected_file)
