"""Preparing typed text: paragraphs, white space, names of characters."""

from __future__ import annotations

from disclosure_desk.pdf.textprep import char_name, control_picture, is_control, is_invisible, paragraphs, prepare


def test_paragraphs_keep_their_numbers_and_lose_surrounding_white_space():
    text = "\u3000\u3000第一段。\r\n\n  第三段。 \r第四段\u2029第五段"
    got = [(p.number, p.offset, p.text) for p in paragraphs(text)]
    assert got == [(1, 2, "第一段。"), (3, 2, "第三段。"), (4, 0, "第四段"), (5, 0, "第五段")]


def test_tabs_become_full_width_spaces():
    assert prepare("a\tb") == "a\u3000b"


def test_control_characters_have_pictures_and_names():
    assert is_control("\x07") and control_picture("\x07") == "\u2407"
    assert control_picture("\x7f") == "\u2421"
    assert control_picture("\x85") is None and is_control("\x85")
    assert is_control("\ud800") and is_control("\uffff")
    assert char_name("\x07") == "U+0007 BELL（控制字符）"
    assert char_name("😀") == "U+1F600 GRINNING FACE"
    assert char_name("\ue000").startswith("U+E000（私用区")


def test_invisible_format_characters():
    for ch in ("\u200b", "\u200d", "\ufeff", "\u00ad", "\ufe0f", "\u202e"):
        assert is_invisible(ch)
    assert not is_invisible("a") and not is_invisible("政")
