"""Text is text: markup-like input printed literally, odd characters reported, 避头尾 on every line."""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import pairwise

import pytest

from disclosure_desk.interchange import read_report_file
from disclosure_desk.pdf import linebreak as lb
from tests.conftest import SAMPLE_2021_JSON
from tests.pdf.conftest import (
    HOSTILE,
    body_lines,
    hostile_text,
    kinsoku_text,
    reading_sequence,
    render,
    squash,
    with_sections,
)

NO_START = set("，。、；：？！）》」』”")
NO_END = set("（《「『“")


@pytest.fixture(scope="module")
def base():
    return read_report_file(SAMPLE_2021_JSON)


@pytest.fixture(scope="module")
def hostile(base):
    return render(with_sections(base, one=hostile_text()))


@pytest.fixture(scope="module")
def kinsoku(base):
    return render(with_sections(base, one=kinsoku_text(seed=7, paragraphs=30), five=kinsoku_text(seed=11)))


def test_markup_is_printed_literally(hostile):
    text = squash("".join(reading_sequence(hostile)))
    for s in HOSTILE:
        assert squash(s) in text, s


def test_long_runs_are_printed_whole(hostile):
    text = squash("".join(reading_sequence(hostile)))
    assert "甲乙丙丁戊己庚辛壬癸" * 300 in text
    assert "a" * 2000 in text


def test_characters_no_font_has_are_boxed_and_reported(hostile):
    missing = hostile.result.missing_chars
    assert ("😀", "U+1F600 GRINNING FACE", "一、总体情况 第2段第25字") in missing
    assert ("👍", "U+1F44D THUMBS UP SIGN", "一、总体情况 第2段第27字") in missing
    assert "1F600" in squash("".join(reading_sequence(hostile)))  # the box carries the code point
    assert hostile.result.missing_summary[0].startswith("“😀”（U+1F600 GRINNING FACE）")


def test_rare_characters_come_from_a_fallback_font(hostile):
    text = squash("".join(reading_sequence(hostile)))
    assert "堃、喆、㐀" in text
    fallback = {ch for ch, _, _ in hostile.result.fallback_chars}
    assert {"堃", "喆", "㐀"} <= fallback
    assert not any(ch in "堃喆㐀" for ch, _, _ in hostile.result.missing_chars)


def test_control_characters_print_as_pictures_and_are_reported(hostile):
    replaced = hostile.result.replaced_chars
    assert ("\x07", "U+0007 BELL（控制字符）", "一、总体情况 第2段第13字") in replaced
    text = "".join(reading_sequence(hostile))
    assert "响铃\u2407字符" in text and "退格\u2408字符" in text


def test_tab_prints_as_a_full_width_space(hostile):
    chars = "".join(c["text"] for page in hostile.pages for c in page.chars)
    assert "制表符\u3000之后" in chars


@pytest.mark.parametrize("odd", ["\ud800", "\x85", "\uffff", "\u202e", "\ufeff", "\x00", "\U000e0001", "\u0301"])
def test_odd_code_points_never_crash(base, odd):
    r = render(with_sections(base, six=f"前{odd}后。"))
    assert "前" in squash(r.pages[-1].extract_text()) and r.result.pages >= 1


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(kinsoku):
    lines = [squash(ln) for page in kinsoku.pages for ln in body_lines(page)]
    assert len(lines) > 200
    bad = [ln for ln in lines if ln and (ln[0] in NO_START or ln[-1] in NO_END)]
    assert not bad, bad[:5]


def test_numbers_words_and_paired_marks_are_never_split_across_lines(kinsoku):
    lines = [squash(ln) for page in kinsoku.pages for ln in body_lines(page)]
    for a, b in pairwise(lines):
        if not a or not b:
            continue
        assert not (lb.is_word_char(a[-1]) and lb.is_word_char(b[0])), (a[-12:], b[:12])
        assert not (a[-1] in "—…" and b[0] == a[-1] and a[-2:-1] != a[-1]), (a[-6:], b[:6])


def test_every_character_of_the_kinsoku_text_is_printed(kinsoku):
    text = squash("".join(reading_sequence(kinsoku)))
    for para in kinsoku_text(seed=7, paragraphs=30).split("\n"):
        assert squash(para) in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_reads_every_paragraph_back_in_one_piece(kinsoku, tmp_path):
    """Another reader than pdfminer: squeezed punctuation must not break poppler's text flow."""
    pdf = tmp_path / "k.pdf"
    pdf.write_bytes(kinsoku.data)
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = squash("".join(ln for ln in out.splitlines() if not re.fullmatch(r"— \d+ —", ln.strip())))
    for para in kinsoku_text(seed=7, paragraphs=30).split("\n"):
        assert squash(para) in text
