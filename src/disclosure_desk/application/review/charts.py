"""Charts of the compared figures: bars per organ (this year beside last year) and the change against
last year, as PNG and PDF. matplotlib without pyplot: a ``Figure`` is built here (no GUI, no backend
chosen, no global state but the font set-up), saved by its PNG (Agg) or PDF backend, and shown by the
app in a ``FigureCanvasQTAgg`` (ui/ only).

Chinese text is set in the bundled WenQuanYi Zen Hei (resources/fonts), registered with matplotlib's
font manager by file: no system font is ever looked up, so a chart prints the same on every PC. PDFs
embed it as TrueType (``pdf.fonttype`` 42, a subset), so the text stays text.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ... import paths
from ...fileio import atomic_write_bytes
from .board import Comparison
from .figures import FIGURE_BY_KEY, FIGURES, chart_value

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CHART_FONT_FILE = "WenQuanYiZenHei-NoHangul.ttf"
THIS_YEAR, LAST_YEAR = "#2f6db5", "#b8c2cc"
UP, DOWN = "#2e8b57", "#c0392b"
ROW_INCHES = 0.24  # height per organ
PNG_DPI = 150
CHANGE_SUFFIX = "变化"

_fonts_lock = threading.Lock()
_font_family: str | None = None


def chart_font_family() -> str:
    """Register the bundled font with matplotlib (once) and make it the charts' only font."""
    global _font_family
    with _fonts_lock:
        if _font_family is None:
            import matplotlib
            from matplotlib import font_manager

            # the bundled face has weight 500 only: matplotlib says so for every text asking for 400
            logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

            path = paths.fonts_dir() / CHART_FONT_FILE
            font_manager.fontManager.addfont(str(path))
            _font_family = font_manager.FontProperties(fname=str(path)).get_name()
            matplotlib.rcParams.update(
                {
                    "font.family": [_font_family],
                    "axes.unicode_minus": False,  # the font's minus sign; U+2212 is not in every face
                    "pdf.fonttype": 42,
                    "svg.fonttype": "none",
                }
            )
        return _font_family


@dataclass(frozen=True)
class ChartData:
    key: str
    organs: list[str]
    now: list[float]
    before: list[float | None]
    left_out: list[str]  # organs without the figure this year

    @property
    def has_previous(self) -> bool:
        return any(v is not None for v in self.before)


def chart_data(compared: Sequence[Comparison], key: str) -> ChartData:
    rows = [(c.organ, chart_value(key, c.value(key)), chart_value(key, c.previous(key))) for c in compared]
    shown = sorted((r for r in rows if r[1] is not None), key=lambda r: r[1] or 0.0)
    return ChartData(
        key,
        [r[0] for r in shown],
        [r[1] or 0.0 for r in shown],
        [r[2] for r in shown],
        [r[0] for r in rows if r[1] is None],
    )


def chartable(compared: Sequence[Comparison]) -> list[str]:
    """The figures at least one organ has."""
    return [f.key for f in FIGURES if any(c.value(f.key) is not None for c in compared)]


def bars_figure(data: ChartData, year: int | None = None) -> Figure:
    """One bar per organ for this year, last year's beside it (grey), largest at the top."""
    spec = FIGURE_BY_KEY[data.key]
    figure, axes = _figure(len(data.organs))
    y = list(range(len(data.organs)))
    height = 0.4 if data.has_previous else 0.7
    axes.barh(
        [v + height / 2 for v in y] if data.has_previous else y,
        data.now,
        height=height,
        color=THIS_YEAR,
        label=f"{year}年" if year else "本年",
    )
    if data.has_previous:
        axes.barh(
            [v - height / 2 for v in y],
            [b or 0.0 for b in data.before],
            height=height,
            color=LAST_YEAR,
            label=f"{year - 1}年" if year else "上年",
        )
        axes.legend(loc="lower right", frameon=False)  # beside the smallest bars, at the bottom
    _label_axes(axes, data.organs, f"{spec.label}（{spec.unit}）")
    years = (f"（{year}年，灰色为{year - 1}年）" if data.has_previous else f"（{year}年）") if year else ""
    axes.set_title(f"各机关{spec.label}{years}", loc="left")
    _footnote(figure, data)
    return figure


