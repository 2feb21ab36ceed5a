from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_desk.domain import Draft, SectionPart, section_as_parts, section_as_text


def test_new_draft_defaults_edition_from_year():
    assert Draft.new("某局", 2020).edition == "2019"
    assert Draft.new("某局", 2021).edition == "2021"
    assert Draft.new("某局", 2021, "2019").edition == "2019"


def test_title_formed_unless_set():
    d = Draft.new("伊洛街道办事处", 2025)
    assert d.display_title == "伊洛街道办事处2025年政府信息公开工作年度报告"
    d.title = "自定义标题"
    assert d.display_title == "自定义标题"


def test_blank_is_not_zero_and_derived_totals():
    d = Draft.new("某局", 2025)
    assert d.value("t3.new.natural") is None
    assert d.derived_value("t3.new.total") is None
    d.set_value("t3.new.natural", 0)
    assert d.derived_value("t3.new.total") == 0
    d.set_value("t3.new.business", 3)
    assert d.derived_value("t3.new.total") == 3
    d.set_value("t4.review.upheld", 2)
    d.fill_totals()
    assert d.value("t4.review.total") == 2
    assert d.value("t4.direct.total") is None  # nothing typed: stays blank


def test_amount_totals_stay_exact():
    d = Draft.new("某局", 2025)
    d.values["t2.a8.fees.amount"] = Decimal("0.1")
    assert d.value("t2.a8.fees.amount") + Decimal("0.2") == Decimal("0.3")


def test_set_value_on_unknown_cell_is_a_bug():
    with pytest.raises(KeyError):
        Draft.new("某局", 2025).set_value("t3.nonsense.natural", 1)


def test_setting_a_value_forgets_its_carry_over_origin():
    d = Draft.new("某局", 2025)
    d.values["t3.carried_in.natural"] = 2
    d.value_origins["t3.carried_in.natural"] = "2024年报告"
    d.set_value("t3.carried_in.natural", 3)
    assert "t3.carried_in.natural" not in d.value_origins


def test_section_parts_and_text():
    parts = (SectionPart("（一）主动公开", "正文一\n第二段"), SectionPart("", "无标题部分"))
    text = section_as_text(parts)
    assert text == "（一）主动公开\n正文一\n第二段\n无标题部分"
    again = section_as_parts("（一）主动公开\n正文一\n（二）依申请公开。\n正文二")
    assert again == (SectionPart("（一）主动公开", "正文一"), SectionPart("（二）依申请公开。", "正文二"))
    # an inline heading followed by text is a paragraph, not a heading line
    inline = section_as_parts("（一）政府信息主动公开情况。一是加强主动公开。")
    assert inline == (SectionPart("", "（一）政府信息主动公开情况。一是加强主动公开。"),)
