"""SIGKILL during ``disclosure-desk pdf``, the app's 导出 PDF and ``disclosure-desk import``, at random moments.

The moments are chosen among what the program says it is doing, never by a timer: the commands run
under ``traced_cli.py`` (an event per 2 ms of CPU time used, per file created beside the target, per
SQL statement) and are killed after a random number of events — a fraction of the events of a whole
run, measured first, like a fraction of its duration but the same on a busy machine; a third of the
PDF kills come the moment the temporary file is created. The app (``gui_driver.py``) says
``exported`` after each export and is killed only after its first one, a random number of its
events later (in the next export's progress, or between two).

PDF: the target name holds either the old PDF, untouched, or a complete new one — never part of
one. A killed write may leave a hidden ``.NAME.xxxx.part`` next to the target; the next write of
that file removes those older than an hour (``fileio.remove_stale_parts``).
Import: the store passes ``integrity_check`` and each draft in it is the whole report; an import
that said it was done is there, one killed before is either there whole or absent.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from disclosure_desk.interchange import read_report_file
from disclosure_desk.interchange.writer import dumps_report
from disclosure_desk.storage import DraftRepository, open_store
from tests.child_events import SAFETY_NET, finish

from .helpers import SAMPLE_2019, app_stderr, cli, driven_app, event_is, integrity, traced_cli
from .test_gui_kill import _read_journal

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

KILLS = int(os.environ.get("DISCLOSURE_DESK_EXPORT_KILLS", "30"))  # per command


def _events_of_a_whole_run(args: list[str], data: Path, folder: Path) -> list[str]:
    """The events the command says when it is not killed (it must succeed)."""
    child, events = traced_cli(*args, data_dir=data, folder=folder)
    _out, err = child.communicate(timeout=SAFETY_NET)
    said = events.rest()
    assert child.returncode == 0, err
    return said.splitlines()


def _kill_when(args: list[str], data: Path, folder: Path, now: Callable[[int, str], bool]) -> tuple[int, str]:
    """Run the command and SIGKILL it right after the event for which ``now(number, event)`` holds
    (or let it finish, if none does)."""
    child, events = traced_cli(*args, data_dir=data, folder=folder)
    number = 0
    while (event := events.next()) is not None:
        number += 1
        if now(number, event):
            break
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=SAFETY_NET)
    events.rest()
    assert "Traceback" not in err, err
    return child.returncode, out


def _after(count: int) -> Callable[[int, str], bool]:
    return lambda number, _event: number >= count


def _at(kind: str, nth: int = 1) -> Callable[[int, str], bool]:
    """The ``nth`` event of this kind (``sql``, ``commit``)."""
    seen = 0

    def now(_number: int, event: str) -> bool:
        nonlocal seen
        seen += event == kind
        return seen >= nth

    return now


def _import_moment(whole_run: list[str], rng: random.Random) -> tuple[str, Callable[[int, str], bool]]:
    """Where to kill an import: anywhere in its work (most of its CPU time is start-up and reading the
    file), inside its transaction (after a random statement), in its commit, or not at all."""
    r = rng.random()
    if r < 0.4:
        return "anywhere", _after(round(len(whole_run) * rng.uniform(0.2, 1.0)))
    if r < 0.7:
        return "in the transaction", _at("sql", rng.randint(1, whole_run.count("sql")))
    if r < 0.9:
        return "committing", _at("commit")
    return "not killed", lambda _number, _event: False


def _writing(target: Path) -> Callable[[int, str], bool]:
    """The moment the hidden ``.NAME.xxxx.part`` of the target is created: in the middle of writing it."""
    return lambda _number, event: event.startswith(f"open .{target.name}.") and event.endswith(".part")


def _pdf_pages(data: bytes) -> int:
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return len(PdfReader(io.BytesIO(data), strict=True).pages)


def _long_report(path: Path) -> None:
    """The 2019 sample with every narrative section 30 times over: 86 pages, 440 KB to write."""
    obj = json.loads(SAMPLE_2019.read_text("utf-8"))
    for title, section in obj["sections"].items():
        if isinstance(section, str):
            obj["sections"][title] = "\n".join([section] * 30)
        else:
            obj["sections"][title] = [{"heading": p["heading"], "text": "\n".join([p["text"]] * 30)} for p in section]
    path.write_text(json.dumps(obj, ensure_ascii=False), "utf-8")


def _pdf_lane(folder: Path, rng: random.Random) -> dict:
    target = folder / "报告.pdf"
    _long_report(folder / "long.json")
    args = ["pdf", str(folder / "long.json"), "-o", str(target)]
    full = len(_events_of_a_whole_run(args, folder / "data", folder))
    old = target.read_bytes()
    pages = _pdf_pages(old)
    outcome = {"old": 0, "new": 0, "while writing": 0, "parts left": 0}
    for i in range(KILLS):
        if i % 3 == 0:  # the moment the temporary file exists: in the middle of writing
            _kill_when(args, folder / "data", folder, _writing(target))
            outcome["while writing"] += 1
        else:  # anywhere, mostly late: building the PDF and writing it
            _kill_when(args, folder / "data", folder, _after(round(full * rng.uniform(0.3, 1.2))))
        now = target.read_bytes()
        if now == old:
            outcome["old"] += 1
        else:
            assert _pdf_pages(now) == pages  # complete: pypdf reads every page
            outcome["new"] += 1
            old = now
        outcome["parts left"] = len(list(folder.glob(".报告.pdf.*.part")))
    stale = time.time() - 7200
    for part in folder.glob(".报告.pdf.*.part"):
        os.utime(part, (stale, stale))
    fresh = folder / ".报告.pdf.fresh.part"  # a write in progress in another process
    fresh.write_bytes(b"%PDF-")
    assert cli(*args, data_dir=folder / "data").code == 0
    assert [p.name for p in folder.glob(".报告.pdf.*.part")] == [fresh.name]
    return outcome


APP_KILLS = int(os.environ.get("DISCLOSURE_DESK_APP_EXPORT_KILLS", "12"))
# An export of the long report says "exporting", ~12 "progress" (the bar) and "exported": killing up to
# this many events after the first "exported" lands anywhere in the next export, or between two.
APP_EVENTS_AFTER = 16


def _app_export_lane(folder: Path, rng: random.Random) -> dict:
    """The app's own 导出 PDF (worker thread, same writer), exporting again and again, killed at random:
    after its first export, a random number of its events later."""
    target = folder / "报告.pdf"
    _long_report(folder / "long.json")
    outcome = {"old": 0, "new": 0, "exports done": 0}
    old, pages = None, None
    for run in range(APP_KILLS):
        journal = folder / f"journal-{run}.jsonl"
        child, events = driven_app(journal, rng.randrange(1 << 30), folder / "data", folder / "long.json", target)
        try:
            assert events.wait_for(event_is("exported")), f"no export: {app_stderr(journal)[-3000:]}"
            events.skip(rng.randint(0, APP_EVENTS_AFTER))
        finally:
            child.send_signal(signal.SIGKILL)
            finish(child)
            events.rest()
        err = app_stderr(journal)
        assert "Traceback" not in err, err
        outcome["exports done"] += sum(e["ev"] == "exported" for e in _read_journal(journal))
        now = target.read_bytes() if target.exists() else None
        if now is None or now == old:
            outcome["old"] += 1
        else:
            pages = pages or _pdf_pages(now)
            assert _pdf_pages(now) == pages
            outcome["new"] += 1
            old = now
    assert outcome["exports done"] >= APP_KILLS  # each run exported at least once before it was killed
    return outcome


def _drafts(store_path: Path) -> list:
    with open_store(store_path) as store, store.read_session() as session:
        drafts = DraftRepository(session)
        return [drafts.load(s.id) for s in drafts.list_drafts()]


def _import_lane(folder: Path, rng: random.Random) -> dict:
    data = folder / "data"
    store_path = data / "drafts.sqlite3"
    args = ["import", str(SAMPLE_2019)]
    whole_run = _events_of_a_whole_run(args, folder / "probe", folder)
    expected = dumps_report(read_report_file(SAMPLE_2019))
    count, outcome = 0, {"imported": 0, "absent": 0, "acknowledged": 0}
    moments: dict[str, int] = {}
    for _ in range(KILLS):
        moment, now = _import_moment(whole_run, rng)
        moments[moment] = moments.get(moment, 0) + 1
        _, out = _kill_when(args, data, folder, now)
        acknowledged = "已导入" in out
        outcome["acknowledged"] += acknowledged
        if not store_path.exists():
            assert not acknowledged
            continue
        assert integrity(store_path) == "ok"
        drafts = _drafts(store_path)
        assert all(dumps_report(d) == expected for d in drafts)  # never half a report
        assert len(drafts) in ((count + 1,) if acknowledged else (count, count + 1))
        outcome["imported" if len(drafts) > count else "absent"] += 1
        count = len(drafts)
    return {**outcome, "killed": moments}


def test_sigkill_during_pdf_export_and_import(tmp_path):
    seed = random.randrange(1_000_000)
    for lane in ("pdf", "import", "app"):
        (tmp_path / lane).mkdir()
    with ThreadPoolExecutor(2) as pool:
        pdf = pool.submit(_pdf_lane, tmp_path / "pdf", random.Random(seed))
        imp = pool.submit(_import_lane, tmp_path / "import", random.Random(seed + 1))
        app = pool.submit(_app_export_lane, tmp_path / "app", random.Random(seed + 2))
        pdf_outcome, import_outcome, app_outcome = pdf.result(), imp.result(), app.result()
    print(
        f"\nSIGKILL during pdf (seed {seed}): {KILLS} kills, {pdf_outcome}; during import: {KILLS} kills, "
        f"{import_outcome}; during the app's export: {APP_KILLS} kills, {app_outcome}"
    )
