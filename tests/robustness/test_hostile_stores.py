"""Hostile draft stores under the real commands (``list``, ``import``, ``export`` as child processes).

A store that is not a healthy store of this version: exit 2, a Chinese message naming the problem,
nothing changed. A store that cannot be written (read-only file, folder or file system, full disk,
locked by another process): ``import`` exits 3 with the reason, ``list`` and ``export`` still read
it; nothing is changed, and nothing hangs.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from disclosure_desk.storage import DraftRepository, open_store

from .helpers import SAMPLE_2019, SAMPLE_2021, cli, integrity, tree_state

pytestmark = pytest.mark.slow

NOBODY = 65534


def _fill(data: Path, drafts: int = 2) -> Path:
    from disclosure_desk.interchange import read_report_file

    path = data / "drafts.sqlite3"
    with open_store(path) as store:
        for i in range(drafts):
            draft = read_report_file(SAMPLE_2021 if i % 2 else SAMPLE_2019)
            with store.session() as session:
                DraftRepository(session).save(draft)
    return path


def _three(data: Path, out: Path):
    """list, import, export at once (none of them may change a refused store)."""
    args = [("list",), ("import", str(SAMPLE_2021)), ("export", "1", "-o", str(out))]
    with ThreadPoolExecutor(2) as pool:
        return dict(zip(("list", "import", "export"), pool.map(lambda a: cli(*a, data_dir=data), args), strict=False))


def _clean(r) -> None:
    assert "Traceback" not in r.err + r.out, r.err[-2000:]


# ---- stores that are not a healthy store of this version -----------------------------------------


def _damage_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(4)
    for page in range(2, len(data) // 4096):  # every page but the first: the header is fine
        for _ in range(40):
            data[page * 4096 + rng.randrange(16, 4096)] = rng.randrange(256)
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


BAD_STORES = {
    "empty": (lambda p: p.write_bytes(b""), "文件是空的"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2 + 100]), "文件不完整"),
    "random bytes": (lambda p: p.write_bytes(random.Random(1).randbytes(65536)), "不是 Disclosure Desk 的草稿库"),
    "header only": (lambda p: p.write_bytes(p.read_bytes()[:100]), "文件不完整"),
    "damaged pages": (_damage_page, "损坏"),
    "newer version": (_newer, "更新版本"),
    "another program's SQLite file": (_foreign, "其他程序"),
    "a folder": (lambda p: (p.unlink(), p.mkdir()), "文件夹"),
}


@pytest.mark.parametrize("name", list(BAD_STORES))
def test_a_bad_store_is_refused_with_its_problem_and_left_alone(name, tmp_path):
    data = tmp_path / "data"
    store = _fill(data)
    damage, words = BAD_STORES[name]
    damage(store)
    shutil.rmtree(data / "backups", ignore_errors=True)
    before = tree_state(data)
    results = _three(data, tmp_path / "out.json")
    for command, r in results.items():
        _clean(r)
        assert r.code == 2, (command, r.err)
        assert words in r.err and "文件未作任何改动" in r.err, (command, r.err)
    assert tree_state(data) == before
    assert not (tmp_path / "out.json").exists()


# ---- stores that cannot be written -------------------------------------------------------------------


@contextlib.contextmanager
def _shared_folder():
    """A folder another user (nobody) may use: pytest's tmp_path is private to root."""
    folder = Path(tempfile.mkdtemp(prefix="dd-robust-"))
    try:
        folder.chmod(0o777)
        yield folder
    finally:
        for p in [folder, *folder.rglob("*")]:
            with contextlib.suppress(OSError):
                p.chmod(0o777)
        shutil.rmtree(folder, ignore_errors=True)


def _as_clerk() -> int | None:
    """Root ignores file permissions: run the command as ``nobody`` then (``setpriv``)."""
    if os.geteuid() != 0:
        return None
    probe = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", sys.executable, "-c", "pass"]
    if shutil.which("setpriv") is None or subprocess.run(probe, capture_output=True, check=False).returncode:
        pytest.skip("running as root and cannot run as another user: read-only files cannot be tested")
    return NOBODY


def _read_only_case(data: Path, out: Path, user: int | None) -> dict:
    args = [("list",), ("import", str(SAMPLE_2021)), ("export", "1", "-o", str(out))]
    return {a[0]: cli(*a, data_dir=data, user=user) for a in args}


