"""The layers of docs/architecture.md, enforced: who may import whom, no Qt/SQLAlchemy/ReportLab where
they do not belong (checked by importing every module), and no import cycle between modules — function
level imports included (they defer slow imports for start-up; they may not hide a cycle)."""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import REPO

SRC = REPO / "src" / "disclosure_desk"
PACKAGE = "disclosure_desk"

# layer -> the layers it may import (itself always). Top-level modules are layers of their own.
ALLOWED = {
    "errors": set(),
    "records": set(),  # the model's data classes (records.py): usable by every layer
    "paths": set(),
    "fileio": {"errors"},
    "logs": {"paths"},
    "spec": set(),
    "domain": {"spec", "errors"},
    "checks": {"domain", "spec"},
    "interchange": {"domain", "spec", "errors", "fileio"},
    "pdf": {"domain", "spec", "checks", "errors", "fileio", "paths"},
    "formats": {"domain", "spec", "checks", "errors", "fileio", "interchange", "pdf"},
    "storage": {"domain", "spec", "errors", "fileio", "paths", "interchange"},
    "application": {"domain", "spec", "checks", "errors", "fileio", "interchange", "formats", "storage", "paths"},
    "commands": {
        "application",
        "domain",
        "spec",
        "checks",
        "errors",
        "fileio",
        "interchange",
        "formats",
        "storage",
        "pdf",
        "paths",
    },
    "ui": {
        "application",
        "domain",
        "spec",
        "checks",
        "errors",
        "fileio",
        "interchange",
        "formats",
        "pdf",
        "paths",
        "logs",
    },
    "cli": {"errors", "paths", "logs", "commands", "ui"},
    "__main__": {"cli"},
    "__init__": set(),
}
# where a heavy or foreign library may appear (everywhere else importing the module must not load it)
QT_FREE = [layer for layer in ALLOWED if layer not in ("ui", "cli", "__main__")]
NO_SQL_NO_PDF_LIB = ["spec", "domain", "checks", "interchange", "formats", "application"]


@cache
def modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(module: str) -> set[str]:
    """The package's modules ``module`` imports, at any level, except under ``if TYPE_CHECKING:``."""
    path = modules()[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, path, node.level, node.module or "")
            subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules()]
            found.update(subs if len(subs) == len(node.names) else [base, *subs])
    return {m for m in found if m in modules() and m != module}


def _absolute(module: str, path: Path, level: int, name: str) -> str:
    if level == 0:
        return name
    parts = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, name] if name else parts)


def test_every_layer_imports_only_what_it_may():
    wrong = []
    for module in modules():
        layer = layer_of(module)
        for imported in imports_of(module):
            target = layer_of(imported)
            # __init__: the version; records: the model's data classes (records.py), a leaf every layer uses
            if target not in (layer, "__init__", "records") and target not in ALLOWED[layer]:
                wrong.append(f"{module} imports {imported} ({layer} may not use {target})")
    assert not wrong, "\n".join(wrong)


def test_every_module_is_in_a_known_layer():
    assert {layer_of(m) for m in modules()} <= set(ALLOWED)


def test_no_import_cycles_between_modules():
    graph = {m: imports_of(m) for m in modules()}
    cycles = _strongly_connected(graph)
    assert not cycles, "import cycles: " + "; ".join(" ↔ ".join(sorted(c)) for c in cycles)


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["c", "b", "a"]]


def _loaded_after_importing(layers: list[str]) -> set[str]:
    names = sorted(m for m in modules() if layer_of(m) in layers)
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return set(out.stdout.split())


def test_the_core_never_loads_qt():
    loaded = _loaded_after_importing(QT_FREE)
    assert not loaded & {"PySide6", "shiboken6"}


@pytest.mark.parametrize("layer", NO_SQL_NO_PDF_LIB)
def test_core_layers_do_not_load_sqlalchemy_or_reportlab(layer):
    assert not _loaded_after_importing([layer]) & {"sqlalchemy", "reportlab"}


def test_ui_never_names_sqlalchemy_or_reportlab():
    for module, path in modules().items():
        if layer_of(module) == "ui":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
            names |= {
                (n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0
            }
            assert not names & {"sqlalchemy", "reportlab"}, module
