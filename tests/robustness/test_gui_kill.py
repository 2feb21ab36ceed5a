"""SIGKILL while the clerk types: the real app (``gui_driver.py``) is killed at random moments.

Every run is one child process driving the real app on a shared store: it reopens the report the
previous run left open (as the app does after a crash), types into tables and narrative, and is
killed with SIGKILL at a random moment — most of the time while typing, sometimes during start-up.
The moment is chosen in the app's own events, never by a timer: the driver says each thing it has
done (started, window up, store open, report opened, each edit, each autosave that returned) and the
test kills it right after a random one of them, so that a slow machine moves the kill with the app.
After each kill the store must pass ``integrity_check``, every edit the app had saved (journaled
before its last ``saved``) must be in the store, totals must be the sums of their parts (a save is
never half-applied), and the next run must reopen exactly what the store holds. That the app saves
within about a second of an edit is ``tests/ui/test_autosave.py``'s (the timer), not a race here.

The same runs go against a PostgreSQL server (``lane_stores``; skipped where PostgreSQL is not installed): the
app is killed with its transaction open or its lease held; the next run takes the lease left by this PC's
killed app back at once (one app runs per data folder) and must reopen what the server holds.
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from disclosure_desk import paths
from disclosure_desk.storage import DraftRepository, open_store
from tests.child_events import finish

from .gui_driver import draft_digest, text_digest
from .helpers import SAMPLE_2021, app_stderr, driven_app, event_is, integrity

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

KILLS = int(os.environ.get("DISCLOSURE_DESK_GUI_KILLS", "120"))
LANES = 2  # two stores, two children at a time (the machine has 2 cores)
STARTUP_KILLS = 0.12  # share of runs killed at a random moment of start-up instead
STARTUP_STAGES = ("start", "window", "store")  # the driver's events before the report is open
SAVES_BEFORE_KILL = (0, 1, 1, 2, 3)  # autosaves to wait for before the kill (0: maybe none yet)
EDITS_AFTER = 12  # then up to this many more events (edits, saves) before the kill
# The autosave timer (700 ms) starts at an edit and the driver types every 30-140 ms, each step on a
# timer of its own: a save comes within ~25 edits on any machine. Far more means no autosave at all.
SAVE_WITHIN = 400


@dataclass
class LaneStats:
    kills: int = 0
    startup_kills: int = 0
    waited_for_a_save: int = 0  # runs killed after at least one autosave had returned
    edits: int = 0
    checked: int = 0  # targets with an edit journaled before the run's last save
    saved_edits: int = 0  # edits journaled before the run's last save (each implied by its target's check)
    lost: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def _read_journal(path: Path) -> list[dict]:
    if not path.exists():
        return []
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


def _run_once(
    folder: Path, run: int, rng: random.Random, stats: LaneStats, server: str | None
) -> tuple[list[dict], str]:
    journal = folder / f"journal-{run:03d}.jsonl"
    env = {paths.STORE_ENV: server} if server else {}
    child, events = driven_app(journal, rng.randrange(1 << 30), folder / "data", SAMPLE_2021, **env)
    try:
        if rng.random() < STARTUP_KILLS:
            events.wait_for(event_is(rng.choice(STARTUP_STAGES)))
            stats.startup_kills += 1
        else:
            if events.wait_for(event_is("opened")) is None:
                raise AssertionError(
                    f"run {run}: the app ended (exit {finish(child)}) without opening the report; "
                    f"it said {events.seen[-5:]}; stderr: {app_stderr(journal)[-3000:]}"
                )
            saves = rng.choice(SAVES_BEFORE_KILL)
            for _ in range(saves):
                events.wait_for(event_is("saved"), within=SAVE_WITHIN)
            stats.waited_for_a_save += saves > 0
            events.skip(rng.randint(0, EDITS_AFTER))
    finally:
        child.send_signal(signal.SIGKILL)
        finish(child)
        events.rest()
    stats.kills += 1
    return _read_journal(journal), app_stderr(journal)


def _stored(store_path: Path, draft_id: int, server: str | None):
    if server:
        from disclosure_desk.application.workspace import open_workspace

        with open_workspace(server) as workspace:
            return workspace.load(draft_id)
    # open_store validates the header and runs integrity_check itself
    with open_store(store_path) as store, store.read_session() as session:
        return DraftRepository(session).load(draft_id)


def _compare(entries: list[dict], draft, stats: LaneStats, run: int) -> None:
    """Each target's newest edit journaled before the last ``saved``, or a later edit of it, is what
    the store holds (an edit is journaled once it has reached the Draft; the save after it wrote it)."""
    saved_at = max((i for i, e in enumerate(entries) if e["ev"] == "saved"), default=-1)
    by_target: dict[tuple, list[tuple[int, dict]]] = {}
    for i, e in enumerate(entries):
        if e["ev"] in ("cell", "text"):
            by_target.setdefault((e["ev"], e.get("id") or e.get("key")), []).append((i, e))
    stats.edits += sum(len(v) for v in by_target.values())
    for (kind, name), edits in by_target.items():
        saved = [k for k, (i, _) in enumerate(edits) if i < saved_at]
        if not saved:
            continue
        stats.checked += 1
        stats.saved_edits += len(saved)
        later = [e for _, e in edits[saved[-1] :]]
        if kind == "cell":
            ok = draft.value(name) in [e["v"] for e in later]
            have = draft.value(name)
        else:
            text = draft.preface if name == "前言" else draft.section_text(name)
            ok = text_digest(text) in [e["sha"] for e in later]
            have = text[-40:]
        if not ok:
            stats.lost.append((run, name, "journaled before a save that returned", have))


def _lane(folder: Path, seed: int, kills: int, server: str | None = None) -> LaneStats:
    rng = random.Random(seed)
    stats = LaneStats()
    folder.mkdir(parents=True)
    store_path = folder / "data" / "drafts.sqlite3"
    expected: tuple[int, str] | None = None  # (draft id, digest) the next run must reopen
    for run in range(kills):
        entries, err = _run_once(folder, run, rng, stats, server)
        if "Traceback" in err:
            stats.problems.append((run, "traceback", err[-1500:]))
        messages = [e for e in entries if e["ev"] == "message"]
        if messages:
            stats.problems.append((run, "message box", messages))
        opened = next((e for e in entries if e["ev"] == "opened"), None)
        if opened is not None and expected is not None and (opened["draft"], opened["digest"]) != expected:
            stats.problems.append((run, "reopened something else", opened, expected))
        if (
            server is None and store_path.exists()
        ):  # a server keeps its own (a client killed: its transaction rolled back)
            check = integrity(store_path)
            if check != "ok":
                stats.problems.append((run, "integrity_check", check))
                break
        if opened is None:
            continue  # killed before the report was open: nothing typed
        draft = _stored(store_path, opened["draft"], server)
        _compare(entries, draft, stats, run)
        for table in draft.spec.tables:
            for cell in table.total_cells:
                if draft.value(cell.id) != draft.derived_value(cell.id):
                    stats.problems.append((run, "total not the sum of its parts", cell.id))
        expected = (draft.id, draft_digest(draft))
    return stats


@pytest.fixture(params=["sqlite", "postgresql"])
def lane_stores(request) -> list[str | None]:
    """Each lane's store: a SQLite file in its data folder, or a database of its own on the test server (a copy
    of the set-up template, used with the clerk 张三's account; dropped with the throwaway cluster)."""
    if request.param == "sqlite":
        return [None] * LANES
    from tests.server_fixture import TEMPLATE, PgServer

    cluster = request.getfixturevalue("pg_cluster")
    servers: list[str | None] = []
    for i in range(LANES):
        name = f"kill{i}_{random.randrange(1 << 30)}"
        cluster.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        servers.append(PgServer(cluster, name).url("zhang"))
    return servers


