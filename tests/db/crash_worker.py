"""A process for the kill test: it works like a busy counter (intake, quote,
payments; or a demo fill) on an SQLite file until it is killed.

``started`` is set once the first round is committed, so the test kills it
while there is work under way, at a random moment after that."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from frontdesk.billing import payments, quotes
from frontdesk.db.engine import Database
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.users import Actor
from tests.billing.billing_helpers import WORKED, fridge_form

NOW = datetime(2026, 11, 24, 10, 0)
METHODS = ("cash", "card", "mobile", "transfer")
INSTALMENTS = ("100.00", "50.30", "200.00")  # 350.30 of the 395.50 the quote asks: never overpaid


def counter(url: str, actor: tuple[int, str, str], seed: int, started: Any) -> None:
    db = Database(url)
    clerk = Actor(*actor)
    rng = random.Random(seed)
    n = 0
    while True:
        n += 1
        form = fridge_form(serial=f"SN-{seed}-{n}", phone=f"139{rng.randrange(10 ** 8):08d}",
                           name=rng.choice(["张三", "李四", "王五", "Smith"]))

        def take_in(s: Session, form: Any = form) -> int:
            ticket_id = intake.take_intake(s, clerk, form, now=NOW).ticket_id
            intake.move(s, clerk, ticket_id, states.DIAGNOSING, now=NOW)
            return ticket_id

        ticket_id = db.run(take_in, attempts=20)

        def quote(s: Session, ticket_id: int = ticket_id) -> None:
            q = quotes.make_quote(s, clerk, ticket_id, WORKED, now=NOW)
            quotes.approve_quote(s, clerk, q.id, now=NOW)

        db.run(quote, attempts=20)
        for amount in INSTALMENTS[:rng.randint(1, len(INSTALMENTS))]:
            method = rng.choice(METHODS)

            def pay(s: Session, method: str = method, amount: str = amount, ticket_id: int = ticket_id) -> None:
                payments.take_payment(s, clerk, ticket_id, method, amount, now=NOW, counter="main")

            db.run(pay, attempts=20)
        started.set()


def demo(url: str, seed: int, started: Any) -> None:
    from frontdesk.demo import DemoOptions, fill

    db = Database(url)

    def progress(fraction: float, note: str = "") -> bool:
        if fraction > 0:
            started.set()
        return True

    fill(db, DemoOptions(days=3, tickets=200, seed=seed, now=NOW), progress=progress)
    started.set()
