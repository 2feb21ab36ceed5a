"""Screenshots of the report's web page in headless Chromium, at a desktop and at a phone width.

    .venv/bin/python tools/screenshot_html.py [--sample FILE.json] [--out docs/html-2021.png] [--keep DIR]

Needs Debian's ``chromium`` (``apt-get install chromium``; a developer tool, not a test dependency).
The page is rendered with the bundled fonts under the report's font names (tests/formats/office.py),
as a PC without the official fonts would show it. The picture in docs/ puts the desktop view (the top
of the report down to 表二) beside the phone view at 表三 (wider than the phone: it scrolls sideways).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image
from tests.formats.office import fontconfig_file

SAMPLE = ROOT / "resources" / "samples" / "qinghe-tongjiju-2025.json"
DESKTOP = (1200, 6200)
PHONE = (390, 9000)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
]


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        sys.exit("chromium is not installed: apt-get install chromium")
    return exe


def screenshot(page: Path, size: tuple[int, int], out: Path, folder: Path) -> Path:
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(folder)), HOME=str(folder))
    profile = folder / f"profile-{size[0]}"
    subprocess.run(
        [
            chromium(),
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={size[0]},{size[1]}",
            f"--screenshot={out}",
            page.as_uri(),
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    return out


def write_page(sample: Path, folder: Path) -> Path:
    from disclosure_desk.formats.html_format import write
    from disclosure_desk.interchange import read_report_file

    page = folder / "report.html"
    write(read_report_file(sample), page)
    return page


def trim(image: Image.Image) -> Image.Image:
    """Cut the white below the page's end."""
    grey = image.convert("L").point(lambda v: 255 if v < 250 else 0)
    box = grey.getbbox()
    return image.crop((0, 0, image.width, min(image.height, (box[3] if box else image.height) + 24)))


def compose(desktop: Image.Image, phone: Image.Image, height: int, phone_top: int) -> Image.Image:
    """The desktop view's first ``height`` pixels beside the phone view from ``phone_top`` on."""
    gap = 24
    out = Image.new("RGB", (desktop.width + phone.width + 3 * gap, height + 2 * gap), (200, 200, 200))
    out.paste(desktop.crop((0, 0, desktop.width, height)), (gap, gap))
    out.paste(phone.crop((0, phone_top, phone.width, phone_top + height)), (desktop.width + 2 * gap, gap))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "html-2021.png")
    parser.add_argument("--height", type=int, default=1500, help="height of the part shown in --out")
    parser.add_argument(
        "--phone-top", type=int, default=1870, help="where the phone part starts (the 2021 sample: at 三 and its table)"
    )
    parser.add_argument("--keep", type=Path, help="also keep the whole screenshots in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        page = write_page(args.sample, folder)
        desktop = trim(Image.open(screenshot(page, DESKTOP, folder / "desktop.png", folder)))
        phone = trim(Image.open(screenshot(page, PHONE, folder / "phone.png", folder)))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            desktop.save(args.keep / "desktop.png")
            phone.save(args.keep / "phone.png")
        picture = compose(desktop, phone, args.height, args.phone_top)
        picture.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(args.out, optimize=True)
    print(f"{args.out}: desktop {desktop.width}×{desktop.height}, phone {phone.width}×{phone.height}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
