"""Build tests/fixtures/published/: published-style reports (Word, PDF via LibreOffice, web pages, our own
PDF) and bad inputs, each readable one with NAME.expected.json (what an import must give).

    .venv/bin/python tools/make_published_fixtures.py          # needs libreoffice-writer (soffice) for the PDFs

Deterministic: the same files every run (LibreOffice PDFs differ only in their creation date, which no
test reads). The generated files are committed; the tests never run LibreOffice.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "tools")]

from fixture_docx import DocxStyle, fixed_properties, normalise_zip, write_docx
from fixture_html import fragment_html, page_html, word_html
from fixture_layout import Variant, layout

from disclosure_desk.domain import Draft
from disclosure_desk.interchange import read_report_file, write_report_file

OUT = REPO / "tests" / "fixtures" / "published"
SAMPLES = REPO / "resources" / "samples"


# ---- base reports -------------------------------------------------------------------------------


def base_2021() -> Draft:
    d = read_report_file(SAMPLES / "qinghe-tongjiju-2025.json")
    d.organ = d.signature_organ = "临川区青云街道办事处"
    d.year, d.signature_date = 2023, dt.date(2024, 1, 18)
    d.preface = d.preface.replace("青禾县统计局", d.organ).replace("2025", "2023").replace("青禾县", "临川区")
    d.values["t2.a6.penalty.decisions"] = 1280
    d.values["t2.a8.fees.amount"] = Decimal("25.1")
    return d


def base_2019() -> Draft:
    d = read_report_file(SAMPLES / "yiluo-2019.json")
    d.signature_organ, d.signature_date = d.organ, dt.date(2020, 1, 16)
    n = 0
    for cell in d.spec.all_cells:
        if not cell.is_total:
            n += 1
            d.values[cell.id] = n % 4 if cell.table != "表二" else n % 9
    d.values["t2.a5.licensing.change"] = -4
    d.values["t2.a9.procurement.amount"] = Decimal("25.1")
    d.fill_totals()
    return d


# ---- how publishers deviate -------------------------------------------------------------------

LABELS_2021 = {
    "法人或其他组织": "法人或其它组织",
    "3.其他": "3.其它",
    "其他结果": "其它结果",
    "（一）予以公开": "(一)予以公开",
    "商业企业": "商业 企业",
    "4.保护第三方合法权益": "4.保护第三方合法权意",
    "本年制发件数": "本年制法件数",
    "社会公益组织": "社会公\n益组织",
    "法律服务机构": "法律服\n务机构",
    "本年处理决定数量": "本年处理\n决定数量",
    "3.危及“三安全一稳定”": '3.危及"三安全一稳定"',
    "结果纠正": "结果 纠正",
}
VARIANT_VALUES_2021 = {  # cell id -> (printed, what an import must give)
    "t2.a1.rules.issued": ("/", None),
    "t2.a1.rules.repealed": ("/", None),
    "t2.a1.rules.in_force": ("/", None),
    "t2.a6.penalty.decisions": ("1,280", 1280),
    "t2.a8.fees.amount": ("251000元", Decimal("25.1")),
    "t4.direct.other": ("—", None),
    "t3.new.total": ("5", 5),  # the publisher's own sum is wrong (4): kept
}
SECTIONS_2021 = {
    "五、存在的主要问题及改进情况": "五、政府信息公开工作存在的主要问题及改进情况",
    "四、政府信息公开行政复议、行政诉讼情况": "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "六、其他需要报告的事项": "六、其它需要报告的事项",
}
OTHER_ROW_2019 = {
    f"t3.other.no_correction.{c}": ("1" if c in ("natural", "total") else "0", None)
    for c in ("natural", "business", "research", "nonprofit", "legal", "other", "total")
}
WPS_VALUES = {"t2.a8.fees.amount": ("0.00", 0), "t4.review.upheld": ("", None), "t4.review.total": ("", None)}
SEED_VALUES_2019 = {"t2.a9.procurement.amount": ("251000元", Decimal("25.1")), "t2.a5.licensing.change": ("减4", -4)}
SEED_SECTIONS = {
    "五、存在的主要问题及改进情况": "三、存在的主要问题及改进情况",
    "六、其他需要报告的事项": "四、其它需要报告的事项",
}


def variant(values: dict | None = None, **kwargs) -> tuple[Variant, dict]:
    values = values or {}
    return Variant(values={k: p for k, (p, _) in values.items()}, **kwargs), {k: t for k, (_, t) in values.items()}


def expected(base: Draft, truth: dict, *, omit_tables: tuple[str, ...] = (), other_row: bool = False) -> Draft:
    d = copy.deepcopy(base)
    d.values.update(truth)
    for key in omit_tables:
        for cell in d.spec.table(key).cells:
            d.values[cell.id] = None
    if other_row:
        for cell in d.spec.table("表三").cells:
            if cell.id.startswith("t3.other."):
                d.values[cell.id] = None
    d.value_origins = {}
    return d


# ---- the fixtures -----------------------------------------------------------------------------


def build() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    b21, b19 = base_2021(), base_2019()
    official, _ = variant()
    labels21, truth21 = variant(VARIANT_VALUES_2021, labels=LABELS_2021, sections=SECTIONS_2021, title_lines=2)
    row19, truth_row = variant(OTHER_ROW_2019, t3_2019_other_row=True)
    wps, truth_wps = variant(WPS_VALUES, t2_split=True, note_in_table_sections="该部分以表格形式报告。")
    seed, truth_seed = variant(SEED_VALUES_2019, sections=SEED_SECTIONS, title_lines=2)
    seed_items = _drop_sections(
        layout(b19, seed), ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")
    )
    exp_seed = expected(b19, truth_seed, omit_tables=("表三", "表四"))
    plain = DocxStyle(page_numbers=True, running_head="临川区青云街道办事处政务公开")
    cases = [
        ("d21-official", layout(b21, official), expected(b21, {}), plain),
        ("d21-variants", layout(b21, labels21), expected(b21, truth21), DocxStyle(indent_first_line=False)),
        ("d21-2019-row", layout(b21, row19), expected(b21, truth_row, other_row=True), DocxStyle()),
        ("d21-t2-split", layout(b21, wps), expected(b21, truth_wps), DocxStyle(repeat_header_rows=3)),
        ("d19-official", layout(b19, Variant(t2_four_columns=False)), expected(b19, {}), DocxStyle(page_numbers=True)),
        ("d19-seed-like", seed_items, exp_seed, DocxStyle(body_size=14)),
    ]
    for name, items, exp, style in cases:
        write_docx(items, OUT / f"{name}.docx", style)
        _expect(name, exp)
    long_style = DocxStyle(body_size=18, page_numbers=True, running_head="临川区青云街道办事处政务公开")
    write_docx(
        layout(b21, official), OUT / "long-header.docx", DocxStyle(**{**long_style.__dict__, "repeat_header_rows": 3})
    )
    write_docx(layout(b21, official), OUT / "long-noheader.docx", long_style)
    pdfs = {
        "d21-official": "p21-official",
        "d21-variants": "p21-variants",
        "d19-seed-like": "p19-seed-like",
        "d19-official": "p19-official",
        "long-header": "p21-continued-header",
        "long-noheader": "p21-continued-noheader",
    }
    _to_pdf(pdfs)
    for name in ("p21-continued-header", "p21-continued-noheader"):
        _expect(name, expected(b21, {}))
    for docx_name, pdf_name in pdfs.items():
        if docx_name.startswith("d"):
            shutil.copy(OUT / f"{docx_name}.expected.json", OUT / f"{pdf_name}.expected.json")
    (OUT / "long-header.docx").unlink()
    (OUT / "long-noheader.docx").unlink()
    _own_pdfs()
    _html(b21, b19, labels21, truth21, official, wps, truth_wps, row19, truth_row, seed_items, exp_seed)
    _bad_inputs()


def _drop_sections(items: list, titles: tuple[str, ...]) -> list:
    """The seed's shape: the publisher left out 表三 and 表四 with their headings."""
    out, dropping = [], False
    for item in items:
        if item.kind == "h1":
            dropping = item.text in titles
        if not dropping:
            out.append(item)
    return out


