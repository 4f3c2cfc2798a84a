"""Receipts (收据): A5 portrait for laser printers, or an 80 mm thermal roll.

The receipt is laid out as a list of rows (wrapped text on the left, an
amount on the right).  On A5 the rows run on to further pages with the
header repeated, the totals naturally coming after the last line; on the
80 mm roll the page is exactly 80 mm wide and as long as the content, its
height measured before anything is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from frontdesk.billing.payments import ReceiptView
from frontdesk.i18n import _
from frontdesk.printing.base import FONT, draw_logo, draw_qr, fit_text, logo_height, para, register_fonts

SIZES = ("a5", "80mm")
ROLL_WIDTH = 80 * mm
LOGO_W, LOGO_H = 30 * mm, 16 * mm  # the logo's box on A5 (left of the shop's name)
ROLL_LOGO_W, ROLL_LOGO_H = 44 * mm, 16 * mm  # centred above the name on the roll


@dataclass
class _Row:
    left: str
    right: str = ""
    size: float = 9
    indent: float = 0
    rule: bool = False  # a thin line above the row
    bold_gap: float = 0  # extra space above

    def wrap(self, width: float) -> tuple[Paragraph, float]:
        right_w = pdfmetrics.stringWidth(self.right, FONT, self.size) + 3 * mm if self.right else 0
        p = para(self.left, self.size)
        _w, h = p.wrap(max(20.0, width - self.indent - right_w), 10_000)
        return p, float(h) + self.bold_gap + (2 if self.rule else 0)

    def draw(self, c: Canvas, p: Paragraph, x: float, y_top: float, width: float, height: float) -> None:
        top = y_top - self.bold_gap
        if self.rule:
            c.setLineWidth(0.4)
            c.line(x, top, x + width, top)
            top -= 2
        p.drawOn(c, x + self.indent, top - (height - self.bold_gap - (2 if self.rule else 0)))
        if self.right:
            c.setFont(FONT, self.size)
            c.drawRightString(x + width, top - self.size, self.right)


def _header_rows(view: ReceiptView, narrow: bool) -> list[_Row]:
    rows = [_Row(view.shop_name, size=12 if narrow else 13)]
    if view.shop_address:
        rows.append(_Row(view.shop_address, size=8))
    if view.shop_phone:
        rows.append(_Row(_("Tel. {phone}").format(phone=view.shop_phone), size=8))
    return rows


def _body_rows(view: ReceiptView, invoice_no: str | None, invoice_owed: bool) -> tuple[list[_Row], list[_Row]]:
    """(line rows, closing rows): the closing rows (totals, payment, footer)
    always follow the last line."""
    m = view.money
    top = [
        _Row(_("Receipt {number}").format(number=view.number), size=12, bold_gap=4),
        _Row(_("Date: {at}    Clerk: {user}").format(at=view.issued_at.strftime("%Y-%m-%d %H:%M"),
                                                   user=view.issued_by), size=8.5),
        _Row(_("Ticket: {number}").format(number=view.ticket_number), size=8.5),
        _Row(_("Customer: {name}").format(name=view.customer), size=8.5),
    ]
    if view.product:
        top.append(_Row(_("Product: {product}").format(product=view.product), size=8.5))
    if view.corrects_number:
        top.append(_Row(_("Corrects receipt {number} ({amount}): {reason}").format(
            number=view.corrects_number, amount=m(view.corrected_amount or Decimal(0)),
            reason=view.correction_reason), size=8.5))
    if view.voided:
        top.append(_Row(_("VOID: {reason} (approved by {manager})").format(
            reason=view.void_reason, manager=view.void_approver) if view.void_approver
            else _("VOID: {reason}").format(reason=view.void_reason), size=9))
    lines: list[_Row] = []
    for i, ln in enumerate(view.lines):
        lines.append(_Row(f"{ln.description}  ×{ln.qty}", m(ln.amount), size=9, rule=i == 0, bold_gap=3 if i else 2))
        lines.append(_Row(_("Schedule {schedule} · Card {card} · Applied: {applied}").format(
            schedule=m(ln.schedule_price) if ln.schedule_price is not None else "-",
            card=m(ln.card_price) if ln.card_price is not None else "-", applied=ln.applied_label),
            size=7.5, indent=3 * mm))
    close: list[_Row] = []
    if view.lines:
        for i, (label, value) in enumerate(view.bill_rows()):
            close.append(_Row(label, value, rule=i == 0, bold_gap=3 if i == 0 else 0,
                              size=11 if label == _("Total") else 9))
    for i, (label, value) in enumerate(view.money_rows()):
        close.append(_Row(label, value, size=10 if i == 0 else 8.5, rule=i == 0, bold_gap=3 if i == 0 else 0))
    if invoice_no:
        close.append(_Row(_("Invoice {number}").format(number=invoice_no), size=8.5, bold_gap=2))
    elif invoice_owed:
        close.append(_Row(_("Invoice owed"), size=8.5, bold_gap=2))
    if view.corrected_by_number:
        close.append(_Row(_("Corrected by receipt {number}").format(number=view.corrected_by_number), size=8.5))
    if view.copy:
        close.append(_Row(_("COPY: reprint {count}").format(count=view.reprints), size=8.5))
    if view.footer:
        close.append(_Row(view.footer, size=8, rule=True, bold_gap=3))
    close.append(_Row(_("This receipt is not a tax invoice."), size=7.5))
    return top + lines, close


def _marks(view: ReceiptView) -> list[str]:
    marks = []
    if view.voided:
        marks.append(_("VOID"))
    if view.copy:
        marks.append(_("COPY"))
    return marks


def _draw_marks(c: Canvas, marks: list[str], cx: float, cy: float, width: float, angle: float) -> None:
    if not marks:
        return
    text = " · ".join(marks)
    size = 60.0
    while size > 10 and pdfmetrics.stringWidth(text, FONT, size) > width:
        size -= 2
    c.saveState()
    c.setFillColorRGB(0.75, 0.1, 0.1, alpha=0.35)
    c.translate(cx, cy)
    c.rotate(angle)
    c.setFont(FONT, size)
    c.drawCentredString(0, -size / 3, text)
    c.restoreState()


def _a5(c: Canvas, view: ReceiptView, qr_value: str, rows: list[_Row], logo: bytes | None) -> None:
    page_w, page_h = A5
    margin = 12 * mm
    width = page_w - 2 * margin
    qr_size = 22 * mm
    marks = _marks(view)
    wrapped = [(row, *row.wrap(width)) for row in rows]
    page = 1

    def start_page() -> float:
        x, top = margin, page_h - margin
        y = top
        logo_w = draw_logo(c, logo, x, top, LOGO_W, LOGO_H)
        if logo_w:
            x += logo_w + 3 * mm
        text_w = page_w - margin - qr_size - 4 * mm - x
        for row in _header_rows(view, narrow=False):
            p, h = row.wrap(text_w)
            row.draw(c, p, x, y, text_w, h)
            y -= h
        if logo_w:
            y = min(y, top - logo_height(logo, LOGO_W, LOGO_H) - 1 * mm)
            x = margin
        draw_qr(c, qr_value, page_w - margin - qr_size, top - qr_size, qr_size)
        fit_text(c, qr_value, page_w - margin - qr_size / 2, top - qr_size - 3 * mm, qr_size, 7, align="center")
        if page > 1:
            fit_text(c, _("Receipt {number} (continued)").format(number=view.number), x, y - 4 * mm, width, 9)
            y -= 6 * mm
        _draw_marks(c, marks, page_w / 2, page_h / 2, page_h * 0.8, 35)
        return min(y, top - qr_size - 5 * mm) - 2 * mm

    def finish_page() -> None:
        fit_text(c, _("Page {page}").format(page=page), page_w - margin, margin / 2, width, 7, align="right")
        c.showPage()

    y = start_page()
    for row, p, h in wrapped:
        if y - h < margin:
            finish_page()
            page += 1
            y = start_page()
        row.draw(c, p, margin, y, width, h)
        y -= h
    finish_page()


def _roll(path: Path, view: ReceiptView, qr_value: str, rows: list[_Row], logo: bytes | None) -> Canvas:
    margin = 4 * mm
    width = ROLL_WIDTH - 2 * margin
    qr_size = 30 * mm
    header = _header_rows(view, narrow=True)
    marks = _marks(view)
    mark_h = 16 * mm if marks else 0
    wrapped = [(row, *row.wrap(width)) for row in header + rows]
    logo_h = logo_height(logo, ROLL_LOGO_W, ROLL_LOGO_H)
    logo_h += 2 * mm if logo_h else 0
    height = margin + logo_h + mark_h + sum(h for _r, _p, h in wrapped) + 4 * mm + qr_size + 6 * mm + margin
    c = Canvas(str(path), pagesize=(ROLL_WIDTH, height))
    y = height - margin
    if logo_h:
        draw_logo(c, logo, (ROLL_WIDTH - ROLL_LOGO_W) / 2, y, ROLL_LOGO_W, ROLL_LOGO_H, align="center")
        y -= logo_h
    for row, p, h in wrapped[:len(header)]:
        row.draw(c, p, margin, y, width, h)
        y -= h
    if marks:
        _draw_marks(c, marks, ROLL_WIDTH / 2, y - mark_h / 2, width, 0)
        y -= mark_h
    for row, p, h in wrapped[len(header):]:
        row.draw(c, p, margin, y, width, h)
        y -= h
    y -= 4 * mm
    draw_qr(c, qr_value, (ROLL_WIDTH - qr_size) / 2, y - qr_size, qr_size)
    fit_text(c, qr_value, ROLL_WIDTH / 2, y - qr_size - 4 * mm, width, 8, align="center")
    c.showPage()
    return c


def write_receipt(view: ReceiptView, path: Path | str, size: str = "a5", ticket_qr: str | None = None,
                  invoice_no: str | None = None, invoice_owed: bool = False, logo: bytes | None = None) -> Path:
    """The receipt to ``path``: ``size="a5"`` (A5 portrait, more pages when
    the lines need them) or ``"80mm"`` (one page exactly 80 mm wide, as long
    as the content).  ``ticket_qr`` is the QR code's content (default: the
    ticket number).  ``invoice_no`` prints "Invoice {no}"; else
    ``invoice_owed`` prints "Invoice owed".  ``logo`` is the shop's picture
    (PNG or JPEG bytes), printed beside (A5) or above (roll) the shop's name."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES}, not {size!r}")
    register_fonts()
    path = Path(path)
    qr_value = ticket_qr or view.ticket_number
    top, close = _body_rows(view, invoice_no, invoice_owed)
    if size == "80mm":
        c = _roll(path, view, qr_value, top + close, logo)
    else:
        c = Canvas(str(path), pagesize=A5)
        _a5(c, view, qr_value, top + close, logo)
    c.setTitle(_("Receipt {number}").format(number=view.number))
    c.save()
    return path
