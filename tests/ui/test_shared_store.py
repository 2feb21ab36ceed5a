"""The app on a shared store (a PostgreSQL server, ``tests/server_fixture.py``): two clerks of one organ.

The clerk at the window is the real app (``MainWindow`` on the server); the other clerk works from another PC,
played here by the application layer (``EditingDraft``: what that PC's app does). Every wait is for an event of
the app (a save, a banner shown, the next report opened); the timeouts are safety nets only.
"""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import Qt

from disclosure_desk import paths
from disclosure_desk.application.editing import CONFLICT_COPY, EditingDraft, journal_for
from disclosure_desk.application.workspace import open_workspace
from disclosure_desk.interchange import read_report_file
from disclosure_desk.ui import settings
from disclosure_desk.ui.wizard.export_page import ExportPage
from disclosure_desk.ui.wizard.table_page import TablePage
from tests.conftest import SAMPLE_2021_JSON

from .helpers import page

SAFETY_NET_MS = 60_000
OLD = "2000-01-01T00:00:00.000000+00:00"  # a lease renewed this long ago was left by a PC that crashed


@pytest.fixture
def shared_draft(pg_server):
    """张三 (on another PC) has put the organ's report on the server; its id."""
    with open_workspace(pg_server.url("zhang")) as zhang:
        draft = read_report_file(SAMPLE_2021_JSON)
        zhang.save(draft)
    assert draft.id is not None
    return draft.id


@pytest.fixture
def zhang(pg_server):
    """张三's app on the other PC (its workspace)."""
    workspace = open_workspace(pg_server.url("zhang"))
    yield workspace
    workspace.close()