def _expect(name: str, draft: Draft) -> None:
    write_report_file(draft, OUT / f"{name}.expected.json")


def _to_pdf(names: dict[str, str]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-writer")
    with tempfile.TemporaryDirectory() as tmp:
        conf = Path(tmp) / "fonts.conf"
        conf.write_text(
            f'<?xml version="1.0"?><fontconfig><dir>{REPO / "resources" / "fonts"}</dir>'
            f"<cachedir>{tmp}/cache</cachedir></fontconfig>",
            encoding="utf-8",
        )
        env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=tmp)
        files = [str(OUT / f"{n}.docx") for n in names]
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, *files],
            env=env,
            check=True,
            capture_output=True,
            timeout=600,
        )
        for docx_name, pdf_name in names.items():
            shutil.move(Path(tmp) / f"{docx_name}.pdf", OUT / f"{pdf_name}.pdf")


def _own_pdfs() -> None:
    os.environ["DISCLOSURE_DESK_BUNDLED_FONTS_ONLY"] = "1"
    from disclosure_desk.pdf.export import render_pdf_bytes

    for sample, name in (("qinghe-tongjiju-2025", "own-2021"), ("yiluo-2019", "own-2019")):
        draft = read_report_file(SAMPLES / f"{sample}.json")
        (OUT / f"{name}.pdf").write_bytes(render_pdf_bytes(draft, invariant=True))
        draft.signature_organ = draft.signature_organ or draft.organ  # the PDF signs with the organ's name
        _expect(name, draft)


