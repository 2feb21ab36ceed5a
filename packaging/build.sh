#!/usr/bin/env bash
# Build the one-folder app with PyInstaller into dist/disclosure-desk/ (Linux; see build.ps1 for Windows).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/bootstrap.sh"
ensure_apt "${APT_PACKAGES[@]}"
ensure_venv build
cd "$REPO"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "${DIST_DIR:-$REPO/dist}" --workpath "${WORK_DIR:-$REPO/build/pyinstaller}" \
  packaging/disclosure-desk.spec
echo "built: ${DIST_DIR:-$REPO/dist}/disclosure-desk ($(du -sh "${DIST_DIR:-$REPO/dist}/disclosure-desk" | cut -f1))"
