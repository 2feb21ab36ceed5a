"""A PostgreSQL server's errors as the clerk's messages: unreachable, login refused, not allowed, busy.

psycopg's errors arrive as they are (``rows.py`` runs on the driver's connection) or wrapped by SQLAlchemy
(``DBAPIError.orig``); both are translated. Anything else is a bug and passes through.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from .errors import ServerLoginError, ServerUnreachableError, StoreBusyError, StoreError, StorePermissionError

_LOGIN_STATES = ("28P01", "28000")  # invalid_password, invalid_authorization_specification
_PERMISSION_STATES = ("42501",)  # insufficient_privilege (grants, row-level security)
_BUSY_STATES = ("55P03", "40P01", "57014")  # lock_not_available, deadlock, query_canceled (a timeout)


@contextlib.contextmanager
def translate_server_errors(location: str) -> Iterator[None]:
    try:
        yield
    except Exception as e:
        translated = translated_error(location, e)
        if translated is None:
            raise
        raise translated from e


def translated_error(location: str, error: BaseException) -> StoreError | None:
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return None
    orig = getattr(error, "orig", None) or error
    if not isinstance(orig, psycopg.Error):
        return None
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if state in _LOGIN_STATES or (state == "" and _is_login_refusal(text)):
        return ServerLoginError(
            f"服务器“{location}”拒绝登录：用户名或密码不对（或该用户未获准使用草稿库）。",
            f"{location}: login refused ({text})",
        )
    if state in _PERMISSION_STATES:
        return StorePermissionError(
            "您的账户无权进行这项操作（只能修改本机关的草稿；审核账户只能查看）。没有做任何改动。",
            f"{location}: not allowed ({text})",
        )
    if state in _BUSY_STATES:
        return StoreBusyError(location)  # type: ignore[arg-type]
    if isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError) or state.startswith(("08", "57P")):
        return ServerUnreachableError(location, _reason(text))
    return None


def _is_login_refusal(text: str) -> bool:
    return (
        "password authentication failed" in text
        or "no password supplied" in text
        or ("role" in text and "does not exist" in text)
    )


def _reason(text: str) -> str:
    if "Connection refused" in text or "connection refused" in text:
        return "服务器没有响应（可能未启动，或网络不通）。"
    if "timeout" in text.lower():
        return "连接超时（网络不通或服务器太忙）。"
    if "terminating connection" in text or "server closed the connection" in text or "shutting down" in text:
        return "连接被服务器断开（服务器可能正在重启）。"
    return f"网络或服务器出现问题（{text}）。"
