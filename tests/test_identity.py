"""Name, version and licence are written once (pyproject.toml) and agree everywhere they show."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import disclosure_desk
from disclosure_desk import paths
from tests.conftest import REPO

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_version_matches_pyproject():
    assert disclosure_desk.__version__ == PROJECT["version"]


def test_version_option():
    out = subprocess.run(
        [sys.executable, "-m", "disclosure_desk", "--version"], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert out.stdout.strip() == f"Disclosure Desk {PROJECT['version']}"


def test_licence_is_mit_and_shipped():
    assert PROJECT["license"] == "MIT"
    text = paths.license_file().read_text(encoding="utf-8")
    assert text.startswith("MIT License")


def test_pyinstaller_spec_reads_name_and_version_from_pyproject():
    spec = (REPO / "packaging" / "disclosure-desk.spec").read_text(encoding="utf-8")
    assert 'meta["name"]' in spec and 'meta["version"]' in spec
    assert PROJECT["version"] not in spec  # never repeated by hand


def test_every_bundled_font_is_named_with_its_licence_in_the_about_box():
    from disclosure_desk.ui.about_dialog import FONTS, licence_path

    bundled = {p.name for p in paths.fonts_dir().glob("*.tt[fc]")}
    assert bundled == {f.file for f in FONTS}
    for font in FONTS:
        assert font.licence_files
        for name in font.licence_files:
            assert licence_path(name).is_file(), name
    readme = (paths.fonts_dir() / "README.md").read_text(encoding="utf-8")
    for font in FONTS:
        assert font.file in readme


def test_docs_lookup_finds_the_guide():
    assert paths.guide_file() == REPO / "docs" / "guide.md"
    assert paths.guide_file().is_file()


def test_run_scripts_are_valid_bash():
    for script in (
        "run-app.sh",
        "run-tests.sh",
        "scripts/bootstrap.sh",
        "packaging/build.sh",
        ".ci/run",
        ".ci/fresh-clone-and-freeze.sh",
    ):
        subprocess.run(["bash", "-n", str(REPO / script)], check=True)


def test_icon_files():
    icons = paths.resources_dir() / "icons"
    ico = (icons / "disclosure-desk.ico").read_bytes()
    count = int.from_bytes(ico[4:6], "little")
    assert ico[:4] == b"\0\0\1\0" and count >= 5  # several sizes for Explorer, task bar, Start menu


def test_installer_script_takes_the_version_and_keeps_its_chinese():
    script = (REPO / "packaging" / "windows" / "installer.iss").read_bytes()
    assert script.startswith(b"\xef\xbb\xbf")  # Inno Setup reads a Unicode script only with a UTF-8 BOM
    text = script.decode("utf-8-sig")
    assert "AppVersion={#AppVersion}" in text and PROJECT["version"] not in text
    assert "PrivilegesRequired=lowest" in text and "{localappdata}" in text


def test_readme_apt_line_names_exactly_what_bootstrap_installs():
    import re

    bootstrap = (REPO / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    wanted = {"python3-venv"}
    for name in ("APT_PACKAGES", "APT_TEST_PACKAGES"):
        wanted |= set(re.search(rf"^{name}=\(([^)]*)\)", bootstrap, re.M).group(1).split())
    readme = (REPO / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(x for x in readme.splitlines() if x.startswith("apt-get install -y "))
    assert set(line.split()[3:]) == wanted
