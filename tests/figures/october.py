"""A small shop built row by row for the figures' tests: October 2026, with
every moment chosen so that each figure can be worked out by hand (the
expected values are in test_figures.py, beside the rows that make them).

The shop's calendar has one public holiday, Monday 2026-10-12, and works
Monday to Friday.  Rows are written straight into the tables (the services
would stamp the clock's time): what matters here is the facts as stored.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from frontdesk import settings
from frontdesk.billing.models import FeeSchedule, Quote, Receipt
from frontdesk.claims.models import Claim, Maker
from frontdesk.db.engine import Database
from frontdesk.db.models import Customer, Product, RepairRecord, Technician, Ticket
from frontdesk.followup.models import FeedbackCard
from frontdesk.loaners.models import Loan, LoanerUnit
from frontdesk.users import Actor

D = Decimal
NOW = datetime(2026, 12, 6, 9, 0)  # after the month: everything waiting is counted at 2026-11-01 00:00
START = datetime(2026, 8, 1, 9, 0)


@dataclass
class Shop:
    """The ids the tests name, by the labels used in test_figures.py."""

    tickets: dict[str, int] = field(default_factory=dict)
    techs: dict[str, int] = field(default_factory=dict)


class _Builder:
    def __init__(self, s: Session, actor: Actor) -> None:
        self.s = s
        self.actor = actor
        self.numbers = itertools.count(1)
        self.receipts = itertools.count(1)  # receipt numbers without holes (consolidation checks them)
        self.shop = Shop()
        self.customer = Customer(name="张三", phone="+8613800000000", created_at=START)
        s.add(self.customer)
        for name in ("Tech A", "Tech B"):
            tech = Technician(name=name)
            s.add(tech)
            s.flush()
            self.shop.techs[name] = tech.id
        self.schedule = FeeSchedule(name="2026", effective_from=date(2026, 1, 1), created_at=START,
                                    created_by_id=actor.id)
        self.maker = Maker(code="HAIER", name="Haier", created_at=START)
        s.add_all([self.schedule, self.maker])
        s.flush()

    def product(self, category: str, serial: str) -> int:
        product = Product(customer_id=self.customer.id, category=category, serial=serial, created_at=START)
        self.s.add(product)
        self.s.flush()
        return product.id

    def ticket(self, label: str, intake: datetime, *, state: str = "closed", channel: str = "walk_in",
               product: int | None = None, tech: str | None = None, fault: str = "", kind: str = "repair",
               respond_by: datetime | None = None, responded: datetime | None = None,
               ready: datetime | None = None, picked_up: datetime | None = None) -> int:
        n = next(self.numbers)
        ticket = Ticket(number=f"T2026-{n:06d}", channel=channel, kind=kind, state=state, customer_id=self.customer.id,
                        product_id=product, technician_id=self.shop.techs[tech] if tech else None,
                        fault_category=fault, intake_at=intake, respond_by=respond_by, responded_at=responded,
                        ready_at=ready, picked_up_at=picked_up, closed_at=picked_up, updated_at=intake,
                        created_by_id=self.actor.id)
        self.s.add(ticket)
        self.s.flush()
        self.shop.tickets[label] = ticket.id
        return ticket.id

    def repair(self, label: str, at: datetime, fault: str, action: str = "replaced_part",
               tech: str | None = None) -> None:
        self.s.add(RepairRecord(ticket_id=self.shop.tickets[label], fault_category=fault, action=action,
                                technician_id=self.shop.techs[tech] if tech else None, recorded_at=at,
                                recorded_by_id=self.actor.id))

    def quote(self, label: str, state: str, at: datetime) -> None:
        zero = D("0.00")
        self.s.add(Quote(ticket_id=self.shop.tickets[label], schedule_id=self.schedule.id, state=state, currency="CNY",
                         tax_rate=D("0.13"), subtotal=zero, tax=zero, total=zero, saving=zero, saving_vs_card=zero,
                         owed=zero, created_at=at, created_by_id=self.actor.id,
                         approved_at=at if state == "approved" else None,
                         declined_at=at if state == "declined" else None))

    def receipt(self, label: str, at: datetime, counts_as: str, amount: str, net: str | None = None,
                voided: bool = False) -> None:
        n = next(self.receipts)
        self.s.add(Receipt(number=f"R2026-{n:06d}", year=2026, seq=n, ticket_id=self.shop.tickets[label], issued_at=at,
                           issued_by_id=self.actor.id, counter="main", kind=counts_as, counts_as=counts_as,
                           method="from_deposit" if counts_as == "deposit_applied" else "cash", currency="CNY",
                           amount=D(amount), net=D(net if net is not None else amount), tax=D("0.00"),
                           voided_at=at if voided else None))

    def loan(self, label: str, lent: datetime, due: date, returned: datetime | None = None) -> None:
        unit = LoanerUnit(tag=f"L-{next(self.numbers)}", category="mobile_phone", status="lent", created_at=START)
        self.s.add(unit)
        self.s.flush()
        self.s.add(Loan(unit_id=unit.id, ticket_id=self.shop.tickets[label], lent_at=lent, lent_by_id=self.actor.id,
                        due_on=due, returned_at=returned))

    def claim(self, label: str, repaired: date, claimed: str, paid: str | None = None,
              settled: date | None = None) -> None:
        n = next(self.numbers)
        state = "submitted" if paid is None else ("rejected" if D(paid) == 0 else
                                                  "paid" if D(paid) == D(claimed) else "paid_short")
        self.s.add(Claim(number=f"C2026-{n:06d}", ticket_id=self.shop.tickets[label], maker_id=self.maker.id,
                         state=state, repaired_on=repaired, claim_due=repaired, amount_claimed=D(claimed),
                         amount_paid=D(paid) if paid is not None else None, settled_on=settled,
                         drafted_at=datetime.combine(repaired, datetime.min.time()), updated_at=START))

    def card(self, label: str, returned: date | None, quality: int, attitude: int, tech: str = "Tech A") -> None:
        n = next(self.numbers)
        self.s.add(FeedbackCard(serial=f"F2026-{n:06d}", ticket_id=self.shop.tickets[label],
                                technician_id=self.shop.techs[tech], issued_on=date(2026, 9, 1),
                                issued_by_id=self.actor.id, returned_on=returned, quality=quality,
                                attitude=attitude, signed=True))


def d(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute)


def build(db: Database, actor: Actor) -> Shop:
    """The October shop (see test_figures.py for what each row is for)."""
    with db.write() as s:
        settings.store(s, {"holidays": ["2026-10-12"], "extra_workdays": [], "working_weekdays": [0, 1, 2, 3, 4]})
    with db.write() as s:
        b = _Builder(s, actor)
        cal = settings.work_calendar(s)
        fridge, tv = "refrigerator", "colour_tv"
        # turnaround and repeat repairs
        p1, p2, p2b = b.product(fridge, "SN-1"), b.product(fridge, "SN-2"), b.product(fridge, "SN-2")
        p3, p4, p5 = b.product(tv, "SN-3"), b.product(tv, "SN-4"), b.product(tv, "SN-5")
        b.ticket("T1", d(9, 28, 10), product=p1, tech="Tech A", fault="no_cooling", ready=d(10, 2, 10),
                 picked_up=d(10, 3, 10))
        b.repair("T1", d(10, 2, 10), "no_cooling", tech="Tech A")
        b.ticket("T2", d(10, 5, 9), product=p2, tech="Tech B", fault="leak", ready=d(10, 7, 9),
                 picked_up=d(11, 1, 0))
        b.repair("T2", d(10, 6, 21), "leak", tech="Tech B")
        b.ticket("T3", d(10, 10, 8), channel="phone", product=p3, tech="Tech A", fault="no_power",
                 ready=d(10, 12, 15), picked_up=d(10, 12, 20))
        b.repair("T3", d(10, 12, 14), "no_power", tech="Tech A")
        b.ticket("T4", d(10, 28, 9), state="repaired", product=p4, tech="Tech A", fault="no_power")
        b.repair("T4", d(11, 2, 9), "no_power", tech="Tech A")
        b.ticket("T5", d(10, 20, 12), state="repaired", product=p5, tech="Tech B", fault="no_power")
        b.repair("T5", d(10, 30, 12), "no_power", action="no_fault", tech="Tech B")
        b.ticket("T6", d(10, 31, 11), state="received", product=p1, fault="no_cooling")  # day 29 after T1's repair
        b.ticket("T7", d(11, 6, 11), state="received", product=p2b, fault="leak")  # day 31 after T2's (same serial)
        b.ticket("T8", d(10, 20, 9), state="received", product=p3, fault="noise")  # T3's product, another fault
        b.ticket("T9", d(9, 1, 9), product=p1, ready=d(9, 20, 9), picked_up=d(10, 1, 9))
        # answers to phone requests, by the calendar (Monday 2026-10-12 a holiday)
        for label, intake, answered in (("R1", d(10, 22, 17), d(10, 26, 10)), ("R2", d(10, 23, 17, 30), d(10, 26, 10)),
                                        ("R3", d(10, 9, 11), d(10, 13, 9, 30)), ("R4", d(10, 30, 10), None),
                                        ("R5", d(10, 28, 10), None)):
            b.ticket(label, intake, state="received", channel="phone", product=b.product(tv, ""),
                     respond_by=cal.add_working_days(intake, 1), responded=answered)
        # quotes answered
        b.quote("T2", "approved", d(10, 5, 12))
        b.quote("T3", "approved", d(10, 11, 10))
        b.quote("T9", "declined", d(9, 20, 9))
        b.quote("T5", "declined", d(10, 25, 10))
        b.quote("T4", "approved", d(11, 1, 8))
        b.quote("T5", "superseded", d(10, 22, 10))
        # the bills of the tickets picked up in October
        b.receipt("T1", d(10, 3, 10), "payment", "100.00")
        b.receipt("T1", d(10, 3, 10), "payment", "33.33")
        b.receipt("T3", d(10, 12, 20), "payment", "200.00")
        b.receipt("T3", d(10, 12, 20), "refund", "20.00", "-20.00")
        b.receipt("T3", d(10, 12, 20), "payment", "999.00", voided=True)
        b.receipt("T3", d(10, 11, 10), "deposit", "300.00")
        b.receipt("T3", d(10, 12, 20), "deposit_applied", "50.00", "0.00")
        b.receipt("T2", d(11, 1, 0), "payment", "80.00")  # picked up in November
        # products waiting for pick-up (counted on 2026-10-31)
        b.ticket("W1", d(10, 28, 9), state="ready", ready=d(10, 30, 15))
        b.ticket("W2", d(9, 28, 9), state="ready", ready=d(10, 1, 10))
        b.ticket("W3", d(6, 28, 9), state="ready", ready=d(7, 1, 10))
        # loaners
        b.loan("T1", d(10, 1, 9), date(2026, 10, 15))
        b.loan("T2", d(10, 20, 9), date(2026, 11, 5))
        b.loan("T3", d(10, 1, 9), date(2026, 10, 10), d(11, 2, 9))
        b.loan("T9", d(9, 1, 9), date(2026, 9, 15), d(10, 5, 9))
        b.loan("T5", d(10, 25, 9), date(2026, 10, 31))
        # claims to the maker
        for label in ("C1", "C2", "C3", "C4", "C5", "C6"):
            b.ticket(label, d(9, 1, 9), product=b.product(fridge, ""))
        b.claim("C1", date(2026, 10, 5), "100.00")
        b.claim("C2", date(2026, 9, 20), "100.00", "100.00", date(2026, 11, 3))
        b.claim("C3", date(2026, 10, 2), "100.00", "80.00", date(2026, 10, 20))
        b.claim("C4", date(2026, 10, 3), "150.00", "150.00", date(2026, 10, 21))
        b.claim("C5", date(2026, 10, 4), "60.00", "0.00", date(2026, 10, 22))
        b.claim("C6", date(2026, 11, 1), "70.00")
        # feedback cards
        b.card("T1", date(2026, 10, 4), 3, 3)
        b.card("T2", date(2026, 10, 8), 2, 3, tech="Tech B")
        b.card("T3", date(2026, 10, 13), 1, 3)
        b.card("T9", date(2026, 9, 25), 1, 1)
        return b.shop
