"""The county review desk (审核台): a folder of incoming reports checked, compared and summed. Qt-free.

    review = review_folder("收到的报告", previous="去年的报告", expected="应报机关.txt")
    review.organs            # one OrganReview per organ: status, findings, figures, copy score …
    write_all(review, Path("审核结果"))   # board.csv/.xlsx, 汇总.xlsx/.pdf/.docx, 图表/, 审核意见/

The app (ui/review) and ``disclosure-desk review`` (commands/review.py) both go through here; see
docs/review.md. Modules: ``scan`` (files → reports), ``assemble`` (organs, last year, checks),
``model``, ``board`` (rows, comparisons), ``figures``, ``sums`` (汇总), ``documents`` (审核意见 and 汇总
as document blocks), ``xlsx``, ``charts`` (matplotlib), ``outputs`` (files), ``organs`` (names, list).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .assemble import build_review
from .model import OrganReview, Review, Status
from .organs import normalise_name, read_expected
from .scan import FolderScanner, ReceivedFile

# (percent 0 … 100, what is being done) — called on the thread the review runs on
Progress = Callable[[int, str], None]
READ_SHARE = 85  # of the progress bar: reading files is most of the time


def review_folder(
    folder: str | os.PathLike[str],
    previous: str | os.PathLike[str] | None = None,
    expected: str | os.PathLike[str] | None = None,
    *,
    progress: Progress | None = None,
    scanner: FolderScanner | None = None,
    previous_scanner: FolderScanner | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Review:
    """Read, match and check every report of ``folder``; ``BadInputError`` when a folder or the list
    cannot be read (a report that cannot be read is listed, not raised). Scanners passed in remember
    the files they read, so a second review of the same folders reads only what changed."""
    report = progress or (lambda percent, message: None)
    this_year, last_year = Path(folder), Path(previous) if previous is not None else None
    organs = read_expected(expected) if expected is not None else None
    share = READ_SHARE if last_year is None else READ_SHARE * 3 // 4

    def reading(start: int, width: int, what: str) -> Callable[[int, int, str], None]:
        def step(done: int, total: int, name: str) -> None:
            report(start + width * done // max(total, 1), f"正在读取{what} {done}/{total}：{name}" if name else "")

        return step

    received = (scanner or FolderScanner()).scan(this_year, reading(0, share, "本年报告"), cancelled)
    before: list[ReceivedFile] = []
    if last_year is not None:
        before = (previous_scanner or FolderScanner()).scan(
            last_year, reading(share, READ_SHARE - share, "上年报告"), cancelled
        )
    review = build_review(
        received,
        before,
        organs,
        folder=this_year,
        previous_folder=last_year,
        expected_file=Path(expected) if expected is not None else None,
        progress=lambda k, n, organ: report(READ_SHARE + (100 - READ_SHARE) * k // max(n, 1), f"正在校验：{organ}"),
    )
    report(100, "完成")
    return review


__all__ = [
    "FolderScanner",
    "OrganReview",
    "ReceivedFile",
    "Review",
    "Status",
    "normalise_name",
    "read_expected",
    "review_folder",
]
