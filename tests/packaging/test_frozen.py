"""Smoke test of the frozen one-folder app (PyInstaller), as a clerk's PC would run it.

Opt-in, because a build takes a minute or two and needs PyInstaller (``pip install -e .[build]``):

    DISCLOSURE_DESK_FROZEN=build pytest tests/packaging          # builds into a temporary folder
    DISCLOSURE_DESK_FROZEN=dist/disclosure-desk pytest tests/packaging   # tests a build made before

``.ci/fresh-clone-and-freeze.sh`` builds with packaging/build.sh and runs this against that build.
Without the variable the tests are skipped (the reason says how to run them).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

FROZEN_ENV = "DISCLOSURE_DESK_FROZEN"
NAME = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> Path:
    """The one-folder build: given by DISCLOSURE_DESK_FROZEN, or built now when it says ``build``."""
    value = os.environ.get(FROZEN_ENV, "")
    if not value:
        pytest.skip(f"set {FROZEN_ENV}=build (or =path/to/dist/{NAME}) to build and smoke-test the frozen app")
    if value != "build":
        folder = Path(value).resolve()
        assert (folder / f"{NAME}-cli{EXE}").is_file(), f"{folder} is not a {NAME} build"
        return folder
    pytest.importorskip("PyInstaller", reason="pip install -e .[build]")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(REPO / "packaging" / "disclosure-desk.spec"),
        ],
        check=True,
        cwd=REPO,
        timeout=900,
    )
    return work / "dist" / NAME


def bundled(frozen: Path, *parts: str) -> Path:
    """A file inside the build's data folder (``_internal/`` since PyInstaller 6)."""
    internal = frozen / "_internal"
    return (internal if internal.is_dir() else frozen).joinpath(*parts)


