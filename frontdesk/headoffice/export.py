"""Export one shop's period as the head-office workbook.

Rows are read page by page (the period's keys first, 8 bytes each, then
each page's rows by their keys: plain column tuples, no ORM objects kept)
and streamed into openpyxl's write-only workbook, so memory stays flat
however many tickets there are (but for the keys: 8 MB for a million).  The export
reports progress through ``progress(fraction, note)``; when that returns
False the export stops and no file is left behind.

Loans are flagged overdue as of the earlier of the period's last day and
the export's ``now``; loaner deposits have their own sheet and are not in a
ticket's "paid" (:mod:`frontdesk.headoffice.deposits`).

Customer names and phones are masked (张*, 138****5678) unless a manager
asks for them unmasked (the actor, or ``approver`` who entered their PIN);
every export is audited, an unmasked one with its approver.
"""

from __future__ import annotations

import logging
import threading
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from frontdesk import audit, clock, i18n, settings
from frontdesk.ahead import ahead, meanwhile
from frontdesk.billing.models import Quote, QuoteLine, Receipt, Waiver
from frontdesk.billing.quotes import APPROVED, DECLINED, STAGE_DECLINE, STAGE_QUOTE, SUPERSEDED
from frontdesk.claims.models import Claim, Maker, OldPart, ReturnBatch
from frontdesk.claims.service import DRAFTED
from frontdesk.db.engine import Database
from frontdesk.db.lookup import among_ids
from frontdesk.db.models import (
    AuditRecord,
    Customer,
    Product,
    RepairPart,
    RepairRecord,
    Technician,
    Ticket,
    WithdrawnNumber,
)
from frontdesk.errors import FrontDeskError, NeedsManager, ValidationError
from frontdesk.figures.catalog import group_title
from frontdesk.figures.service import Figures, Period, compute
from frontdesk.followup.models import CallBack, FeedbackCard
from frontdesk.followup.service import card_satisfied
from frontdesk.headoffice.deposits import LoanFact, ReceiptFact, TicketMoney, ticket_money
from frontdesk.headoffice.schema import (
    CHAIN_HEAD,
    CODES_COLUMNS,
    CODES_SHEET,
    DAY_CLOSE,
    EXPORT,
    EXPORT_ACTIONS,
    FORMAT,
    FORMAT_VERSION,
    KIND_SHOP,
    LAST_RECEIPT,
    SCHEMA_COLUMNS,
    SCHEMA_SHEET,
    SHEETS,
    WITHDRAWN,
    WORKBOOK_ROW,
    Column,
    code_rows,
    mask_name,
    mask_phone,
)
from frontdesk.headoffice.xlsx import SheetWriter, discard, new_workbook, save
from frontdesk.i18n import _
from frontdesk.intake.states import FINAL
from frontdesk.loaners.models import Loan, LoanerUnit
from frontdesk.money import ZERO
from frontdesk.users import Actor, display_names, require_manager

log = logging.getLogger(__name__)

PAGE = 500  # rows a page on SQLite, which reads in the writing thread
# On PostgreSQL a thread reads the pages ahead of their writing, and each of a page's statements has it wait for
# the interpreter again (up to 5 ms while the writer holds it): in pages of 500 the writer waited for the reader
# 2-3 s of a 20,000-ticket export, in pages of 2,000 a third of a second (docs/performance.md).
PAGE_AHEAD = 2000
KEYS_AT_ONCE = 10_000  # the keys fetched from the driver at a time
MAX_DAYS = 3660
Progress = Callable[[float, str], bool]


class ExportCancelled(FrontDeskError):
    def __init__(self) -> None:
        super().__init__(_("The export was cancelled; no file was written."))


class ExportNotAudited(FrontDeskError):
    """A workbook whose audit record could not be written: the file was
    deleted."""


def _failure_text(exc: BaseException) -> str:
    """Why a write failed, in one line without the statement or its values."""
    if isinstance(exc, FrontDeskError):
        return exc.message
    text = str(getattr(exc, "orig", None) or type(exc).__name__).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@dataclass(frozen=True)
class _Later:
    """What :meth:`_Export.read_later` read: each month's figures, and the
    summary's closed tickets and receipts (how many, net) by day and category."""
    months: list[Figures]
    closed: dict[tuple[date, str], int]
    received: dict[tuple[date, str], list[Any]]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: dict[str, int]
    masked: bool


