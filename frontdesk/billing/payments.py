"""Payments, receipts (收据), waivers and invoices owed (发票).

Every payment, deposit, refund or correction is a receipt numbered from one
gapless sequence per shop and year (``R2026-000123``).  The number is drawn
with :func:`frontdesk.numbering.next_number` in the same transaction that
records the money: the sequence row stays locked until that transaction
ends (PostgreSQL row lock; SQLite takes the write lock at BEGIN IMMEDIATE),
so no two counters draw one number, and a transaction that fails gives its
number back, leaving no gap.  Before reading the balance the service also
locks the ticket's billing row, so two counters settling the same ticket
cannot both take the last yuan.

The balance of a ticket::

    due          what its decided quote makes owed (approved: the total;
                 declined: the inspection fee or nothing)
    waived       waivers and discounts a manager approved
    paid         payments, less refunds beyond the deposits
    deposits_held deposits, less refunds
    outstanding  due - waived - paid - deposits_held  (negative: the shop
                 owes the customer that much, refundable)

A void keeps the receipt and its number, with the reason and the manager who
approved it; a voided receipt no longer counts.  A correction is a new
receipt naming the one it corrects, carrying the corrected amount; its
``net`` is the difference it makes, so a closed day's figures never change.
A reprint says COPY and is counted.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from frontdesk import audit, clock, counters, numbering, settings
from frontdesk.billing.models import Quote, QuoteLine, Receipt, TicketBilling, Waiver
from frontdesk.billing.pricing import applied_label, kind_label
from frontdesk.billing.quotes import APPROVED, DECLINED, STAGE_DECLINE, STAGE_QUOTE, billing_row, current_quote
from frontdesk.billing.tax import receipt_tax, tax_due_at, tax_in
from frontdesk.dayclose import models as daylock
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Customer, Ticket, User
from frontdesk.errors import ClockWentBack, IllegalTransition, NotFound, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake.service import get_ticket
from frontdesk.intake.timeline import add_event
from frontdesk.intake.warranty import category_label
from frontdesk.jsonable import jsonable
from frontdesk.money import ZERO, format_money, to_decimal, to_money
from frontdesk.plaintext import one_line
from frontdesk.users import Actor, display_name, display_name_column, require_manager

log = logging.getLogger(__name__)

CASH = "cash"
CARD = "card"
MOBILE = "mobile"
TRANSFER = "transfer"
FROM_DEPOSIT = "from_deposit"  # no money changes hands: part of a held deposit changes purpose
METHODS: dict[str, str] = {
    CASH: N_("Cash"),
    CARD: N_("Bank card"),
    MOBILE: N_("Mobile pay"),
    TRANSFER: N_("Bank transfer"),
}
METHOD_LABELS: dict[str, str] = {**METHODS, FROM_DEPOSIT: N_("From the deposit")}
PAYMENT = "payment"
DEPOSIT = "deposit"
REFUND = "refund"
DEPOSIT_REFUND = "deposit_refund"
DAMAGE = "damage"
DEPOSIT_APPLIED = "deposit_applied"
CORRECTION = "correction"
RECEIPT_KINDS: dict[str, str] = {
    PAYMENT: N_("Payment"),
    DEPOSIT: N_("Loaner deposit"),
    REFUND: N_("Money refunded"),
    DEPOSIT_REFUND: N_("Deposit refunded"),
    DAMAGE: N_("Damage charge"),
    DEPOSIT_APPLIED: N_("Deposit put toward the bill"),
    CORRECTION: N_("Correction"),
}
# Money toward the repair bill (refunds of it count against it), and the
# kinds of the security deposit, which stays apart from the bill
# (docs/rules.md#loaner-deposits).
BILL_KINDS = frozenset({PAYMENT, REFUND, DEPOSIT_APPLIED})
DEPOSIT_KINDS = frozenset({DEPOSIT, DEPOSIT_REFUND, DAMAGE})
OUTGOING = frozenset({REFUND, DEPOSIT_REFUND})  # money leaves the drawer
NO_CASH = frozenset({DAMAGE, DEPOSIT_APPLIED})  # no money changes hands
SEQUENCE = "receipt"
PREFIX = "R"
MAX_REASON = 500
MAX_AMOUNT = Decimal("1e10")  # Numeric(12, 2) holds less


def kind_text(kind: str) -> str:
    return _(RECEIPT_KINDS.get(kind, kind))


def method_text(method: str) -> str:
    return _(METHOD_LABELS.get(method, method))


# -- balance -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Balance:
    """What a ticket owes and holds.  The repair bill: ``due`` less
    ``waived`` less ``paid`` (payments and deposits put toward it, less the
    bill's refunds) is ``outstanding`` (negative: the shop owes the customer
    that much).  The loaner's security deposit is apart from it: taken,
    refunded, kept for damage, put toward the bill, and what is still held."""

    due: Decimal
    waived: Decimal
    paid: Decimal
    deposits_held: Decimal
    outstanding: Decimal  # negative: the customer is owed a refund
    deposits_taken: Decimal = ZERO
    deposits_refunded: Decimal = ZERO
    deposits_kept: Decimal = ZERO
    deposits_applied: Decimal = ZERO
    tax_carried: Decimal = ZERO  # the tax the standing bill receipts carry

    @property
    def refundable(self) -> Decimal:
        return max(ZERO, -self.outstanding)


def _standing(session: Session, ticket_id: int) -> list[Receipt]:
    """The ticket's receipts that count: those not voided (a correction
    counts by its ``net``, the difference it makes)."""
    return list(session.scalars(select(Receipt).where(Receipt.ticket_id == ticket_id, Receipt.voided_at.is_(None))
                                .order_by(Receipt.id)))


def _tax_carried(receipts: list[Receipt]) -> Decimal:
    """The bill's tax the receipts carry: each standing bill receipt's tax
    with its sign (a refund carries tax back); a corrected receipt's tax
    gives way to its correction's."""
    replaced = {r.corrects_receipt_id for r in receipts if r.corrects_receipt_id is not None}
    total = ZERO
    for r in receipts:
        if r.id in replaced or r.counts_as not in BILL_KINDS:
            continue
        total += -r.tax if r.counts_as == REFUND else r.tax
    return total


