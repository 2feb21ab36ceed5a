"""A throwaway PostgreSQL cluster for the tests and benchmarks: initdb into a temporary folder, pg_ctl start,
listening on the loopback interface only (127.0.0.1, a free port; its socket in the same folder).

PostgreSQL refuses to run as root: when the tests run as root (CI does) the cluster belongs to ``nobody``,
and the server is run through ``runuser``. ``PgCluster.find()`` is None where Debian's ``postgresql``
package is not installed (the tests then skip). The superuser ``dd_admin`` logs in with a password over TCP
(scram-sha-256, as an office server would be set up), and without one over the cluster's own socket.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ADMIN = "dd_admin"
ADMIN_PASSWORD = "admin-secret"


def _bin_dir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    def __init__(self, bin_dir: Path, *, fsync: bool = True):
        self.bin = bin_dir
        self.fsync = fsync
        self.folder = Path(tempfile.mkdtemp(prefix="dd-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.user = "nobody" if os.geteuid() == 0 else None

    @classmethod
    def find(cls, *, fsync: bool = True) -> PgCluster | None:
        bin_dir = _bin_dir()
        return None if bin_dir is None else cls(bin_dir, fsync=fsync)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        return subprocess.run([*prefix, *args], check=check, capture_output=True, text=True, cwd=self.folder)

    def init(self) -> PgCluster:
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self.folder.chmod(0o755)
        pwfile = self.folder / "pw"
        pwfile.write_text(ADMIN_PASSWORD + "\n")
        if self.user:
            os.chown(pwfile, pwd.getpwnam(self.user).pw_uid, -1)
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            ADMIN,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
        )
        pwfile.unlink()
        return self

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.folder}"
        if not self.fsync:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l", str(self.folder / "log"), "-o", options, "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-m", mode, "stop", check=False)

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = ADMIN, password: str | None = ADMIN_PASSWORD) -> str:
        auth = user if password is None else f"{user}:{password}"
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(host=str(self.folder), port=self.port, user=ADMIN, dbname=database, autocommit=True)

    def sql(self, statement: str, database: str = "postgres") -> None:
        with contextlib.closing(self.admin(database)) as conn:
            conn.execute(statement)
