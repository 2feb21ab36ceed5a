"""Two app instances and command-line imports on one store at the same moment.

Each round: app A (the driven app of ``gui_driver.py``) reopens its report and types; meanwhile a
second app B is started on the same data folder, and two ``import``s, a ``list`` and an ``export``
run side by side. B must say the store is in use (and quit), every command must finish (an import
that had to wait says so), A must never fail to save; then A is killed. Afterwards the store passes
``integrity_check``, holds every import that said it was done and every edit A made more than a
second before it was killed.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from disclosure_desk.storage import DraftRepository, open_store

from .helpers import DRIVER, SAMPLE_2019, SAMPLE_2021, child_env, cli, integrity
from .test_gui_kill import GRACE, LaneStats, _compare, _read_journal, _wait_opened

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

ROUNDS = 4


def _app(folder: Path, name: str, seed: int, sample: Path | None):
    journal = folder / f"{name}.jsonl"
    args = [sys.executable, str(DRIVER), str(journal), str(seed)] + ([str(sample)] if sample else [])
    child = subprocess.Popen(args, env=child_env(folder / "data"), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    return child, journal


def _round(folder: Path, n: int, rng: random.Random, stats: LaneStats) -> int:
    a, a_journal = _app(folder, f"a{n}", rng.randrange(1 << 30), SAMPLE_2021)
    assert _wait_opened(a_journal, a), "app A did not open its report"
    time.sleep(rng.uniform(0.2, 0.8))
    b, b_journal = _app(folder, f"b{n}", rng.randrange(1 << 30), None)
    data = folder / "data"
    with ThreadPoolExecutor(4) as pool:
        jobs = [pool.submit(cli, "import", str(SAMPLE_2019), data_dir=data) for _ in range(2)]
        jobs.append(pool.submit(cli, "list", data_dir=data))
        jobs.append(pool.submit(cli, "export", "1", "-o", str(folder / f"export{n}.json"), data_dir=data))
        results = [j.result() for j in jobs]
    b_code = b.wait(30)
    time.sleep(rng.uniform(GRACE + 0.2, GRACE + 1.0))
    killed_at = time.time()
    a.send_signal(signal.SIGKILL)
    a.wait(30)
    for child in (a, b):
        err = child.stderr.read()
        child.stderr.close()
        assert "Traceback" not in err, err
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
    _compare(entries, draft, killed_at, stats, n)
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
    print(f"\nTwo at once (seed {seed}): {ROUNDS} rounds, the second app told {ROUNDS} times, {imported} imports "
          f"while typing, {stats.edits} edits, {stats.old_edits} older than {GRACE} s, {len(stats.lost)} lost")


HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def test_an_import_that_must_wait_says_so_and_then_succeeds(tmp_path):
    data = tmp_path / "data"
    assert cli("import", str(SAMPLE_2021), data_dir=data).code == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data / "drafts.sqlite3"), "1.5"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    r = cli("import", str(SAMPLE_2019), data_dir=data)
    holder.wait(30)
    assert r.code == 0 and "正在等待" in r.err and "已导入" in r.out, r.err
