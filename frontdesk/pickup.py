"""Pick-up: the customer collects the product, and the ticket closes
(docs/rules.md#pick-up).

Before the product is handed over: the money is settled (or a manager lets
it be owed, with a reason), the loaner is back, and every accessory taken in
is ticked as handed back.  The pick-up receipt then says what was done, what
was paid, and the warranty on the shop's own repair.  Products ready and not
collected are listed by days waiting; the customer is called at once when
the product is ready, and again after the shop's number of days
(:mod:`frontdesk.followup.service`).

This module sits above intake, billing and the loaners (it reads all three),
so none of them imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import audit, clock, settings
from frontdesk.billing import payments
from frontdesk.db.models import Customer, Product, Ticket
from frontdesk.errors import IllegalTransition, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import repairs, states
from frontdesk.intake.service import accessory_label, get_ticket, move
from frontdesk.intake.timeline import add_event
from frontdesk.loaners import service as loaners
from frontdesk.money import ZERO, format_money
from frontdesk.users import Actor, display_name, require_manager

MAX_REASON = 500


@dataclass(frozen=True)
class PickupCheck:
    """What the desk checks with the customer before handing the product over."""

    ticket_id: int
    number: str
    state: str
    customer: str
    product: str
    accessories: tuple[str, ...]  # taken in at intake or with the pull-back: each is ticked as handed back
    outstanding: Decimal  # > 0: still to pay
    paid: Decimal
    loaner_out: str  # the asset tag of a loaner still out, or ""
    at_workshop: bool  # pulled back and not yet back at the counter
    repair: repairs.RepairView | None
    repair_warranty_days: int
    currency: str = "CNY"

    @property
    def problems(self) -> list[str]:
        """What stands in the way, in the order the desk deals with it."""
        out = []
        if self.state != states.READY:
            out.append(_("The ticket is {state}, not ready for pick-up.").format(state=states.label(self.state)))
        if self.at_workshop:
            out.append(_("The product is still at the workshop."))
        if self.loaner_out:
            out.append(_("Loaner {tag} is still out: take it back first.").format(tag=self.loaner_out))
        if self.outstanding > ZERO:
            out.append(_("{amount} is still to pay.").format(amount=format_money(self.outstanding, self.currency)))
        return out


def _accessories(session: Session, ticket: Ticket) -> tuple[str, ...]:
    items = list(ticket.accessories or [])
    pb = loaners.last_pullback(session, ticket.id)
    for item in (pb.accessories if pb is not None else []):
        # One box per thing: "charger" taken in at the counter is the 充电器 the pull-back listed.
        if item not in items and accessory_label(item) not in {accessory_label(i) for i in items}:
            items.append(item)
    return tuple(items)


def check(session: Session, ticket_id: int) -> PickupCheck:
    ticket = get_ticket(session, ticket_id)
    customer = session.get(Customer, ticket.customer_id)
    product = session.get(Product, ticket.product_id) if ticket.product_id else None
    loan = loaners.open_loan_of_ticket(session, ticket.id)
    tag = loaners.get_unit(session, loan.unit_id).tag if loan is not None else ""
    bal = payments.balance(session, ticket.id)
    what = " ".join(x for x in ((product.brand, product.model) if product else ()) if x)
    return PickupCheck(
        ticket.id, ticket.number, ticket.state, customer.name if customer else "", what,
        _accessories(session, ticket), bal.outstanding, bal.paid, tag,
        loaners.product_location(session, ticket.id) == loaners.AT_WORKSHOP,
        repairs.repair_of(session, ticket.id), int(settings.get(session, "repair_warranty_days")),
        str(settings.get(session, "currency")))


def mark_ready(session: Session, actor: Actor, ticket_id: int, note: str = "",
               now: datetime | None = None) -> Ticket:
    """The work is done and the product is at the counter: ready for pick-up
    (the "please collect" call-back is raised by the move)."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    if loaners.product_location(session, ticket.id) == loaners.AT_WORKSHOP:
        raise IllegalTransition(_("The product of ticket {number} is still at the workshop: mark it back at the "
                                  "counter first.").format(number=ticket.number))
    return move(session, actor, ticket.id, states.READY, note, now=now)


