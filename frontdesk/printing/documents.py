"""Gather a document's data from the database (the documents themselves are
plain functions of that data).

Every document prints in the shop's language (the ``language`` setting),
whatever the language of the window or terminal that asks for it, unless the
caller names one (``language=``).

A document's file is created 0600 (docs/rules.md#private-files): it names a
customer."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import pickup, settings
from frontdesk.billing import payments
from frontdesk.dayclose import service as dayclose
from frontdesk.db.models import Customer, Product, Technician, Ticket
from frontdesk.errors import NotFound
from frontdesk.followup.models import FeedbackCard
from frontdesk.i18n import _, using
from frontdesk.intake.warranty import category_label
from frontdesk.loaners import service as loaners
from frontdesk.printing.base import shop_header
from frontdesk.printing.feedback_card import CardData, write_feedback_cards
from frontdesk.printing.labels import LabelData, write_labels
from frontdesk.printing.pullback import (
    AgreementData,
    PaidLine,
    PickupData,
    PullbackData,
    write_loaner_agreement,
    write_pickup_receipt,
    write_pullback_receipt,
)
from frontdesk.printing.receipt import write_receipt
from frontdesk.printing.reconciliation import write_reconciliation
from frontdesk.private_files import new_file
from frontdesk.users import display_name


def shop_language(session: Session) -> str:
    return str(settings.get(session, "language"))


def document_language(session: Session, language: str | None) -> AbstractContextManager[str]:
    """The block runs in ``language``, else in the shop's language."""
    return using(language or shop_language(session))


def product_text(product: Product | None) -> str:
    if product is None:
        return ""
    parts = [product.brand, category_label(product.category), product.model]
    return " ".join(p for p in parts if p)


def card_data(session: Session, card: FeedbackCard) -> CardData:
    ticket = session.get(Ticket, card.ticket_id)
    assert ticket is not None
    tech = session.get(Technician, card.technician_id) if card.technician_id else None
    return CardData(card.serial, ticket.number, card.issued_on, tech.name if tech else "",
                    ticket.customer.name, product_text(ticket.product))


def print_feedback_card(session: Session, ticket_number: str, path: Path, layout: str = "a6",
                        language: str | None = None) -> Path:
    ticket = session.scalar(select(Ticket).where(Ticket.number == ticket_number.strip().upper()))
    if ticket is None:
        raise NotFound(_("No ticket numbered {number}.").format(number=ticket_number))
    card = session.scalar(select(FeedbackCard).where(FeedbackCard.ticket_id == ticket.id))
    if card is None:
        raise NotFound(_("Ticket {number} has no feedback card yet: hand one out when the work is done.").format(
            number=ticket.number))
    with document_language(session, language):
        return write_feedback_cards([card_data(session, card)], new_file(path), shop_header(session), layout=layout)


def print_receipt(session: Session, number: str, path: Path | str, size: str = "a5", copy: bool = False,
                  language: str | None = None) -> Path:
    """Receipt ``number`` (e.g. ``R2026-000123``) to ``path``: ``size`` "a5"
    or "80mm"; ``copy`` marks it COPY (counting the reprint is the caller's
    business: :func:`frontdesk.billing.payments.reprint`).  The ticket's
    invoice number, or "invoice owed", is printed when the ticket has one."""
    receipt = payments.find_receipt(session, number)
    with document_language(session, language):
        view = payments.receipt_view(session, receipt.id, copy=copy)
        invoice = payments.invoice_status(session, view.ticket_id)
        return write_receipt(view, new_file(path), size=size, ticket_qr=view.ticket_number,
                             invoice_no=invoice.invoice_no if invoice is not None else None,
                             invoice_owed=invoice.owed if invoice is not None else False,
                             logo=shop_header(session).logo)


def _ticket(session: Session, ticket_number: str) -> Ticket:
    ticket = session.scalar(select(Ticket).where(Ticket.number == (ticket_number or "").strip().upper()))
    if ticket is None:
        raise NotFound(_("No ticket numbered {number}.").format(number=ticket_number))
    return ticket


def pullback_data(session: Session, ticket_number: str) -> PullbackData:
    """The facts of the ticket's pull-back (the open one, else the last)."""
    ticket = _ticket(session, ticket_number)
    pb = loaners.last_pullback(session, ticket.id)
    if pb is None:
        raise NotFound(_("Ticket {number}'s product was not pulled back: there is no pull-back receipt.").format(
            number=ticket.number))
    v = loaners.pullback_view(session, pb)
    return PullbackData(shop_header(session), v.ticket_number, v.customer, v.phone, v.category,
                        v.brand, v.model, v.serial, list(v.accessories), list(v.condition), v.condition_note,
                        v.promised_return_on, v.taken_at, v.taken_by)


