"""The local journal keeps the draft on screen exactly: what is read back is what was written."""

from __future__ import annotations

from decimal import Decimal

from disclosure_desk.application.journal import Journal
from disclosure_desk.interchange import dumps_report
from tests.storage.test_store_roundtrip import rich_draft


def test_a_journaled_draft_reads_back_exactly_amounts_included(tmp_path):
    draft = rich_draft("2021")
    draft.id = 7
    amount = next(cell for cell, value in draft.values.items() if isinstance(value, Decimal))
    draft.values[amount] = Decimal("1234.50")  # as typed, its trailing zero included
    journal = Journal(tmp_path / "journal", "postgresql://zhang@server/disclosure_desk")
    journal.write(draft, revision=3, token="t0k3n")
    (entry,) = journal.pending()
    assert (entry.revision, entry.token, entry.draft.id) == (3, "t0k3n", 7)
    assert str(entry.draft.values[amount]) == "1234.50"
    assert entry.draft.extras["x-county"]["ratio"] == Decimal("0.250")
    assert dumps_report(entry.draft) == dumps_report(draft)
