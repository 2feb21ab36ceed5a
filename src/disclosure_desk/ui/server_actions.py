"""The app's side of a server store: which store to open, the login, journals left from last time, the change
log of the open report, and the on-screen report saved as JSON whatever the store says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import paths
from ..application.connection import ServerLoginError, change_lines, is_server_url, public_url, remember_password
from ..errors import UserFacingError
from . import messages, settings

if TYPE_CHECKING:
    from ..application.workspace import Workspace

LOGIN_TRIES = 3


def store_target() -> str | None:
    """``--store``, ``DISCLOSURE_DESK_STORE``, else the app's setting; None: the local file."""
    return paths.store_url(settings.value(settings.STORE_URL) or None)


def open_workspace_with_login(window, target: str | None = None, *, named: bool = False) -> Workspace:
    """Open the store (``named``: ``target``, else the one ``store_target`` names); a server that wants a
    password gets it from the clerk (up to three tries), and may keep it in the OS keyring. ``UserFacingError``
    when it cannot be opened."""
    from ..application.workspace import open_workspace

    target = target if named else store_target()
    password = None
    for _ in range(LOGIN_TRIES):
        try:
            workspace = open_workspace(target, password=password)
        except ServerLoginError as e:
            if target is None:
                raise
            password = messages.ask_password(window, "登录草稿服务器", f"{e.message}\n\n{public_url(target)} 的密码：")
            if password is None:
                raise
            continue
        if password and target is not None:
            _offer_to_remember(window, target, password)
        return workspace
    raise ServerLoginError("登录三次都没有成功，没有打开草稿库。", "login failed three times")


def _offer_to_remember(window, url: str, password: str) -> None:
    question = "要把密码保存在本机的系统钥匙串中，下次不再询问吗？（不会写入任何文件）"
    if messages.ask(window, "记住密码", question, ("记住", "不记住")) != "记住":
        return
    if not remember_password(url, password):
        messages.info(window, "记住密码", "本机没有可用的系统钥匙串，密码没有保存；下次启动时会再询问。")


def choose_store(window) -> bool:
    """文件 → 草稿库位置…: a server's URL, or empty for this PC's own file; True when it changed."""
    current = settings.value(settings.STORE_URL) or ""
    url = messages.ask_line(
        window,
        "草稿库位置",
        "在单位的服务器上与同事共用草稿库时，填写服务器地址，如\npostgresql://zhangsan@192.168.1.10/disclosure_desk\n"
        "（用户名和服务器由信息技术人员提供；不要在这里写密码）。\n留空：使用本机的草稿库。",
        current,
    )
    if url is None or url.strip() == current:
        return False
    url = url.strip()
    if url and not is_server_url(url):
        messages.error(window, "草稿库位置", "服务器地址应以 postgresql:// 开头。没有改动。")
        return False
    settings.set_value(settings.STORE_URL, public_url(url) if url else None)
    return True


def replay_journals(window, workspace: Workspace) -> None:
    """Write what was kept on this PC while the server was away (last time the app ran)."""
    from ..application.editing import journal_for
    from ..application.journal import replay

    if not workspace.is_server:
        return
    try:
        done = replay(workspace, journal_for(workspace, paths.data_dir()))
    except UserFacingError as e:
        messages.warning(window, "本机暂存的修改", f"上次断网时保存在本机的修改还没能写入服务器：{e.message}")
        return
    if done:
        written, copied = "已写入服务器", "服务器上已被他人修改，另存为编号 {}"
        lines = [f"“{r.title}”：{written if r.copy_id is None else copied.format(r.copy_id)}" for r in done]
        messages.info(window, "本机暂存的修改已写入", "上次服务器断开时保存在本机的修改：\n" + "\n".join(lines))


def show_changes(window) -> None:
    """文件 → 修改记录…: who changed which cell of the open report, when."""
    from .change_log_dialog import ChangeLogDialog

    report = window.report
    if report is None or report.session.draft.id is None:
        return
    try:
        entries = window.workspace.changes(report.session.draft.id)
    except UserFacingError as e:
        messages.error(window, "修改记录", e.message)
        return
    dialog = ChangeLogDialog(change_lines(entries, report.session.spec), report.session.draft.display_title, window)
    window.actions_.run_dialog(dialog)


def save_on_screen_as_json(window) -> None:
    """文件 → 当前报告另存为文件…: the report as it is on screen, whether or not the store has it."""
    from ..interchange import write_report_file
    from .folders import default_folder, remember_folder

    report = window.report
    if report is None:
        return
    draft = report.session.draft
    suggested = str(default_folder(settings.EXPORT_FOLDER) / f"{draft.display_title}.json")
    path = messages.ask_save_path(window, "当前报告另存为文件", suggested, "报告文件 (*.json)")
    if not path:
        return
    remember_folder(settings.EXPORT_FOLDER, path)
    try:
        write_report_file(draft, path)
    except UserFacingError as e:
        messages.error(window, "无法另存", e.message)
        return
    messages.info(window, "已另存", f"当前报告已另存为：\n{path}\n\n之后可用“导入报告文件”找回。")
