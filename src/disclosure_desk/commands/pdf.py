"""``disclosure-desk pdf FILE.json -o OUT.pdf [--previous LAST.json]``.

Exit status: 0 written (a report with errors gets the 草稿 mark, and a note says so), 2 the file
cannot be read or is not a report, 3 the PDF cannot be written (the old file is left as it was).
"""

from __future__ import annotations

import sys

from ..interchange import read_report_file

MAX_LISTED = 20  # characters listed one by one; the rest are counted


def run(args) -> int:
    draft = read_report_file(args.file)
    previous = read_report_file(args.previous) if args.previous else None
    from ..pdf.export import export_pdf  # ReportLab only when a PDF is made

    result = export_pdf(draft, args.output, previous=previous)
    print(f"已生成 {result.path}（{result.pages} 页，{result.size / 1024:.0f} KB）。")
    print("使用字体：" + "；".join(result.fonts_used))
    if result.draft_mark:
        print(
            "注意：报告仍有未通过校验的错误，PDF 每页已印“草稿（未通过校验）”标记。"
            "请运行 disclosure-desk check 查看并改正后重新生成。",
            file=sys.stderr,
        )
    _warn("警告：没有字体能显示以下字符，已印为方框（框内为其编码）：", result.missing_summary)
    _warn("提示：以下控制字符无法打印，已印为其替代符号：", result.replaced_summary)
    return 0


def _warn(heading: str, lines: list[str]) -> None:
    if not lines:
        return
    print(heading, file=sys.stderr)
    for line in lines[:MAX_LISTED]:
        print(f"  {line}", file=sys.stderr)
    if len(lines) > MAX_LISTED:
        print(f"  ……另有 {len(lines) - MAX_LISTED} 个字符", file=sys.stderr)
