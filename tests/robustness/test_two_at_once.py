"""Two app instances and command-line imports on one store at the same moment.

Each round: app A (the driven app of ``gui_driver.py``) reopens its report and types; meanwhile a
second app B is started on the same data folder, and two ``import``s, a ``list`` and an ``export``
run side by side. B must say the store is in use (and quit), every command must finish (an import
that had to wait says so), A must never fail to save; once A has saved again after the commands, it
is killed. Afterwards the store passes ``integrity_check``, holds every import that said it was done
and every edit A had saved. Every step waits for what the programs say (A's journal, B's exit, the
commands' output), never for a time.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from disclosure_desk.storage import DraftRepository, open_store
from tests.child_events import ChildEvents, finish

from .helpers import SAMPLE_2019, SAMPLE_2021, app_stderr, child_env, cli, driven_app, event_is, integrity
from .test_gui_kill import SAVE_WITHIN, LaneStats, _compare, _read_journal

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

ROUNDS = 4


def _round(folder: Path, n: int, rng: random.Random, stats: LaneStats) -> int:
    a_journal, b_journal = folder / f"a{n}.jsonl", folder / f"b{n}.jsonl"
    a, a_events = driven_app(a_journal, rng.randrange(1 << 30), folder / "data", SAMPLE_2021)
    assert a_events.wait_for(event_is("opened")), f"app A did not open its report: {app_stderr(a_journal)[-2000:]}"
    a_events.skip(rng.randint(1, 8))  # A is typing
    b, b_events = driven_app(b_journal, rng.randrange(1 << 30), folder / "data")
    data = folder / "data"
    with ThreadPoolExecutor(4) as pool:
        jobs = [pool.submit(cli, "import", str(SAMPLE_2019), data_dir=data) for _ in range(2)]
        jobs.append(pool.submit(cli, "list", data_dir=data))
        jobs.append(pool.submit(cli, "export", "1", "-o", str(folder / f"export{n}.json"), data_dir=data))
        results = [j.result() for j in jobs]
    b_code = finish(b)
    b_events.rest()
    a_events.said_so_far()
    a_events.wait_for(event_is("saved"), within=SAVE_WITHIN)  # A saves again after the commands
    a_events.skip(rng.randint(0, 8))
    a.send_signal(signal.SIGKILL)
    finish(a)
    a_events.rest()
    for journal in (a_journal, b_journal):
        assert "Traceback" not in app_stderr(journal), app_stderr(journal)
    # B: told the store is in use, and quit
    b_messages = [e for e in _read_journal(b_journal) if e["ev"] == "message"]
    assert b_code == 1 and [m["kind"] for m in b_messages] == ["warning"], b_messages
    assert "另一个" in b_messages[0]["text"] and str(data) in b_messages[0]["text"]
    # the commands: done, or refused after waiting with the clear message
    for r in results:
        assert "Traceback" not in r.err
        assert r.code == 0 or (r.code == 3 and "正被另一个程序使用" in r.err and "正在等待" in r.err), r.err
    imported = sum(r.code == 0 for r in results[:2])
    # A: never failed to save, nothing older than a second lost
    entries = _read_journal(a_journal)
    assert not [e for e in entries if e["ev"] == "message"], entries
    opened = next(e for e in entries if e["ev"] == "opened")
    assert integrity(data / "drafts.sqlite3") == "ok"
    with open_store(data / "drafts.sqlite3") as store, store.read_session() as session:
        draft = DraftRepository(session).load(opened["draft"])
    _compare(entries, draft, stats, n)
    return imported


def test_two_apps_and_imports_at_once_lose_nothing(tmp_path):
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    stats = LaneStats()
    imported = sum(_round(tmp_path, n, rng, stats) for n in range(ROUNDS))
    with open_store(tmp_path / "data" / "drafts.sqlite3") as store, store.read_session() as session:
        organs = [s.organ for s in DraftRepository(session).list_drafts()]
    assert organs.count("伊洛街道办事处") == imported == 2 * ROUNDS, f"seed {seed}"
    assert organs.count("青禾县统计局") == 1  # A reopened its one report every round
    assert not stats.lost, f"seed {seed}: {stats.lost}"
    print(
        f"\nTwo at once (seed {seed}): {ROUNDS} rounds, the second app told {ROUNDS} times, {imported} imports "
        f"while typing, {stats.edits} edits, {stats.saved_edits} of them saved before the kill, {len(stats.lost)} lost"
    )


HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()  # held until the parent says so
conn.execute("ROLLBACK")
print("released", flush=True)
"""


def test_an_import_that_must_wait_says_so_and_then_succeeds(tmp_path):
    """The lock is held until the import says it is waiting, then let go: the import goes on and is done."""
    data = tmp_path / "data"
    assert cli("import", str(SAMPLE_2021), data_dir=data).code == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data / "drafts.sqlite3")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    held = ChildEvents(holder.stdout, "the lock holder")
    assert held.next() == "locked"
    importer = subprocess.Popen(
        [sys.executable, "-m", "disclosure_desk", "import", str(SAMPLE_2019)],
        env=child_env(data),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    said = ChildEvents(importer.stderr, "the import")
    waiting = said.wait_for(lambda line: "正在等待" in line)
    holder.stdin.write("release\n")
    holder.stdin.close()
    assert held.next() == "released"
    out = importer.stdout.read()
    err = said.rest()
    assert finish(importer) == 0 and waiting and "已导入" in out, err
    assert finish(holder) == 0