def change_figure(data: ChartData, year: int | None = None) -> Figure:
    """The change against last year per organ (green up, red down); organs without last year's left out."""
    spec = FIGURE_BY_KEY[data.key]
    pairs = sorted(
        ((o, n - b) for o, n, b in zip(data.organs, data.now, data.before, strict=True) if b is not None),
        key=lambda p: p[1],
    )
    figure, axes = _figure(len(pairs))
    axes.barh(range(len(pairs)), [d for _, d in pairs], color=[UP if d >= 0 else DOWN for _, d in pairs])
    axes.axvline(0, color="#555555", linewidth=0.8)
    unit = "个百分点" if spec.percent else spec.unit
    _label_axes(axes, [o for o, _ in pairs], f"与上年相比的变化（{unit}）")
    axes.set_title(f"各机关{spec.label}与上年相比" + (f"（{year}年）" if year else ""), loc="left")
    missing = [o for o, b in zip(data.organs, data.before, strict=True) if b is None]
    _footnote(figure, ChartData(data.key, [], [], [], data.left_out + missing))
    return figure


def _figure(rows: int) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    chart_font_family()
    figure = Figure(figsize=(8.0, max(3.0, 1.4 + ROW_INCHES * rows)), layout="constrained")
    return figure, figure.add_subplot()


def _label_axes(axes: Axes, organs: list[str], xlabel: str) -> None:
    axes.set_yticks(range(len(organs)), organs, fontsize=8)
    axes.set_ylim(-0.7, max(len(organs), 1) - 0.3)
    axes.set_xlabel(xlabel)
    axes.grid(axis="x", color="#e3e7eb", linewidth=0.8)
    axes.tick_params(axis="x", labeltop=len(organs) > 15)  # a long chart has its scale at the top too
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if not organs:
        axes.text(0.5, 0.5, "没有可比较的数据", transform=axes.transAxes, ha="center", va="center")


def _footnote(figure: Figure, data: ChartData) -> None:
    """The organs without the figure, under the x axis label (constrained layout makes room for it)."""
    if not data.left_out:
        return
    shown = data.left_out[:12]
    lines = ["、".join(shown[i : i + 4]) for i in range(0, len(shown), 4)]
    more = f"等{len(data.left_out)}个" if len(data.left_out) > len(shown) else ""
    axes = figure.axes[0]
    axes.set_xlabel(axes.get_xlabel() + "\n未列入（本年或上年没有这项数据）：" + "\n".join(lines) + more, fontsize=9)


def figure_bytes(figure: Figure, kind: str) -> bytes:
    """The chart as ``png`` or ``pdf`` bytes (PDF: vector, fonts embedded)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format=kind, dpi=PNG_DPI, metadata=_metadata(kind))
    return buffer.getvalue()


def _metadata(kind: str) -> dict[str, str | None]:
    if kind == "pdf":
        return {"Creator": "Disclosure Desk", "Producer": None, "CreationDate": None}
    return {"Software": "Disclosure Desk"}


def save_figure(figure: Figure, base: Path, kinds: Sequence[str] = ("png", "pdf")) -> list[Path]:
    """``base``.png and ``base``.pdf, each written atomically."""
    out = []
    for kind in kinds:
        path = base.with_name(f"{base.name}.{kind}")
        atomic_write_bytes(path, figure_bytes(figure, kind))
        out.append(path)
    return out


def chart_name(key: str, change: bool = False) -> str:
    label = FIGURE_BY_KEY[key].label
    return f"{label}-{CHANGE_SUFFIX}" if change else label
