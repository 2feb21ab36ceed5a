"""``disclosure-desk review``: exit codes, the summary, and every file it writes, read back."""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
from decimal import Decimal
from types import SimpleNamespace

import pytest

from disclosure_desk.cli import main
from disclosure_desk.spec import GridRole, get_spec

pytestmark = pytest.mark.slow


def run(*args: str) -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["review", *map(str, args)])
    return SimpleNamespace(code=code, out=out.getvalue(), err=err.getvalue())


@pytest.fixture(scope="session")
def reviewed(batch, tmp_path_factory):
    out = tmp_path_factory.mktemp("review-out") / "结果"
    result = run(batch.folder, "--previous", batch.previous_folder, "--expected", batch.expected_file, "-o", out)
    return SimpleNamespace(out=out, result=result)


def test_exit_1_and_a_summary_naming_what_needs_action(reviewed, batch):
    r = reviewed.result
    assert r.code == 1, r.err
    assert "未报送：" + "、".join(batch.missing) + "。" in r.out
    assert f"无法读取：{batch.unreadable[0]}（{batch.unreadable[0]}.docx）。" in r.out
    assert "有错误：" in r.out and "青禾县城关镇（2个错误）" in r.out
    assert "不在应报机关名单中：青禾县档案馆。" in r.out
    assert f"汇总：计入 {len(batch.summed)} 个机关" in r.out


def test_board_csv_opens_in_excel_and_holds_every_row(reviewed, review):
    data = (reviewed.out / "board.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["机关", "状态", "格式"]
    assert len(rows) == 1 + len(review.organs)
    assert rows[1 + [o.organ for o in review.organs].index("青禾县城关镇")][1:6] == [
        "有错误",
        "2021年格式",
        "2025",
        "2",
        "0",
    ]


def test_board_xlsx_has_typed_cells_and_the_comparison_sheet(reviewed, review, batch):
    from openpyxl import load_workbook

    book = load_workbook(reviewed.out / "board.xlsx")
    assert book.sheetnames == ["审核表", "数据对比"]
    sheet = book["审核表"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(review.organs)
    by_organ = {r[0]: r for r in rows}
    assert by_organ["青禾县城关镇"][4] == 2 and isinstance(by_organ["青禾县城关镇"][7], float)
    assert sheet.auto_filter.ref.startswith("A1:")
    compared = list(book["数据对比"].iter_rows(values_only=True))
    assert compared[0][1] == "本年新收申请（件）"
    organ = "青禾县统计局"
    row = next(r for r in compared if r[0] == organ)
    assert row[1:3] == (batch.drafts[organ].value("t3.new.total"), batch.previous[organ].value("t3.new.total"))


def test_totals_xlsx_is_the_official_tables_with_the_sums(reviewed, review):
    from openpyxl import load_workbook

    from disclosure_desk.application.review.sums import sum_reports

    summed = sum_reports(review).main.draft
    book = load_workbook(reviewed.out / "汇总.xlsx")
    assert book.sheetnames == ["说明", "表二", "表三", "表四"]
    notes = [r[0] for r in book["说明"].iter_rows(values_only=True)]
    assert any(n.startswith("未计入汇总的机关（13个）") for n in notes)
    assert "青禾县财政局：未报送" in notes
    spec = get_spec("2021")
    for key in ("表二", "表三", "表四"):
        sheet, table = book[key], spec.table(key)
        merged = {str(m) for m in sheet.merged_cells.ranges}
        for g in table.grid:
            cell = sheet.cell(3 + g.row, 1 + g.col)
            if g.role is GridRole.VALUE:
                expected = summed.value(g.cell_id)  # amounts are Decimal; Excel keeps them as numbers
                assert cell.value == (float(expected) if isinstance(expected, Decimal) else expected), g.cell_id
            else:
                assert cell.value == g.text
            if g.rowspan > 1 or g.colspan > 1:
                assert f"{cell.coordinate}:{sheet.cell(2 + g.row + g.rowspan, g.col + g.colspan).coordinate}" in merged


def test_totals_pdf_and_docx_print_the_tables_with_the_sums(reviewed, review):
    import docx
    import pdfplumber

    from disclosure_desk.application.review.sums import sum_reports

    summed = sum_reports(review).main.draft
    with pdfplumber.open(reviewed.out / "汇总.pdf") as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "").replace(" ", "")
    assert "青禾县2025年政府信息公开工作年度报告汇总表" in text
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in text
    assert "未计入汇总的机关（13个）" in text
    document = docx.Document(str(reviewed.out / "汇总.docx"))
    assert len(document.tables) == 3
    t3 = document.tables[1]
    assert t3.cell(3, 9).text == str(summed.value("t3.new.total"))  # 一、本年新收 / 总计
    assert t3.cell(3, 0).text == "一、本年新收政府信息公开申请数量"


def test_charts_are_valid_png_and_pdf_with_chinese_text(reviewed):
    import pdfplumber
    from PIL import Image

    charts = reviewed.out / "图表"
    pngs, pdfs = sorted(charts.glob("*.png")), sorted(charts.glob("*.pdf"))
    assert [p.stem for p in pngs] == [p.stem for p in pdfs]
    assert {"本年新收申请", "本年新收申请-变化", "予以公开和部分公开占比", "行政复议结果纠正", "行政诉讼结果纠正"} <= {
        p.stem for p in pngs
    }
    for png in pngs:
        with Image.open(png) as image:
            image.verify()
            assert image.format == "PNG"
    with pdfplumber.open(charts / "本年新收申请.pdf") as pdf:
        assert "各机关本年新收申请（2025年，灰色为2024年）" in pdf.pages[0].extract_text()
        fonts = {c["fontname"] for c in pdf.pages[0].chars}
    assert all("WenQuanYi" in f for f in fonts)


def test_feedback_for_every_organ_that_sent_a_file(reviewed, review):
    folder = reviewed.out / "审核意见"
    sent = [o for o in review.organs if o.received is not None]
    assert len(list(folder.glob("*.docx"))) == len(list(folder.glob("*.pdf"))) == len(sent)


def test_feedback_quotes_the_cells_with_the_figures_reported(reviewed, batch):
    import docx
    import pdfplumber

    organ = "青禾县城关镇"
    reported = batch.drafts[organ].value("t3.new.natural")
    quote = f"“表三/一、本年新收政府信息公开申请数量/自然人”（填报：{reported}）"
    paragraphs = [p.text for p in docx.Document(str(reviewed.out / "审核意见" / f"审核意见-{organ}.docx")).paragraphs]
    assert paragraphs[0] == f"关于{organ}2025年政府信息公开工作年度报告的审核意见"
    assert "一、需要改正的错误（2处）" in paragraphs
    assert any(p.startswith("1.表三勾稽关系：新收+结转=办理结果总计+结转下年度（T3-1）：自然人列") for p in paragraphs)
    assert any(quote in p for p in paragraphs)
    with pdfplumber.open(reviewed.out / "审核意见" / f"审核意见-{organ}.pdf") as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "").replace(" ", "")
    assert quote in text and "T3-1" in text


