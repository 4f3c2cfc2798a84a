"""Entering a returned feedback card, fast: scan the card's QR code (it
carries the ticket number) or type the ticket or card number, Enter; rate
with the number keys (3 satisfied, 2 fairly, 1 not), Space ticks the
signature, Enter saves.  A card that says "not satisfied" shows the
follow-up call-back it opened."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget
from sqlalchemy.orm import Session

from frontdesk import clock
from frontdesk.errors import FrontDeskError
from frontdesk.followup import service as fu
from frontdesk.i18n import N_, _
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import describe, show_inline
from frontdesk.ui.generated.card_entry_ui import Ui_CardEntryScreen
from frontdesk.ui.row_table import LATE, RowTableModel, attach, when
from frontdesk.users import Actor

log = logging.getLogger(__name__)

COLUMNS = (("serial", N_("Feedback card")), ("ticket", N_("Ticket")), ("customer", N_("Customer")),
           ("technician", N_("Technician")), ("quality", N_("Quality")), ("attitude", N_("Attitude")),
           ("signed", N_("Signed")), ("follow_up", N_("Follow-up due")))
NUMBER_KEYS = {Qt.Key.Key_1: fu.NOT_SATISFIED, Qt.Key.Key_2: fu.FAIR, Qt.Key.Key_3: fu.SATISFIED}


def _rating(value: int | None) -> str:
    return _(fu.RATINGS[value]) if value in fu.RATINGS else ""


def _text(card: fu.CardView, key: str) -> str:
    return {"serial": card.serial, "ticket": card.ticket_number, "customer": card.customer_name,
            "technician": card.technician, "quality": _rating(card.quality), "attitude": _rating(card.attitude),
            "signed": _("yes") if card.signed else _("no"), "follow_up": when(card.follow_up_due)}.get(key, "")


def _brush(card: fu.CardView) -> QBrush | None:
    return LATE if card.satisfied is False else None


class CardEntryScreen(QWidget):
    """Emits ``card_entered(card_id)`` after a card is saved."""

    card_entered = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CardEntryScreen()
        self.ui.setupUi(self)
        self.card: fu.CardView | None = None
        u = self.ui
        self.quality = self._group((u.quality3Radio, u.quality2Radio, u.quality1Radio))
        self.attitude = self._group((u.attitude3Radio, u.attitude2Radio, u.attitude1Radio))
        self.model = RowTableModel(COLUMNS, _text, _brush, self)
        attach(u.recentTable, self.model)
        u.cardEdit.returnPressed.connect(self.look_up)
        u.cardEdit.textEdited.connect(lambda _t: self._forget_card())
        u.commentEdit.returnPressed.connect(self.save)
        u.saveButton.clicked.connect(self.save)
        u.clearButton.clicked.connect(self.clear)
        u.signedCheck.installEventFilter(self)
        self.clear()
        self.refresh()

    def _group(self, buttons: tuple[QRadioButton, QRadioButton, QRadioButton]) -> QButtonGroup:
        group = QButtonGroup(self)
        for value, button in zip((fu.SATISFIED, fu.FAIR, fu.NOT_SATISFIED), buttons, strict=True):
            group.addButton(button, value)
            button.installEventFilter(self)
        return group

    def refresh(self) -> None:
        today = clock.now().date()
        self.model.set_rows(self.ctx.read(lambda s: fu.cards_entered(s, today)))

    def clear(self) -> None:
        u = self.ui
        u.cardEdit.clear()
        self._forget_card()
        u.commentEdit.clear()
        u.cardEdit.setFocus()

    def _forget_card(self) -> None:
        self.card = None
        u = self.ui
        u.cardInfoLabel.setText(_("Scan the QR code on the card, or type the ticket or card number and press Enter."))
        for group in (self.quality, self.attitude):
            group.setExclusive(False)  # an exclusive group cannot be emptied
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        u.signedCheck.setChecked(False)

    def look_up(self) -> fu.CardView | None:
        u = self.ui
        text = u.cardEdit.text().strip()
        if not text:
            show_inline(u.messageLabel, _("Scan or type the ticket or card number first."))
            return None
        try:
            card = self.ctx.read(lambda s: fu.card_view(s, fu.find_card(s, text).id))
        except FrontDeskError as exc:
            self._forget_card()
            show_inline(u.messageLabel, describe(exc))
            return None
        if card.returned_on is not None:
            self._forget_card()
            show_inline(u.messageLabel, _("Card {serial} was already entered (returned {day}).").format(
                serial=card.serial, day=when(card.returned_on)))
            return None
        self.card = card
        u.cardInfoLabel.setText(_("Card {serial} · ticket {ticket} · {customer} · technician {technician} · "
                                  "handed out {day}").format(serial=card.serial, ticket=card.ticket_number,
                                                             customer=card.customer_name,
                                                             technician=card.technician or "—",
                                                             day=when(card.issued_on)))
        u.messageLabel.clear()
        u.quality3Radio.setFocus()
        return card

    def rate(self, group: QButtonGroup, value: int) -> None:
        """A number key in a row of ratings: tick it and go on to the next field."""
        button = group.button(value)
        button.setChecked(True)
        u = self.ui
        if group is self.quality:
            target = self.attitude.checkedButton() or u.attitude3Radio
            target.setFocus()
        else:
            u.signedCheck.setFocus()

    def save(self) -> fu.CardView | None:
        u = self.ui
        if self.card is None:
            if u.cardEdit.text().strip() and self.look_up() is None:
                return None
            if self.card is None:
                show_inline(u.messageLabel, _("Scan or type the ticket or card number first."))
                u.cardEdit.setFocus()
                return None
        card_id = self.card.id
        actor = self.ctx.actor
        quality, attitude = self.quality.checkedId(), self.attitude.checkedId()
        signed, comment = u.signedCheck.isChecked(), u.commentEdit.text()

        def work(s: Session, _approver: Actor | None) -> fu.CardView:
            fu.enter_card(s, actor, card_id, quality=quality, attitude=attitude, signed=signed,
                          comment=comment)
            return fu.card_view(s, card_id)

        saved = self.ctx.write(work, self, u.messageLabel)
        if saved is None:
            return None
        if saved.satisfied:
            done = _("Card {serial} saved: satisfied.").format(serial=saved.serial)
        else:
            done = _("Card {serial} saved: not satisfied. A follow-up call-back is due {due}.").format(
                serial=saved.serial, due=when(saved.follow_up_due))
        if saved.satisfied and not saved.signed:
            done += " " + _("Not signed by the customer: supervision will flag it.")
        self.clear()
        show_inline(u.messageLabel, done, ok=True)
        self.refresh()
        self.card_entered.emit(saved.id)
        return saved

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.save()
                return True
            if key in NUMBER_KEYS and isinstance(watched, QRadioButton):
                group = self.quality if watched.group() is self.quality else self.attitude
                self.rate(group, NUMBER_KEYS[key])
                return True
        return super().eventFilter(watched, event)
