"""The review desk reading the drafts of a store instead of a folder of files: what the 政务公开办 sees of a
county's server (its reviewer account reads every organ's drafts, read-only; ``docs/server.md``).

Each draft is a "received report" (``ReceivedFile`` with ``in_store``): named ``草稿#12 <title>``, received when
it was last saved. The review is of one year (``year``, else the year most drafts are of); last year's drafts
of the same store are the previous reports for the cross-year checks. Of several drafts of one organ and year a
定稿 one is the report (then the newest); a draft not yet 定稿 is noted on the board, since its organ may still
be changing it. Drafts in the trash are not read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ...domain import STATUS_FINAL
from . import READ_SHARE, Progress
from .assemble import build_review
from .model import Review
from .organs import read_expected
from .scan import ReceivedFile

if TYPE_CHECKING:
    import os

    from ..workspace import DraftRow, Workspace

NOT_FINAL = "草稿库中的草稿尚未定稿，报送单位可能仍在修改"


def review_store(
    workspace: Workspace,
    year: int | None = None,
    expected: str | os.PathLike[str] | None = None,
    *,
    progress: Progress | None = None,
) -> Review:
    """Read, match and check the drafts of ``workspace``'s store of ``year`` (None: the year most drafts are
    of), beside last year's drafts there; ``UserFacingError`` when the store cannot be read."""
    report = progress or (lambda percent, message: None)
    rows = workspace.list_drafts()
    year = year if year is not None else _most_common_year(rows)
    this_year = [r for r in rows if r.year == year] if year is not None else rows
    last_year = [r for r in rows if year is not None and r.year == year - 1]
    wanted = this_year + last_year
    received: dict[int, ReceivedFile] = {}
    for done, row in enumerate(wanted):
        report(READ_SHARE * done // max(len(wanted), 1), f"正在读取草稿 {done + 1}/{len(wanted)}：{row.title}")
        received[row.id] = _received(row, workspace)
    review = build_review(
        [received[r.id] for r in this_year],
        [received[r.id] for r in last_year],
        read_expected(expected) if expected is not None else None,
        folder=Path(workspace.location),
        expected_file=Path(expected) if expected is not None else None,
        progress=lambda k, n, organ: report(READ_SHARE + (100 - READ_SHARE) * k // max(n, 1), f"正在校验：{organ}"),
    )
    review.store = workspace.location
    for organ in review.organs:
        if organ.received is not None and not organ.received.final:
            organ.notes = (*organ.notes, NOT_FINAL)
    report(100, "完成")
    return review


def _most_common_year(rows: list[DraftRow]) -> int | None:
    years = Counter(r.year for r in rows if r.year is not None)
    return years.most_common(1)[0][0] if years else None


def _received(row: DraftRow, workspace: Workspace) -> ReceivedFile:
    title = row.title.replace("/", "／").replace("\\", "＼")  # a name, never a path
    saved = row.updated_at or row.created_at or dt.datetime.now()
    return ReceivedFile(
        Path(f"草稿#{row.id} {title}"),
        saved.replace(tzinfo=None),
        row.revision,
        workspace.load(row.id),
        in_store=True,
        final=row.status == STATUS_FINAL,
    )
