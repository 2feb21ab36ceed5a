"""Writing a review's files into a folder: the board (CSV, XLSX), the 汇总 (XLSX, PDF, Word), the charts
(PNG, PDF) and every organ's 审核意见 (Word, PDF). Each file is written atomically; a file that cannot be
written raises ``CannotWriteError`` naming it (exit 3).

    OUTDIR/board.csv  board.xlsx  数据对比.csv  汇总.xlsx  汇总.pdf  汇总.docx
    OUTDIR/图表/本年新收申请.png|pdf  本年新收申请-变化.png|pdf …
    OUTDIR/审核意见/审核意见-青禾县统计局.docx|pdf …
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import CannotWriteError, os_reason
from ...fileio import atomic_write_bytes
from .board import BOARD_HEADERS, board_rows, board_texts, comparison_headers, comparison_texts, comparisons
from .documents import feedback_content, totals_content, totals_notes
from .model import OrganReview, Review
from .sums import Totals, sum_reports

CHARTS_FOLDER = "图表"
FEEDBACK_FOLDER = "审核意见"
TOTALS_NAME = "汇总"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

Progress = Callable[[int, str], None]  # (percent, what is being written)


@dataclass
class Written:
    files: list[Path] = field(default_factory=list)
    totals: Totals | None = None

    def add(self, paths: Sequence[Path]) -> None:
        self.files.extend(paths)


def safe_file_name(name: str) -> str:
    """An organ name as a file name on Windows and Linux (no \\ / : * ? " < > |, no control characters)."""
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    return cleaned[:80] or "未命名"


def make_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise CannotWriteError(f"“{folder}”是一个文件，不是文件夹。", f"{folder}: not a directory") from None
    except OSError as e:
        raise CannotWriteError(f"无法创建文件夹“{folder}”：{os_reason(e)}。", f"{folder}: {e}") from None
    return folder


def write_all(
    review: Review, folder: Path, *, include_errors: bool = False, name: str = "", progress: Progress | None = None
) -> Written:
    report = progress or (lambda percent, what: None)
    make_folder(folder)
    written = Written()
    report(2, "审核表")
    written.add(write_board(review, folder))
    report(8, "汇总")
    totals = sum_reports(review, include_errors=include_errors, name=name)
    written.totals = totals
    written.add(write_totals(review, totals, folder))
    report(25, "图表")
    written.add(write_charts(review, folder / CHARTS_FOLDER))
    written.add(
        write_feedback(
            review, folder / FEEDBACK_FOLDER, progress=lambda k, n: report(45 + 55 * k // max(n, 1), "审核意见")
        )
    )
    report(100, "完成")
    return written


# ---- board ---------------------------------------------------------------------------------------


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """UTF-8 with a BOM (Excel on a Chinese Windows opens it as UTF-8 only then), CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_board(review: Review, folder: Path) -> list[Path]:
    from .xlsx import board_workbook, save_workbook

    make_folder(folder)
    rows = board_rows(review)
    compared = comparisons(review)
    board_csv, compared_csv, board_xlsx = folder / "board.csv", folder / "数据对比.csv", folder / "board.xlsx"
    atomic_write_bytes(board_csv, csv_bytes(BOARD_HEADERS, [board_texts(r) for r in rows]))
    atomic_write_bytes(compared_csv, csv_bytes(comparison_headers(), [comparison_texts(c) for c in compared]))
    save_workbook(board_workbook(rows, compared), board_xlsx)
    return [board_csv, board_xlsx, compared_csv]


# ---- 汇总 -----------------------------------------------------------------------------------------


def write_totals(review: Review, totals: Totals, folder: Path) -> list[Path]:
    from ...formats.content_pdf import render_content_pdf
    from ...formats.docx_format import render_docx
    from .xlsx import save_workbook, totals_workbook

    make_folder(folder)
    xlsx, pdf, docx = (folder / f"{TOTALS_NAME}{suffix}" for suffix in (".xlsx", ".pdf", ".docx"))
    save_workbook(totals_workbook(totals, totals_notes(totals, review)), xlsx)
    content = totals_content(totals, review)
    atomic_write_bytes(pdf, render_content_pdf(content, subject="政府信息公开工作年度报告汇总"))
    atomic_write_bytes(docx, render_docx(content))
    return [xlsx, pdf, docx]


# ---- charts ---------------------------------------------------------------------------------------


def write_charts(review: Review, folder: Path) -> list[Path]:
    from .charts import bars_figure, change_figure, chart_data, chart_name, chartable, save_figure

    make_folder(folder)
    compared = comparisons(review)
    out: list[Path] = []
    for key in chartable(compared):
        data = chart_data(compared, key)
        out += save_figure(bars_figure(data, review.year), folder / chart_name(key))
        if data.has_previous:
            out += save_figure(change_figure(data, review.year), folder / chart_name(key, change=True))
    return out


# ---- 审核意见 --------------------------------------------------------------------------------------


def feedback_base(folder: Path, organ: OrganReview) -> Path:
    return folder / f"审核意见-{safe_file_name(organ.organ)}"


def write_feedback(
    review: Review,
    folder: Path,
    organs: Sequence[OrganReview] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """A 审核意见 for every organ that sent a file (or those given), as .docx and .pdf."""
    from ...formats.content_pdf import render_content_pdf
    from ...formats.docx_format import render_docx

    make_folder(folder)
    chosen = [o for o in (organs if organs is not None else review.organs) if o.received is not None]
    out: list[Path] = []
    for k, organ in enumerate(chosen):
        if progress is not None:
            progress(k, len(chosen))
        content = feedback_content(organ, review)
        base = feedback_base(folder, organ)
        docx, pdf = base.with_name(base.name + ".docx"), base.with_name(base.name + ".pdf")
        atomic_write_bytes(docx, render_docx(content))
        atomic_write_bytes(pdf, render_content_pdf(content, subject="政府信息公开工作年度报告审核意见"))
        out += [docx, pdf]
    return out
