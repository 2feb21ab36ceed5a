"""ReportLab's parse of a TrueType face, kept in the user's cache folder between runs.

ReportLab parses a font's tables in pure Python whenever a ``TTFont`` is made (FandolFang, 5 MB:
~30 ms; WenQuanYi Zen Hei, 10 MB: ~80 ms), and the 2021 sample prints with five faces. What it keeps
of that parse (names, metrics, cmap, widths, glyph offsets: everything but the file's bytes) is
pickled once per machine and face into ``<cache folder>/fonts/`` (``paths.cache_dir``) and restored
on later runs in a few milliseconds; the file's bytes are read as ReportLab reads them (subsetting
needs them).

An entry names what it was made from: its format, ReportLab's version, the font file's path, face
index, size and modification time. When any of them differs the face is parsed again and the entry
rewritten. An entry that cannot be read (damaged, truncated, written by something else) is treated
the same way, and a cache folder that cannot be written only costs the time (a log line): the cache
never makes an export fail. Entries are written atomically (``fileio.atomic_write_bytes``), and only
ReportLab's name-bytes class may be unpickled from them, so an entry cannot make anything run.

Restoring relies on private details of ``reportlab.pdfbase.ttfonts`` (pinned in constraints.txt;
tests/pdf/test_fontcache.py compares a restored font with a parsed one attribute by attribute): a
``TTFont`` and its ``TTFontFace`` keep their whole state in their attributes. Of the font's, ``state``
(per-document subsets), ``encoding`` and ``_shapable`` are made afresh as ``TTFont.__init__`` makes
them; of the face's, ``_ttf_data`` is the file's bytes and ``_pdfScale`` a function of
``unitsPerEm`` (a lambda cannot be pickled), and ``glyphToChar`` (the cmap inverted) is rebuilt from
``charToGlyph`` if anything reads it.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import zlib
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from .. import paths
from ..errors import CannotWriteError
from ..fileio import atomic_write_bytes

REPORTLAB_VERSION: str = reportlab.Version

log = logging.getLogger(__name__)

FORMAT = 3  # of an entry; a new one makes every entry stale
FONT_MADE_AFRESH = frozenset({"fontName", "face", "state", "encoding", "_shapable"})
FACE_MADE_AFRESH = frozenset({"_ttf_data", "_pdfScale"})
# The cmap inverted: after the parse ReportLab reads it only when HarfBuzz shapes text (``shapeFragWord``;
# uharfbuzz is not among our dependencies). Not stored — ~7,600 lists per CJK face, a third of an entry's
# objects — and rebuilt from ``charToGlyph`` if it is ever read (``_GlyphToChar``).
FACE_NOT_KEPT = frozenset({"glyphToChar"})
_FACE_NOT_STORED = FACE_MADE_AFRESH | FACE_NOT_KEPT
_ALLOWED_CLASSES = {("reportlab.pdfbase.ttfonts", "TTFNameBytes")}

Key = tuple[int, str, str, int, int, int]
Attributes = dict[str, Any]


def cached_ttfont(name: str, path: Path, index: int = 0) -> TTFont:
    """``TTFont(name, path, subfontIndex=index, asciiReadable=False)``, restored from the cache when
    it holds this face of this file; parsed (and stored) otherwise. Raises what ``TTFont`` raises."""
    stat = os.stat(path)
    key: Key = (FORMAT, REPORTLAB_VERSION, str(path), index, stat.st_size, stat.st_mtime_ns)
    entry = entry_path(path, index)
    stored = _read(entry, key) if entry is not None else None
    if stored is not None:
        data = path.read_bytes()
        if len(data) == stat.st_size:  # not replaced since the stat
            return _restore(name, *stored, data)
    font = parse(name, path, index)
    if entry is not None:
        _write(entry, key, font)
    return font


def parse(name: str, path: Path, index: int = 0) -> TTFont:
    """ReportLab's own parse of the face (what the cache spares)."""
    return TTFont(name, str(path), subfontIndex=index, asciiReadable=False)


def entry_path(path: Path, index: int) -> Path | None:
    """Where the entry of face ``index`` of the font file ``path`` is kept (one per file and face);
    None when there is no cache folder (no home folder to put it in)."""
    try:
        folder = paths.cache_dir()
    except (OSError, RuntimeError, KeyError) as e:  # Path.home() / platformdirs without a home
        log.info("no font cache folder (%s): fonts are parsed on every run", e)
        return None
    where = zlib.crc32(str(path).encode("utf-8", "surrogatepass"))
    return folder / "fonts" / f"{path.stem}-{index}-{where:08x}.pickle"


class _Unpickler(pickle.Unpickler):
    """Unpickles ReportLab's font name bytes, and no other class."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not expected in a font cache entry")


def _read(entry: Path, key: Key) -> tuple[Attributes, Attributes] | None:
    """The stored attributes of the font and its face, if ``entry`` holds them for ``key``."""
    try:
        stored = _Unpickler(io.BytesIO(entry.read_bytes())).load()
    except FileNotFoundError:
        return None
    except Exception as e:  # damaged, truncated, foreign: unpickling can raise almost anything; parse again
        log.info("font cache entry %s unreadable (%s: %s): parsing the font again", entry, type(e).__name__, e)
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == key):
        return None  # stale: another format, ReportLab, file, size or time
    _, font_attributes, face_attributes = stored
    if not (isinstance(font_attributes, dict) and isinstance(face_attributes, dict)):
        return None
    return font_attributes, face_attributes


def _restore(name: str, font_attributes: Attributes, face_attributes: Attributes, data: bytes) -> TTFont:
    """The ``TTFont`` that ``TTFont(name, …)`` would make, from its stored attributes."""
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(face_attributes)
    face._ttf_data = data
    face._pdfScale = _pdf_scale(face.unitsPerEm)
    face.glyphToChar = _GlyphToChar(face.charToGlyph)  # FACE_NOT_KEPT
    font = TTFont.__new__(TTFont)
    vars(font).update(font_attributes)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)  # as TTFont.__init__
    return font


class _GlyphToChar(dict[int, list[int]]):
    """``TTFontFace.glyphToChar`` (glyph -> the characters mapped to it), built from ``charToGlyph`` when
    first read; what is added before that (HarfBuzz's private glyphs) is kept."""

    def __init__(self, char_to_glyph: dict[int, int]):
        super().__init__()
        self._char_to_glyph: dict[int, int] | None = char_to_glyph

    def __missing__(self, glyph: int) -> list[int]:
        if self._char_to_glyph is None:
            raise KeyError(glyph)
        added = dict(self)
        self.clear()
        for char, mapped in self._char_to_glyph.items():
            self.setdefault(mapped, []).append(char)
        for mapped, chars in added.items():
            self.setdefault(mapped, []).extend(c for c in chars if c not in self[mapped])
        self._char_to_glyph = None
        return self[glyph]


def _pdf_scale(units_per_em: int) -> Callable[[float], float]:
    """Font units to thousandths of an em, as ReportLab's parser defines ``_pdfScale``."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _write(entry: Path, key: Key, font: TTFont) -> None:
    font_attributes = {k: v for k, v in vars(font).items() if k not in FONT_MADE_AFRESH}
    face_attributes = {k: v for k, v in vars(font.face).items() if k not in _FACE_NOT_STORED}
    try:
        data = pickle.dumps((key, font_attributes, face_attributes), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as e:  # a ReportLab keeping something else
        log.warning("font %s not cached: %s", entry.name, e)
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry, data)
    except (OSError, CannotWriteError) as e:
        log.info("font cache entry %s not written (%s): the font is parsed again next time", entry, e)
