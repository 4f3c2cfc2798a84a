"""Several processes take payments on the same ticket at the same moment,
each with its own connection, on SQLite (a file) and PostgreSQL: the receipt
numbers stay unique and gapless, and the ticket is never overpaid."""

from __future__ import annotations

import multiprocessing
from decimal import Decimal

from sqlalchemy import select

from frontdesk.billing import payments, quotes
from frontdesk.billing.models import Receipt
from frontdesk.db.engine import Database
from frontdesk.users import Actor
from tests.billing import payment_worker
from tests.billing.billing_helpers import NOW, WORKED, approved_ticket, diagnosing_ticket

PROCESSES = 4
EACH = 8


def _race(db: Database, clerk: Actor, tickets: list[int], each: int) -> tuple[list[str], int]:
    """Each process pays ``each`` times on one of ``tickets`` (in turn)."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    workers = [ctx.Process(target=payment_worker.pay,
                           args=(db.url, (clerk.id, clerk.name, clerk.role), tickets[n % len(tickets)], each,
                                 barrier, results))
               for n in range(PROCESSES)]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=180) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    numbers = [n for taken, _refused in outcomes for n in taken]
    return numbers, sum(refused for _taken, refused in outcomes)


def test_concurrent_payments_get_unique_gapless_numbers(db: Database, users: tuple[Actor, Actor]) -> None:
    """No receipt yet (the year's counter row does not exist): two processes
    pay on one ticket and two on another, all at the same moment."""
    manager, clerk = users
    first, _quote = approved_ticket(db, manager, clerk)  # 350.30 owed on each
    second = diagnosing_ticket(db, clerk, serial="SN-RACE")
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, second, WORKED, now=NOW)
        quotes.approve_quote(s, clerk, quote.id, now=NOW)
    numbers, refused = _race(db, clerk, [first, second], EACH)
    total = PROCESSES * EACH
    assert refused == 0
    assert len(numbers) == len(set(numbers)) == total
    assert sorted(numbers) == [f"R2026-{n:06d}" for n in range(1, total + 1)]
    with db.read() as s:
        stored = s.scalars(select(Receipt.seq).order_by(Receipt.seq)).all()
        assert stored == list(range(1, total + 1))
        paid = [payments.balance(s, t).paid for t in (first, second)]
    assert paid == [Decimal(total // 2), Decimal(total // 2)]


def test_concurrent_payments_never_overpay(db: Database, users: tuple[Actor, Actor]) -> None:
    """Three yuan left and four counters trying to take one yuan three times
    each: exactly three receipts are issued."""
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        payments.take_payment(s, clerk, ticket, "card", "347.30", now=NOW, counter="main")
    numbers, refused = _race(db, clerk, [ticket], 3)
    assert sorted(numbers) == ["R2026-000002", "R2026-000003", "R2026-000004"]
    assert refused == PROCESSES * 3 - 3
    with db.read() as s:
        assert payments.balance(s, ticket).outstanding == 0