def balance(session: Session, ticket_id: int) -> Balance:
    due = sum(session.scalars(select(Quote.owed).where(Quote.ticket_id == ticket_id,
                                                       Quote.state.in_((APPROVED, DECLINED)))), ZERO)
    waived = sum(session.scalars(select(Waiver.amount).where(Waiver.ticket_id == ticket_id)), ZERO)
    receipts = _standing(session, ticket_id)
    money: dict[str, Decimal] = dict.fromkeys(RECEIPT_KINDS, ZERO)
    for r in receipts:
        # No money moves on a damage charge or a deposit put toward the bill
        # (net 0): they count by their amount.
        money[r.counts_as] += r.amount if r.counts_as in NO_CASH else r.net
    paid = money[PAYMENT] + money[REFUND] + money[DEPOSIT_APPLIED]
    taken, refunded = money[DEPOSIT], -money[DEPOSIT_REFUND]
    kept, applied = money[DAMAGE], money[DEPOSIT_APPLIED]
    return Balance(due, waived, paid, taken - refunded - kept - applied, due - waived - paid,
                   deposits_taken=taken, deposits_refunded=refunded, deposits_kept=kept, deposits_applied=applied,
                   tax_carried=_tax_carried(receipts))


# -- views ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptLine:
    kind: str
    kind_label: str
    description: str
    qty: int
    schedule_price: Decimal | None
    card_price: Decimal | None
    applied: str
    applied_label: str
    unit_price: Decimal
    amount: Decimal
    in_warranty: bool
    saving: Decimal


@dataclass(frozen=True)
class ReceiptView:
    """A receipt as printed: the settlement list at the time it was issued
    (every line with both standards and the one applied), the payment, and
    what happened to it since (void, correction, reprints)."""

    id: int
    number: str
    ticket_id: int
    ticket_number: str
    customer: str
    issued_at: datetime
    issued_by: str
    kind: str
    kind_label: str
    method: str
    method_label: str
    currency: str
    amount: Decimal
    net: Decimal  # signed change to what the shop holds for the ticket
    tax: Decimal  # the tax contained in ``amount``
    tendered: Decimal | None
    change: Decimal | None
    lines: tuple[ReceiptLine, ...]
    subtotal: Decimal
    tax_rate: Decimal
    bill_tax: Decimal
    bill_total: Decimal
    saving: Decimal
    waived: Decimal
    paid_before: Decimal
    outstanding_after: Decimal
    shop_name: str
    shop_address: str
    shop_phone: str
    footer: str
    voided: bool
    voided_at: datetime | None
    void_reason: str
    void_approver: str | None
    corrects_number: str | None
    corrected_amount: Decimal | None  # the amount the corrected receipt stood for
    correction_reason: str
    corrected_by_number: str | None  # the correction that replaced this one (not voided)
    reprints: int
    copy: bool
    product: str = ""  # brand, category, model and serial of the ticket's product
    counts_as: str = PAYMENT
    tax_included: bool = False  # the bill's prices include VAT
    deposit: Mapping[str, Decimal] = field(default_factory=dict)  # taken, refunded, kept, applied, held
    damage: str = ""  # what a damage charge is for
    deposit_receipts: tuple[str, ...] = ()  # the deposit a charge or an application comes from

    @property
    def title(self) -> str:
        title = _("RECEIPT")
        if self.voided:
            title += " · " + _("VOID")
        if self.copy:
            title += " · " + _("COPY")
        return title

    def money(self, amount: Decimal) -> str:
        return format_money(amount, self.currency)

    @property
    def is_deposit(self) -> bool:
        return self.counts_as in DEPOSIT_KINDS

    def bill_rows(self) -> list[tuple[str, str]]:
        """The bill's totals under its lines: with prices that include VAT,
        the total and the VAT it contains; before tax, subtotal, tax, total."""
        m, rate = self.money, (self.tax_rate * 100).normalize()
        rows: list[tuple[str, str]] = []
        if not self.tax_included:
            rows.append((_("Subtotal"), m(self.subtotal)))
        if self.saving:
            rows.append((_("Saving against the fee schedule"), m(self.saving)))
        if self.waived:
            rows.append((_("Waived"), "-" + m(self.waived)))
        if self.tax_included:
            rows += [(_("Total"), m(self.bill_total)),
                     (_("of which VAT {rate}%").format(rate=rate), m(self.bill_tax))]
        else:
            rows += [(_("VAT {rate}%").format(rate=rate), m(self.bill_tax)), (_("Total"), m(self.bill_total))]
        return rows

    def money_rows(self) -> list[tuple[str, str]]:
        """What this receipt moves and what it leaves: the amount, its tax,
        cash tendered and change, and the bill or deposit after it."""
        m = self.money
        # No money changes hands on a damage charge or a deposit put toward the bill: the kind says it all.
        first = self.kind_label if self.counts_as in NO_CASH else _("{kind} by {method}").format(
            kind=self.kind_label, method=self.method_label)
        rows = [(first, m(self.amount))]
        if self.counts_as == DAMAGE:
            rows.append((_("For: {damage}").format(damage=self.damage), ""))
        if self.is_deposit and self.counts_as != DAMAGE:
            rows.append((_("A security deposit: no tax, not a payment for the repair."), ""))
        elif self.tax_included or self.counts_as == DAMAGE:
            rows.append((_("of which VAT"), m(self.tax)))
        else:
            rows.append((_("VAT in this amount"), m(self.tax)))
        if self.deposit_receipts and self.counts_as in (DAMAGE, DEPOSIT_APPLIED):
            rows.append((_("From the deposit of receipt {numbers}").format(numbers=", ".join(self.deposit_receipts)),
                         ""))
        if self.tendered is not None:
            rows += [(_("Tendered"), m(self.tendered)), (_("Change"), m(self.change or ZERO))]
        if self.is_deposit or self.counts_as == DEPOSIT_APPLIED:
            d = self.deposit
            rows.append((_("Deposit taken"), m(d.get("taken", ZERO))))
            for key, label in (("applied", _("Put toward the bill")), ("kept", _("Kept for damage")),
                               ("refunded", _("Refunded"))):
                if d.get(key):
                    rows.append((label, m(d[key])))
            rows.append((_("Deposit still held"), m(d.get("held", ZERO))))
        if not self.is_deposit:
            if self.paid_before:
                rows.append((_("Paid before"), m(self.paid_before)))
            rows.append((_("Still to pay"), m(max(ZERO, self.outstanding_after))))
        return rows

    @property
    def text(self) -> str:
        """The receipt as plain text (the 80 mm printer, the preview, tests)."""
        m = self.money
        out = [self.shop_name, self.title, _("No. {number}").format(number=self.number)]
        if self.shop_address:
            out.append(self.shop_address)
        if self.shop_phone:
            out.append(self.shop_phone)
        out += [
            _("Ticket {number}").format(number=self.ticket_number),
            _("Customer: {name}").format(name=self.customer),
            *([_("Product: {product}").format(product=self.product)] if self.product else []),
            _("Issued {at} by {user}").format(at=self.issued_at.strftime("%Y-%m-%d %H:%M"), user=self.issued_by),
            "",
        ]
        for ln in self.lines:
            out.append(f"{ln.description}  x{ln.qty}  {m(ln.amount)}")
            standards = _("schedule {schedule} / card {card} -> {applied}").format(
                schedule=m(ln.schedule_price) if ln.schedule_price is not None else "-",
                card=m(ln.card_price) if ln.card_price is not None else "-", applied=ln.applied_label)
            out.append("  " + standards)
        if self.lines:
            out += ["", *(f"{label} {value}".strip() for label, value in self.bill_rows())]
        out.append("")
        out += [f"{label}: {value}" if value else label for label, value in self.money_rows()]
        if self.corrects_number:
            out.append(_("Corrects receipt {number} ({amount}): {reason}").format(
                number=self.corrects_number, amount=m(self.corrected_amount or ZERO), reason=self.correction_reason))
        if self.voided:
            out.append(_("VOID: {reason} (approved by {manager})").format(
                reason=self.void_reason, manager=self.void_approver or ""))
        if self.corrected_by_number:
            out.append(_("Corrected by receipt {number}").format(number=self.corrected_by_number))
        if self.copy:
            out.append(_("COPY: reprint {count}").format(count=self.reprints))
        if self.footer:
            out += ["", self.footer]
        out.append(_("This receipt is not a tax invoice."))
        return "\n".join(out)


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    number: str
    ticket_id: int
    ticket_number: str
    customer: str
    issued_at: datetime
    issued_by: str
    kind: str
    kind_label: str
    method: str
    method_label: str
    amount: Decimal
    net: Decimal
    voided: bool
    corrects_number: str | None
    reprints: int


