"""Fixtures of the import tests: the published-report files in tests/fixtures/published/."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO

PUBLISHED = REPO / "tests" / "fixtures" / "published"


def readable_fixtures() -> list[Path]:
    """Every fixture that an import must read, next to its NAME.expected.json."""
    out = []
    for expected in sorted(PUBLISHED.glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        out += [p for p in PUBLISHED.glob(f"{name}.*") if not p.name.endswith(".json")]
    return out


def expected_for(path: Path) -> Path:
    return path.with_name(path.stem + ".expected.json")
