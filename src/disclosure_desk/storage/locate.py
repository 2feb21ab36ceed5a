"""Which store: a local SQLite file (the default, no server) or a PostgreSQL server, named by a URL.

``--store URL``, the environment variable ``DISCLOSURE_DESK_STORE`` (``paths.store_url``) or the app's settings
name it; ``postgresql://user@host:port/database`` is a server, anything else (``sqlite:///path``, a path) a
local file. The password is never kept in a file: it comes from the URL as typed, from the OS keyring
(``credentials.py``), or from the clerk when asked (``ServerLoginError`` tells the face to ask).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing is not imported at run time (the list command's path: ~3 ms)
if TYPE_CHECKING:
    from .engine import Store
    from .server import ServerStore

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def is_server_url(target: str | os.PathLike[str] | None) -> bool:
    return isinstance(target, str) and target.split("://", 1)[0].lower() in SERVER_SCHEMES and "://" in target


def public_url(url: str) -> str:
    """The URL without its password (for settings, messages and the log)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=True).replace(":***@", "@")


def server_user(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).username or ""


def open_store_at(
    target: str | os.PathLike[str] | None = None, *, password: str | None = None, read_only: bool = False
) -> Store | ServerStore:
    """The store ``target`` names (None: the local file in the data folder), opened and checked."""
    if not is_server_url(target):
        from .engine import open_store

        path = str(target)[len("sqlite:///") :] if str(target or "").startswith("sqlite:///") else target
        return open_store(path or None, read_only=read_only)
    return open_server_store(str(target), password=password)


def open_server_store(url: str, *, password: str | None = None) -> ServerStore:
    from sqlalchemy.engine import make_url

    from .credentials import saved_password
    from .server import ServerStore

    parsed = make_url(url).set(drivername="postgresql+psycopg")
    if password is None and parsed.password is None:
        password = saved_password(public_url(url))
    if password is not None:
        parsed = parsed.set(password=password)
    store = ServerStore(parsed)
    try:
        store.check()
    except BaseException:
        store.close()
        raise
    return store
