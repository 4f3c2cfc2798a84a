"""Card supervision for the manager: per technician over a range of days,
cards handed out against cards back, the missing ones, "satisfied" cards the
customer did not sign, and the patterns no real set of customers produces.
Anything flagged shows in red, and the flagged cards are listed by number."""

from __future__ import annotations

import logging

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from frontdesk import clock, technicians
from frontdesk.followup import figures
from frontdesk.i18n import N_, _, ngettext
from frontdesk.ui.context import AppContext
from frontdesk.ui.generated.supervision_ui import Ui_SupervisionScreen
from frontdesk.ui.row_table import LATE, RowTableModel, attach, init_range, read_range

log = logging.getLogger(__name__)

TECH_COLUMNS = (("technician", N_("Technician")), ("issued", N_("Handed out")), ("returned", N_("Cards back")),
                ("missing", N_("Missing")), ("unsigned", N_("\"Satisfied\" unsigned")), ("flags", N_("Flags")))
CARD_COLUMNS = (("serial", N_("Feedback card")), ("technician", N_("Technician")), ("flag", N_("Flag")))
NUMBERS = frozenset({"issued", "returned", "missing", "unsigned"})


def _tech_text(row: figures.TechnicianSupervision, key: str) -> str:
    return {"technician": row.technician, "issued": str(row.issued), "returned": str(row.returned),
            "missing": str(row.missing), "unsigned": str(row.satisfied_unsigned),
            "flags": "; ".join(row.flag_labels)}.get(key, "")


def _tech_brush(row: figures.TechnicianSupervision) -> QBrush | None:
    return LATE if row.flags else None


def _card_text(row: tuple[str, str, str], key: str) -> str:
    serial, technician, flag = row
    return {"serial": serial, "technician": technician, "flag": _(figures.FLAGS[flag])}.get(key, "")


class SupervisionScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SupervisionScreen()
        self.ui.setupUi(self)
        u = self.ui
        self.rows: list[figures.TechnicianSupervision] = []
        self.model = RowTableModel(TECH_COLUMNS, _tech_text, _tech_brush, self, right_aligned=NUMBERS)
        self.cards_model = RowTableModel(CARD_COLUMNS, _card_text, lambda _r: LATE, self)
        attach(u.techTable, self.model)
        attach(u.flaggedTable, self.cards_model)
        u.splitter.setStretchFactor(0, 1)
        u.splitter.setStretchFactor(1, 1)
        u.technicianCombo.addItem(_("(all)"), None)
        for tech in self.ctx.read(lambda s: technicians.technician_names(s, active_only=False)):
            u.technicianCombo.addItem(tech[1], tech[0])
        u.technicianCombo.currentIndexChanged.connect(lambda _i: self.load())
        u.ruleLabel.setText(_("A card not back {days} days after it was handed out counts as missing. The patterns "
                              "are looked for once a technician has {cards} cards back in the range.").format(
            days=figures.MISSING_AFTER_DAYS, cards=figures.PATTERN_MIN_CARDS))
        init_range(u.fromEdit, u.toEdit, u.showButton, self.load)
        self.load()

    def load(self) -> bool:
        u = self.ui
        days = read_range(u.fromEdit, u.toEdit, u.messageLabel)
        if days is None:
            return False
        today = clock.now().date()
        rows = self.ctx.read(lambda s: figures.supervision(s, days[0], days[1], today=today))
        tech_id = u.technicianCombo.currentData()
        if tech_id is not None:
            rows = [r for r in rows if r.technician_id == tech_id]
        self.rows = rows
        self.model.set_rows(rows)
        self.cards_model.set_rows([(serial, r.technician, flag) for r in rows for serial, flag in r.flagged_cards])
        issued = sum(r.issued for r in rows)
        u.countLabel.setText(ngettext("{issued} card handed out, {returned} back, {missing} missing, {flagged} flagged",
                                      "{issued} cards handed out, {returned} back, {missing} missing, {flagged} flagged",
                                      issued).format(
            issued=issued, returned=sum(r.returned for r in rows),
            missing=sum(r.missing for r in rows), flagged=len(self.cards_model.all_rows)))
        return True

    def refresh(self) -> None:
        self.load()