@pytest.fixture
def server_window(qtbot, app, answers, pg_server, monkeypatch):
    """李四's app, opened on the server (as ``--store URL`` would name it)."""
    from disclosure_desk.ui.main_window import MainWindow

    monkeypatch.setattr(paths, "_store_override", pg_server.url("li"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_store() and w.workspace.is_server
    yield w
    if w.isVisible():
        w.close()


def _stored(pg_server, draft_id: int):
    with open_workspace(pg_server.url("zhang")) as fresh:
        return fresh.load(draft_id)


def _type_cell(qtbot, report, cell: str, text: str) -> None:
    """An edit of a 表四 cell, then the autosave that follows it."""
    t4 = page(report, TablePage, "表四")
    with qtbot.waitSignal(report.autosaver.saved, timeout=SAFETY_NET_MS):
        assert t4.model.setData(t4.model.index_of(cell), text)


def test_the_second_clerk_sees_who_edits_reads_only_and_takes_over(
    qtbot, server_window, zhang, pg_server, shared_draft
):
    first = EditingDraft(zhang, shared_draft)  # 张三 is editing it on his PC
    server_window.actions_.refresh_list()
    listed = {r.id: r for r in server_window.start.model.rows()}[shared_draft]
    assert "张三" in listed.editing  # the list says who is editing what
    report = server_window.open_draft(shared_draft)
    assert report.lease.isVisible() and "张三" in report.lease.label.text() and "只能查看" in report.lease.label.text()
    assert report.session.read_only and report.lease.take_over_button.isVisible()
    assert not report.final_banner.isVisible()  # it is not 定稿: only the lease banner speaks
    t4 = page(report, TablePage, "表四")
    before = report.session.draft.value("t4.direct.upheld")
    assert not t4.model.setData(t4.model.index_of("t4.direct.upheld"), "97")  # nothing typed is taken
    assert report.session.draft.value("t4.direct.upheld") == before and not report.autosaver.dirty
    export = page(report, ExportPage)
    assert not export.final_button.isVisible() and "张三正在编辑" in export.state.text()

    qtbot.mouseClick(report.lease.take_over_button, Qt.MouseButton.LeftButton)  # 接管编辑, and the clerk confirms
    taken = server_window.report
    assert taken is not report and not taken.session.read_only and not taken.lease.isVisible()
    _type_cell(qtbot, taken, "t4.direct.upheld", "97")
    assert _stored(pg_server, shared_draft).value("t4.direct.upheld") == 97
    assert not first.heartbeat()  # 张三's app learns it lost the lease; its next save becomes a conflict copy


def test_a_lease_left_by_a_crashed_pc_is_taken_on_opening(qtbot, server_window, zhang, pg_server, shared_draft):
    EditingDraft(zhang, shared_draft)  # and then 张三's PC dies: the lease is never renewed nor given back
    pg_server.sql(f"UPDATE draft_leases SET renewed_at = '{OLD}'")
    report = server_window.open_draft(shared_draft)
    assert not report.session.read_only and not report.lease.isVisible()
    _type_cell(qtbot, report, "t4.direct.pending", "5")
    assert _stored(pg_server, shared_draft).value("t4.direct.pending") == 5


def test_losing_the_lease_turns_the_report_read_only_and_says_who(qtbot, server_window, zhang, shared_draft):
    report = server_window.open_draft(shared_draft)
    assert not report.session.read_only
    EditingDraft(zhang, shared_draft, take_over=True)  # 张三 takes it over on his PC
    report.lease.heartbeat.setInterval(10)  # the next renewal now (it runs every minute)
    qtbot.waitUntil(lambda: report.session.read_only, timeout=SAFETY_NET_MS)
    assert report.lease.isVisible() and "张三" in report.lease.label.text()


def test_a_lost_lease_whose_holder_cannot_be_asked_still_turns_read_only(
    qtbot, server_window, zhang, shared_draft, monkeypatch
):
    """The server goes away between the refused renewal and the question who holds the lease now."""
    from disclosure_desk.storage import ServerUnreachableError

    report = server_window.open_draft(shared_draft)
    EditingDraft(zhang, shared_draft, take_over=True)

    def away(_draft_id):
        raise ServerUnreachableError("server", "连接被拒绝")

    monkeypatch.setattr(server_window.workspace, "lease_of", away)
    report.lease.heartbeat.setInterval(10)
    qtbot.waitUntil(lambda: report.session.read_only, timeout=SAFETY_NET_MS)
    assert report.lease.isVisible() and "只能查看" in report.lease.label.text()
    assert not report.lease.take_over_button.isVisible()


def test_a_stale_save_is_refused_shown_and_kept_as_a_conflict_copy(
    qtbot, server_window, zhang, answers, pg_server, shared_draft
):
    report = server_window.open_draft(shared_draft)
    _type_cell(qtbot, report, "t4.direct.upheld", "3")
    other = EditingDraft(zhang, shared_draft, take_over=True)  # 张三 takes over and saves his change
    other.draft.set_value("t3.new.natural", 71)
    other.save()
    t4 = page(report, TablePage, "表四")
    t4.model.setData(t4.model.index_of("t4.direct.pending"), "8")  # 李四 types on: this save would overwrite
    qtbot.waitUntil(lambda: "已另存为冲突副本" in answers.texts(), timeout=SAFETY_NET_MS)
    shown = next(r for r in answers.requests if r.title == "已另存为冲突副本")
    assert shown.kind == "warning" and "张三" in shown.text and CONFLICT_COPY in shown.text
    qtbot.waitUntil(
        lambda: server_window.report is not None and server_window.report is not report, timeout=SAFETY_NET_MS
    )
    copy = server_window.report.session.draft  # the conflict copy is opened, editable
    assert (
        copy.id != shared_draft and CONFLICT_COPY in copy.display_title and not server_window.report.session.read_only
    )
    assert copy.value("t4.direct.pending") == 8 and copy.value("t4.direct.upheld") == 3  # 李四's version, whole
    stored = _stored(pg_server, shared_draft)
    assert stored.value("t3.new.natural") == 71 and stored.value("t4.direct.pending") != 8  # 张三's, not overwritten
    listed = {r.id: r.title for r in server_window.workspace.list_drafts()}
    assert {shared_draft, copy.id} <= set(listed) and CONFLICT_COPY in listed[copy.id]  # both in the list


def test_the_change_log_dialog_lists_who_changed_which_cell(qtbot, server_window, zhang, monkeypatch, shared_draft):
    first = EditingDraft(zhang, shared_draft)
    first.draft.set_value("t3.new.natural", 42)
    first.save()
    first.close()
    report = server_window.open_draft(shared_draft)
    _type_cell(qtbot, report, "t4.direct.upheld", "6")
    dialogs = []
    monkeypatch.setattr(server_window.actions_, "run_dialog", lambda dialog: dialogs.append(dialog) or True)
    server_window.changes_action.trigger()  # 文件 → 修改记录…
    (dialog,) = dialogs
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    # newest first; each cell named by its official labels (the sample had 0 and 3 there), its total with it
    li = [row[1:] for row in rows if row[1] == "李四"]
    assert sorted(li) == [
        ["李四", "表四/未经复议直接起诉/总计", "0", "6"],
        ["李四", "表四/未经复议直接起诉/结果维持", "0", "6"],
    ]
    assert ["张三", "表三/一、本年新收政府信息公开申请数量/自然人", "3", "42"] in [row[1:] for row in rows]
    assert [row[1] for row in rows[: len(li)]] == ["李四"] * len(li)  # the latest change first
    assert rows[-1][1:3] == ["张三", "新建草稿"]  # the first entry: who put the draft on the server


@contextlib.contextmanager
def _server_stopped(cluster):
    cluster.stop()
    try:
        yield
    finally:
        cluster.start()


def test_server_away_banner_edits_journalled_and_written_when_back(
    qtbot, server_window, answers, pg_cluster, pg_server, monkeypatch, tmp_path, shared_draft
):
    report = server_window.open_draft(shared_draft)
    monkeypatch.setattr(report.autosaver, "_retry_ms", 100)
    _type_cell(qtbot, report, "t4.direct.upheld", "1")
    journal = journal_for(server_window.workspace, paths.data_dir())
    t4 = page(report, TablePage, "表四")
    with _server_stopped(pg_cluster):
        t4.model.setData(t4.model.index_of("t4.direct.pending"), "2")
        qtbot.waitUntil(lambda: report.save_banner.isVisible(), timeout=SAFETY_NET_MS)
        assert "已保存在本机" in report.save_banner.text() and "服务器恢复后" in report.save_banner.text()
        assert "已保存在本机" in server_window.save_label.text()
        assert journal.pending()[0].draft.value("t4.direct.pending") == 2  # on this PC's disk, fsynced
        t4.model.setData(t4.model.index_of("t4.direct.upheld"), "3")  # typing goes on
        qtbot.waitUntil(lambda: journal.pending()[0].draft.value("t4.direct.upheld") == 3, timeout=SAFETY_NET_MS)
        target = tmp_path / "屏幕上的报告.json"  # what is on screen can always be saved as a file
        answers.push(str(target))
        server_window.save_as_action.trigger()
        assert read_report_file(target).value("t4.direct.upheld") == 3
    # the server is back: the retrying autosave writes it, the banner goes, the journal is removed
    qtbot.waitUntil(lambda: not report.autosaver.dirty, timeout=SAFETY_NET_MS)
    assert not report.save_banner.isVisible() and not journal.has(shared_draft)
    stored = _stored(pg_server, shared_draft)
    assert (stored.value("t4.direct.upheld"), stored.value("t4.direct.pending")) == (3, 2)


def test_the_store_is_chosen_in_the_settings_and_the_password_asked(qtbot, window, answers, pg_server, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # no keyring on this PC
    url = pg_server.url("li", with_password=False)
    answers.push(url, "li-pw", "不记住")  # 文件 → 草稿库位置…: the URL; then the login prompt; keep no password
    window.store_action.trigger()
    assert window.workspace.is_server and window.workspace.user == "李四"
    password_request = answers.requests[1]
    assert password_request.kind == "password" and url.split("@")[1] in password_request.text
    assert settings.value(settings.STORE_URL) == url and "li-pw" not in settings.value(settings.STORE_URL)
    assert "服务器" in window.windowTitle() and "李四" in window.windowTitle()


def test_the_review_desk_reads_the_servers_drafts(qtbot, app, answers, pg_server, shared_draft):
    from disclosure_desk.ui.review.review_window import ReviewWindow

    desk = ReviewWindow()
    qtbot.addWidget(desk)
    desk.show()
    answers.push("shen-pw", "不记住")  # the reviewer's password, asked once; not kept
    with qtbot.waitSignal(desk.review_changed, timeout=SAFETY_NET_MS):
        desk.sources.set_store(pg_server.url("shen"))  # the password is not kept in the settings
    assert "shen-pw" not in desk.sources.store.text() and answers.requests[0].kind == "password"
    review = desk.review
    assert review.store and [o.organ for o in review.organs] == ["青禾县统计局"]
    assert desk.model.rowCount() == 1 and review.organs[0].received.path.name.startswith(f"草稿#{shared_draft} ")
    assert "草稿库" in desk.status.text() and desk.watcher.watched() == []
    viewer = desk.open_organ(review.organs[0])  # the report, read-only, as for a file
    assert viewer is not None and viewer.session.read_only
    desk.close()


def test_the_reviewers_account_reads_every_report_and_writes_none(
    qtbot, app, answers, pg_server, monkeypatch, shared_draft
):
    from disclosure_desk.ui.main_window import MainWindow

    monkeypatch.setattr(paths, "_store_override", pg_server.url("shen"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_store() and w.workspace.read_only
    report = w.open_draft(shared_draft)  # 统计局's report, though the reviewer belongs to no organ
    assert report.session.read_only and report.lease.isVisible() and "审核账户" in report.lease.label.text()
    assert not report.lease.take_over_button.isVisible()  # nothing to take over: the account only reads
    assert (
        "审核账户" in page(report, ExportPage).state.text() and "正在编辑" not in page(report, ExportPage).state.text()
    )
    w.close()
