"""Hostile text (hypothesis) through the checks, report JSON, the store and the PDF.

The text: ReportLab-like markup, control characters (C0, DEL, C1), bidi overrides and isolates,
combining marks, emoji with ZWJ and variation selectors, astral CJK, private-use, unassigned and
non-characters, lone surrogates, every kind of line break and space, runs with no break opportunity.

- ``check`` never raises; report JSON and the store give back exactly the text that went in;
- the PDF never fails, and what it prints is the text under the rules of docs/pdf.md ("Text is text"),
  worked out here independently: paragraphs split at line breaks, blank paragraphs and white space at
  a paragraph's ends dropped, a tab as U+3000, invisible format characters not printed, a C0 control
  or DEL as its control picture, any other control, surrogate or non-character as a box with its code
  point, a character no bundled font has as a box with its code point; every character not printed
  as typed is listed in ``missing_chars``/``replaced_chars`` (nothing dropped without a finding);
- 200,000-character sections and lines with no break opportunity are set whole; the work of setting
  a line with no break opportunity grows in proportion to its length (counted in Python calls, not
  timed), and the title search measures a bounded number of candidate lines. How long these take is
  measured by ``bench/bench_long_text.py``, against a floor, never asserted here.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import shutil
import subprocess
import sys
import unicodedata

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_desk import paths
from disclosure_desk.checks import check
from disclosure_desk.domain import Draft, SectionPart
from disclosure_desk.interchange import parse_report_text, read_report_file
from disclosure_desk.interchange.writer import dumps_report
from disclosure_desk.pdf.export import render_pdf
from disclosure_desk.storage import DraftRepository, open_store
from tests.pdf.conftest import is_draft_mark, is_page_number

from .helpers import SAMPLE_2021

pytestmark = pytest.mark.slow

MARKUP = [
    "<b>",
    "</b>",
    "<i>x</i>",
    "<font name=x>",
    '<font name="Helvetica" size=40>',
    "</font>",
    "<img src=x>",
    '<img src="/etc/passwd"/>',
    "&amp;",
    "&lt;",
    "&#x41;",
    "&#0;",
    "&nbsp;",
    "<br/>",
    "<para>",
    "<b",
    "]]>",
    "<![CDATA[",
    "%s",
    "%(x)s",
    "{0}",
    "\\",
    "\\n",
    '"',
    "'",
    "<onDraw name=x/>",
]
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\t", " ", "\u3000", "\u00a0", "\u200b", "\u202f", "\u2003"]
BIDI = list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
EMOJI = ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇨🇳", "❤\ufe0f", "✌\ufe0f", "1\ufe0f\u20e3", "🏳\ufe0f\u200d🌈"]
ODD = [
    "\uffff",
    "\ufffe",
    "\U0010ffff",
    "\ufdd0",
    "\u0378",
    "\ue000",
    "\U000f0000",
    "\ud800",
    "\udfff",
    "\ufeff",
    "\u00ad",
    "\u2060",
    "\U000e0001",
    "\ufe0f",
    "\U000e0100",
    "\u034f",
]
PUNCT = [*list("，。、；：？！（）《》“”‘’【】—…·"), "——", "……"]
CJK = "政府信息公开工作年度报告本机关依法主动申请办理答复平台建设监督保障堃喆㐀"

text_pieces = st.one_of(
    st.sampled_from(MARKUP),
    st.sampled_from(BREAKS),
    st.sampled_from(BIDI),
    st.sampled_from(EMOJI),
    st.sampled_from(ODD),
    st.sampled_from(PUNCT),
    st.text(st.sampled_from(CJK), min_size=1, max_size=12),
    st.characters(min_codepoint=0, max_codepoint=0x1F),  # C0
    st.characters(min_codepoint=0x7F, max_codepoint=0x9F),  # DEL, C1
    st.characters(categories=["Mn", "Me"]),  # combining marks
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK extension B
    st.characters(min_codepoint=0xE000, max_codepoint=0xF8FF),  # private use
    st.characters(codec="utf-8"),  # anything at all
    st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=8),
    st.builds(
        lambda ch, n: ch * n, st.sampled_from(["a", "9", "甲", "—", "，", "（", "x\u0301"]), st.integers(30, 300)
    ),
)
hostile = st.lists(text_pieces, max_size=25).map("".join)


@functools.cache
def _base() -> Draft:
    return read_report_file(SAMPLE_2021)


def _with_text(
    text: str, *, heading: str = "（一）小标题", title: str | None = None, organ: str | None = None
) -> Draft:
    d = copy.deepcopy(_base())
    d.preface = text
    d.sections["一、总体情况"] = (SectionPart(heading, text), SectionPart("", "正文"))
    d.sections["五、存在的主要问题及改进情况"] = text
    d.sections["六、其他需要报告的事项"] = text
    d.contact = text
    d.accepted = {"C-1|" + text[:20]: text}
    if title is not None:
        d.title = title
    if organ is not None:
        d.organ = d.signature_organ = organ
    return d


# ---- checks, report JSON, store ---------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile, label=hostile)
def test_checks_and_report_json_take_any_text_and_give_it_back_exactly(text, label):
    draft = _with_text(text, heading=label, title=label or None, organ=label)
    findings = check(draft)
    assert all(f.message for f in findings)
    again = parse_report_text(dumps_report(draft))
    assert again == _paired(draft)


SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _paired(draft: Draft) -> Draft:
    """The documented exception (docs/report-json.md): a lone high surrogate right before a lone low one
    is, in JSON, the escape of the character the two encode (``\\ud800\\udfff`` is U+103FF)."""

    def pair(text):
        if isinstance(text, str):
            return SURROGATE_PAIR.sub(
                lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text
            )
        if isinstance(text, tuple):
            return tuple(SectionPart(pair(p.heading), pair(p.text)) for p in text)
        if isinstance(text, dict):
            return {pair(k): pair(v) for k, v in text.items()}
        return text

    d = copy.deepcopy(draft)
    for name in ("organ", "title", "preface", "signature_organ", "contact", "website"):
        setattr(d, name, pair(getattr(d, name)))
    d.sections = pair(d.sections)
    d.accepted, d.value_origins, d.carried_texts = pair(d.accepted), pair(d.value_origins), pair(d.carried_texts)
    return d


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("store") / "drafts.sqlite3")
    yield s
    s.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(text=hostile, label=hostile)
def test_the_store_gives_back_exactly_the_text_that_went_in(store, text, label):
    draft = _with_text(text, heading=label, title=label or None, organ=label)
    with store.session() as session:
        DraftRepository(session).save(draft)
    with store.read_session() as session:
        loaded = DraftRepository(session).load(draft.id)
    assert loaded == draft


# ---- the PDF --------------------------------------------------------------------------------------

LINE_BREAKS = re.compile("\r\n|\r|\n|\u2028|\u2029")
EDGE_SPACE = " \t\u00a0\u3000"


def _invisible(ch: str) -> bool:
    cp = ord(ch)
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def _control(ch: str) -> bool:
    cp = ord(ch)
    return unicodedata.category(ch) in ("Cc", "Cs") or (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF


@functools.cache
def _font_cmaps() -> list[set[int]]:
    """The characters each bundled font has, read from the font files (not through the typesetter)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    return [set(TTFontFile(str(p)).charToGlyph) for p in sorted(paths.fonts_dir().glob("*.ttf"))]


