#!/usr/bin/env bash
# Build the one-folder app with PyInstaller into dist/disclosure-desk/ (Linux; see build.ps1 for Windows).
set -euo pipefail
# Also run by .ci/fresh-clone-and-freeze.sh; docs/packaging.md describes what the build contains.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/bootstrap.sh"
ensure_apt "${APT_PACKAGES[@]}" binutils  # PyInstaller reads libraries with objdump and strips them with strip
# PyInstaller bundles the Python library itself: Debian ships it apart from python3 (libpython3.11)
ensure_apt "libpython$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
ensure_venv build
cd "$REPO"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "${DIST_DIR:-$REPO/dist}" --workpath "${WORK_DIR:-$REPO/build/pyinstaller}" \
  packaging/disclosure-desk.spec
echo "built: ${DIST_DIR:-$REPO/dist}/disclosure-desk ($(du -sh "${DIST_DIR:-$REPO/dist}/disclosure-desk" | cut -f1))"
