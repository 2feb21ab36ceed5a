"""Fonts: the official 公文 fonts when the PC has them, the bundled ones otherwise.

Each style names a *role* (仿宋, 黑体, 楷体, 小标宋, 宋体). A role's font is the first official font
found in the system font folders, else the bundled font for that role. A character that font lacks
is taken from the next font of the role's fallback chain (the bundled fonts, then any other official
font found); a character no font has is reported and printed as a box (``typeset``).

``DISCLOSURE_DESK_BUNDLED_FONTS_ONLY=1`` (or ``bundled_only=True``) ignores installed fonts, so that
tests produce the same bytes on every machine.
"""

from __future__ import annotations

import functools
import logging
import os
import struct
import sys
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from .. import paths
from ..errors import UserFacingError
from ..records import record
from . import styles as st
from .fontcache import cached_ttfont

log = logging.getLogger(__name__)

BUNDLED_ONLY_ENV = "DISCLOSURE_DESK_BUNDLED_FONTS_ONLY"


class FontsMissingError(UserFacingError):
    """The bundled fonts are missing or damaged: the installation is broken."""

    exit_code = 4


@record
class FontFile:
    label: str  # the font's common name, e.g. 仿宋_GB2312 or FandolFang
    path: Path
    index: int = 0  # face in a .ttc collection
    bundled: bool = False

    @functools.cached_property
    def key(self) -> str:
        """The name the font is registered under in ReportLab (unique per file and face)."""
        where = zlib.crc32(str(self.path).encode("utf-8", "surrogatepass"))
        return f"DD-{self.path.stem}-{self.index}-{where:08x}"

    def describe(self) -> str:
        origin = "随程序提供" if self.bundled else "本机字体"
        return f"{self.label}（{self.path.name}，{origin}）"


# role -> (common name, file names) in order of preference; names are matched case-insensitively.
# Windows names first, then the CESI fonts of the Chinese Linux desktops (UOS, Kylin: /usr/share/fonts/fonts-cesi).
OFFICIAL_FONTS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    st.FANGSONG: (
        ("仿宋_GB2312", ("仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "FS_GB2312.ttf", "SIMFANG_GB2312.ttf")),
        ("CESI仿宋-GB2312", ("CESI_FS_GB2312.TTF",)),
        ("仿宋", ("simfang.ttf", "FangSong.ttf")),
        ("CESI仿宋-GB18030", ("CESI_FS_GB18030.TTF", "CESI_FS_GB13000.TTF")),
    ),
    st.KAITI: (
        ("楷体_GB2312", ("楷体_GB2312.ttf", "KaiTi_GB2312.ttf", "KAI_GB2312.ttf", "SIMKAI_GB2312.ttf")),
        ("CESI楷体-GB2312", ("CESI_KT_GB2312.TTF",)),
        ("楷体", ("simkai.ttf", "KaiTi.ttf")),
        ("CESI楷体-GB18030", ("CESI_KT_GB18030.TTF", "CESI_KT_GB13000.TTF")),
    ),
    st.HEITI: (
        ("黑体", ("simhei.ttf", "SimHei.ttf")),
        ("CESI黑体", ("CESI_HT_GB2312.TTF", "CESI_HT_GB18030.TTF", "CESI_HT_GB13000.TTF")),
    ),
    st.XIAOBIAOSONG: (
        ("方正小标宋简体", ("方正小标宋简体.ttf", "FZXBSJW.ttf", "FZXBSJW--GB1-0.ttf", "FZXiaoBiaoSong-B05S.ttf")),
        ("方正小标宋_GBK", ("方正小标宋_GBK.ttf", "FZXBSK.ttf", "FZXiaoBiaoSong-B05.ttf")),
        ("CESI小标宋", ("CESI_XBS_GB2312.TTF", "CESI_XBS_GB18030.TTF", "CESI_XBS_GB13000.TTF")),
    ),
    st.SONG: (
        ("宋体", ("simsun.ttc", "simsun.ttf", "SimSun.ttf")),
        ("CESI宋体", ("CESI_SS_GB2312.TTF", "CESI_SS_GB18030.TTF", "CESI_SS_GB13000.TTF")),
        ("宋体-ExtB", ("simsunb.ttf", "SimSun-ExtB.ttf")),  # only a fallback for rare characters
    ),
    st.LATIN: (("Times New Roman", ("times.ttf", "Times New Roman.ttf", "TimesNewRoman.ttf")),),
}
# fontconfig family names (``fc-list``) of the same fonts, for files with other names (Linux desktops)
FONTCONFIG_FAMILIES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    st.FANGSONG: (
        ("仿宋_GB2312", ("仿宋_GB2312", "FangSong_GB2312")),
        ("CESI仿宋-GB2312", ("CESI仿宋-GB2312",)),
        ("仿宋", ("仿宋", "FangSong")),
        ("CESI仿宋-GB18030", ("CESI仿宋-GB18030", "CESI仿宋-GB13000")),
    ),
    st.KAITI: (
        ("楷体_GB2312", ("楷体_GB2312", "KaiTi_GB2312")),
        ("CESI楷体-GB2312", ("CESI楷体-GB2312",)),
        ("楷体", ("楷体", "KaiTi")),
        ("CESI楷体-GB18030", ("CESI楷体-GB18030", "CESI楷体-GB13000")),
    ),
    st.HEITI: (("黑体", ("黑体", "SimHei")), ("CESI黑体", ("CESI黑体-GB2312", "CESI黑体-GB18030", "CESI黑体-GB13000"))),
    st.XIAOBIAOSONG: (
        ("方正小标宋简体", ("方正小标宋简体", "FZXiaoBiaoSong-B05S")),
        ("方正小标宋_GBK", ("方正小标宋_GBK", "FZXiaoBiaoSong-B05")),
        ("CESI小标宋", ("CESI小标宋-GB2312", "CESI小标宋-GB18030", "CESI小标宋-GB13000")),
    ),
    st.SONG: (("宋体", ("宋体", "SimSun")), ("CESI宋体", ("CESI宋体-GB2312", "CESI宋体-GB18030", "CESI宋体-GB13000"))),
    st.LATIN: (("Times New Roman", ("Times New Roman",)),),
}

