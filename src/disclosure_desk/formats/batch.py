"""Several formats of one report at once, side by side (报告.pdf, 报告.docx, 报告.html): the export page's
one click. Qt-free; the GUI runs it on a worker thread and shows ``progress``.

Each file is written atomically by its own writer, in the order PDF, Word, web page. If one cannot be
written, the ones before it stay (they are complete) and the error says which were made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import Draft
from ..errors import CannotWriteError, UserFacingError

if TYPE_CHECKING:
    from ..pdf.export import ExportResult

Progress = Callable[[int, str], None]

KINDS = ("pdf", "docx", "html")  # in the order they are written
SUFFIXES = {"pdf": ".pdf", "docx": ".docx", "html": ".html"}
NAMES = {"pdf": "PDF", "docx": "Word 文档", "html": "网页"}
_KNOWN_SUFFIXES = {".pdf", ".docx", ".html", ".htm"}
# share of the progress bar: the PDF (fonts, typesetting) takes most of the time
_SHARE = {"pdf": 80, "docx": 15, "html": 5}


@dataclass
class ExportBatch:
    files: list[Path] = field(default_factory=list)
    draft_mark: bool = False
    pdf: ExportResult | None = None  # pages, fonts, missing characters: when a PDF was made

    @property
    def path(self) -> Path:
        """The PDF if one was made (the preview shows it), else the first file."""
        return self.pdf.path if self.pdf is not None and self.pdf.path is not None else self.files[0]

    @property
    def pages(self) -> int:
        return self.pdf.pages if self.pdf is not None else 0

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.files if p.exists())

    @property
    def missing_summary(self) -> list[str]:
        return self.pdf.missing_summary if self.pdf is not None else []


def targets(base: Path, kinds: Sequence[str]) -> list[tuple[str, Path]]:
    """``报告.pdf`` (or ``报告``, ``报告.docx`` …) and the kinds -> the files, side by side."""
    stem = base.with_suffix("") if base.suffix.lower() in _KNOWN_SUFFIXES else base
    if not stem.name or stem.name in (".", ".."):
        raise CannotWriteError(f"“{base}”是一个文件夹，不能写成文件。请写上文件名。", f"{base}: no file name")
    return [(kind, stem.with_name(stem.name + SUFFIXES[kind])) for kind in KINDS if kind in kinds]


def export_side_by_side(
    draft: Draft, base: Path, kinds: Sequence[str], *, previous: Draft | None = None, progress: Progress | None = None
) -> ExportBatch:
    report = progress or (lambda percent, message: None)
    plan = targets(base, kinds)
    if not plan:
        raise ValueError("no format chosen")
    total = sum(_SHARE[kind] for kind, _ in plan)
    batch, done = ExportBatch(), 0
    for kind, path in plan:
        share = _SHARE[kind] * 100 // total
        start = done

        def step(percent: int, message: str, start: int = start, share: int = share) -> None:
            report(min(99, start + percent * share // 100), message)

        try:
            _write(kind, draft, path, previous, step, batch)
        except UserFacingError as e:
            raise _with_made(e, batch) from None
        batch.files.append(path)
        done += share
    report(100, "完成")
    return batch


def _write(kind: str, draft: Draft, path: Path, previous: Draft | None, step: Progress, batch: ExportBatch) -> None:
    if kind == "pdf":
        from ..pdf import export as pdf_export  # looked up now: tests record the thread it runs on

        batch.pdf = pdf_export.export_pdf(draft, path, previous=previous, progress=step)
        batch.draft_mark = batch.pdf.draft_mark
        return
    step(0, f"正在生成{NAMES[kind]}……")
    if kind == "docx":
        from .docx_format import write
    else:
        from .html_format import write
    batch.draft_mark = write(draft, path, previous=previous).draft_mark


def _with_made(error: UserFacingError, batch: ExportBatch) -> UserFacingError:
    if not batch.files:
        return error
    made = "、".join(p.name for p in batch.files)
    return CannotWriteError(f"{error.message}（已生成：{made}）", error.english)
