"""“New report from last year's”: what is carried, what is marked, what C-1 then says."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_desk.application.workspace import Workspace
from disclosure_desk.checks import check
from disclosure_desk.domain import STATUS_DRAFT, Draft
from disclosure_desk.errors import BadInputError
from disclosure_desk.spec.builders import T3_COLUMNS
from disclosure_desk.storage import draft_for_next_year
from tests.storage.storehelp import load, sample_draft, save


@pytest.fixture
def store(any_store):
    """Every test here runs on the local store and on a PostgreSQL server."""
    return any_store


def _next_year(store, previous: Draft) -> Draft:
    save(store, previous)
    workspace = Workspace(store)
    created = workspace.new_from_previous(previous.id)
    assert created.id is None  # not saved until the clerk confirms it
    workspace.save(created)
    assert created.id is not None and created.id != previous.id
    assert load(store, created.id) == created
    return created


def test_2021_report_carries_applications_stock_and_details(store):
    last = sample_draft("qinghe-tongjiju-2025.json")
    last.contact = "联系电话：0000-1234567"
    last.website = "https://example.gov.cn"
    draft = _next_year(store, last)
    assert (draft.organ, draft.year, draft.edition, draft.status) == ("青禾县统计局", 2026, "2021", STATUS_DRAFT)
    for col, _ in T3_COLUMNS:
        assert draft.value(f"t3.carried_in.{col}") == last.value(f"t3.carried_out.{col}")
        assert "2025年度报告" in draft.value_origins[f"t3.carried_in.{col}"]
        assert "四、结转下年度继续办理" in draft.value_origins[f"t3.carried_in.{col}"]
    assert draft.value("t2.a1.normative.in_force") == 15 and draft.value("t2.a1.rules.in_force") == 0
    assert "现行有效件数" in draft.value_origins["t2.a1.normative.in_force"]
    assert draft.value("t3.new.natural") is None and draft.value("t2.a1.normative.issued") is None
    assert (draft.signature_organ, draft.signature_date) == ("青禾县统计局", None)
    assert (draft.contact, draft.website) == (last.contact, last.website)
    assert draft.accepted == {} and draft.title is None


def test_carried_texts_are_copied_and_marked_until_revised(store):
    last = sample_draft("qinghe-tongjiju-2025.json")
    draft = _next_year(store, last)
    assert draft.sections == last.sections and draft.preface == last.preface
    assert draft.carried_texts["前言"] == last.preface
    for title in last.sections:
        assert draft.carried_texts[title] == last.section_text(title)
    copied = {f.section for f in check(draft) if f.rule == "C-1"}
    assert "一、总体情况" in copied
    draft.sections["一、总体情况"] = (
        "（一）主动公开\n2026年，本局全面改写了这一部分，讲述了今年完全不同的工作内容和取得的成效，共主动公开信息二百条。"
    )
    save(store, draft)
    assert "一、总体情况" not in {f.section for f in check(load(store, draft.id)) if f.rule == "C-1"}


def test_editing_a_prefilled_value_forgets_its_origin(store):
    draft = _next_year(store, sample_draft("qinghe-tongjiju-2025.json"))
    draft.set_value("t3.carried_in.natural", 2)
    save(store, draft)
    back = load(store, draft.id)
    assert "t3.carried_in.natural" not in back.value_origins and "t3.carried_in.total" in back.value_origins


def test_2019_format_carries_item_counts_and_blank_stays_blank(store):
    last = sample_draft("yiluo-2019.json")
    last.values.update({"t2.a5.licensing.prev_items": 10, "t2.a5.licensing.change": -4, "t2.a6.penalty.prev_items": 3})
    draft = _next_year(store, last)
    assert (draft.year, draft.edition) == (2020, "2019")
    assert draft.value("t2.a5.licensing.prev_items") == 6
    assert draft.value("t2.a6.penalty.prev_items") == 3  # blank change counts as no change
    assert "t2.a6.coercion.prev_items" not in draft.values  # last year blank: nothing to carry
    assert not any(k.startswith("t3.carried_in") for k in draft.values)  # last year's 结转 was blank


def test_2020_report_in_the_2019_format_leads_to_a_2021_format_report():
    last = Draft.new("某县人民政府办公室", 2020)
    last.values.update({"t3.carried_out.natural": 2, "t3.carried_out.total": 2, "t2.a1.rules.total": 5})
    last.title = "某县人民政府办公室2020年政府信息公开工作年度报告"
    draft = draft_for_next_year(last)
    assert (draft.year, draft.edition) == (2021, "2021")
    assert draft.value("t3.carried_in.natural") == 2 and draft.value("t3.carried_in.total") == 2
    assert not any(k.startswith("t2.") for k in draft.values)  # 表二 differs between the formats
    assert draft.title == "某县人民政府办公室2021年政府信息公开工作年度报告"
    assert draft.id is None


def test_a_draft_without_a_year_cannot_be_carried_over(store):
    draft = Draft(organ="机关", year=None, signature_date=dt.date(2026, 1, 1))
    save(store, draft)
    with pytest.raises(BadInputError, match="年度"):
        Workspace(store).new_from_previous(draft.id)
