"""SIGKILL while the clerk types: the real app (``gui_driver.py``) is killed at random moments.

Every run is one child process driving the real app on a shared store: it reopens the report the
previous run left open (as the app does after a crash), types into tables and narrative, and is
killed with SIGKILL at a random moment — most of the time while typing, sometimes during start-up.
After each kill the store must pass ``integrity_check``, every edit journaled more than one second
before the kill must be in the store, totals must be the sums of their parts (a save is never
half-applied), and the next run must reopen exactly what the store holds.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from disclosure_desk.storage import DraftRepository, open_store

from .gui_driver import draft_digest, text_digest
from .helpers import DRIVER, SAMPLE_2021, child_env, integrity

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

KILLS = int(os.environ.get("DISCLOSURE_DESK_GUI_KILLS", "120"))
LANES = 2  # two stores, two children at a time (the machine has 2 cores)
GRACE = 1.0  # edits older than this before the kill must be saved
STARTUP_KILLS = 0.12  # share of runs killed at a random moment of start-up instead


@dataclass
class LaneStats:
    kills: int = 0
    startup_kills: int = 0
    edits: int = 0
    checked: int = 0  # targets whose newest edit was older than GRACE
    old_edits: int = 0  # edits older than GRACE (each implied by its target's check)
    lost: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def _read_journal(path: Path) -> list[dict]:
    if not path.exists():
        return []
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


def _wait_opened(journal: Path, child: subprocess.Popen, timeout: float = 40) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end and child.poll() is None:
        if journal.exists() and '"opened"' in journal.read_text("utf-8"):
            return True
        time.sleep(0.02)
    return False


def _run_once(folder: Path, run: int, rng: random.Random, stats: LaneStats) -> tuple[list[dict], float, str]:
    journal = folder / f"journal-{run:03d}.jsonl"
    child = subprocess.Popen(
        [sys.executable, str(DRIVER), str(journal), str(rng.randrange(1 << 30)), str(SAMPLE_2021)],
        env=child_env(folder / "data"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    if rng.random() < STARTUP_KILLS:
        time.sleep(rng.uniform(0.0, 1.5))
        stats.startup_kills += 1
    else:
        if not _wait_opened(journal, child):
            child.kill()
            raise AssertionError(f"run {run}: the app did not open the report: {child.communicate()[1][-3000:]}")
        time.sleep(rng.uniform(0.2, 2.6))
    killed_at = time.time()
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    err = child.stderr.read()
    child.stderr.close()
    stats.kills += 1
    return _read_journal(journal), killed_at, err


def _stored(store_path: Path, draft_id: int):
    # open_store validates the header and runs integrity_check itself
    with open_store(store_path) as store, store.read_session() as session:
        return DraftRepository(session).load(draft_id)


def _compare(entries: list[dict], draft, killed_at: float, stats: LaneStats, run: int) -> None:
    """Each target's newest edit older than GRACE, or a later edit of it, is what the store holds."""
    by_target: dict[tuple, list[dict]] = {}
    for e in entries:
        if e["ev"] in ("cell", "text"):
            by_target.setdefault((e["ev"], e.get("id") or e.get("key")), []).append(e)
    stats.edits += sum(len(v) for v in by_target.values())
    for (kind, name), edits in by_target.items():
        old = [i for i, e in enumerate(edits) if e["t"] < killed_at - GRACE]
        if not old:
            continue
        stats.checked += 1
        stats.old_edits += len(old)
        later = edits[old[-1]:]
        if kind == "cell":
            ok = draft.value(name) in [e["v"] for e in later]
            have = draft.value(name)
        else:
            text = draft.preface if name == "前言" else draft.section_text(name)
            ok = text_digest(text) in [e["sha"] for e in later]
            have = text[-40:]
        if not ok:
            stats.lost.append((run, name, f"{killed_at - edits[old[-1]]['t']:.2f} s before the kill", have))


def _lane(folder: Path, seed: int, kills: int) -> LaneStats:
    rng = random.Random(seed)
    stats = LaneStats()
    folder.mkdir(parents=True)
    store_path = folder / "data" / "drafts.sqlite3"
    expected: tuple[int, str] | None = None  # (draft id, digest) the next run must reopen
    for run in range(kills):
        entries, killed_at, err = _run_once(folder, run, rng, stats)
        if "Traceback" in err:
            stats.problems.append((run, "traceback", err[-1500:]))
        messages = [e for e in entries if e["ev"] == "message"]
        if messages:
            stats.problems.append((run, "message box", messages))
        opened = next((e for e in entries if e["ev"] == "opened"), None)
        if opened is not None and expected is not None and (opened["draft"], opened["digest"]) != expected:
            stats.problems.append((run, "reopened something else", opened, expected))
        if store_path.exists():
            check = integrity(store_path)
            if check != "ok":
                stats.problems.append((run, "integrity_check", check))
                break
        if opened is None:
            continue  # killed before the report was open: nothing typed
        draft = _stored(store_path, opened["draft"])
        _compare(entries, draft, killed_at, stats, run)
        for table in draft.spec.tables:
            for cell in table.total_cells:
                if draft.value(cell.id) != draft.derived_value(cell.id):
                    stats.problems.append((run, "total not the sum of its parts", cell.id))
        expected = (draft.id, draft_digest(draft))
    return stats


def test_sigkill_while_typing_loses_no_edit_older_than_a_second(tmp_path):
    seed = random.randrange(1_000_000)
    per_lane = [KILLS // LANES + (i < KILLS % LANES) for i in range(LANES)]
    started = time.monotonic()
    with ThreadPoolExecutor(LANES) as pool:
        futures = [pool.submit(_lane, tmp_path / f"lane{i}", seed + i, n) for i, n in enumerate(per_lane)]
        lanes = [f.result() for f in futures]
    total = LaneStats()
    for s in lanes:
        total.kills += s.kills
        total.startup_kills += s.startup_kills
        total.edits += s.edits
        total.checked += s.checked
        total.old_edits += s.old_edits
        total.lost += s.lost
        total.problems += s.problems
    print(
        f"\nSIGKILL while typing (seed {seed}): {total.kills} kills ({total.startup_kills} during start-up), "
        f"{total.edits} edits journaled, {total.old_edits} of them older than {GRACE} s ({total.checked} targets), "
        f"{len(total.lost)} lost, {len(total.problems)} other problems, {time.monotonic() - started:.0f} s"
    )
    assert total.kills == KILLS
    assert total.checked > KILLS // 2, "too few edits were old enough to check"
    assert not total.lost, f"seed {seed}: {total.lost[:5]}"
    assert not total.problems, f"seed {seed}: {total.problems[:3]}"
