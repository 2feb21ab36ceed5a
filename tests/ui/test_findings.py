"""Live checks: the findings panel and the review page jump to the right cells; warnings can be accepted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from disclosure_desk.ui.findings_panel import FINDING_ROLE
from disclosure_desk.ui.wizard.review_page import FINDING_ROLE as REVIEW_ROLE
from disclosure_desk.ui.wizard.review_page import ReviewPage
from disclosure_desk.ui.wizard.table_page import TablePage

from .helpers import double_click, page


def _break_table3(report):
    t3 = page(report, TablePage, "表三")
    t3.model.setData(t3.model.index_of("t3.new.business"), "4")  # 商业企业列 no longer adds up
    return t3


def _item_for(listw, rule):
    for i in range(listw.count()):
        if listw.item(i).data(FINDING_ROLE).rule == rule:
            return listw.item(i)
    raise LookupError(rule)


def test_findings_panel_double_click_jumps_to_the_cells(qtbot, report_2021):
    t3 = _break_table3(report_2021)
    report_2021.go_to_page(0)
    report_2021.findings.show_all.setChecked(True)
    item = _item_for(report_2021.findings.list, "T3-1")
    finding = item.data(FINDING_ROLE)
    rect = report_2021.findings.list.visualItemRect(item)
    double_click(qtbot, report_2021.findings.list.viewport(), rect.center())
    qtbot.waitUntil(lambda: report_2021.wizard.current_page() is t3)
    assert set(t3.view.selected_cell_ids()) == set(finding.cell_ids)
    assert "t3.new.business" in t3.view.selected_cell_ids()
    focus = t3.model.index_of(finding.focus_cell_id)
    assert t3.view.currentIndex() == focus
    assert t3.view.viewport().rect().contains(t3.view.visualRect(focus))


def test_panel_shows_the_current_pages_findings(qtbot, report_2021):
    t3 = _break_table3(report_2021)
    report_2021.go_to_page(report_2021.wizard.page_id_for_key(t3.page_key))
    texts = [report_2021.findings.list.item(i).text() for i in range(report_2021.findings.list.count())]
    assert texts and all("商业企业列" in t or "总计" in t for t in texts)
    report_2021.go_to_page(1)
    assert report_2021.findings.list.count() == 0
    assert "没有发现问题" in report_2021.findings.summary.text()


def test_review_page_groups_by_section_and_jumps(qtbot, report_2019):
    review = page(report_2019, ReviewPage)
    report_2019.go_to_page(report_2019.wizard.page_id_for_key(review.page_key))
    tree = review.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups[0].startswith("一、总体情况") and any(g.startswith("三、收到和处理") for g in groups)
    assert any(g.startswith("落款") for g in groups)
    t2_group = next(
        tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0).startswith("二、")
    )
    child = t2_group.child(0)
    assert child.data(0, REVIEW_ROLE).rule == "B-1"
    tree.scrollToItem(child)
    rect = tree.visualItemRect(child)
    double_click(qtbot, tree.viewport(), rect.center())
    t2 = page(report_2019, TablePage, "表二")
    qtbot.waitUntil(lambda: report_2019.wizard.current_page() is t2)
    assert set(t2.view.selected_cell_ids()) == set(child.data(0, REVIEW_ROLE).cell_ids)


def test_accept_a_warning_with_a_reason(qtbot, report_2019, answers):
    review = page(report_2019, ReviewPage)
    report_2019.go_to_page(report_2019.wizard.page_id_for_key(review.page_key))
    review.refresh()
    group = review.tree.topLevelItem(0)
    warning = group.child(0)
    f = warning.data(0, REVIEW_ROLE)
    assert f.rule == "S-2" and not f.is_error
    review.tree.setCurrentItem(warning)
    assert review.accept_button.isEnabled()
    answers.push("本街道的依申请公开和监督保障情况已在（二）（三）中写明")
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    d = report_2019.session.draft
    assert d.accepted[f.key].startswith("本街道")
    accepted = next(x for x in report_2019.session.findings if x.key == f.key)
    assert accepted.accepted_reason is not None
    assert "已接受" in review.tree.topLevelItem(0).child(0).text(0)
    assert report_2019.flush() and report_2019.workspace.load(d.id).accepted == d.accepted  # kept with the draft
    review.tree.setCurrentItem(review.tree.topLevelItem(0).child(0))
    qtbot.mouseClick(review.unaccept_button, Qt.MouseButton.LeftButton)
    assert f.key not in d.accepted


def test_errors_cannot_be_accepted(report_2019):
    review = page(report_2019, ReviewPage)
    for i in range(review.tree.topLevelItemCount()):
        group = review.tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).data(0, REVIEW_ROLE).is_error:
                review.tree.setCurrentItem(group.child(j))
                assert not review.accept_button.isEnabled()
                return
    raise AssertionError("the seed has errors")


def test_text_findings_jump_to_the_text(qtbot, report_2019):
    from disclosure_desk.ui.wizard.narrative_page import PartsPage

    f = next(x for x in report_2019.session.findings if x.rule == "S-2")
    report_2019.jump_to_finding(f)
    parts = page(report_2019, PartsPage)
    assert report_2019.wizard.current_page() is parts


def _window_height(report, height):
    window = report.window()
    window.resize(window.width(), height)


def test_jumping_brings_the_cell_most_likely_wrong_into_view(qtbot, window, report_2021):
    """T3-1 on a short screen: 四、结转下年度 is the bottom row, off-screen when the view shows the top."""
    window.resize(1366, 560)
    t3 = page(report_2021, TablePage, "表三")
    t3.model.setData(t3.model.index_of("t3.carried_out.business"), "3")  # 四 is wrong: T3-1 in 商业企业
    finding = next(f for f in report_2021.session.findings if f.rule == "T3-1")
    assert finding.focus_cell_id == "t3.carried_out.business"
    report_2021.jump_to_finding(finding)
    qtbot.waitUntil(lambda: report_2021.wizard.current_page() is t3)
    target = t3.model.index_of("t3.carried_out.business")
    assert t3.view.currentIndex() == target
    assert t3.view.viewport().rect().contains(t3.view.visualRect(target))


def test_a_sum_rule_focuses_the_stated_total(report_2021):
    from disclosure_desk.checks import check

    draft = report_2021.session.draft
    draft.values["t4.review.total"] = 99  # as an imported file may state it
    finding = next(f for f in check(draft) if f.rule == "T4-1")
    assert finding.focus_cell_id == "t4.review.total"


def frame_role():
    from PySide6.QtGui import QPalette

    return QPalette.ColorRole.Highlight


def test_selected_cells_keep_their_error_colour(qtbot, report_2021):
    from disclosure_desk.ui import style

    t4 = page(report_2021, TablePage, "表四")
    report_2021.go_to_page(report_2021.wizard.page_id_for_key(t4.page_key))
    t4.view.paste_text("1\t1\t1\t1")  # fine so far: 表四 totals are computed
    t4.model.session.draft.values["t4.review.total"] = 9  # a stated total that is wrong
    t4.model.session.recheck()
    t4.view.select_cells(["t4.review.upheld", "t4.review.total"])
    rect = t4.view.visualRect(t4.model.index_of("t4.review.total"))
    image = t4.view.viewport().grab().toImage()
    colour = image.pixelColor(rect.left() + 6, rect.center().y())
    assert colour == style.ERROR_BG, colour.name()  # the error colour, not the selection colour
    frame = image.pixelColor(rect.left() + 2, rect.center().y())
    assert frame == t4.view.palette().color(frame_role()), frame.name()  # framed as selected
