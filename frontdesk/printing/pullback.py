"""The pull-back receipt (收条) and the loaner agreement (周转机借用协议), each
on one A5 portrait page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from frontdesk.i18n import N_, _, ngettext
from frontdesk.intake.service import accessory_label
from frontdesk.intake.warranty import category_label
from frontdesk.money import format_money
from frontdesk.printing.base import ShopHeader, draw_logo, draw_para, draw_qr, fit_text, logo_height, register_fonts

MARGIN = 12 * mm
QR = 22 * mm


@dataclass(frozen=True)
class PullbackData:
    shop: ShopHeader
    ticket_no: str
    customer: str
    phone: str
    category: str
    brand: str
    model: str
    serial: str
    accessories: list[str] = field(default_factory=list)
    condition: list[str] = field(default_factory=list)
    condition_note: str = ""
    promised_return_on: date | None = None
    taken_at: datetime | None = None
    clerk: str = ""


@dataclass(frozen=True)
class AgreementData:
    shop: ShopHeader
    ticket_no: str
    customer: str
    phone: str
    tag: str
    category: str
    model: str
    serial: str
    condition_out: str
    deposit: Decimal | None
    due_on: date | None
    lent_at: datetime | None = None
    clerk: str = ""
    currency: str = "CNY"


def _header(c: Canvas, shop: ShopHeader, title: str, ticket_no: str) -> float:
    """Shop header, title, and the ticket's QR at the top right; returns the y below."""
    w, h = A5
    top = h - MARGIN
    logo_w = draw_logo(c, shop.logo, MARGIN, top, 30 * mm, 16 * mm)
    x = MARGIN + (logo_w + 3 * mm if logo_w else 0)
    width = w - MARGIN - QR - 4 * mm - x
    y = top - draw_para(c, shop.name, x, top, width, 13)
    if shop.address:
        y -= draw_para(c, shop.address, x, y, width, 8)
    if shop.phone:
        y -= draw_para(c, _("Tel. {phone}").format(phone=shop.phone), x, y, width, 8)
    if logo_w:
        y = min(y, top - logo_height(shop.logo, 30 * mm, 16 * mm) - 1 * mm)
    draw_qr(c, ticket_no, w - MARGIN - QR, top - QR, QR)
    fit_text(c, ticket_no, w - MARGIN - QR / 2, top - QR - 3 * mm, QR, 7, align="center")
    y = min(y, top - QR - 5 * mm) - 3 * mm
    fit_text(c, title, w / 2, y - 5 * mm, w - 2 * MARGIN, 15, align="center")
    return y - 9 * mm


def _fields(c: Canvas, rows: list[tuple[str, str]], y: float) -> float:
    width = A5[0] - 2 * MARGIN
    for label, value in rows:
        y -= draw_para(c, f"{label}: {value}", MARGIN, y, width, 9.5) + 1.2 * mm
    return y


def _signatures(c: Canvas, labels: list[str], y: float) -> None:
    width = A5[0] - 2 * MARGIN
    slot = width / len(labels)
    for i, label in enumerate(labels):
        x = MARGIN + i * slot
        c.setLineWidth(0.5)
        c.line(x + 2 * mm, y, x + slot - 4 * mm, y)
        fit_text(c, label, x + 2 * mm, y - 4 * mm, slot - 6 * mm, 8)
        fit_text(c, _("Date") + ":", x + 2 * mm, y - 9 * mm, slot - 6 * mm, 8)


def _day(d: date | datetime | None) -> str:
    if d is None:
        return ""
    return d.strftime("%Y-%m-%d %H:%M") if isinstance(d, datetime) else d.isoformat()


def write_pullback_receipt(data: PullbackData, path: Path | str) -> Path:
    """The pull-back receipt the customer keeps while the product is away."""
    register_fonts()
    path = Path(path)
    c = Canvas(str(path), pagesize=A5)
    c.setTitle(_("Pull-back receipt {number}").format(number=data.ticket_no))
    width = A5[0] - 2 * MARGIN
    y = _header(c, data.shop, _("Pull-back receipt"), data.ticket_no)
    product = " ".join(p for p in (data.brand, category_label(data.category), data.model) if p)
    y = _fields(c, [
        (_("Ticket"), data.ticket_no),
        (_("Date"), _day(data.taken_at)),
        (_("Customer"), " ".join(p for p in (data.customer, data.phone) if p)),
        (_("Product"), product),
        (_("Category"), category_label(data.category)),
        (_("Brand"), data.brand),
        (_("Model"), data.model),
        (_("Serial no."), data.serial),
        (_("Accessories"), "、".join(map(accessory_label, data.accessories)) or _("none")),
        (_("Condition checked with the customer"), "；".join(data.condition) or "-"),
    ], y)
    if data.condition_note:
        y = _fields(c, [(_("Note"), data.condition_note)], y)
    y = _fields(c, [(_("Promised return date"), _day(data.promised_return_on))], y - 1 * mm)
    y -= 2 * mm
    y -= draw_para(c, _("The product above was taken to the workshop for repair. Bring this receipt to collect it."),
                   MARGIN, y, width, 8)
    if data.clerk:
        y = _fields(c, [(_("Clerk"), data.clerk)], y - 2 * mm)
    _signatures(c, [_("Customer's signature"), _("Clerk's signature")], max(MARGIN + 12 * mm, y - 14 * mm))
    c.showPage()
    c.save()
    return path


AGREEMENT_TERMS = N_(
    "The loaner unit is lent free of charge while the customer's product is being repaired. The customer keeps it "
    "with care, does not open, modify or lend it, and returns it with its accessories by the due date or when the "
    "repaired product is collected. Damage or loss beyond normal use is charged at repair or replacement cost and "
    "may be taken from the deposit; the deposit is refunded when the unit comes back in the condition noted above."
)


