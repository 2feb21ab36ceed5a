"""LibreOffice and Chromium as test instruments: the bundled fonts under the report's font names.

A minimal Debian has no Chinese fonts, so LibreOffice (and Chromium, for the web page) would draw
boxes. ``fontconfig_file`` writes a fontconfig set-up that adds ``resources/fonts`` and maps the faces
our files name (仿宋_GB2312, 黑体, …) to the bundled fonts the PDF uses without the official ones, so
the converted Word file is comparable with our PDF. Used by the tests and by ``tools/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import REPO

FONTS = REPO / "resources" / "fonts"
FANG, SONG, KAI, HEI, LATIN = "FandolFang", "FandolSong", "FandolKai", "FandolHei", "Liberation Serif"
ALIASES = {
    "仿宋_GB2312": FANG,
    "仿宋": FANG,
    "FangSong": FANG,
    "方正小标宋简体": SONG,
    "宋体": SONG,
    "SimSun": SONG,
    "Times New Roman": LATIN,
    "serif": FANG,
    "楷体_GB2312": KAI,
    "楷体": KAI,
    "KaiTi": KAI,
    "黑体": HEI,
    "SimHei": HEI,
    "sans-serif": HEI,
}
CONVERT_TIMEOUT = 240  # seconds; a first start builds the profile


def fontconfig_file(folder: Path) -> Path:
    aliases = "\n".join(
        f'  <alias binding="same"><family>{name}</family><prefer><family>{face}</family></prefer></alias>'
        for name, face in ALIASES.items()
    )
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FONTS}</dir>\n  <cachedir>{folder / 'fontconfig-cache'}</cachedir>\n{aliases}\n</fontconfig>\n",
        encoding="utf-8",
    )
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """``soffice --headless --convert-to pdf`` with a private profile and the bundled fonts."""
    exe = soffice()
    assert exe is not None
    profile = (folder / "lo-profile").as_uri()
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(folder)), HOME=str(folder))
    return subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=CONVERT_TIMEOUT,
        env=env,
        check=False,
    )
