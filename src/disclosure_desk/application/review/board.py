"""The board: one row per organ, as the app's table, board.csv and board.xlsx show it; and the
comparison table of the figures reviewers compare, with last year's and the change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .figures import FIGURES, Figures, Number, change, shown_figure
from .model import OrganReview, Review, Status

TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class BoardRow:
    organ: str
    status: Status
    edition: str  # 2021 / 2019 / ""
    year: int | None
    errors: int | None  # None: no report to count in
    warnings: int | None
    cross_year: str
    copy_score: float | None  # 0 … 1
    copied: bool
    file: str
    received: dt.datetime | None
    notes: str
    expected: bool

    @property
    def copy_text(self) -> str:
        return "" if self.copy_score is None else f"{round(self.copy_score * 100)}%"

    @property
    def received_text(self) -> str:
        return self.received.strftime(TIME_FORMAT) if self.received is not None else ""


# header, the row's text for CSV and the table
BOARD_COLUMNS: tuple[tuple[str, Callable[[BoardRow], str]], ...] = (
    ("机关", lambda r: r.organ),
    ("状态", lambda r: r.status.label),
    ("格式", lambda r: f"{r.edition}年格式" if r.edition else ""),
    ("年度", lambda r: str(r.year) if r.year is not None else ""),
    ("错误", lambda r: "" if r.errors is None else str(r.errors)),
    ("提示", lambda r: "" if r.warnings is None else str(r.warnings)),
    ("与上年衔接", lambda r: r.cross_year),
    ("与上年文字相同", lambda r: r.copy_text + ("（雷同）" if r.copied else "")),
    ("文件", lambda r: r.file),
    ("收到时间", lambda r: r.received_text),
    ("说明", lambda r: r.notes),
)
BOARD_HEADERS = tuple(h for h, _ in BOARD_COLUMNS)


def board_row(organ: OrganReview) -> BoardRow:
    received, draft = organ.received, organ.draft
    notes = list(organ.notes)
    if received is not None and not received.readable:
        notes.insert(0, received.problem)
    return BoardRow(
        organ=organ.organ,
        status=organ.status,
        edition=draft.edition if draft is not None else "",
        year=draft.year if draft is not None else None,
        errors=organ.errors if draft is not None else None,
        warnings=organ.warnings if draft is not None else None,
        cross_year=organ.cross_year,
        copy_score=organ.copy_score,
        copied=organ.copied,
        file=received.path.name if received is not None else "",
        received=received.modified if received is not None else None,
        notes="；".join(notes),
        expected=organ.expected,
    )


def board_rows(review: Review) -> list[BoardRow]:
    return [board_row(o) for o in review.organs]


def board_texts(row: BoardRow) -> list[str]:
    return [text(row) for _, text in BOARD_COLUMNS]


# ---- comparisons ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """One organ's figures: this year, last year, change — for each of ``FIGURES``."""

    organ: str
    now: Figures
    before: Figures | None

    def value(self, key: str) -> Number | None:
        return self.now.get(key)

    def previous(self, key: str) -> Number | None:
        return self.before.get(key) if self.before is not None else None

    def change(self, key: str) -> Number | None:
        return change(self.value(key), self.previous(key))


def comparisons(review: Review) -> list[Comparison]:
    """The organs whose report was read, in board order."""
    return [Comparison(o.organ, o.figures, o.previous_figures) for o in review.organs if o.figures is not None]


def comparison_headers() -> list[str]:
    out = ["机关"]
    for f in FIGURES:
        unit = "" if f.percent else f"（{f.unit}）"
        out += [f"{f.label}{unit}", f"上年{f.label}", "变化"]
    return [*out, "关于收费的文字"]


def comparison_texts(c: Comparison) -> list[str]:
    out = [c.organ]
    for f in FIGURES:
        out += [
            shown_figure(f.key, c.value(f.key)),
            shown_figure(f.key, c.previous(f.key)),
            shown_figure(f.key, c.change(f.key), signed=True),
        ]
    return [*out, c.now.fee_text]
