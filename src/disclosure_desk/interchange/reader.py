"""Reading report JSON (version 1, see docs/report-json.md) into a Draft.

Every refusal is a ``BadInputError`` whose Chinese message names the key or cell and says
what is wrong; nothing is dropped silently (unknown keys are errors, ``x-`` keys are kept).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from ..domain import Draft, SectionPart, ValueParseError, parse_value
from ..domain.fields import EXTENSION_KEY, DraftField, FieldKind, fields_at
from ..domain.numbers import shorten
from ..errors import BadInputError
from ..fileio import reading
from ..spec import editions, get_spec
from ..spec.common import SECTION_TITLES
from .format import SCHEMA_ID, TITLE_VARIANTS, TOP_LEVEL_KEYS

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the CLI ~2 ms)
if TYPE_CHECKING:
    from typing import Any

MAX_FILE_BYTES = 20 * 1024 * 1024  # a report is a few hundred KB; beyond this it is not one


def read_report_file(path: str | os.PathLike[str]) -> Draft:
    p = Path(path)
    with reading(p):
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadInputError(
                f"文件“{p.name}”有 {size // (1024 * 1024)} MB，太大，不是年度报告文件（报告文件通常不足1 MB）。",
                f"{p}: file too large ({size} bytes)",
            )
        data = p.read_bytes()
    return parse_report_bytes(data, source=p.name)


def parse_report_bytes(data: bytes, source: str = "报告文件") -> Draft:
    return parse_report_text(_decode(data, source), source)


def parse_report_text(text: str, source: str = "报告文件") -> Draft:
    try:
        obj = json.loads(
            text,
            parse_float=Decimal,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as e:
        raise BadInputError(
            f"“{source}”不是有效的 JSON：第{e.lineno}行第{e.colno}列附近{_json_reason(e.msg)}（文件可能不完整或被改坏）。",
            f"{source}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}",
        ) from None
    except RecursionError:
        raise BadInputError(f"“{source}”的嵌套层次过深，不是年度报告文件。", f"{source}: nesting too deep") from None
    except _KeyProblemError as e:
        raise BadInputError(str(e), f"{source}: {e.english}") from None
    return draft_from_object(obj, source)


class _KeyProblemError(ValueError):
    def __init__(self, message: str, english: str):
        super().__init__(message)
        self.english = english


def _decode(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM, as Windows Notepad writes it: harmless
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInputError(
            f"“{source}”是 UTF-16 编码，请另存为 UTF-8 编码后再导入。", f"{source}: UTF-16, expected UTF-8"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data":  # cut in the middle of a character
            raise BadInputError(
                f"“{source}”不完整：文件在第{len(data)}个字节处中断，最后一个字只有一半"
                "（可能在复制、下载或保存时被截断）。请重新获取完整的文件。",
                f"{source}: truncated inside a UTF-8 character at byte {len(data)}",
            ) from None
        hint = "（看起来是 GBK/GB2312 编码）" if _looks_like_gbk(data) else ""
        raise BadInputError(
            f"“{source}”不是 UTF-8 编码{hint}：第{e.start + 1}个字节无法识别。请用记事本等工具另存为 UTF-8 后再导入。",
            f"{source}: not UTF-8 at byte {e.start}",
        ) from None


def _looks_like_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
        return True
    except UnicodeDecodeError:
        return False


def _json_reason(msg: str) -> str:
    if "Expecting" in msg and "delimiter" in msg:
        return "缺少逗号或冒号"
    if "Unterminated string" in msg:
        return "有未结束的字符串"
    if "Expecting value" in msg:
        return "缺少数值或内容不完整"
    if "Extra data" in msg:
        return "在结尾之后还有多余内容"
    if "Invalid control character" in msg:
        return "有未转义的控制字符"
    return f"格式错误（{msg}）"


def _parse_int(digits: str) -> int | Decimal:
    """Python refuses to convert more than 4,300 digits (ValueError); a Decimal is refused later
    as 数值过大, naming its cell."""
    return int(digits) if len(digits) <= 40 else Decimal(digits)


def _reject_constant(name: str) -> Any:
    raise _KeyProblemError(f"报告文件中出现了“{name}”，这不是有效的数值。", f"non-finite number {name}")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _KeyProblemError(
                f"键“{shorten(key)}”在同一处出现了两次，无法确定以哪个为准。", f"duplicate key {shorten(repr(key))}"
            )
        out[key] = value
    return out


# ---- structure --------------------------------------------------------------------------


def draft_from_object(obj: Any, source: str = "报告文件") -> Draft:
    if not isinstance(obj, dict):
        raise BadInputError(
            f"“{source}”不是年度报告文件：最外层应是一个对象（{{…}}）。", f"{source}: top level is not an object"
        )
    _check_keys(obj, TOP_LEVEL_KEYS, "报告文件最外层")
    if obj.get("schema") != SCHEMA_ID:
        raise BadInputError(
            f"“{source}”不是本程序的年度报告文件：schema 应为“{SCHEMA_ID}”，实际是{_show(obj.get('schema'))}。",
            f"{source}: schema is {shorten(repr(obj.get('schema')))}",
        )
    edition = obj.get("edition")
    if edition not in editions():
        quote = "须加引号写成文字。" if not isinstance(edition, (str, bool)) and str(edition) in editions() else ""
        known = "或".join(f'"{e}"（{get_spec(e).short_name}）' for e in editions())
        raise BadInputError(
            f"edition（报告格式版本）应为 {known}，实际是{_show(edition)}。{quote}",
            f"edition must be one of {', '.join(editions())}, got {shorten(repr(edition))}",
        )
    draft = Draft(edition=edition)
    _read_fields(obj, (), draft)
    draft.sections = _sections(obj.get("sections", {}), draft)
    _tables(obj.get("tables", {}), draft)
    _signature(obj.get("signature"), draft)
    for key, value in obj.items():
        if key == EXTENSION_KEY:
            _extension(value, draft)
        elif key.startswith("x-"):
            draft.extras[key] = value
    return draft


def _check_keys(obj: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in obj:
        if key not in allowed and not key.startswith("x-"):
            raise BadInputError(
                f"{where}有不认识的键“{shorten(key)}”（可用的键：{'、'.join(allowed)}）。为免丢失数据，请改正后再导入。",
                f"unknown key {shorten(repr(key))} in {where}",
            )


def _show(value: Any) -> str:
    if value is None:
        return "空"
    if isinstance(value, bool):
        return f"“{str(value).lower()}”"
    if isinstance(value, (int, Decimal)):
        return f"数字 {shorten(str(value))}"
    if isinstance(value, (dict, list)):
        return "对象（{…}）" if isinstance(value, dict) else "列表（[…]）"
    return f"“{shorten(str(value))}”"


def _string(obj: dict[str, Any], key: str, allow_null: bool = False, where: str = "") -> Any:
    value = obj.get(key, None if allow_null else "")
    if value is None and allow_null:
        return None
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadInputError(f"{where}{key} 应为文字，实际是{_show(value)}。", f"{where}{key} must be a string")
    return value


def _year(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2200:
        raise BadInputError(
            f"year（报告年度）应为四位整数年份，如 2025，实际是{_show(value)}。", f"bad year {shorten(repr(value))}"
        )
    return value


def _sections(value: Any, draft: Draft) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadInputError("sections 应为以章节标题为键的对象。", "sections must be an object")
    titles = get_spec(draft.edition).sections
    official = {s.title for s in titles}
    out: dict[str, Any] = {}
    for title, text in value.items():
        if title not in official:
            hint = f"，正式标题应为“{TITLE_VARIANTS[title]}”" if title in TITLE_VARIANTS else ""
            raise BadInputError(
                f"sections 中有不认识的章节标题“{title}”{hint}。章节标题应为：{'、'.join(SECTION_TITLES)}。",
                f"unknown section title {title!r}",
            )
        out[title] = _section_text(text, title)
    return out


def _section_text(value: Any, title: str) -> Any:
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        raise BadInputError(f"章节“{title}”应为文字，或由 heading/text 组成的列表。", f"section {title!r}: bad type")
    parts = []
    for i, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise BadInputError(f"章节“{title}”第{i}部分应为含 heading 和 text 的对象。", f"section {title!r} part {i}")
        _check_keys(item, ("heading", "text"), f"章节“{title}”第{i}部分")
        where = f"章节“{title}”第{i}部分的 "
        parts.append(SectionPart(_string(item, "heading", where=where), _string(item, "text", where=where)))
    return tuple(parts)


def _tables(value: Any, draft: Draft) -> None:
    if not isinstance(value, dict):
        raise BadInputError("tables 应为包含 表二、表三、表四 的对象。", "tables must be an object")
    spec = get_spec(draft.edition)
    known = tuple(t.key for t in spec.tables)
    for key, table_obj in value.items():
        if key not in known:
            raise BadInputError(f"tables 中有不认识的表“{key}”（应为 表二、表三、表四）。", f"unknown table {key!r}")
        table = spec.table(key)
        depth = len(table.cells[0].path)
        loose = {_loose_path(c.path): c for c in table.cells}
        seen: dict[str, str] = {}
        for path, raw in _leaves(table_obj, (key,), depth):
            cell = table.by_path(path[1:]) or loose.get(_loose_path(path[1:]))
            if cell is None:
                raise BadInputError(_unknown_cell_message(path, draft.edition), f"unknown cell {'/'.join(path)!r}")
            where = "/".join(path)
            if cell.id in seen:
                raise BadInputError(
                    f"“{where}”和“{seen[cell.id]}”是同一个单元格（{cell.label_path}），无法确定以哪个为准。",
                    f"{where}: same cell as {seen[cell.id]}",
                )
            seen[cell.id] = where
            try:
                draft.values[cell.id] = parse_value(raw, cell, enforce_kind=False)
            except ValueParseError as e:
                raise BadInputError(e.message, e.english) from None


def _loose_path(path: tuple[str, ...]) -> tuple[str, ...]:
    """A label as other programs and clerks write it: half-width brackets, spaces, 其它, straight quotes.

    Such variants name exactly one official cell, so they are read as that cell (the file is
    written back with the official labels); anything else stays an error.
    """
    out = []
    for label in path:
        s = unicodedata.normalize("NFKC", label).replace("其它", "其他")
        s = s.translate(_QUOTES)
        out.append("".join(s.split()))
    return tuple(out)


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})


def _leaves(obj: Any, prefix: tuple[str, ...], depth: int) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Yield (path, value) for the cell values of a table object nested ``depth`` levels deep."""
    if not isinstance(obj, dict):
        where = "/".join(prefix)
        raise BadInputError(f"“{where}”应为对象（{{…}}），实际是{_show(obj)}。", f"{where}: expected an object")
    for key, value in obj.items():
        path = (*prefix, key)
        if len(path) - 1 == depth:
            if isinstance(value, (dict, list)):
                raise BadInputError(f"单元格“{'/'.join(path)}”的值应为数字或 null。", f"{'/'.join(path)}: not a value")
            yield path, value
        else:
            yield from _leaves(value, path, depth)


