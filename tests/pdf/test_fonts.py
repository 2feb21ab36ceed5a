"""Fonts: embedded as subsets, official fonts preferred when installed, bundled ones otherwise."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from disclosure_desk import paths
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf import fonts as fonts_mod
from disclosure_desk.pdf import styles as st
from disclosure_desk.pdf.fonts import BUNDLED_FONTS, FontSet, FontsMissingError
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


def _pdffonts(data: bytes, tmp_path) -> list[list[str]]:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [row.split() for row in out.splitlines()[2:]]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_lists_every_face_embedded_and_named(rendered_2021, rendered_2019, tmp_path):
    for rendered in (rendered_2021, rendered_2019):
        rows = _pdffonts(rendered.data, tmp_path)
        assert rows and all(row[-5:-3] == ["yes", "yes"] for row in rows), rows  # embedded, subset
        names = {row[0].split("+", 1)[1] for row in rows}
        assert names == {
            "FandolFang-Regular",
            "FandolHei-Regular",
            "FandolKai-Regular",
            "FandolSong-Bold",
            "LiberationSerif",
        }, names


def test_export_reports_the_face_of_every_role(rendered_2021):
    used = rendered_2021.result.fonts_used
    assert used == [
        "小标宋（标题）：FandolSong Bold（FandolSongBold-GB2312.ttf，随程序提供）",
        "仿宋（正文、表格）：FandolFang（FandolFang-GB2312.ttf，随程序提供）",
        "西文和数字：Liberation Serif（LiberationSerif-Regular.ttf，随程序提供）",
        "黑体（一级标题、表头）：FandolHei（FandolHei-GB2312.ttf，随程序提供）",
        "楷体（二级标题）：FandolKai（FandolKai-GB2312.ttf，随程序提供）",
        "宋体（页码）：FandolFang（FandolFang-GB2312.ttf，随程序提供）",
    ]
    assert rendered_2021.result.faces == {
        st.XIAOBIAOSONG: "FandolSong Bold",
        st.FANGSONG: "FandolFang",
        st.LATIN: "Liberation Serif",
        st.HEITI: "FandolHei",
        st.KAITI: "FandolKai",
        st.SONG: "FandolFang",
    }


def test_a_character_from_another_face_is_named_as_a_fallback():
    draft = read_report_file(SAMPLE_2021_JSON)
    draft.sections["六、其他需要报告的事项"] = "张堃同志负责␇。"
    used = render(draft).result.fonts_used
    assert used[-1] == (
        "补字（所选字体缺少的字）：WenQuanYi Zen Hei（WenQuanYiZenHei-NoHangul.ttf，随程序提供）、"
        "GNU FreeSans（FreeSans-Symbols.ttf，随程序提供）"
    )


def test_bundled_files_and_licences_are_there():
    folder = paths.fonts_dir()
    total = 0
    for _, name in BUNDLED_FONTS.values():
        size = (folder / name).stat().st_size
        assert size < 11_000_000
        total += size
    assert total < 31_000_000  # the frozen build carries them all
    for licence in (
        "Fandol-GPL-3-with-font-exception.txt",
        "LiberationSerif-OFL-1.1-debian-copyright.txt",
        "FreeFont-debian-copyright.txt",
        "GPL-2.txt",
        "WenQuanYi-ZenHei-debian-copyright.txt",
    ):
        assert (folder / "licenses" / licence).is_file()
    assert "special exception" in (folder / "licenses" / "Fandol-GPL-3-with-font-exception.txt").read_text()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for _, name in BUNDLED_FONTS.values():
        assert name in readme


def _gb2312() -> set[str]:
    out = set()
    for b1 in range(0xB0, 0xF8):  # the 6,763 hanzi
        for b2 in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.add(bytes((b1, b2)).decode("gb2312"))
    return out


def test_the_bundled_chinese_faces_cover_all_of_gb2312():
    hanzi = _gb2312()
    assert len(hanzi) == 6763
    fs = FontSet(bundled_only=True)
    for role in (st.FANGSONG, st.HEITI, st.KAITI, st.XIAOBIAOSONG):
        face = fs.primary(role)
        assert face.file.bundled
        assert not [ch for ch in hanzi if not face.has(ch)], role


@pytest.fixture
def official_dir(tmp_path):
    """A fake system font folder: bundled files under the official fonts' file names."""
    src = paths.fonts_dir()
    sub = tmp_path / "Fonts" / "chinese"
    sub.mkdir(parents=True)
    shutil.copy(src / "FandolHei-GB2312.ttf", sub / "SIMHEI.TTF")
    shutil.copy(src / "FandolKai-GB2312.ttf", tmp_path / "Fonts" / "simkai.ttf")
    shutil.copy(src / "FandolSongBold-GB2312.ttf", tmp_path / "Fonts" / "FZXBSJW.TTF")
    shutil.copy(src / "LiberationSerif-Regular.ttf", tmp_path / "Fonts" / "times.ttf")
    (tmp_path / "Fonts" / "simfang.ttf").write_bytes(b"not a font at all")
    return tmp_path / "Fonts"


def test_official_fonts_are_preferred_when_installed(official_dir):
    fs = FontSet(bundled_only=False, font_dirs=[official_dir])
    assert fs.primary(st.HEITI).file.label == "黑体"
    assert fs.primary(st.KAITI).file.label == "楷体"
    assert fs.primary(st.XIAOBIAOSONG).file.label == "方正小标宋简体"
    assert fs.primary(st.LATIN).file.label == "Times New Roman"
    # a damaged simfang.ttf is skipped: the bundled font sets the body
    assert fs.primary(st.FANGSONG).file.bundled


