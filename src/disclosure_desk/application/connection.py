"""Which store the app opens, and how the faces talk about a server: for ``ui`` (which may not import ``storage``).

The app's setting (a server's URL without its password) comes after ``--store`` and ``DISCLOSURE_DESK_STORE``
(``paths.store_url``). A password typed at the login prompt may be remembered in the OS keyring, never in a file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..storage.errors import ServerLoginError, ServerUnreachableError

if TYPE_CHECKING:
    import datetime as dt

    from ..spec import ReportSpec
    from ..storage.changelog import ChangeEntry

__all__ = [
    "ChangeLine",
    "ServerLoginError",
    "ServerUnreachableError",
    "change_lines",
    "is_server_url",
    "public_url",
    "remember_password",
]


def is_server_url(url: str | None) -> bool:
    from ..storage.locate import is_server_url as server

    return server(url)


def public_url(url: str) -> str:
    """The URL without a password (what the settings keep and messages show)."""
    from ..storage.locate import public_url as public

    return public(url)


def remember_password(url: str, password: str) -> bool:
    """Keep the password in the OS keyring for ``url``; False where there is none."""
    from ..storage.credentials import save_password

    return save_password(public_url(url), password)


class ChangeLine(NamedTuple):
    """A row of the 修改记录 dialog."""

    at: dt.datetime  # local time
    who: str
    what: str  # 表三/一、本年新收…/自然人, 前言, 机关名称, 定稿 …
    old: str
    new: str


_STATUS_WORDS = {"created": "新建草稿"}


def change_lines(entries: list[ChangeEntry], spec: ReportSpec) -> list[ChangeLine]:
    """The change log in the clerk's words: the cell's official labels, the field's name, blank as （空白）."""
    return [ChangeLine(e.at.astimezone(), e.who, _what(e, spec), _shown(e, e.old), _shown(e, e.new)) for e in entries]


def _what(entry: ChangeEntry, spec: ReportSpec) -> str:
    from ..domain.fields import FIELDS

    if entry.what == "value":
        try:
            return spec.cell(entry.key).label_path
        except KeyError:
            return entry.key
    if entry.what == "field":
        return next((f.label for f in FIELDS if f.column == entry.key), entry.key)
    if entry.what == "text":
        family, _, key = entry.key.partition("/")
        named = {"preface": "前言", "accepted": "接受的提示", "origin": "数字的来源", "carried": "从上年带入的文字"}
        return key if family == "section" else f"{named.get(family, family)}{'：' + key if key else ''}"
    if entry.what == "status":
        return entry.key
    return _STATUS_WORDS.get(entry.what, entry.what)


def _shown(entry: ChangeEntry, value: str | None) -> str:
    if entry.what == "value":
        return "（空白）" if value is None else value
    if entry.what == "text":
        return "（文字修改）" if value is None else value
    return value or ""
