"""From the files read to the review: one organ per name, last year's report beside it, the checks run.

- An organ is named by its report (``draft.organ``), or by the file's name when the report's organ was not
  recognised or the file cannot be read. Names are compared normalised (``organs.normalise_name``).
- Several files of one organ: the newest (modification time) is the report; the others are listed as
  superseded. Of a store's drafts, a 定稿 one is the report before any newer draft (a conflict copy, a retry).
- Last year's folder is matched the same way; each organ's report is checked against its own last year's
  (the cross-year rules X-0 … X-4 and C-1), and its text compared with last year's (the copy score).
- With an expected list, its organs come first in its order, then reports of organs not on it (noted);
  without one, every organ received, by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from ...checks import check
from ...checks.cross_year import MIN_COMPARED_CHARS, similarity
from ...domain import Draft
from .figures import figures_of
from .model import OrganReview, Review
from .organs import county_of, normalise_name
from .scan import ReceivedFile

NOT_ON_LIST = "不在应报机关名单中"
NAMED_BY_FILE = "报告中未识别出机关名称，按文件名归属"

OrganProgress = Callable[[int, int, str], None]


def build_review(
    received: list[ReceivedFile],
    previous: list[ReceivedFile] | None = None,
    expected: list[str] | None = None,
    *,
    folder: Path,
    previous_folder: Path | None = None,
    expected_file: Path | None = None,
    progress: OrganProgress | None = None,
) -> Review:
    newest, older = _by_organ(received)
    last_year, _ = _by_organ(r for r in previous or [] if r.readable)
    year = _batch_year(newest.values())
    organs = _organ_list(newest, expected)
    for i, organ in enumerate(organs):
        if progress is not None:
            progress(i, len(organs), organ.organ)
        organ.received = newest.get(organ.key)
        organ.superseded = tuple(older.get(organ.key, ()))
        organ.previous = last_year.get(organ.key)
        _review_one(organ, year, expected is not None)
    county = county_of([o.organ for o in organs])
    return Review(folder, organs, previous_folder, expected_file, year, county)


def _by_organ(files: Iterable[ReceivedFile]) -> tuple[dict[str, ReceivedFile], dict[str, list[ReceivedFile]]]:
    """The newest file of each organ, and the older ones (newest first)."""
    groups: dict[str, list[ReceivedFile]] = {}
    for f in files:
        groups.setdefault(normalise_name(f.organ), []).append(f)
    newest, older = {}, {}
    for key, group in groups.items():
        group.sort(key=lambda f: (f.final, f.modified, f.path.name), reverse=True)
        newest[key] = group[0]
        if len(group) > 1:
            older[key] = group[1:]
    return newest, older


def _batch_year(files: Iterable[ReceivedFile]) -> int | None:
    years = Counter(f.draft.year for f in files if f.draft is not None and f.draft.year is not None)
    return years.most_common(1)[0][0] if years else None


def _organ_list(newest: dict[str, ReceivedFile], expected: list[str] | None) -> list[OrganReview]:
    organs = [OrganReview(name, normalise_name(name), True) for name in expected or []]
    listed = {o.key for o in organs}
    others = sorted((f.organ, key) for key, f in newest.items() if key not in listed)
    organs += [OrganReview(name, key, False) for name, key in others]
    return organs


def _review_one(organ: OrganReview, year: int | None, have_list: bool) -> None:
    notes = []
    if have_list and not organ.expected:
        notes.append(NOT_ON_LIST)
    received = organ.received
    if received is not None and received.readable and received.organ_from_file_name:
        notes.append(NAMED_BY_FILE)
    if organ.superseded:
        notes.append("另有较早的文件：" + "、".join(f.path.name for f in organ.superseded))
    draft, previous = organ.draft, organ.previous_draft
    if draft is not None and received is not None:
        against = organ.previous.identity if organ.previous is not None else None
        if against not in received.memo:  # checked before against the same last year's file: not again
            received.memo[against] = (tuple(check(draft, previous)), figures_of(draft), copy_score(draft, previous))
        organ.findings, organ.figures, organ.copy_score = received.memo[against]
        if year is not None and draft.year != year:
            organ.other_year = True
            notes.append(f"报告年度为{draft.year or '（未识别）'}年，与其他报告（{year}年）不同")
    if previous is not None:
        organ.previous_figures = figures_of(previous)
    organ.notes = tuple(notes)


def narrative(draft: Draft) -> str:
    return "\n".join(draft.section_text(s.title) for s in draft.spec.narrative_sections)


def copy_score(draft: Draft, previous: Draft | None) -> float | None:
    """The share of this year's text (一, 五, 六) found in last year's, as C-1 measures a section."""
    if previous is None:
        return None
    text = narrative(draft)
    if len(text.strip()) < MIN_COMPARED_CHARS:
        return None
    return similarity(text, narrative(previous))
