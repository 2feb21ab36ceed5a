"""Organ names as typed, and the expected-organs list file."""

from __future__ import annotations

import pytest

from disclosure_desk.application.review.organs import county_of, normalise_name, parse_expected, read_expected
from disclosure_desk.errors import BadInputError


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("青禾县民政局", "青禾县 民政局"),
        ("青禾县民政局", "青禾县\u3000民政局 "),
        ("青禾县其他社会组织服务中心", "青禾县其它社会组织服务中心"),
        ("青禾县（东城）街道", "青禾县(东城)街道"),
        ("ＡＢＣ局", "ABC局"),
    ],
)
def test_spellings_of_one_organ_are_one_name(a, b):
    assert normalise_name(a) == normalise_name(b)


def test_different_organs_stay_different():
    assert normalise_name("青禾县民政局") != normalise_name("青禾县民政")


def test_the_list_skips_blank_lines_comments_and_repeats_and_drops_spaces():
    text = "# 应报机关\n\n青禾县教育局\n  青禾县\u3000民政局  \n青禾县 教育局\n\n"
    assert parse_expected(text) == ["青禾县教育局", "青禾县民政局"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_the_list_is_read_in_the_encodings_chinese_windows_saves(tmp_path, encoding):
    path = tmp_path / "名单.txt"
    path.write_bytes("青禾县教育局\r\n青禾县其它中心\r\n".encode(encoding))
    assert read_expected(path) == ["青禾县教育局", "青禾县其它中心"]


def test_a_list_that_is_missing_or_no_text_is_bad_input(tmp_path):
    with pytest.raises(BadInputError, match="找不到应报机关名单"):
        read_expected(tmp_path / "none.txt")
    binary = tmp_path / "名单.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(BadInputError, match="不是文本文件"):
        read_expected(binary)
    with pytest.raises(BadInputError, match="文件夹"):
        read_expected(tmp_path)


def test_the_county_is_where_most_organs_are():
    assert county_of(["青禾县教育局", "青禾县民政局", "东城街道办事处"]) == "青禾县"
    assert county_of(["甲市教育局", "乙县民政局", "丙区财政局"]) == ""
    assert county_of(["某某自治县教育局", "某某自治县民政局"]) == "某某自治县"
