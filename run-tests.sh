#!/usr/bin/env bash
# Run the whole test suite (sets itself up on first run). Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/bootstrap.sh"
ensure_apt "${APT_PACKAGES[@]}" "${APT_TEST_PACKAGES[@]}"
ensure_venv test
cd "$REPO"
exec env QT_QPA_PLATFORM=offscreen "$PY" -m pytest "$@"
