"""The Qt-free core stays Qt-free; ui never touches SQLAlchemy or ReportLab directly."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO

SRC = REPO / "src" / "disclosure_desk"


def test_core_packages_do_not_import_pyside6():
    code = (
        "import sys\n"
        "import disclosure_desk.spec, disclosure_desk.domain, disclosure_desk.checks, disclosure_desk.interchange\n"
        "import disclosure_desk.cli, disclosure_desk.commands.check\n"
        "for optional in ('disclosure_desk.storage', 'disclosure_desk.pdf'):\n"
        "    try:\n"
        "        __import__(optional)\n"
        "    except ImportError:\n"
        "        pass\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == ""


def test_spec_domain_checks_do_not_import_sqlalchemy_or_reportlab():
    code = (
        "import sys\n"
        "import disclosure_desk.spec, disclosure_desk.domain, disclosure_desk.checks, disclosure_desk.interchange\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'reportlab'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == ""


def test_source_imports_respect_the_layers():
    pyside = re.compile(r"^\s*(from|import)\s+PySide6", re.M)
    lower = re.compile(r"^\s*(from|import)\s+(sqlalchemy|reportlab)", re.M)
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(SRC).as_posix()
        if not rel.startswith("ui/"):
            assert not pyside.search(text), f"{rel} imports PySide6"
        else:
            assert not lower.search(text), f"{rel} imports sqlalchemy/reportlab"
