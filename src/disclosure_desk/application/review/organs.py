"""Organ names as people type them, and the office's list of expected organs.

Names are compared after :func:`normalise_name`: full-width letters, digits and brackets as their plain
forms (NFKC), no spaces of any width, ``其它`` as ``其他``. The list is a text file with one organ a line;
blank lines and lines starting with ``#`` are skipped, so is a BOM; it may be UTF-8 or GB18030 (saved by
Notepad or WPS on a Chinese Windows).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ...errors import BadInputError
from ...fileio import reading

_SPACES = re.compile(r"\s+")
MAX_LIST_BYTES = 1_000_000  # an office lists at most a few hundred organs


def normalise_name(name: str) -> str:
    """The form two spellings of one organ name share: ``青禾县 其它局`` → ``青禾县其他局``."""
    text = unicodedata.normalize("NFKC", name or "")
    text = _SPACES.sub("", text)
    return text.replace("其它", "其他")


def read_expected(path: str | os.PathLike[str]) -> list[str]:
    """The organs of the list file, in its order, each once (the first spelling wins)."""
    p = Path(path)
    with reading(p, what="应报机关名单", kind="应报机关名单（每行一个机关的文本文件）"):
        data = p.read_bytes()[: MAX_LIST_BYTES + 1]
    if len(data) > MAX_LIST_BYTES:
        raise BadInputError(f"“{p.name}”太大，不像是应报机关名单（每行一个机关的文本文件）。", f"{p}: too large")
    return parse_expected(_decode(data, p))


def parse_expected(text: str) -> list[str]:
    organs: dict[str, str] = {}
    for line in text.splitlines():
        name = _SPACES.sub("", line)  # a space inside a Chinese organ name is a typing slip
        if not name or name.startswith("#"):
            continue
        organs.setdefault(normalise_name(name), name)
    return list(organs.values())


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data:
        raise BadInputError(
            f"“{path.name}”不是文本文件。应报机关名单应是每行一个机关名称的文本文件（.txt）。", f"{path}: binary"
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInputError(f"无法识别“{path.name}”的文字编码，请另存为 UTF-8 文本文件。", f"{path}: unknown encoding")


def county_of(organs: list[str]) -> str:
    """The place most organ names start with (``青禾县``, ``某某区``): the name of the 汇总, or ""."""
    counts: dict[str, int] = {}
    for organ in organs:
        m = re.match(r"^(.{1,12}?(?:自治县|自治旗|县|区|市|旗))", normalise_name(organ))
        if m:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if not counts:
        return ""
    best, n = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))
    return best if n * 2 >= len(organs) else ""
