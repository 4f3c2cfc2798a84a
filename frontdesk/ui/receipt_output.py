"""The receipt of a payment, deposit, refund or correction, given out the
moment it is issued (docs/rules.md#receipts-and-invoices).

Every screen that issues a receipt calls :func:`show_receipt` with the new
receipt's id, and this counter's own settings (Settings, "This counter";
:mod:`frontdesk.ui.machine`) decide what happens:

- the receipt size: A5, or the 80 mm roll of a receipt printer;
- "print receipts straight away": off, the receipt opens in the print
  preview (print, save as PDF, or close); on, it goes at once to the printer
  remembered for that size on this machine, with no preview.  While no such
  printer is remembered or it is not there, the preview opens instead and
  says so; a printer that fails opens the preview with the problem (the PDF
  is kept: nothing is lost).

The receipt list prints through :func:`receipt_preview` too, so a receipt
printed from there or at the payment is the same document on the same
remembered printer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from frontdesk.billing import payments
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import report, show_inline
from frontdesk.ui.machine import prints_receipts_straight, receipt_size

if TYPE_CHECKING:
    from frontdesk.ui.print_preview import PrintPreviewDialog


def printer_kind(size: str) -> str:
    """The kind of document a printer is remembered for: the 80 mm roll's
    receipt printer, or the A5 one."""
    return "receipt" if size == "80mm" else "a5"


def receipt_title(number: str) -> str:
    return _("Receipt {number}").format(number=number)


def receipt_preview(parent: QWidget, ctx: AppContext, number: str, size: str, copy: bool = False,
                    label: QLabel | None = None) -> PrintPreviewDialog | None:
    """Receipt ``number`` on ``size`` ("a5" or "80mm"; ``copy`` marks it
    COPY) opened in the print preview without blocking; a problem is said in
    ``label`` (else in a message box) and None returned."""
    # Here, not at the top: QtPdf and reportlab load at the first print, not when the window opens.
    from frontdesk.printing import documents
    from frontdesk.ui.print_preview import preview

    return preview(ctx, parent, receipt_title(number), printer_kind(size), _filename(number, size, copy),
                   lambda s, p: documents.print_receipt(s, number, p, size=size, copy=copy), label)


def show_receipt(parent: QWidget, ctx: AppContext, receipt_id: int,
                 label: QLabel | None = None) -> PrintPreviewDialog | None:
    """Give out receipt ``receipt_id`` just issued (a payment, deposit,
    refund or correction) as this counter is set up: on its receipt size,
    opened in the print preview, or printed straight on the receipt printer.

    Call it once the transaction that issued the receipt has committed
    (after ``ctx.write`` returned the receipt), with the screen that issued
    it as ``parent`` and its message label as ``label`` (where a receipt
    that cannot be made is said; without one, a message box).  Returns the
    preview opened, or None when the receipt went straight to the printer
    (or could not be made).  It never blocks: the screen goes on."""
    try:
        number = ctx.read(lambda s: payments.get_receipt(s, receipt_id).number)
    except FrontDeskError as exc:  # the database busy or gone a moment after the receipt was issued
        report(parent, exc, label)
        return None
    size = receipt_size()
    if not prints_receipts_straight():
        return receipt_preview(parent, ctx, number, size, label=label)
    return _print_straight(parent, ctx, number, size, label)


def _filename(number: str, size: str, copy: bool = False) -> str:
    return f"{number}-{size}{'-copy' if copy else ''}.pdf"


def _program_window(widget: QWidget) -> QWidget:
    """The window at the top of ``widget``'s parents (the main window): a
    print run it owns goes on when the ticket or payment dialog closes."""
    window = widget.window()
    above = window.parentWidget()
    while above is not None:
        window = above.window()
        above = window.parentWidget()
    return window


def _print_straight(parent: QWidget, ctx: AppContext, number: str, size: str,
                    label: QLabel | None) -> PrintPreviewDialog | None:
    # Here, not at the top: QtPdf and reportlab load at the first print, not when the window opens.
    from frontdesk.printing import documents
    from frontdesk.ui import print_preview

    kind = printer_kind(size)
    name = print_preview.remembered_printer(kind)
    if not name or name not in print_preview.available_printers():
        dialog = receipt_preview(parent, ctx, number, size, label=label)
        if dialog is not None:
            problem = (_("The receipt printer {name} is not there: print from here, or choose another printer "
                         "(it is remembered for the next receipts).").format(name=name) if name else
                       _("No receipt printer is chosen on this counter yet: print this receipt from here and the "
                         "printer is remembered for the next ones."))
            show_inline(dialog.ui.messageLabel, problem)
        return dialog
    pdf = print_preview.make_document(ctx, parent, _filename(number, size),
                                      lambda s, p: documents.print_receipt(s, number, p, size=size), label)
    if pdf is None:
        return None
    window = _program_window(parent)

    def failed(exc: BaseException) -> None:
        # The PDF is kept: the preview offers it again, with what went wrong.
        dialog = print_preview.PrintPreviewDialog(pdf, receipt_title(number), kind, window)
        dialog.open()
        report(dialog, exc, dialog.ui.messageLabel)

    print_preview.print_straight(pdf, name, window, failed)
    return None