def write_loaner_agreement(data: AgreementData, path: Path | str) -> Path:
    """The loaner agreement the customer signs when a loaner goes out."""
    register_fonts()
    path = Path(path)
    c = Canvas(str(path), pagesize=A5)
    c.setTitle(_("Loaner agreement {number}").format(number=data.ticket_no))
    width = A5[0] - 2 * MARGIN
    y = _header(c, data.shop, _("Loaner agreement"), data.ticket_no)
    deposit = format_money(data.deposit, data.currency) if data.deposit else _("none")
    y = _fields(c, [
        (_("Ticket"), data.ticket_no),
        (_("Customer"), " ".join(p for p in (data.customer, data.phone) if p)),
        (_("Loaner unit tag"), data.tag),
        (_("Model"), " ".join(p for p in (category_label(data.category), data.model) if p)),
        (_("Serial no."), data.serial),
        (_("Lent on"), _day(data.lent_at)),
        (_("Condition out"), data.condition_out),
        (_("Deposit"), deposit),
        (_("Due back"), _day(data.due_on)),
    ], y)
    if data.clerk:
        y = _fields(c, [(_("Clerk"), data.clerk)], y)
    y -= 3 * mm
    fit_text(c, _("Terms"), MARGIN, y - 4 * mm, width, 10)
    y -= 6 * mm
    y -= draw_para(c, _(AGREEMENT_TERMS), MARGIN, y, width, 8.5)
    _signatures(c, [_("Customer's signature"), _("Clerk's signature")], max(MARGIN + 12 * mm, y - 16 * mm))
    c.showPage()
    c.save()
    return path


@dataclass(frozen=True)
class PaidLine:
    number: str
    issued_at: datetime
    kind: str  # translated: payment, deposit, refund...
    method: str  # translated
    amount: Decimal


@dataclass(frozen=True)
class PickupData:
    shop: ShopHeader
    ticket_no: str
    customer: str
    phone: str
    category: str
    brand: str
    model: str
    serial: str
    intake_at: datetime
    picked_up_at: datetime | None
    fault: str  # as the customer told it
    fault_category: str  # translated
    action: str  # translated; "" when no repair record
    repair_note: str
    parts: list[tuple[str, str, str]]  # part no., description, new serial
    paid: list[PaidLine]
    owed: Decimal
    accessories: list[str]
    repair_warranty_days: int
    currency: str = "CNY"
    clerk: str = ""

    @property
    def warranty_until(self) -> date | None:
        """The last day of the shop's own warranty on this repair."""
        if not self.action or self.repair_warranty_days <= 0 or self.picked_up_at is None:
            return None
        return self.picked_up_at.date() + timedelta(days=self.repair_warranty_days)


def write_pickup_receipt(data: PickupData, path: Path | str) -> Path:
    """The pick-up receipt: what was done, what was paid, the repair's own
    warranty, and the customer's signature that the product and its
    accessories were handed over."""
    register_fonts()
    path = Path(path)
    c = Canvas(str(path), pagesize=A5)
    c.setTitle(_("Pick-up receipt {number}").format(number=data.ticket_no))
    width = A5[0] - 2 * MARGIN
    y = _header(c, data.shop, _("Pick-up receipt"), data.ticket_no)
    product = " ".join(p for p in (data.brand, category_label(data.category), data.model) if p)
    rows = [
        (_("Ticket"), data.ticket_no),
        (_("Customer"), " ".join(p for p in (data.customer, data.phone) if p)),
        (_("Product"), product),
        (_("Serial no."), data.serial or "-"),
        (_("Received"), _day(data.intake_at)),
        (_("Picked up"), _day(data.picked_up_at)),
        (_("Fault reported"), data.fault or "-"),
    ]
    if data.action:
        rows.append((_("Found"), data.fault_category or "-"))
        rows.append((_("Done"), data.action + (f" — {data.repair_note}" if data.repair_note else "")))
    for part_no, description, serial in data.parts:
        rows.append((_("Part"), " ".join(p for p in (part_no, description,
                                                        _("serial {serial}").format(serial=serial) if serial else "")
                                            if p)))
    y = _fields(c, rows, y)
    y -= 1 * mm
    fit_text(c, _("Paid"), MARGIN, y - 4 * mm, width, 10)
    y -= 6 * mm
    if not data.paid:
        y = _fields(c, [(_("Nothing to pay"), format_money(Decimal(0), data.currency))], y)
    for line in data.paid:
        y -= draw_para(c, f"{line.number}  {_day(line.issued_at)}  {line.kind}  {line.method}  "
                          f"{format_money(line.amount, data.currency)}", MARGIN, y, width, 8.5) + 0.8 * mm
    if data.owed > 0:
        y = _fields(c, [(_("Still owed"), format_money(data.owed, data.currency))], y - 1 * mm)
    y = _fields(c, [(_("Accessories handed back"), "、".join(map(accessory_label, data.accessories)) or _("none"))], y - 1 * mm)
    until = data.warranty_until
    if until is not None:
        y -= 1 * mm
        y -= draw_para(c, ngettext("This repair is under the shop's warranty for {days} day, until {date}: bring "
                                   "this receipt if the same fault comes back.",
                                   "This repair is under the shop's warranty for {days} days, until {date}: bring "
                                   "this receipt if the same fault comes back.", data.repair_warranty_days).format(
                           days=data.repair_warranty_days, date=until.isoformat()),
                       MARGIN, y, width, 8.5)
    if data.clerk:
        y = _fields(c, [(_("Clerk"), data.clerk)], y - 2 * mm)
    _signatures(c, [_("Customer's signature"), _("Clerk's signature")], max(MARGIN + 12 * mm, y - 14 * mm))
    c.showPage()
    c.save()
    return path
