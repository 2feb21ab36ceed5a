"""What the start window proposes first: the work a clerk most likely came back for.

- no drafts yet: start (new report, import, or look at a sample);
- a report still in 草稿: continue the one saved last, saying how many errors are left and how long
  until the deadline;
- every report 定稿: write next year's from the latest one (carry-over), unless it exists already.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from ..application.workspace import DraftRow
from ..domain import STATUS_FINAL
from ..domain.deadline import deadline_text

CONTINUE, FROM_PREVIOUS, NEW = "continue", "from_previous", "new"


@dataclass(frozen=True)
class NextStep:
    kind: str  # CONTINUE / FROM_PREVIOUS / NEW
    draft_id: int | None
    text: str  # rich text (the clerk's words escaped)
    button: str


def next_step(rows: list[DraftRow], today: dt.date) -> NextStep | None:
    """``rows`` most recently saved first; None when there is nothing yet (the welcome is shown)."""
    if not rows:
        return None
    drafts = [r for r in rows if r.status != STATUS_FINAL]
    if drafts:
        r = drafts[0]
        return NextStep(CONTINUE, r.id, f"继续编写<b>{_q(r.title)}</b>：{_state(r, today)}", "继续编写")
    finals = sorted((r for r in rows if r.year is not None), key=lambda r: r.year or 0, reverse=True)
    if finals:
        last = finals[0]
        nxt = (last.year or 0) + 1
        if not any(r.year == nxt and r.organ == last.organ for r in rows):
            return NextStep(
                FROM_PREVIOUS,
                last.id,
                f"<b>{_q(last.organ)}{last.year}年度</b>的报告已定稿。下一步：根据它新建{nxt}年度报告"
                "（上年结转、现行有效件数等自动带入，文字可在此基础上改写）。",
                f"新建{nxt}年度报告…",
            )
    return NextStep(NEW, None, "所有报告都已定稿。需要写新的报告时，点“新建报告”。", "新建报告…")


def _state(r: DraftRow, today: dt.date) -> str:
    parts = []
    if r.errors is not None:
        parts.append(f"还有{r.errors}个错误要改正" if r.errors else "没有发现错误，可以导出、打印、定稿")
    if r.updated_at is not None:
        parts.append(f"最后保存于{r.updated_at:%m月%d日 %H:%M}")
    deadline = deadline_text(r.year, False, today)
    if deadline:
        parts.append(f"报送期限{deadline.replace(' · ', '，')}")
    return "；".join(parts) + "。"


def _q(text: str) -> str:
    return "“" + html.escape(text) + "”"
