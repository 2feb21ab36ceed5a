"""The versions pinned in constraints.txt are the ones installed (the work-arounds that depend on them
were measured on those), and every pin says why it is there."""

from __future__ import annotations

import re
from importlib.metadata import version

from tests.conftest import REPO

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s#]+)")


def _pins() -> list[tuple[str, str, str]]:
    """(name, version, the comment above it)."""
    pins, comment = [], []
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comment.append(line.lstrip("# "))
        elif m := PIN.match(line):
            pins.append((m.group(1), m.group(2), " ".join(comment)))
            comment = []
        elif not line.strip():
            comment = comment if not pins else []
    return pins


def test_the_pinned_versions_are_installed():
    pins = _pins()
    assert {name for name, _, _ in pins} >= {"PySide6", "reportlab"}
    for name, pinned, _ in pins:
        assert version(name) == pinned, f"{name} {version(name)} is installed, constraints.txt pins {pinned}"


def test_every_pin_names_what_depends_on_it():
    for name, _, why in _pins():
        assert re.search(r"[\w/]+\.(py|sh)\b", why), f"the pin of {name} must name the code that depends on it"


def test_the_readme_commands_install_with_the_constraints():
    for script in ("scripts/bootstrap.sh", "scripts/bootstrap.ps1"):
        assert "constraints.txt" in (REPO / script).read_text(encoding="utf-8"), script


def test_the_reportlab_pin_names_the_font_cache():
    """pdf/fontcache.py restores ReportLab's private font objects from pickles: the pin must say so."""
    why = {name: why for name, _, why in _pins()}["reportlab"]
    assert "pdf/fontcache.py" in why and "private" in why
