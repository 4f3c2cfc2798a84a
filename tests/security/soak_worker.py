"""One counter of the soak test, in its own process: until its time is up it
takes intakes, payments (on any ticket that owes, so counters meet on the
same tickets), lends loaners (from the one shared pool) and takes them back,
and reports what it did."""

from __future__ import annotations

import random
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import clock
from frontdesk.billing import payments, quotes
from frontdesk.billing.models import Quote
from frontdesk.db.engine import Database
from frontdesk.errors import DatabaseUnavailable, FrontDeskError
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.loaners import service as loaners
from frontdesk.loaners.models import Loan
from frontdesk.users import Actor
from tests.billing.billing_helpers import WORKED, fridge_form

T = TypeVar("T")
ATTEMPTS = 20


@dataclass
class Report:
    counter: str
    receipts: list[tuple[str, str, str]] = field(default_factory=list)  # (number, kind, amount)
    tickets: int = 0
    lent: list[int] = field(default_factory=list)  # loan ids
    returned: list[int] = field(default_factory=list)
    refused: dict[str, int] = field(default_factory=dict)  # expected refusals: how many of each
    errors: list[str] = field(default_factory=list)  # anything else: a failure of the test


def _form(worker: int, n: int) -> Any:
    today = clock.now().date()
    return fridge_form(serial=f"SOAK-{worker}-{n}", phone=f"1380013{worker:01d}{n % 1000:03d}",
                       purchase_date=today - timedelta(days=400))


def soak(url: str, actor: tuple[int, str, str], worker: int, seconds: float, tags: list[str], barrier: Any,
         results: Any) -> None:
    counter = f"desk-{worker}"  # each worker process is one desk
    db = Database(url)
    clerk = Actor(*actor)
    rng = random.Random(worker)
    report = Report(counter)
    my_loans: list[int] = []
    n = 0

    def run(work: Callable[[Session], T]) -> T:
        return db.run(work, attempts=ATTEMPTS)

    def take_intake() -> int:
        nonlocal n
        n += 1
        form = _form(worker, n)

        def work(s: Session) -> int:
            ticket_id = intake.take_intake(s, clerk, form).ticket_id
            intake.move(s, clerk, ticket_id, states.DIAGNOSING)
            return ticket_id
        ticket_id = run(work)
        report.tickets += 1
        return ticket_id

    def quoted() -> None:
        ticket_id = take_intake()

        def work(s: Session) -> None:
            quote = quotes.make_quote(s, clerk, ticket_id, WORKED)
            quotes.approve_quote(s, clerk, quote.id)
        run(work)

    def pay() -> None:
        def work(s: Session) -> payments.ReceiptView | None:
            owing = s.scalars(select(Quote.ticket_id).where(Quote.state == quotes.APPROVED)
                              .order_by(Quote.ticket_id.desc()).limit(12)).all()
            open_ = [(t, left) for t in owing if (left := payments.balance(s, t).outstanding) > 0]
            if not open_:
                return None
            ticket_id, left = rng.choice(open_)  # another counter may be paying on it right now
            amount = left if rng.random() < 0.3 else min(left, Decimal(rng.randint(1, 60)))
            method = rng.choice(list(payments.METHODS))
            return payments.take_payment(s, clerk, ticket_id, method, amount, counter=counter)
        receipt = run(work)
        if receipt is not None:
            report.receipts.append((receipt.number, receipt.kind, str(receipt.amount)))

    def lend() -> None:
        ticket_id = take_intake()
        promised = clock.now().date() + timedelta(days=7)
        run(lambda s: loaners.pull_back(s, clerk, ticket_id, ["外观完好"], "", ["电源线"], promised))
        tag = rng.choice(tags)
        deposit = Decimal(rng.choice((0, 100, 200)))
        loan = run(lambda s: _lend(s, clerk, ticket_id, tag, deposit, counter))
        report.lent.append(loan[0])
        my_loans.append(loan[0])
        if loan[1] is not None:
            report.receipts.append(loan[1])

    def give_back() -> None:
        if not my_loans:
            return lend()
        loan_id = my_loans.pop(rng.randrange(len(my_loans)))
        refund = run(lambda s: _return(s, clerk, loan_id, counter))
        report.returned.append(loan_id)
        if refund is not None:
            report.receipts.append(refund)

    operations = [quoted, pay, pay, pay, lend, give_back]
    barrier.wait(timeout=120)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        operation = rng.choice(operations)
        try:
            operation()
        except DatabaseUnavailable as exc:
            report.errors.append(f"{operation.__name__}: database trouble after {ATTEMPTS} attempts: {exc.message}")
        except FrontDeskError as exc:  # a refusal the desk would show: unit out, nothing owed...
            name = f"{operation.__name__}: {type(exc).__name__}: {exc.message[:50]}"
            report.refused[name] = report.refused.get(name, 0) + 1
        except Exception:  # a bug: reported, the test fails
            report.errors.append(f"{operation.__name__}: {traceback.format_exc()}")
    db.dispose()
    results.put(report)


def _lend(s: Session, clerk: Actor, ticket_id: int, tag: str, deposit: Decimal,
          counter: str) -> tuple[int, tuple[str, str, str] | None]:
    loan = loaners.lend(s, clerk, ticket_id, tag, condition_out="良好", deposit=deposit or None, counter=counter)
    s.flush()
    if loan.deposit_receipt_id is None:
        return loan.id, None
    r = payments.receipt_view(s, loan.deposit_receipt_id)
    return loan.id, (r.number, r.kind, str(r.amount))


def _return(s: Session, clerk: Actor, loan_id: int, counter: str) -> tuple[str, str, str] | None:
    loaners.return_loan(s, clerk, loan_id, "良好", counter=counter)
    s.flush()
    loan = s.get(Loan, loan_id)
    assert loan is not None
    if loan.refund_receipt_id is None:
        return None
    r = payments.receipt_view(s, loan.refund_receipt_id)
    return r.number, r.kind, str(r.amount)


__all__ = ["Report", "soak"]