def _unknown_cell_message(path: tuple[str, ...], edition: str) -> str:
    hint = ""
    for other in editions():
        if other != edition and get_spec(other).table(path[0]).by_path(path[1:]) is not None:
            hint = f'这是{get_spec(other).short_name}的栏目，而本文件的 edition 是 "{edition}"，请核对报告格式版本。'
            break
    return f"表格中有不认识的栏目“{'/'.join(path)}”。{hint}栏目名称须与官方格式完全一致（全角括号、1.后无空格）。"


def _read_fields(obj: dict[str, Any], where: tuple[str, ...], draft: Draft) -> None:
    """Set the Draft's fields that sit in ``obj`` (at ``where`` in the file), each as its kind says."""
    prefix = "".join(f"{key}." for key in where)
    for field in fields_at(*where):
        key = field.json[-1]
        setattr(draft, field.name, _field_value(field, obj.get(key), f"{prefix}{key}"))


def _field_value(field: DraftField, value: Any, where: str) -> Any:
    kind = field.kind
    if kind is FieldKind.YEAR:
        return _year(value)
    if kind in (FieldKind.TEXT, FieldKind.OPTIONAL_TEXT):
        if value is None:
            return None if kind is FieldKind.OPTIONAL_TEXT else ""
        if not isinstance(value, str):
            raise BadInputError(f"{where} 应为文字，实际是{_show(value)}。", f"{where} must be a string")
        return value
    if kind is FieldKind.DATE:
        return _date(value, where, field.label)
    if kind is FieldKind.TEXT_MAP:
        mapping = {} if value is None else value
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            raise BadInputError(f"{where} 应为文字到文字的对象。", f"{where}: bad type")
        return dict(mapping)
    if value is not None and not isinstance(value, dict):  # a document, kept as it is: it describes, it is not data
        raise BadInputError(f"{where}（{field.label}）应为对象。", f"{where} must be an object")
    return value


