"""What a draft list shows of a draft (``DraftSummary``) and a draft's 定稿 history (``StatusEvent``).

No SQLAlchemy, no spec, no dataclasses (which import ``inspect``) and no ``typing`` at import time:
the ``list`` command and the app's start window read these through ``rows.py`` before (or without)
importing them. Both are frozen records (``records.py``).
"""

from __future__ import annotations

import datetime as dt

from ..records import record

# domain's STATUS_DRAFT and STATUS_FINAL (a test checks), without importing the domain (and the spec) for a list
STATUS_DRAFT = "草稿"
STATUS_FINAL = "定稿"


@record
class DraftSummary:
    """A row of the draft list."""

    id: int
    organ: str
    year: int | None
    edition: str
    status: str
    title: str | None
    created_at: dt.datetime
    updated_at: dt.datetime  # last saved (UTC, aware)
    deleted_at: dt.datetime | None = None
    revision: int = 0  # +1 on every save that changed the draft: (id, revision) names one stored content

    @property
    def display_title(self) -> str:
        return display_title(self.organ, self.year, self.edition, self.title)

    @property
    def is_final(self) -> bool:
        return self.status == STATUS_FINAL


@record
class StatusEvent:
    at: dt.datetime
    action: str  # 定稿 / 重新打开
    reason: str


def display_title(organ: str, year: int | None, edition: str, title: str | None) -> str:
    if title:
        return title
    from ..spec import get_spec

    try:
        return get_spec(edition).title_for(organ, year)
    except KeyError:  # an edition this version does not know
        return f"{organ}{year if year is not None else ''}年政府信息公开工作年度报告"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