def _d(value: Any) -> Decimal | None:
    return Decimal(value) if value is not None else None


def get_receipt(session: Session, receipt_id: int) -> Receipt:
    receipt = get_or_not_found(session, Receipt, receipt_id, _("No such receipt."))
    return receipt


def find_receipt(session: Session, number: str) -> Receipt:
    receipt = session.scalar(select(Receipt).where(Receipt.number == (number or "").strip().upper()))
    if receipt is None:
        raise NotFound(_("No receipt numbered {number}.").format(number=number))
    return receipt


def _active_correction(session: Session, receipt_id: int) -> Receipt | None:
    return session.scalar(select(Receipt).where(Receipt.corrects_receipt_id == receipt_id,
                                                Receipt.voided_at.is_(None)).order_by(Receipt.id.desc()).limit(1))


def receipt_view(session: Session, receipt_id: int, copy: bool = False) -> ReceiptView:
    r = get_receipt(session, receipt_id)
    snap: Mapping[str, Any] = r.lines or {}
    lines = tuple(
        ReceiptLine(
            kind=ln["kind"], kind_label=kind_label(ln["kind"]), description=ln.get("description", ""),
            qty=int(ln.get("qty", 1)), schedule_price=_d(ln.get("schedule_price")), card_price=_d(ln.get("card_price")),
            applied=ln["applied"], applied_label=applied_label(ln["applied"]), unit_price=Decimal(ln["unit_price"]),
            amount=Decimal(ln["amount"]), in_warranty=bool(ln.get("in_warranty")), saving=Decimal(ln.get("saving", "0")),
        )
        for ln in snap.get("lines", [])
    )
    corrects = r.corrects
    corrected_by = _active_correction(session, r.id)
    return ReceiptView(
        id=r.id, number=r.number, ticket_id=r.ticket_id, ticket_number=snap.get("ticket", r.ticket.number),
        customer=snap.get("customer", ""), issued_at=r.issued_at, issued_by=display_name(session, r.issued_by_id) or "",
        kind=r.kind, kind_label=kind_text(r.kind), method=r.method,
        method_label=method_text(r.method), currency=r.currency, amount=r.amount, net=r.net, tax=r.tax,
        tendered=r.tendered, change=r.change, lines=lines,
        subtotal=Decimal(snap.get("subtotal", "0")), tax_rate=Decimal(snap.get("tax_rate", "0")),
        bill_tax=Decimal(snap.get("tax", "0")), bill_total=Decimal(snap.get("total", "0")),
        saving=Decimal(snap.get("saving", "0")), waived=Decimal(snap.get("waived", "0")),
        paid_before=Decimal(snap.get("paid_before", "0")), outstanding_after=Decimal(snap.get("outstanding_after", "0")),
        shop_name=snap.get("shop_name", ""), shop_address=snap.get("shop_address", ""),
        shop_phone=snap.get("shop_phone", ""), footer=snap.get("footer", ""),
        voided=r.voided_at is not None, voided_at=r.voided_at, void_reason=r.void_reason,
        void_approver=display_name(session, r.void_approver_id),
        corrects_number=corrects.number if corrects is not None else None,
        corrected_amount=_d(snap.get("corrected_amount")), correction_reason=r.correction_reason,
        corrected_by_number=corrected_by.number if corrected_by is not None else None,
        reprints=r.reprints, copy=copy, product=_product_text(r.ticket), counts_as=r.counts_as,
        tax_included=bool(snap.get("tax_included", False)),
        deposit={k: Decimal(v) for k, v in (snap.get("deposit") or {}).items()},
        damage=str(snap.get("damage", "")), deposit_receipts=tuple(snap.get("deposit_receipts") or ()),
    )


def _product_text(ticket: Ticket) -> str:
    product = ticket.product
    if product is None:
        return ""
    text = " ".join(p for p in (product.brand, category_label(product.category), product.model) if p)
    return f"{text}  {_('S/N {serial}').format(serial=product.serial)}" if product.serial else text