def _date(value: Any, where: str, label: str) -> dt.date | None:
    if value is None:
        return None
    try:
        date = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        date = None
    if date is None:
        raise BadInputError(
            f"{where}（{label}）应写成 2026-01-20 这样的格式，实际是{_show(value)}。",
            f"bad date {shorten(repr(value))}",
        )
    return date


def _signature(value: Any, draft: Draft) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise BadInputError("signature 应为含 organ 和 date 的对象。", "signature must be an object")
    _check_keys(value, tuple(f.json[1] for f in fields_at("signature")), "signature")
    _read_fields(value, ("signature",), draft)


def _extension(value: Any, draft: Draft) -> None:
    """Our own ``x-disclosure-desk`` block: contact, accepted warnings, carry-over marks, the import's report."""
    if not isinstance(value, dict):
        raise BadInputError(f"{EXTENSION_KEY} 应为对象。", f"{EXTENSION_KEY} must be an object")
    _check_keys(value, tuple(f.json[1] for f in fields_at(EXTENSION_KEY)), EXTENSION_KEY)
    _read_fields(value, (EXTENSION_KEY,), draft)
    spec = get_spec(draft.edition)
    for cell_id in draft.value_origins:
        try:
            spec.cell(cell_id)
        except KeyError:
            raise BadInputError(
                f"{EXTENSION_KEY}.value_origins 中有不认识的单元格编号“{cell_id}”。", f"unknown cell id {cell_id!r}"
            ) from None
