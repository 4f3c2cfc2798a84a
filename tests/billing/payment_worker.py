"""A process that takes payments (for the concurrency test): it opens its
own Database, waits for the others at the barrier, then pays."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from frontdesk.billing import payments
from frontdesk.db.engine import Database
from frontdesk.errors import ValidationError
from frontdesk.users import Actor


def pay(url: str, actor: tuple[int, str, str], ticket_id: int, count: int, barrier: Any, results: Any) -> None:
    db = Database(url)
    clerk = Actor(*actor)
    taken: list[str] = []
    refused = 0
    barrier.wait(timeout=60)
    for n in range(count):
        method = ("cash", "card", "mobile", "transfer")[n % 4]

        def pay_one(s: Session, method: str = method) -> payments.ReceiptView:
            return payments.take_payment(s, clerk, ticket_id, method, Decimal("1.00"),
                                         now=datetime(2026, 11, 24, 12, 0), counter="main")

        try:
            receipt = db.run(pay_one, attempts=20)
            taken.append(receipt.number)
        except ValidationError:
            refused += 1  # nothing left to pay
    db.dispose()
    results.put((taken, refused))
