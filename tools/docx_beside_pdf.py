"""Our Word file as LibreOffice prints it, page beside page with our own PDF, as one PNG.

    .venv/bin/python tools/docx_beside_pdf.py [--sample FILE.json] [--pages 1,3] [--out docs/docx-2021-beside-pdf.png]

Needs ``soffice`` (Debian's libreoffice-writer) and ``pdftoppm`` (poppler-utils). Both files use the
bundled fonts (ours: DISCLOSURE_DESK_BUNDLED_FONTS_ONLY; LibreOffice: tests/formats/office.py), so the
difference seen is the layout, not the fonts. Each row: our PDF's page on the left, LibreOffice's on
the right.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DISCLOSURE_DESK_BUNDLED_FONTS_ONLY"] = "1"

from PIL import Image
from tests.formats.office import convert_to_pdf

SAMPLE = ROOT / "resources" / "samples" / "qinghe-tongjiju-2025.json"


def page_image(pdf: Path, page: int, folder: Path, dpi: int) -> Image.Image:
    stem = folder / f"{pdf.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
    )
    return Image.open(f"{stem}.png").convert("RGB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--pages", default="1,4")
    parser.add_argument("--dpi", type=int, default=50)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "docx-2021-beside-pdf.png")
    args = parser.parse_args()
    from disclosure_desk.formats import write_report
    from disclosure_desk.interchange import read_report_file
    from disclosure_desk.pdf.export import export_pdf

    draft = read_report_file(args.sample)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours = folder / "ours.pdf"
        export_pdf(draft, ours, invariant=True)
        write_report(draft, folder / "word.docx")
        done = convert_to_pdf(folder / "word.docx", folder)
        if done.returncode != 0:
            sys.exit(done.stderr)
        rows = [
            (page_image(ours, n, folder, args.dpi), page_image(folder / "word.pdf", n, folder, args.dpi))
            for n in map(int, args.pages.split(","))
        ]
    gap = 12
    width = max(a.width + b.width for a, b in rows) + 3 * gap
    height = sum(max(a.height, b.height) for a, b in rows) + gap * (len(rows) + 1)
    out = Image.new("RGB", (width, height), (160, 160, 160))
    y = gap
    for a, b in rows:
        out.paste(a, (gap, y))
        out.paste(b, (2 * gap + a.width, y))
        y += max(a.height, b.height) + gap
    out.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(args.out, optimize=True)
    print(f"{args.out}: pages {args.pages}, ours left, LibreOffice right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
