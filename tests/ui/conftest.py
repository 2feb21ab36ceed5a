"""GUI test set-up: offscreen Qt, scripted answers for every message box, a real window on a fresh store.

tests/conftest.py (owned by the lead) sets QT_QPA_PLATFORM and a data dir per test; the two
``setdefault`` lines below only matter when tests/ui is run on its own from another conftest.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

import disclosure_desk.ui  # noqa: F401 - applies ui/refcount_guard.py before any Qt call

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"


class Answers:
    """Stands in for ``ui.messages.present``: records each request, answers from a script.

    Without a scripted answer a question gets its first choice (the default button), a text
    prompt, file dialog or print dialog gets None (cancelled).
    """

    def __init__(self):
        self.requests = []
        self._queue: list = []

    def push(self, *answers) -> None:
        self._queue.extend(answers)

    def __call__(self, request):
        self.requests.append(request)
        if self._queue:
            answer = self._queue.pop(0)
            return answer(request) if callable(answer) else answer
        if request.kind == "question":
            return request.choices[0] if request.choices else None
        return None

    def kinds(self) -> list[str]:
        return [r.kind for r in self.requests]

    def texts(self) -> str:
        return "\n".join(f"{r.title}: {r.text}" for r in self.requests)


@pytest.fixture
def answers(monkeypatch):
    from disclosure_desk.ui import messages

    a = Answers()
    monkeypatch.setattr(messages, "present", a)
    return a


@pytest.fixture
def app(qapp):
    from disclosure_desk.ui.app import create_application

    return create_application()


@pytest.fixture
def window(qtbot, app, answers):
    """The real main window, shown, with its store open (an empty one)."""
    from PySide6.QtCore import Qt

    from disclosure_desk.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowState.WindowNoState)  # the offscreen screen is 800×600: the app would maximise
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_store()
    yield w
    if w.isVisible():
        w.close()


@pytest.fixture
def workspace(window):
    return window.workspace


def open_sample(window, name: str):
    """Copy a bundled sample into the store and open it; returns the ReportView."""
    window.actions_.open_sample(str(SAMPLES / name))
    assert window.report is not None
    return window.report


@pytest.fixture
def report_2021(window):
    return open_sample(window, "qinghe-tongjiju-2025.json")


@pytest.fixture
def report_2019(window):
    return open_sample(window, "yiluo-2019.json")


@pytest.fixture
def session_2021(qapp, sample_2021):
    from disclosure_desk.ui.session import ReportSession

    return ReportSession(sample_2021)
