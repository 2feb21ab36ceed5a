"""The one place that creates message boxes and file dialogs.

Every question the app asks the clerk goes through :func:`present`, so tests replace that one
function (``monkeypatch.setattr(messages, "present", fake)``) and nothing ever blocks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# The dialog classes are imported when a dialog is shown: this module is on the way to the first paint,
# and importing QMessageBox, QFileDialog and QInputDialog (PySide6 creates their types and enums then)
# and dataclasses cost ~4 ms there.

INFO, WARNING, ERROR, QUESTION, TEXT, SAVE_PATH, OPEN_PATH, PRINTER, FOLDER, PASSWORD, LINE = (
    "info",
    "warning",
    "error",
    "question",
    "text",
    "save_path",
    "open_path",
    "printer",
    "folder",
    "password",
    "line",
)


class Request:
    """What to ask. ``choices`` are button captions for questions (first = default)."""

    __slots__ = ("choices", "detail", "extra", "file_filter", "initial", "kind", "parent", "text", "title")

    def __init__(
        self,
        kind: str,
        title: str,
        text: str,
        parent: QWidget | None = None,
        choices: tuple[str, ...] = (),
        detail: str = "",
        initial: str = "",
        file_filter: str = "",
        extra: dict[str, Any] | None = None,
    ):
        self.kind, self.title, self.text, self.parent = kind, title, text, parent
        self.choices, self.detail = choices, detail
        self.initial = initial  # text input: initial text; file dialogs: suggested path
        self.file_filter = file_filter
        self.extra = {} if extra is None else extra

    def __repr__(self) -> str:
        return f"Request({self.kind!r}, {self.title!r}, {self.text!r}, choices={self.choices!r})"


def present(request: Request):
    """Show ``request`` and return the answer: a choice caption, a text, a path, or None."""
    if request.kind in (INFO, WARNING, ERROR, QUESTION):
        return _message_box(request)
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    if request.kind == TEXT:
        text, ok = QInputDialog.getMultiLineText(request.parent, request.title, request.text, request.initial)
        return text if ok else None
    if request.kind in (PASSWORD, LINE):
        from PySide6.QtWidgets import QLineEdit

        echo = QLineEdit.EchoMode.Password if request.kind == PASSWORD else QLineEdit.EchoMode.Normal
        text, ok = QInputDialog.getText(request.parent, request.title, request.text, echo, request.initial)
        return text if ok else None
    if request.kind == SAVE_PATH:
        path, _ = QFileDialog.getSaveFileName(request.parent, request.title, request.initial, request.file_filter)
        return path or None
    if request.kind == OPEN_PATH:
        path, _ = QFileDialog.getOpenFileName(request.parent, request.title, request.initial, request.file_filter)
        return path or None
    if request.kind == PRINTER:
        return _print_dialog(request)
    if request.kind == FOLDER:
        return QFileDialog.getExistingDirectory(request.parent, request.title, request.initial) or None
    raise ValueError(request.kind)


def _print_dialog(request: Request):
    """The system print dialog; returns the configured QPrinter, or None when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName(request.title)
    dialog = QPrintDialog(printer, request.parent)
    dialog.setWindowTitle("打印")
    dialog.setMinMax(1, max(1, int(request.extra.get("pages", 1))))
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def _message_box(request: Request):
    from PySide6.QtWidgets import QMessageBox

    icons = {
        INFO: QMessageBox.Icon.Information,
        WARNING: QMessageBox.Icon.Warning,
        ERROR: QMessageBox.Icon.Critical,
        QUESTION: QMessageBox.Icon.Question,
    }
    box = QMessageBox(icons[request.kind], request.title, request.text, parent=request.parent)
    if request.detail:
        box.setDetailedText(request.detail)
    buttons = {}
    for i, caption in enumerate(request.choices or ("确定",)):
        role = QMessageBox.ButtonRole.AcceptRole if i == 0 else QMessageBox.ButtonRole.RejectRole
        buttons[box.addButton(caption, role)] = caption
        if i == 0:
            box.setDefaultButton(next(iter(buttons)))
    if len(buttons) > 1:
        box.setEscapeButton(list(buttons)[-1])  # the last choice is always the safe one (取消, 留在这里)
    box.exec()
    return buttons.get(box.clickedButton())


# ---- the helpers the rest of ui calls ------------------------------------------------------


def info(parent: QWidget | None, title: str, text: str) -> None:
    present(Request(INFO, title, text, parent))


def warning(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    present(Request(WARNING, title, text, parent, detail=detail))


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    present(Request(ERROR, title, text, parent, detail=detail))


def ask(parent: QWidget | None, title: str, text: str, choices: tuple[str, ...]) -> str | None:
    """A question with the given buttons; returns the chosen caption (None if closed).

    The first choice is the default button, the last one answers Escape: put the safe one last.
    """
    return present(Request(QUESTION, title, text, parent, choices=choices))


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "确定", no: str = "取消") -> bool:
    return ask(parent, title, text, (yes, no)) == yes


def ask_text(parent: QWidget | None, title: str, text: str, initial: str = "") -> str | None:
    return present(Request(TEXT, title, text, parent, initial=initial))


def ask_password(parent: QWidget | None, title: str, text: str) -> str | None:
    """A password (never shown as typed); None when cancelled."""
    return present(Request(PASSWORD, title, text, parent))


def ask_line(parent: QWidget | None, title: str, text: str, initial: str = "") -> str | None:
    """One line of text; None when cancelled."""
    return present(Request(LINE, title, text, parent, initial=initial))


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    return present(Request(SAVE_PATH, title, "", parent, initial=suggested, file_filter=file_filter))


def ask_open_path(parent: QWidget | None, title: str, folder: str, file_filter: str) -> str | None:
    return present(Request(OPEN_PATH, title, "", parent, initial=folder, file_filter=file_filter))


def ask_folder(parent: QWidget | None, title: str, folder: str) -> str | None:
    """A folder (the review desk's report folders and where its files go); None when cancelled."""
    return present(Request(FOLDER, title, "", parent, initial=folder))


def ask_printer(parent: QWidget | None, document_name: str, pages: int):
    """The print dialog (a real printer or "print to PDF"); a QPrinter or None."""
    return present(Request(PRINTER, document_name, "", parent, extra={"pages": pages}))