def _no_font_has(ch: str) -> bool:
    return not any(ord(ch) in cmap for cmap in _font_cmaps())


def _box(ch: str) -> str:
    return f"{ord(ch):04X}"


def printed(text: str) -> tuple[list[str], list[str], list[str]]:
    """What docs/pdf.md says a narrative text prints as: (paragraphs, controls replaced, missing)."""
    paragraphs, replaced, missing = [], [], []
    for para in LINE_BREAKS.split(text):
        para = para.strip(EDGE_SPACE)
        if not para:
            continue
        out = []
        for ch in para:
            if ch == "\t":
                out.append("\u3000")
            elif _invisible(ch):
                continue
            elif _control(ch):
                replaced.append(ch)
                cp = ord(ch)
                out.append(chr(0x2400 + cp) if cp < 0x20 else "\u2421" if cp == 0x7F else _box(ch))
            elif _no_font_has(ch):
                missing.append(ch)
                out.append(_box(ch))
            else:
                out.append(ch)
        paragraphs.append("".join(out))
    return paragraphs, replaced, missing


def squash(s: str) -> str:
    return "".join(s.split())


START, END = "〔起〕", "〔止〕"


def _pdf_text_until(data: bytes, end: str, times: int = 1) -> str:
    """The characters of the PDF's pages, in order, up to the page holding the ``times``-th ``end``
    (white space removed)."""
    out = ""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars = [c for c in page.chars if not is_draft_mark(c) and not is_page_number(c)]
            # in content-stream order (as ``pdftotext -raw``, copy and paste): a box's small
            # code-point label sits higher than the line's text, a layout analysis puts it after
            out += squash("".join(c["text"] for c in chars))
            if out.count(end) >= times:
                break
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_the_pdf_prints_the_text_as_documented_and_reports_everything_else(text):
    body = START + text + END
    d = copy.deepcopy(_base())
    d.preface = body  # the preface: first page, right after the title
    data, result = render_pdf(d, invariant=True, bundled_fonts_only=True)
    paragraphs, replaced, missing = printed(body)
    got = _pdf_text_until(data, END)
    want = squash("".join(paragraphs))
    assert want in got, (want[:200], got[:400])
    assert sorted(ch for ch, _, _ in result.replaced_chars if True) == sorted(replaced)
    assert sorted(ch for ch, _, _ in result.missing_chars) == sorted(missing)
    for ch, name, where in result.missing_chars + result.replaced_chars:
        assert name.startswith(f"U+{ord(ch):04X}") and where.startswith("前言 第")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=hostile.filter(lambda s: s.strip(EDGE_SPACE) and not LINE_BREAKS.search(s)))
