from __future__ import annotations

import copy

import pytest

from disclosure_desk.checks import check
from disclosure_desk.interchange import read_report_file
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON


@pytest.fixture(scope="session")
def _clean_2021():
    return read_report_file(SAMPLE_2021_JSON)


@pytest.fixture
def clean(_clean_2021):
    """The complete, correct 2021 sample (checks clean); mutate it per case."""
    return copy.deepcopy(_clean_2021)


@pytest.fixture
def seed():
    return read_report_file(SEED_JSON)


def rules(findings, rule=None):
    found = [f for f in findings if rule is None or f.rule == rule]
    return found


def run(draft, previous=None, rule=None):
    return rules(check(draft, previous), rule)


@pytest.fixture(scope="session")
def clean_2021(_clean_2021):
    """A factory of fresh copies of the clean 2021 sample (for hypothesis tests, which run many cases per test)."""
    return lambda: copy.deepcopy(_clean_2021)
