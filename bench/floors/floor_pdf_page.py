"""Floor for ``disclosure-desk pdf``: a ReportLab script setting a page of Chinese text and a table
with one TrueType font, written to a file.

    python bench/floors/floor_pdf_page.py OUT.pdf [FONT.ttf]

The font defaults to the bundled Ming face (resources/fonts/ARPLUMingCN-GB2312.ttf), or the first
bundled .ttf when that one is gone. A fresh process: importing ReportLab, parsing the font, setting
one page, subsetting the font into the file. bench/bench_ratios.py divides the time of the PDF
command on the 2021 sample by this process's.
"""

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
TEXT = (
    "为深入贯彻落实《中华人民共和国政府信息公开条例》，本机关坚持以公开为常态、不公开为例外，"
    "推进决策、执行、管理、服务、结果公开，全面提高政府工作透明度，保障人民群众知情权、参与权、"
    "表达权和监督权。本年度共主动公开政府信息一千二百余条，办理依申请公开一百余件。"
)


def default_font() -> Path:
    preferred = FONTS / "ARPLUMingCN-GB2312.ttf"
    return preferred if preferred.is_file() else min(FONTS.glob("*.ttf"))


def main(out: str, font: Path) -> None:
    pdfmetrics.registerFont(TTFont("Floor", str(font)))
    style = ParagraphStyle("body", fontName="Floor", fontSize=14, leading=24, firstLineIndent=28)
    data = [[f"第{r}行" if c == 0 else str(r * 10 + c) for c in range(10)] for r in range(24)]
    table = Table(data, style=[("FONTNAME", (0, 0), (-1, -1), "Floor"), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
    story = [Paragraph(TEXT, style) for _ in range(2)] + [table]
    SimpleDocTemplate(out, pagesize=A4).build(story)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else default_font())