def _pages(session: Session, query: Any, key: Any, keys_of: Any = None) -> Iterator[Sequence[Any]]:
    """Pages of ``query``'s rows in ``key`` order (``key`` an integer,
    unique among its rows).  The keys come first, all of them, in one
    statement the database plans by the period's own index (``keys_of``
    where the rows' joins do not filter them: the keys of the same rows
    without those joins), kept as 8 bytes each; then each page's rows by
    their keys.  Pages taken after the last key seen, ordered by the key
    with a limit, had PostgreSQL walk the key's index from its very first
    row to the period's first (the period's rows are the newest of a
    million: a third of a second per sheet).  The keys are put in order
    here, not by the database: asked for them in order, SQLite read the
    fee lines in the key's order, all 1.8 million of a million tickets, to
    spare itself a sort of the period's 30,000 (1.5 s, where by the
    period's tickets it is 40 ms).  Sorting takes a Python integer per key
    for a moment: 36 MB at a million."""
    keys = array("q")
    found = keys_of if keys_of is not None else query.with_only_columns(key)
    for part in session.execute(found).scalars().partitions(KEYS_AT_ONCE):
        keys.extend(part)
    keys = array("q", sorted(keys))
    size = PAGE_AHEAD if session.get_bind().dialect.name == "postgresql" else PAGE
    # A page's keys as one parameter (on PostgreSQL one array: an IN list of 500 was 500 parameters for
    # SQLAlchemy to render and the driver to parse again at every page, a tenth of the export's time).
    page = query.where(among_ids(key, session.get_bind().dialect.name, "page_keys")).order_by(key)
    for start in range(0, len(keys), size):
        rows = session.execute(page, {"page_keys": keys[start:start + size].tolist()}).all()
        if rows:
            yield rows


