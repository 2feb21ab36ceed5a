"""The print-ready PDF as an output format (ReportLab is imported only here, when a PDF is made)."""

from __future__ import annotations

from pathlib import Path

from ..domain import Draft
from .registry import WriteResult

MAX_LISTED = 20  # characters listed one by one; the rest are counted


def write(draft: Draft, path: Path, *, previous: Draft | None = None) -> WriteResult:
    from ..pdf.export import export_pdf

    result = export_pdf(draft, path, previous=previous)
    notes = [
        f"已生成 {result.path}（{result.pages} 页，{result.size / 1024:.0f} KB）。",
        "使用字体：" + "；".join(result.fonts_used),
    ]
    warnings: list[str] = []
    if result.draft_mark:
        warnings.append(
            "注意：报告仍有未通过校验的错误，PDF 每页已印“草稿（未通过校验）”标记。"
            "请运行 disclosure-desk check 查看并改正后重新生成。"
        )
    warnings += _listed("警告：没有字体能显示以下字符，已印为方框（框内为其编码）：", result.missing_summary)
    warnings += _listed("提示：以下控制字符无法打印，已印为其替代符号：", result.replaced_summary)
    return WriteResult(path, notes, warnings, result.draft_mark)


def _listed(heading: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    out = [heading, *(f"  {line}" for line in lines[:MAX_LISTED])]
    if len(lines) > MAX_LISTED:
        out.append(f"  ……另有 {len(lines) - MAX_LISTED} 个字符")
    return out