def list_receipts(session: Session, day: date | None = None, ticket_id: int | None = None,
                  text: str = "") -> list[ReceiptRow]:
    """Receipts in number order: of one day, one ticket, and/or whose
    receipt or ticket number contains ``text``."""
    query = (
        select(Receipt, Ticket.number, Customer.name, display_name_column())
        .join(Ticket, Ticket.id == Receipt.ticket_id)
        .join(Customer, Customer.id == Ticket.customer_id)
        .join(User, User.id == Receipt.issued_by_id)
        .order_by(Receipt.year, Receipt.seq)
    )
    if day is not None:
        start = datetime.combine(day, datetime.min.time())
        query = query.where(Receipt.issued_at >= start, Receipt.issued_at < start + timedelta(days=1))
    if ticket_id is not None:
        query = query.where(Receipt.ticket_id == ticket_id)
    needle = (text or "").strip().upper()
    if needle:
        query = query.where(or_(Receipt.number.contains(needle, autoescape=True),
                                Ticket.number.contains(needle, autoescape=True)))
    rows = session.execute(query).all()
    corrected = {r.corrects_receipt_id for r, *_rest in rows if r.corrects_receipt_id}
    numbers = dict(session.execute(select(Receipt.id, Receipt.number).where(Receipt.id.in_(corrected)))
                   .all()) \
        if corrected else {}
    return [
        ReceiptRow(r.id, r.number, r.ticket_id, ticket_number, customer, r.issued_at, user, r.kind,
                   kind_text(r.kind), r.method, method_text(r.method), r.amount, r.net,
                   r.voided_at is not None, numbers.get(r.corrects_receipt_id) if r.corrects_receipt_id else None,
                   r.reprints)
        for r, ticket_number, customer, user in rows
    ]


# -- issuing -------------------------------------------------------------------------------

