"""Floor for ``disclosure-desk list``: a raw sqlite3 script listing the same drafts.

    python bench/floors/floor_list.py STORE.sqlite3

Opens the store read-only, selects the columns the list prints for the drafts not in the trash, newest
first, and prints one line per draft. No validation, no formatting of widths: the least any program
listing the same rows must do.
"""

import sqlite3
import sys

conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = conn.execute(
    "SELECT id, organ, year, edition, status, updated_at FROM drafts WHERE deleted_at IS NULL "
    "ORDER BY updated_at DESC, id DESC"
).fetchall()
print("\n".join("  ".join(str(c) for c in row) for row in rows))
