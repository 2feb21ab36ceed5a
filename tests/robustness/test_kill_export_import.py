"""SIGKILL during ``disclosure-desk pdf``, the app's 导出 PDF and ``disclosure-desk import``, at random moments.

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
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from disclosure_desk.interchange import read_report_file
from disclosure_desk.interchange.writer import dumps_report
from disclosure_desk.storage import DraftRepository, open_store

from .helpers import DRIVER, SAMPLE_2019, child_env, cli, integrity
from .test_gui_kill import _read_journal, _wait_opened

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

KILLS = int(os.environ.get("DISCLOSURE_DESK_EXPORT_KILLS", "30"))  # per command


def _kill_at(args: list[str], data: Path, after: float, watch: Path | None = None) -> tuple[int, str]:
    """Run the command and SIGKILL it ``after`` seconds; with ``watch``, as soon as a temporary
    ``.NAME.*.part`` of that file appears (in the middle of writing it) instead."""
    child = subprocess.Popen([sys.executable, "-m", "disclosure_desk", *args], env=child_env(data),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if watch is None:
        time.sleep(after)
    else:
        pattern = f".{watch.name}."
        end = time.monotonic() + 30
        while child.poll() is None and time.monotonic() < end:
            if any(e.name.startswith(pattern) and e.name.endswith(".part") for e in os.scandir(watch.parent)):
                break
            time.sleep(0.0005)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert "Traceback" not in err, err
    return child.returncode, out


def _duration(args: list[str], data: Path) -> float:
    started = time.monotonic()
    r = cli(*args, data_dir=data)
    assert r.code == 0, r.err
    return time.monotonic() - started


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
    full = _duration(args, folder / "data")
    old = target.read_bytes()
    pages = _pdf_pages(old)
    outcome = {"old": 0, "new": 0, "while writing": 0, "parts left": 0}
    for i in range(KILLS):
        if i % 3 == 0:  # the moment the temporary file exists: in the middle of writing
            _kill_at(args, folder / "data", 0, watch=target)
            outcome["while writing"] += 1
        else:  # anywhere, mostly late: building the PDF and writing it
            _kill_at(args, folder / "data", full * rng.uniform(0.3, 1.2))
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


def _app_export_lane(folder: Path, rng: random.Random) -> dict:
    """The app's own 导出 PDF (worker thread, same writer), exporting again and again, killed at random."""
    target = folder / "报告.pdf"
    _long_report(folder / "long.json")
    outcome = {"old": 0, "new": 0, "exports done": 0}
    old, pages = None, None
    for run in range(APP_KILLS):
        journal = folder / f"journal-{run}.jsonl"
        child = subprocess.Popen(
            [sys.executable, str(DRIVER), str(journal), str(rng.randrange(1 << 30)), str(folder / "long.json"),
             str(target)],
            env=child_env(folder / "data"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert _wait_opened(journal, child)
        time.sleep(rng.uniform(0.3, 2.0))
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        err = child.stderr.read()
        child.stderr.close()
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
    assert outcome["exports done"] > 0
    return outcome


def _drafts(store_path: Path) -> list:
    with open_store(store_path) as store, store.read_session() as session:
        drafts = DraftRepository(session)
        return [drafts.load(s.id) for s in drafts.list_drafts()]


def _import_lane(folder: Path, rng: random.Random) -> dict:
    data = folder / "data"
    store_path = data / "drafts.sqlite3"
    args = ["import", str(SAMPLE_2019)]
    full = _duration(args, folder / "probe")
    expected = dumps_report(read_report_file(SAMPLE_2019))
    count, outcome = 0, {"imported": 0, "absent": 0, "acknowledged": 0}
    for _ in range(KILLS):
        _, out = _kill_at(args, data, full * rng.uniform(0.2, 1.1))
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
    return outcome


def test_sigkill_during_pdf_export_and_import(tmp_path):
    seed = random.randrange(1_000_000)
    for lane in ("pdf", "import", "app"):
        (tmp_path / lane).mkdir()
    with ThreadPoolExecutor(2) as pool:
        pdf = pool.submit(_pdf_lane, tmp_path / "pdf", random.Random(seed))
        imp = pool.submit(_import_lane, tmp_path / "import", random.Random(seed + 1))
        app = pool.submit(_app_export_lane, tmp_path / "app", random.Random(seed + 2))
        pdf_outcome, import_outcome, app_outcome = pdf.result(), imp.result(), app.result()
    print(f"\nSIGKILL during pdf (seed {seed}): {KILLS} kills, {pdf_outcome}; during import: {KILLS} kills, "
          f"{import_outcome}; during the app's export: {APP_KILLS} kills, {app_outcome}")
