"""The text of a published report: title (organ and year), preface, the six sections, the 落款. Qt-free.

Sections are found by their headings' *content*, not their numbers, because published reports
renumber them (the seed report's 三、存在的主要问题… is the official 五) and use titles of their own
(``五、政府信息公开工作存在的主要问题及改进情况``). A heading is accepted only in the official order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..domain import SectionPart
from ..domain.draft import section_as_parts
from ..domain.headings import NUMBER
from ..interchange.format import TITLE_VARIANTS
from ..spec import editions, get_spec
from ..spec.common import SECTION_TITLES
from .document import Paragraph, ParsedDocument, Table
from .labels import LabelResolver, MatchKind, label_key
from .recognition import LabelMatch

_NUMBERED = re.compile(
    r"^\s*(?:第?([一二三四五六七八九十]{1,2})\s*(?:部分\s*[、.．,，:：]?|[、.．,，:：])|(\d{1,2})\s*[、.．])\s*(\S.{0,45}?)\s*$"
)
_SECTION_WORDS = (
    ("总体情况", "概述", "基本情况"),
    ("主动公开政府信息",),
    ("收到和处理", "政府信息公开申请情况", "依申请公开政府信息情况"),
    ("行政复议", "行政诉讼"),
    ("存在的主要问题", "问题及改进", "问题和改进", "问题及整改", "问题和整改"),
    ("需要报告", "需要汇报", "其他事项", "其它事项"),
)
_SUBHEADING_INLINE = re.compile(rf"^{NUMBER}[^。！？\n]{{1,40}}?[。：]")  # as SUBHEADING_LEAD, or a colon
_YEAR = re.compile(r"(\d{4})\s*年")
_DATE = re.compile(
    r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_DATE_PLACEHOLDER = re.compile(
    r"(?:\d{4}|[\s\u3000_]*)\s*年[\s\u3000_]+月[\s\u3000_]+日"
)  # 年　　月　　日 to fill by hand
_META = re.compile(r"^(发布(日期|时间|机构)|来源|索引号|字号|浏览|点击|分类|文号|成文日期|主题分类|信息来源|【)")
_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}

_section_resolver = LabelResolver(SECTION_TITLES)
_TABLE_NOTES = {t.note for e in editions() for t in get_spec(e).tables if t.note}


@dataclass
class Narrative:
    title: str = ""
    organ: str = ""
    year: int | None = None
    year_reason: str = ""
    preface: str = ""
    sections: dict[str, str | tuple[SectionPart, ...]] = field(default_factory=dict)
    signature_organ: str = ""
    signature_date: dt.date | None = None
    headings: list[LabelMatch] = field(default_factory=list)  # headings printed otherwise than the official
    texts: list[str] = field(default_factory=list)  # notes for the recognition report
    ignored: list[str] = field(default_factory=list)  # text not imported

    @property
    def found_sections(self) -> int:
        return len(self.sections)


def section_of(text: str) -> tuple[str, bool] | None:
    """The official section a heading stands for, and whether it is printed otherwise (renumbered, reworded)."""
    m = _NUMBERED.match(text)
    if not m or "。" in m.group(3).rstrip("。"):
        return None
    res = _section_resolver.resolve(text.strip())
    if res.official is not None and res.kind is not MatchKind.APPROXIMATE:
        return res.official, res.kind is not MatchKind.EXACT
    for variant, official in TITLE_VARIANTS.items():
        if label_key(variant) == label_key(text):
            return official, True
    content = m.group(3)
    for i, words in enumerate(_SECTION_WORDS):
        if any(w in content for w in words):
            return SECTION_TITLES[i], SECTION_TITLES[i] != text.strip()
    return None


def extract_narrative(doc: ParsedDocument) -> Narrative:
    out = Narrative()
    blocks = doc.blocks
    heads = _headings(blocks)
    first_head = heads[0][0] if heads else next((i for i, b in enumerate(blocks) if isinstance(b, Table)), len(blocks))
    title_at = _find_title(blocks, first_head, out, doc.title_hint)
    out.preface = _join(_content_paragraphs(blocks[title_at + 1 : first_head]))
    _read_sections(blocks, heads, out)
    _read_signature(out)
    if not out.organ and out.signature_organ:
        out.organ = out.signature_organ
        out.texts.append("机关名称取自落款")
    _find_year(out)
    _describe(out)
    return out


def _headings(blocks: list[Paragraph | Table]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    last = -1
    for i, b in enumerate(blocks):
        if not isinstance(b, Paragraph) or not b.in_content:
            continue
        hit = section_of(b.text)
        if hit is None:
            continue
        index = SECTION_TITLES.index(hit[0])
        if index > last:
            found.append((i, hit[0]))
            last = index
    return found


def _find_title(blocks: list[Paragraph | Table], end: int, out: Narrative, hint: str) -> int:
    """Index of the title's last paragraph (-1 when none); sets title, organ and year."""
    for i in range(end - 1, -1, -1):
        b = blocks[i]
        if isinstance(b, Paragraph) and _looks_like_title(b.text):
            parts, start = [b.text.strip()], i
            while start > 0 and len(parts) < 3:
                prev = blocks[start - 1]
                if not isinstance(prev, Paragraph) or not _short_line(prev.text):
                    break
                if not (_needs_organ(parts[0]) or _same_title_block(prev, b)):
                    break
                parts.insert(0, prev.text.strip())
                start -= 1
            _set_title("".join(parts), out)
            return i
    if hint and _looks_like_title(hint):
        _set_title(re.split(r"\s*[-_|－—–]\s*(?=[^报]*$)", hint.strip())[0], out)
    return -1