def run(frozen: Path, program: str, *args: str, env: dict | None = None, timeout: float = 120):
    return subprocess.run(
        [str(frozen / f"{program}{EXE}"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
        env=env,
        cwd=frozen.parent,
    )


@pytest.fixture
def env(tmp_path) -> dict:
    return {
        **os.environ,
        "DISCLOSURE_DESK_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",
    }


def test_version(frozen, env):
    out = run(frozen, f"{NAME}-cli", "--version", env=env)
    assert out.returncode == 0 and out.stdout.strip() == f"Disclosure Desk {VERSION}"


def test_check_the_bundled_samples(frozen, env):
    clean = run(
        frozen,
        f"{NAME}-cli",
        "check",
        str(bundled(frozen, "resources", "samples", "qinghe-tongjiju-2025.json")),
        env=env,
    )
    assert clean.returncode == 0, clean.stderr
    assert "校验通过" in clean.stdout
    seed = run(frozen, f"{NAME}-cli", "check", str(bundled(frozen, "resources", "samples", "yiluo-2019.json")), env=env)
    assert seed.returncode == 1, seed.stderr
    assert "S-1" in seed.stdout and "表三" in seed.stdout


@pytest.mark.parametrize("fixture", ["d21-official.docx", "h21-cms-fragment.html", "p21-official.pdf"])
def test_published_reports_are_read_and_converted(frozen, env, tmp_path, fixture):
    """The readers are imported by file extension: the build must carry each of them and its library."""
    source = REPO / "tests" / "fixtures" / "published" / fixture
    out = tmp_path / "out.json"
    result = run(frozen, f"{NAME}-cli", "convert", str(source), "-o", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert '"schema": "disclosure-desk.report/1"' in out.read_text(encoding="utf-8")


def test_word_file_and_web_page(frozen, env, tmp_path):
    sample = str(bundled(frozen, "resources", "samples", "qinghe-tongjiju-2025.json"))
    for command, out in (("docx", tmp_path / "out.docx"), ("html", tmp_path / "out.html")):
        done = run(frozen, f"{NAME}-cli", command, sample, "-o", str(out), env=env)
        assert done.returncode == 0, done.stderr
    import docx

    assert len(docx.Document(str(tmp_path / "out.docx")).tables) == 3
    assert (tmp_path / "out.html").read_text(encoding="utf-8").count("<table") == 3
    converted = run(frozen, f"{NAME}-cli", "convert", sample, "-o", str(tmp_path / "c.htm"), env=env)
    assert converted.returncode == 0, converted.stderr


def test_pdf_with_embedded_fonts(frozen, env, tmp_path):
    pdf = tmp_path / "out.pdf"
    sample = bundled(frozen, "resources", "samples", "qinghe-tongjiju-2025.json")
    out = run(frozen, f"{NAME}-cli", "pdf", str(sample), "-o", str(pdf), env=env)
    assert out.returncode == 0, out.stderr
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    assert len(reader.pages) >= 4
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[font["/BaseFont"]] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts and all(fonts.values()), fonts  # every font is embedded (TrueType subsets)
    assert any("FandolFang" in name for name in fonts)  # the bundled fonts were found in the frozen folder


def test_the_parsed_fonts_are_cached_in_the_users_cache_folder(frozen, env, tmp_path):
    """paths.cache_dir in a frozen build: platformdirs' per-user cache (here under a home folder of the
    test's own), never the program's folder; the second export restores the faces and prints the same."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in env.items() if k not in ("DISCLOSURE_DESK_CACHE_DIR", "XDG_CACHE_HOME")}
    env.update(HOME=str(home), LOCALAPPDATA=str(home / "AppData" / "Local"))
    sample = bundled(frozen, "resources", "samples", "qinghe-tongjiju-2025.json")
    for name in ("first.pdf", "second.pdf"):
        out = run(frozen, f"{NAME}-cli", "pdf", str(sample), "-o", str(tmp_path / name), env=env)
        assert out.returncode == 0, out.stderr
    entries = [p for p in home.rglob("*.pickle") if p.parent.name == "fonts"]
    assert any(p.name.startswith("FandolFang") for p in entries), sorted(home.rglob("*"))
    assert all("DisclosureDesk" in p.parts for p in entries)
    assert not list(frozen.rglob("*.pickle"))
    assert out.stdout.count("FandolFang") >= 1


def test_gui_starts_offscreen_and_quits(frozen, env, tmp_path):
    """The windowed program with DISCLOSURE_DESK_STARTUP_PROBE: first paint, store, self-check, quit."""
    pdf = tmp_path / "probe.pdf"
    run(
        frozen,
        f"{NAME}-cli",
        "pdf",
        str(bundled(frozen, "resources", "samples", "qinghe-tongjiju-2025.json")),
        "-o",
        str(pdf),
        env=env,
    )
    probe_env = {**env, "DISCLOSURE_DESK_STARTUP_PROBE": "1", "DISCLOSURE_DESK_PROBE_PDF": str(pdf)}
    started = time.time()
    out = run(frozen, NAME, env=probe_env, timeout=60)
    assert out.returncode == 0, out.stderr[-3000:]
    marks = {
        line.split()[0]: float(line.split()[1])
        for line in out.stdout.splitlines()
        if line.split() and line.split()[0] in ("first-paint", "store-ready")
    }
    assert set(marks) == {"first-paint", "store-ready"}, out.stdout
    probe = " ".join(line for line in out.stdout.splitlines() if line.startswith("probe "))
    for expected in (
        "frozen=yes",
        "platform=offscreen",
        "translations=yes",
        "fonts=1 chinese=yes",
        "icon=yes samples=2 guide=yes",
        "qtpdf=yes pages=",
    ):
        assert expected in probe, probe
    assert "refcount-guard=missing" not in probe, probe  # ui/refcount_guard.py is active on Python < 3.12
    if os.environ[FROZEN_ENV] == "build" and sys.version_info < (3, 12):  # built by this very Python
        assert "refcount-guard=applied" in probe, probe
    log = Path(re.search(r"probe log=(\S+)", probe).group(1))
    assert "WARNING disclosure_desk.qt: [default] start-up probe" in log.read_text(encoding="utf-8")
    print(
        f"\nfrozen app: first paint {marks['first-paint'] - started:.3f} s, "
        f"store ready {marks['store-ready'] - started:.3f} s after the process was started"
    )


def test_bundle_is_complete(frozen):
    assert bundled(frozen, "PySide6", "Qt", "translations", "qtbase_zh_CN.qm").is_file()
    plugins = bundled(frozen, "PySide6", "Qt", "plugins")
    assert any((plugins / "imageformats").glob("*qpdf*")), "QtPdf's image plugin"
    assert any((plugins / "platforms").glob("*offscreen*")) and (
        any((plugins / "platforms").glob("*xcb*")) or any((plugins / "platforms").glob("*windows*"))
    )
    for name in (
        "FandolFang-GB2312.ttf",
        "FandolHei-GB2312.ttf",
        "FandolKai-GB2312.ttf",
        "FandolSongBold-GB2312.ttf",
        "LiberationSerif-Regular.ttf",
        "WenQuanYiZenHei-NoHangul.ttf",
        "FreeSans-Symbols.ttf",
    ):
        assert bundled(frozen, "resources", "fonts", name).is_file(), name
    assert bundled(frozen, "resources", "fonts", "licenses", "Fandol-GPL-3-with-font-exception.txt").is_file()
    assert bundled(frozen, "docs", "guide.md").is_file() and bundled(frozen, "LICENSE").is_file()
    leftovers = [p.name for p in frozen.rglob("*") if p.is_symlink() and not p.exists()]
    assert not leftovers, f"dangling links: {leftovers}"


def test_the_frozen_cli_works_on_a_server_store(frozen, env, pg_server, tmp_path):
    """psycopg (and its libpq), SQLAlchemy's psycopg dialect and keyring are imported by name: in the build?"""
    sample = str(bundled(frozen, "resources", "samples", "qinghe-tongjiju-2025.json"))
    store = ["--store", pg_server.url("zhang")]
    imported = run(frozen, f"{NAME}-cli", *store, "import", sample, env=env)
    assert imported.returncode == 0 and "已导入为新草稿" in imported.stdout, imported.stderr
    listed = run(frozen, f"{NAME}-cli", *store, "list", env=env)
    assert listed.returncode == 0 and "青禾县统计局" in listed.stdout, listed.stderr
    # no password in the URL: the keyring (none here) is asked, then the login is refused clearly, no traceback
    refused = run(frozen, f"{NAME}-cli", "--store", pg_server.url("zhang", with_password=False), "list", env=env)
    assert refused.returncode == 2 and "密码" in refused.stderr and "Traceback" not in refused.stderr
