"""Every test in tests/robustness carries the ``robustness`` marker (the attacks on the finished
program: kills, hostile files, stores and text). ``./run-tests.sh`` runs them with everything else;
a developer may leave them out while working: ``./run-tests.sh -m "not robustness"`` (or
``-m "not slow"``, which also leaves out the other slow tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.robustness)
