"""Make the bundled fonts in resources/fonts/ from the Debian font packages (run once by a developer).

Needs fontTools, which is *not* a runtime dependency of Disclosure Desk::

    python -m venv /tmp/fontvenv && /tmp/fontvenv/bin/pip install fonttools
    apt-get install fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
    /tmp/fontvenv/bin/python tools/subset_fonts.py

What it does (resources/fonts/README.md says why):
- AR PL UMing CN and AR PL UKai CN (face 0 of the .ttc collections) are cut down to the 6,763
  hanzi and the symbols of GB 2312 plus ASCII, Latin/pinyin, punctuation and CJK symbol blocks;
- WenQuanYi Zen Hei (face 0) keeps every character except Hangul (it is the coverage fallback for
  rare characters: the whole CJK Unified Ideographs block and Extension A);
- hinting, bitmaps (EBDT/EBLC/BDF), OpenType layout and vertical metrics are dropped (ReportLab
  uses none of them); outlines, metrics, cmap and the name table (licence) stay as they were;
- a notice of the modification is written into each file's name table (the Arphic Public
  License asks for "a prominent notice in each modified file stating how and when you changed
  that file"; for WenQuanYi Zen Hei the font embedding exception is extended to the subset).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"

# Unicode blocks kept in every bundled font (besides the hanzi sets below)
COMMON_RANGES = (
    (0x0020, 0x007E), (0x00A0, 0x024F),  # ASCII, Latin-1, Latin Extended-A/B (pinyin tones)
    (0x0370, 0x03FF), (0x0400, 0x045F),  # Greek, Cyrillic (both in GB 2312)
    (0x2000, 0x23FF),  # punctuation, super/subscripts, currency, letterlike, number forms, arrows, maths
    (0x2400, 0x243F),  # control pictures (how control characters are printed)
    (0x2460, 0x27BF),  # enclosed numbers ①, box drawing, shapes, misc symbols, dingbats
    (0x3000, 0x312F),  # CJK symbols and punctuation, kana, bopomofo
    (0x3200, 0x33FF),  # enclosed CJK ㈠, CJK compatibility ㎡
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFF9F), (0xFFE0, 0xFFEF),  # full-width forms (without Hangul half-width)
)
HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xFFA0, 0xFFDF))


def gb2312() -> set[int]:
    chars = set()
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((b1, b2)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def ranges(spans) -> set[int]:
    return {cp for lo, hi in spans for cp in range(lo, hi + 1)}


def everything_but_hangul(cmap: dict[int, str]) -> set[int]:
    hangul = ranges(HANGUL)
    return {cp for cp in cmap if cp not in hangul}


FONTS = (
    # (source file, face index, Debian package, output file, character set)
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, "fonts-arphic-uming", "ARPLUMingCN-GB2312.ttf", "gb2312"),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0, "fonts-arphic-ukai", "ARPLUKaiCN-GB2312.ttf", "gb2312"),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "fonts-wqy-zenhei", "WenQuanYiZenHei-NoHangul.ttf", "all"),
)


def package_version(package: str) -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=False)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def options() -> subset.Options:
    o = subset.Options()
    o.hinting = False
    o.layout_features = []
    o.drop_tables += ["EBDT", "EBLC", "EBSC", "BDF ", "FFTM", "GSUB", "GPOS", "GDEF", "VORG", "vhea", "vmtx",
                      "gasp", "cvt ", "fpgm", "prep"]
    o.name_IDs = ["*"]
    o.name_languages = ["*"]
    o.name_legacy = True
    o.glyph_names = False
    o.notdef_outline = True
    o.recalc_timestamp = False  # byte-stable output
    return o


def add_notice(font, package: str, version: str, charset: str) -> None:
    when = dt.date.today().isoformat()
    kept = "GB 2312 and common symbols" if charset == "gb2312" else "all characters except Hangul"
    notice = (
        f"Modified for Disclosure Desk on {when} by tools/subset_fonts.py: subset of the Debian package "
        f"{package} {version} to {kept}; hinting, bitmaps, OpenType layout and vertical metrics removed. "
        "Outlines and metrics are unchanged."
    )
    if package == "fonts-wqy-zenhei":
        notice += " The font embedding exception of the original licence is extended to this version."
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID == 5:
            name.setName(f"{rec.toUnicode().strip()}; Disclosure Desk subset {when}", 5, rec.platformID,
                         rec.platEncID, rec.langID)
    name.setName(notice, 10, 3, 1, 0x409)
    name.setName(notice, 10, 1, 0, 0)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for source, index, package, out_name, charset in FONTS:
        font = TTCollection(source).fonts[index]
        cmap = font.getBestCmap()
        wanted = ranges(COMMON_RANGES) | (gb2312() if charset == "gb2312" else everything_but_hangul(cmap))
        sub = subset.Subsetter(options())
        sub.populate(unicodes=wanted & set(cmap))
        sub.subset(font)
        version = package_version(package)
        add_notice(font, package, version, charset)
        target = OUT / out_name
        font.save(target)
        digest = hashlib.sha256(target.read_bytes()).hexdigest()[:16]
        print(f"{out_name}: {len(font.getBestCmap())} characters, {target.stat().st_size / 1e6:.2f} MB, "
              f"from {package} {version}, sha256 {digest}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
