"""Opening a server store from a command: the password from the URL or the OS keyring, else asked once at the
terminal (never echoed, never stored)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from ..storage.errors import ServerLoginError

TYPE_CHECKING = False  # typing is not imported at run time (the list command's path: ~3 ms)
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


def with_login(url: str | None, open_with: Callable[[str | None], T]) -> T:
    """``open_with(None)``; when the server asks for a password and a person is at the terminal, ask for it
    and try once more with it."""
    try:
        return open_with(None)
    except ServerLoginError:
        if url is None or sys.stdin is None or not sys.stdin.isatty():
            raise
    import getpass

    from ..storage.locate import public_url

    return open_with(getpass.getpass(f"{public_url(url)} 的密码："))
