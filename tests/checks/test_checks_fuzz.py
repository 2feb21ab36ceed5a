"""Random reports never crash the checks, and every finding names real cells."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_desk.checks import RULES, check
from disclosure_desk.domain import Draft
from disclosure_desk.spec import EDITIONS, get_spec

values = st.none() | st.integers(-5, 50) | st.decimals(-5, 10**6, places=2, allow_nan=False)
texts = st.text(max_size=200) | st.sampled_from(
    ["无。", "共收到政府信息公开申请3件，予以公开2件。", "未发生行政复议。", "××件", "依申请公开 监督 考核 平台"]
)


@st.composite
def drafts(draw):
    edition = draw(st.sampled_from(EDITIONS))
    spec = get_spec(edition)
    d = Draft(organ=draw(st.text(max_size=20)), year=draw(st.none() | st.integers(2015, 2030)), edition=edition)
    d.preface = draw(texts)
    for s in spec.sections:
        if draw(st.booleans()):
            d.sections[s.title] = draw(texts)
    for cell in spec.all_cells:
        if draw(st.integers(0, 3)) == 0:
            d.values[cell.id] = draw(values)
    return d


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(drafts(), st.none() | drafts())
def test_random_reports_never_crash_the_checks(draft, previous):
    spec = draft.spec
    all_ids = {c.id for c in spec.all_cells}
    labels = {c.label_path for c in spec.all_cells}
    for f in check(draft, previous):
        assert f.rule in RULES and f.message
        assert set(f.cell_ids) <= all_ids
        assert all(c in labels or not c.startswith("表") for c in f.cells)
        assert isinstance(f.to_json()["cells"], list)