BUNDLED_FONTS = {
    "fang": ("FandolFang", "FandolFang-GB2312.ttf"),
    "hei": ("FandolHei", "FandolHei-GB2312.ttf"),
    "kai": ("FandolKai", "FandolKai-GB2312.ttf"),
    "songbold": ("FandolSong Bold", "FandolSongBold-GB2312.ttf"),
    "zenhei": ("WenQuanYi Zen Hei", "WenQuanYiZenHei-NoHangul.ttf"),
    "serif": ("Liberation Serif", "LiberationSerif-Regular.ttf"),
    "symbols": ("GNU FreeSans", "FreeSans-Symbols.ttf"),  # control pictures, arrows, symbols
}
BUNDLED_FOR_ROLE = {
    st.FANGSONG: "fang",
    st.SONG: "fang",  # page numbers only: their dashes (the digits are Latin); a 宋体 file for that is not worth 4 MB
    st.XIAOBIAOSONG: "songbold",  # a bold 宋 is the closest free face to 小标宋
    st.KAITI: "kai",
    st.HEITI: "hei",
    st.LATIN: "serif",  # metric-compatible with Times New Roman: the same line breaks with either
}
# after the role's own fonts: WenQuanYi Zen Hei first, it has by far the most characters; the Latin
# face last (Latin letters outside the Latin ranges, Greek, Cyrillic, combining marks)
FALLBACK_ORDER = ("zenhei", "fang", "hei", "kai", "songbold", "symbols", "serif")
ROLE_NAMES = {
    st.FANGSONG: "仿宋（正文、表格）",
    st.HEITI: "黑体（一级标题、表头）",
    st.KAITI: "楷体（二级标题）",
    st.XIAOBIAOSONG: "小标宋（标题）",
    st.SONG: "宋体（页码）",
    st.LATIN: "西文和数字",
}
FALLBACK_NAME = "补字（所选字体缺少的字）"


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
    # /usr/share/fonts holds UOS's and Kylin's fonts-cesi and the fonts WPS Office installs
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts"]


_found_cache: dict[tuple[Path, ...], dict[str, list[FontFile]]] = {}


