"""Exporting the print-ready PDF: the API the GUI and the ``pdf`` command call.

``export_pdf`` may run on a worker thread; ``progress(percent, message)`` is called on that thread.
The file is built in memory, written to a temporary name next to the target and moved into place only
when complete (``fileio.atomic_write_bytes``): a failure leaves an existing PDF as it was.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from pathlib import Path

from reportlab import rl_config

from ..checks import check, has_errors
from ..domain import Draft
from ..fileio import atomic_write_bytes
from ..records import field, record
from .document import build_story
from .fonts import FontSet
from .page import PageDecoration, build_document
from .typeset import CharIssue, Typesetter

Progress = Callable[[int, str], None]

# ReportLab keeps fonts and settings in module globals: one build at a time.
BUILD_LOCK = threading.Lock()


@record(frozen=False)
class ExportResult:
    path: Path | None  # None for render_pdf (nothing written)
    pages: int
    fonts_used: list[str]  # per role: 仿宋（正文、表格）：仿宋_GB2312（仿宋_GB2312.ttf，本机字体）…, then 补字：…
    missing_chars: list[tuple[str, str, str]]  # (char, "U+XXXX NAME", where) for every character no font has
    draft_mark: bool
    replaced_chars: list[tuple[str, str, str]] = field(default_factory=list)  # control characters
    fallback_chars: list[tuple[str, str, str]] = field(default_factory=list)  # printed from another font
    size: int = 0  # bytes
    faces: dict[str, str] = field(default_factory=dict)  # role (styles.FANGSONG …, LATIN) -> face name

    @property
    def missing_summary(self) -> list[str]:
        """One line per distinct missing character, for messages: ``“😀”（U+1F600 …）：一、… 第2段第5字等3处``."""
        return _summary(self.missing_chars)

    @property
    def replaced_summary(self) -> list[str]:
        return _summary(self.replaced_chars)


def render_pdf(
    draft: Draft,
    *,
    previous: Draft | None = None,
    progress: Progress | None = None,
    invariant: bool = False,
    bundled_fonts_only: bool | None = None,
    font_dirs: list[Path] | None = None,
    draft_mark: bool | None = None,
) -> tuple[bytes, ExportResult]:
    """Build the PDF in memory. ``draft_mark`` None: decided by the checks (any error finding)."""
    report = progress or (lambda percent, message: None)
    report(2, "正在校验报告……")
    if draft_mark is None:
        draft_mark = has_errors(check(draft, previous))
    with BUILD_LOCK:
        report(10, "正在加载字体……")
        fonts = FontSet(bundled_only=bundled_fonts_only, font_dirs=font_dirs)
        ts = Typesetter(fonts)
        report(20, "正在检查字形并排版……")
        story = build_story(draft, ts, draft_mark=draft_mark)
        decoration = PageDecoration(ts, draft_mark)
        buf = io.BytesIO()
        use_a85 = rl_config.useA85
        rl_config.useA85 = 0  # page streams plain deflated: ASCII85 would add a quarter to their size
        try:
            pages = build_document(
                buf,
                story,
                decoration,
                title=metadata_text(draft.display_title),
                author=metadata_text(draft.signature_organ or draft.organ),
                subject="政府信息公开工作年度报告",
                invariant=invariant,
                progress=lambda page: report(min(90, 40 + 8 * page), f"正在生成第{page}页……"),
            )
        finally:
            rl_config.useA85 = use_a85
        data = buf.getvalue()
    result = ExportResult(
        path=None,
        pages=pages,
        fonts_used=fonts.fonts_used(),
        missing_chars=[i.as_tuple() for i in ts.missing],
        draft_mark=draft_mark,
        replaced_chars=[i.as_tuple() for i in ts.replaced],
        fallback_chars=[i.as_tuple() for i in ts.fallbacks],
        size=len(data),
        faces=fonts.faces_by_role(),
    )
    return data, result


def metadata_text(text: str) -> str:
    """Text for the document information (title, author). A lone surrogate (from a ``"\\ud800"``
    escape in report JSON) has no encoded form and made ReportLab fail when saving; it becomes
    U+FFFD there (the page shows it as a box with its code point, like any other)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def render_pdf_bytes(draft: Draft, **kwargs) -> bytes:
    """The PDF as bytes (tests); keyword arguments as :func:`render_pdf`."""
    return render_pdf(draft, **kwargs)[0]


def export_pdf(
    draft: Draft,
    target_path: str | os.PathLike[str],
    *,
    previous: Draft | None = None,
    progress: Progress | None = None,
    invariant: bool = False,
    bundled_fonts_only: bool | None = None,
) -> ExportResult:
    """Write the report's PDF to ``target_path`` (atomically). Raises CannotWriteError (exit 3)."""
    target = Path(target_path)
    data, result = render_pdf(
        draft, previous=previous, progress=progress, invariant=invariant, bundled_fonts_only=bundled_fonts_only
    )
    if progress:
        progress(95, "正在写入文件……")
    atomic_write_bytes(target, data)
    result.path = target
    if progress:
        progress(100, "完成")
    return result


def _summary(issues: list[tuple[str, str, str]]) -> list[str]:
    grouped: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for ch, name, where in issues:
        grouped.setdefault(ch, []).append(where)
        names[ch] = name
    out = []
    for ch, places in grouped.items():
        more = f"等{len(places)}处" if len(places) > 1 else ""
        shown = ch if ch.isprintable() else ""
        out.append(f"“{shown}”（{names[ch]}）：{places[0]}{more}")
    return out


__all__ = ["CharIssue", "ExportResult", "export_pdf", "render_pdf", "render_pdf_bytes"]
