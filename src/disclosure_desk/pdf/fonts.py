"""Fonts: the official 公文 fonts when the PC has them, the bundled ones otherwise.

Each style names a *role* (仿宋, 黑体, 楷体, 小标宋, 宋体). A role's font is the first official font
found in the system font folders, else the bundled font for that role. A character that font lacks
is taken from the next font of the role's fallback chain (the bundled fonts, then any other official
font found); a character no font has is reported and printed as a box (``typeset``).

``DISCLOSURE_DESK_BUNDLED_FONTS_ONLY=1`` (or ``bundled_only=True``) ignores installed fonts, so that
tests produce the same bytes on every machine.
"""

from __future__ import annotations

import logging
import os
import struct
import sys
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from .. import paths
from ..errors import UserFacingError
from . import styles as st

log = logging.getLogger(__name__)

BUNDLED_ONLY_ENV = "DISCLOSURE_DESK_BUNDLED_FONTS_ONLY"


class FontsMissingError(UserFacingError):
    """The bundled fonts are missing or damaged: the installation is broken."""

    exit_code = 4


@dataclass(frozen=True)
class FontFile:
    label: str  # the font's common name, e.g. 仿宋_GB2312 or AR PL UMing CN
    path: Path
    index: int = 0  # face in a .ttc collection
    bundled: bool = False

    @property
    def key(self) -> str:
        """The name the font is registered under in ReportLab (unique per file and face)."""
        where = zlib.crc32(str(self.path).encode("utf-8", "surrogatepass"))
        return f"DD-{self.path.stem}-{self.index}-{where:08x}"

    def describe(self) -> str:
        origin = "随程序提供" if self.bundled else "本机字体"
        return f"{self.label}（{self.path.name}，{origin}）"


# role -> (common name, file names) in order of preference; names are matched case-insensitively
OFFICIAL_FONTS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    st.FANGSONG: (
        ("仿宋_GB2312", ("仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "FS_GB2312.ttf", "SIMFANG_GB2312.ttf")),
        ("仿宋", ("simfang.ttf", "FangSong.ttf")),
    ),
    st.KAITI: (
        ("楷体_GB2312", ("楷体_GB2312.ttf", "KaiTi_GB2312.ttf", "KAI_GB2312.ttf", "SIMKAI_GB2312.ttf")),
        ("楷体", ("simkai.ttf", "KaiTi.ttf")),
    ),
    st.HEITI: (("黑体", ("simhei.ttf", "SimHei.ttf")),),
    st.XIAOBIAOSONG: (
        ("方正小标宋简体", ("方正小标宋简体.ttf", "FZXBSJW.ttf", "FZXBSJW--GB1-0.ttf", "FZXiaoBiaoSong-B05S.ttf")),
        ("方正小标宋_GBK", ("方正小标宋_GBK.ttf", "FZXBSK.ttf", "FZXiaoBiaoSong-B05.ttf")),
    ),
    st.SONG: (
        ("宋体", ("simsun.ttc", "simsun.ttf", "SimSun.ttf")),
        ("宋体-ExtB", ("simsunb.ttf", "SimSun-ExtB.ttf")),  # only a fallback for rare characters
    ),
}

BUNDLED_FONTS = {
    "uming": ("AR PL UMing CN", "ARPLUMingCN-GB2312.ttf"),
    "ukai": ("AR PL UKai CN", "ARPLUKaiCN-GB2312.ttf"),
    "zenhei": ("WenQuanYi Zen Hei", "WenQuanYiZenHei-NoHangul.ttf"),
}
BUNDLED_FOR_ROLE = {
    st.FANGSONG: "uming",  # a Ming/Song face stands in for 仿宋
    st.SONG: "uming",
    st.XIAOBIAOSONG: "uming",  # drawn with an outline stroke (styles.TITLE_FALLBACK_STROKE)
    st.KAITI: "ukai",
    st.HEITI: "zenhei",
}
# after the role's own fonts: WenQuanYi Zen Hei first, it has by far the most characters
FALLBACK_ORDER = ("zenhei", "uming", "ukai")


def system_font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:  # fonts installed "for this user only" (Windows 10 1809 onward)
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts")]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts"]


_found_cache: dict[tuple[Path, ...], dict[str, list[FontFile]]] = {}


def find_official_fonts(dirs: list[Path] | None = None) -> dict[str, list[FontFile]]:
    """role -> official font files present in ``dirs`` (default: the system font folders), best first."""
    key = tuple(dirs if dirs is not None else system_font_dirs())
    if key not in _found_cache:
        wanted = {
            name.lower(): (role, rank, label)
            for role, choices in OFFICIAL_FONTS.items()
            for rank, (label, names) in enumerate(choices)
            for name in names
        }
        hits: dict[str, list[tuple[int, str, FontFile]]] = {}
        for folder in key:
            for path in _walk_fonts(folder):
                match = wanted.get(path.name.lower())
                if match:
                    role, rank, label = match
                    hits.setdefault(role, []).append((rank, str(path), FontFile(label, path)))
        _found_cache[key] = {role: [f for _, _, f in sorted(found)] for role, found in hits.items()}
    return _found_cache[key]