def _same_title_block(prev: Paragraph, title: Paragraph) -> bool:
    """A title broken over centred lines in a PDF: the lines before it in the same large type."""
    return title.size is not None and prev.size == title.size and not prev.text.rstrip().endswith("。")


def _looks_like_title(text: str) -> bool:
    s = text.strip()
    return 4 <= len(s) <= 80 and "。" not in s and "报告" in s and ("信息公开" in s or "年度" in s)


def _needs_organ(text: str) -> bool:
    m = _YEAR.search(text)
    return (m is not None and not text[: m.start()].strip()) or (
        m is None and text.startswith(("政府信息", "信息公开"))
    )


def _short_line(text: str) -> bool:
    s = text.strip()
    return 0 < len(s) <= 40 and not re.search(r"[。：:，]", s) and not _META.match(s)


def _set_title(title: str, out: Narrative) -> None:
    out.title = "".join(title.split()) if re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff\d]", title) else title
    m = _YEAR.search(out.title)
    if m:
        out.year = int(m.group(1))
        out.year_reason = "取自标题"
        out.organ = out.title[: m.start()].strip(" 　-—（(")
    else:
        out.organ = re.split(r"政府信息公开|信息公开", out.title)[0].strip()


def _content_paragraphs(blocks: list[Paragraph | Table]) -> list[str]:
    return [
        b.text.strip()
        for b in blocks
        if isinstance(b, Paragraph) and b.in_content and b.text.strip() and not _META.match(b.text.strip())
    ]


def _join(lines: list[str]) -> str:
    return "\n".join(lines)


def _read_sections(blocks: list[Paragraph | Table], heads: list[tuple[int, str]], out: Narrative) -> None:
    table_titles = {SECTION_TITLES[1], SECTION_TITLES[2], SECTION_TITLES[3]}
    for n, (i, title) in enumerate(heads):
        block = blocks[i]
        printed = block.text.strip() if isinstance(block, Paragraph) else title
        if printed != title:
            out.headings.append(LabelMatch("章节", printed, title, False))
        end = heads[n + 1][0] if n + 1 < len(heads) else len(blocks)
        lines = _content_paragraphs(blocks[i + 1 : end])
        if title in table_titles:
            lines = [line for line in lines if line not in _TABLE_NOTES]  # our own PDF's note under 表二
            if lines:
                out.ignored.append(f"“{title}”下表格以外的文字（{_excerpt(lines)}）")
            continue
        text = _join(lines)
        out.sections[title] = text


