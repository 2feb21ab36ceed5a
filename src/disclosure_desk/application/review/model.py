"""What a review found: one :class:`OrganReview` per organ (expected, received, or both), in a :class:`Review`."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path

from ...checks import Finding
from ...domain import Draft
from .figures import Figures
from .scan import ReceivedFile

CROSS_YEAR_RULES = ("X-0", "X-1", "X-2", "X-3", "X-4")
COPY_RULE = "C-1"
COPY_LIMIT = 0.8  # as C-1: 80 % of the text found in last year's


class Status(enum.Enum):
    """An organ's state on the board, worst first."""

    MISSING = "missing"
    UNREADABLE = "unreadable"
    ERRORS = "errors"
    WARNINGS = "warnings"
    OK = "ok"

    @property
    def label(self) -> str:
        return {
            Status.MISSING: "未报送",
            Status.UNREADABLE: "无法读取",
            Status.ERRORS: "有错误",
            Status.WARNINGS: "有提示",
            Status.OK: "通过",
        }[self]

    @property
    def rank(self) -> int:
        return list(Status).index(self)


@dataclass
class OrganReview:
    organ: str  # as the expected list spells it, else as the report does
    key: str  # normalise_name(organ)
    expected: bool  # on the office's list
    received: ReceivedFile | None = None  # the newest file of this organ
    superseded: tuple[ReceivedFile, ...] = ()  # older files of the same organ, newest first
    previous: ReceivedFile | None = None  # last year's report of the organ
    findings: tuple[Finding, ...] = ()
    figures: Figures | None = None
    previous_figures: Figures | None = None
    copy_score: float | None = None  # share of this year's text found in last year's (0 … 1)
    notes: tuple[str, ...] = ()  # 不在名单中, 年度不符, 机关名称取自文件名 …
    other_year: bool = False  # a report of another year than the batch's

    @property
    def draft(self) -> Draft | None:
        return self.received.draft if self.received is not None else None

    @property
    def previous_draft(self) -> Draft | None:
        return self.previous.draft if self.previous is not None else None

    @property
    def status(self) -> Status:
        if self.received is None:
            return Status.MISSING
        if not self.received.readable:
            return Status.UNREADABLE
        if self.errors:
            return Status.ERRORS
        return Status.WARNINGS if self.warnings else Status.OK

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(not f.is_error and f.accepted_reason is None for f in self.findings)

    @property
    def cross_year_rules(self) -> tuple[str, ...]:
        return tuple(sorted({f.rule for f in self.findings if f.rule in CROSS_YEAR_RULES}))

    @property
    def cross_year(self) -> str:
        """``衔接一致``, ``不衔接：X-1、X-2``, ``无上年报告`` (empty when there is no report)."""
        if self.draft is None:
            return ""
        rules = self.cross_year_rules
        if rules:
            return "不衔接：" + "、".join(rules)
        return "衔接一致" if self.previous_draft is not None else "无上年报告"

    @property
    def copied(self) -> bool:
        """The text is largely last year's (the C-1 rule fired, or the whole text reaches its limit)."""
        if any(f.rule == COPY_RULE for f in self.findings):
            return True
        return self.copy_score is not None and self.copy_score >= COPY_LIMIT


@dataclass
class Review:
    folder: Path
    organs: list[OrganReview]
    previous_folder: Path | None = None
    expected_file: Path | None = None
    year: int | None = None  # the year most reports are of
    county: str = ""  # 青禾县: the place most organ names start with
    reviewed_at: dt.datetime = field(default_factory=dt.datetime.now)
    store: str = ""  # the reports are the drafts of this store (a server's host/database), not files of ``folder``

    @property
    def source(self) -> str:
        """Where the reports were read: the store, or the folder."""
        return f"草稿库 {self.store}" if self.store else str(self.folder)

    def with_status(self, *statuses: Status) -> list[OrganReview]:
        return [o for o in self.organs if o.status in statuses]

    @property
    def received(self) -> list[OrganReview]:
        return [o for o in self.organs if o.received is not None]

    @property
    def missing_expected(self) -> list[OrganReview]:
        return [o for o in self.organs if o.expected and o.received is None]

    @property
    def needs_action(self) -> bool:
        """A report with errors, a file that cannot be read, or an expected organ missing (exit 1)."""
        return bool(self.with_status(Status.ERRORS, Status.UNREADABLE) or self.missing_expected)

    def organ(self, name: str) -> OrganReview:
        from .organs import normalise_name

        key = normalise_name(name)
        return next(o for o in self.organs if o.key == key)

    def counts(self) -> dict[Status, int]:
        out = dict.fromkeys(Status, 0)
        for o in self.organs:
            out[o.status] += 1
        return out

    def summary_line(self) -> str:
        counts = self.counts()
        parts = [f"共 {len(self.organs)} 个机关", f"收到 {len(self.received)} 份"]
        parts += [f"{s.label} {counts[s]}" for s in Status if counts[s]]
        copied = sum(o.copied for o in self.organs)
        if copied:
            parts.append(f"内容与上年雷同 {copied}")
        return "，".join(parts) + "。"