def _assert_read_only(results: dict, words: str) -> None:
    for r in results.values():
        _clean(r)
    imp = results["import"]
    assert imp.code == 3 and words in imp.err, imp.err
    assert results["list"].code == 0 and "青禾县统计局" in results["list"].out, results["list"].err
    assert "只读取了草稿" in results["list"].err
    assert results["export"].code == 0, results["export"].err


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_store_is_read_but_never_written(what):
    user = _as_clerk()
    with _shared_folder() as folder:
        data = folder / "data"
        store = _fill(data)
        for p in [data, *data.rglob("*")]:
            p.chmod(0o777 if p.is_dir() else 0o666)
        (store if what == "file" else data).chmod(0o444 if what == "file" else 0o555)
        before = tree_state(data)
        results = _read_only_case(data, folder / "out.json", user)
        assert tree_state(data) == before and os.listdir(data) == ["drafts.sqlite3"]  # no -wal/-shm either
        _assert_read_only(results, "只读" if what == "file" else "不能写入")
        assert "伊洛街道办事处" in (folder / "out.json").read_text("utf-8")  # draft 1


@contextlib.contextmanager
def _tmpfs(size: str):
    folder = Path(tempfile.mkdtemp(prefix="dd-tmpfs-"))
    try:
        r = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, check=False
        )
        if r.returncode:
            pytest.skip(f"cannot mount a tmpfs here ({r.stderr.decode(errors='replace').strip()})")
        try:
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _mountable() -> None:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root on Linux to mount a small tmpfs")


def test_a_store_on_a_read_only_file_system_is_read_but_never_written(tmp_path):
    _mountable()
    with _tmpfs("4m") as mnt:
        data = mnt / "data"
        _fill(data)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        results = _read_only_case(data, tmp_path / "out.json", None)
        _assert_read_only(results, "不能写入")


def _leave_room(mnt: Path, kb: int) -> None:
    filler = mnt / "filler"
    filler.unlink(missing_ok=True)
    room = shutil.disk_usage(mnt).free // 1024 - kb
    if room > 0:
        with open(filler, "wb") as f, contextlib.suppress(OSError):
            f.write(b"\0" * room * 1024)


def test_a_full_disk_refuses_the_save_and_loses_nothing(tmp_path):
    """Imports with less and less room left: each one is saved or refused (disk full, exit 3); once
    there is room again every saved draft is there. (A checkpoint cut short by the full disk used to
    leave a store that every later start refused as "truncated".)"""
    _mountable()
    with _tmpfs("1m") as mnt:
        data = mnt / "data"
        saved = 0
        for leave_kb in (600, 600, 200, 100, 60, 40, 20, 8, 4, 0):
            _leave_room(mnt, leave_kb)
            r = cli("import", str(SAMPLE_2021), data_dir=data)
            _clean(r)
            assert r.code in (0, 3), r.err
            if r.code == 3:
                assert "磁盘已满" in r.err or "磁盘错误" in r.err or "不能写入" in r.err, r.err
            saved += r.code == 0
        for leave_kb in (100, 40, 8, 0):  # a PDF or a report file on the full disk: refused, old file kept
            _leave_room(mnt, leave_kb)
            for args, out in ((("pdf", str(SAMPLE_2021)), mnt / "out.pdf"), (("export", "1"), mnt / "out.json")):
                old = out.read_bytes() if out.exists() else None
                r = cli(*args, "-o", str(out), data_dir=data)
                _clean(r)
                assert r.code in (0, 3), r.err
                if r.code == 3:
                    assert "磁盘已满" in r.err, r.err
                    assert (out.read_bytes() if out.exists() else None) == old
                assert not [p for p in mnt.iterdir() if p.name.endswith(".part")]
        (mnt / "filler").unlink()
        listing = cli("list", data_dir=data)
        assert listing.code == 0, listing.err
        assert listing.out.count("青禾县统计局") == saved and saved >= 2
        assert integrity(data / "drafts.sqlite3") == "ok"


# ---- locked by another process ------------------------------------------------------------------

HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")  # what some database browsers do
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE drafts SET revision = revision")
print("locked", flush=True)
sys.stdin.readline()  # held until the parent says so
conn.execute("ROLLBACK")
"""


@pytest.mark.parametrize("mode", ["writer", "exclusive"])
def test_a_locked_store_waits_then_says_so_and_never_hangs(mode, tmp_path):
    """The lock is held for as long as the commands run: each must end by itself (giving up after its
    wait, ~4.5 s by design) while the lock is still there — a command that waited for the lock to go
    away would never end here (the safety net of ``cli`` would fail the test)."""
    data = tmp_path / "data"
    store = _fill(data)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store), mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        results = _three(data, tmp_path / "out.json")
        assert holder.poll() is None, "the lock was held all along"
    finally:
        holder.kill()
        holder.wait()
    for command, r in results.items():
        _clean(r)
        if mode == "writer" and command != "import":
            assert r.code == 0, (command, r.err)  # readers are not blocked by a writer
        else:
            assert r.code == 3 and "正被另一个程序使用" in r.err, (command, r.err)
    if mode == "writer":
        assert "正在等待" in results["import"].err  # it said it was waiting before giving up
    assert integrity(store) == "ok"
    r = cli("import", str(SAMPLE_2021), data_dir=data)  # the lock is gone: it works again
    assert r.code == 0, r.err


# ---- the same stores opened by the app ----------------------------------------------------------------


@pytest.fixture
def app_messages(qapp, monkeypatch):
    import disclosure_desk.ui  # noqa: F401 - the PySide6 work-around before any Qt call
    from disclosure_desk.ui import messages
    from tests.ui.conftest import Answers

    answers = Answers()
    monkeypatch.setattr(messages, "present", answers)
    return answers


@pytest.mark.parametrize("name", ["empty", "truncated", "random bytes", "damaged pages", "newer version"])
def test_the_app_shows_what_is_wrong_with_the_store_and_leaves_it_alone(
    name, tmp_path, app_messages, qtbot, monkeypatch
):
    from disclosure_desk import paths
    from disclosure_desk.ui.main_window import MainWindow

    data = tmp_path / "data"
    store = _fill(data)
    damage, words = BAD_STORES[name]
    damage(store)
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))
    before = tree_state(data)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_store() is False
    box = app_messages.requests[-1]
    assert box.kind == "error" and words in box.text and "文件未作任何改动" in box.text
    assert words in window.start.status.text()
    window.close()
    assert {k: v for k, v in tree_state(data).items() if "settings.ini" not in k and "/logs/" not in k} == before


def test_the_app_typing_onto_a_disk_that_fills_up_says_so_and_loses_nothing(tmp_path):
    """The real app types while its disk fills up: autosave fails and says so (the red banner), the
    text stays; once there is room again it saves by itself, and nothing typed is lost. Each step
    waits for what the app says it did (saved, save failed, saved again), never for a time."""
    _mountable()
    from tests.child_events import finish

    from .helpers import app_stderr, driven_app, event_is
    from .test_gui_kill import SAVE_WITHIN, LaneStats, _compare, _read_journal

    retry_within = 1000  # the retry comes 5 s after a failure: ~60 edits at the driver's pace, 170 at most
    with _tmpfs("8m") as mnt:
        journal = tmp_path / "journal.jsonl"
        child, events = driven_app(journal, 7, mnt / "data", SAMPLE_2021)
        try:
            assert events.wait_for(event_is("opened")), app_stderr(journal)[-3000:]
            assert events.wait_for(event_is("saved"), within=SAVE_WITHIN)
            _leave_room(mnt, 0)  # the disk is full
            assert events.wait_for(event_is("message"), within=SAVE_WITHIN)  # autosave failed, and said so
            (mnt / "filler").unlink()  # room again: the retry (every 5 s) saves everything
            assert events.wait_for(event_is("saved"), within=retry_within)
            events.skip(3)
        finally:
            child.send_signal(signal.SIGKILL)
            finish(child)
            events.rest()
        err = app_stderr(journal)
        assert "Traceback" not in err, err
        entries = _read_journal(journal)
        failures = [e for e in entries if e["ev"] == "message"]
        assert failures and all(e["kind"] == "save_failed" and "磁盘已满" in e["text"] for e in failures), failures
        opened = next(e for e in entries if e["ev"] == "opened")
        assert integrity(mnt / "data" / "drafts.sqlite3") == "ok"
        with open_store(mnt / "data" / "drafts.sqlite3") as store, store.read_session() as session:
            draft = DraftRepository(session).load(opened["draft"])
        stats = LaneStats()
        _compare(entries, draft, stats, 0)
        assert stats.checked and not stats.lost, stats.lost
