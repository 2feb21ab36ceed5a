"""What the Word and web-page writers tell the user: the file made, the 草稿 mark, replaced characters."""

from __future__ import annotations

from pathlib import Path

from .registry import WriteResult
from .report_content import ReportContent

MAX_LISTED = 20  # characters listed one by one; the rest are counted


def write_result(content: ReportContent, path: Path, size: int, kind: str, mark_note: str) -> WriteResult:
    """``kind``: 'Word 文档' / '网页'; ``mark_note``: where the 草稿 mark is in that kind of file."""
    notes = [f"已生成 {path}（{kind}，{size / 1024:.0f} KB）。"]
    warnings: list[str] = []
    if content.draft_mark:
        warnings.append(
            f"注意：报告仍有未通过校验的错误，{mark_note}。请运行 disclosure-desk check 查看并改正后重新生成。"
        )
    replaced = _distinct(content.replaced)
    if replaced:
        warnings.append("提示：以下控制字符无法写入文件，已改为其替代符号：")
        warnings += [f"  {line}" for line in replaced[:MAX_LISTED]]
        if len(replaced) > MAX_LISTED:
            warnings.append(f"  ……另有 {len(replaced) - MAX_LISTED} 个字符")
    return WriteResult(path, notes, warnings, content.draft_mark)


def _distinct(replaced: list[tuple[str, str, str]]) -> list[str]:
    places: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for ch, name, where in replaced:
        places.setdefault(ch, []).append(where)
        names[ch] = name
    out = []
    for ch, found in places.items():
        more = f"等{len(found)}处" if len(found) > 1 else ""
        out.append(f"{names[ch]}：{found[0]}{more}")
    return out
