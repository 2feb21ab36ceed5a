"""Transcribe the real 2019 report (shared/samples/yiluo-2019.txt) into report JSON.

Run once by a developer; the output is committed as resources/samples/yiluo-2019.json.
Decisions (also in resources/samples/README.md): markdown emphasis (**) of the text copy is
removed; two paragraph breaks that split a word at a page break of the original
("一是加强" / "资源规范化管理", "《政" / "府信息公开条例》") are joined; everything else,
including the ASCII spaces around numbers and "其它", is kept exactly.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from disclosure_desk.domain import Draft
from disclosure_desk.interchange import dumps_report


def paragraphs(lines: list[str]) -> list[str]:
    out = [ln.replace("**", "").strip() for ln in lines if ln.strip()]
    joined: list[str] = []
    for p in out:
        if joined and (joined[-1].endswith("一是加强") or joined[-1].endswith("《政")):
            joined[-1] += p
        else:
            joined.append(p)
    return joined


def main(src: Path, dst: Path) -> None:
    lines = src.read_text(encoding="utf-8").splitlines()
    idx = {
        key: next(i for i, ln in enumerate(lines) if key in ln)
        for key in (
            "本年度报告是根据",
            "### 一、总体情况",
            "## 二、主动公开",
            "### 三、存在的主要问题",
            "四、其它需要报告的事项",
        )
    }
    draft = Draft(organ="伊洛街道办事处", year=2019, edition="2019")
    draft.preface = paragraphs([lines[idx["本年度报告是根据"]]])[0]
    draft.sections["一、总体情况"] = "\n".join(paragraphs(lines[idx["### 一、总体情况"] + 1 : idx["## 二、主动公开"]]))
    draft.sections["五、存在的主要问题及改进情况"] = "\n".join(
        paragraphs(lines[idx["### 三、存在的主要问题"] + 1 : idx["四、其它需要报告的事项"]])
    )
    draft.sections["六、其他需要报告的事项"] = "\n".join(paragraphs(lines[idx["四、其它需要报告的事项"] + 1 :]))
    for row in ("rules", "normative"):  # the only filled block of its 表二: zeros as published
        for col in ("made", "published", "total"):
            draft.values[f"t2.a1.{row}.{col}"] = 0
    dst.write_text(dumps_report(draft), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
