#!/usr/bin/env bash
# Start Disclosure Desk (sets itself up on first run). Extra arguments go to `disclosure-desk`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/bootstrap.sh"
ensure_apt "${APT_PACKAGES[@]}"
ensure_venv app
exec "$VENV/bin/disclosure-desk" "$@"
