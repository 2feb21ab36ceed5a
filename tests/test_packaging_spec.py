"""The frozen build follows the program's imports by name (without building it: tests/packaging does that).

PyInstaller sees only ``import x`` statements. Modules imported by a name in a string (the command handlers,
the readers and writers, the editions, the store's lazy exports) are missing from a build unless listed as
hidden imports — a frozen ``check`` once failed with ModuleNotFoundError for ``spec.edition_2019``.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "disclosure_desk"
SPEC_FILE = ROOT / "packaging" / "disclosure-desk.spec"

_IMPORT_BY_NAME = re.compile(r"import_module\(\s*(f?)([\"'])(.*?)\2")


def _imports_by_name() -> list[tuple[Path, str]]:
    found = []
    for path in SRC.rglob("*.py"):
        for match in _IMPORT_BY_NAME.finditer(path.read_text(encoding="utf-8")):
            found.append((path, match.group(3)))
    return found


def test_the_build_takes_every_module_of_the_package():
    assert 'collect_submodules("disclosure_desk")' in SPEC_FILE.read_text(encoding="utf-8")


def test_every_import_by_name_stays_inside_the_package():
    """A module named in a string outside disclosure_desk would need its own hidden import."""
    found = _imports_by_name()
    assert found, "the scan found no import_module call: the pattern no longer matches the code"
    outside = [(str(path.relative_to(ROOT)), name) for path, name in found if not name.startswith(".")]
    assert outside == [], f"add these to hiddenimports in {SPEC_FILE.name}: {outside}"


def test_the_editions_are_modules_the_build_collects():
    from disclosure_desk import spec

    for module in spec._MODULES.values():
        assert (SRC / "spec" / f"{module}.py").is_file()
