"""``disclosure-desk review FOLDER [--previous FOLDER] [--expected ORGANS.txt] -o OUTDIR``: the review desk.

Reads every report in FOLDER (any readable format), or with ``--from-store [--year YEAR]`` the drafts of the store
``--store`` names (a server), checks it against the organ's report in the previous folder (last year's drafts), writes the board, the 汇总, the charts and each organ's 审核意见 into OUTDIR and prints a summary.
Exit 0: every report passes (warnings allowed) and no expected organ is missing; 1: a report has errors, a
file cannot be read or an expected organ is missing; 2: bad input (a folder or the list missing); 3: OUTDIR
cannot be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..application.review import OrganReview, Review, Status, review_folder
from ..application.review.outputs import write_all
from ..errors import BadInputError

LISTED = 20  # organs named per line of the summary


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    review = _from_store(args) if args.from_store else _from_folders(args, out)
    written = write_all(review, out, include_errors=args.include_errors, name=args.name or "")
    for line in summary_lines(review):
        print(line)
    totals = written.totals
    if totals is not None:
        included = sum(len(e.included) for e in totals.editions)
        print(f"汇总：计入 {included} 个机关，未计入 {len(totals.left_out)} 个（见 汇总.xlsx 的“说明”）。")
    print(
        f"已生成 {len(written.files)} 个文件，在“{out}”中：board.csv、board.xlsx、汇总.xlsx、汇总.pdf、汇总.docx、图表、审核意见。"
    )
    return 1 if review.needs_action else 0


def _from_folders(args: argparse.Namespace, out: Path) -> Review:
    if not args.folder:
        raise BadInputError(
            "请指定存放各机关报告的文件夹，或用 --from-store 读取草稿库中的草稿。", "review: no folder, no --from-store"
        )
    folder, previous = Path(args.folder), Path(args.previous) if args.previous else None
    for source in (folder, previous):
        if source is not None and source.exists() and out.exists() and out.resolve() == source.resolve():
            raise BadInputError(
                f"输出文件夹“{out}”就是报告所在的文件夹。请另选一个文件夹存放审核结果，以免与报告混在一起。",
                f"{out}: output folder is an input folder",
            )
    return review_folder(folder, previous, args.expected)  # a str, or None


def _from_store(args: argparse.Namespace) -> Review:
    """The drafts of the store ``--store`` names (the reviewer's account on a server sees every organ's)."""
    from .. import paths
    from ..application.review.store_source import review_store
    from ..application.workspace import open_workspace
    from .login import with_login

    if args.folder or args.previous:
        raise BadInputError(
            "--from-store 读取草稿库中的本年度和上年度草稿，不能同时指定文件夹。", "review: --from-store with a folder"
        )
    url = paths.store_url()
    with with_login(url, lambda password: open_workspace(url, password=password, read_only=True)) as workspace:
        return review_store(workspace, args.year, args.expected)


def summary_lines(review: Review) -> list[str]:
    lines = [f"审核 {review.source}：{review.summary_line()}"]
    for status in (Status.MISSING, Status.UNREADABLE, Status.ERRORS):
        organs = review.with_status(status)
        if status is Status.MISSING:
            organs = [o for o in organs if o.expected]
        if organs:
            lines.append(f"{status.label}：" + _names([_with_count(o, status) for o in organs]))
    copied = [o.organ for o in review.organs if o.copied]
    if copied:
        lines.append("内容与上年雷同：" + _names(copied))
    not_listed = [o.organ for o in review.organs if not o.expected and review.expected_file is not None]
    if not_listed:
        lines.append("不在应报机关名单中：" + _names(not_listed))
    return lines


def _with_count(organ: OrganReview, status: Status) -> str:
    if status is Status.ERRORS:
        return f"{organ.organ}（{organ.errors}个错误）"
    if status is Status.UNREADABLE and organ.received is not None:
        return f"{organ.organ}（{organ.received.path.name}）"
    return organ.organ


def _names(names: list[str]) -> str:
    shown = "、".join(names[:LISTED])
    return shown + (f"等{len(names)}个" if len(names) > LISTED else "") + "。"
