"""The fee schedules (a tab of Settings): the versions by the date they take
effect, their lines, a new version from an old one, and the head-office
workbook in and out.  Saving is a manager's act; a version a quote used is
read-only."""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QTableWidgetItem, QWidget

from frontdesk import clock
from frontdesk.billing import pricing, schedules
from frontdesk.billing.schedules import FeeLineDraft, ScheduleDraft, ScheduleRefused
from frontdesk.i18n import N_, _
from frontdesk.intake.warranty import category_key, category_label
from frontdesk.paths import exports_dir
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import describe, show_inline
from frontdesk.ui.fields import parse_day
from frontdesk.ui.generated.fees_ui import Ui_FeesScreen

log = logging.getLogger(__name__)

# (attribute of FeeLineDraft, column title)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", N_("Kind")), ("category", N_("Category")), ("code", N_("Code")), ("description", N_("Description")),
    ("component", N_("Component")), ("price", N_("Price")), ("free_km", N_("Free km")), ("per_km", N_("Per km")),
)
MONEY_COLUMNS = {"price", "free_km", "per_km"}
KEY_ROLE = Qt.ItemDataRole.UserRole  # the key behind a cell shown by its title (kind, category, level, component)


def shown_value(key: str, value: str, kind: str) -> str:
    """A cell as people read it: the title of a kind, a category, a labour
    level or a component, never its key."""
    if not value:
        return value
    if key == "kind":
        return pricing.kind_label(value)
    if key == "category":
        return _("All") if value == pricing.ANY_CATEGORY else category_label(value)
    if key == "code" and kind == pricing.LABOUR and value in pricing.LEVELS:
        return _(pricing.LEVELS[value])
    if key == "component":
        return pricing.component_label(value)
    return value


def typed_value(key: str, text: str) -> str:
    """The key a title typed in a coded cell stands for (by its key, its
    English title or its title in the window's language); else the text as
    typed, for the schedule's checks to judge."""
    wanted = text.strip().lower()
    if key == "category":
        if wanted in ("*", _("All").lower(), "all"):
            return pricing.ANY_CATEGORY
        return category_key(text) or text
    titles = {"kind": pricing.KINDS, "code": pricing.LEVELS}.get(key, {})
    for code, title in titles.items():
        if wanted in (code.lower(), title.lower(), _(title).lower()):
            return code
    return text


class FeesScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_FeesScreen()
        self.ui.setupUi(self)
        self.draft: ScheduleDraft | None = None
        self.summaries: list[schedules.ScheduleSummary] = []
        u = self.ui
        u.linesTable.setColumnCount(len(COLUMNS))
        u.linesTable.setHorizontalHeaderLabels([_(title) for _key, title in COLUMNS])
        u.versionCombo.currentIndexChanged.connect(self.show_version)
        u.newVersionButton.clicked.connect(self.new_version)
        u.addRowButton.clicked.connect(lambda: u.linesTable.insertRow(u.linesTable.rowCount()))
        u.removeRowButton.clicked.connect(lambda: u.linesTable.removeRow(u.linesTable.currentRow()))
        u.saveButton.clicked.connect(self.save)
        u.importButton.clicked.connect(lambda: self.import_file())
        u.exportButton.clicked.connect(lambda: self.export_file())
        self.load()

    def load(self, select_id: int | None = None) -> None:
        self.summaries = self.ctx.read(lambda s: schedules.list_schedules(s))
        combo = self.ui.versionCombo
        combo.blockSignals(True)
        combo.clear()
        for sm in self.summaries:
            marks = []
            if sm.in_force:
                marks.append(_("in force"))
            if sm.used:
                marks.append(_("used by quotes: read-only"))
            text = _("{name}, from {day}").format(name=sm.name, day=sm.effective_from.isoformat())
            combo.addItem(f"{text} ({', '.join(marks)})" if marks else text, sm.id)
        combo.blockSignals(False)
        if not self.summaries:
            show_inline(self.ui.messageLabel, _("No fee schedule yet: import head office's workbook, "
                                                "or add lines and save a first version."))
            self.draft = ScheduleDraft(name=_("First schedule"), effective_from=clock.now().date())
            self._fill(self.draft, editable=True)
            return
        index = combo.findData(select_id) if select_id is not None else next(
            (i for i, sm in enumerate(self.summaries) if sm.in_force), 0)
        combo.setCurrentIndex(max(0, index))
        self.show_version()

    def current_summary(self) -> schedules.ScheduleSummary | None:
        sid = self.ui.versionCombo.currentData()
        return next((sm for sm in self.summaries if sm.id == sid), None)

    def show_version(self, *_args: object) -> None:
        summary = self.current_summary()
        if summary is None:
            return
        self.draft = self.ctx.read(lambda s: schedules.schedule_draft(s, summary.id))
        self._fill(self.draft, editable=not summary.used)

    def _fill(self, draft: ScheduleDraft, editable: bool) -> None:
        table = self.ui.linesTable
        table.setRowCount(len(draft.lines))
        for r, line in enumerate(draft.lines):
            for c, (key, _title) in enumerate(COLUMNS):
                value = "" if getattr(line, key) is None else str(getattr(line, key))
                item = QTableWidgetItem(shown_value(key, value, line.kind))
                item.setData(KEY_ROLE, value)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        table.setEditTriggers(table.EditTrigger.AllEditTriggers if editable else table.EditTrigger.NoEditTriggers)
        for widget in (self.ui.addRowButton, self.ui.removeRowButton, self.ui.saveButton):
            widget.setEnabled(editable)

    def table_lines(self) -> tuple[list[FeeLineDraft], list[str]]:
        """The lines as typed, and the cells that are not numbers."""
        table = self.ui.linesTable
        lines: list[FeeLineDraft] = []
        problems: list[str] = []
        for r in range(table.rowCount()):
            values: dict[str, object] = {}
            for c, (key, title) in enumerate(COLUMNS):
                item = table.item(r, c)
                text = item.text().strip() if item is not None else ""
                if key in MONEY_COLUMNS:
                    try:
                        values[key] = Decimal(text) if text else None
                    except InvalidOperation:
                        problems.append(_("row {row}, {column}: {text} is not a number").format(
                            row=r + 1, column=_(title), text=text))
                        values[key] = None
                elif item is not None and item.data(KEY_ROLE) is not None and text == shown_value(
                        key, str(item.data(KEY_ROLE)), str(values.get("kind", ""))):
                    values[key] = str(item.data(KEY_ROLE))  # as shown: the key behind the title
                else:
                    values[key] = typed_value(key, text)
            if any(v not in ("", None) for v in values.values()):
                values["category"] = values["category"] or "*"
                lines.append(FeeLineDraft(**values))  # type: ignore[arg-type]
        return lines, problems

    def new_version(self) -> None:
        day_text, ok = QInputDialog.getText(self, _("New version"), _("The day it takes effect (YYYY-MM-DD)"))
        if not ok:
            return
        try:
            day = parse_day(day_text)
        except ValueError as exc:
            show_inline(self.ui.messageLabel, str(exc))
            return
        if day is None:
            return
        lines, _problems = self.table_lines()
        self.draft = ScheduleDraft(name=_("Schedule of {day}").format(day=day.isoformat()), effective_from=day, lines=lines)
        self._fill(self.draft, editable=True)
        show_inline(self.ui.messageLabel, _("A new version from {day}: change the prices, then save it.").format(
            day=day.isoformat()), ok=True)

    def save(self) -> None:
        if self.draft is None:
            return
        lines, problems = self.table_lines()
        if problems:
            show_inline(self.ui.messageLabel, "; ".join(problems))
            return
        draft = ScheduleDraft(name=self.draft.name, effective_from=self.draft.effective_from, note=self.draft.note,
                              lines=lines)
        actor = self.ctx.actor
        saved = self.ctx.write(lambda s, approver: schedules.save_schedule(s, actor, draft, approver=approver).id,
                               self, self.ui.messageLabel)
        if saved is not None:
            self.load(saved)
            show_inline(self.ui.messageLabel, _("The fee schedule from {day} is saved.").format(
                day=(draft.effective_from or date.today()).isoformat()), ok=True)

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, _("Import a fee schedule"), "", _("Excel workbooks (*.xlsx)"))
            if not path:
                return
        actor = self.ctx.actor
        # Read and checked before the write transaction: no lock is held while the file is parsed.
        try:
            parsed = schedules.parse_import(path)
        except ScheduleRefused as exc:
            error: BaseException | None = exc
            saved = None
        else:
            saved = self.ctx.write(lambda s, approver: schedules.store_import(s, actor, parsed, approver=approver).id,
                                   self, self.ui.messageLabel)
            error = self.ctx.last_error
        if saved is None and isinstance(error, ScheduleRefused):
            show_inline(self.ui.messageLabel, _("The workbook was refused; nothing was changed:") + "\n" +
                        "\n".join(str(p) for p in error.problems))
            return
        if saved is not None:
            self.load(saved)
            show_inline(self.ui.messageLabel, _("Imported {path}.").format(path=Path(path).name), ok=True)

    def export_file(self, path: str | None = None) -> Path | None:
        summary = self.current_summary()
        if path is None:
            suggested = f"fees-{summary.effective_from.isoformat()}.xlsx" if summary else "fees.xlsx"
            path, _filter = QFileDialog.getSaveFileName(self, _("Export the fee schedule"), str(exports_dir() / suggested),
                                                        _("Excel workbooks (*.xlsx)"))
            if not path:
                return None
        sid = summary.id if summary else None
        try:
            written = self.ctx.read(lambda s: schedules.export_workbook(s, path, sid))
        except OSError as exc:
            show_inline(self.ui.messageLabel, describe(exc))
            return None
        show_inline(self.ui.messageLabel, _("Written to {path}.").format(path=written), ok=True)
        return written