def _money(value: Decimal | int | str | None, fieldname: str, label: str) -> Decimal | None:
    """An amount typed at the desk; a float is a bug (TypeError)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return to_money(value)
    except ValueError as exc:
        raise ValidationError({fieldname: _("{field}: {problem}").format(field=label, problem=exc)}) from exc


def _positive(value: Decimal | int | str | None, fieldname: str, label: str) -> Decimal:
    amount = _money(value, fieldname, label)
    if amount is None or amount <= 0:
        raise ValidationError({fieldname: _("{field} must be more than zero.").format(field=label)})
    if amount >= MAX_AMOUNT:
        raise ValidationError({fieldname: _("{field} is too large.").format(field=label)})
    return amount


def _reason(text: str, fieldname: str, missing: str) -> str:
    clean = one_line(text)
    if not clean:
        raise ValidationError({fieldname: missing})
    if len(clean) > MAX_REASON:
        raise ValidationError({fieldname: _("The reason is too long (at most {limit} characters).").format(
            limit=MAX_REASON)})
    return clean


def _bill(session: Session, ticket_id: int) -> tuple[Quote | None, list[QuoteLine], Decimal, Decimal]:
    """The quote a receipt settles, its lines, and the (total, tax) of what
    it makes owed: the approved total, the inspection fee of a declined
    quote, or the quoted total of a draft."""
    quote = current_quote(session, ticket_id)
    if quote is None:
        return None, [], ZERO, ZERO
    if quote.state == DECLINED:
        lines = [ln for ln in quote.lines if ln.stage == STAGE_DECLINE]
        charged = sum((ln.amount for ln in lines), ZERO)
        if quote.prices_include_tax:
            return quote, lines, quote.owed, tax_in(quote.owed, quote.tax_rate)
        return quote, lines, quote.owed, quote.owed - charged
    lines = [ln for ln in quote.lines if ln.stage == STAGE_QUOTE]
    return quote, lines, quote.total, quote.tax


def _bill_tax(session: Session, ticket_id: int, before: Balance, amount: Decimal, paid_after: Decimal, *,
              inflow: bool, replaced: Receipt | None = None) -> Decimal:
    """The tax a new receipt toward the bill carries (:mod:`frontdesk.billing.tax`):
    the bill is what the customer pays (less waivers), its tax in proportion."""
    _quote, _lines, total, tax = _bill(session, ticket_id)
    payable = max(ZERO, total - before.waived)
    carried = before.tax_carried
    if replaced is not None and replaced.counts_as in BILL_KINDS:
        carried -= -replaced.tax if replaced.counts_as == REFUND else replaced.tax
    return receipt_tax(amount, inflow=inflow, paid_after=paid_after, carried_before=carried, total=payable,
                       tax=tax_due_at(payable, total, tax))


def _snapshot(session: Session, ticket: Ticket, quote: Quote | None, lines: list[QuoteLine], total: Decimal,
              tax: Decimal, before: Balance, bill_change: Decimal, deposit_change: Mapping[str, Decimal],
              show_bill: bool, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    shop = settings.load(session)
    held = before.deposits_held + deposit_change.get("taken", ZERO) - deposit_change.get("refunded", ZERO) \
        - deposit_change.get("kept", ZERO) - deposit_change.get("applied", ZERO)
    deposit = {
        "taken": before.deposits_taken + deposit_change.get("taken", ZERO),
        "refunded": before.deposits_refunded + deposit_change.get("refunded", ZERO),
        "kept": before.deposits_kept + deposit_change.get("kept", ZERO),
        "applied": before.deposits_applied + deposit_change.get("applied", ZERO),
        "held": held,
    }
    return {
        "shop_name": shop["shop_name"], "shop_address": shop["shop_address"], "shop_phone": shop["shop_phone"],
        "shop_code": shop["shop_code"], "footer": shop["receipt_footer"],
        "ticket": ticket.number, "customer": ticket.customer.name,
        "quote_id": quote.id if quote else None, "quote_state": quote.state if quote else None,
        "lines": [{
            "kind": ln.kind, "code": ln.code, "description": ln.description, "qty": ln.qty,
            "schedule_price": jsonable(ln.schedule_price), "card_price": jsonable(ln.card_price), "applied": ln.applied,
            "unit_price": str(ln.unit_price), "amount": str(ln.amount), "in_warranty": ln.in_warranty,
            "saving": str(ln.saving),
        } for ln in lines] if show_bill else [],
        "subtotal": str(total - tax), "tax_rate": str(quote.tax_rate if quote else ZERO), "tax": str(tax),
        "tax_included": bool(quote.prices_include_tax) if quote else bool(settings.get(session, "prices_include_tax")),
        "total": str(total), "saving": str(sum((ln.saving for ln in lines), ZERO)),
        "waived": str(before.waived), "paid_before": str(before.paid),
        "outstanding_before": str(before.outstanding), "outstanding_after": str(before.outstanding - bill_change),
        "deposit": {k: str(v) for k, v in deposit.items()},
        **{k: jsonable(v) for k, v in (extra or {}).items()},
    }


CLOCK_TOLERANCE = timedelta(minutes=10)  # counters' clocks differ a little; a day back is not a little


def _check_clock(session: Session, now: datetime) -> None:
    """Refuse a receipt dated before the last one issued (at any counter),
    beyond a few minutes' difference between the counters' clocks, or on an
    earlier day: a clock set back would put money on a day already counted
    or closed (docs/rules.md, "Days stay closed")."""
    last = session.execute(select(Receipt.number, Receipt.issued_at)
                           .order_by(Receipt.issued_at.desc()).limit(1)).first()
    if last is None:
        return
    number, issued_at = last
    if now.date() < issued_at.date() or now < issued_at - CLOCK_TOLERANCE:
        raise ClockWentBack(_("This computer's clock says {now}, but receipt {number} was already issued at {at}: "
                              "the clock has gone back. Set the date and time right, then try again; nothing was "
                              "recorded.").format(now=now.strftime("%Y-%m-%d %H:%M"), number=number,
                                                  at=issued_at.strftime("%Y-%m-%d %H:%M")))


def _issue(session: Session, actor: Actor, ticket: Ticket, *, kind: str, counts_as: str, method: str,
           amount: Decimal, net: Decimal, tax: Decimal, before: Balance, now: datetime, counter: str,
           bill_change: Decimal = ZERO, deposit_change: Mapping[str, Decimal] | None = None,
           tendered: Decimal | None = None, change: Decimal | None = None, corrects: Receipt | None = None,
           correction_reason: str = "", approver_id: int | None = None,
           extra: Mapping[str, Any] | None = None) -> Receipt:
    quote, lines, total, bill_tax = _bill(session, ticket.id)
    year = now.year
    seq = numbering.next_number(session, SEQUENCE, year)  # locks the numbering: no receipt is issued meanwhile
    _check_clock(session, now)
    receipt = Receipt(
        number=numbering.format_number(PREFIX, year, seq), year=year, seq=seq, ticket_id=ticket.id,
        quote_id=quote.id if quote else None, issued_at=now, issued_by_id=actor.id, counter=counter, kind=kind,
        counts_as=counts_as,
        method=method, currency=str(settings.get(session, "currency")), amount=amount, net=net,
        tax=tax, tendered=tendered, change=change,
        lines=_snapshot(session, ticket, quote, lines, total, bill_tax, before, bill_change, deposit_change or {},
                        counts_as in BILL_KINDS, extra),
        void_reason="", corrects_receipt_id=corrects.id if corrects else None, correction_reason=correction_reason,
        reprints=0,
    )
    session.add(receipt)
    session.flush()
    audit.record(session, actor.id, f"receipt.{kind}", "receipt", receipt.id, {
        "number": receipt.number, "ticket": ticket.number, "kind": kind, "method": method, "amount": amount,
        "net": net, "tax": tax, "tendered": tendered, "change": change,
        "corrects": corrects.number if corrects else None,
    }, approver_id=approver_id, at=now)
    add_event(session, ticket, actor, "receipt", Message(
        N_("Receipt {number}: {kind} {amount} ({method})"), number=receipt.number,
        kind=Message(RECEIPT_KINDS.get(kind, kind), lower=True), amount=format_money(amount, receipt.currency),
        method=Message(METHOD_LABELS.get(method, method))), now=now)
    log.info("receipt %s: %s %s %s for %s", receipt.number, kind, method, amount, ticket.number)
    return receipt


def _cash(method: str, value: Decimal, given: Decimal | None, currency: str, *, outgoing: bool
          ) -> tuple[Decimal | None, Decimal | None]:
    """(tendered, change) of money coming in: cash tendered (default: the
    exact amount) must cover the amount."""
    if method != CASH or outgoing:
        return None, None
    given = value if given is None else given
    if given < value:
        raise ValidationError({"tendered": _("The cash tendered ({tendered}) is less than the amount "
                                             "({amount}).").format(tendered=format_money(given, currency),
                                                                   amount=format_money(value, currency))})
    return given, given - value


def take_payment(session: Session, actor: Actor, ticket_id: int, method: str, amount: Decimal | int | str,
                 tendered: Decimal | int | str | None = None, kind: str = PAYMENT,
                 now: datetime | None = None, *, counter: str) -> ReceiptView:
    """Take money or give it back at ``counter`` (its drawer) and issue its
    receipt: a payment toward the bill, a refund of the bill, a loaner's
    security deposit, or the refund of a deposit held.

    Partial payments are allowed; paying more than is outstanding is refused;
    a refund returns at most what the customer is owed; a deposit is any
    amount, whatever the bill says, and carries no tax; a deposit refund is
    at most what is held.  Cash: ``tendered`` (default: the exact amount)
    must cover the amount; the change is on the receipt."""
    now = now or clock.now()
    counter = counters.checked(counter)
    if method not in METHODS:
        raise ValidationError({"method": _("Choose how the customer pays: cash, bank card, mobile pay or transfer.")})
    if kind not in (PAYMENT, DEPOSIT, REFUND, DEPOSIT_REFUND):
        raise ValidationError({"kind": _("Unknown kind of payment: {kind}.").format(kind=kind)})
    value = _positive(amount, "amount", _("The amount"))
    daylock.check_open(session, now.date(), counter, daylock.attempt_of(kind))
    given = _money(tendered, "tendered", _("The cash tendered"))
    if given is not None and given >= MAX_AMOUNT:
        raise ValidationError({"tendered": _("{field} is too large.").format(field=_("The cash tendered"))})
    ticket = get_ticket(session, ticket_id)
    billing_row(session, ticket.id, now, lock=True)
    bal = balance(session, ticket.id)
    currency = str(settings.get(session, "currency"))
    tax, bill_change, deposit_change = ZERO, ZERO, {}
    if kind == PAYMENT:
        if bal.outstanding <= 0:
            raise ValidationError({"amount": _("Nothing is owed on this ticket.")})
        if value > bal.outstanding:
            raise ValidationError({"amount": _("{amount} is more than the {outstanding} outstanding: overpaying is "
                                               "refused.").format(amount=format_money(value, currency),
                                                                  outstanding=format_money(bal.outstanding, currency))})
        bill_change = value
        tax = _bill_tax(session, ticket.id, bal, value, bal.paid + value, inflow=True)
    elif kind == REFUND:
        if value > bal.refundable:
            raise ValidationError({"amount": _("At most {amount} can be refunded on this ticket.").format(
                amount=format_money(bal.refundable, currency))})
        bill_change = -value
        tax = _bill_tax(session, ticket.id, bal, value, bal.paid - value, inflow=False)
    elif kind == DEPOSIT:
        deposit_change = {"taken": value}
    else:
        if value > bal.deposits_held:
            raise ValidationError({"amount": _("At most the {held} deposit held can be refunded.").format(
                held=format_money(bal.deposits_held, currency))})
        deposit_change = {"refunded": value}
    given, change = _cash(method, value, given, currency, outgoing=kind in OUTGOING)
    net = -value if kind in OUTGOING else value
    receipt = _issue(session, actor, ticket, kind=kind, counts_as=kind, method=method, amount=value, net=net, tax=tax,
                     before=bal, now=now, counter=counter, bill_change=bill_change, deposit_change=deposit_change,
                     tendered=given, change=change)
    return receipt_view(session, receipt.id)


@dataclass(frozen=True)
class _FromDeposit:
    """A part of the deposit held changing purpose: its amount, ticket, the
    balance before and the shop's currency, checked alike for every such act."""

    now: datetime
    counter: str
    value: Decimal
    ticket: Ticket
    before: Balance
    currency: str


