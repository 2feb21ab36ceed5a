"""The two kinds of SQLAlchemy session a store hands out, the same for the SQLite file and a server.

No SQLAlchemy import here: the local store's start-up path imports this module without it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

from .rows import CREATED_DRAFTS, SAVED_BY

TYPE_CHECKING = False  # typing is not imported at run time (the list command's path: ~3 ms)
if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@contextlib.contextmanager
def write_session(
    make: Callable[[], Session], saved_by: str, errors: AbstractContextManager[None]
) -> Iterator[Session]:
    """A write transaction, committed when the block ends and rolled back if it raises; ``errors`` turns the
    database's errors into the clerk's messages. Drafts created in a transaction that does not commit get
    their ``id`` reset to None."""
    session = make()
    session.info[SAVED_BY] = saved_by
    try:
        with errors, session.begin():
            yield session
    except BaseException:
        for draft in session.info.get(CREATED_DRAFTS, ()):
            draft.id = None
        raise
    finally:
        session.close()


@contextlib.contextmanager
def read_session(make: Callable[[], Session], saved_by: str, errors: AbstractContextManager[None]) -> Iterator[Session]:
    """A read-only snapshot: whatever the block did is rolled back."""
    with errors, make() as session:
        session.info[SAVED_BY] = saved_by
        try:
            yield session
        finally:
            session.rollback()
