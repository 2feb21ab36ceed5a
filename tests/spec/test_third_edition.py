"""An edition is data only: a hypothetical third edition — the 2021 format with a row added to 表二 and one
to 表三, built with the spec's builders and registered — gets its wizard pages, checks, JSON schema,
reader and writer, store round trip and PDF without a line of code elsewhere."""

from __future__ import annotations

import pytest

from disclosure_desk.domain import Draft
from disclosure_desk.records import replace
from disclosure_desk.spec import default_edition, editions, get_spec, register_edition, roles, unregister_edition
from disclosure_desk.spec.builders import T2Row, T3Row
from disclosure_desk.spec.edition_2021 import OTHER_ROWS, TABLE2_BLOCKS
from disclosure_desk.spec.sections import build_report_spec

THIRD = "2031"
NEW_T2_ROW = "地方性法规"
NEW_T3_ROW = "4.申请人主动撤回申请"


def third_edition():
    first, *rest = TABLE2_BLOCKS
    first = replace(first, rows=(*first.rows, T2Row("local_laws", NEW_T2_ROW, "本机关起草的地方性法规草案。")))
    other = (
        *OTHER_ROWS,
        T3Row("other.withdrawn", NEW_T3_ROW, 3, "申请人主动撤回的申请。", "（六）其他处理", role=roles.OTHER_RESULT),
    )  # a result: it counts in （七）总计
    return build_report_spec(
        THIRD,
        "政府信息公开工作年度报告格式（假设的第三版）",
        "国办公开办函〔2031〕1号",
        "2031年格式",
        2031,
        (first, *rest),
        other,
    )


@pytest.fixture
def edition():
    register_edition(third_edition())
    yield get_spec(THIRD)
    unregister_edition(THIRD)


@pytest.fixture
def filled(edition, sample_2021):
    """The 2021 sample, moved to the third edition, with figures in the two new rows."""
    draft = Draft.new(sample_2021.organ, 2031, THIRD)
    draft.preface, draft.sections = sample_2021.preface.replace("2025", "2031"), dict(sample_2021.sections)
    draft.signature_organ = sample_2021.signature_organ
    for cell in edition.all_cells:
        draft.values[cell.id] = sample_2021.values.get(cell.id, 0)
    draft.values["t2.a1.local_laws.issued"] = 2
    draft.values["t3.other.withdrawn.natural"] = 1
    draft.values["t3.new.natural"] += 1  # the withdrawn application came in this year
    draft.fill_totals()
    return draft


def test_the_edition_is_known_everywhere(edition):
    assert THIRD in editions() and default_edition(2031) == THIRD and default_edition(2030) == "2021"
    assert edition.table("表二").cell("t2.a1.local_laws.in_force").path == (
        "第二十条第（一）项",
        NEW_T2_ROW,
        "现行有效件数",
    )
    assert edition.table("表三").cell("t3.other.withdrawn.total").path == (f"（六）其他处理/{NEW_T3_ROW}", "总计")


def test_checks_use_the_new_rows(filled):
    from disclosure_desk.checks import check

    assert not [f for f in check(filled) if f.is_error], [f.message for f in check(filled) if f.is_error]
    assert filled.value("t3.total.natural") == filled.derived_value("t3.total.natural")  # the new row is a result
    filled.values["t3.other.withdrawn.total"] = 5  # a stated total that is not the row's sum
    rules = {f.rule for f in check(filled) if "t3.other.withdrawn.total" in f.cell_ids}
    assert "T3-3" in rules


def test_cross_year_rules_and_carry_over_follow_the_roles(filled):
    """现行有效件数 carries over and X-2 holds across the two editions that both have it (by role)."""
    from disclosure_desk.checks import check
    from disclosure_desk.storage.carry_over import draft_for_next_year

    last = filled
    nxt = draft_for_next_year(last)
    assert nxt.edition == THIRD and nxt.value("t2.a1.normative.in_force") == last.value("t2.a1.normative.in_force")
    assert nxt.value("t2.a1.local_laws.in_force") == last.value("t2.a1.local_laws.in_force")
    assert nxt.value("t3.carried_in.natural") == last.value("t3.carried_out.natural")
    nxt.values["t2.a1.normative.in_force"] = last.value("t2.a1.normative.in_force") + 5  # nothing issued
    assert any(f.rule == "X-2" for f in check(nxt, last))


def test_schema_reader_and_writer(filled):
    import jsonschema

    from disclosure_desk.interchange import dumps_report, parse_report_text, report_to_object
    from disclosure_desk.interchange.schema import build_schema

    obj = report_to_object(filled)
    assert obj["tables"]["表二"]["第二十条第（一）项"][NEW_T2_ROW]["本年制发件数"] == 2
    jsonschema.validate(obj, build_schema())
    back = parse_report_text(dumps_report(filled))
    assert back.edition == THIRD and back.values == filled.values


def test_store_round_trip(filled, tmp_path):
    from disclosure_desk.application.workspace import open_workspace

    with open_workspace(tmp_path / "drafts.sqlite3") as workspace:
        workspace.save(filled)
        loaded = workspace.load(filled.id)
    assert loaded.edition == THIRD and loaded.values == filled.values


def test_wizard_pages(filled, qtbot):
    from disclosure_desk.ui.session import ReportSession
    from disclosure_desk.ui.wizard.report_wizard import ReportWizard
    from disclosure_desk.ui.wizard.table_page import TablePage

    wizard = ReportWizard(ReportSession(filled))
    qtbot.addWidget(wizard)
    tables = {p.table.key: p for p in wizard.report_pages if isinstance(p, TablePage)}
    assert tables["表二"].model.index_of("t2.a1.local_laws.issued").data() == "2"
    assert tables["表三"].model.index_of("t3.other.withdrawn.natural").data() == "1"
    labels = {tables["表三"].model.index(r, 2).data() for r in range(tables["表三"].model.rowCount())}
    assert NEW_T3_ROW in labels


def test_pdf(filled):
    import io

    import pdfplumber

    from disclosure_desk.pdf.export import render_pdf_bytes

    with pdfplumber.open(io.BytesIO(render_pdf_bytes(filled, invariant=True))) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "").replace("\n", "")
    assert NEW_T2_ROW in text and NEW_T3_ROW.replace(" ", "") in text
