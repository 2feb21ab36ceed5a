"""Two processes saving to the same store at once: no error for either, nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_desk import paths
from disclosure_desk.domain import Draft
from disclosure_desk.storage import DraftRepository, open_store
from tests.child_events import SAFETY_NET

pytestmark = pytest.mark.slow

STEPS = 120

# Each step: create a full draft "<name>-<i>", update the process's own draft, and add 1 to
# the shared counter draft by reading and writing it in one transaction.
CHILD = r"""
import sys
from pathlib import Path
from disclosure_desk.interchange import read_report_file
from disclosure_desk.storage import DraftRepository, open_store

path, name, sample, steps = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
store = open_store(path)
own = read_report_file(sample)
own.organ = name
print("ready", flush=True)
sys.stdin.readline()  # both processes start saving together, when the parent says so
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
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(store_path), name, str(sample), str(STEPS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("A", "B")
    ]
    for child in children:  # both have opened the store and read the sample
        assert child.stdout.readline() == "ready\n", child.stderr.read()
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    results = [child.communicate(timeout=SAFETY_NET) for child in children]
    for child, (out, err) in zip(children, results, strict=False):
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
