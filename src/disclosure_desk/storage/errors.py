"""What can go wrong with the draft store, each with a clear Chinese message (and English for logs).

Importing this module does not import SQLAlchemy, so the GUI may catch these at any time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import BadInputError, CannotWriteError, UserFacingError


class StoreError(UserFacingError):
    """Any expected failure of the draft store."""


class StoreUnreadableError(StoreError, BadInputError):
    """The store file is not a Disclosure Desk store, is damaged, or comes from a newer version.

    The file is left exactly as it was. ``newest_backup`` names the newest automatic backup
    (if any), which the app offers to restore.
    """

    exit_code = 2

    def __init__(
        self, path: Path, problem: str, english: str, newest_backup: Path | None = None, advice: str | None = None
    ):
        self.path = path
        self.problem = problem
        self.newest_backup = newest_backup
        if advice is None:
            advice = _backup_advice(newest_backup)
        super().__init__(f"无法打开草稿库“{path}”：{problem}文件未作任何改动。{advice}", f"{path}: {english}")


class NewerVersionError(StoreUnreadableError):
    """A store written by a newer Disclosure Desk: this version must not touch it."""

    def __init__(self, path: Path, version: int, supported: int, newest_backup: Path | None = None):
        self.version = version
        super().__init__(
            path,
            f"它由更新版本的 Disclosure Desk 创建（草稿库格式第 {version} 版，本程序只支持到第 {supported} 版）。",
            f"schema version {version} is newer than {supported}",
            newest_backup,
            advice="请安装最新版本的 Disclosure Desk 后再打开；不要用旧的备份覆盖它，否则会丢失新版本中保存的内容。",
        )


def _backup_advice(newest_backup: Path | None) -> str:
    if newest_backup is None:
        return "没有找到自动备份。请把该文件交给技术人员检查，不要删除它。"
    return (
        f"最新的自动备份是“{newest_backup.name}”，可运行 disclosure-desk restore-backup "
        f"{newest_backup.name} 恢复（当前文件会先被另存，不会丢失）。"
    )


class StoreNotWritableError(StoreError, CannotWriteError):
    """The store (or its folder) cannot be written: read-only, no permission, disk full (exit 3)."""

    exit_code = 3


class StoreBusyError(StoreError, CannotWriteError):
    """Another program kept the store locked longer than the retries allowed (exit 3)."""

    exit_code = 3

    def __init__(self, path: Path):
        super().__init__(
            f"草稿库正被另一个程序使用（等了几秒、多次重试后仍被占用），这次的操作没有完成，没有做任何改动：{path}。"
            "请稍后再试；如果同时开着两个 Disclosure Desk 窗口，请关闭其中一个。",
            f"{path}: database is locked",
        )


class DraftNotFoundError(StoreError, BadInputError):
    exit_code = 2

    def __init__(self, what: str, english: str = "draft not found"):
        super().__init__(f"草稿库中没有{what}。可运行 disclosure-desk list 查看全部草稿。", english)


class AmbiguousDraftError(StoreError, BadInputError):
    exit_code = 2


class DraftFinalError(StoreError):
    """A 定稿 draft is frozen: edits need an explicit reopen with a reason."""

    exit_code = 2

    def __init__(self, draft_id: int, title: str):
        super().__init__(
            f"草稿“{title}”（编号 {draft_id}）已定稿，不能再修改。如确需修改，请先“重新打开”并填写原因。",
            f"draft {draft_id} is final",
        )


class DraftConflictError(StoreError):
    """A save refused because someone else saved the draft since this copy was read (nothing was written)."""

    exit_code = 3

    def __init__(self, draft_id: int, title: str, by: str, at: dt.datetime):
        self.draft_id, self.by, self.at = draft_id, by, at
        when = at.astimezone().strftime("%m-%d %H:%M:%S")
        super().__init__(
            f"草稿“{title}”（编号 {draft_id}）在您打开之后已被{by or '另一处'}于 {when} 修改并保存，"
            "为避免覆盖对方的修改，这次保存被拒绝。",
            f"draft {draft_id}: stale save (saved by {by!r} at {at.isoformat()})",
        )


class LeaseHeldError(StoreError):
    """The draft is being edited by someone else (their edit lease): it can be read, not written."""

    exit_code = 3

    def __init__(self, draft_id: int, holder: str, host: str, since: dt.datetime):
        self.draft_id, self.holder, self.host, self.since = draft_id, holder, host, since
        where = f"（{host}）" if host else ""
        super().__init__(
            f"这份草稿（编号 {draft_id}）正由{holder}{where}自 {since.astimezone():%m-%d %H:%M} 起编辑，"
            "您的修改没有写入草稿库。",
            f"draft {draft_id}: leased by {holder!r} on {host!r}",
        )


class ServerUnreachableError(StoreError, CannotWriteError):
    """The server cannot be reached (network, server stopped): nothing was read or written there."""

    exit_code = 3

    def __init__(self, location: str, reason: str):
        self.location = location
        super().__init__(f"无法连接草稿服务器“{location}”：{reason}", f"{location}: unreachable ({reason})")


class ServerLoginError(StoreError, BadInputError):
    """The server refused the user name or password."""

    exit_code = 2


class StorePermissionError(StoreError, CannotWriteError):
    """The server's roles do not allow this (another organ's draft, or a reviewer writing)."""

    exit_code = 3


def log_info(message: str, *args: object) -> None:
    """An INFO line of the ``disclosure_desk.storage`` log. ``logging`` (with traceback, threading …) is
    imported when a line is first written: opening a store and listing it (``list``) write none."""
    import logging

    logging.getLogger("disclosure_desk.storage").info(message, *args)
