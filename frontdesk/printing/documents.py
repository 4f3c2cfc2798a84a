"""Gather a document's data from the database (the documents themselves are
plain functions of that data)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.db.models import Product, Technician, Ticket
from frontdesk.errors import NotFound
from frontdesk.followup.models import FeedbackCard
from frontdesk.i18n import _
from frontdesk.intake.warranty import category_label
from frontdesk.printing.base import shop_header
from frontdesk.printing.feedback_card import CardData, write_feedback_cards


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


def print_feedback_card(session: Session, ticket_number: str, path: Path, layout: str = "a6") -> Path:
    ticket = session.scalar(select(Ticket).where(Ticket.number == ticket_number.strip().upper()))
    if ticket is None:
        raise NotFound(_("No ticket numbered {number}.").format(number=ticket_number))
    card = session.scalar(select(FeedbackCard).where(FeedbackCard.ticket_id == ticket.id))
    if card is None:
        raise NotFound(_("Ticket {number} has no feedback card yet: hand one out when the work is done.").format(
            number=ticket.number))
    return write_feedback_cards([card_data(session, card)], path, shop_header(session), layout=layout)