def test_export_names_the_official_fonts_it_used(official_dir):
    draft = read_report_file(SAMPLE_2021_JSON)
    r = render(draft, bundled_fonts_only=False, font_dirs=[official_dir])
    used = r.result.fonts_used
    assert "黑体（一级标题、表头）：黑体（SIMHEI.TTF，本机字体）" in used
    assert "楷体（二级标题）：楷体（simkai.ttf，本机字体）" in used
    assert "西文和数字：Times New Roman（times.ttf，本机字体）" in used
    assert r.result.faces[st.FANGSONG] == "FandolFang"


def test_the_cesi_fonts_of_uos_and_kylin_are_found(tmp_path):
    cesi = tmp_path / "fonts" / "fonts-cesi"
    cesi.mkdir(parents=True)
    src = paths.fonts_dir()
    for official, bundled in (
        ("CESI_FS_GB2312.TTF", "FandolFang-GB2312.ttf"),
        ("CESI_HT_GB2312.TTF", "FandolHei-GB2312.ttf"),
        ("CESI_KT_GB2312.TTF", "FandolKai-GB2312.ttf"),
        ("CESI_XBS_GB2312.TTF", "FandolSongBold-GB2312.ttf"),
    ):
        shutil.copy(src / bundled, cesi / official)
    fs = FontSet(bundled_only=False, font_dirs=[tmp_path / "fonts"])
    assert [fs.primary(r).file.label for r in (st.FANGSONG, st.HEITI, st.KAITI, st.XIAOBIAOSONG)] == [
        "CESI仿宋-GB2312",
        "CESI黑体",
        "CESI楷体-GB2312",
        "CESI小标宋",
    ]


def test_fontconfig_names_find_fonts_whatever_their_file_names():
    lines = [
        "/usr/share/fonts/wps/fs.ttf\t0\t仿宋_GB2312,FangSong_GB2312\tRegular",
        "/usr/share/fonts/wps/kt.ttf\t0\t楷体\t常规",
        "/usr/share/fonts/wps/xbs.ttf\t0\t方正小标宋简体\tRegular",
        "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf\t0\tTimes New Roman\tRegular,Normal",
        "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold.ttf\t0\tTimes New Roman\tBold",
        "/usr/share/fonts/noto/NotoSerifCJK.ttc\t2\tNoto Serif CJK SC\tRegular",
        "/usr/share/fonts/wps/fs.otf\t0\t仿宋\tRegular",  # PostScript outlines: ReportLab cannot embed them
        "garbage",
    ]
    found = {(role, font.label, font.path.name) for role, _, font in fonts_mod.match_fontconfig(lines)}
    assert found == {
        (st.FANGSONG, "仿宋_GB2312", "fs.ttf"),
        (st.KAITI, "楷体", "kt.ttf"),
        (st.XIAOBIAOSONG, "方正小标宋简体", "xbs.ttf"),
        (st.LATIN, "Times New Roman", "Times_New_Roman.ttf"),
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is asked on Linux only")
def test_a_font_found_by_file_name_and_by_fontconfig_is_listed_once(tmp_path, monkeypatch):
    folder = tmp_path / "fonts"
    folder.mkdir()
    kai = folder / "simkai.ttf"
    shutil.copy(paths.fonts_dir() / "FandolKai-GB2312.ttf", kai)
    other = tmp_path / "elsewhere" / "kaiti.ttf"  # outside the folders searched: only fontconfig knows it
    other.parent.mkdir()
    shutil.copy(paths.fonts_dir() / "FandolKai-GB2312.ttf", other)
    monkeypatch.setattr(fonts_mod, "system_font_dirs", lambda: [folder])
    monkeypatch.setattr(
        fonts_mod, "_fc_list", lambda: [f"{kai}\t0\t楷体,KaiTi\tRegular", f"{other}\t0\tKaiTi\tRegular"]
    )
    monkeypatch.setattr(fonts_mod, "_found_cache", {})
    found = fonts_mod.find_official_fonts()[st.KAITI]
    assert sorted((f.label, str(f.path)) for f in found) == [("楷体", str(other)), ("楷体", str(kai))]


def test_environment_forces_bundled_fonts(official_dir, monkeypatch):
    monkeypatch.setenv(fonts_mod.BUNDLED_ONLY_ENV, "1")
    assert FontSet(font_dirs=[official_dir]).official == {}
    monkeypatch.setenv(fonts_mod.BUNDLED_ONLY_ENV, "0")
    assert FontSet(font_dirs=[official_dir]).official


def test_a_missing_character_falls_back_per_character():
    fs = FontSet(bundled_only=True)
    assert fs.font_for("政", st.FANGSONG).file.label == "FandolFang"
    assert fs.font_for("堃", st.FANGSONG).file.label == "WenQuanYi Zen Hei"  # not in GB 2312
    assert fs.font_for("\u2407", st.FANGSONG).file.label == "GNU FreeSans"  # a control picture
    assert fs.font_for("😀", st.FANGSONG) is None


def test_missing_bundled_fonts_are_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "fonts_dir", lambda: tmp_path)
    with pytest.raises(FontsMissingError, match="重新安装"):
        FontSet(bundled_only=True).primary(st.FANGSONG)
