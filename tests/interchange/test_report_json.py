"""Report JSON: exact round trips, and a clear error naming the key for every bad file."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_desk.domain import Draft, SectionPart
from disclosure_desk.errors import BadInputError
from disclosure_desk.interchange import (
    dumps_report,
    parse_report_bytes,
    parse_report_text,
    read_report_file,
    report_to_object,
    write_report_file,
)
from disclosure_desk.interchange.schema import build_schema, shipped_schema
from disclosure_desk.spec import EDITIONS, get_spec
from tests.conftest import SAMPLE_2021_JSON, SEED_JSON


@pytest.mark.parametrize("path", [SEED_JSON, SAMPLE_2021_JSON])
def test_samples_round_trip_byte_identical(path):
    data = path.read_bytes()
    assert dumps_report(parse_report_bytes(data)).encode("utf-8") == data


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_cell_blank_zero_and_value_round_trip(edition):
    spec = get_spec(edition)
    d = Draft.new("测试机关", 2025, edition)
    for i, cell in enumerate(spec.all_cells):
        d.values[cell.id] = [None, 0, i][i % 3]
    d.values[spec.all_cells[2].id] = None
    amount = next(c for c in spec.all_cells if c.kind.allows_decimals)
    d.values[amount.id] = Decimal("12.50")
    back = parse_report_text(dumps_report(d))
    for cell in spec.all_cells:
        assert back.value(cell.id) == d.value(cell.id)
        assert (back.value(cell.id) is None) == (d.value(cell.id) is None)
    assert str(back.value(amount.id)) == "12.50"


def test_text_round_trips_exactly():
    d = Draft.new("测试机关", 2025)
    nasty = "𠀀𪚥 😀 \u202eRTL\u202c a\u0301 \x00\x07\t<b>&amp;</b>\n第二段\r\n\ud800"
    d.preface = nasty
    d.sections["一、总体情况"] = (SectionPart("（一）主动公开", nasty), SectionPart("", "x"))
    d.sections["六、其他需要报告的事项"] = "无。"
    d.extras["x-other-tool"] = {"n": Decimal("1.5"), "list": [1, "二"]}
    d.accepted["C-1|一、总体情况"] = "与上年确实相同"
    text = dumps_report(d)
    back = parse_report_text(text)
    assert back.preface == nasty
    assert back.sections == d.sections
    assert back.extras == d.extras
    assert back.accepted == d.accepted
    assert dumps_report(back) == text


def test_write_is_atomic_and_utf8(tmp_path, sample_2021):
    target = tmp_path / "out.json"
    write_report_file(sample_2021, target)
    assert target.read_bytes() == SAMPLE_2021_JSON.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_clerk_strings_accepted_in_cells():
    obj = report_to_object(Draft.new("机关", 2020))
    obj["tables"]["表二"]["第二十条第（五）项"]["行政许可"]["本年增/减"] = "减4"
    obj["tables"]["表三"]["一、本年新收政府信息公开申请数量"]["自然人"] = "１，２８０"
    d = parse_report_text(json.dumps(obj, ensure_ascii=False))
    assert d.value("t2.a5.licensing.change") == -4
    assert d.value("t3.new.natural") == 1280


def _bad(obj_or_text) -> str:
    text = obj_or_text if isinstance(obj_or_text, str) else json.dumps(obj_or_text, ensure_ascii=False)
    with pytest.raises(BadInputError) as e:
        parse_report_text(text)
    return e.value.message


def _sample_obj():
    return json.loads(SAMPLE_2021_JSON.read_text(encoding="utf-8"))


def test_unknown_top_level_key_named():
    obj = _sample_obj()
    obj["organs"] = "x"
    assert "organs" in _bad(obj)


def test_x_keys_kept():
    obj = _sample_obj()
    obj["x-note"] = {"a": 1}
    assert parse_report_text(json.dumps(obj)).extras == {"x-note": {"a": 1}}


@pytest.mark.parametrize("edition", ["2020", 2021, "2021版", None])
def test_wrong_edition_label(edition):
    obj = _sample_obj()
    obj["edition"] = edition
    assert "edition" in _bad(obj)


def test_unknown_cell_names_the_path_and_other_edition():
    obj = _sample_obj()
    obj["tables"]["表二"]["第二十条第（五）项"]["行政许可"]["上一年项目数量"] = 3
    msg = _bad(obj)
    assert "表二/第二十条第（五）项/行政许可/上一年项目数量" in msg and "2019" in msg


def test_typographic_label_variants_name_their_official_cell():
    obj = _sample_obj()
    t3 = obj["tables"]["表三"]
    t3["(一)予以公开"] = t3.pop("（一）予以公开")
    t3['（三）不予公开/3.危及"三安全一稳定"'] = t3.pop("（三）不予公开/3.危及“三安全一稳定”")
    t3["（五）不予处理/1. 信访举报投诉类申请"] = t3.pop("（五）不予处理/1.信访举报投诉类申请")
    t3["（六）其它处理/3.其它"] = t3.pop("（六）其他处理/3.其他")
    t3["（六）其它处理/3.其它"]["自然人"] = 5
    d = parse_report_text(json.dumps(obj, ensure_ascii=False))
    assert d.value("t3.disclosed.natural") == 2
    assert d.value("t3.other.other.natural") == 5
    assert dumps_report(d).count("（一）予以公开") == 1  # written back with the official label


def test_a_cell_named_twice_by_variants_is_refused():
    obj = _sample_obj()
    obj["tables"]["表三"]["(一)予以公开"] = dict(obj["tables"]["表三"]["（一）予以公开"])
    assert "同一个单元格" in _bad(obj)


def test_a_label_that_is_not_a_variant_is_still_refused():
    obj = _sample_obj()
    obj["tables"]["表三"]["（一）予以公开了"] = obj["tables"]["表三"].pop("（一）予以公开")
    assert "（一）予以公开了" in _bad(obj)


@pytest.mark.parametrize("value", ["abc", "/", [1], {"a": 1}, True])
def test_non_number_names_the_cell(value):
    obj = _sample_obj()
    obj["tables"]["表三"]["（一）予以公开"]["自然人"] = value
    assert "（一）予以公开" in _bad(obj)


def test_nan_and_infinity_refused():
    text = SAMPLE_2021_JSON.read_text(encoding="utf-8").replace('"自然人": 2', '"自然人": NaN', 1)
    assert "NaN" in _bad(text)
    assert "Infinity" in _bad(text.replace("NaN", "Infinity"))


def test_huge_value_refused():
    obj = _sample_obj()
    obj["tables"]["表三"]["（一）予以公开"]["自然人"] = 10**20
    assert "数值过大" in _bad(obj)


def test_duplicate_keys_refused():
    text = '{"schema": "disclosure-desk.report/1", "edition": "2021", "edition": "2019"}'
    assert "edition" in _bad(text) and "两次" in _bad(text)


def test_truncated_file():
    text = SAMPLE_2021_JSON.read_text(encoding="utf-8")[:500]
    assert "不是有效的 JSON" in _bad(text)


def test_deep_nesting():
    assert "嵌套" in _bad("[" * 100000 + "]" * 100000)


def test_not_an_object_and_wrong_schema():
    assert "对象" in _bad("[]")
    assert "schema" in _bad({"schema": "other", "edition": "2021"})


def test_unknown_section_title_suggests_official():
    obj = _sample_obj()
    obj["sections"]["五、政府信息公开工作存在的主要问题及改进情况"] = "x"
    msg = _bad(obj)
    assert "五、存在的主要问题及改进情况" in msg


def test_bad_date_and_year():
    obj = _sample_obj()
    obj["signature"]["date"] = "2026年1月20日"
    assert "signature.date" in _bad(obj)
    obj = _sample_obj()
    obj["year"] = "2025"
    assert "year" in _bad(obj)


def test_encodings(tmp_path):
    data = SAMPLE_2021_JSON.read_bytes()
    assert parse_report_bytes(b"\xef\xbb\xbf" + data).organ == "青禾县统计局"
    with pytest.raises(BadInputError, match="GBK"):
        parse_report_bytes(data.decode("utf-8").encode("gbk"))
    with pytest.raises(BadInputError, match="UTF-16"):
        parse_report_bytes(data.decode("utf-8").encode("utf-16"))


def test_missing_unreadable_and_large_files(tmp_path):
    with pytest.raises(BadInputError, match="找不到"):
        read_report_file(tmp_path / "nope.json")
    with pytest.raises(BadInputError, match="文件夹"):
        read_report_file(tmp_path)
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(30 * 1024 * 1024)
    with pytest.raises(BadInputError, match="太大"):
        read_report_file(big)


def test_shipped_schema_is_generated_from_spec_and_accepts_samples():
    jsonschema = pytest.importorskip("jsonschema")
    assert shipped_schema() == json.loads(json.dumps(build_schema()))
    for path in (SEED_JSON, SAMPLE_2021_JSON):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), shipped_schema())
    obj = _sample_obj()
    obj["tables"]["表三"]["（一）予以公开"]["自然人"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(obj, shipped_schema())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(json_values)
def test_random_json_never_crashes_the_reader(value):
    try:
        parse_report_text(json.dumps(value))
    except BadInputError as e:
        assert e.message


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(st.data())
def test_random_mutations_of_a_sample_never_crash(data):
    obj = _sample_obj()
    table = data.draw(st.sampled_from(["表二", "表三", "表四"]))
    node = obj["tables"][table]
    while isinstance(node, dict):
        key = data.draw(st.sampled_from(sorted(node)))
        if not isinstance(node[key], dict):
            node[key] = data.draw(json_values)
            break
        node = node[key]
    try:
        parse_report_text(json.dumps(obj, ensure_ascii=False))
    except BadInputError as e:
        assert e.message


def test_read_only_target_is_refused_and_left_intact(tmp_path, sample_2021):
    import os
    import stat

    from disclosure_desk.errors import CannotWriteError

    target = tmp_path / "old.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, stat.S_IRUSR)
    with pytest.raises(CannotWriteError, match="只读"):
        write_report_file(sample_2021, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["old.json"]