def test_sigkill_while_typing_loses_no_saved_edit(tmp_path, lane_stores):
    seed = random.randrange(1_000_000)
    per_lane = [KILLS // LANES + (i < KILLS % LANES) for i in range(LANES)]
    started = time.monotonic()
    with ThreadPoolExecutor(LANES) as pool:
        futures = [
            pool.submit(_lane, tmp_path / f"lane{i}", seed + i, n, lane_stores[i]) for i, n in enumerate(per_lane)
        ]
        lanes = [f.result() for f in futures]
    total = LaneStats()
    for s in lanes:
        total.kills += s.kills
        total.startup_kills += s.startup_kills
        total.waited_for_a_save += s.waited_for_a_save
        total.edits += s.edits
        total.checked += s.checked
        total.saved_edits += s.saved_edits
        total.lost += s.lost
        total.problems += s.problems
    where = "on a PostgreSQL server" if lane_stores[0] else "on a SQLite file"
    print(
        f"\nSIGKILL while typing {where} (seed {seed}): {total.kills} kills ({total.startup_kills} during start-up, "
        f"{total.waited_for_a_save} after an autosave), {total.edits} edits journaled, {total.saved_edits} of them "
        f"saved before the kill ({total.checked} targets), {len(total.lost)} lost, "
        f"{len(total.problems)} other problems, {time.monotonic() - started:.0f} s"
    )
    assert total.kills == KILLS
    assert total.waited_for_a_save > 0 and total.checked > 0, "no saved edit was checked"
    assert not total.lost, f"seed {seed}: {total.lost[:5]}"
    assert not total.problems, f"seed {seed}: {total.problems[:3]}"
