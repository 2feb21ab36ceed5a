"""The store on a PostgreSQL server: one migration history with the local file's, roles enforced, logins."""

from __future__ import annotations

import contextlib

import psycopg
import pytest
from sqlalchemy import create_engine, inspect

from disclosure_desk.application.editing import EditingDraft
from disclosure_desk.application.workspace import open_workspace
from disclosure_desk.domain import Draft
from disclosure_desk.interchange import dumps_report, read_report_file
from disclosure_desk.storage import (
    DraftNotFoundError,
    ServerLoginError,
    StoreError,
    StorePermissionError,
    schema,
)
from disclosure_desk.storage.models import Base
from disclosure_desk.storage.schema_server import SERVER_MIGRATIONS, migrate_server, server_version
from disclosure_desk.storage.server_setup import add_user, setup_database
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON


def test_both_kinds_of_store_have_one_migration_history():
    assert len(SERVER_MIGRATIONS) == len(schema.MIGRATIONS) == schema.current_version()


def _schema_of(url: str) -> dict:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        inspector = inspect(engine)
        out = {}
        for name in inspector.get_table_names():
            out[name] = (
                {c["name"]: c["nullable"] for c in inspector.get_columns(name)},
                inspector.get_pk_constraint(name)["constrained_columns"],
                {
                    (fk["referred_table"], tuple(fk["constrained_columns"]), fk["options"].get("ondelete"))
                    for fk in inspector.get_foreign_keys(name)
                },
                {tuple(ix["column_names"]) for ix in inspector.get_indexes(name)},
            )
        return out
    finally:
        engine.dispose()


def _models_schema() -> dict:
    return {
        name: (
            {c.name: c.nullable for c in table.columns},
            [c.name for c in table.primary_key],
            {(fk.column.table.name, (fk.parent.name,), fk.ondelete) for fk in table.foreign_keys},
            {tuple(c.name for c in ix.columns) for ix in table.indexes},
        )
        for name, table in Base.metadata.tables.items()
    }


def test_a_new_server_database_is_what_the_models_describe(pg_cluster):
    result = setup_database(pg_cluster.url("fresh_office"))
    assert (result.created, result.version_before, result.version) == (True, 0, schema.current_version())
    tables = _schema_of(pg_cluster.url("fresh_office"))
    assert tables.pop("disclosure_desk_schema")  # the server's PRAGMA user_version
    assert tables == _models_schema()
    again = setup_database(pg_cluster.url("fresh_office"))  # run again: nothing to do, nothing broken
    assert (again.created, again.version_before) == (False, schema.current_version())


def test_a_server_database_of_the_previous_version_is_upgraded_with_its_drafts(pg_cluster):
    pg_cluster.sql("CREATE DATABASE old_office")
    with contextlib.closing(psycopg.connect(pg_cluster.url("old_office"), autocommit=True)) as conn:
        migrate_server(conn, target=schema.current_version() - 1)
        assert server_version(conn) == schema.current_version() - 1
        conn.execute(
            "INSERT INTO drafts (organ, year, edition, status, signature_organ, contact, website, extras, revision, "
            "created_at, updated_at) VALUES ('青禾县统计局', 2025, '2021', '草稿', '青禾县统计局', '', '', '{}', 3, "
            "'2026-01-05T08:00:00.000000+00:00', '2026-01-05T08:00:00.000000+00:00')"
        )
        conn.execute("INSERT INTO draft_values VALUES (1, 't3.new.natural', 'int', '17')")
    result = setup_database(pg_cluster.url("old_office"))
    assert (result.version_before, result.version) == (schema.current_version() - 1, schema.current_version())
    tables = _schema_of(pg_cluster.url("old_office"))
    tables.pop("disclosure_desk_schema")
    assert tables == _models_schema()
    with contextlib.closing(pg_cluster.admin("old_office")) as conn:
        add_user(conn, "old_clerk", "pw-1", organ="青禾县统计局")
    with open_workspace(pg_cluster.url("old_office", "old_clerk", "pw-1")) as workspace:
        (listed,) = workspace.list_drafts()  # the upgraded draft belongs to the organ it names
        assert (listed.organ, listed.revision) == ("青禾县统计局", 3)
        assert workspace.load(listed.id).value("t3.new.natural") == 17


