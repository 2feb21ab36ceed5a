#!/usr/bin/env bash
# Set up everything Disclosure Desk needs on Debian/Ubuntu: system libraries for Qt (apt),
# a virtual environment in .venv with the project installed (pip). Safe to run again: it only
# installs what is missing. Sourced by run-app.sh and run-tests.sh.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO/.venv"
PY="$VENV/bin/python"

# Libraries Qt's offscreen/xcb platforms load (design.md, measured on Debian 12), the X server
# for the Xvfb tests, poppler for rendering PDF pages in tests, python3-venv for ensurepip.
APT_PACKAGES=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libx11-6 libfreetype6 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libnss3 libxcomposite1 libxdamage1 libxrandr2
  libxtst6 libxi6 libasound2 fontconfig libcups2)  # libcups2: Qt's print dialog (bundled into the frozen app)
APT_TEST_PACKAGES=(xvfb xauth xdotool poppler-utils libreoffice-writer postgresql)  # xdotool: real keys in the Xvfb tests; LibreOffice: converting our .docx; PostgreSQL: the server store's tests start a throwaway cluster on 127.0.0.1 (tests/pg_cluster.py)

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

ensure_apt() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: the user installs Qt's libraries
  local missing
  missing=$(missing_packages "$@" | tr "\n" " ")
  if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then missing="$missing python3-venv"; fi
  [ -z "${missing// /}" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "需要安装系统库 / system libraries needed: apt-get install -y $missing" >&2; exit 1
    fi
  fi
  echo "==> apt-get install $missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

ensure_venv() {
  local extras="$1" stamp="$VENV/.installed-$1"
  if [ ! -x "$PY" ]; then
    echo "==> creating $VENV"
    python3 -m venv "$VENV"
  fi
  local want
  want=$(cat "$REPO/pyproject.toml" "$REPO/constraints.txt" | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "==> pip install -e .[$extras]"
    "$PY" -m pip install -q --disable-pip-version-check --upgrade pip
    "$PY" -m pip install -q --disable-pip-version-check -c "$REPO/constraints.txt" -e "$REPO[$extras]"
    echo "$want" > "$stamp"
  fi
}
