"""Four counters at once on one PostgreSQL database, for a bounded time
(FRONTDESK_SOAK_SECONDS, 25 by default: CI has 20 minutes for everything): each process takes intakes,
payments (on tickets the others pay on too), lends loaners from one shared
pool and takes them back.  Then: receipt numbers are gapless and unique, no
unit was lent twice at once, every receipt has its audit record and its line
on the ticket's timeline, and each counter's day totals are the sum of its
receipts.  Runs in CI (CI=true) or with FRONTDESK_SOAK=1."""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from frontdesk import audit
from frontdesk.billing import payments
from frontdesk.billing.models import Receipt
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, TicketEvent
from frontdesk.loaners import service as loaners
from frontdesk.loaners.models import Loan, LoanerUnit
from frontdesk.users import Actor
from tests.billing.billing_helpers import add_schedule
from tests.conftest import PG_ENV
from tests.loaners.loaner_helpers import add_units
from tests.security import soak_worker

COUNTERS = 4
SECONDS = float(os.environ.get("FRONTDESK_SOAK_SECONDS", "25"))
# A loan's times are read before it waits for the unit's row lock, so a
# return and the next lend may be stamped a moment out of order.
CLOCK_SKEW = timedelta(seconds=5)
TAGS = [f"LN-S{n:02d}" for n in range(1, 7)]  # fewer units than lends: counters meet on them

pytestmark = [
    pytest.mark.soak,
    pytest.mark.skipif(not (os.environ.get("FRONTDESK_SOAK") == "1" or os.environ.get("CI") == "true"),
                       reason="the soak test runs in CI (CI=true) or with FRONTDESK_SOAK=1"),
    pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"the soak test needs PostgreSQL ({PG_ENV})"),
]


def _run_counters(db: Database, clerk: Actor) -> list[soak_worker.Report]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(COUNTERS)
    results = ctx.Queue()
    workers = [ctx.Process(target=soak_worker.soak,
                           args=(db.url, (clerk.id, clerk.name, clerk.role), n + 1, SECONDS, TAGS, barrier, results))
               for n in range(COUNTERS)]
    for w in workers:
        w.start()
    reports = [results.get(timeout=SECONDS + 240) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    return reports


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_four_counters_for_a_while(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager, effective=date(2000, 1, 1))
    add_units(db, manager, *TAGS)
    reports = _run_counters(db, clerk)

    assert [e for r in reports for e in r.errors] == []
    print("soak:", {r.counter: (r.tickets, len(r.receipts), len(r.lent), len(r.returned), r.refused) for r in reports})
    reported = {number: (r.counter, kind, Decimal(amount)) for r in reports for number, kind, amount in r.receipts}
    assert len(reported) == sum(len(r.receipts) for r in reports)  # no number given to two counters
    kinds = {kind for _c, kind, _a in reported.values()}
    assert {payments.PAYMENT, payments.DEPOSIT} <= kinds, "the soak did too little to mean anything"
    assert sum(len(r.lent) for r in reports) >= len(TAGS) and sum(len(r.returned) for r in reports) > 0

    with db.read() as s:
        receipts = s.scalars(select(Receipt).order_by(Receipt.year, Receipt.seq)).all()
        # gapless and unique, each the one a counter was handed
        for year in {r.year for r in receipts}:
            assert [r.seq for r in receipts if r.year == year] == list(range(1, sum(r.year == year for r in receipts) + 1))
        assert {r.number for r in receipts} == set(reported)
        for r in receipts:
            assert (r.counter, r.kind, r.amount) == reported[r.number]

        # every receipt has its audit record and its line on the ticket's timeline
        audited = {(a.entity_id, a.action) for a in s.scalars(select(AuditRecord).where(AuditRecord.entity == "receipt"))}
        timeline = defaultdict(list)
        for ev in s.scalars(select(TicketEvent).where(TicketEvent.kind == "receipt")):
            timeline[ev.ticket_id].append(ev.text)
        for r in receipts:
            assert (str(r.id), f"receipt.{r.kind}") in audited, r.number
            assert any(r.number in line for line in timeline[r.ticket_id]), r.number

        # four counters appending at once kept one unbroken chain
        check = audit.verify_chain(s.connection())
        assert check.intact, check.message
        assert check.count == s.scalar(select(func.count(AuditRecord.id)))

        # no unit lent twice at once: per unit, every loan but the newest came back
        loans = s.scalars(select(Loan).order_by(Loan.id)).all()
        assert len(loans) == sum(len(r.lent) for r in reports)
        assert sum(loan.returned_at is not None for loan in loans) == sum(len(r.returned) for r in reports)
        for unit in s.scalars(select(LoanerUnit)):
            mine = [loan for loan in loans if loan.unit_id == unit.id]
            assert all(loan.returned_at is not None for loan in mine[:-1]), unit.tag
            out = [loan for loan in mine if loan.returned_at is None]
            assert len(out) <= 1
            assert (unit.status == loaners.LENT) == bool(out), unit.tag
            for earlier, later in zip(mine, mine[1:], strict=False):
                assert earlier.returned_at is not None and earlier.returned_at <= later.lent_at + CLOCK_SKEW, unit.tag

        # each counter's day totals are the sum of what it took in
        days = {r.issued_at.date() for r in receipts}
        for report in reports:
            expected = sum((-amount if kind in payments.OUTGOING else amount
                            for c, kind, amount in reported.values() if c == report.counter), Decimal(0))
            stored = sum((r.net for r in receipts if r.counter == report.counter and r.voided_at is None), Decimal(0))
            assert stored == expected, report.counter
            figures = sum((dayclose.day_figures(s, day, report.counter).net_total for day in days), Decimal(0))
            assert figures == expected, report.counter

