"""Helpers shared by the storage tests."""

from __future__ import annotations

from disclosure_desk import paths
from disclosure_desk.interchange import read_report_file
from disclosure_desk.storage import DraftRepository


def save(store, draft):
    with store.session() as session:
        return DraftRepository(session).save(draft)


def load(store, draft_id: int):
    with store.read_session() as session:
        return DraftRepository(session).load(draft_id)


def sample_draft(name: str):
    return read_report_file(paths.samples_dir() / name)


def exact(values: dict) -> dict:
    """Values with their type and digits, so Decimal("12.50") != Decimal("12.5") and 1 != Decimal(1)."""
    return {k: (type(v).__name__, str(v)) for k, v in values.items()}


def file_state(path) -> dict:
    """Bytes of a file and of its -wal/-shm companions (None where absent)."""
    out = {}
    for suffix in ("", "-wal", "-shm"):
        p = path.parent / f"{path.name}{suffix}"
        out[suffix or "db"] = p.read_bytes() if p.exists() else None
    return out
