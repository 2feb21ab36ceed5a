"""``disclosure-desk check FILE [--previous LAST] [--json]``: FILE in any format ``formats`` reads."""

from __future__ import annotations

import argparse
import json

from ..checks import Finding, check, has_errors
from .convert import read_input


def run(args: argparse.Namespace) -> int:
    draft = read_input(args.file)
    previous = read_input(args.previous) if args.previous else None
    findings = check(draft, previous)
    if args.json:
        print(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        print(format_findings(findings, draft.display_title))
    return 1 if has_errors(findings) else 0


def format_findings(findings: list[Finding], title: str) -> str:
    if not findings:
        return f"{title}：校验通过，没有发现问题。"
    errors = sum(f.is_error for f in findings)
    lines = [f"{title}：{errors} 个错误，{len(findings) - errors} 个提示。"]
    for f in findings:
        accepted = f"（已接受：{f.accepted_reason}）" if f.accepted_reason is not None else ""
        lines.append(f"[{f.severity.label}] {f.rule} {f.message}{accepted}")
    return "\n".join(lines)
