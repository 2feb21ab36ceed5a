"""The parsed-font cache (pdf/fontcache.py): the same PDF from a cached face as from a parsed one, a
changed font file parsed again, a damaged entry rebuilt, an unwritable cache folder only slower."""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from disclosure_desk import paths
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf import fontcache, fonts
from disclosure_desk.pdf.export import export_pdf
from tests.conftest import REPO, SAMPLE_2021_JSON
from tests.pdf.conftest import render

SMALL_FONT = REPO / "resources" / "fonts" / "LiberationSerif-Regular.ttf"  # 0.4 MB: parsed in a few ms


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The font files ReportLab parses (rather than the cache restoring them), in order."""
    seen: list[str] = []
    parse = fontcache.parse

    def counted(name: str, path: Path, index: int = 0):
        seen.append(Path(path).name)
        return parse(name, path, index)

    monkeypatch.setattr(fontcache, "parse", counted)
    return seen


@pytest.fixture
def new_process_fonts(monkeypatch) -> None:
    """Fonts loaded as a new process loads them: none registered with ReportLab or remembered yet (all
    put back afterwards)."""
    monkeypatch.setattr(fonts, "_loaded", {})
    monkeypatch.setattr(pdfmetrics, "_fonts", dict(pdfmetrics._fonts))
    monkeypatch.setattr(pdfmetrics, "_dynFaceNames", dict(pdfmetrics._dynFaceNames))


def _render_2021() -> bytes:
    return render(read_report_file(SAMPLE_2021_JSON)).data


def test_a_cached_face_prints_the_same_pdf_as_a_parsed_one(cache, parses, monkeypatch, new_process_fonts):
    cold = _render_2021()
    assert parses, "a cold cache parses the faces"
    entries = sorted(p.name for p in (cache / "fonts").iterdir())
    assert len(entries) == len(parses)  # one entry per face parsed: the faces the report needs

    monkeypatch.setattr(fonts, "_loaded", {})  # a second run
    parses.clear()
    warm = _render_2021()
    assert parses == []  # every face came from the cache
    assert warm == cold


def test_only_the_faces_a_report_needs_are_loaded(cache, parses, new_process_fonts):
    _render_2021()
    assert "WenQuanYiZenHei-NoHangul.ttf" not in parses  # the 10 MB fallback: the sample needs none of it
    assert "FreeSans-Symbols.ttf" not in parses


def test_a_restored_font_is_the_parsed_one_attribute_by_attribute(cache):
    """What fontcache relies on in ReportLab's private classes (reportlab pinned in constraints.txt):
    a new ReportLab that keeps something else, or in another way, fails here."""
    parsed = fontcache.parse("F1", SMALL_FONT)
    fontcache.cached_ttfont("F2", SMALL_FONT)  # stores
    restored = fontcache.cached_ttfont("F1", SMALL_FONT)
    assert type(restored) is type(parsed) and type(restored.face) is type(parsed.face)
    assert _comparable(vars(restored)) == _comparable(vars(parsed))
    assert _comparable(vars(restored.face)) == _comparable(vars(parsed.face))
    assert restored.face._ttf_data == parsed.face._ttf_data
    assert [restored.face._pdfScale(x) for x in (0, 1, 700, 2048)] == [
        parsed.face._pdfScale(x) for x in (0, 1, 700, 2048)
    ]
    assert restored.shapable == parsed.shapable and type(restored.encoding) is type(parsed.encoding)
    assert restored.stringWidth("Times 2025", 16) == parsed.stringWidth("Times 2025", 16)


def _comparable(attributes: dict) -> dict:
    skip = {"face", "state", "encoding", "_ttf_data", "_pdfScale"}  # compared above, by behaviour
    skip |= fontcache.FACE_NOT_KEPT  # not restored: see the next test
    return {k: v for k, v in attributes.items() if k not in skip}


def test_the_inverted_cmap_is_not_stored_and_rebuilt_when_read(cache):
    """``glyphToChar`` is left out of an entry (a third of its objects). ReportLab (pinned) reads it after the
    parse only when HarfBuzz shapes (``shapeFragWord``) and adds to it (``__addPrivate``): the restored one
    gives what the parsed one gives, and keeps what was added. A ReportLab that uses it elsewhere fails."""
    import inspect

    from reportlab.pdfbase import ttfonts

    source = inspect.getsource(ttfonts)
    outside_parse = source.count("glyphToChar") - inspect.getsource(ttfonts.TTFontFile.extractInfo).count("glyphToChar")
    assert outside_parse == 2
    assert "uchar = ttf.face.glyphToChar[gid][0]" in source
    assert "face.glyphToChar.setdefault(gid,[]).append(uchar)" in source

    parsed = fontcache.parse("F1", SMALL_FONT)
    fontcache.cached_ttfont("F2", SMALL_FONT)  # stores
    restored = fontcache.cached_ttfont("F1", SMALL_FONT)
    restored.face.glyphToChar.setdefault(7777, []).append(0xE000)  # a private glyph added before any read
    for char in (ord("A"), ord("2"), 0x20):
        gid = parsed.face.charToGlyph[char]
        assert restored.face.glyphToChar[gid][0] == parsed.face.glyphToChar[gid][0]
    assert restored.face.glyphToChar[7777] == [0xE000]
    with pytest.raises(KeyError):
        restored.face.glyphToChar[10**6]


def _copy_font(tmp_path: Path) -> Path:
    font = tmp_path / "fonts" / "Copy.ttf"
    font.parent.mkdir()
    shutil.copyfile(SMALL_FONT, font)
    return font


def test_a_changed_font_file_is_parsed_again(cache, parses, tmp_path):
    font = _copy_font(tmp_path)
    fontcache.cached_ttfont("A", font)
    fontcache.cached_ttfont("A", font)
    assert parses == ["Copy.ttf"]  # parsed once, then restored

    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # same size, another time
    fontcache.cached_ttfont("A", font)
    assert parses == ["Copy.ttf"] * 2

    with font.open("ab") as f:  # another size (a TrueType file may have bytes after its tables)
        f.write(b"\0" * 4)
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # and the time before
    restored = fontcache.cached_ttfont("A", font)
    assert parses == ["Copy.ttf"] * 3
    assert restored.face._ttf_data == font.read_bytes()

    fontcache.cached_ttfont("A", font)
    assert parses == ["Copy.ttf"] * 3  # the rewritten entry serves again


def test_a_new_reportlab_makes_the_entries_stale(cache, parses, monkeypatch):
    fontcache.cached_ttfont("A", SMALL_FONT)
    monkeypatch.setattr(fontcache, "REPORTLAB_VERSION", "99.0.0")
    fontcache.cached_ttfont("A", SMALL_FONT)
    assert parses == [SMALL_FONT.name] * 2


class _Planted:
    """What a foreign entry would make run while it is read: here, make a folder."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __reduce__(self):
        return (os.mkdir, (str(self.folder),))


