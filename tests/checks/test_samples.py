from __future__ import annotations

from disclosure_desk.checks import RULES, check, has_errors

from .conftest import run


def test_clean_sample_has_no_findings(clean):
    assert check(clean) == []


def test_seed_reports_missing_tables_and_blank_cells(seed):
    findings = check(seed)
    s1_tables = [f for f in findings if f.rule == "S-1" and f.cell_ids]
    assert {f.section for f in s1_tables} == {
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    }
    b1 = run(seed, rule="B-1")
    assert len(b1) == 1 and len(b1[0].cell_ids) == 16
    assert "表二/第二十条第（五）项/行政许可/上一年项目数量" in b1[0].cells
    assert all(c.startswith("表二/") for c in b1[0].cells)
    assert has_errors(findings)
    s2 = run(seed, rule="S-2")
    assert "（二）依申请公开" in s2[0].message and "（五）监督保障" in s2[0].message


def test_every_finding_has_known_rule_and_plain_message(seed):
    for f in check(seed):
        assert f.rule in RULES
        assert f.message and "{" not in f.message
        assert f.to_json()["severity"] in ("error", "warning")
