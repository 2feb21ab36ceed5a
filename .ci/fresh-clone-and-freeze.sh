#!/usr/bin/env bash
# CI job: the newcomer's path and the clerk's program, on a machine where nothing was set up by hand.
#
#   1. git clone this repository (its HEAD) into a new temporary folder;
#   2. run the README's test command there, from another folder: ./run-tests.sh installs the system
#      libraries (apt), creates .venv with pip's cache switched off, and runs every test;
#   3. the code checks: scripts/lint.sh (ruff, ruff format --check, mypy) in the clone's .venv;
#   4. run the README's commands again, twice each, from other folders: ./run-app.sh opens the app with
#      its samples (start-up probe, offscreen; its first run adds nothing but the [app] extra) and
#      ./run-tests.sh passes a test file without installing anything;
#   5. build the one-folder app (packaging/build.sh) and smoke-test it (tests/packaging/test_frozen.py);
#   6. print the build's size, the frozen app's start-up time (bench/bench_frozen.py) and the time of
#      each step.
#
# Uncommitted changes are not part of the run (it tests what a clone gets). KEEP_WORK=1 keeps the
# temporary folder. docs/packaging.md describes the job and its figures.
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/disclosure-desk-ci-XXXXXX")"
chmod 755 "$WORK"  # like a checkout: tests that run a command as another user (nobody) must reach .venv and src
CLONE="$WORK/disclosure-desk"
cleanup() { if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

started=$SECONDS
timings=()
step() {  # step "title" command…: run it, note how long it took
  local title="$1" t0=$SECONDS
  shift
  echo
  echo "=== $title"
  "$@"
  timings+=("$(printf '%5d s  %s' $((SECONDS - t0)) "$title")")
}

get_source() {
  if git -C "$SRC" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    if [ -n "$(git -C "$SRC" status --porcelain --untracked-files=no)" ]; then
      echo "note: uncommitted changes in $SRC are not part of this run (it tests HEAD)"
    fi
    git clone --quiet --no-hardlinks "$SRC" "$CLONE"
    git -C "$CLONE" log -1 --format='testing %h %s'
  else  # not a git checkout (an exported tree): copy it without what a run leaves behind
    mkdir -p "$CLONE"
    tar -C "$SRC" --exclude=./.venv --exclude=./build --exclude=./dist --exclude=./.pytest_cache \
      --exclude=./.hypothesis -cf - . | tar -C "$CLONE" -xf -
  fi
}

ensure_git() {
  command -v git >/dev/null 2>&1 && return 0
  # shellcheck source=../scripts/bootstrap.sh
  source "$SRC/scripts/bootstrap.sh"
  ensure_apt git ca-certificates
}

tests_from_elsewhere() { (cd "$WORK" && "$CLONE/run-tests.sh" -q -p no:cacheprovider); }
second_run() {
  local cwd
  for cwd in / "$WORK"; do
    (cd "$cwd" && QT_QPA_PLATFORM=offscreen DISCLOSURE_DESK_STARTUP_PROBE=1 DISCLOSURE_DESK_DATA_DIR="$WORK/data" \
      "$CLONE/run-app.sh" | tee "$WORK/probe.txt")
    grep -q "samples=2" "$WORK/probe.txt"  # the built-in samples are one click away
    (cd "$cwd" && "$CLONE/run-tests.sh" -q -p no:cacheprovider tests/test_identity.py tests/test_guide.py)
  done
}
lint() { "$CLONE/scripts/lint.sh"; }
build() { DIST_DIR="$WORK/dist" WORK_DIR="$WORK/pyinstaller" "$CLONE/packaging/build.sh"; }
smoke() {
  (cd "$CLONE" && DISCLOSURE_DESK_FROZEN="$WORK/dist/disclosure-desk" \
    .venv/bin/python -m pytest -q -s -p no:cacheprovider tests/packaging)
}
bench() { "$CLONE/.venv/bin/python" "$CLONE/bench/bench_frozen.py" --dist "$WORK/dist/disclosure-desk" --runs 5; }

step "git" ensure_git
step "clone the repository" get_source
step "README test command on the fresh clone: ./run-tests.sh (from another folder)" tests_from_elsewhere
step "code checks: scripts/lint.sh (ruff, mypy)" lint
step "README commands again: ./run-app.sh (start-up probe) and ./run-tests.sh" second_run
step "build the one-folder app: packaging/build.sh" build
step "smoke test of the frozen app: tests/packaging" smoke
step "size and start-up time of the frozen app: bench/bench_frozen.py" bench

echo
echo "=== timings"
printf '%s\n' "${timings[@]}"
printf '%5d s  total\n' $((SECONDS - started))