DAMAGED = {
    "garbage": lambda good, tmp: b"not a pickle at all",
    "empty": lambda good, tmp: b"",
    "truncated": lambda good, tmp: good[: len(good) // 2],
    "a foreign class": lambda good, tmp: pickle.dumps(_Planted(tmp / "planted")),
    "another shape": lambda good, tmp: pickle.dumps({"fonts": 1}),
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_entry_is_parsed_again_and_rewritten(cache, parses, damage, caplog, tmp_path):
    fontcache.cached_ttfont("A", SMALL_FONT)
    entry = fontcache.entry_path(SMALL_FONT, 0)
    assert entry is not None and entry.is_file()
    entry.write_bytes(DAMAGED[damage](entry.read_bytes(), tmp_path))

    with caplog.at_level(logging.INFO, logger=fontcache.__name__):
        font = fontcache.cached_ttfont("A", SMALL_FONT)
    assert parses == [SMALL_FONT.name] * 2
    assert font.face.charToGlyph == TTFont("B", str(SMALL_FONT)).face.charToGlyph
    assert not (tmp_path / "planted").exists()  # nothing in an entry runs
    if damage in ("garbage", "truncated", "a foreign class"):
        assert "unreadable" in caplog.text

    fontcache.cached_ttfont("A", SMALL_FONT)
    assert parses == [SMALL_FONT.name] * 2  # rewritten: restored again


def test_an_export_works_after_an_entry_is_damaged(cache, new_process_fonts, tmp_path):
    first = _render_2021()
    for entry in (cache / "fonts").iterdir():
        entry.write_bytes(entry.read_bytes()[:100])
    fonts._loaded.clear()
    assert _render_2021() == first


def test_an_unwritable_cache_folder_costs_only_time(tmp_path, monkeypatch, new_process_fonts, caplog):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_bytes(b"")
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(blocker))  # <file>/fonts cannot be made

    with caplog.at_level(logging.INFO, logger=fontcache.__name__):
        result = export_pdf(read_report_file(SAMPLE_2021_JSON), tmp_path / "r.pdf", invariant=True)
    assert result.pages > 0 and (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    assert "not written" in caplog.text
    assert blocker.read_bytes() == b""


def test_no_cache_folder_at_all_costs_only_time(tmp_path, monkeypatch, parses):
    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(paths, "cache_dir", nowhere)
    fontcache.cached_ttfont("A", SMALL_FONT)
    fontcache.cached_ttfont("A", SMALL_FONT)
    assert parses == [SMALL_FONT.name] * 2


def test_the_cache_folder_is_per_user_and_can_be_set(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "c"))
    assert paths.cache_dir() == (tmp_path / "c").resolve()

    monkeypatch.delenv(paths.CACHE_DIR_ENV)
    default = paths.cache_dir()
    assert "DisclosureDesk" in default.parts
    assert REPO not in default.parents  # never beside the program

    # a frozen build (PyInstaller) keeps its fonts in its own folder, the cache still in the user's
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "app"), raising=False)
    assert paths.cache_dir() == default