def test_feedback_quotes_the_text_copied_from_last_year(reviewed, batch, review):
    import docx

    organ = batch.copied[0]
    name = review.organ(organ).organ
    paragraphs = [p.text for p in docx.Document(str(reviewed.out / "审核意见" / f"审核意见-{name}.docx")).paragraphs]
    passage = next(p for p in paragraphs if p.startswith("原文（与上年报告一字不差）："))
    assert passage.removeprefix("原文（与上年报告一字不差）：“").rstrip("”") in batch.previous[organ].section_text(
        "五、存在的主要问题及改进情况"
    ) + batch.previous[organ].section_text("一、总体情况")


def test_exit_0_when_every_report_passes(batch, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for organ in ("青禾县统计局", "青禾县水利局"):
        shutil.copy(batch.files[organ], folder)
    r = run(folder, "-o", tmp_path / "out")
    assert r.code == 0, r.out + r.err
    assert "通过 2" in r.out


@pytest.mark.parametrize("case", ["no folder", "no list", "output is input"])
def test_exit_2_on_bad_input(batch, tmp_path, case):
    args = {
        "no folder": (tmp_path / "nope", "-o", tmp_path / "out"),
        "no list": (batch.folder, "--expected", tmp_path / "名单.txt", "-o", tmp_path / "out"),
        "output is input": (batch.folder, "-o", batch.folder),
    }[case]
    r = run(*args)
    assert r.code == 2 and r.err.startswith("错误："), r.err
    assert not (tmp_path / "out").exists()


def test_exit_3_when_the_output_cannot_be_written(batch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(batch.files["青禾县统计局"], folder)
    r = run(folder, "-o", blocker / "out")
    assert r.code == 3 and "无法创建文件夹" in r.err
