"""Files that are not readable reports: a clear Chinese message (BadInputError, exit 2), and limits that
keep a huge or hostile file from hanging the program. Time is driven by a fake clock, never waited for."""

from __future__ import annotations

import zipfile

import pytest

from disclosure_desk.errors import BadInputError
from disclosure_desk.formats import read_report
from disclosure_desk.formats.docx_reader import parse_docx
from disclosure_desk.formats.html_reader import parse_html
from disclosure_desk.formats.limits import LimitExceededError, Limits
from disclosure_desk.formats.pdf_reader import parse_pdf

from .conftest import PUBLISHED


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("bad-scanned.pdf", "没有文字层"),
        ("bad-encrypted.pdf", "已加密"),
        ("bad-encrypted.docx", "设有打开密码"),
        ("bad-corrupt.docx", "已损坏"),
        ("bad-not-a-report.docx", "不像是政府信息公开工作年度报告"),
        ("bad-not-a-report.html", "不像是政府信息公开工作年度报告"),
        ("bad-other-large.pdf", "有 70 页"),
    ],
)
def test_bad_files_are_refused_with_a_reason(name, says):
    with pytest.raises(BadInputError, match=says) as info:
        read_report(PUBLISHED / name)
    assert info.value.exit_code == 2


@pytest.mark.parametrize(
    ("content", "suffix", "says"),
    [
        (b"", ".pdf", "是空的"),
        (b"<html>not a pdf</html>", ".pdf", "不是有效的PDF文件"),
        (b"%PDF-1.4\n%broken beyond repair", ".pdf", "已损坏"),
        (b"\x00\x01\x02binary", ".html", "不是网页文件"),
        (b"PK\x03\x04" + b"\x00" * 100, ".docx", "已损坏"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".docx", "旧版 Word 97-2003"),
    ],
)
def test_broken_files(tmp_path, content, suffix, says):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(content)
    with pytest.raises(BadInputError, match=says):
        read_report(path)


def test_a_folder_and_a_missing_file(tmp_path):
    with pytest.raises(BadInputError, match="找不到文件"):
        read_report(tmp_path / "none.docx")
    (tmp_path / "dir.pdf").mkdir()
    with pytest.raises(BadInputError, match="文件夹"):
        read_report(tmp_path / "dir.pdf")


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * (41 * 1024 * 1024))
    with pytest.raises(LimitExceededError, match="解压后有 41 MB"):
        read_report(path)


class FakeClock:
    """Advances by ``step`` seconds every time it is read."""

    def __init__(self, step: float):
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.mark.parametrize(
    ("parse", "name"),
    [
        (parse_pdf, "own-2021.pdf"),
        (parse_docx, "d21-official.docx"),
        (parse_html, "h21-full-page.html"),
    ],
)
def test_reading_stops_when_time_runs_out(parse, name):
    limits = Limits(max_seconds=10, clock=FakeClock(step=6.0))
    with pytest.raises(LimitExceededError, match="超过了 10 秒"):
        parse(PUBLISHED / name, limits)


def test_within_time_a_slow_clock_does_not_stop_reading():
    parse_pdf(PUBLISHED / "own-2021.pdf", Limits(max_seconds=10, clock=FakeClock(step=0.01)))


@pytest.mark.parametrize(
    ("limits", "says"),
    [
        (Limits(max_pages=3), "有 5 页"),
        (Limits(max_tables=2), "表格超过 2 个"),
        (Limits(max_cells=100), "单元格超过 100 个"),
        (Limits(max_text_chars=1000), "文字超过"),
        (Limits(max_bytes=1000), "太大"),
    ],
)
def test_each_limit_of_a_pdf(limits, says):
    with pytest.raises(LimitExceededError, match=says):
        parse_pdf(PUBLISHED / "own-2021.pdf", limits)


@pytest.mark.parametrize(
    ("limits", "says"),
    [
        (Limits(max_tables=1), "表格超过 1 个"),
        (Limits(max_cells=50), "单元格超过 50 个"),
        (Limits(max_text_chars=500), "文字超过"),
    ],
)
def test_each_limit_of_word_and_web_files(limits, says):
    for parse, name in ((parse_docx, "d21-official.docx"), (parse_html, "h21-cms-fragment.html")):
        with pytest.raises(LimitExceededError, match=says):
            parse(
                PUBLISHED / name,
                Limits(**{k: getattr(limits, k) for k in ("max_tables", "max_cells", "max_text_chars")}),
            )


def test_a_web_page_with_a_huge_table_is_refused(tmp_path):
    rows = "".join("<tr>" + '<td colspan="150">1</td>' * 5 + "</tr>" for _ in range(100))
    path = tmp_path / "huge.html"
    path.write_text(f"<html><body><table>{rows}</table></body></html>", encoding="utf-8")
    with pytest.raises(LimitExceededError, match="单元格超过"):
        read_report(path)


def test_a_big_table_of_text_is_not_taken_for_a_report_table(tmp_path):
    """Hundreds of text cells (a staff list, a catalogue) are some other table: not matched label by label."""
    fragment = (PUBLISHED / "h21-t2-split.html").read_text(encoding="utf-8")
    rows = "".join(f"<tr><td>事项{n}办理{n * 7}</td><td>政府信息{n}</td></tr>" for n in range(300))
    path = tmp_path / "with-catalogue.html"
    path.write_text(fragment.replace("</div></div>", f"<table>{rows}</table></div></div>"), encoding="utf-8")
    result = read_report(path)
    assert any("不是报告的表格" in note for note in result.recognition.notes)
    assert result.draft.values["t3.new.total"] == 4
