"""The draft store: a local SQLite file (the default) or a PostgreSQL server, through SQLAlchemy 2.x. Qt-free.

Importing this package is cheap: SQLAlchemy is imported only when one of the names below
is first used, so the GUI can show its window before paying for it.

    store = open_store()                      # validate, create or migrate; may raise StoreError
    maybe_daily_backup(store)
    with store.session() as session:          # one short transaction per action / autosave
        drafts = DraftRepository(session)
        draft = drafts.load(draft_id)
        saved_at = drafts.save(draft)

See docs/storage.md.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing is not imported at run time (the list command's path: ~3 ms)
if TYPE_CHECKING:  # the real names for type checkers; at run time __getattr__ imports them when first used
    from typing import Any

    from .backups import RestoreResult, list_backups, maybe_daily_backup, newest_backup, restore_backup, take_backup
    from .carry_over import draft_for_next_year
    from .engine import Store, default_store_path, open_store
    from .errors import (
        AmbiguousDraftError,
        DraftConflictError,
        DraftFinalError,
        DraftNotFoundError,
        LeaseHeldError,
        NewerVersionError,
        ServerLoginError,
        ServerUnreachableError,
        StoreBusyError,
        StoreError,
        StoreNotWritableError,
        StorePermissionError,
        StoreUnreadableError,
    )
    from .locate import is_server_url, open_store_at
    from .repository import DraftRepository
    from .summary import DraftSummary, StatusEvent

_EXPORTS = {
    "Store": "engine",
    "open_store": "engine",
    "default_store_path": "engine",
    "DraftRepository": "repository",
    "DraftSummary": "summary",
    "StatusEvent": "summary",
    "draft_for_next_year": "carry_over",
    "list_backups": "backups",
    "newest_backup": "backups",
    "take_backup": "backups",
    "maybe_daily_backup": "backups",
    "restore_backup": "backups",
    "RestoreResult": "backups",
    "StoreError": "errors",
    "StoreUnreadableError": "errors",
    "NewerVersionError": "errors",
    "StoreNotWritableError": "errors",
    "StoreBusyError": "errors",
    "DraftNotFoundError": "errors",
    "AmbiguousDraftError": "errors",
    "DraftFinalError": "errors",
    "DraftConflictError": "errors",
    "LeaseHeldError": "errors",
    "ServerUnreachableError": "errors",
    "ServerLoginError": "errors",
    "StorePermissionError": "errors",
    "open_store_at": "locate",
    "is_server_url": "locate",
}

__all__ = [  # the lazily imported names of _EXPORTS (tests/storage/test_store_exports.py keeps the two equal)
    "AmbiguousDraftError",
    "DraftConflictError",
    "DraftFinalError",
    "DraftNotFoundError",
    "DraftRepository",
    "DraftSummary",
    "LeaseHeldError",
    "NewerVersionError",
    "RestoreResult",
    "ServerLoginError",
    "ServerUnreachableError",
    "StatusEvent",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreNotWritableError",
    "StorePermissionError",
    "StoreUnreadableError",
    "default_store_path",
    "draft_for_next_year",
    "is_server_url",
    "list_backups",
    "maybe_daily_backup",
    "newest_backup",
    "open_store",
    "open_store_at",
    "restore_backup",
    "take_backup",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
