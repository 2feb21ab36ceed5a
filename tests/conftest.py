"""Shared test set-up: offscreen Qt before anything imports it, a fresh data dir per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DISCLOSURE_DESK_BUNDLED_FONTS_ONLY", "1")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "resources" / "samples"
SEED_JSON = SAMPLES / "yiluo-2019.json"
SAMPLE_2021_JSON = SAMPLES / "qinghe-tongjiju-2025.json"


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    """One cache folder (the parsed fonts) for the whole run, never the real per-user one; subprocesses
    inherit it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DISCLOSURE_DESK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory, monkeypatch):
    """Every test gets its own data folder; nothing touches the real per-user one."""
    d = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DISCLOSURE_DESK_DATA_DIR", str(d))
    monkeypatch.delenv("DISCLOSURE_DESK_STORE", raising=False)
    from disclosure_desk import logs, paths

    paths.set_data_dir(None)
    paths.set_store_url(None)
    logs.reset_logging()  # the log file lives in the data folder: set it up again for this test
    yield d
    paths.set_data_dir(None)
    paths.set_store_url(None)
    logs.reset_logging()


@pytest.fixture
def seed_draft():
    from disclosure_desk.interchange import read_report_file

    return read_report_file(SEED_JSON)


@pytest.fixture
def sample_2021():
    from disclosure_desk.interchange import read_report_file

    return read_report_file(SAMPLE_2021_JSON)


from tests.server_fixture import pg_cluster, pg_server  # noqa: E402, F401 - fixtures for every test package
