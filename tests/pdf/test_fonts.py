"""Fonts: embedded as subsets, official fonts preferred when installed, bundled ones otherwise."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from disclosure_desk import paths
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf import fonts as fonts_mod
from disclosure_desk.pdf import styles as st
from disclosure_desk.pdf.fonts import BUNDLED_FONTS, FontSet, FontsMissingError
from disclosure_desk.pdf.typeset import Typesetter
from tests.conftest import SAMPLE_2021_JSON
from tests.pdf.conftest import render


def _fonts_in(data: bytes):
    reader = PdfReader(io.BytesIO(data))
    seen = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            seen[font["/BaseFont"]] = font
    return seen


def test_every_font_is_an_embedded_truetype_subset(sample):
    _, rendered = sample
    fonts = _fonts_in(rendered.data)
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+\S+", name), name
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"], name
        assert "/ToUnicode" in font  # text can be copied and searched


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_nothing_unembedded(rendered_2019, tmp_path):
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(rendered_2019.data)
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(row.split()[-5:-3] == ["yes", "yes"] for row in rows), out


def test_export_reports_the_fonts_used(rendered_2021):
    used = rendered_2021.result.fonts_used
    assert used == [
        "AR PL UMing CN（ARPLUMingCN-GB2312.ttf，随程序提供）",
        "WenQuanYi Zen Hei（WenQuanYiZenHei-NoHangul.ttf，随程序提供）",
        "AR PL UKai CN（ARPLUKaiCN-GB2312.ttf，随程序提供）",
    ]


def test_bundled_files_and_licences_are_there():
    folder = paths.fonts_dir()
    for _, name in BUNDLED_FONTS.values():
        assert (folder / name).stat().st_size < 12_000_000
    for licence in ("ARPHICPL.TXT", "GPL-2.txt", "WenQuanYi-ZenHei-debian-copyright.txt"):
        assert (folder / "licenses" / licence).is_file()
    assert "Arphic Public License" in (folder / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def official_dir(tmp_path):
    """A fake system font folder: bundled files under the official fonts' file names."""
    src = paths.fonts_dir()
    sub = tmp_path / "Fonts" / "chinese"
    sub.mkdir(parents=True)
    shutil.copy(src / "WenQuanYiZenHei-NoHangul.ttf", sub / "SIMHEI.TTF")
    shutil.copy(src / "ARPLUKaiCN-GB2312.ttf", tmp_path / "Fonts" / "simkai.ttf")
    shutil.copy(src / "ARPLUMingCN-GB2312.ttf", tmp_path / "Fonts" / "FZXBSJW.TTF")
    (tmp_path / "Fonts" / "simfang.ttf").write_bytes(b"not a font at all")
    return tmp_path / "Fonts"


def test_official_fonts_are_preferred_when_installed(official_dir):
    fs = FontSet(bundled_only=False, font_dirs=[official_dir])
    assert fs.primary(st.HEITI).file.label == "黑体"
    assert fs.primary(st.KAITI).file.label == "楷体"
    assert fs.primary(st.XIAOBIAOSONG).file.label == "方正小标宋简体"
    # a damaged simfang.ttf is skipped: the bundled font sets the body
    assert fs.primary(st.FANGSONG).file.bundled
    assert Typesetter(fs).stroke(st.TITLE) == 0.0  # the real 小标宋 is not thickened


def test_export_names_the_official_fonts_it_used(official_dir):
    draft = read_report_file(SAMPLE_2021_JSON)
    r = render(draft, bundled_fonts_only=False, font_dirs=[official_dir])
    used = r.result.fonts_used
    assert "黑体（SIMHEI.TTF，本机字体）" in used and "楷体（simkai.ttf，本机字体）" in used


def test_environment_forces_bundled_fonts(official_dir, monkeypatch):
    monkeypatch.setenv(fonts_mod.BUNDLED_ONLY_ENV, "1")
    assert FontSet(font_dirs=[official_dir]).official == {}
    monkeypatch.setenv(fonts_mod.BUNDLED_ONLY_ENV, "0")
    assert FontSet(font_dirs=[official_dir]).official


def test_a_missing_character_falls_back_per_character():
    fs = FontSet(bundled_only=True)
    assert fs.font_for("政", st.FANGSONG).file.label == "AR PL UMing CN"
    assert fs.font_for("堃", st.FANGSONG).file.label == "WenQuanYi Zen Hei"  # not in GB 2312
    assert fs.font_for("😀", st.FANGSONG) is None


def test_missing_bundled_fonts_are_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "fonts_dir", lambda: tmp_path)
    with pytest.raises(FontsMissingError, match="重新安装"):
        FontSet(bundled_only=True).primary(st.FANGSONG)