def agreement_data(session: Session, ticket_number: str) -> AgreementData:
    """The ticket's loaner agreement (the loan out, else the last one)."""
    ticket = _ticket(session, ticket_number)
    loan = loaners.open_loan_of_ticket(session, ticket.id)
    views = [loaners.loan_view(session, loan)] if loan is not None else loaners.ticket_loans(session, ticket.id)
    if not views:
        raise NotFound(_("No loaner was lent on ticket {number}: there is no loaner agreement.").format(
            number=ticket.number))
    v = views[-1]
    unit = loaners.get_unit(session, v.unit_id)
    return AgreementData(shop_header(session), v.ticket_number, v.customer, v.phone, v.tag, v.category,
                         v.model, unit.serial, v.condition_out, v.deposit, v.due_on, v.lent_at, v.lent_by,
                         str(settings.get(session, "currency")))


def print_pullback(session: Session, ticket_number: str, path: Path | str, language: str | None = None) -> Path:
    data = pullback_data(session, ticket_number)
    with document_language(session, language):
        return write_pullback_receipt(data, new_file(path))


def pickup_data(session: Session, ticket_number: str) -> PickupData:
    """The facts of a ticket's pick-up receipt: what was done and paid (in
    the language in use: the kinds and methods are words)."""
    ticket = _ticket(session, ticket_number)
    found = pickup.check(session, ticket.id)
    customer = session.get(Customer, ticket.customer_id)
    product = session.get(Product, ticket.product_id) if ticket.product_id else None
    repair = found.repair
    paid = [PaidLine(r.number, r.issued_at, r.kind_label, r.method_label, r.amount)
            for r in payments.list_receipts(session, ticket_id=ticket.id) if not r.voided]
    return PickupData(
        shop_header(session), ticket.number, customer.name if customer else "",
        (customer.phone_display or customer.phone) if customer else "",
        product.category if product else "", product.brand if product else "", product.model if product else "",
        product.serial if product else "", ticket.intake_at, ticket.picked_up_at, ticket.fault,
        repair.fault_label if repair else "", repair.action_label if repair else "", repair.note if repair else "",
        [(p.part_no, p.description, p.new_serial) for p in repair.parts] if repair else [],
        paid, max(found.outstanding, Decimal(0)), list(found.accessories), found.repair_warranty_days,
        str(settings.get(session, "currency")), display_name(session, ticket.picked_up_by_id) or "")


def print_pickup(session: Session, ticket_number: str, path: Path | str, language: str | None = None) -> Path:
    with document_language(session, language):
        data = pickup_data(session, ticket_number)
        return write_pickup_receipt(data, new_file(path))


def print_agreement(session: Session, ticket_number: str, path: Path | str, language: str | None = None) -> Path:
    data = agreement_data(session, ticket_number)
    with document_language(session, language):
        return write_loaner_agreement(data, new_file(path))


def label_data(session: Session, tags: list[str] | None = None) -> list[LabelData]:
    """Labels for the loaner units with these asset tags (in the order given),
    or for every unit still in the pool when ``tags`` is None."""
    shop = shop_header(session).name
    units: list[tuple[str, str, str]] = []
    if tags is None:
        units = [(u.tag, u.category, u.model) for u in loaners.list_units(session) if u.status != loaners.RETIRED]
    else:
        missing = []
        for tag in tags:
            try:
                unit = loaners.find_unit(session, tag)
            except NotFound:
                missing.append(tag.strip())
                continue
            units.append((unit.tag, unit.category, unit.model))
        if missing:
            raise NotFound(_("No loaner unit has the tag {tag}.").format(tag=", ".join(missing)))
    if not units:
        raise NotFound(_("There are no loaner units to label."))
    return [LabelData(tag, category, model, shop) for tag, category, model in units]


def print_labels(session: Session, tags: list[str] | None, path: Path | str, skip: int = 0,
                 language: str | None = None) -> Path:
    """Asset-tag labels on A4 label sheets (3 x 8); ``skip`` leaves that many
    labels of a partly used sheet empty."""
    labels = label_data(session, tags)
    with document_language(session, language):
        return write_labels(labels, new_file(path), skip=skip)



def print_reconciliation(session: Session, day: date, path: Path | str, counter: str,
                         language: str | None = None) -> Path:
    """The day close of ``day`` at ``counter`` (as closed, or the figures as
    they stand) as the A4 reconciliation with signature lines."""
    with document_language(session, language):
        figures = dayclose.day_figures(session, day, counter)
        return write_reconciliation(figures, new_file(path))
