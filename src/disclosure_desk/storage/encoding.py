"""How values sit in the store's columns, for the ORM types (``models.py``) and the sqlite3 paths (``rows.py``).

- Text is kept exactly. SQLite text must be UTF-8, which cannot hold a lone surrogate (from a ``"\\ud800"``
  escape in report JSON): such a string is stored as a BLOB of its ``surrogatepass`` encoding and decoded
  back on reading. Every other string is plain TEXT.
- Times are aware datetimes stored as ISO 8601 text in UTC (sorts as text, readable in any tool).

No SQLAlchemy here, so that listing and saving need not import it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, overload

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def text_to_sql(value: Any) -> Any:
    """A string as stored: a BLOB when it holds a lone surrogate, else unchanged (any other value too)."""
    if isinstance(value, str) and _SURROGATE.search(value):
        return value.encode("utf-8", "surrogatepass")
    return value


def text_from_sql(value: Any) -> Any:
    """The string ``text_to_sql`` stored (a BLOB is decoded; anything else is returned as it is)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogatepass")
    return value


@overload
def time_to_sql(value: dt.datetime) -> str: ...
@overload
def time_to_sql(value: None) -> None: ...
def time_to_sql(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


@overload
def time_from_sql(value: str) -> dt.datetime: ...
@overload
def time_from_sql(value: None) -> None: ...
def time_from_sql(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)
