"""Shared fixtures for the PDF tests: rendered samples and helpers that read a PDF back.

Everything is rendered with ``invariant=True`` and the bundled fonts only (tests/conftest.py sets
DISCLOSURE_DESK_BUNDLED_FONTS_ONLY=1), so results do not depend on the fonts of the machine.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import io
import random

import pdfplumber
import pytest

from disclosure_desk.domain import Draft, SectionPart
from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf import styles as st
from disclosure_desk.pdf.export import ExportResult, render_pdf
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON

MM = st.MM
TOL = 1 * MM  # the tolerance for "within the 版心"

# in pdfplumber's coordinates (origin top-left)
AREA_LEFT = st.TYPE_AREA_LEFT
AREA_RIGHT = st.TYPE_AREA_RIGHT
AREA_TOP = st.MARGIN_TOP
AREA_BOTTOM = st.MARGIN_TOP + st.TYPE_AREA_HEIGHT


@dataclasses.dataclass
class Rendered:
    data: bytes
    result: ExportResult

    @functools.cached_property
    def pdf(self):
        return pdfplumber.open(io.BytesIO(self.data))

    @property
    def pages(self):
        return self.pdf.pages


def render(draft: Draft, **kwargs) -> Rendered:
    kwargs.setdefault("invariant", True)
    kwargs.setdefault("bundled_fonts_only", True)
    return Rendered(*render_pdf(draft, **kwargs))


@functools.cache
def _rendered_sample(name: str) -> Rendered:
    return render(read_report_file(SAMPLE_2021_JSON if name == "2021" else SEED_JSON))


@pytest.fixture(params=["2021", "2019"])
def sample(request) -> tuple[Draft, Rendered]:
    path = SAMPLE_2021_JSON if request.param == "2021" else SEED_JSON
    return read_report_file(path), _rendered_sample(request.param)


@pytest.fixture
def rendered_2021() -> Rendered:
    return _rendered_sample("2021")


@pytest.fixture
def rendered_2019() -> Rendered:
    return _rendered_sample("2019")


# ---- reading text back ------------------------------------------------------------------


def is_draft_mark(ch: dict) -> bool:
    colour = ch.get("non_stroking_color")
    return ch["size"] > 30 or (
        isinstance(colour, (tuple, list)) and len(colour) == 3 and colour[0] > 0.5 and colour[1] < 0.2
    )


def is_page_number(ch: dict) -> bool:
    return ch["top"] > AREA_BOTTOM


def clean(page):
    """The page without the draft mark (so that 草稿 does not end up in table cells)."""
    return page.filter(lambda o: o.get("object_type") != "char" or not is_draft_mark(o))


def flow_chars(page) -> list[dict]:
    """Characters of the text flow: neither page number nor draft mark."""
    return [c for c in page.chars if not is_draft_mark(c) and not is_page_number(c)]


def _outside(boxes):
    def keep(obj):
        if obj.get("object_type") != "char":
            return True
        if is_draft_mark(obj) or is_page_number(obj):
            return False
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    return keep


def body_lines(page) -> list[str]:
    """Lines of running text (tables left out), as pdfplumber extracts them."""
    page = clean(page)
    boxes = [t.bbox for t in page.find_tables()]
    text = page.filter(_outside(boxes)).extract_text(x_tolerance=1.5) or ""
    return [ln for ln in text.split("\n") if ln.strip()]


def reading_sequence(rendered: Rendered) -> list[str]:
    """The document as a list of strings in reading order: text lines, and table cells row by row."""
    out: list[str] = []
    for page in map(clean, rendered.pages):
        tables = page.find_tables()
        pieces = []
        for t in tables:
            cells = [c for row in t.extract() for c in row if c is not None]
            pieces.append((t.bbox[1], cells))
        text = page.filter(_outside([t.bbox for t in tables]))
        for line in text.extract_text_lines(x_tolerance=1.5):
            pieces.append((line["top"], [line["text"]]))
        for _, strings in sorted(pieces, key=lambda p: p[0]):
            out += strings
    return out


def squash(s: str) -> str:
    return "".join(s.split())


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Each needle (white space ignored) occurs in ``haystack`` after the previous one."""
    at = 0
    for n in needles:
        n = squash(n)
        if not n:
            continue
        found = haystack.find(n, at)
        assert found >= 0, f"{n!r} not found after position {at}: …{haystack[at : at + 80]}…"
        at = found + len(n)


