"""The daily reconciliation (日结单) on A4: every figure of the day close,
then signature lines for the clerk and the manager.

A plain function of :class:`frontdesk.dayclose.service.DayFigures`; the
tables run on to further pages as needed (a day with many voids or owed
invoices), and the signatures always come last.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import Flowable

from frontdesk import counters
from frontdesk.billing import payments
from frontdesk.dayclose.service import DayFigures
from frontdesk.i18n import _
from frontdesk.intake import states
from frontdesk.printing.base import FONT, para, register_fonts
from frontdesk.printing.base import grid_table as _table

WIDTH = A4[0] - 30 * mm


def _pairs(rows: Sequence[tuple[str, str]]) -> Table:
    return _table([list(r) for r in rows], [WIDTH * 0.6, WIDTH * 0.4], header=False)


def _section(title: str) -> list[Flowable]:
    return [Spacer(1, 3 * mm), para(title, 11)]


def _rate(value: Decimal | None) -> str:
    return "-" if value is None else f"{(value * 100).quantize(Decimal('0.1'))} %"


def _story(f: DayFigures) -> list[Flowable]:
    m = f.money
    title = _("Day close {day}").format(day=f.day.isoformat())
    status = _("CLOSED {at} by {name}, approved by {manager}").format(
        at=f.closed_at.strftime("%Y-%m-%d %H:%M") if f.closed_at else "", name=f.closed_by or "",
        manager=f.approved_by or "") if f.closed else _("NOT CLOSED: figures as they stand")
    story: list[Flowable] = [para(f.shop_name, 14), para(title, 13),
                             para(_("Counter: {counter}").format(counter=counters.label(f.counter)) + "    " + status, 9)]

    story += _section(_("Receipts issued"))
    story.append(_pairs([
        (_("First number"), f.first_number or "-"), (_("Last number"), f.last_number or "-"),
        (_("Receipts"), str(f.receipt_count)),
        (_("Gaps in the sequence"), ", ".join(f.gaps) if f.gaps else _("none")),
        *([(_("Withdrawn by a restore"), ", ".join(f.withdrawn))] if f.withdrawn else []),
        (_("Reprints (COPY)"), ", ".join(f.reprints) if f.reprints else _("none")),
    ]))
    if f.voids:
        story.append(Spacer(1, 2 * mm))
        story.append(_table([[_("Voided"), _("Ticket"), _("Amount"), _("Reason"), _("Approved by")]] +
                            [[v.number, v.ticket_number, m(v.amount), v.reason, v.approver] for v in f.voids],
                            [w * WIDTH for w in (0.2, 0.2, 0.15, 0.3, 0.15)]))
    if f.corrections:
        story.append(Spacer(1, 2 * mm))
        story.append(_table([[_("Correction"), _("Corrects"), _("Amount"), _("Difference"), _("Reason")]] +
                            [[c.number, c.corrects, m(c.amount), m(c.net), c.reason] for c in f.corrections],
                            [w * WIDTH for w in (0.2, 0.2, 0.15, 0.15, 0.3)]))

    story += _section(_("Money by method"))
    story.append(_table([[_("Method"), _("Receipts"), _("In"), _("Out"), _("Net")]] +
                        [[payments.method_text(ml.method), str(ml.count), m(ml.money_in), m(ml.money_out), m(ml.net)] for ml in f.methods],
                        [w * WIDTH for w in (0.28, 0.12, 0.2, 0.2, 0.2)]))
    story.append(Spacer(1, 2 * mm))
    story.append(_pairs([
        (_("Payments ({count})").format(count=f.payments_count), m(f.payments_total)),
        (_("Deposits taken ({count})").format(count=f.deposits_taken_count), m(f.deposits_taken)),
        (_("Deposits returned ({count})").format(count=f.deposits_returned_count), m(f.deposits_returned)),
        (_("Deposits kept ({count})").format(count=f.deposits_kept_count), m(f.deposits_kept)),
        (_("Deposits put toward a bill ({count})").format(count=f.deposits_applied_count), m(f.deposits_applied)),
        (_("Other refunds ({count})").format(count=f.refunds_count), m(f.refunds)),
        (_("Corrections, difference"), m(f.corrections_net)),
        (_("Net of the day"), m(f.net_total)),
    ]))

    story += _section(_("The drawer"))
    story.append(_pairs([
        (_("Opening float"), m(f.opening_float) or "-"), (_("Cash moved"), m(f.cash_moved)),
        (_("Expected cash"), m(f.expected_cash) or (_("hidden until counted") if f.blind else "-")),
        (_("Counted cash"), m(f.counted_cash) or "-"), (_("Over (+) / short (-)"), m(f.over_short) or "-"),
    ]))
    if f.denominations:
        story.append(Spacer(1, 2 * mm))
        story.append(_table([[_("Note or coin"), _("Pieces"), _("Amount")]] +
                            [[m(Decimal(face)), str(n), m(Decimal(face) * n)] for face, n in f.denominations.items()],
                            [w * WIDTH for w in (0.4, 0.2, 0.4)]))

    story += _section(_("The desk"))
    story.append(_pairs([
        (_("Tickets opened"), str(f.tickets_opened)), (_("Tickets closed"), str(f.tickets_closed)),
        (_("Quotes declined"), str(f.quotes_declined)),
        (_("Still open, by state"), ", ".join(f"{states.label(s)} {n}" for s, n in sorted(f.open_by_state.items()))
         or "0"),
        (_("Waived and discounted"), m(f.waived_total)),
        (_("Loaners out / overdue"), f"{len(f.loans_out)} / {len(f.loans_overdue)}"),
        (_("Deposits held"), m(f.deposits_held)), (_("Pull-backs not yet returned"), str(f.pullbacks_out)),
        (_("Call-backs due / done / late"), f"{f.callbacks_due} / {f.callbacks_done} / {f.callbacks_late}"),
        (_("Feedback cards issued / returned"), f"{f.cards_issued} / {f.cards_returned}"),
        (_("Satisfaction"), _rate(f.satisfaction)),
    ]))
    if f.waivers:
        story.append(Spacer(1, 2 * mm))
        story.append(_table([[_("Ticket"), _("Waived"), _("Reason"), _("Approved by")]] +
                            [[w.ticket_number, m(w.amount), w.reason, w.approver] for w in f.waivers],
                            [w * WIDTH for w in (0.22, 0.18, 0.4, 0.2)]))
    if f.loans_overdue:
        story.append(Spacer(1, 2 * mm))
        story.append(_table([[_("Overdue loaner"), _("Ticket"), _("Due"), _("Deposit")]] +
                            [[ln.tag, ln.ticket_number, ln.due_on.isoformat() if ln.due_on else "", m(ln.deposit)]
                             for ln in f.loans_overdue], [w * WIDTH for w in (0.25, 0.25, 0.25, 0.25)]))
    story += _section(_("Invoices owed ({count})").format(count=len(f.invoices_owed)))
    if f.invoices_owed:
        story.append(_table([[_("Ticket"), _("Customer"), _("Asked on"), _("Invoice title")]] +
                            [[i.ticket_number, i.customer, i.requested_on.isoformat(), i.buyer]
                             for i in f.invoices_owed], [w * WIDTH for w in (0.22, 0.25, 0.18, 0.35)]))
    else:
        story.append(para(_("none"), 9))
    story += _section(_("Evidence: the audit trail and the receipt numbers"))
    story.append(_pairs([
        (_("Audit trail head (record and hash)"),
         f"#{f.chain_head_id} {f.chain_head_hash}" if f.chain_head_id is not None else "-"),
        *[(_("Last receipt number of {year}").format(year=year), number)
          for year, number in sorted(f.last_receipt_numbers.items())],
    ]))
    if f.note:
        story += _section(_("Note"))
        story.append(para(f.note, 9))

    line = "_" * 28
    signatures = Table([[para(_("Clerk") + f"  {f.counted_by or ''}", 9), para(_("Manager") + f"  {f.approved_by or ''}", 9)],
                        [para(line, 9), para(line, 9)],
                        [para(_("Signature and date"), 7.5), para(_("Signature and date"), 7.5)]],
                       colWidths=[WIDTH / 2, WIDTH / 2])
    story.append(KeepTogether([Spacer(1, 12 * mm), signatures]))
    return story


def write_reconciliation(figures: DayFigures, path: Path | str) -> Path:
    """The reconciliation of ``figures`` as an A4 PDF at ``path``."""
    register_fonts()
    out = Path(path)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=_("Day close {day}").format(day=figures.day.isoformat()))

    def footer(canvas: object, document: object) -> None:
        assert isinstance(canvas, Canvas)
        canvas.setFont(FONT, 7)
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, _("{shop} · day close {day} · page {page}").format(
            shop=figures.shop_name, day=figures.day.isoformat(), page=canvas.getPageNumber()))

    doc.build(_story(figures), onFirstPage=footer, onLaterPages=footer)
    return out


__all__ = ["write_reconciliation"]
