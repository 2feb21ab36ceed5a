"""The draft list model under qtmodeltester; ui modules stay small (docs/architecture.md: under ~400 lines)."""

from __future__ import annotations

from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "disclosure_desk" / "ui"


def test_modules_stay_small():
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in UI.rglob("*.py")}
    assert max(sizes.values()) < 400, sizes


def test_draft_list_model(qtmodeltester, qapp):
    import datetime as dt

    from disclosure_desk.application.workspace import DraftRow
    from disclosure_desk.ui.draft_list_model import DraftListModel

    model = DraftListModel()
    model.set_rows(
        [
            DraftRow(
                1,
                "伊洛街道办事处",
                2019,
                "2019",
                "草稿",
                "伊洛街道办事处2019年政府信息公开工作年度报告",
                dt.datetime(2026, 1, 2, 3, 4),
            ),
            DraftRow(2, "", None, "2021", "定稿", "", None),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 0).data() == "（未填机关名称）" and model.index(0, 2).data() == "2019年试行格式"