def test_an_organs_clerks_see_their_drafts_only(pg_server):
    with open_workspace(pg_server.url("zhang")) as zhang, open_workspace(pg_server.url("wang")) as wang:
        ours = read_report_file(SAMPLE_2021_JSON)
        zhang.save(ours)
        theirs = Draft.new("青禾县财政局", 2025)
        wang.save(theirs)
        assert [r.id for r in zhang.list_drafts()] == [ours.id]
        assert [r.id for r in wang.list_drafts()] == [theirs.id]
        with pytest.raises(DraftNotFoundError):
            wang.load(ours.id)
        intruder = read_report_file(SAMPLE_2021_JSON)
        intruder.id = ours.id
        with pytest.raises(DraftNotFoundError):  # not even blindly by its id
            wang.save_checked(intruder, 1)
        with pytest.raises(DraftNotFoundError):
            wang.delete(ours.id)
        assert zhang.load(ours.id).value("t3.new.natural") == ours.value("t3.new.natural")


def test_the_review_account_reads_every_organ_and_writes_nothing(pg_server):
    with open_workspace(pg_server.url("zhang")) as zhang, open_workspace(pg_server.url("wang")) as wang:
        ours, theirs = read_report_file(SAMPLE_2021_JSON), read_report_file(SEED_JSON)
        theirs.organ = "青禾县财政局"
        zhang.save(ours)
        wang.save(theirs)
    with open_workspace(pg_server.url("shen")) as reviewer:
        assert reviewer.read_only and reviewer.user == "沈审核"
        assert {r.id for r in reviewer.list_drafts()} == {ours.id, theirs.id}
        assert dumps_report(reviewer.load(ours.id)) == SAMPLE_2021_JSON.read_text(encoding="utf-8")
        opened = EditingDraft(reviewer, ours.id)
        assert opened.read_only and opened.held_by is None  # a reviewer takes no lease
        opened.draft.preface = "审核时改的"
        with pytest.raises(StorePermissionError, match="无权"):
            reviewer.save(opened.draft)
        with pytest.raises(StorePermissionError):
            reviewer.delete(ours.id)
        with pytest.raises(StorePermissionError):
            reviewer.save(Draft.new("审核办", 2025))


def test_a_clerk_cannot_give_a_draft_to_another_organ(pg_server):
    with open_workspace(pg_server.url("zhang")) as zhang:
        draft = Draft.new("青禾县统计局", 2025)
        zhang.save(draft)
        with pytest.raises(StorePermissionError), zhang.store.session() as session:
            session.connection().exec_driver_sql("UPDATE drafts SET owner = '青禾县财政局'")


def test_a_wrong_or_missing_password_is_a_login_refusal(pg_server):
    with pytest.raises(ServerLoginError, match="用户名或密码不对"):
        open_workspace(pg_server.url("zhang").replace("zhang-pw", "wrong"))
    with pytest.raises(ServerLoginError):
        open_workspace(pg_server.url("zhang", with_password=False))
    assert open_workspace(pg_server.url("zhang", with_password=False), password="zhang-pw").user == "张三"


def test_a_server_without_the_schema_or_down_says_so(pg_cluster, pg_server):
    pg_cluster.sql("CREATE DATABASE empty_office")
    with pytest.raises(StoreError, match="server-setup"):
        open_workspace(pg_cluster.url("empty_office"))
    with pytest.raises(StoreError, match="无法连接"):
        open_workspace(pg_server.url("zhang").replace(str(pg_cluster.port), "1"))
