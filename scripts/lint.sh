#!/usr/bin/env bash
# The code checks CI runs (README: "Tests and checks"): ruff's rules and formatting, and mypy (strict on the
# Qt-free core), with the versions pinned in constraints.txt. Run it after ./run-tests.sh has made .venv.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
PY="$REPO/.venv/bin/python"
[ -x "$PY" ] || { echo "no .venv yet: run ./run-tests.sh first" >&2; exit 1; }
"$PY" -m ruff check src tests tools bench
"$PY" -m ruff format --check src tests tools bench
"$PY" -m mypy
