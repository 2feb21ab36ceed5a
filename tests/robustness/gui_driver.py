"""Drives the real app in this process, as a clerk would, until it is killed.

    python tests/robustness/gui_driver.py JOURNAL SEED [SAMPLE.json [EXPORT.pdf]]

Runs ``disclosure_desk.ui.app.run()`` (the entry point of ``disclosure-desk``; the data folder is
``DISCLOSURE_DESK_DATA_DIR``). On the first start (no report reopened) it opens SAMPLE from the
start window's samples, as a click does. Then, on a timer, it types: digits into table cells
through the cell editor (Tab commits), Chinese through input-method commits and ASCII through key
clicks into the narrative editors, Enter for new paragraphs, and now and then goes to another
page. After every edit that has reached the Draft it appends one JSON line to JOURNAL (flushed
and fsynced) with ``time.time()``, what was edited and what it now holds. The parent
(``test_process_death.py``) kills this process with SIGKILL at a random moment and compares the
journal with the store.

With EXPORT.pdf it goes to the export page instead and exports the PDF there again and again
(``{"ev": "exported", "t", "size"}`` after each), as the 导出 PDF button does.

Journal lines: ``{"ev": "opened", "t", "draft", "digest"}``, ``{"ev": "cell", "t", "id", "v"}``,
``{"ev": "text", "t", "key", "sha"}`` and ``{"ev": "message", "t", "kind", "title", "text"}`` for
every message box the app wanted to show and every failed autosave (none is expected).
"""

from __future__ import annotations

import faulthandler
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PHRASES = (
    "本机关",
    "政府信息公开",
    "依申请公开",
    "主动公开",
    "平台建设",
    "监督保障",
    "，",
    "。",
    "《条例》",
    "“十四五”",
)
WORDS = ("2025", "PDF", "12", "3.5%", "a", "OA")