def test_titles_organs_and_headings_of_any_text_are_printed(label):
    d = _with_text("正文。", heading=START + label + END, title=START + label + END, organ=label)
    data, result = render_pdf(d, invariant=True, bundled_fonts_only=True)
    want = squash("".join(printed(START + label + END)[0]))
    got = _pdf_text_until(data, END, times=2)
    assert got.startswith(want)  # the title comes first (a long one runs onto the next pages)
    assert want in got[len(want) :]  # the part's heading
    assert result.pages >= 1


# ---- very long sections, lines with no break opportunity ----------------------------------------------

LONG = {
    "中文和标点": ("本机关依法公开政府信息，" * 20_000)[:200_000],
    "no break at all (letters)": "a" * 200_000,
    "no break at all (digits)": "9" * 200_000,
    "one line of CJK without punctuation": ("政府信息公开" * 40_000)[:200_000],
    "dashes and ellipses only": ("——……" * 50_000)[:200_000],
    "closing punctuation only": "，" * 200_000,
    "hostile mix": ("<b>&amp;\x07\u202e😀𠀀\u0301\t" * 20_000)[:200_000],
}


@pytest.mark.parametrize("name", list(LONG))
def test_a_200000_character_section_is_set_whole(name, tmp_path):
    text = LONG[name]
    d = copy.deepcopy(_base())
    d.sections["五、存在的主要问题及改进情况"] = text
    check(d)
    assert parse_report_text(dumps_report(d)) == d
    data, result = render_pdf(d, invariant=True, bundled_fonts_only=True, draft_mark=False)  # no watermark in the text
    assert result.pages > 60
    if shutil.which("pdftotext") and name != "hostile mix":
        (tmp_path / "long.pdf").write_bytes(data)
        out = subprocess.run(["pdftotext", str(tmp_path / "long.pdf"), "-"], capture_output=True, check=True).stdout
        got = squash(re.sub(r"— \d+ —", "", out.decode("utf-8")))
        assert squash(text) in got


# ---- long titles -----------------------------------------------------------------------------------


def _every_combination(title, cands, measure, max_width, max_lines):
    """The title search as it was: every combination of breaks (48 s for a 100-character title)."""
    import itertools
    from itertools import pairwise

    from disclosure_desk.pdf.title import _shape_penalty

    positions = sorted(cands)
    for n in range(2, max_lines + 1):
        scored = []
        for cut in itertools.combinations(positions, n - 1):
            lines = [title[a:b] for a, b in pairwise((0, *cut, len(title)))]
            widths = [measure(s) for s in lines]
            if max(widths) <= max_width:
                scored.append((sum(cands[c] for c in cut), _shape_penalty(widths), max(widths) - min(widths), lines))
        if scored:
            return min(scored, key=lambda s: s[:3])[3]
    return None


def test_the_pruned_title_search_breaks_titles_as_trying_every_combination_did():
    import random

    from disclosure_desk.pdf import styles
    from disclosure_desk.pdf import title as t
    from disclosure_desk.pdf.fonts import FontSet
    from disclosure_desk.pdf.typeset import Typesetter

    ts = Typesetter(FontSet(bundled_only=True))

    def measure(s):
        return ts.width(s, styles.TITLE)

    rng = random.Random(8)
    units = [
        "青禾县",
        "人民政府",
        "办公室",
        "市场监督管理局",
        "街道办事处",
        "统计局",
        "中共",
        "委员会",
        "（",
        "）",
        "自然资源和规划局",
        "ABC",
        "2025",
        "乡",
        "镇",
    ]
    for _ in range(40):
        title = "".join(rng.choice(units) for _ in range(rng.randint(1, 7))) + rng.choice(["2025年", ""]) + t.SUFFIX
        cands = t.candidates(title)
        for c, lines in ((cands, 3), (t._char_breaks(title, cands), 4)):
            assert t._best(title, c, measure, styles.TYPE_AREA_WIDTH, lines) == _every_combination(
                title, c, measure, styles.TYPE_AREA_WIDTH, lines
            ), title


