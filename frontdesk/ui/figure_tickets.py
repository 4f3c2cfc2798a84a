"""The tickets behind a figure (docs/rules.md#service-figures): every ticket
the figure counted in its period (and group), those that count toward it
(the late answers, the repairs back again, the quotes accepted...) first
and marked; a turnaround's slowest first.  Enter or a double click opens a
ticket."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.db.models import Customer, Product, Ticket
from frontdesk.figures import catalog
from frontdesk.figures import service as figures
from frontdesk.i18n import N_, _, ngettext
from frontdesk.intake import states
from frontdesk.intake.warranty import category_label
from frontdesk.ui.context import AppContext
from frontdesk.ui.qt_support import fit_to_screen
from frontdesk.ui.row_table import RowTableModel, attach

MAX_SHOWN = 5000  # more than a manager reads; the count says how many there are
COLUMNS = (("number", N_("Ticket")), ("taken", N_("Taken")), ("customer", N_("Customer")),
           ("product", N_("Product")), ("state", N_("State")), ("hit", N_("Counts toward it")))


@dataclass(frozen=True)
class BehindRow:
    id: int
    number: str
    taken: datetime
    customer: str
    product: str
    state: str
    hit: bool


def _counts_toward(key: str) -> bool:
    """Whether a figure singles out some of the tickets it counted (a share, a count of late ones)."""
    spec = catalog.FIGURES[key]
    return spec.unit == catalog.PERCENT or key in ("response_late",)


def behind_rows(session: Session, key: str, period: figures.Period, breakdown: str, group: str) -> tuple[
        list[BehindRow], int]:
    """The tickets behind ``key`` (at most MAX_SHOWN), and how many there are."""
    ids = figures.tickets_behind(session, key, period, breakdown, group)
    hits = set(figures.tickets_behind(session, key, period, breakdown, group, numerator=True)) \
        if _counts_toward(key) else set()
    order = {tid: n for n, tid in enumerate(sorted(ids, key=lambda t: t not in hits) if hits else ids)}
    wanted = sorted(order, key=order.__getitem__)[:MAX_SHOWN]
    found: dict[int, BehindRow] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        query = (select(Ticket.id, Ticket.number, Ticket.intake_at, Customer.name, Product.category, Product.brand,
                        Ticket.state)
                 .join(Customer, Customer.id == Ticket.customer_id)
                 .outerjoin(Product, Product.id == Ticket.product_id).where(Ticket.id.in_(chunk)))
        for tid, number, taken, customer, category, brand, state in session.execute(query):
            product = " ".join(x for x in (brand or "", category_label(category) if category else "") if x)
            found[tid] = BehindRow(tid, number, taken, customer, product, state, tid in hits)
    return [found[t] for t in wanted if t in found], len(ids)


class FigureTicketsDialog(QDialog):
    """Emits ``open_requested(ticket_id)``."""

    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, key: str, period: figures.Period, breakdown: str, group: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tickets behind: {figure}").format(figure=title))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableView(self)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model = RowTableModel(COLUMNS, self._text, None, self)
        attach(self.table, self.model)
        self.table.activated.connect(lambda index: self.open_ticket(index.row()))
        rows, total = ctx.read(lambda s: behind_rows(s, key, period, breakdown, group))
        self.model.set_rows(rows)
        hits = sum(1 for r in rows if r.hit)
        parts = [ngettext("{n} ticket counted", "{n} tickets counted", total).format(n=total)]
        if _counts_toward(key):
            parts.append(ngettext("{n} counts toward the figure (first)", "{n} count toward the figure (first)",
                                  hits).format(n=hits))
        if total > len(rows):
            parts.append(_("the first {n} shown").format(n=len(rows)))
        text = _("{what}. Enter opens a ticket.").format(what=_("; ").join(parts))
        self.summary.setText(f"<b>{html.escape(title)}</b><br>" + html.escape(text))
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        if rows:
            self.table.selectRow(0)
        self.resize(900, 560)
        fit_to_screen(self)

    def _text(self, row: BehindRow, key: str) -> str:
        return {
            "number": row.number, "taken": row.taken.strftime("%Y-%m-%d %H:%M"), "customer": row.customer,
            "product": row.product, "state": states.label(row.state), "hit": "✓" if row.hit else "",
        }.get(key, "")

    def open_ticket(self, row: int) -> None:
        shown = self.model.row(row)
        if shown is not None:
            self.open_requested.emit(shown.id)


__all__ = ["BehindRow", "FigureTicketsDialog", "behind_rows"]