class Journal:
    def __init__(self, path: str):
        self._f = open(path, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the process

    def write(self, **entry) -> None:
        entry.setdefault("t", time.time())
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        self._f.write(line)
        self._f.flush()
        os.fsync(self._f.fileno())
        sys.stdout.write(line)  # the parent's event: written down first, then said
        sys.stdout.flush()


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def draft_digest(draft) -> str:
    """What the store holds of a draft, as the parent computes it too."""
    from disclosure_desk.interchange.writer import dumps_report

    return text_digest(dumps_report(draft))


class Driver:
    def __init__(self, journal: Journal, rng: random.Random, sample: str | None, export: str | None = None):
        self.journal = journal
        self.rng = rng
        self.sample = sample
        self.export = export
        self.window = None
        self.steps = 0
        self.stages: set[str] = set()

    # ---- start-up ----------------------------------------------------------------------------
    def find_window(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from disclosure_desk.ui.main_window import MainWindow

        if self.window is None:
            self.window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        w = self.window
        if w is not None:
            self.stage("window")
        if w is None or w.workspace is None:
            QTimer.singleShot(20, self.find_window)
            return
        self.stage("store")
        if w.report is None:
            if not self.sample:
                self.journal.write(ev="message", kind="driver", title="no report", text="nothing reopened")
                QApplication.instance().quit()
                return
            w.actions_.open_sample(self.sample)
        draft = w.report.session.draft
        w.report.autosaver.save_failed.connect(
            lambda message: self.journal.write(ev="message", kind="save_failed", title="autosave", text=message)
        )
        w.report.autosaver.saved.connect(lambda _stamp: self.journal.write(ev="saved"))
        self.journal.write(ev="opened", draft=draft.id, digest=draft_digest(draft))
        QTimer.singleShot(self.rng.randint(20, 120), self.export_pdf if self.export else self.step)

    def stage(self, name: str) -> None:
        if name not in self.stages:
            self.stages.add(name)
            self.journal.write(ev=name)

    # ---- exporting -----------------------------------------------------------------------------
    def export_pdf(self) -> None:
        from PySide6.QtCore import QTimer

        from disclosure_desk.ui.wizard.export_page import ExportPage

        report = self.window.report
        page = report.wizard.page_of(ExportPage)
        report.go_to_page(report.wizard.report_pages.index(page))
        if "progress" not in self.stages:
            self.stages.add("progress")
            page.progress.valueChanged.connect(lambda value: self.journal.write(ev="progress", value=value))
        page.path_edit.setText(self.export)
        self.journal.write(ev="exporting")
        page.start_export()
        worker = page.worker
        if worker is None:
            return
        worker.succeeded.connect(lambda result: self.journal.write(ev="exported", size=result.size))
        worker.finished.connect(lambda: QTimer.singleShot(self.rng.randint(0, 150), self.export_pdf))

    # ---- typing ------------------------------------------------------------------------------
    def step(self) -> None:
        from PySide6.QtCore import QTimer

        from disclosure_desk.ui.wizard.narrative_page import PartsPage, TextPage
        from disclosure_desk.ui.wizard.table_page import TablePage

        report = self.window.report
        self.steps += 1
        if self.steps % 12 == 0 or not isinstance(report.wizard.current_page(), (TablePage, TextPage, PartsPage)):
            candidates = [
                i for i, p in enumerate(report.wizard.report_pages) if isinstance(p, (TablePage, TextPage, PartsPage))
            ]
            report.go_to_page(self.rng.choice(candidates))
        page = report.wizard.current_page()
        if isinstance(page, TablePage):
            self.type_cell(page)
        elif isinstance(page, PartsPage):
            self.type_text(page.editors[self.rng.randrange(len(page.editors))].body, page.section.title)
        elif isinstance(page, TextPage):
            self.type_text(page.editor, page.page_key)
        QTimer.singleShot(self.rng.randint(30, 140), self.step)

    def type_cell(self, page) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QLineEdit

        session = page.model.session
        cell = self.rng.choice(page.table.input_cells)
        index = page.model.index_of(cell.id)
        value = self.rng.randint(0, 999)
        page.view.setFocus()
        page.view.setCurrentIndex(index)
        page.view.edit(index)
        editor = QApplication.focusWidget()
        if not isinstance(editor, QLineEdit):
            return
        editor.selectAll()
        QTest.keyClicks(editor, str(value))
        QTest.keyClick(editor, Qt.Key.Key_Tab)
        if session.draft.value(cell.id) == value:
            self.journal.write(ev="cell", id=cell.id, v=value)

    def type_text(self, editor, key: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        r = self.rng.random()
        if r < 0.6:
            event = QInputMethodEvent("", [])
            event.setCommitString(self.rng.choice(PHRASES))
            QApplication.sendEvent(editor, event)
        elif r < 0.9:
            QTest.keyClicks(editor, self.rng.choice(WORDS))
        else:
            QTest.keyClick(editor, Qt.Key.Key_Return)
        report = self.window.report
        draft = report.session.draft
        stored = draft.preface if key == "前言" else draft.section_text(key)
        self.journal.write(ev="text", key=key, sha=text_digest(stored))


def main() -> int:
    faulthandler.enable()  # a crash in Qt leaves its stack on stderr rather than nothing
    journal_path, seed = sys.argv[1], int(sys.argv[2])
    sample = sys.argv[3] if len(sys.argv) > 3 else None
    export = sys.argv[4] if len(sys.argv) > 4 else None
    journal = Journal(journal_path)
    journal.write(ev="start")
    from PySide6.QtCore import QTimer

    from disclosure_desk.ui import app as app_module
    from disclosure_desk.ui import messages

    def present(request):  # no dialog may block a driven app; every one is recorded
        journal.write(ev="message", kind=request.kind, title=request.title, text=request.text)
        return request.choices[0] if getattr(request, "choices", None) else None

    messages.present = present
    driver = Driver(journal, random.Random(seed), sample, export)
    app_module.create_application()
    QTimer.singleShot(0, driver.find_window)
    return app_module.run()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    sys.exit(main())
