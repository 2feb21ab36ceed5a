"""Round trips through a real SQLite file: report JSON -> store -> report JSON, byte for byte."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_desk.domain import Draft, SectionPart
from disclosure_desk.interchange import dumps_report, parse_report_bytes, read_report_file
from disclosure_desk.spec import get_spec
from disclosure_desk.storage import open_store
from tests.storage.storehelp import exact, load, save


@pytest.fixture
def store(any_store):
    """Every test here runs on the local store and on a PostgreSQL server."""
    return any_store


UNICODE = "𠀀𪚥䶵鿿 👩‍💻🇨🇳 e\u0301 \x00\x01\x1f\x7f \u2028\u200b\ufeff \r\n\t 末尾 \ud800 \udfff"


def test_samples_are_byte_identical_after_import_and_export(store, sample_path):
    original = sample_path.read_bytes()
    draft = read_report_file(sample_path)
    save(store, draft)
    assert dumps_report(load(store, draft.id)).encode("utf-8", "surrogatepass") == original


def test_samples_survive_closing_and_reopening_the_file(store_path, sample_path):
    draft = read_report_file(sample_path)
    with open_store(store_path) as first:
        save(first, draft)
    with open_store(store_path) as second:
        assert dumps_report(load(second, draft.id)).encode() == sample_path.read_bytes()


def rich_draft(edition: str) -> Draft:
    """Every field of a Draft filled, in the edition's own cells."""
    spec = get_spec(edition)
    draft = Draft.new("伊洛街道办事处", 2019 if edition == "2019" else 2025, edition)
    draft.title = "伊洛街道办事处年度报告（自定标题）"
    draft.preface = "本报告……\n第二段。"
    overview, problems = spec.narrative_sections[0].title, spec.narrative_sections[1].title
    draft.sections = {
        overview: (SectionPart("（一）主动公开", "公开 12 条。"), SectionPart("", "无标题的一段")),
        problems: "一是……\n二是……",
        spec.narrative_sections[2].title: "",
    }
    for i, cell in enumerate(spec.all_cells):
        draft.values[cell.id] = [0, None, i, 7][i % 4]
    amount = next(c for c in spec.all_cells if c.kind.allows_decimals)
    draft.values[amount.id] = Decimal("12.50")
    signed = [c for c in spec.all_cells if c.kind.allows_negative]
    if signed:
        draft.values[signed[0].id] = -4
    del draft.values[spec.all_cells[1].id]  # absent (blank) next to explicit None cells
    draft.signature_date = dt.date(2026, 1, 20)
    draft.contact = "联系电话：0379-12345678"
    draft.website = "https://example.gov.cn/xxgk"
    draft.accepted = {"N-2|表二": "本机关为设区的市人民政府", "C-1|一、总体情况": "确实无变化"}
    draft.value_origins = {"t3.carried_in.natural": "取自上年报告", "t3.carried_in.total": "取自上年报告"}
    draft.carried_texts = {problems: "去年的原文", "前言": "去年的前言"}
    draft.extras = {"x-county": {"code": "410381", "ratio": Decimal("0.250"), "tags": ["甲", 1, True, None]}}
    return draft


def test_every_field_of_both_editions_survives(store):
    for edition in ("2019", "2021"):
        draft = rich_draft(edition)
        text = dumps_report(draft)
        imported = parse_report_bytes(text.encode())
        save(store, imported)
        back = load(store, imported.id)
        assert dumps_report(back) == text
        assert exact(back.values) == exact(imported.values)
        assert back.sections == imported.sections
        assert list(back.accepted) == list(imported.accepted)


def test_blank_zero_and_absent_are_three_different_things(store):
    draft = Draft.new("机关", 2025)
    draft.values = {"t3.new.natural": 0, "t3.new.business": None}
    save(store, draft)
    back = load(store, draft.id)
    assert back.values == {"t3.new.natural": 0, "t3.new.business": None}
    assert "t3.new.research" not in back.values


def test_numbers_keep_their_type_and_digits(store):
    values = {
        "t2.a8.fees.amount": Decimal("12.50"),
        "t3.new.natural": 3,
        "t3.new.business": Decimal("3"),  # a fraction-free Decimal stays a Decimal
        "t3.new.research": Decimal("1E+3"),
        "t3.new.nonprofit": Decimal("-0.0000"),
        "t3.new.legal": 10**12 + 1,
        "t3.new.other": -7,
    }
    draft = Draft.new("机关", 2025)
    draft.values = dict(values)
    save(store, draft)
    assert exact(load(store, draft.id).values) == exact(values)


def test_unicode_text_is_kept_exactly(store):
    draft = Draft.new(UNICODE, 2025)
    draft.title = UNICODE
    draft.preface = UNICODE * 3
    draft.sections = {"一、总体情况": (SectionPart(UNICODE, UNICODE),), "五、存在的主要问题及改进情况": UNICODE}
    draft.signature_organ = draft.contact = draft.website = UNICODE
    draft.accepted = {UNICODE: UNICODE}
    draft.carried_texts = {"一、总体情况": UNICODE}
    draft.extras = {"x-" + UNICODE: [UNICODE, {"k": UNICODE}]}
    save(store, draft)
    back = load(store, draft.id)
    assert back == draft
    assert dumps_report(back) == dumps_report(draft)


def test_saving_again_changes_only_what_changed(store):
    draft = rich_draft("2021")
    save(store, draft)
    draft.values["t3.new.natural"] = 41
    draft.sections["五、存在的主要问题及改进情况"] = "改写后的文字"
    draft.accepted.pop("N-2|表二")
    del draft.values["t3.new.total"]
    draft.extras = {}
    draft.title = None
    save(store, draft)
    back = load(store, draft.id)
    assert back == draft
    assert exact(back.values) == exact(draft.values)
    assert list(back.accepted) == ["C-1|一、总体情况"]


# ---- property: any draft the domain can hold comes back as it was ----------------------------

_ALL_CELLS = [c.id for c in get_spec("2021").all_cells]
_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)
_value = st.one_of(
    st.none(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9),
)

_section = st.one_of(_text, st.lists(st.builds(SectionPart, _text, _text), max_size=3).map(tuple))


@st.composite
def drafts(draw) -> Draft:
    spec = get_spec("2021")
    draft = Draft.new(draw(_text), draw(st.one_of(st.none(), st.integers(1990, 2200))), "2021")
    draft.title = draw(st.one_of(st.none(), _text))
    draft.preface = draw(_text)
    titles = [s.title for s in spec.narrative_sections]
    draft.sections = draw(st.dictionaries(st.sampled_from(titles), _section, max_size=3))
    draft.values = draw(st.dictionaries(st.sampled_from(_ALL_CELLS), _value, max_size=30))
    draft.accepted = draw(st.dictionaries(_text, _text, max_size=3))
    draft.value_origins = draw(st.dictionaries(st.sampled_from(_ALL_CELLS), _text, max_size=3))
    draft.carried_texts = draw(st.dictionaries(st.sampled_from(titles), _text, max_size=2))
    draft.signature_date = draw(st.one_of(st.none(), st.dates()))
    return draft


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=drafts(), second=drafts())
def test_any_draft_round_trips_and_resaves(store, first, second):
    save(store, first)
    back = load(store, first.id)
    assert back == first and exact(back.values) == exact(first.values)
    assert list(back.accepted) == list(first.accepted)
    second.id = first.id  # overwrite one draft with another: only the difference is written
    save(store, second)
    back = load(store, first.id)
    assert back == second and exact(back.values) == exact(second.values)
    assert list(back.accepted) == list(second.accepted) and list(back.carried_texts) == list(second.carried_texts)