def _from_deposit(session: Session, ticket_id: int, amount: Decimal | int | str, label: str, kind: str,
                  too_much: str, now: datetime | None, counter: str) -> _FromDeposit:
    """Check an act on the deposit held (``too_much`` when ``amount`` is more
    than is held) and lock the ticket's billing row."""
    now = now or clock.now()
    counter = counters.checked(counter)
    value = _positive(amount, "amount", label)
    daylock.check_open(session, now.date(), counter, daylock.attempt_of(kind))
    ticket = get_ticket(session, ticket_id)
    billing_row(session, ticket.id, now, lock=True)
    bal = balance(session, ticket.id)
    currency = str(settings.get(session, "currency"))
    if value > bal.deposits_held:
        raise ValidationError({"amount": too_much.format(held=format_money(bal.deposits_held, currency))})
    return _FromDeposit(now, counter, value, ticket, bal, currency)


def apply_deposit(session: Session, actor: Actor, ticket_id: int, amount: Decimal | int | str,
                  now: datetime | None = None, *, counter: str) -> ReceiptView:
    """Put part of the deposit held toward the repair bill, as the customer
    asks: a receipt (no money changes hands) that pays the bill and names
    the deposit; at most what is held and what is outstanding."""
    act = _from_deposit(session, ticket_id, amount, _("The amount"), DEPOSIT_APPLIED,
                        _("At most the {held} deposit held can be put toward the bill."), now, counter)
    value, bal = act.value, act.before
    if value > bal.outstanding:
        raise ValidationError({"amount": _("{amount} is more than the {outstanding} outstanding.").format(
            amount=format_money(value, act.currency),
            outstanding=format_money(max(ZERO, bal.outstanding), act.currency))})
    tax = _bill_tax(session, act.ticket.id, bal, value, bal.paid + value, inflow=True)
    receipt = _issue(session, actor, act.ticket, kind=DEPOSIT_APPLIED, counts_as=DEPOSIT_APPLIED, method=FROM_DEPOSIT,
                     amount=value, net=ZERO, tax=tax, before=bal, now=act.now, counter=act.counter, bill_change=value,
                     deposit_change={"applied": value},
                     extra={"deposit_receipts": _deposit_numbers(session, act.ticket.id)})
    return receipt_view(session, receipt.id)


def charge_damage(session: Session, actor: Actor, ticket_id: int, amount: Decimal | int | str, reason: str,
                  approver: Actor | None = None, now: datetime | None = None, *, counter: str) -> ReceiptView:
    """Keep part or all of the deposit held for damage (a manager's act):
    the kept part becomes a damage charge with its own receipt (no money
    changes hands), taxed as the shop sets (``damage_charge_taxed``)."""
    manager = require_manager(actor, approver, _("keep a loaner deposit"))
    why = _reason(reason, "damage", _("Describe the damage the deposit is kept for."))
    act = _from_deposit(session, ticket_id, amount, _("The amount kept"), DAMAGE,
                        _("At most the {held} deposit held can be kept."), now, counter)
    rate = to_decimal(str(settings.get(session, "tax_rate")), "tax rate")
    tax = tax_in(act.value, rate) if settings.get(session, "damage_charge_taxed") else ZERO
    receipt = _issue(session, actor, act.ticket, kind=DAMAGE, counts_as=DAMAGE, method=FROM_DEPOSIT,
                     amount=act.value, net=ZERO, tax=tax, before=act.before, now=act.now, counter=act.counter,
                     deposit_change={"kept": act.value}, approver_id=manager.id,
                     extra={"damage": why, "tax_rate_applied": str(rate) if tax else "0",
                            "deposit_receipts": _deposit_numbers(session, act.ticket.id)})
    return receipt_view(session, receipt.id)


def _deposit_numbers(session: Session, ticket_id: int) -> list[str]:
    return list(session.scalars(select(Receipt.number).where(
        Receipt.ticket_id == ticket_id, Receipt.kind == DEPOSIT, Receipt.voided_at.is_(None)).order_by(Receipt.id)))