# ---- drafts -----------------------------------------------------------------------------

HOSTILE = [
    "<b>粗体</b>",
    "&amp;",
    "&lt;",
    "<font name=x>字</font>",
    "<img src=x>",
    "<para>",
    "<b",
    "]]>",
    "&#x41;",
    '"引号"',
    "'单引号'",
    "a<b&c>d",
    "<br/>",
    "%s%d{0}",
    "\\n",
]


def hostile_text() -> str:
    parts = [
        "本段测试各种“危险”输入：" + "、".join(HOSTILE) + "。",
        "制表符\t之后的文字，响铃\x07字符，退格\x08字符，表情😀和👍，生僻字堃、喆、㐀。",
        "长串：" + "甲乙丙丁戊己庚辛壬癸" * 300 + "。",
        "拉丁长串：" + "a" * 2000 + "。",
        "数字：20251231、3.1415926、1,280,000、0000-1234567、http://www.example.gov.cn/xxgk/2025/index.html 等。",
    ]
    return "\n".join(parts)


def kinsoku_text(seed: int = 7, paragraphs: int = 12) -> str:
    """Text built to put punctuation, brackets, numbers and words at every possible line position."""
    rng = random.Random(seed)
    hanzi = "政府信息公开工作年度报告本机关依法主动公开申请办理答复平台建设监督保障规范管理"
    closers = list("，。、；：？！）》」』”")
    out = []
    for _ in range(paragraphs):
        words = []
        for _ in range(rng.randint(40, 80)):
            r = rng.random()
            if r < 0.45:
                words.append("".join(rng.choice(hanzi) for _ in range(rng.randint(1, 6))))
            elif r < 0.60:
                words.append(rng.choice(closers) + rng.choice(closers[:3]) * rng.randint(0, 1))
            elif r < 0.72:
                words.append(
                    rng.choice(["（", "《", "“", "「", "『"])
                    + rng.choice(hanzi) * rng.randint(1, 3)
                    + rng.choice(["）", "》", "”", "」", "』"])
                )
            elif r < 0.84:
                words.append(str(rng.randint(0, 10 ** rng.randint(1, 8))))
            elif r < 0.92:
                words.append(rng.choice(["PDF", "Word", "GB/T", "WPS", "OA", "3.5%", "1,280", "2025-01-20"]))
            else:
                words.append(rng.choice(["——", "……"]))
        out.append("首" + "".join(words) + "。")
    return "\n".join(out)


def with_sections(draft: Draft, **texts: str) -> Draft:
    """A copy of ``draft`` with some narrative sections replaced (keys: one, five, six)."""
    d = copy.deepcopy(draft)
    titles = {"one": "一、总体情况", "five": "五、存在的主要问题及改进情况", "six": "六、其他需要报告的事项"}
    for key, text in texts.items():
        d.sections[titles[key]] = text
    return d


def long_report(draft: Draft, times: int = 6) -> Draft:
    """The 2021 sample with every part of 一、总体情况 written out ``times`` times over."""
    d = copy.deepcopy(draft)
    parts = d.sections["一、总体情况"]
    d.sections["一、总体情况"] = tuple(SectionPart(p.heading, "\n".join([p.text] * times)) for p in parts)
    d.sections["五、存在的主要问题及改进情况"] = "\n".join([d.section_text("五、存在的主要问题及改进情况")] * times)
    return d
