"""The recognition report: what reading a published report found, cell by cell. Qt-free.

Every value cell of the edition gets a :class:`CellReading` (read as printed, converted, left blank and
why), with the place it came from (:class:`Origin`: file, page or table, the row and column labels as
printed, the printed text). Labels matched approximately, values that could not be placed and notes on
the text are listed too. ``summary_lines`` is the Chinese summary the CLI prints on stderr; the review
dialog shows the same data; ``to_json`` is what report JSON keeps under ``x-disclosure-desk.import``.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any

MAX_LISTED = 12  # lines listed per kind in the summary; the rest are counted


class CellStatus(enum.Enum):
    READ = "read"  # a number, placed as printed
    CONVERTED = "converted"  # a number converted on the way (元 -> 万元)
    BLANK = "blank"  # printed blank
    NONE_MARK = "none_mark"  # printed “/”, “—”, “无”: left blank
    UNREADABLE = "unreadable"  # printed text that is no number: left blank
    MISSING = "missing"  # the file has no such cell (table or row not printed): left blank

    @property
    def label(self) -> str:
        return {
            CellStatus.READ: "已读取",
            CellStatus.CONVERTED: "已换算",
            CellStatus.BLANK: "原表空白",
            CellStatus.NONE_MARK: "原表为“/”等",
            CellStatus.UNREADABLE: "无法识别",
            CellStatus.MISSING: "原文没有",
        }[self]

    @property
    def has_value(self) -> bool:
        return self in (CellStatus.READ, CellStatus.CONVERTED)


@dataclass(frozen=True)
class Origin:
    """Where a printed value or label stands: file, PDF page, table number, row and column as printed."""

    file: str
    page: int | None = None
    table: int | None = None
    row: str = ""
    column: str = ""

    def describe(self) -> str:
        parts = [self.file]
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            parts.append(f"第{self.table}个表格")
        where = "".join(parts[1:]) or ""
        cell = "/".join(p for p in (self.row, self.column) if p)
        return f"{self.file}{('，' + where) if where else ''}{('，“' + cell + '”') if cell else ''}"


@dataclass
class CellReading:
    cell_id: str
    label_path: str
    status: CellStatus
    printed: str | None = None
    value: str | None = None  # the value as stored (format_value), None for blank
    origin: Origin | None = None
    note: str = ""  # reason for a blank, the conversion made
    approximate: bool = False  # its row or column label was matched approximately

    @property
    def uncertain(self) -> bool:
        return self.approximate or self.status in (CellStatus.CONVERTED, CellStatus.NONE_MARK, CellStatus.UNREADABLE)


@dataclass(frozen=True)
class LabelMatch:
    kind: str  # 行 / 列 / 表头 / 章节
    printed: str
    official: str
    approximate: bool  # a misprint (True) or only brackets, spaces, 其它 … (False)
    score: int = 100  # similarity in per cent (an integer: report JSON reads decimals as Decimal)
    where: str = ""


@dataclass(frozen=True)
class Unplaced:
    printed: str
    origin: Origin
    reason: str


@dataclass
class Recognition:
    source: str
    format: str  # docx / html / pdf
    edition: str = ""
    edition_reason: str = ""
    year: int | None = None
    year_reason: str = ""
    organ: str = ""
    cells: dict[str, CellReading] = field(default_factory=dict)
    labels: list[LabelMatch] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # what was found of the narrative
    notes: list[str] = field(default_factory=list)  # anything else the clerk should know

    # ---- views ---------------------------------------------------------------------------------
    def count(self, status: CellStatus) -> int:
        return sum(1 for c in self.cells.values() if c.status is status)

    @property
    def values_read(self) -> int:
        return sum(1 for c in self.cells.values() if c.status.has_value)

    def uncertain_cells(self) -> list[CellReading]:
        return [c for c in self.cells.values() if c.uncertain]

    def left_blank(self) -> list[CellReading]:
        return [c for c in self.cells.values() if not c.status.has_value]

    def summary_lines(self) -> list[str]:
        """The recognition report in Chinese, a few lines (stderr of check/import/convert)."""
        kind = {"docx": "Word 文件", "html": "网页", "pdf": "PDF 文件"}.get(self.format, self.format)
        year = f"{self.year}年度" if self.year is not None else "年度未识别"
        lines = [
            (
                f"识别结果（{self.source}，{kind}）：{self.edition}年格式（{self.edition_reason}），{year}（{self.year_reason}），"
                f"{self.organ or '机关名称未识别'}。"
            ),
            self._cell_line(),
        ]
        lines += _listed(
            "换算：", [f"{c.label_path}：{c.note}" for c in self.cells.values() if c.status is CellStatus.CONVERTED]
        )
        lines += _listed(
            "近似匹配的名称（原文 → 官方）：",
            [f"{m.kind}“{m.printed}” → “{m.official}”（相似度 {m.score}%）" for m in self.labels if m.approximate],
        )
        lines += _listed(
            "写法不同但可以确定的名称（原文 → 官方）：",
            [f"{m.kind}“{m.printed}” → “{m.official}”" for m in self.labels if not m.approximate],
        )
        lines += _listed(
            "无法识别、已留空的数值：",
            [
                f"{c.label_path}：原文“{c.printed}”（{c.note}）"
                for c in self.cells.values()
                if c.status is CellStatus.UNREADABLE
            ],
        )
        lines += _listed(
            "无法放入任何一格、未导入的数值：",
            [f"{u.origin.describe()} 原文“{u.printed}”：{u.reason}" for u in self.unplaced],
        )
        lines += [f"文字：{t}" for t in self.texts]
        lines += [f"注意：{n}" for n in self.notes]
        return lines

    def _cell_line(self) -> str:
        total = len(self.cells)
        blank = {
            s: self.count(s)
            for s in (CellStatus.BLANK, CellStatus.NONE_MARK, CellStatus.UNREADABLE, CellStatus.MISSING)
        }
        why = "，".join(f"{s.label} {n} 格" for s, n in blank.items() if n)
        left = sum(blank.values())
        return (
            f"表格：共 {total} 格，读取 {self.values_read} 格" + (f"，留空 {left} 格（{why}）" if left else "") + "。"
        )

    # ---- JSON ----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "edition": self.edition,
            "edition_reason": self.edition_reason,
            "year": self.year,
            "year_reason": self.year_reason,
            "organ": self.organ,
            "cells": {cid: _reading_json(c) for cid, c in self.cells.items()},
            "labels": [asdict(m) for m in self.labels],
            "unplaced": [
                {"printed": u.printed, "origin": _origin_json(u.origin), "reason": u.reason} for u in self.unplaced
            ],
            "texts": list(self.texts),
            "notes": list(self.notes),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Recognition:
        rec = cls(
            source=str(obj.get("source", "")),
            format=str(obj.get("format", "")),
            edition=str(obj.get("edition", "")),
            edition_reason=str(obj.get("edition_reason", "")),
            year=obj.get("year"),
            year_reason=str(obj.get("year_reason", "")),
            organ=str(obj.get("organ", "")),
        )
        for cid, c in dict(obj.get("cells", {})).items():
            rec.cells[cid] = CellReading(
                cell_id=cid,
                label_path=c.get("label_path", ""),
                status=CellStatus(c["status"]),
                printed=c.get("printed"),
                value=c.get("value"),
                origin=_origin_from(c.get("origin")),
                note=c.get("note", ""),
                approximate=bool(c.get("approximate", False)),
            )
        rec.labels = [LabelMatch(**m) for m in obj.get("labels", [])]
        rec.unplaced = [
            Unplaced(u["printed"], _origin_from(u["origin"]) or Origin(""), u["reason"])
            for u in obj.get("unplaced", [])
        ]
        rec.texts = [str(t) for t in obj.get("texts", [])]
        rec.notes = [str(n) for n in obj.get("notes", [])]
        return rec


def _reading_json(c: CellReading) -> dict[str, Any]:
    out: dict[str, Any] = {"label_path": c.label_path, "status": c.status.value}
    if c.printed is not None:
        out["printed"] = c.printed
    if c.value is not None:
        out["value"] = c.value
    if c.origin is not None:
        out["origin"] = _origin_json(c.origin)
    if c.note:
        out["note"] = c.note
    if c.approximate:
        out["approximate"] = True
    return out


def _origin_json(o: Origin) -> dict[str, Any]:
    return {k: v for k, v in asdict(o).items() if v not in (None, "")}


def _origin_from(obj: Any) -> Origin | None:
    if not isinstance(obj, dict):
        return None
    return Origin(
        str(obj.get("file", "")), obj.get("page"), obj.get("table"), str(obj.get("row", "")), str(obj.get("column", ""))
    )


def _listed(heading: str, items: list[str]) -> list[str]:
    if not items:
        return []
    out = [heading + f"{len(items)} 项"] + [f"  {line}" for line in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        out.append(f"  ……另有 {len(items) - MAX_LISTED} 项")
    return out
