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

TYPE_CHECKING = False  # typing is not imported at run time (the list command's path: ~3 ms)
if TYPE_CHECKING:
    from typing import Any

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


def time_to_sql(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def time_from_sql(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


# the same for a column that may be NULL (no typing.overload: typing is not imported at run time)
def optional_time_to_sql(value: dt.datetime | None) -> str | None:
    return None if value is None else time_to_sql(value)


def optional_time_from_sql(value: str | None) -> dt.datetime | None:
    return None if value is None else time_from_sql(value)
