"""A Finding: one thing wrong with a report, named so that the clerk can find and fix it."""

from __future__ import annotations

import enum

from ..records import record, replace

TYPE_CHECKING = False  # typing is not imported at run time (its import costs the CLI ~2 ms)
if TYPE_CHECKING:
    from typing import Any


class Severity(str, enum.Enum):  # noqa: UP042 - str() of a member stays its name, as findings print it
    ERROR = "error"  # the report is wrong; it prints with the 草稿 mark
    WARNING = "warning"  # probably wrong; the clerk may accept it with a reason

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "提示"


@record
class Finding:
    rule: str
    severity: Severity
    message: str
    cells: tuple[str, ...] = ()  # label paths (表三/…/自然人) or, for narrative, section titles
    cell_ids: tuple[str, ...] = ()  # spec cell ids of the table cells involved
    section: str = ""  # the official title of the section the finding belongs to ("" for the report as a whole)
    accepted_reason: str | None = None
    focus: str = ""  # the cell id most likely wrong (the stated total, the figure that differs); "" = the first

    @property
    def focus_cell_id(self) -> str | None:
        """The cell to bring into view when the clerk jumps to this finding."""
        return self.focus or (self.cell_ids[0] if self.cell_ids else None)

    @property
    def key(self) -> str:
        """Stable identity, used to remember a warning the clerk accepted."""
        return f"{self.rule}|{','.join(self.cell_ids) or ','.join(self.cells) or self.section}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def accept(self, reason: str) -> Finding:
        return replace(self, accepted_reason=reason)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "cells": list(self.cells),
            "message": self.message,
        }
        if self.accepted_reason is not None:
            out["accepted"] = self.accepted_reason
        return out
