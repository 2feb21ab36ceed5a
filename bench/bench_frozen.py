"""Size and start-up time of the frozen one-folder app (PyInstaller), next to the same app run from source.

    .venv/bin/python bench/bench_frozen.py [--dist dist/disclosure-desk] [--runs 7] [--platform offscreen|xcb]

Prints the build's size on disk (and as a .tar.gz, roughly what a download weighs), its file
count, and the median over ``--runs`` fresh processes of the time from spawning the program to
the first paint of the start window and to the drafts being listed (the store open), measured
exactly as bench/bench_startup.py does (``DISCLOSURE_DESK_STARTUP_PROBE``). The first run is
reported on its own: right after a build or an install, the files may not be in the disk cache.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import REPO, spawn


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def tar_gz_size(folder: Path) -> int:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    return buffer.tell()


def measure(args: list[str], runs: int, platform: str) -> tuple[dict[str, float], list[dict[str, float]]]:
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="dd-bench-") as data:
            env = {
                **os.environ,
                "DISCLOSURE_DESK_STARTUP_PROBE": "1",
                "DISCLOSURE_DESK_DATA_DIR": data,
                "QT_QPA_PLATFORM": platform,
            }
            results.append(spawn(args, env))
    first, rest = results[0], results[1:] or results
    return first, [{k: statistics.median(r[k] for r in rest) for k in first}]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(REPO / "dist" / "disclosure-desk"), help="the one-folder build")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen")
    args = parser.parse_args()
    dist = Path(args.dist).resolve()
    exe = dist / ("disclosure-desk.exe" if sys.platform == "win32" else "disclosure-desk")
    if not exe.is_file():
        raise SystemExit(f"no build at {dist}: run packaging/build.sh first")
    size, count = folder_size(dist)
    print(f"build: {dist}")
    print(f"  size on disk      {size / 1e6:7.1f} MB in {count} files")
    print(f"  as .tar.gz        {tar_gz_size(dist) / 1e6:7.1f} MB")
    for label, command in (("frozen", [str(exe)]), ("from source", [sys.executable, "-m", "disclosure_desk"])):
        first, (median,) = measure(command, args.runs, args.platform)
        print(f"{label} ({args.platform}, first run, then median of {max(args.runs - 1, 1)}):")
        print(f"  first paint       {first['first-paint'] * 1000:7.0f} ms   {median['first-paint'] * 1000:7.0f} ms")
        print(f"  drafts listed     {first['store-ready'] * 1000:7.0f} ms   {median['store-ready'] * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