def void_receipt(session: Session, actor: Actor, receipt_id: int, reason: str, approver: Actor | None = None,
                 now: datetime | None = None) -> ReceiptView:
    """Void a receipt (a manager's act): it keeps its number, with the reason
    and the approving manager, and no longer counts.  A receipt voided
    already, or replaced by a correction still standing, cannot be voided."""
    manager = require_manager(actor, approver, _("void a receipt"))
    why = _reason(reason, "reason", _("Say why the receipt is voided."))
    now = now or clock.now()
    receipt = get_receipt(session, receipt_id)
    daylock.check_open(session, receipt.issued_at.date(), receipt.counter, daylock.VOID)
    daylock.check_open(session, now.date(), receipt.counter, daylock.VOID)
    ticket = get_ticket(session, receipt.ticket_id)
    billing_row(session, ticket.id, now, lock=True)
    correction = _active_correction(session, receipt.id)
    if correction is not None:
        raise IllegalTransition(_("Receipt {number} was corrected by {correction}: void that one first.").format(
            number=receipt.number, correction=correction.number))
    done = session.execute(
        update(Receipt).where(Receipt.id == receipt.id, Receipt.voided_at.is_(None))
        .values(voided_at=now, void_reason=why, void_approver_id=manager.id, voided_by_id=actor.id)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise IllegalTransition(_("Receipt {number} is already void.").format(number=receipt.number))
    session.expire(receipt)
    audit.record(session, actor.id, "receipt.void", "receipt", receipt.id, {
        "number": receipt.number, "ticket": ticket.number, "reason": why, "amount": receipt.amount,
    }, approver_id=manager.id, at=now)
    add_event(session, ticket, actor, "receipt", Message(
        N_("Receipt {number} voided by {manager}: {reason}"), number=receipt.number,
        manager=display_name(session, manager.id), reason=why), now=now)
    return receipt_view(session, receipt.id)


def correct_receipt(session: Session, actor: Actor, receipt_id: int, amount: Decimal | int | str, reason: str,
                    method: str | None = None, approver: Actor | None = None,
                    now: datetime | None = None, *, counter: str) -> ReceiptView:
    """Correct a receipt (a manager's act): a new receipt at ``counter``
    naming the one it corrects, with the right amount (and method); the
    corrected one stays as it was.  The new receipt's ``net`` is the
    difference."""
    manager = require_manager(actor, approver, _("correct a receipt"))
    counter = counters.checked(counter)
    why = _reason(reason, "reason", _("Say what the correction is for."))
    value = _positive(amount, "amount", _("The corrected amount"))
    now = now or clock.now()
    daylock.check_open(session, now.date(), counter, daylock.CORRECTION)
    original = get_receipt(session, receipt_id)
    new_method = method or original.method
    if new_method not in METHODS:
        raise ValidationError({"method": _("Choose how the customer paid: cash, bank card, mobile pay or transfer.")})
    ticket = get_ticket(session, original.ticket_id)
    billing_row(session, ticket.id, now, lock=True)
    session.refresh(original)
    if original.voided_at is not None:
        raise IllegalTransition(_("Receipt {number} is void: it cannot be corrected.").format(number=original.number))
    standing = _active_correction(session, original.id)
    if standing is not None:
        raise IllegalTransition(_("Receipt {number} was already corrected by {correction}: correct that one.")
                                .format(number=original.number, correction=standing.number))
    if original.counts_as in NO_CASH:
        raise IllegalTransition(_("Receipt {number} moved no money: void it and record it again.").format(
            number=original.number))
    if value == original.amount and new_method == original.method:
        raise ValidationError({"amount": _("The correction changes neither the amount nor the method.")})
    outgoing = original.counts_as in OUTGOING
    net = (value - original.amount) * (-1 if outgoing else 1)
    bal = balance(session, ticket.id)
    currency = original.currency
    if original.counts_as == PAYMENT and net > 0 and net > bal.outstanding:
        raise ValidationError({"amount": _("The corrected amount would pay more than the {outstanding} outstanding.")
                               .format(outstanding=format_money(max(ZERO, bal.outstanding), currency))})
    if original.counts_as == REFUND and -net > bal.refundable:
        raise ValidationError({"amount": _("At most {amount} more can be refunded on this ticket.").format(
            amount=format_money(bal.refundable, currency))})
    if original.counts_as in (DEPOSIT, DEPOSIT_REFUND) and bal.deposits_held + net < 0:
        raise ValidationError({"amount": _("The correction would give back more deposit than is held ({held}).")
                               .format(held=format_money(bal.deposits_held, currency))})
    tax, bill_change, deposit_change = ZERO, ZERO, {}
    if original.counts_as in BILL_KINDS:
        bill_change = net
        tax = _bill_tax(session, ticket.id, bal, value, bal.paid + net, inflow=not outgoing, replaced=original)
    else:
        deposit_change = {"taken": net} if original.counts_as == DEPOSIT else {"refunded": -net}
    receipt = _issue(session, actor, ticket, kind=CORRECTION, counts_as=original.counts_as, method=new_method,
                     amount=value, net=net, tax=tax, before=bal, now=now, counter=counter, bill_change=bill_change,
                     deposit_change=deposit_change, corrects=original, correction_reason=why,
                     approver_id=manager.id, extra={
                         "corrects": original.number, "corrected_amount": original.amount,
                         "corrected_method": original.method})
    return receipt_view(session, receipt.id)


def reprint(session: Session, actor: Actor, receipt_id: int, now: datetime | None = None) -> ReceiptView:
    """The receipt again, marked COPY; the reprint is counted and audited."""
    now = now or clock.now()
    receipt = get_receipt(session, receipt_id)
    session.execute(
        update(Receipt).where(Receipt.id == receipt.id)
        .values(reprints=Receipt.reprints + 1, last_reprint_at=now)
        .execution_options(synchronize_session=False)
    )
    session.expire(receipt)
    audit.record(session, actor.id, "receipt.reprint", "receipt", receipt.id, {"number": receipt.number}, at=now)
    return receipt_view(session, receipt.id, copy=True)


# -- waivers -------------------------------------------------------------------------------

@dataclass(frozen=True)
class WaiverRow:
    id: int
    ticket_id: int
    ticket_number: str
    amount: Decimal
    reason: str
    approver: str
    granted_by: str
    at: datetime


def grant_waiver(session: Session, actor: Actor, ticket_id: int, amount: Decimal | int | str, reason: str,
                 approver: Actor | None = None, now: datetime | None = None, *, counter: str) -> Waiver:
    """Let the customer pay less (a waiver or discount) at ``counter``: needs
    a manager (the actor, or ``approver`` who entered their PIN); the amount,
    reason and approver are kept and audited.  At most what is outstanding."""
    manager = require_manager(actor, approver, _("waive or discount an amount"))
    counter = counters.checked(counter)
    why = _reason(reason, "reason", _("Say why the amount is waived."))
    value = _positive(amount, "amount", _("The amount waived"))
    now = now or clock.now()
    daylock.check_open(session, now.date(), counter, daylock.WAIVER)
    ticket = get_ticket(session, ticket_id)
    billing_row(session, ticket.id, now, lock=True)
    bal = balance(session, ticket.id)
    currency = str(settings.get(session, "currency"))
    if value > bal.outstanding:
        raise ValidationError({"amount": _("At most the {outstanding} outstanding can be waived.").format(
            outstanding=format_money(max(ZERO, bal.outstanding), currency))})
    quote = current_quote(session, ticket.id)
    waiver = Waiver(ticket_id=ticket.id, quote_id=quote.id if quote else None, amount=value, reason=why,
                    approver_id=manager.id, granted_by_id=actor.id, at=now, counter=counter)
    session.add(waiver)
    session.flush()
    audit.record(session, actor.id, "waiver.grant", "waiver", waiver.id, {
        "ticket": ticket.number, "amount": value, "reason": why}, approver_id=manager.id, at=now)
    add_event(session, ticket, actor, "waiver", Message(
        N_("{amount} waived, approved by {manager}: {reason}"), amount=format_money(value, currency),
        manager=display_name(session, manager.id), reason=why), now=now)
    return waiver


def list_waivers(session: Session, day: date | None = None, ticket_id: int | None = None) -> list[WaiverRow]:
    query = (select(Waiver, Ticket.number).join(Ticket, Ticket.id == Waiver.ticket_id).order_by(Waiver.at, Waiver.id))
    if day is not None:
        start = datetime.combine(day, datetime.min.time())
        query = query.where(Waiver.at >= start, Waiver.at < start + timedelta(days=1))
    if ticket_id is not None:
        query = query.where(Waiver.ticket_id == ticket_id)
    return [WaiverRow(w.id, w.ticket_id, number, w.amount, w.reason, display_name(session, w.approver_id) or "",
                      display_name(session, w.granted_by_id) or "", w.at)
            for w, number in session.execute(query)]


# -- invoices (发票) ------------------------------------------------------------------------

@dataclass(frozen=True)
class InvoiceStatus:
    ticket_id: int
    requested_at: datetime | None
    buyer: str
    tax_id: str
    invoice_no: str | None
    issued_at: datetime | None

    @property
    def owed(self) -> bool:
        return self.requested_at is not None and not self.invoice_no


@dataclass(frozen=True)
class OwedInvoice:
    ticket_id: int
    ticket_number: str
    customer: str
    requested_at: datetime
    requested_by: str
    buyer: str
    tax_id: str
    paid: Decimal


def _status(row: TicketBilling) -> InvoiceStatus:
    return InvoiceStatus(row.ticket_id, row.invoice_requested_at, row.invoice_buyer, row.invoice_tax_id,
                         row.invoice_no, row.invoice_issued_at)


def invoice_status(session: Session, ticket_id: int) -> InvoiceStatus | None:
    row = session.get(TicketBilling, ticket_id)
    return _status(row) if row is not None and row.invoice_requested_at is not None else None


def request_invoice(session: Session, actor: Actor, ticket_id: int, buyer: str = "", tax_id: str = "",
                    now: datetime | None = None) -> InvoiceStatus:
    """The customer asks for a tax invoice that cannot be issued on the spot:
    the ticket shows "invoice owed" until its number is recorded.  ``buyer``
    and ``tax_id`` are the title (抬头) and taxpayer number to put on it."""
    now = now or clock.now()
    buyer, tax_id = one_line(buyer), one_line(tax_id).upper()
    if len(buyer) > 200 or len(tax_id) > 40:
        raise ValidationError({"buyer": _("The invoice title or tax number is too long.")})
    ticket = get_ticket(session, ticket_id)
    row = billing_row(session, ticket.id, now, lock=True)
    if row.invoice_no:
        raise IllegalTransition(_("Invoice {number} was already issued for this ticket.").format(
            number=row.invoice_no))
    first = row.invoice_requested_at is None
    if first:
        row.invoice_requested_at = now
        row.invoice_requested_by_id = actor.id
    row.invoice_buyer, row.invoice_tax_id = buyer, tax_id
    row.updated_at = now
    audit.record(session, actor.id, "invoice.request", "ticket", ticket.id, {
        "ticket": ticket.number, "buyer": buyer, "tax_id": tax_id, "first": first}, at=now)
    if first:
        add_event(session, ticket, actor, "invoice", Message(N_("Invoice asked for: owed until its number is entered")),
                  now=now)
    return _status(row)


def record_invoice(session: Session, actor: Actor, ticket_id: int, invoice_no: str,
                   now: datetime | None = None) -> InvoiceStatus:
    """The invoice was issued: its number clears "invoice owed" (an invoice
    issued on the spot, without a request before, is recorded the same way)."""
    now = now or clock.now()
    number = one_line(invoice_no).upper()
    if not number:
        raise ValidationError({"invoice_no": _("Enter the invoice number.")})
    if len(number) > 60:
        raise ValidationError({"invoice_no": _("The invoice number is too long (at most 60 characters).")})
    ticket = get_ticket(session, ticket_id)
    row = billing_row(session, ticket.id, now, lock=True)
    if row.invoice_no:
        raise IllegalTransition(_("Invoice {number} was already recorded for this ticket.").format(
            number=row.invoice_no))
    if row.invoice_requested_at is None:
        row.invoice_requested_at = now
        row.invoice_requested_by_id = actor.id
    row.invoice_no = number
    row.invoice_issued_at = now
    row.invoice_recorded_by_id = actor.id
    row.updated_at = now
    audit.record(session, actor.id, "invoice.record", "ticket", ticket.id, {"ticket": ticket.number,
                                                                           "invoice_no": number}, at=now)
    add_event(session, ticket, actor, "invoice", Message(N_("Invoice {number} issued"), number=number), now=now)
    return _status(row)


def invoices_owed(session: Session) -> list[OwedInvoice]:
    """Invoices asked for and not yet issued, oldest first (they show on
    every day's reconciliation until cleared)."""
    rows = session.execute(
        select(TicketBilling, Ticket.number, Customer.name)
        .join(Ticket, Ticket.id == TicketBilling.ticket_id)
        .join(Customer, Customer.id == Ticket.customer_id)
        .where(TicketBilling.invoice_no.is_(None), TicketBilling.invoice_requested_at.is_not(None))
        .order_by(TicketBilling.invoice_requested_at)
    ).all()
    out = []
    for row, number, customer in rows:
        bal = balance(session, row.ticket_id)
        assert row.invoice_requested_at is not None
        out.append(OwedInvoice(row.ticket_id, number, customer, row.invoice_requested_at,
                               display_name(session, row.invoice_requested_by_id) or "", row.invoice_buyer,
                               row.invoice_tax_id, bal.paid + bal.deposits_held))
    return out


__all__ = [
    "Balance", "CARD", "CASH", "CORRECTION", "DEPOSIT", "InvoiceStatus", "METHODS", "MOBILE", "OwedInvoice",
    "PAYMENT", "RECEIPT_KINDS", "REFUND", "ReceiptLine", "ReceiptRow", "ReceiptView", "TRANSFER", "WaiverRow",
    "balance", "correct_receipt", "find_receipt", "get_receipt", "grant_waiver", "invoice_status",
    "invoices_owed", "list_receipts", "list_waivers", "record_invoice", "receipt_view", "reprint",
    "request_invoice", "take_payment", "void_receipt",
]