@pytest.mark.parametrize("length", [100, 1_000, 200_000])
def test_a_long_title_or_organ_is_set(length):
    d = copy.deepcopy(_base())
    d.organ = d.signature_organ = ("青禾县人民政府办公室统计局，" * (length // 14 + 1))[:length]
    d.title = None
    _, result = render_pdf(d, invariant=True, bundled_fonts_only=True)
    assert result.pages >= (length // 2_000) and not result.missing_chars


def _profiled_calls(work) -> int:
    """Python and C function calls (and returns) made by ``work()``: a count of work done, the same on
    a busy machine as on an idle one."""
    count = 0

    def profile(_frame, _event, _arg) -> None:
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(
    "name",
    [
        "no break at all (letters)",
        "no break at all (digits)",
        "closing punctuation only",
        "中文和标点",
        "one line of CJK without punctuation",
    ],
)
def test_setting_a_line_without_breaks_is_work_in_proportion_to_its_length(name):
    """Twice the text, twice the calls (2.0 here); re-splitting the rest for every line made it about 3.9
    (quadratic: 200,000 letters took four minutes)."""
    from disclosure_desk.pdf import styles
    from disclosure_desk.pdf.fonts import FontSet
    from disclosure_desk.pdf.linebreak import break_lines
    from disclosure_desk.pdf.typeset import Typesetter

    ts = Typesetter(FontSet(bundled_only=True))
    calls = []
    for length in (4_000, 8_000):
        items = ts.items(LONG[name][:length], styles.BODY)
        calls.append(_profiled_calls(lambda items=items: break_lines(items, styles.TYPE_AREA_WIDTH)))
    assert calls[1] / calls[0] < 2.5, calls


def test_the_title_search_measures_few_candidate_lines():
    """Every organ length up to 100 characters (titles of 1 to 5 lines): the pruned search measures at
    most a few thousand candidate lines; trying every combination measured 150,000 at 48 characters and
    never ended for 5 lines."""
    from disclosure_desk.pdf import styles
    from disclosure_desk.pdf import title as t
    from disclosure_desk.pdf.fonts import FontSet
    from disclosure_desk.pdf.typeset import Typesetter

    ts = Typesetter(FontSet(bundled_only=True))
    limit = 20_000

    class TooManyMeasured(Exception):
        pass

    for length in range(1, 101):
        title = ("青禾县人民政府办公室统计局" * 8)[:length] + "2025年" + t.SUFFIX
        measured = 0

        def measure(text: str, title: str = title) -> float:
            nonlocal measured
            measured += 1
            if measured > limit:  # fail here rather than search on for ever
                raise TooManyMeasured(f"{len(title)}-character title: more than {limit} lines measured")
            return ts.width(text, styles.TITLE)

        lines = t.break_title(title, measure, styles.TYPE_AREA_WIDTH)
        assert "".join(lines) == title


def test_the_app_says_so_when_a_report_holds_characters_its_editors_cannot(qapp, qtbot, monkeypatch, tmp_path):
    """A lone surrogate (a ``\\ud800`` escape in a report file) cannot live in Qt's editors: editing that part
    removes it. The app says so when it opens such a report, instead of dropping it unannounced."""
    import disclosure_desk.ui  # noqa: F401 - the PySide6 work-around before any Qt call
    from disclosure_desk.ui import messages
    from disclosure_desk.ui.main_window import MainWindow
    from tests.ui.conftest import Answers

    answers = Answers()
    monkeypatch.setattr(messages, "present", answers)
    report = tmp_path / "odd.json"
    report.write_text(
        SAMPLE_2021.read_text("utf-8").replace('"preface": "本报告', '"preface": "\\ud800本报告'), "utf-8"
    )
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_store()
    window.actions_.open_sample(str(report))
    assert window.report is not None
    warning = [r for r in answers.requests if r.kind == "warning"]
    assert len(warning) == 1 and "前言" in warning[0].text and "U+D800" in warning[0].text
    window.actions_.open_sample(str(SAMPLE_2021))  # an ordinary report: no such message
    assert len([r for r in answers.requests if r.kind == "warning"]) == 1
    window.close()
