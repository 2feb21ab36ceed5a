"""ReportTableModel: one QAbstractTableModel per TableSpec, covering the whole printed grid.

Header rows, captions and row stubs are read-only cells of the model (styled, with the row's
填报口径 as tooltip); the view sets the spec's merges with ``setSpan``. Value cells are editable
unless they are totals (computed, read-only) or the draft is final. Cells named by a finding
are painted with its severity and carry its message as tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QUndoStack

from ...checks import Finding
from ...domain import ValueParseError, format_value, parse_value
from ...spec import CellSpec, GridCell, GridRole, TableSpec
from .. import style
from ..session import ReportSession

CELL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2  # "error" / "warning" / None
GRID_ROLE = Qt.ItemDataRole.UserRole + 3  # GridRole value string

# completeness findings are listed, not painted (an empty table would be all red)
UNPAINTED_RULES = ("S-1", "B-1")

_ALIGN_VALUE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_HEADER = Qt.AlignmentFlag.AlignCenter
_ALIGN_STUB = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class ReportTableModel(QAbstractTableModel):
    value_rejected = Signal(QPersistentModelIndex, str)  # the cell and the clerk-friendly reason

    def __init__(self, table: TableSpec, session: ReportSession, parent=None):
        super().__init__(parent)
        self.table = table
        self.session = session
        self.undo_stack: QUndoStack | None = None  # set by the page: edits then go through undo commands
        self._anchor: dict[tuple[int, int], GridCell] = {}
        self._pos: dict[str, tuple[int, int]] = {}
        self._row_help: dict[int, str] = {}
        for g in table.grid:
            self._anchor[(g.row, g.col)] = g
            if g.cell_id:
                self._pos[g.cell_id] = (g.row, g.col)
                self._row_help.setdefault(g.row, table.cell(g.cell_id).help)
        self._findings: dict[str, list[Finding]] = {}
        self._index_findings()
        session.values_changed.connect(self._on_session_values_changed)
        session.findings_changed.connect(self._on_session_findings_changed)
        session.status_changed.connect(self._on_session_status_changed)

    # ---- shape -----------------------------------------------------------------------------
    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else self.table.grid_rows

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else self.table.grid_cols

    def grid_cell(self, index: QModelIndex) -> GridCell | None:
        return self._anchor.get((index.row(), index.column())) if index.isValid() else None

    def cell_spec(self, index: QModelIndex) -> CellSpec | None:
        g = self.grid_cell(index)
        return self.table.cell(g.cell_id) if g is not None and g.cell_id else None

    def index_of(self, cell_id: str) -> QModelIndex:
        r, c = self._pos[cell_id]
        return self.index(r, c)

    def spans(self) -> list[GridCell]:
        return [g for g in self.table.grid if g.rowspan > 1 or g.colspan > 1]

    def is_editable(self, index: QModelIndex) -> bool:
        return bool(self.flags(index) & Qt.ItemFlag.ItemIsEditable)

    # ---- data ------------------------------------------------------------------------------
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        g = self.grid_cell(index)
        if g is None or g.role is not GridRole.VALUE:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._cell_of(g).is_total and not self.session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        g = self.grid_cell(index)
        if g is None:
            return None
        if g.role is GridRole.VALUE:
            return self._value_data(g, role)
        return self._label_data(g, role)

    def _label_data(self, g: GridCell, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return g.text
        if role == Qt.ItemDataRole.ToolTipRole:
            help_text = self._row_help.get(g.row, "") if g.role is GridRole.STUB else ""
            if g.role is GridRole.STUB and g.rowspan > 1:
                help_text = ""  # a group label: its sub-rows carry the help
            return f"{g.text}\n填报口径：{help_text}" if help_text else g.text
        if role == Qt.ItemDataRole.BackgroundRole:
            bg = {GridRole.STUB: style.STUB_BG, GridRole.CAPTION: style.CAPTION_BG}.get(g.role, style.HEADER_BG)
            return QBrush(bg)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_STUB if g.role in (GridRole.STUB, GridRole.CAPTION) else _ALIGN_HEADER
        if role == Qt.ItemDataRole.FontRole and g.role in (GridRole.HEADER, GridRole.CAPTION):
            f = QFont()
            f.setBold(True)
            return f
        if role == GRID_ROLE:
            return g.role.value
        return None

    def _cell_of(self, g: GridCell) -> CellSpec:
        assert g.cell_id is not None  # a VALUE grid cell always names its cell
        return self.table.cell(g.cell_id)

    def _value_data(self, g: GridCell, role: int):
        cell = self._cell_of(g)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_value(self.session.draft.value(cell.id))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(cell)
        if role == Qt.ItemDataRole.ForegroundRole and cell.is_total:
            return QBrush(style.READ_ONLY_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_VALUE
        if role == Qt.ItemDataRole.FontRole and cell.is_total:
            f = QFont()
            f.setBold(True)
            return f
        if role == CELL_ID_ROLE:
            return cell.id
        if role == SEVERITY_ROLE:
            return self._severity(cell.id)
        if role == GRID_ROLE:
            return g.role.value
        return None

    def _open_findings(self, cell_id: str) -> list[Finding]:
        return [f for f in self._findings.get(cell_id, ()) if f.accepted_reason is None]

    def _severity(self, cell_id: str) -> str | None:
        mine = self._open_findings(cell_id)
        if any(f.is_error for f in mine):
            return "error"
        return "warning" if mine else None

    def _background(self, cell: CellSpec) -> QBrush | None:
        severity = self._severity(cell.id)
        if severity == "error":
            return QBrush(style.ERROR_BG)
        if severity == "warning":
            return QBrush(style.WARNING_BG)
        if cell.is_total:
            return QBrush(style.TOTAL_BG)
        if cell.id in self.session.draft.value_origins:
            return QBrush(style.CARRIED_BG)
        return None

    def _tooltip(self, cell: CellSpec) -> str:
        lines = [cell.label_path.replace("/", " › ")]
        if cell.is_total:
            lines.append("总计由程序按各项相加自动计算，不能直接修改。")
        else:
            lines.append(f"应填{cell.kind.description}。")
        if cell.help:
            lines.append(f"填报口径：{cell.help}")
        origin = self.session.draft.value_origins.get(cell.id)
        if origin:
            lines.append(f"来源：{origin}")
        for f in self._findings.get(cell.id, ()):
            prefix = f"[{f.severity.label}·已接受] " if f.accepted_reason is not None else f"[{f.severity.label}] "
            lines.append(prefix + f.message)
        return "\n".join(lines)

    # ---- editing ---------------------------------------------------------------------------
    def parse(self, index: QModelIndex, text: str):
        """The value ``text`` stands for in this cell; raises ValueParseError."""
        cell = self.cell_spec(index)
        if cell is None:
            raise ValueError("not a value cell")
        return parse_value(text, cell)

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_editable(index):
            return False
        cell = self.cell_spec(index)
        if cell is None:  # is_editable: never for a non-value cell
            return False
        try:
            parsed = parse_value(value if isinstance(value, str) else str(value), cell)
        except ValueParseError as e:
            self.value_rejected.emit(QPersistentModelIndex(index), e.message)
            return False
        self.apply_values({cell.id: parsed}, f"填写 {cell.label_path}")
        return True

    def apply_values(self, values: dict, description: str) -> None:
        """Write values through the undo stack (when set) so Ctrl+Z can take them back."""
        values = {
            k: v for k, v in values.items() if self.session.draft.value(k) != v or k not in self.session.draft.values
        }
        if not values:
            return
        if self.undo_stack is not None:
            from .commands import SetValuesCommand

            self.undo_stack.push(SetValuesCommand(self.session, values, description))
        else:
            self.session.set_values(values)

    # ---- keeping the view in step ------------------------------------------------------------
    def _index_findings(self) -> None:
        own = {c.id for c in self.table.cells}
        self._findings = {}
        for f in self.session.findings:
            if f.rule in UNPAINTED_RULES:
                continue
            for cell_id in f.cell_ids:
                if cell_id in own:
                    self._findings.setdefault(cell_id, []).append(f)

    def _emit_all(self) -> None:
        if self.table.grid_rows and self.table.grid_cols:
            self.dataChanged.emit(self.index(0, 0), self.index(self.table.grid_rows - 1, self.table.grid_cols - 1))

    def _on_session_values_changed(self, cell_ids: list) -> None:
        mine = [self._pos[i] for i in cell_ids if i in self._pos]
        if mine:
            rows = [r for r, _ in mine]
            cols = [c for _, c in mine]
            self.dataChanged.emit(self.index(min(rows), min(cols)), self.index(max(rows), max(cols)))

    def _on_session_findings_changed(self) -> None:
        self._index_findings()
        self._emit_all()

    def _on_session_status_changed(self) -> None:
        self._emit_all()
