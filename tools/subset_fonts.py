"""Make the bundled fonts in resources/fonts/ from Debian's font packages (run by a developer, not at run time).

Needs fontTools, which is *not* a runtime dependency of Disclosure Desk::

    python -m venv /tmp/fontvenv && /tmp/fontvenv/bin/pip install fonttools
    /tmp/fontvenv/bin/python tools/subset_fonts.py [--force]

A font file that already exists is left alone unless ``--force`` is given (the notice in each file
carries the date it was made, so making it again changes its bytes).

The source packages need not be installed: a package whose files are missing is fetched with
``apt-get download`` and unpacked with ``dpkg-deb -x`` into a cache folder (texlive-lang-chinese,
which holds the Fandol fonts, would pull in most of TeX Live when installed).

What it does (resources/fonts/README.md says why):
- the Fandol fonts (仿宋, 黑体, 楷体, and 宋 Bold for the title) are cut down to the 6,763 hanzi and
  the symbols of GB 2312 plus ASCII, Latin/pinyin, punctuation and CJK symbol blocks, and their CFF
  (PostScript) outlines are converted to TrueType quadratic outlines (fontTools' cu2qu, at most
  2/1000 em away from the original curve) on a grid of 256 units per em: ReportLab embeds TrueType only;
- WenQuanYi Zen Hei (face 0) keeps every character except Hangul (it is the coverage fallback for
  rare characters: the whole CJK Unified Ideographs block and Extension A, and the UI font);
- hinting, bitmaps, OpenType layout and vertical metrics are dropped (ReportLab uses none of them);
  metrics, cmap and the name table (licence) stay as they were;
- a notice of the modification is written into each modified file's name table (the GPL asks for
  "prominent notices stating that you modified it, and giving a relevant date"; the font embedding
  exception is extended to the modified versions);
- Liberation Serif (Regular) is copied unmodified: its licence (SIL OFL 1.1) reserves the name
  "Liberation", which a modified (subset) file could not keep, and the whole files are small.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.scaleUpem import scale_upem

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
LICENSES = OUT / "licenses"
CACHE = Path.home() / ".cache" / "disclosure-desk-font-sources"
CURVE_TOLERANCE = 2.0  # font units (1/1000 em for Fandol): how far a quadratic may stray from the cubic
# The converted fonts are scaled to 256 units per em, as the official Windows fonts (宋体, 仿宋, 黑体, 楷体)
# are: 1/256 em is 0.06 pt at 3号, below a printer's dot, and the smaller coordinates make the fonts
# embedded in a PDF a quarter smaller (TrueType outlines take more bytes than the CFF they come from).
TARGET_UPEM = 256

# Unicode blocks kept in every CJK font (besides the hanzi sets below)
COMMON_RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x024F),  # ASCII, Latin-1, Latin Extended-A/B (pinyin tones)
    (0x0370, 0x03FF),
    (0x0400, 0x045F),  # Greek, Cyrillic (both in GB 2312)
    (0x2000, 0x23FF),  # punctuation, super/subscripts, currency, letterlike, number forms, arrows, maths
    (0x2400, 0x243F),  # control pictures (how control characters are printed)
    (0x2460, 0x27BF),  # enclosed numbers ①, box drawing, shapes, misc symbols, dingbats
    (0x3000, 0x312F),  # CJK symbols and punctuation, kana, bopomofo
    (0x3200, 0x33FF),  # enclosed CJK ㈠, CJK compatibility ㎡
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFF9F),
    (0xFFE0, 0xFFEF),  # full-width forms (without Hangul half-width)
)
HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xFFA0, 0xFFDF))

FANDOL_DIR = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
FANDOL_PKG = "texlive-lang-chinese"
# (Debian package, file in the package, face index, output file, character set)
SUBSETS = (
    (FANDOL_PKG, f"{FANDOL_DIR}/FandolFang-Regular.otf", 0, "FandolFang-GB2312.ttf", "gb2312"),
    (FANDOL_PKG, f"{FANDOL_DIR}/FandolHei-Regular.otf", 0, "FandolHei-GB2312.ttf", "gb2312"),
    (FANDOL_PKG, f"{FANDOL_DIR}/FandolKai-Regular.otf", 0, "FandolKai-GB2312.ttf", "gb2312"),
    (FANDOL_PKG, f"{FANDOL_DIR}/FandolSong-Bold.otf", 0, "FandolSongBold-GB2312.ttf", "gb2312"),
    ("fonts-wqy-zenhei", "usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "WenQuanYiZenHei-NoHangul.ttf", "all"),
    ("fonts-freefont-ttf", "usr/share/fonts/truetype/freefont/FreeSans.ttf", 0, "FreeSans-Symbols.ttf", "symbols"),
)
# FreeSans supplies what the Chinese fonts lack among the symbols: the control pictures (how control
# characters are printed), superscripts, arrows, technical and miscellaneous symbols
SYMBOL_RANGES = ((0x2070, 0x209F), (0x2190, 0x23FF), (0x2400, 0x243F), (0x2600, 0x27BF))
COPIES = (("fonts-liberation2", "usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),)
LICENCE_FILES = (
    (FANDOL_PKG, "usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz", "Fandol-GPL-3-with-font-exception.txt"),
    (FANDOL_PKG, "usr/share/doc/texlive-doc/fonts/fandol/README", "Fandol-README.txt"),
    ("fonts-freefont-ttf", "usr/share/doc/fonts-freefont-ttf/copyright", "FreeFont-debian-copyright.txt"),
    ("fonts-liberation2", "usr/share/doc/fonts-liberation2/copyright", "LiberationSerif-OFL-1.1-debian-copyright.txt"),
)
# bundled before the Fandol fonts
RETIRED = (
    "ARPLUMingCN-GB2312.ttf",
    "ARPLUKaiCN-GB2312.ttf",
    "LiberationSerif-Bold.ttf",
    "licenses/ARPHICPL.TXT",
    "licenses/ARPHICPL-zh_CN.TXT",
    "licenses/AR-PL-UMing-UKai-debian-copyright.txt",
)


def gb2312() -> set[int]:
    chars = set()
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(ord(bytes((b1, b2)).decode("gb2312")))
    return chars


def ranges(spans: tuple[tuple[int, int], ...]) -> set[int]:
    return {cp for lo, hi in spans for cp in range(lo, hi + 1)}


def package_file(package: str, relative: str) -> Path:
    """``relative`` from the installed package, or from the package fetched and unpacked into CACHE."""
    installed = Path("/") / relative
    if installed.is_file():
        return installed
    unpacked = CACHE / package / relative
    if not unpacked.is_file():
        download = CACHE / "debs"
        download.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", package], cwd=download, check=True)
        deb = max(download.glob(f"{package}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(CACHE / package)], check=True)
    return unpacked


def package_version(package: str) -> str:
    for command in (
        ["dpkg-query", "-W", "-f=${Version}", package],
        ["apt-cache", "show", "--no-all-versions", package],
    ):
        try:
            out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
        except OSError:
            continue
        if command[0] == "apt-cache":
            out = next((ln.split(":", 1)[1] for ln in out.splitlines() if ln.startswith("Version:")), "")
        if out.strip():
            return out.strip()
    return "unknown"


def options() -> subset.Options:
    o = subset.Options()
    o.hinting = False
    o.desubroutinize = True
    o.layout_features = []
    o.drop_tables += [
        "EBDT",
        "EBLC",
        "EBSC",
        "BDF ",
        "FFTM",
        "GSUB",
        "GPOS",
        "GDEF",
        "BASE",
        "VORG",
        "vhea",
        "vmtx",
        "gasp",
        "cvt ",
        "fpgm",
        "prep",
    ]
    o.name_IDs = ["*"]
    o.name_languages = ["*"]
    o.name_legacy = True
    o.glyph_names = False
    o.notdef_outline = True
    o.recalc_timestamp = False  # byte-stable output
    return o


def cff_to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by TrueType (quadratic) ones, in place."""
    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise
        glyph_set[name].draw(Cu2QuPen(pen, CURVE_TOLERANCE, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["post"].formatType = 3.0  # no glyph names
    font.sfntVersion = "\x00\x01\x00\x00"
    scale_upem(font, TARGET_UPEM)


def add_notice(font: TTFont, package: str, version: str, charset: str, converted: bool) -> None:
    when = dt.date.today().isoformat()
    kept = {
        "gb2312": "GB 2312 and common symbols",
        "all": "all characters except Hangul",
        "symbols": "control pictures, arrows and symbols",
    }[charset]
    notice = (
        f"Modified for Disclosure Desk on {when} by tools/subset_fonts.py: subset of the Debian package "
        f"{package} {version} to {kept}; hinting, bitmaps, OpenType layout and vertical metrics removed"
        + (
            "; PostScript (CFF) outlines converted to TrueType outlines. "
            if converted
            else ". Outlines and metrics are unchanged. "
        )
        + "The font embedding exception of the original licence is extended to this version."
    )
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID == 5:
            name.setName(
                f"{rec.toUnicode().strip()}; Disclosure Desk subset {when}",
                5,
                rec.platformID,
                rec.platEncID,
                rec.langID,
            )
    name.setName(notice, 10, 3, 1, 0x409)
    name.setName(notice, 10, 1, 0, 0)


def make_subset(package: str, relative: str, index: int, out_name: str, charset: str) -> Path:
    source = package_file(package, relative)
    font = TTCollection(source).fonts[index] if source.suffix == ".ttc" else TTFont(source)
    cmap = font.getBestCmap()
    if charset == "symbols":
        wanted = ranges(SYMBOL_RANGES)
    else:
        wanted = ranges(COMMON_RANGES) | (gb2312() if charset == "gb2312" else set(cmap) - ranges(HANGUL))
    sub = subset.Subsetter(options())
    sub.populate(unicodes=wanted & set(cmap))
    sub.subset(font)
    converted = "CFF " in font
    if converted:
        cff_to_truetype(font)
    add_notice(font, package, package_version(package), charset, converted)
    target = OUT / out_name
    font.save(target)
    return target


def report(target: Path, origin: str) -> None:
    font = TTFont(target, lazy=True)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()[:16]
    print(
        f"{target.name}: {len(font.getBestCmap())} characters, {target.stat().st_size / 1e6:.2f} MB, "
        f"from {origin}, sha256 {digest}…"
    )


def copy_licences() -> None:
    import gzip

    LICENSES.mkdir(parents=True, exist_ok=True)
    for package, relative, out_name in LICENCE_FILES:
        source = package_file(package, relative)
        data = gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes()
        (LICENSES / out_name).write_bytes(data)


def main() -> int:
    force = "--force" in sys.argv[1:]
    OUT.mkdir(parents=True, exist_ok=True)
    for package, relative, index, out_name, charset in SUBSETS:
        target = OUT / out_name
        if force or not target.is_file():
            target = make_subset(package, relative, index, out_name, charset)
        report(target, f"{package} {package_version(package)}")
    for package, relative in COPIES:
        target = OUT / Path(relative).name
        shutil.copyfile(package_file(package, relative), target)
        report(target, f"{package} {package_version(package)} (unmodified)")
    copy_licences()
    for name in RETIRED:
        (OUT / name).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