def _span(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    return datetime.combine(date_from, time.min), datetime.combine(date_to + timedelta(days=1), time.min)


def overdue_as_of(date_to: date, now: datetime) -> date:
    """The day loans are flagged overdue on: the period's last day, or today
    when the period has not ended yet (a loan due tomorrow is not late)."""
    return min(date_to, now.date())


def parts_text(parts: Sequence[tuple[str, str]]) -> tuple[str, int]:
    """The parts replaced as one cell, ``compressor ×1; capacitor ×2`` (each
    part by its description, else its number, in the order first written),
    and how many there were."""
    counts: dict[str, int] = {}
    for part_no, description in parts:
        label = description or part_no
        counts[label] = counts.get(label, 0) + 1
    return "; ".join(f"{label} ×{n}" for label, n in counts.items()), len(parts)


class _Export:
    def __init__(self, session: Session, date_from: date, date_to: date, masked: bool,
                 progress: Progress | None, now: datetime) -> None:
        self.s = session
        self.start, self.end = _span(date_from, date_to)
        self.date_to = date_to
        self.head: tuple[int | None, str] = (None, "")  # the chain's head the integrity sheet gave
        self.overdue_as_of = overdue_as_of(date_to, now)
        self.masked = masked
        self.progress = progress
        shop = settings.load(session)
        self.shop = str(shop["shop_code"])
        self.shop_name = str(shop["shop_name"])
        self.currency = str(shop["currency"])
        self.users = display_names(session)  # "Approved by": people by their names, as on paper
        self.total = 0  # the rows to write, for the progress: 0 until counted
        self.done = 0
        self.summary: dict[tuple[date, str], list[Any]] = defaultdict(lambda: [0, 0, 0, ZERO])
        self.dialect = session.get_bind().dialect.name
        # A page read a step ahead of its writing, by a thread, where the reading is a server's work and the
        # driver lets the interpreter go while it waits (docs/performance.md).  SQLite's reading is this
        # process's own work: a thread for it only had the two contend for the interpreter, and the
        # export took 1.2x its time in a thread of its own.
        self.ahead: Callable[[Iterator[Any]], Iterator[Any]] = iter if self.dialect == "sqlite" else ahead

    def among(self, column: Any, name: str = "ids") -> Any:
        """``column`` is one of a page's ids, given as the parameter ``name``:
        on PostgreSQL one array, so that each page's statement is the one
        prepared at the first (an IN list is a statement of its own at every
        page, rendered, parsed and planned again)."""
        return among_ids(column, self.dialect, name)

    def tick(self, rows: int, note: str) -> None:
        self.done += rows
        total = self.total  # counted by another thread on PostgreSQL: at 0 until then
        if self.progress is not None and self.progress(min(1.0, self.done / total) if total else 0.0,
                                                       note) is False:
            raise ExportCancelled()

    # -- what is in the period ---------------------------------------------------------------
    def in_period(self, column: Any) -> Any:
        return (column >= self.start) & (column < self.end)

    def count(self, s: Session) -> int:
        tickets = select(Ticket.id).where(self.in_period(Ticket.intake_at))
        queries = [
            select(func.count()).select_from(tickets.subquery()),
            select(func.count(QuoteLine.id)).join(Quote, Quote.id == QuoteLine.quote_id)
            .where(Quote.ticket_id.in_(tickets)),
            select(func.count(Receipt.id)).where(self.in_period(Receipt.issued_at)),
            select(func.count(Loan.id)).where(self.in_period(Loan.lent_at)),
            select(func.count(Loan.id)).where(self.in_period(Loan.lent_at), Loan.deposit_receipt_id.is_not(None)),
            select(func.count(CallBack.id)).where(self.in_period(CallBack.due_at)),
            select(func.count(FeedbackCard.id)).where(FeedbackCard.issued_on >= self.start.date(),
                                                      FeedbackCard.issued_on < self.end.date()),
            select(func.count(Claim.id)).where(self.claims_in_period()),
            select(func.count(OldPart.id)).join(Claim, Claim.id == OldPart.claim_id).where(self.claims_in_period()),
        ]
        return sum(int(s.scalar(q) or 0) for q in queries) + 1

    # -- the sheets ------------------------------------------------------------------------------
    def tickets(self, out: SheetWriter) -> None:
        query = (
            select(Ticket.id, Ticket.number, Ticket.channel, Ticket.intake_at, Ticket.state, Customer.name,
                   Customer.phone_display, Customer.phone, Product.category, Product.brand, Product.model,
                   Product.serial, Ticket.warranty_status, Ticket.warranty_exclusion, Ticket.fault, Technician.name,
                   Ticket.closed_at, Ticket.prior_repairs_same_fault, Ticket.ready_at, Ticket.picked_up_at,
                   Ticket.fault_category)
            .join(Customer, Customer.id == Ticket.customer_id)
            .outerjoin(Product, Product.id == Ticket.product_id)
            .outerjoin(Technician, Technician.id == Ticket.technician_id)
            .where(self.in_period(Ticket.intake_at))
        )
        # Each page's statements, built once: the page's ticket ids (and its repairs') are their parameters.
        owed_q = (select(Quote.ticket_id, func.sum(Quote.owed))
                  .where(self.among(Quote.ticket_id), Quote.state.in_((APPROVED, DECLINED))).group_by(Quote.ticket_id))
        declined_q = select(Quote.ticket_id).where(self.among(Quote.ticket_id), Quote.state == DECLINED)
        waived_q = select(Waiver.ticket_id, func.sum(Waiver.amount)).where(
            self.among(Waiver.ticket_id)).group_by(Waiver.ticket_id)
        quoted_q = (select(Quote.ticket_id, Quote.created_at, Quote.approved_at)  # the current quote: the newest
                    .where(self.among(Quote.ticket_id), Quote.state != SUPERSEDED).order_by(Quote.id))  # not revised
        repaired_q = select(RepairRecord.id, RepairRecord.ticket_id, RepairRecord.recorded_at,
                            RepairRecord.action).where(self.among(RepairRecord.ticket_id))
        parts_q = (select(RepairPart.record_id, RepairPart.part_no, RepairPart.description)
                   .where(self.among(RepairPart.record_id)).order_by(RepairPart.record_id, RepairPart.position))
        for rows in self.ahead(self._ticket_rows(query, owed_q, declined_q, waived_q, quoted_q, repaired_q, parts_q)):
            out.extend(rows)
            self.tick(len(rows), _("Tickets"))

    def _ticket_rows(self, query: Any, owed_q: Any, declined_q: Any, waived_q: Any, quoted_q: Any, repaired_q: Any,
                     parts_q: Any) -> Iterator[list[list[Any]]]:
        """The tickets sheet's rows, a page at a time (read ahead of their
        writing: the session is this generator's until it ends)."""
        # The period's tickets by their own index: every ticket has its customer, and the other joins are outer.
        for page in _pages(self.s, query, Ticket.id, select(Ticket.id).where(self.in_period(Ticket.intake_at))):
            rows: list[list[Any]] = []
            ids = {"ids": [r[0] for r in page]}
            owed = dict(self.s.execute(owed_q, ids).all())
            declined = set(self.s.scalars(declined_q, ids))
            waived = dict(self.s.execute(waived_q, ids).all())
            money = self.money_of(ids["ids"])
            quoted: dict[int, tuple[datetime | None, datetime | None]] = {}
            for ticket_id, created_at, approved_at in self.s.execute(quoted_q, ids):
                quoted[ticket_id] = (created_at, approved_at)
            repaired: dict[int, tuple[int | None, datetime | None, str]] = {
                ticket_id: (record_id, at, action) for record_id, ticket_id, at, action in self.s.execute(
                    repaired_q, ids)}
            parts: dict[int, list[tuple[str, str]]] = defaultdict(list)
            for rec_id, part_no, description in self.s.execute(parts_q, {"ids": [r[0] for r in repaired.values()]}):
                parts[rec_id].append((part_no, description))
            for (tid, number, channel, intake_at, state, name, phone_display, phone, category, brand, model, serial,
                 w_status, w_reason, fault, tech, closed_at, prior, ready_at, picked_up_at, fault_category) in page:
                phone_text = phone_display or phone
                charged = Decimal(owed.get(tid) or 0) - Decimal(waived.get(tid) or 0)
                quoted_at, approved_at = quoted.get(tid, (None, None))
                record_id, repaired_at, action = repaired.get(tid, (None, None, ""))
                replaced, n_parts = parts_text(parts.get(record_id, []) if record_id else [])
                rows.append([
                    self.shop, number, channel, intake_at, state, mask_name(name) if self.masked else name,
                    mask_phone(phone_text) if self.masked else phone_text, category or "", brand or "", model or "",
                    serial or "", w_status, w_reason or "", fault, fault_category or "", action or "", replaced, n_parts if record_id else None,
                    tech or "", tid in declined, charged, money[tid].paid if tid in money else ZERO,
                    quoted_at, approved_at, repaired_at, ready_at, picked_up_at, closed_at,
                    (closed_at.date() - intake_at.date()).days if closed_at else None, prior,
                ])
                self.summary[(intake_at.date(), category or "")][0] += 1
            yield rows

    def money_of(self, ticket_ids: Sequence[int]) -> dict[int, TicketMoney]:
        """The tickets' money (paid for the repair, each loan's deposit) from
        all their receipts and loans, whatever their dates."""
        ids = {"ids": list(ticket_ids)}
        receipts: dict[int, list[ReceiptFact]] = defaultdict(list)
        for rid, tid, issued_at, counts_as, net, corrects, voided_at in self.s.execute(
                select(Receipt.id, Receipt.ticket_id, Receipt.issued_at, Receipt.counts_as, Receipt.net,
                       Receipt.corrects_receipt_id, Receipt.voided_at).where(self.among(Receipt.ticket_id)), ids):
            receipts[tid].append(ReceiptFact(rid, tid, issued_at, counts_as, Decimal(net), corrects,
                                             voided_at is not None))
        loans: dict[int, list[LoanFact]] = defaultdict(list)
        for lid, tid, lent_at, returned_at, deposit, outcome, deposit_receipt, refund_receipt in self.s.execute(
                select(Loan.id, Loan.ticket_id, Loan.lent_at, Loan.returned_at, Loan.deposit, Loan.deposit_outcome,
                       Loan.deposit_receipt_id, Loan.refund_receipt_id).where(self.among(Loan.ticket_id)), ids):
            loans[tid].append(LoanFact(lid, tid, lent_at, returned_at, deposit, outcome, deposit_receipt,
                                       refund_receipt))
        return {tid: ticket_money(receipts.get(tid, []), loans.get(tid, [])) for tid in set(receipts) | set(loans)}

    def read_later(self, session: Session, now: datetime, stop: threading.Event) -> _Later:
        """What the export reads besides the sheets' rows: the service
        figures of each month and the summary's closed tickets and money
        received, by day and category.  Read with ``session``, the export's
        own or, on PostgreSQL, a second connection in the same snapshot,
        while the sheets are written (docs/architecture.md#transactions-and-concurrency);
        it touches nothing of the export's but what never changes.  Ends
        early, cancelled, once ``stop`` is set."""
        months = []
        for month in Period(self.start.date(), self.end.date()).months():
            if stop.is_set():
                raise ExportCancelled()
            months.append(compute(session, month, now=now))
        # Counted by the database, by day and category: one row each, where every closed ticket was a row.
        day = func.date(Ticket.closed_at)
        closed_q = (select(day, Product.category, func.count(Ticket.id))
                    .outerjoin(Product, Product.id == Ticket.product_id)
                    # A closing time only a final state has (neither is ever left): said, so that the
                    # state's index finds the period's (SQLite read every ticket's through another index).
                    .where(Ticket.state.in_(FINAL), self.in_period(Ticket.closed_at))
                    .group_by(day, Product.category))
        closed: dict[tuple[date, str], int] = {}
        for closed_on, category, count in session.execute(closed_q):
            on = closed_on if isinstance(closed_on, date) else date.fromisoformat(closed_on)  # SQLite: text
            closed[(on, category or "")] = closed.get((on, category or ""), 0) + int(count)
        received_q = (select(Receipt.id, Receipt.issued_at, Product.category, Receipt.net)
                      .join(Ticket, Ticket.id == Receipt.ticket_id).outerjoin(Product, Product.id == Ticket.product_id)
                      .where(self.in_period(Receipt.issued_at), Receipt.voided_at.is_(None)))
        received: dict[tuple[date, str], list[Any]] = defaultdict(lambda: [0, ZERO])
        for page in _pages(session, received_q, Receipt.id):
            if stop.is_set():
                raise ExportCancelled()
            for _id, issued_at, category, net in page:
                line = received[(issued_at.date(), category or "")]
                line[0] += 1
                line[1] += net
        return _Later(months, closed, dict(received))

    def closed_and_received(self, later: _Later) -> None:
        """The summary's closed tickets and money received, by day and category."""
        for key, count in later.closed.items():
            self.summary[key][1] += count
        for key, (receipts, net) in later.received.items():
            line = self.summary[key]
            line[2] += receipts
            line[3] += net

    def fee_lines(self, out: SheetWriter) -> None:
        decided = ((Quote.state == APPROVED) & (QuoteLine.stage == STAGE_QUOTE)) | (
            (Quote.state == DECLINED) & (QuoteLine.stage == STAGE_DECLINE))
        query = (
            select(QuoteLine.id, Ticket.number, QuoteLine.kind, QuoteLine.description, QuoteLine.code,
                   QuoteLine.in_warranty, QuoteLine.schedule_price, QuoteLine.card_price, QuoteLine.amount,
                   QuoteLine.applied)
            .join(Quote, Quote.id == QuoteLine.quote_id).join(Ticket, Ticket.id == Quote.ticket_id)
            .where(self.in_period(Ticket.intake_at), decided)
        )
        for page in self.ahead(_pages(self.s, query, QuoteLine.id)):
            for _id, number, kind, description, code, in_warranty, schedule, card, amount, applied in page:
                out.append([number, kind, description or code, in_warranty, schedule, card, amount, applied])
            self.tick(len(page), _("Fee lines"))

    def receipts(self, out: SheetWriter) -> None:
        corrected = aliased(Receipt)
        query = (
            select(Receipt.id, Receipt.number, Receipt.issued_at, Receipt.counter, Ticket.number, Product.category,
                   Receipt.kind, Receipt.counts_as, Receipt.method,
                   Receipt.amount, Receipt.net, Receipt.voided_at, Receipt.void_reason, Receipt.void_approver_id,
                   corrected.number)
            .join(Ticket, Ticket.id == Receipt.ticket_id)
            .outerjoin(Product, Product.id == Ticket.product_id)
            .outerjoin(corrected, corrected.id == Receipt.corrects_receipt_id)
            .where(self.in_period(Receipt.issued_at))
        )
        for page in self.ahead(_pages(self.s, query, Receipt.id)):
            for (_id, number, issued_at, counter, ticket, category, kind, counts_as, method, amount, net, voided_at,
                 reason, approver, corrects) in page:
                out.append([number, issued_at, counter, ticket, category or "", kind, counts_as, method, amount, net,
                            "void" if voided_at else "issued", reason or "",
                            self.users.get(approver, "") if approver else "", corrects or ""])
            self.tick(len(page), _("Receipts"))
        # Numbers a restore took back (issued in the database it replaced): a row
        # each, status "withdrawn", so the numbering has no unexplained hole.
        for number, issued_at, counter, ticket, amount, withdrawn_at in self.s.execute(
                select(WithdrawnNumber.number, WithdrawnNumber.issued_at, WithdrawnNumber.counter,
                       WithdrawnNumber.ticket_number, WithdrawnNumber.amount, WithdrawnNumber.withdrawn_at)
                .where(self.in_period(WithdrawnNumber.issued_at))
                .order_by(WithdrawnNumber.year, WithdrawnNumber.seq)):
            out.append([number, issued_at, counter, ticket or "", "", "", "", "", amount, ZERO, WITHDRAWN,
                        _("withdrawn by a restore on {date}").format(date=withdrawn_at.date().isoformat()), "", ""])

    def loaners(self, out: SheetWriter) -> None:
        query = (
            select(Loan.id, LoanerUnit.tag, LoanerUnit.category, Ticket.number, Loan.lent_at, Loan.due_on,
                   Loan.returned_at, Loan.deposit)
            .join(LoanerUnit, LoanerUnit.id == Loan.unit_id).join(Ticket, Ticket.id == Loan.ticket_id)
            .where(self.in_period(Loan.lent_at))
        )
        for page in _pages(self.s, query, Loan.id):
            for _id, tag, category, ticket, lent_at, due_on, returned_at, deposit in page:
                # Late on the day overdue is counted on: still out then, or came back after its due date.
                back = min(returned_at.date(), self.overdue_as_of) if returned_at else self.overdue_as_of
                out.append([tag, category, ticket, lent_at, due_on, returned_at, deposit,
                            due_on is not None and back > due_on])
            self.tick(len(page), _("Loaners"))

    def deposits(self, out: SheetWriter) -> None:
        """One row per loan of the period that had a deposit, and what
        became of it (:mod:`frontdesk.headoffice.deposits`)."""
        taken = aliased(Receipt)
        query = (
            select(Loan.id, Loan.ticket_id, Ticket.number, LoanerUnit.tag, Loan.lent_at, taken.number,
                   Loan.returned_at)
            .join(LoanerUnit, LoanerUnit.id == Loan.unit_id).join(Ticket, Ticket.id == Loan.ticket_id)
            .outerjoin(taken, taken.id == Loan.deposit_receipt_id)
            .where(self.in_period(Loan.lent_at))
        )
        for page in _pages(self.s, query, Loan.id):
            money = self.money_of(sorted({r[1] for r in page}))
            for loan_id, ticket_id, ticket, tag, lent_at, receipt_no, returned_at in page:
                figures = money[ticket_id].deposits.get(loan_id) if ticket_id in money else None
                if figures is None:
                    continue
                out.append([self.shop, ticket, tag, lent_at, figures.taken, receipt_no or "", returned_at,
                            figures.refunded, figures.kept, figures.applied, figures.held, figures.outcome])
            self.tick(len(page), _("Deposits"))

    def callbacks(self, out: SheetWriter) -> None:
        query = (select(CallBack.id, Ticket.number, CallBack.reason, CallBack.due_at, CallBack.done_at,
                        CallBack.outcome)
                 .outerjoin(Ticket, Ticket.id == CallBack.ticket_id).where(self.in_period(CallBack.due_at)))
        for page in _pages(self.s, query, CallBack.id):
            for _id, ticket, reason, due_at, done_at, outcome in page:
                out.append([ticket or "", reason, due_at, done_at, outcome or ""])
            self.tick(len(page), _("Call-backs"))

    def feedback(self, out: SheetWriter) -> None:
        query = (select(FeedbackCard.id, FeedbackCard.serial, Ticket.number, Technician.name, FeedbackCard.issued_on,
                        FeedbackCard.returned_on, FeedbackCard.quality, FeedbackCard.attitude, FeedbackCard.signed)
                 .join(Ticket, Ticket.id == FeedbackCard.ticket_id)
                 .outerjoin(Technician, Technician.id == FeedbackCard.technician_id)
                 .where(FeedbackCard.issued_on >= self.start.date(), FeedbackCard.issued_on < self.end.date()))
        for page in _pages(self.s, query, FeedbackCard.id):
            for _id, serial, ticket, tech, issued_on, returned_on, quality, attitude, signed in page:
                satisfied = card_satisfied(quality, attitude) if returned_on else None
                out.append([serial, ticket, tech or "", issued_on, returned_on, quality, attitude, satisfied, signed])
            self.tick(len(page), _("Feedback cards"))

    def claims_in_period(self) -> Any:
        """The period's claims: those of the repairs done in it."""
        return (Claim.repaired_on >= self.start.date()) & (Claim.repaired_on < self.end.date())

    def claims(self, out: SheetWriter) -> None:
        """The claims of the period, in their state when exported; late when
        submitted after the deadline, or not yet submitted and past it on
        the day overdue is counted on."""
        query = (select(Claim.id, Claim.number, Ticket.number, Maker.code, Claim.state, Claim.repaired_on,
                        Claim.claim_due, Claim.submitted_on, Claim.maker_claim_no, Claim.service_order_no,
                        Claim.amount_claimed, Claim.amount_paid, Claim.result_reason, Claim.appeal_due)
                 .join(Ticket, Ticket.id == Claim.ticket_id).join(Maker, Maker.id == Claim.maker_id)
                 .where(self.claims_in_period()))
        for page in _pages(self.s, query, Claim.id):
            for (_id, number, ticket, maker, state, repaired_on, due, submitted_on, maker_no, order_no, claimed, paid,
                 reason, appeal_due) in page:
                sent = submitted_on if submitted_on is not None or state != DRAFTED else self.overdue_as_of
                short = claimed - paid if paid is not None else ZERO
                out.append([number, ticket, maker, state, repaired_on, due, submitted_on, maker_no or "",
                            order_no or "", claimed, paid, short, reason or "", appeal_due,
                            sent is not None and sent > due])
            self.tick(len(page), _("Claims"))

    def old_parts(self, out: SheetWriter) -> None:
        """The old parts of the period's claims; one the maker wants back is
        late when it shipped after its return date, or had not shipped and
        was past it on the day overdue is counted on."""
        query = (select(OldPart.id, OldPart.tag, Claim.number, Ticket.number, Maker.code, OldPart.part_no,
                        OldPart.old_serial, OldPart.must_return, OldPart.return_due, ReturnBatch.number,
                        ReturnBatch.shipped_on)
                 .join(Claim, Claim.id == OldPart.claim_id).join(Ticket, Ticket.id == Claim.ticket_id)
                 .join(Maker, Maker.id == Claim.maker_id).outerjoin(ReturnBatch, ReturnBatch.id == OldPart.batch_id)
                 .where(self.claims_in_period()))
        for page in _pages(self.s, query, OldPart.id):
            for _id, tag, claim, ticket, maker, part_no, old_serial, must_return, due, batch, shipped_on in page:
                back = shipped_on or self.overdue_as_of
                out.append([tag, claim, ticket, maker, part_no, old_serial or "", must_return, due, batch or "",
                            shipped_on, bool(must_return and due is not None and back > due)])
            self.tick(len(page), _("Old parts"))

    def figures(self, out: SheetWriter, later: _Later) -> None:
        """The service figures of each month of the period (docs/rules.md#service-figures), as
        :func:`frontdesk.figures.service.compute` gives them."""
        for month in later.months:
            for v in month.values:
                out.append([self.shop, month.period.label, v.key, v.breakdown, v.group,
                            group_title(v.breakdown, v.group), v.value, v.unit, v.numerator, v.denominator,
                            month.as_of])
            self.tick(0, _("Figures"))

    def integrity(self, out: SheetWriter) -> None:
        """The chain's head now, the head each day close up to the period's
        end recorded, and the last receipt number of each year: what a
        later workbook of the shop must not go back on."""
        # Here, not at the top: the day close loads the billing it reads.
        from frontdesk.dayclose.models import DayClose
        from frontdesk.dayclose.service import chain_head, last_receipt_numbers

        head_id, head_hash = chain_head(self.s)
        self.head = (head_id, head_hash)
        out.append([CHAIN_HEAD, None, "", head_id, head_hash, None, ""])
        # The heads the shop's earlier workbooks gave, as their exports' records keep them: a later copy of
        # the database that lost one (an older copy put back) cannot show it (docs/rules.md#consolidation).
        for at, detail in self.s.execute(select(AuditRecord.at, AuditRecord.detail)
                                         .where(AuditRecord.action.in_(EXPORT_ACTIONS)).order_by(AuditRecord.id)):
            if isinstance(detail, dict) and detail.get("head_id") is not None:
                out.append([EXPORT, at.date(), "", int(detail["head_id"]), str(detail.get("head_hash", "")), None,
                            ""])
        for day, counter, rec_id, digest in self.s.execute(
                select(DayClose.day, DayClose.counter, DayClose.chain_head_id, DayClose.chain_head_hash)
                .where(DayClose.closed_at.is_not(None), DayClose.chain_head_id.is_not(None), DayClose.day <= self.date_to)
                .order_by(DayClose.day, DayClose.counter)):
            out.append([DAY_CLOSE, day, counter, rec_id, digest, None, ""])
        for year, number in sorted(last_receipt_numbers(self.s).items()):
            out.append([LAST_RECEIPT, None, "", None, "", int(year), number])

    def write_summary(self, out: SheetWriter) -> None:
        for (day, category), (opened, closed, receipts, received) in sorted(self.summary.items()):
            out.append([self.shop, day, category, opened, closed, receipts, received])


def write_schema(wb: Any, sheets: dict[str, tuple[Column, ...]], meta: dict[str, str], currency: str,
                 notes: dict[tuple[str, str], str] | None = None) -> None:
    """The ``schema`` sheet: the workbook's facts, then every sheet's columns
    (with a note in the value cell where ``notes`` has one)."""
    out = SheetWriter(wb, SCHEMA_SHEET, SCHEMA_COLUMNS, currency)
    for key in meta:
        out.append([WORKBOOK_ROW, key, "", "text", "", meta[key]])
    for sheet, columns in sheets.items():
        for col in columns:
            out.append([sheet, col.key, col.header(), col.type, currency if col.unit == "currency" else col.unit,
                        (notes or {}).get((sheet, col.key), "")])
    out.finish()


def write_codes(wb: Any, currency: str) -> None:
    """The ``codes`` sheet: each code list's keys with their English and
    Chinese titles, for whoever reads the keys of the coded columns."""
    out = SheetWriter(wb, CODES_SHEET, CODES_COLUMNS, currency)
    out.extend(code_rows())
    out.finish()


def _write(job: _Export, wb: Any, date_from: date, date_to: date, lang: str,
           progress: Progress | None, now: datetime, later: Callable[[], _Later]) -> dict[str, SheetWriter]:
    currency = job.currency
    writers = {name: SheetWriter(wb, name, SHEETS[name], currency, titles=True) for name in SHEETS}
    job.tickets(writers["tickets"])
    job.fee_lines(writers["fee_lines"])
    job.receipts(writers["receipts"])
    job.loaners(writers["loaners"])
    job.deposits(writers["deposits"])
    job.callbacks(writers["callbacks"])
    job.feedback(writers["feedback"])
    job.claims(writers["claims"])
    job.old_parts(writers["old_parts"])
    read = later()  # read meanwhile (PostgreSQL), or now
    job.figures(writers["figures"], read)
    job.closed_and_received(read)
    job.write_summary(writers["summary"])
    job.integrity(writers["integrity"])
    for w in writers.values():
        w.finish()
    meta = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "kind": KIND_SHOP, "shop_code": job.shop,
        "shop_name": job.shop_name, "currency": currency, "period_from": date_from.isoformat(),
        "period_to": date_to.isoformat(), "exported_at": now.isoformat(timespec="seconds"),
        "overdue_as_of": job.overdue_as_of.isoformat(), "masked": "yes" if job.masked else "no", "language": lang,
    }
    write_schema(wb, SHEETS, meta, currency, overdue_note(job.overdue_as_of))
    write_codes(wb, currency)
    if progress is not None and progress(1.0, _("Saving")) is False:
        raise ExportCancelled()
    return writers


