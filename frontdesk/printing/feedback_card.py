"""Feedback cards: one per A6 card, or four per A4 sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from frontdesk.i18n import _
from frontdesk.printing.base import FONT, ShopHeader, draw_para, draw_qr, fit_text, register_fonts


@dataclass(frozen=True)
class CardData:
    serial: str
    ticket_no: str
    issued_on: date
    technician: str
    customer: str = ""
    product: str = ""


def _card(c: Canvas, card: CardData, shop: ShopHeader, x0: float, y0: float, w: float, h: float) -> None:
    pad = 7 * mm
    left, right, top = x0 + pad, x0 + w - pad, y0 + h - pad
    inner = right - left
    c.setLineWidth(0.5)
    c.setDash(2, 2)
    c.rect(x0 + 2 * mm, y0 + 2 * mm, w - 4 * mm, h - 4 * mm)  # cut line
    c.setDash()
    fit_text(c, shop.name, left, top - 4 * mm, inner - 22 * mm, 10)
    fit_text(c, _("Customer feedback card"), left, top - 10 * mm, inner - 22 * mm, 13)
    draw_qr(c, card.ticket_no, right - 20 * mm, top - 20 * mm, 20 * mm)
    y = top - 17 * mm
    c.setFont(FONT, 8)
    for label, value in (
        (_("Card no."), card.serial),
        (_("Ticket"), card.ticket_no),
        (_("Date"), card.issued_on.isoformat()),
        (_("Technician"), card.technician),
    ):
        fit_text(c, f"{label}: {value}", left, y, inner - 22 * mm, 8.5)
        y -= 4.6 * mm
    if card.product:
        fit_text(c, f"{_('Product')}: {card.product}", left, y, inner, 8.5)
        y -= 4.6 * mm
    y -= 2 * mm
    boxes = (_("Satisfied"), _("Fairly satisfied"), _("Not satisfied"))
    for question in (_("Repair quality"), _("Service attitude")):
        fit_text(c, question, left, y, inner, 9)
        y -= 5.5 * mm
        x = left + 2 * mm
        slot = (inner - 2 * mm) / 3
        for label in boxes:
            c.rect(x, y - 0.6 * mm, 3.2 * mm, 3.2 * mm)
            fit_text(c, label, x + 4.5 * mm, y, slot - 6 * mm, 8)
            x += slot
        y -= 7 * mm
    fit_text(c, _("Comment"), left, y, inner, 9)
    y -= 2 * mm
    for _line in range(3):
        y -= 6 * mm
        c.line(left, y, right, y)
    y -= 9 * mm
    c.line(left + 22 * mm, y, right, y)
    fit_text(c, _("Customer's signature"), left, y + 1 * mm, 21 * mm, 8)
    draw_para(c, _("Please return this card at the counter or to the technician. Thank you for helping us improve."),
              left, y - 2 * mm, inner, 6.5, max_height=y - y0 - pad + 4 * mm)


def write_feedback_cards(cards: list[CardData], path: Path | str, shop: ShopHeader, layout: str = "a4") -> Path:
    """Cards to ``path``: ``layout="a6"`` one card per A6 page, ``"a4"`` four per sheet."""
    register_fonts()
    path = Path(path)
    if layout == "a6":
        c = Canvas(str(path), pagesize=A6)
        w, h = A6
        for card in cards:
            _card(c, card, shop, 0, 0, w, h)
            c.showPage()
    else:
        c = Canvas(str(path), pagesize=A4)
        w, h = A4[0] / 2, A4[1] / 2
        slots = [(0, h), (w, h), (0, 0), (w, 0)]
        for i, card in enumerate(cards):
            if i and i % 4 == 0:
                c.showPage()
            x, y = slots[i % 4]
            _card(c, card, shop, x, y, w, h)
        c.showPage()
    c.setTitle(_("Customer feedback card"))
    c.save()
    return path
