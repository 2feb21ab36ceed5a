"""ReportEditor: the one place where an edit changes a report — totals, checks, events."""

from __future__ import annotations

import pytest

from disclosure_desk.application.editor import EditorEvent, ReportEditor
from disclosure_desk.domain import Draft


def _editor(draft=None):
    editor = ReportEditor(draft or Draft.new("某街道办事处", 2025))
    events = []
    editor.listen(lambda event, payload: events.append((event, payload)))
    return editor, events


def test_an_edit_recomputes_the_totals_that_depend_on_it_and_rechecks(sample_2021):
    editor, events = _editor(sample_2021)
    before = editor.draft.value("t3.new.total")
    old = editor.set_values({"t3.new.natural": editor.draft.value("t3.new.natural") + 2})
    assert editor.draft.value("t3.new.total") == before + 2
    assert set(old) == {"t3.new.natural", "t3.new.total"}
    kinds = [e for e, _ in events]
    assert kinds[0] is EditorEvent.VALUES and EditorEvent.EDITED in kinds and EditorEvent.FINDINGS in kinds
    assert any(f.rule == "T3-1" for f in editor.findings)  # the new figure breaks the column


def test_undo_writes_back_without_recomputing(sample_2021):
    editor, _ = _editor(sample_2021)
    snapshot = dict(editor.draft.values)
    old = editor.set_values({"t4.review.upheld": 5})
    editor.set_values(old, recompute=False)
    assert editor.draft.values == snapshot


def test_a_blank_total_is_filled_and_a_stated_wrong_one_kept(sample_2021):
    sample_2021.values["t4.review.total"] = None
    sample_2021.values["t4.direct.total"] = 9
    editor, _ = _editor(sample_2021)
    assert editor.draft.value("t4.review.total") == editor.draft.derived_value("t4.review.total")
    assert editor.draft.value("t4.direct.total") == 9 and any(f.rule == "T4-1" for f in editor.findings)
    stale = editor.stale_totals(editor.spec.table("表四"))
    assert stale == {"t4.direct.total": editor.draft.derived_value("t4.direct.total")}


def test_text_meta_and_acceptance(sample_2021):
    editor, events = _editor(sample_2021)
    editor.set_preface("新的前言")
    assert (EditorEvent.TEXT, "前言") in events
    editor.set_meta(contact="办公室")
    assert editor.draft.contact == "办公室" and (EditorEvent.META, None) in events
    with pytest.raises(KeyError):
        editor.set_meta(status="定稿")  # 定稿 goes through the store, not an edit
    events.clear()
    editor.set_meta(contact="办公室")
    assert events == []  # nothing changed, nothing to save


def test_accepting_a_warning_is_remembered_and_rechecked(sample_2021):
    editor, _ = _editor(sample_2021)
    editor.set_values({"t2.a1.rules.issued": 1})  # N-2: a bureau cannot make 规章
    warning = next(f for f in editor.findings if f.rule == "N-2")
    editor.accept_warning(warning, "本机关确有规章")
    assert editor.draft.accepted[warning.key] == "本机关确有规章"
    assert next(f for f in editor.findings if f.rule == "N-2").accepted_reason == "本机关确有规章"
    editor.unaccept(warning)
    assert next(f for f in editor.findings if f.rule == "N-2").accepted_reason is None
