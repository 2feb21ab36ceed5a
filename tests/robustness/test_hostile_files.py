"""Hostile report files, run through the real command (``python -m disclosure_desk``) as a child process.

Every refused file: exit status 2 for ``check``, ``pdf`` and ``import``; one line on stderr that starts
with ``错误：`` and names the problem in Chinese; no traceback; the file, the draft store and the
PDF target are left as they were. Files that are reports in a clerk's spelling are accepted and
normalised.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from disclosure_desk.interchange import read_report_file

from .helpers import SAMPLE_2019, SAMPLE_2021, cli, tree_state

TEXT = SAMPLE_2021.read_text("utf-8")
RAW = SAMPLE_2021.read_bytes()
CELL = '"自然人": 3'  # the first cell of 表三 in the 2021 sample


def cell(value: str) -> bytes:
    assert CELL in TEXT
    return TEXT.replace(CELL, f'"自然人": {value}', 1).encode()


def huge(path: Path) -> None:
    """100 MB: the sample with 100 MB of padding in an x- key (a valid report otherwise)."""
    with open(path, "wb") as f:
        f.write(RAW.rstrip()[:-1] + b', "x-pad": "')
        chunk = b"a" * (1 << 20)
        f.writelines(chunk for _ in range(100))
        f.write(b'"}\n')


# name -> (bytes or a writer, words the message must contain)
REFUSED = {
    "truncated (half)": (RAW[: len(RAW) // 2], "不完整"),
    "truncated (inside a character)": (RAW[: RAW.index("青禾".encode()) + 1], "不完整"),
    "truncated (last brace)": (RAW.rstrip()[:-1], "不是有效的 JSON"),
    "empty": (b"", "不是有效的 JSON"),
    "not UTF-8 (a Latin-1 byte)": (RAW.replace("青禾".encode(), b"Caf\xe9", 1), "不是 UTF-8"),
    "GBK": (TEXT.encode("gbk"), "GBK"),
    "GB18030": (TEXT.encode("gb18030"), "GBK"),
    "UTF-16": (TEXT.encode("utf-16"), "UTF-16"),
    "deeply nested arrays": (b"[" * 200_000 + b"]" * 200_000, "嵌套"),
    "deeply nested objects": (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "嵌套"),
    "100 MB": (huge, "太大"),
    "duplicate key": (TEXT.replace('"year": 2025,', '"year": 2025,\n  "year": 2026,').encode(), "两次"),
    "duplicate cell": (TEXT.replace(CELL, f"{CELL}, {CELL}", 1).encode(), "两次"),
    "edition 2022": (TEXT.replace('"edition": "2021"', '"edition": "2022"').encode(), "edition"),
    "edition as a number": (TEXT.replace('"edition": "2021"', '"edition": 2021').encode(), "加引号"),
    "edition 2019 with 2021 tables": (
        TEXT.replace('"edition": "2021"', '"edition": "2019"').encode(),
        "2021年格式的栏目",
    ),
    "wrong schema": (TEXT.replace("report/1", "report/2").encode(), "schema"),
    "misspelt cell label": (TEXT.replace("商业企业", "商业企業", 1).encode(), "商业企業"),
    "NaN": (cell("NaN"), "NaN"),
    "Infinity": (cell("Infinity"), "Infinity"),
    "-Infinity": (cell("-Infinity"), "Infinity"),
    "10^20": (cell("100000000000000000000"), "数值过大"),
    "1e20": (cell("1e20"), "数值过大"),
    "1e999999999": (cell("1e999999999"), "数值过大"),
    "5,000 digits": (cell("9" * 5000), "数值过大"),
    "1e-999999999": (cell("1e-999999999"), "小数位数过多"),
    "5,000 decimals": (cell("0." + "1" * 5000), "小数位数过多"),
    "number as words": (cell('"三件"'), "阿拉伯数字"),
    "slash for none": (cell('"/"'), "没有发生的请填 0"),
    "true": (cell("true"), "不是数字"),
    "a list": (cell("[1]"), "数字或 null"),
    "year as text": (TEXT.replace('"year": 2025', '"year": "2025"').encode(), "year"),
    "impossible date": (TEXT.replace('"2026-01-20"', '"2026-02-30"').encode(), "成文日期"),
    "top level is a list": (b"[1, 2]", "最外层"),
}


def _run_all(args_list, data: Path):
    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(lambda args: cli(*args, data_dir=data), args_list))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A data folder whose store already holds a draft."""
    data = tmp_path_factory.mktemp("store")
    assert cli("import", str(SAMPLE_2019), data_dir=data).code == 0
    return data