def _walk_fonts(folder: Path, max_depth: int = 4):
    if not folder.is_dir():
        return
    base = len(folder.parts)
    for root, subdirs, files in os.walk(folder, onerror=lambda e: None):
        if len(Path(root).parts) - base >= max_depth:
            subdirs[:] = []
        subdirs.sort()
        for name in sorted(files):
            if name.lower().endswith((".ttf", ".ttc")):
                yield Path(root) / name


def bundled_font(key: str) -> FontFile:
    label, name = BUNDLED_FONTS[key]
    return FontFile(label, paths.fonts_dir() / name, bundled=True)


def bundled_only_from_env() -> bool:
    return os.environ.get(BUNDLED_ONLY_ENV, "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class LoadedFont:
    """A font registered with ReportLab, with what layout needs from it."""

    file: FontFile
    name: str
    cmap: dict[int, int]
    widths: dict[int, float]
    default_width: float
    face: object  # ReportLab's TTFontFace (outline data for ``blanks``)

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap

    def advance(self, ch: str) -> float:
        """Advance width in em."""
        return self.widths.get(ord(ch), self.default_width) / 1000.0

    def blanks(self, ch: str) -> tuple[float, float]:
        """Empty space left and right of the glyph's outline, in em (how far punctuation may be squeezed)."""
        face = self.face
        try:
            glyph = self.cmap[ord(ch)]
            start, end = face.glyphPos[glyph], face.glyphPos[glyph + 1]
            if end <= start:
                return 0.0, 0.0
            data = face._ttf_data
            at = face.table["glyf"]["offset"] + start
            x_min, _, x_max = struct.unpack(">hhh", data[at + 2:at + 8])
            head = face.table["head"]["offset"]
            upem = struct.unpack(">H", data[head + 18:head + 20])[0]
        except (KeyError, IndexError, AttributeError, struct.error):
            return 0.0, 0.0
        advance = self.advance(ch)
        return max(0.0, x_min / upem), max(0.0, advance - x_max / upem)


_loaded: dict[str, LoadedFont | None] = {}
_load_lock = threading.Lock()


def load(font: FontFile) -> LoadedFont | None:
    """Register ``font`` with ReportLab (once per process); None if it cannot be used."""
    with _load_lock:
        if font.key in _loaded:
            return _loaded[font.key]
        try:
            tt = TTFont(font.key, str(font.path), subfontIndex=font.index, asciiReadable=False)
        except (TTFError, OSError, ValueError, KeyError, IndexError) as e:
            if font.bundled:
                raise FontsMissingError(
                    f"随程序提供的字体“{font.path}”缺失或已损坏，请重新安装本程序。", f"bundled font unusable: {e}"
                ) from None
            log.warning("font %s not usable: %s", font.path, e)
            _loaded[font.key] = None
            return None
        pdfmetrics.registerFont(tt)
        face = tt.face
        loaded = LoadedFont(font, font.key, face.charToGlyph, face.charWidths, face.defaultWidth or 1000.0, face)
        _loaded[font.key] = loaded
        return loaded


class FontSet:
    """The fonts of one export: which file serves each role, per-character fallback, what was used."""

    def __init__(self, *, bundled_only: bool | None = None, font_dirs: list[Path] | None = None):
        if bundled_only is None:
            bundled_only = bundled_only_from_env()
        self.official = {} if bundled_only else find_official_fonts(font_dirs)
        self._chains: dict[str, list[FontFile]] = {}
        self._lookup: dict[tuple[str, str], LoadedFont | None] = {}
        self._primary: dict[str, LoadedFont] = {}
        self.used: dict[str, FontFile] = {}  # key -> file, in order of first use

    def chain(self, role: str) -> list[FontFile]:
        """The role's fonts in order of preference: official ones, the bundled one, the fallbacks."""
        if role not in self._chains:
            files = list(self.official.get(role, ()))
            files.append(bundled_font(BUNDLED_FOR_ROLE[role]))
            files += [bundled_font(k) for k in FALLBACK_ORDER]
            files += [f for r in st.ROLES if r != role for f in self.official.get(r, ())]
            self._chains[role] = list({f.key: f for f in files}.values())
        return self._chains[role]

    def primary(self, role: str) -> LoadedFont:
        """The font that sets ``role`` (the first usable one of its chain)."""
        if role in self._primary:
            return self._primary[role]
        for f in self.chain(role):
            loaded = load(f)
            if loaded is not None:
                self._primary[role] = loaded
                return loaded
        raise FontsMissingError("没有可用的字体。", "no usable font")  # pragma: no cover - bundled raise first

    def font_for(self, ch: str, role: str) -> LoadedFont | None:
        """The first font of ``role``'s chain that has ``ch``; None if no font has it."""
        k = (role, ch)
        if k not in self._lookup:
            self._lookup[k] = self._find(ch, role)
        return self._lookup[k]

    def _find(self, ch: str, role: str) -> LoadedFont | None:
        for f in self.chain(role):
            loaded = load(f)
            if loaded is not None and loaded.has(ch):
                return loaded
        return None

    def mark_used(self, font: LoadedFont) -> None:
        self.used.setdefault(font.name, font.file)

    def fonts_used(self) -> list[str]:
        return [f.describe() for f in self.used.values()]
