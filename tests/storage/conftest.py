"""Fixtures of the storage tests: a fresh data folder and store per test, the sample reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_desk import paths
from disclosure_desk.storage import open_store

SAMPLES = sorted(paths.samples_dir().glob("*.json"))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def store_path(data_dir: Path) -> Path:
    return data_dir / "drafts.sqlite3"


@pytest.fixture
def store(store_path: Path):
    s = open_store(store_path)
    yield s
    s.close()


@pytest.fixture(params=SAMPLES, ids=[p.stem for p in SAMPLES])
def sample_path(request) -> Path:
    return request.param


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, store_path: Path):
    """The local store, then the same tests on a PostgreSQL server (as a clerk: row-level security applies)."""
    from disclosure_desk.storage import open_store_at

    if request.param == "sqlite":
        s = open_store_at(store_path)
    else:
        s = open_store_at(request.getfixturevalue("pg_server").url("zhang"))
    yield s
    s.close()