@pytest.mark.slow
@pytest.mark.parametrize("name", list(REFUSED))
def test_a_refused_file_exits_2_names_the_problem_and_changes_nothing(name, data_dir, tmp_path):
    content, words = REFUSED[name]
    path = tmp_path / "报告.json"
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    pdf = tmp_path / "out.pdf"
    before = tree_state(path, data_dir)
    results = _run_all([("check", str(path)), ("pdf", str(path), "-o", str(pdf)), ("import", str(path))], data_dir)
    for command, r in zip(("check", "pdf", "import"), results, strict=False):
        lines = r.err.strip().splitlines()
        assert r.code == 2, (command, r.err[-2000:])
        assert "Traceback" not in r.err + r.out, command
        assert len(lines) == 1 and lines[0].startswith("错误："), (command, r.err[-500:])
        assert words in lines[0], (command, lines[0])
        assert len(lines[0]) < 600, (command, len(lines[0]))  # a 5,000-digit value is not echoed whole
    assert tree_state(path, data_dir) == before
    assert not pdf.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.json"]  # no temporary files either


def _accepted(tmp_path: Path, data: bytes) -> tuple[Path, list]:
    path = tmp_path / "报告.json"
    path.write_bytes(data)
    return path, _run_all(
        [("check", str(path), "--json"), ("pdf", str(path), "-o", str(tmp_path / "out.pdf")), ("import", str(path))],
        tmp_path / "data",
    )


@pytest.mark.slow
def test_a_bom_is_accepted(tmp_path):
    path, (check, pdf, imported) = _accepted(tmp_path, b"\xef\xbb\xbf" + RAW)
    assert (check.code, pdf.code, imported.code) == (0, 0, 0), check.err + pdf.err + imported.err
    assert read_report_file(path) == read_report_file(SAMPLE_2021)


@pytest.mark.slow
def test_numbers_as_a_clerk_writes_them_are_normalised(tmp_path):
    text = TEXT.replace(CELL, '"自然人": "３件"', 1).replace('"商业企业": 1', '"商业企业": " 1,000 "', 1)
    text = text.replace('"本年收费金额（单位：万元）": 0', '"本年收费金额（单位：万元）": "０.５０万元"', 1)
    path, (check, pdf, imported) = _accepted(tmp_path, text.encode())
    assert (pdf.code, imported.code) == (0, 0), pdf.err + imported.err
    assert "Traceback" not in check.err
    draft = read_report_file(path)
    assert draft.value("t3.new.natural") == 3 and draft.value("t3.new.business") == 1000
    assert str(draft.value("t2.a8.fees.amount")) == "0.50"
    exported = tmp_path / "back.json"
    assert cli("export", "1", "-o", str(exported), data_dir=tmp_path / "data").code == 0
    assert '"本年收费金额（单位：万元）": 0.50' in exported.read_text("utf-8")


@pytest.mark.slow
def test_negative_counts_are_read_and_reported_not_refused(tmp_path):
    _, (check, pdf, imported) = _accepted(tmp_path, cell("-3"))
    assert check.code == 1 and imported.code == 0 and pdf.code == 0, check.err + pdf.err + imported.err
    findings = json.loads(check.out)
    assert any(f["rule"] == "TYPE" and "负数" in f["message"] for f in findings)
    assert "草稿" in pdf.err  # printed with the draft mark, and told so


TOO_LONG = "长" * 100  # 300 bytes: more than a file name may have


@pytest.mark.slow
@pytest.mark.parametrize("target", ["", ".", "folder", "folder/", "missing/out", TOO_LONG])
def test_an_output_that_cannot_be_a_file_is_exit_3_with_the_reason(target, tmp_path):
    (tmp_path / "folder").mkdir()
    data = tmp_path / "data"
    assert cli("import", str(SAMPLE_2021), data_dir=data).code == 0
    path = target if target in ("", ".") else str(tmp_path / target)
    for args in (("pdf", str(SAMPLE_2021), "-o", path), ("export", "1", "-o", path)):
        r = cli(*args, data_dir=data)
        assert r.code == 3 and "Traceback" not in r.err, (args, r.err)
        assert r.err.startswith("错误：") and any(w in r.err for w in ("文件夹", "不存在", "太长")), r.err
        assert not list(tmp_path.rglob("*.part"))


@pytest.mark.slow
def test_a_data_folder_path_too_long_is_exit_3_with_the_reason(tmp_path):
    r = cli("list", data_dir=tmp_path / TOO_LONG)
    assert r.code == 3 and "太长" in r.err and "Traceback" not in r.err, r.err