def find_official_fonts(dirs: list[Path] | None = None) -> dict[str, list[FontFile]]:
    """role -> official font files present in ``dirs`` (default: the system font folders and, on Linux,
    the fonts fontconfig knows by their family names), best first."""
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
        if dirs is None and sys.platform.startswith("linux"):
            for role, rank, font in match_fontconfig(_fc_list()):
                hits.setdefault(role, []).append((rank, str(font.path), font))
        _found_cache[key] = {
            role: _unique(f for _, _, f in sorted(found, key=lambda hit: hit[:2])) for role, found in hits.items()
        }
    return _found_cache[key]


def _unique(files: Iterable[FontFile]) -> list[FontFile]:
    return list({(f.path, f.index): f for f in files}.values())


def _fc_list() -> list[str]:
    """``file<TAB>index<TAB>families<TAB>styles`` of every font fontconfig knows; [] without fontconfig."""
    import subprocess  # here: only Linux asks fontconfig, and only when the PC's fonts are looked for

    try:
        out = subprocess.run(
            ["fc-list", "--format", "%{file}\t%{index}\t%{family}\t%{style}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return out.stdout.splitlines()


def match_fontconfig(lines: list[str]) -> list[tuple[str, int, FontFile]]:
    """(role, rank, font) for the lines of ``fc-list`` naming an official font (its regular face)."""
    wanted = {
        family.lower(): [
            (role, rank, label)
            for role, choices in FONTCONFIG_FAMILIES.items()
            for rank, (label, families) in enumerate(choices)
            if family in families
        ]
        for choices in FONTCONFIG_FAMILIES.values()
        for _, families in choices
        for family in families
    }
    out = []
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 4 or not parts[1].isdigit():
            continue
        path, index, families, styles = Path(parts[0]), int(parts[1]), parts[2].split(","), parts[3].lower()
        if path.suffix.lower() not in (".ttf", ".ttc"):
            continue
        if any(word in styles for word in ("bold", "italic", "oblique", "粗", "斜")):
            continue
        for family in families:
            for role, rank, label in wanted.get(family.strip().lower(), ()):
                out.append((role, rank, FontFile(label, path, index)))
    return out


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


@record
class LoadedFont:
    """A font registered with ReportLab, with what layout needs from it."""

    file: FontFile
    name: str
    cmap: dict[int, int]
    widths: dict[int, float]
    default_width: float
    face: Any  # ReportLab's TTFontFace: its private outline data is read by ``blanks`` (reportlab pinned)

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
            x_min, _, x_max = struct.unpack(">hhh", data[at + 2 : at + 8])
            head = face.table["head"]["offset"]
            upem = struct.unpack(">H", data[head + 18 : head + 20])[0]
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
            tt = cached_ttfont(font.key, font.path, font.index)
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
        self.used: dict[str, FontFile] = {}  # role -> the face that served it, in order of first use
        self.fallback_used: dict[str, FontFile] = {}  # key -> a face used for characters a role's face lacks

    def chain(self, role: str) -> list[FontFile]:
        """The role's fonts in order of preference: official ones, the bundled one, the fallbacks.

        A Latin role falls back to the Chinese chain of 仿宋 (whose fonts have Latin letters too)."""
        if role not in self._chains:
            files = list(self.official.get(role, ()))
            files.append(bundled_font(BUNDLED_FOR_ROLE[role]))
            if role == st.LATIN:
                files += self.chain(st.FANGSONG)
            else:
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

    def mark_used(self, font: LoadedFont, role: str) -> None:
        """``font`` printed a character of ``role``: as the role's face, or as a fallback."""
        if font is self.primary(role):
            self.used.setdefault(role, font.file)
        else:
            self.fallback_used.setdefault(font.name, font.file)

    def fonts_used(self) -> list[str]:
        """``仿宋（正文、表格）：FandolFang（FandolFang-GB2312.ttf，随程序提供）`` per role, then the fallbacks."""
        out = [f"{ROLE_NAMES[role]}：{f.describe()}" for role, f in self.used.items()]
        served = {f.key for f in self.used.values()}
        extra = [f.describe() for f in self.fallback_used.values() if f.key not in served]
        if extra:
            out.append(f"{FALLBACK_NAME}：" + "、".join(extra))
        return out

    def faces_by_role(self) -> dict[str, str]:
        """role -> the common name of the face that served it (``仿宋_GB2312``, ``FandolFang`` …)."""
        return {role: f.label for role, f in self.used.items()}
