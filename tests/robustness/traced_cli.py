"""Runs ``disclosure-desk ARGS`` and reports the moments at which a parent may kill it.

    DISCLOSURE_DESK_EVENTS_FD=N DISCLOSURE_DESK_TRACE_DIR=FOLDER python tests/robustness/traced_cli.py ARGS...

The command runs unchanged (``disclosure_desk.cli.main``); one line per event goes to file
descriptor N (a pipe of the parent's, apart from the command's own stdout and stderr):

- ``cpu`` each time the process has used another ``CPU_STEP`` of CPU time (``setitimer(ITIMER_PROF)``).
  Killing after a random number of them lands anywhere in the command's work, however busy the
  machine is: CPU time, unlike wall time, does not stretch when other programs take the cores;
- ``open NAME`` / ``rename NAME`` when a file in FOLDER is created or opened / renamed (the hidden
  ``.NAME.xxxx.part`` of an atomic write is created: the write is under way);
- ``sql`` before each SQL statement the store runs (BEGIN included, inside the import's transaction),
  ``commit`` as the transaction is committed (the kill lands in SQLite's commit and its fsync).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

CPU_STEP = 0.002  # seconds of CPU time between two "cpu" events

_fd = int(os.environ["DISCLOSURE_DESK_EVENTS_FD"])
_folder = os.environ.get("DISCLOSURE_DESK_TRACE_DIR", "")


def _say(event: str) -> None:
    # os.write, not print: safe inside a signal handler, and one line is one atomic write
    os.write(_fd, (event.replace("\n", " ") + "\n").encode("utf-8", "surrogatepass"))


def _in_folder(path: object) -> str | None:
    if not _folder or not isinstance(path, (str, bytes, os.PathLike)):
        return None
    p = Path(os.fsdecode(path))
    return p.name if str(p.parent) == _folder else None


def _audit(event: str, args: tuple) -> None:
    if event == "open" and (name := _in_folder(args[0])) is not None:
        _say(f"open {name}")
    elif event == "os.rename" and (name := _in_folder(args[1])) is not None:
        _say(f"rename {name}")


def _on_cpu(_signum: int, _frame: object) -> None:
    _say("cpu")


def _trace_sql() -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    event.listen(Engine, "before_cursor_execute", lambda *_args: _say("sql"))
    event.listen(Engine, "commit", lambda *_args: _say("commit"))


def main() -> int:
    sys.addaudithook(_audit)
    signal.signal(signal.SIGPROF, _on_cpu)
    signal.siginterrupt(signal.SIGPROF, False)  # restart interrupted system calls
    signal.setitimer(signal.ITIMER_PROF, CPU_STEP, CPU_STEP)
    if sys.argv[1:2] and sys.argv[1] in ("import", "export", "list"):
        _trace_sql()
    from disclosure_desk.cli import main as cli_main

    try:
        return cli_main(sys.argv[1:])
    finally:  # no SIGPROF after this: at shutdown Python restores its default action, which ends the process
        signal.setitimer(signal.ITIMER_PROF, 0, 0)


if __name__ == "__main__":
    sys.exit(main())
