"""Fixtures for the tests that run against a PostgreSQL server (``tests/pg_cluster.py``).

``pg_cluster`` (session): one throwaway cluster on 127.0.0.1, set up once with the users below and a template
database migrated by ``server-setup``'s own code; skipped where PostgreSQL is not installed.
``pg_server`` (test): a fresh database copied from that template, and how to reach it as each user.
"""

from __future__ import annotations

import contextlib
import itertools
from dataclasses import dataclass

import pytest

from tests.pg_cluster import PgCluster

TEMPLATE = "dd_template"
# login -> (organ, reviewer?): two clerks of one organ, a clerk of another, the county's reviewer
USERS = {
    "zhang": ("青禾县统计局", False),
    "li": ("青禾县统计局", False),
    "wang": ("青禾县财政局", False),
    "shen": ("", True),
}
DISPLAY = {"zhang": "张三", "li": "李四", "wang": "王五", "shen": "沈审核"}
_numbers = itertools.count(1)


def password(user: str) -> str:
    return f"{user}-pw"


@dataclass
class PgServer:
    cluster: PgCluster
    database: str

    def url(self, user: str = "zhang", with_password: bool = True) -> str:
        return self.cluster.url(self.database, user, password(user) if with_password else None)

    @property
    def admin_url(self) -> str:
        return self.cluster.url(self.database)

    def sql(self, statement: str) -> None:
        self.cluster.sql(statement, self.database)

    def admin(self):
        return self.cluster.admin(self.database)


def setup_users(cluster: PgCluster, database: str) -> None:
    from disclosure_desk.storage.server_setup import add_user

    with contextlib.closing(cluster.admin(database)) as conn:
        for name, (organ, reviewer) in USERS.items():
            add_user(conn, name, password(name), organ=organ, display_name=DISPLAY[name], reviewer=reviewer)


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = PgCluster.find(fsync=False)
    if cluster is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    cluster.init()
    cluster.start()
    try:
        from disclosure_desk.storage.server_setup import setup_database

        setup_database(cluster.url(TEMPLATE))
        setup_users(cluster, TEMPLATE)
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pg_server(pg_cluster):
    database = f"t{next(_numbers)}"
    pg_cluster.sql(f"CREATE DATABASE {database} TEMPLATE {TEMPLATE}")
    yield PgServer(pg_cluster, database)
    with contextlib.suppress(Exception):
        pg_cluster.sql(f"DROP DATABASE {database} WITH (FORCE)")