def overdue_note(as_of: date) -> dict[tuple[str, str], str]:
    """The schema sheet's notes on the columns counted on the day overdue is counted on."""
    day = as_of.isoformat()
    return {("loaners", "overdue"): _("overdue as of {date}: still out that day, or returned late").format(date=day),
            ("claims", "late"): _("late as of {date}: not submitted by then and past its deadline, or submitted "
                                  "late").format(date=day),
            ("old_parts", "late"): _("late as of {date}: not shipped back by then and past its return date, or "
                                     "shipped late").format(date=day)}


def _check_period(date_from: date, date_to: date) -> None:
    if date_to < date_from:
        raise ValidationError({"date_to": _("The period ends before it begins.")})
    if (date_to - date_from).days > MAX_DAYS:
        raise ValidationError({"date_to": _("The period is longer than ten years.")})


def export_workbook(db: Database, actor: Actor | None, path: Path | str, date_from: date, date_to: date, *,
                    unmasked: bool = False, approver: Actor | None = None, progress: Progress | None = None,
                    language: str | None = None, now: datetime | None = None) -> ExportResult:
    """Write the head-office workbook of ``date_from``..``date_to``
    (inclusive) to ``path`` (.xlsx).  ``unmasked`` needs a manager.  Raises
    :class:`ExportCancelled` when ``progress`` returns False (no file).
    ``actor`` None: the command line without a login (masked only)."""
    _check_period(date_from, date_to)
    now = now or clock.now()
    manager = None
    if unmasked:
        what = _("export customer names and phones unmasked")
        if actor is None:
            if approver is None or not approver.is_manager:
                raise NeedsManager(_("A manager must approve: {what}").format(what=what))
            actor = approver
        manager = require_manager(actor, approver, what)
    out_path = Path(path)
    if out_path.suffix.lower() != ".xlsx":
        raise ValidationError({"path": _("The workbook's file name must end in .xlsx.")})
    if not out_path.parent.is_dir():
        raise ValidationError({"path": _("No such folder: {path}").format(path=out_path.parent)})
    with i18n.using(language) as lang, db.snapshot() as session, ExitStack() as stack:
        job = _Export(session, date_from, date_to, not unmasked, progress, now)
        later: Callable[[], _Later]
        if db.can_share():
            # The rows to write (for the progress), the figures and the summary's counts are the server's
            # work, a second or more at a million tickets: a second connection reads them, in the same
            # snapshot, while the sheets are written (the progress stays at 0 until the rows are counted).
            shared = db.share(session)

            def read_beside(stop: threading.Event) -> _Later:
                with db.joining(shared) as other:
                    job.total = job.count(other)
                    return job.read_later(other, now, stop)
            later = stack.enter_context(meanwhile(read_beside))
        else:
            job.total = job.count(session)

            def later() -> _Later:
                return job.read_later(session, now, threading.Event())
        wb = new_workbook()
        try:
            writers = _write(job, wb, date_from, date_to, lang, progress, now, later)
            save(wb, out_path)
        except BaseException:
            discard(wb)
            raise
    rows = {name: w.rows for name, w in writers.items()}
    try:
        with db.write() as session:
            audit.record(session, actor.id if actor else None, "export.unmasked" if unmasked else "export.workbook",
                         "workbook", out_path.name,
                         {"from": date_from.isoformat(), "to": date_to.isoformat(), "rows": rows,
                          "head_id": job.head[0], "head_hash": job.head[1]},
                         approver_id=manager.id if manager else None, at=now)
    except Exception as exc:
        # Not left on disk: an unmasked one holds customers in full that no record accounts for, and any
        # workbook is evidence of a trail that must know it (a later workbook shows the exports it knows).
        out_path.unlink(missing_ok=True)
        raise ExportNotAudited(_("The workbook could not be recorded in the audit trail ({error}), so it was "
                                 "deleted: an export is never left unrecorded. Try again when the database can be "
                                 "written.").format(error=_failure_text(exc))) from exc
    log.info("head-office workbook %s: %s", out_path, rows)
    return ExportResult(out_path, rows, not unmasked)


__all__ = ["ExportCancelled", "ExportNotAudited", "ExportResult", "export_workbook", "overdue_as_of", "overdue_note", "parts_text",
           "write_codes", "write_schema"]
