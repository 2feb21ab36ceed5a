"""The Draft's fields besides its sections and tables, declared once: what each is, where it sits in
report JSON, where the store keeps it, and whether the clerk edits it on the 基本信息 page.

The JSON reader and writer, the JSON Schema, the store's codec and the editor all walk this table;
a new field is one line here (plus its attribute on ``Draft``).
"""

from __future__ import annotations

import enum

from ..records import record

EXTENSION_KEY = "x-disclosure-desk"  # our own additions in report JSON; other readers may ignore them


class FieldKind(enum.Enum):
    TEXT = "text"  # str, "" when absent
    OPTIONAL_TEXT = "optional_text"  # str or None (None: formed from the spec, e.g. the title)
    YEAR = "year"  # int or None, 1990–2200
    DATE = "date"  # datetime.date or None; ISO 8601 in JSON and in the store
    TEXT_MAP = "text_map"  # dict[str, str]
    DOCUMENT = "document"  # a JSON object or None, kept as it is (the import's recognition report)


@record
class DraftField:
    name: str  # the Draft attribute
    kind: FieldKind
    json: tuple[str, ...]  # its keys in report JSON: ("organ",), ("signature", "date"), (EXTENSION_KEY, "contact")
    label: str  # how messages name it
    column: str = ""  # the drafts-table column that holds it, or
    family: str = ""  # the draft_texts family whose rows hold it
    editable: bool = False  # set on the 基本信息 page through ReportEditor.set_meta

    @property
    def in_extension(self) -> bool:
        return self.json[0] == EXTENSION_KEY


_T, _O, _Y, _D, _M, _J = (
    FieldKind.TEXT,
    FieldKind.OPTIONAL_TEXT,
    FieldKind.YEAR,
    FieldKind.DATE,
    FieldKind.TEXT_MAP,
    FieldKind.DOCUMENT,
)

FIELDS = (
    DraftField("year", _Y, ("year",), "报告年度", column="year", editable=True),
    DraftField("organ", _T, ("organ",), "机关名称", column="organ", editable=True),
    DraftField("title", _O, ("title",), "报告标题", column="title", editable=True),
    DraftField("preface", _T, ("preface",), "前言", family="preface"),
    DraftField("signature_organ", _T, ("signature", "organ"), "署名机关", column="signature_organ", editable=True),
    DraftField("signature_date", _D, ("signature", "date"), "成文日期", column="signature_date", editable=True),
    DraftField("contact", _T, (EXTENSION_KEY, "contact"), "联系方式", column="contact", editable=True),
    DraftField("website", _T, (EXTENSION_KEY, "website"), "网址", column="website", editable=True),
    DraftField("accepted", _M, (EXTENSION_KEY, "accepted"), "接受的提示", family="accepted"),
    DraftField("value_origins", _M, (EXTENSION_KEY, "value_origins"), "数字的来源", family="origin"),
    DraftField("carried_texts", _M, (EXTENSION_KEY, "carried_texts"), "从上年带入的文字", family="carried"),
    DraftField("import_report", _J, (EXTENSION_KEY, "import"), "导入识别报告", family="import"),
)

EDITABLE = tuple(f.name for f in FIELDS if f.editable)


def fields_at(*prefix: str) -> tuple[DraftField, ...]:
    """The fields whose JSON keys start with ``prefix`` and go one level deeper (``fields_at()``: top level)."""
    return tuple(f for f in FIELDS if f.json[:-1] == prefix)