def pick_up(session: Session, actor: Actor, ticket_id: int, handed_back: list[str], owed_reason: str = "",
            approver: Actor | None = None, now: datetime | None = None) -> Ticket:
    """The customer collects the product: the ticket closes.

    ``handed_back`` are the accessories ticked as handed over; each one taken
    in must be there.  Money still owed needs a manager (``approver``) and
    ``owed_reason``; a loaner still out needs a manager too (the close asks)."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    if ticket.state in (states.REPAIRED, states.DECLINED):
        mark_ready(session, actor, ticket.id, now=now)
    if ticket.state != states.READY:
        raise IllegalTransition(_("Ticket {number} is {state}: only a product ready for pick-up is collected.")
                                .format(number=ticket.number, state=states.label(ticket.state)))
    found = check(session, ticket.id)
    problems: dict[str, str] = {}
    missing = [a for a in found.accessories if a not in handed_back]
    if missing:
        problems["accessories"] = _("Tick what was handed back: {items}.").format(
            items=", ".join(map(accessory_label, missing)))
    reason = (owed_reason or "").strip()[:MAX_REASON]
    if found.outstanding > ZERO and (actor.is_manager or (approver is not None and approver.is_manager)) \
            and not reason:
        problems["owed_reason"] = _("Say why {amount} may be owed.").format(
            amount=format_money(found.outstanding, found.currency))
    if problems:
        raise ValidationError(problems)
    if found.outstanding > ZERO:
        owed = format_money(found.outstanding, found.currency)
        manager = require_manager(actor, approver, _("let the customer take the product with {amount} still owed")
                                  .format(amount=owed))
        add_event(session, ticket, actor, "owed",
                  Message(N_("{amount} owed at pick-up, on {manager}'s word: {reason}"),
                          amount=owed, manager=display_name(session, manager.id), reason=reason), now=now)
        audit.record(session, actor.id, "pickup.owed", "ticket", ticket.id,
                     {"owed": found.outstanding, "reason": reason}, approver_id=manager.id, at=now)
    pb = loaners.open_pullback(session, ticket.id)
    if pb is not None:
        loaners.hand_back(session, actor, ticket.id, now=now)
    move(session, actor, ticket.id, states.CLOSED, approver=approver, now=now, picked_up=True,
         said=Message(N_("Picked up by the customer")))
    audit.record(session, actor.id, "pickup", "ticket", ticket.id,
                 {"accessories": list(found.accessories), "paid": found.paid}, at=now)
    return ticket


@dataclass(frozen=True)
class Waiting:
    ticket_id: int
    number: str
    customer: str
    phone: str
    product: str
    ready_at: datetime
    days_waiting: int


def uncollected(session: Session, today: date | None = None, min_days: int = 0) -> list[Waiting]:
    """Products ready for pick-up and not collected, longest waiting first."""
    today = today or clock.now().date()
    query = (select(Ticket.id, Ticket.number, Customer.name, Customer.phone_display, Product.brand, Product.model,
                    Ticket.ready_at, Ticket.updated_at)
             .join(Customer, Customer.id == Ticket.customer_id)
             .outerjoin(Product, Product.id == Ticket.product_id)
             .where(Ticket.state == states.READY)
             .order_by(Ticket.ready_at, Ticket.id))
    if min_days > 0:
        query = query.where(Ticket.ready_at < datetime.combine(today - timedelta(days=min_days - 1),
                                                               datetime.min.time()))
    out = []
    for tid, number, name, phone, brand, model, ready_at, updated in session.execute(query):
        since = ready_at or updated
        out.append(Waiting(tid, number, name, phone or "", " ".join(x for x in (brand, model) if x), since,
                           (today - since.date()).days))
    return out