def _html(b21, b19, labels21, truth21, official, wps, truth_wps, row19, truth_row, seed_items, exp_seed) -> None:
    (OUT / "h21-cms-fragment.html").write_text(fragment_html(layout(b21, labels21)), encoding="utf-8")
    _expect("h21-cms-fragment", expected(b21, truth21))
    page = page_html(layout(b21, official), "临川区人民政府")
    (OUT / "h21-full-page.html").write_bytes(page.encode("gb18030"))
    _expect("h21-full-page", expected(b21, {}))
    (OUT / "h19-word-export.htm").write_text(word_html(seed_items), encoding="utf-8")
    _expect("h19-word-export", exp_seed)
    (OUT / "h21-t2-split.html").write_text(
        fragment_html(layout(b21, wps), split_spans=False, nbsp_blanks=False), encoding="utf-8"
    )
    _expect("h21-t2-split", expected(b21, truth_wps))
    (OUT / "h21-2019-row.html").write_text(page_html(layout(b21, row19), "临川区人民政府", "utf-8"), encoding="utf-8")
    _expect("h21-2019-row", expected(b21, truth_row, other_row=True))


def _bad_inputs() -> None:
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFillGray(0.7)
    c.rect(60, 100, 470, 650, fill=1, stroke=0)  # a "scan": pictures only, no text layer
    c.showPage()
    c.save()
    (OUT / "bad-scanned.pdf").write_bytes(buf.getvalue())
    writer = PdfWriter()
    for page in PdfReader(OUT / "own-2021.pdf").pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="secret")
    with open(OUT / "bad-encrypted.pdf", "wb") as f:
        writer.write(f)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for n in range(70):  # a large PDF of something else: a 70-page manual
        c.drawString(72, 760, f"Chapter {n + 1}. Operating instructions, page {n + 1}.")
        c.showPage()
    c.save()
    (OUT / "bad-other-large.pdf").write_bytes(buf.getvalue())
    import docx

    d = docx.Document()
    fixed_properties(d)
    for line in (
        "关于召开春季安全生产工作会议的通知",
        "各科室：",
        "定于下周一上午九时召开会议，请准时参加。",
        "办公室",
    ):
        d.add_paragraph(line)
    d.add_table(rows=2, cols=3).cell(0, 0).text = "参会人员"
    d.save(str(OUT / "bad-not-a-report.docx"))
    normalise_zip(OUT / "bad-not-a-report.docx")
    (OUT / "bad-not-a-report.html").write_text(
        "<html><head><meta charset='utf-8'><title>便民服务指南</title></head><body><h1>便民服务指南</h1>"
        "<p>办理时间：工作日上午9:00至12:00。</p><table><tr><td>事项</td><td>地点</td></tr></table></body></html>",
        encoding="utf-8",
    )
    whole = (OUT / "d21-official.docx").read_bytes()
    (OUT / "bad-corrupt.docx").write_bytes(whole[: len(whole) // 3])
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(512)
    (OUT / "bad-encrypted.docx").write_bytes(ole)
    assert zipfile.is_zipfile(OUT / "d21-official.docx")


if __name__ == "__main__":
    build()
    print(f"{len(list(OUT.iterdir()))} files in {OUT.relative_to(REPO)}")
