"""Two processes saving to the same store at once: no error for either, nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from disclosure_desk import paths
from disclosure_desk.domain import Draft
from disclosure_desk.storage import DraftRepository, open_store

pytestmark = pytest.mark.slow

STEPS = 120

# Each step: create a full draft "<name>-<i>", update the process's own draft, and add 1 to
# the shared counter draft by reading and writing it in one transaction.
CHILD = r"""
import sys, time
from pathlib import Path
from disclosure_desk.interchange import read_report_file
from disclosure_desk.storage import DraftRepository, open_store

path, name, sample, steps, start_at = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
store = open_store(path)
own = read_report_file(sample)
own.organ = name
time.sleep(max(0.0, start_at - time.time()))  # both processes start saving together
for i in range(1, steps + 1):
    new = read_report_file(sample)
    new.organ = f"{name}-{i}"
    own.values["t3.new.natural"] = i
    with store.session() as session:
        DraftRepository(session).save(new)
    with store.session() as session:
        DraftRepository(session).save(own)
    with store.session() as session:
        drafts = DraftRepository(session)
        shared = drafts.load(1)
        shared.values["t3.new.natural"] += 1
        drafts.save(shared)
print("done", flush=True)
"""


def test_two_processes_saving_at_once_lose_nothing(store_path):
    with open_store(store_path) as store, store.session() as session:
        shared = Draft.new("shared", 2025)
        shared.values["t3.new.natural"] = 0
        DraftRepository(session).save(shared)
    sample = paths.samples_dir() / "qinghe-tongjiju-2025.json"
    env = {**os.environ, paths.DATA_DIR_ENV: str(store_path.parent)}
    start_at = str(time.time() + 1.0)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(store_path), name, str(sample), str(STEPS), start_at],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for name in ("A", "B")
    ]
    results = [child.communicate(timeout=300) for child in children]  # generous: CI machines are shared
    for child, (out, err) in zip(children, results):
        assert child.returncode == 0 and out == "done\n", err
        assert err == ""  # nothing shown to the clerk: waiting for the lock is silent
    with open_store(store_path) as store, store.read_session() as session:
        drafts = DraftRepository(session)
        organs = {s.organ: s.id for s in drafts.list_drafts()}
        assert drafts.load(organs["shared"]).value("t3.new.natural") == 2 * STEPS
        for name in ("A", "B"):
            assert drafts.load(organs[name]).value("t3.new.natural") == STEPS
            assert {f"{name}-{i}" for i in range(1, STEPS + 1)} <= set(organs)
    assert len(organs) == 1 + 2 + 2 * STEPS
    assert not Path(f"{store_path}-wal").exists()  # the last connection closed cleanly
