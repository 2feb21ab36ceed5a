"""A generated batch for the review desk: 60 organs of 青禾县 built from the two samples, with last year's.

    plan = make_batch(tmp_path)       # tmp_path/本年/, tmp_path/上年/, tmp_path/应报机关.txt
    plan.expected, plan.missing, plan.with_errors, plan.copied, plan.drafts …

What it holds (the tests check the review against ``BatchPlan``, never against the review itself):
- 60 expected organs; 4 send nothing; one more organ, not on the list, sends a report;
- formats: report JSON, Word and web pages through our writers, a few PDFs (slow to read: ``pdfs``);
- errors: a wrong 表三 figure (T3-1), a blank cell (B-1), a report on the 2019 form (from the 2019 sample);
- copied: the narrative of last year's report with this year's figures (C-1);
- X-1: 上年结转 that is not last year's 结转下年度;
- duplicates: an older first draft (with an error) beside the corrected report;
- a file that is no report (unreadable); last year's report sent by mistake (another year);
- name variants: the list spells one organ with a full-width space, one with 其它.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from disclosure_desk.domain import Draft, SectionPart
from disclosure_desk.formats import write_report
from disclosure_desk.interchange import read_report_file
from disclosure_desk.spec.builders import T3_COLUMNS
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON
from tests.review import texts

COUNTY = "青禾县"
YEAR = 2025
BUREAUS = (
    "发展和改革局",
    "教育局",
    "科学技术局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "卫生健康局",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业局",
    "城市管理局",
    "行政审批服务局",
    "信访局",
    "人民政府办公室",
    "其他社会组织服务中心",
)
TOWNS = (
    "城关镇",
    "东城街道办事处",
    "西城街道办事处",
    "南关街道办事处",
    "北山镇",
    "青禾镇",
    "柳林镇",
    "石桥镇",
    "白沙乡",
    "红旗乡",
    "龙泉镇",
    "杨柳乡",
    "河口镇",
    "新华街道办事处",
    "长安街道办事处",
    "清水镇",
    "大王庄乡",
    "桃园镇",
    "梨花乡",
    "高庄镇",
    "马家乡",
    "李村镇",
    "双河镇",
    "三岔乡",
    "五里铺镇",
    "六合乡",
    "金沙镇",
    "银杏乡",
    "凤凰镇",
    "太平乡",
)
ORGANS = tuple(f"{COUNTY}{n}" for n in BUREAUS + TOWNS)
EXTRA_ORGAN = f"{COUNTY}档案馆"  # sends a report but is not on the list

MISSING = (7, 23, 41, 58)
WRONG_FIGURE = (3, 18, 30, 47, 52)  # T3-1
BLANK_CELL = (35,)  # B-1
OLD_FORM = (12,)  # the 2019 sample renamed: E-1, S-1
COPIED = (5, 14, 27, 39, 50, 55)
CARRY_MISMATCH = (9, 44)  # X-1 warning
DUPLICATED = (2, 20)  # an older first draft with an error beside the corrected report
UNREADABLE = (31,)
LAST_YEARS_SENT = (21,)  # last year's report sent again
NEW_THIS_YEAR = (16, 33)  # no report last year
DOCX_PREVIOUS = (1, 11)  # last year's report as a Word file
FULL_WIDTH_SPACE = (5,)  # the list writes 青禾县　民政局
PDF_ORGANS = (10, 25, 45)


@dataclass
class BatchPlan:
    folder: Path
    previous_folder: Path
    expected_file: Path
    expected: list[str]
    drafts: dict[str, Draft] = field(default_factory=dict)  # this year's report of each organ, as written
    previous: dict[str, Draft] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # organ -> the file that counts
    missing: list[str] = field(default_factory=list)
    with_errors: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    carry_mismatch: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    other_year: list[str] = field(default_factory=list)
    new_this_year: list[str] = field(default_factory=list)
    not_on_list: list[str] = field(default_factory=list)

    @property
    def summed(self) -> list[str]:
        """Organs whose report the 汇总 must hold: read, without errors, of this year, on the 2021 form."""
        out = set(self.with_errors) | set(self.missing) | set(self.unreadable) | set(self.other_year)
        return [o for o in self.drafts if o not in out]


def format_for(i: int, pdfs: int) -> str:
    if i in PDF_ORGANS[:pdfs]:
        return ".pdf"
    return {1: ".docx", 4: ".docx", 7: ".docx", 8: ".html"}.get(i % 10, ".json")


def make_batch(root: Path, *, pdfs: int = 3, seed: int = 17) -> BatchPlan:
    rng = random.Random(seed)
    folder, previous_folder = root / "本年", root / "上年"
    folder.mkdir(parents=True)
    previous_folder.mkdir(parents=True)
    listed = [
        o.replace("民政局", "\u3000民政局") if i in FULL_WIDTH_SPACE else o.replace("其他", "其它")
        for i, o in enumerate(ORGANS)
    ]
    plan = BatchPlan(folder, previous_folder, root / "应报机关.txt", listed)
    plan.expected_file.write_text("# 青禾县应报送年度报告的机关\n" + "\n".join(listed) + "\n\n", encoding="utf-8")
    received_at = dt.datetime(YEAR + 1, 1, 10, 9, 0)
    for i, organ in enumerate((*ORGANS, EXTRA_ORGAN)):
        last = None if i in NEW_THIS_YEAR else _report(organ, YEAR - 1, rng, None)
        if last is not None:
            plan.previous[organ] = last
            _write(
                last,
                previous_folder / f"{organ}-{YEAR - 1}{'.docx' if i in DOCX_PREVIOUS else '.json'}",
                received_at - dt.timedelta(days=365),
            )
        if i in MISSING:
            plan.missing.append(organ)
            continue
        when = received_at + dt.timedelta(hours=i)
        if i in UNREADABLE:
            path = folder / f"{organ}.docx"
            path.write_bytes(b"PK\x03\x04 this is not a Word file")
            os.utime(path, (when.timestamp(), when.timestamp()))
            plan.unreadable.append(organ)
            plan.files[organ] = path
            continue
        draft = _this_year(i, organ, last, rng, plan)
        path = folder / f"{organ}{format_for(i, pdfs)}"
        if i in DUPLICATED:
            first = copy.deepcopy(draft)
            first.values["t3.new.natural"] = (first.values["t3.new.natural"] or 0) + 3
            _write(first, folder / f"{organ}-初稿.json", when - dt.timedelta(days=2))
            plan.duplicated.append(organ)
        _write(draft, path, when)
        plan.drafts[organ] = draft
        plan.files[organ] = path
        if i == len(ORGANS):
            plan.not_on_list.append(organ)
    return plan


def _this_year(i: int, organ: str, last: Draft | None, rng: random.Random, plan: BatchPlan) -> Draft:
    if i in LAST_YEARS_SENT and last is not None:
        plan.other_year.append(organ)
        plan.copied.append(organ)
        return copy.deepcopy(last)
    if i in OLD_FORM:
        plan.with_errors.append(organ)
        return _old_form(organ)
    draft = _report(organ, YEAR, rng, last, copied=i in COPIED, carry_mismatch=i in CARRY_MISMATCH)
    if i in NEW_THIS_YEAR:
        plan.new_this_year.append(organ)
    if i in COPIED:
        plan.copied.append(organ)
    if i in CARRY_MISMATCH:
        plan.carry_mismatch.append(organ)
    if i in WRONG_FIGURE:
        draft.values["t3.new.natural"] = (draft.values["t3.new.natural"] or 0) + 1
        plan.with_errors.append(organ)
    if i in BLANK_CELL:
        draft.values["t3.withheld.secret.legal"] = None
        plan.with_errors.append(organ)
    return draft


def _old_form(organ: str) -> Draft:
    draft = read_report_file(SEED_JSON)
    draft.organ = draft.signature_organ = organ
    draft.title = None
    draft.year = YEAR
    return draft


def _report(
    organ: str, year: int, rng: random.Random, last: Draft | None, *, copied: bool = False, carry_mismatch: bool = False
) -> Draft:
    draft = read_report_file(SAMPLE_2021_JSON)
    draft.organ = draft.signature_organ = organ
    draft.year = year
    draft.signature_date = dt.date(year + 1, 1, 20)
    draft.preface = draft.preface.replace("2025", str(year)).replace("青禾县统计局", organ)
    carried_in = {c: int(last.value(f"t3.carried_out.{c}") or 0) for c, _ in T3_COLUMNS} if last is not None else None
    if carried_in is not None and carry_mismatch:
        carried_in["natural"] += 2
    _tables(draft, rng, carried_in, last)
    _narrative(draft, year - 1 if copied else year, organ, rng)
    return draft


def _tables(draft: Draft, rng: random.Random, carried_in: dict[str, int] | None, last: Draft | None) -> None:
    values = draft.values
    for row in ("rules", "normative"):
        issued, repealed = (0, 0) if row == "rules" else (rng.randint(0, 5), rng.randint(0, 3))
        before = (
            int(last.value(f"t2.a1.{row}.in_force") or 0)
            if last is not None
            else (0 if row == "rules" else rng.randint(5, 30))
        )
        values |= {
            f"t2.a1.{row}.issued": issued,
            f"t2.a1.{row}.repealed": repealed,
            f"t2.a1.{row}.in_force": max(0, before + issued - repealed),
        }
    values |= {
        "t2.a5.licensing.decisions": rng.randint(0, 500),
        "t2.a6.penalty.decisions": rng.randint(0, 200),
        "t2.a6.coercion.decisions": rng.randint(0, 20),
        "t2.a8.fees.amount": Decimal(rng.choice([0, 0, 0, 125, 380, 1250])) / 100,
    }
    results = [
        c.row_key
        for c in draft.spec.table("表三").cells
        if c.column_key == "natural" and c.row_key not in ("new", "carried_in", "total", "carried_out")
    ]
    for col, _ in T3_COLUMNS:
        if col == "total":
            continue
        scale = 8 if col == "natural" else 2
        for row in results:
            busy = row in ("disclosed", "partial", "unavailable.not_held")
            values[f"t3.{row}.{col}"] = rng.randint(0, scale) if busy or rng.random() < 0.08 else 0
        handled = sum(int(values[f"t3.{row}.{col}"] or 0) for row in results)
        came = carried_in[col] if carried_in is not None else rng.randint(0, 1)
        out = rng.randint(0, 1)
        new = handled + out - came
        if new < 0:
            out, new = out - new, 0
        values |= {f"t3.new.{col}": new, f"t3.carried_in.{col}": came, f"t3.carried_out.{col}": out}
    for block in ("review", "direct", "after_review"):
        for col in ("upheld", "corrected", "other", "pending"):
            values[f"t4.{block}.{col}"] = rng.choice([0, 0, 0, 1, 2]) if col != "other" else 0
    for cell in draft.spec.all_cells:
        if cell.is_total:
            values[cell.id] = None
    draft.fill_totals()


def _narrative(draft: Draft, text_year: int, organ: str, rng: random.Random) -> None:
    def v(cell_id: str) -> int:
        return int(draft.value(cell_id) or 0)

    litigation = v("t4.direct.total") + v("t4.after_review.total")
    applications = texts.application_text(
        v("t3.new.total"),
        v("t3.carried_in.total"),
        v("t3.total.total"),
        v("t3.disclosed.total"),
        v("t3.partial.total"),
        v("t3.carried_out.total"),
        v("t4.review.total"),
        litigation,
    )
    management = texts.MANAGEMENT[text_year].format(
        issued=v("t2.a1.normative.issued"),
        repealed=v("t2.a1.normative.repealed"),
        in_force=v("t2.a1.normative.in_force"),
    )
    overview = draft.spec.sections[0]
    parts = [
        texts.ACTIVE[text_year].format(organ=organ),
        applications,
        management,
        texts.PLATFORM[text_year],
        texts.OVERSIGHT[text_year],
    ]
    draft.sections[overview.title] = tuple(
        SectionPart(sub.heading, text) for sub, text in zip(overview.subparts, parts, strict=True)
    )
    draft.sections[draft.spec.sections[4].title] = texts.PROBLEMS[text_year]
    draft.sections[draft.spec.sections[5].title] = texts.fee_text(rng.choice([0, 0, 0, 20, 150]))


def _write(draft: Draft, path: Path, when: dt.datetime) -> None:
    write_report(draft, path)
    os.utime(path, (when.timestamp(), when.timestamp()))


def make_json_batch(root: Path, count: int, *, seed: int = 500) -> tuple[Path, Path]:
    """``count`` clean reports as report JSON (this year's and last year's folders), for the benchmark."""
    rng = random.Random(seed)
    folder, previous_folder = root / "本年", root / "上年"
    folder.mkdir(parents=True)
    previous_folder.mkdir(parents=True)
    for i in range(count):
        organ = f"{COUNTY}第{i + 1:03d}单位"
        last = _report(organ, YEAR - 1, rng, None)
        write_report(last, previous_folder / f"{organ}.json")
        write_report(_report(organ, YEAR, rng, last, copied=i % 10 == 0), folder / f"{organ}.json")
    return folder, previous_folder