def _read_signature(out: Narrative) -> None:
    """The 落款 at the very end: an organ line and a date line (or both on one line)."""
    if not out.sections:
        return
    last = list(out.sections)[-1]
    value = out.sections[last]
    lines = value.split("\n") if isinstance(value, str) else []
    while lines and _DATE.fullmatch("".join(lines[-1].split())) is None and _is_trailer(lines[-1]):
        out.ignored.append(f"结尾的“{lines.pop()}”")
    if not lines:
        return
    tail = lines[-1].strip()
    m = _DATE.search(tail) or _DATE_PLACEHOLDER.search(tail)
    if m is None or m.end() < len(tail.rstrip()) or len(tail) > 60:
        return
    out.signature_date = _date(m) if m.re is _DATE else None
    organ = tail[: m.start()].strip()
    lines.pop()
    if not organ and lines and _short_line(lines[-1]) and not section_of(lines[-1]):
        organ = lines.pop().strip()
    out.signature_organ = organ
    out.sections[last] = "\n".join(lines)


def _is_trailer(line: str) -> bool:
    s = line.strip()
    return len(s) <= 20 and ("打印" in s or "关闭" in s or "分享" in s or "附件" in s or s.startswith("【"))


def _date(m: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(_number(m.group(1)), _number(m.group(2)), _number(m.group(3)))
    except ValueError:
        return None


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4:  # 二〇二四
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if "十" in text:  # 十, 十二, 二十, 二十一
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def _find_year(out: Narrative) -> None:
    if out.year is not None:
        return
    m = re.search(r"(\d{4})\s*年\s*1\s*月\s*1\s*日", out.preface) or re.search(r"(\d{4})\s*年度", out.preface)
    if m:
        out.year, out.year_reason = int(m.group(1)), "取自前言的统计期限"
    elif out.signature_date is not None:
        out.year, out.year_reason = out.signature_date.year - 1, "按成文日期推定（成文年份的上一年）"


def _describe(out: Narrative) -> None:
    out.texts.append(f"标题“{out.title}”" if out.title else "未找到标题（请在基本信息中填写机关名称和年度）")
    out.texts.append(f"前言 {len(out.preface)} 字" if out.preface else "未找到前言（“一、总体情况”之前的文字）")
    found = [t for t in SECTION_TITLES if t in out.sections]
    missing = [t for t in SECTION_TITLES if t not in out.sections and t not in SECTION_TITLES[1:4]]
    overview = out.sections.get(SECTION_TITLES[0])
    if isinstance(overview, str):
        parts = section_as_parts(overview)
        headed = [p.heading for p in parts if p.heading]
        inline = [m.group(0) for line in overview.split("\n") if (m := _SUBHEADING_INLINE.match(line))]
        if headed:
            out.sections[SECTION_TITLES[0]] = parts
        subs = headed or inline
        if subs:
            out.texts.append(
                f"“一、总体情况”中识别出 {len(subs)} 个小标题：" + "、".join(s.rstrip("。：") for s in subs)
            )
    out.texts.append("读取的章节：" + ("、".join(found) if found else "无"))
    if missing:
        out.texts.append("未找到的章节：" + "、".join(missing))
    if out.signature_date or out.signature_organ:
        date = (
            f"{out.signature_date.year}年{out.signature_date.month}月{out.signature_date.day}日"
            if out.signature_date
            else ""
        )
        out.texts.append(f"落款：{out.signature_organ or '（无机关名称）'} {date}".rstrip())
    else:
        out.texts.append("未找到落款（机关名称和成文日期）")
    out.texts += [f"未导入：{text}" for text in out.ignored]


def _excerpt(lines: list[str], limit: int = 30) -> str:
    text = "".join(lines)
    return text if len(text) <= limit else text[:limit] + "……"
