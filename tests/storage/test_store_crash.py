"""Crash safety: a child process saves in a loop and is killed with SIGKILL at random moments.

After every kill the store must open, pass ``integrity_check`` and hold every save that had
returned before the kill (the child prints a line after each returned save). The moment is one of
the child's own: it says ``opening`` before it opens the store, ``saving i`` before each save and
``i`` once it returned, and is killed right after a random one of these lines — never after a timer,
so a busy machine moves the kill with the child.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from disclosure_desk import paths
from disclosure_desk.storage import DraftRepository, open_store
from tests.child_events import ChildEvents, finish

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

KILLS_PER_LANE = 17
LANES = 3  # independent stores killed side by side: 51 kills in all
OPENING_KILLS = 0.2  # share of kills right after "opening" (while the store is opened or created)
LINES_BEFORE_KILL = 60  # otherwise after up to this many lines: in the middle of the save loop

# Each loop step is exactly one save (one transaction); step i prints "i" once it returned.
# Steps divisible by 5 create a new draft "n<i>"; the others update the draft "main" (its
# 表三 new.natural holds i), every third of them rewriting all of its values.
CHILD = r"""
import sys
from pathlib import Path
from disclosure_desk.interchange import read_report_file
from disclosure_desk.storage import DraftRepository, open_store

print("opening", flush=True)
store = open_store(Path(sys.argv[1]))
sample = read_report_file(sys.argv[2])
with store.read_session() as session:
    drafts = DraftRepository(session)
    found = {s.organ: s.id for s in drafts.list_drafts()}
    main = drafts.load(found["main"]) if "main" in found else None
step = max([int(o[1:]) for o in found if o.startswith("n")] + [main.value("t3.new.natural") if main else 0])
if main is None:
    main = read_report_file(sys.argv[2])
    main.organ = "main"
cells = [c.id for c in main.spec.all_cells]
while True:
    step += 1
    if step % 5 == 0:
        draft = read_report_file(sys.argv[2])
        draft.organ = f"n{step}"
    else:
        draft = main
        if step % 3 == 0:
            draft.values.update({c: step for c in cells})
        draft.values["t3.new.natural"] = step
        draft.preface = f"第{step}次保存" + "很长的文字" * (step % 40)
    print("saving", step, flush=True)
    with store.session() as session:
        DraftRepository(session).save(draft)
    print(step, flush=True)
"""


def _run_child_and_kill(store_path: Path, rng: random.Random) -> list[int]:
    """Start a saving child, SIGKILL it at a random moment; the steps it acknowledged."""
    env = {**os.environ, paths.DATA_DIR_ENV: str(store_path.parent)}
    sample = paths.samples_dir() / "qinghe-tongjiju-2025.json"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store_path), str(sample)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    events = ChildEvents(child.stdout, "the saving child")
    try:
        if rng.random() < OPENING_KILLS:
            events.wait_for(lambda line: line == "opening")
        else:
            events.skip(rng.randint(1, LINES_BEFORE_KILL))
    finally:
        child.send_signal(signal.SIGKILL)
        finish(child)
    said = events.rest().splitlines()
    errors = child.stderr.read()
    child.stderr.close()
    assert "Traceback" not in errors, errors
    return [int(line) for line in said if line.isdigit()]


def _check_after_kill(store_path: Path, acked: list[int], known: int) -> int:
    """The store opens and is intact, and every acknowledged save is in it.

    ``known`` is the newest step found in the store after the previous kill; the child went
    on from there. Returns the newest step in the store now.
    """
    if not store_path.exists():  # killed before the store was first created
        assert not acked
        return known
    with open_store(store_path) as store:  # validates: header, integrity_check
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with store.read_session() as session:
            drafts = DraftRepository(session)
            organs = {s.organ: s.id for s in drafts.list_drafts()}
            main_step = drafts.load(organs["main"]).value("t3.new.natural") if "main" in organs else 0
    created = {int(o[1:]) for o in organs if o.startswith("n")}
    newest = max(created | {main_step})
    assert {s for s in acked if s % 5 == 0} <= created  # every acknowledged new draft is there
    main_acked = [s for s in acked if s % 5]
    if main_acked:
        assert main_step >= main_acked[-1]  # the last acknowledged update of "main" is there
    assert newest >= known  # nothing from before this child was lost
    assert newest <= max(acked, default=known) + 1  # at most the one unacknowledged save on top
    return newest


def _lane(folder: Path, seed: int) -> int:
    rng = random.Random(seed)
    store_path = folder / "drafts.sqlite3"
    known = 0
    for _ in range(KILLS_PER_LANE):
        acked = _run_child_and_kill(store_path, rng)
        known = _check_after_kill(store_path, acked, known)
    return known


def test_saves_that_returned_survive_sigkill_at_random_moments(tmp_path):
    seed = random.randrange(1_000_000)
    with ThreadPoolExecutor(LANES) as pool:
        lanes = [pool.submit(_lane, tmp_path / f"lane{i}", seed + i) for i in range(LANES)]
        steps = [lane.result() for lane in lanes]
    assert sum(steps) > 0, f"no save was acknowledged at all (seed {seed})"
    for i in range(LANES):
        conn = sqlite3.connect(tmp_path / f"lane{i}" / "drafts.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
