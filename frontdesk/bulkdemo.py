"""Demo data at shop-chain scale: a million tickets in minutes.

The ordinary demo (:mod:`frontdesk.demo`) takes every ticket through the
services, about 60 tickets a second: right for a few thousand tickets, far
too slow for the million a chain holds.  This module writes the same kind of
history straight into the tables in bulk (the driver's executemany in
batches of several thousand rows on SQLite, ``COPY`` on PostgreSQL), keeping the invariants the rest of the program
relies on:

- ticket, receipt and feedback-card numbers are gapless per year, in time
  order, continuing from the counter rows in ``number_sequences``, and the
  counter rows end on the last number used;
- every ticket has its ``created`` timeline event, every state move its
  ``state`` event and ``ticket.move`` audit record, every ticket, customer,
  quote and receipt its audit record;
- states only follow legal moves (:mod:`frontdesk.intake.states`), and the
  life of a repair the services keep: no work out of warranty before the
  customer approved the quote, a repair ticket repaired with its repair
  record (and the part replaced), a walk-in's product ready for pick-up
  (with its "please collect" call-back) and then picked up, a visit closed
  at the customer's;
- customers get their search keys (:func:`frontdesk.customers.search_keys`);
- no day is closed, and no receipt is dated on a day already closed (the day
  lock of migration 0007 would refuse it).

The history spans up to five years (about 60 tickets a day for small runs;
1,000,000 tickets give about 550 a day, a chain's load), with repeat
customers (one customer for every five tickets), the product categories and
brands of the ordinary demo, both channels, quotes with fee lines, receipts,
loans, call-backs and feedback cards.  Old tickets are finished; recent ones
are still on their way.  The same seed and end moment give the same data.

SQLite runs the load with ``synchronous=OFF`` on the loading connection only
(WAL stays on), and back to ``NORMAL`` after.
"""

from __future__ import annotations

import bisect
import logging
import random
import time as _time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, update
from sqlalchemy.orm import Session

from frontdesk import audit, customers, demo_marker, numbering, settings
from frontdesk.billing import payments, pricing, quotes, schedules
from frontdesk.billing.models import FeeLine, FeeSchedule, Quote, QuoteLine, Receipt
from frontdesk.dayclose.models import DayClose
from frontdesk.db.engine import Database
from frontdesk.db.models import (
    AuditRecord,
    Complaint,
    Customer,
    CustomerKey,
    NumberSequence,
    Product,
    RepairPart,
    RepairRecord,
    Ticket,
    TicketEvent,
)
from frontdesk.followup import service as followup
from frontdesk.followup.models import CallBack, FeedbackCard
from frontdesk.i18n import N_, Message, _, ngettext
from frontdesk.intake import faults, states
from frontdesk.intake import service as intake
from frontdesk.loaners.models import Loan, LoanerUnit

log = logging.getLogger(__name__)

BULK_THRESHOLD = 20_000  # fill() takes this path above this many tickets
BATCH = 8_000  # rows per executemany
CHUNK = 20_000  # tickets planned and written per transaction
MAX_DAYS = 5 * 365 + 1
TICKETS_PER_DAY = 60
TICKETS_PER_CUSTOMER = 5
LOANER_UNITS = 40
CENT = Decimal("0.01")

Progress = Callable[[float, str], "bool | None"]


@dataclass
class BulkCounts:
    customers: int = 0
    tickets: int = 0
    quotes: int = 0
    approved: int = 0
    declined: int = 0
    receipts: int = 0
    loans: int = 0
    callbacks: int = 0
    cards: int = 0
    complaints: int = 0
    events: int = 0
    audit: int = 0


@dataclass
class _Customer:
    id: int
    name: str
    phone_display: str
    address: str
    area: str
    products: list[tuple[int, str]] = field(default_factory=list)  # (product id, category)


def span_days(tickets: int, days: int) -> int:
    """Days of history: about TICKETS_PER_DAY a day, at least ``days``, at most five years."""
    return max(days, min(MAX_DAYS, -(-tickets // TICKETS_PER_DAY)))


class _Ids:
    """The next free primary key of each table (ids are given, not returned,
    so rows can point at each other before they are written)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.next: dict[str, int] = {}

    def take(self, table: Any) -> int:
        name = table.__tablename__
        if name not in self.next:
            self.next[name] = int(self.conn.scalar(select(func.coalesce(func.max(table.id), 0))) or 0) + 1
        value = self.next[name]
        self.next[name] = value + 1
        return value


class _Writer:
    """Rows queued per table, flushed in batches in foreign-key order."""

    ORDER: tuple[Any, ...] = (Customer, CustomerKey, Product, Ticket, RepairRecord, RepairPart, Complaint, TicketEvent,
                              Quote, QuoteLine, Receipt, Loan, FeedbackCard, CallBack, AuditRecord)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.rows: dict[Any, list[dict[str, Any]]] = {t: [] for t in self.ORDER}
        self.written = 0

    def add(self, model: Any, row: dict[str, Any]) -> None:
        self.rows[model].append(row)

    def flush(self) -> None:
        self._chain(self.rows[AuditRecord])
        for model in self.ORDER:
            rows = self.rows[model]
            table: Table = model.__table__
            if rows and self.conn.dialect.name == "sqlite":
                self._sqlite_many(table, rows)
            elif rows and self.conn.dialect.name == "postgresql":
                self._pg_copy(table, rows)
            else:
                for start in range(0, len(rows), BATCH):
                    self.conn.execute(insert(table), rows[start:start + BATCH])
            self.written += len(rows)
            rows.clear()

    def _chain(self, rows: list[dict[str, Any]]) -> None:
        """The audit records queued, hashed onto the chain's head in id order
        (the head locked until the commit, as :mod:`frontdesk.audit` does)."""
        if not rows:
            return
        head_id, head_hash = audit.lock_head(self.conn)
        rows.sort(key=lambda r: r["id"])
        for row in rows:
            row["prev_hash"] = head_hash
            row["hash"] = head_hash = audit.record_hash(
                head_hash, row["id"], row["at"], row["user_id"], row["approver_id"], row["action"], row["entity"],
                row["entity_id"], row["detail"])
        audit.move_head(self.conn, rows[-1]["id"], head_hash)

    def _driver_rows(self, table: Table, rows: list[dict[str, Any]]) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """The columns and the rows as the driver takes them.  Core's
        executemany spends most of its time building each row's parameters;
        here the columns' own bind processors (the same storage format as
        Core) turn the rows into tuples, about three times faster.  A column
        the rows leave out gets its scalar or callable default, as Core
        would give it."""
        dialect = self.conn.dialect
        keys = list(rows[0])
        fixed: dict[str, Any] = {}
        for col in table.c:
            if col.key not in rows[0] and col.default is not None and getattr(col.default, "is_scalar", False):
                fixed[col.key] = col.default.arg  # type: ignore[attr-defined]
            elif col.key not in rows[0] and col.default is not None and getattr(col.default, "is_callable", False):
                fixed[col.key] = col.default.arg(None)  # type: ignore[attr-defined]
        names = keys + list(fixed)
        procs = [table.c[k].type._cached_bind_processor(dialect) for k in names]
        extra = tuple(p(v) if p else v for p, v in zip(procs[len(keys):], fixed.values(), strict=True))
        pairs = list(zip(keys, procs[:len(keys)], strict=False))
        return names, (tuple([p(row[k]) if p else row[k] for k, p in pairs]) + extra for row in rows)

    def _sqlite_many(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """SQLite: the driver's executemany, in batches."""
        names, tuples = self._driver_rows(table, rows)
        sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
               f"VALUES ({', '.join('?' for _n in names)})")
        while batch := list(islice(tuples, BATCH)):
            self.conn.exec_driver_sql(sql, batch)

    def _pg_copy(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """PostgreSQL: ``COPY ... FROM STDIN``, the server's bulk load, some
        times faster than multi-row INSERTs (psycopg sends the rows as text,
        the server parses them as an INSERT's parameters)."""
        names, tuples = self._driver_rows(table, rows)
        raw = self.conn.connection.dbapi_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy(  # type: ignore[attr-defined]
                f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
            for row in tuples:
                copy.write_row(row)


class _Generator:
    def __init__(self, conn: Connection, rng: random.Random, end: datetime, total: int, days: int,
                 manager_id: int, clerk_ids: Sequence[int], techs: Sequence[tuple[int, str, tuple[str, ...]]],
                 counter: str) -> None:
        self.conn = conn
        self.counter = counter
        self.rng = rng
        self.end = end
        self.total = total
        self.days = days
        self.manager_id = manager_id
        self.clerk_ids = list(clerk_ids)
        self.techs = list(techs)
        self.ids = _Ids(conn)
        self.out = _Writer(conn)
        self.counts = BulkCounts()
        self.people: list[_Customer] = []
        self.used_phones: set[str] = set(conn.scalars(select(Customer.phone)))
        self.ticket_seq = self._counters("ticket")
        self.receipt_seq = self._counters(payments.SEQUENCE)
        self.card_seq = self._counters("card")
        self.stored = {(n, y) for n, y in conn.execute(select(NumberSequence.name, NumberSequence.year))}
        self.closed_days = set(conn.scalars(select(DayClose.day).where(DayClose.closed_at.is_not(None),
                                                                       DayClose.counter == counter)))
        self.pending_receipts: list[tuple[datetime, int, str, int, int | None, Decimal, Decimal, str]] = []
        self.pending_cards: list[tuple[date, int, int | None, int, bool]] = []
        self.fault_keys: dict[str, list[str]] = {}
        self.shop = settings.load(conn_session(conn))
        self.currency = str(self.shop["currency"])
        self.tax_rate = Decimal(str(self.shop["tax_rate"]))
        self._fee_lines()
        self._loaner_units()

    # -- counters and reference data ------------------------------------------------------------
    def _counters(self, name: str) -> dict[int, int]:
        return {int(y): int(last) for y, last in self.conn.execute(
            select(NumberSequence.year, NumberSequence.last).where(NumberSequence.name == name))}

    def save_counters(self) -> None:
        """The counter rows end on the last number drawn (called before each commit)."""
        for name, values in (("ticket", self.ticket_seq), (payments.SEQUENCE, self.receipt_seq),
                             ("card", self.card_seq)):
            for year, last in values.items():
                if (name, year) in self.stored:
                    self.conn.execute(update(NumberSequence)
                                      .where(NumberSequence.name == name, NumberSequence.year == year)
                                      .values(last=last))
                else:
                    self.conn.execute(insert(NumberSequence).values(name=name, year=year, last=last))
                    self.stored.add((name, year))

    def _fee_lines(self) -> None:
        schedule_id = self.conn.scalar(select(FeeSchedule.id).order_by(FeeSchedule.effective_from).limit(1))
        if schedule_id is None:
            raise RuntimeError("no fee schedule")  # set up by bulk_fill before the generator starts
        self.schedule_id = int(schedule_id)
        self.fees: dict[str, list[tuple[str, str, str, Decimal]]] = {}
        self.inspection: dict[str, Decimal] = {}
        for kind, category, code, description, price in self.conn.execute(
                select(FeeLine.kind, FeeLine.category, FeeLine.code, FeeLine.description, FeeLine.price)
                .where(FeeLine.schedule_id == self.schedule_id)):
            if kind == pricing.INSPECTION:
                self.inspection[category] = Decimal(price)
            elif kind in (pricing.LABOUR, pricing.PART, pricing.VISIT, pricing.TRANSPORT):
                self.fees.setdefault(category, []).append((kind, code, description, Decimal(price)))

    def _loaner_units(self) -> None:
        self.units = list(self.conn.scalars(select(LoanerUnit.id).order_by(LoanerUnit.id)))
        if self.units:
            return
        rows = []
        for n in range(LOANER_UNITS):
            category = ("mobile_phone", "computer", "tablet", "microwave")[n % 4]
            uid = self.ids.take(LoanerUnit)
            rows.append({"id": uid, "tag": f"LB-{n + 1:04d}", "category": category, "model": "备用机",
                         "serial": f"LN{n + 1:06d}", "condition": "良好", "status": "available", "note": "",
                         "created_at": self.end - timedelta(days=self.days + 30)})
            self.units.append(uid)
        self.conn.execute(insert(LoanerUnit), rows)

    # -- people ---------------------------------------------------------------------------------
    def _phone(self) -> str:
        r = self.rng
        # Here, not at the top: the demo hands big fills to this module, and these are its word lists.
        from frontdesk.demo import MOBILE_PREFIXES

        while True:
            digits = r.choice(MOBILE_PREFIXES) + f"{r.randrange(10 ** 8):08d}"
            e164 = "+86" + digits
            if e164 not in self.used_phones:
                self.used_phones.add(e164)
                return digits

    def _new_customer(self, at: datetime, actor: int) -> _Customer:
        # Here, not at the top: the demo hands big fills to this module, and these are its word lists.
        from frontdesk.demo import (
            AREAS,
            COMPOUNDS,
            FEATURED_NAMES,
            GIVEN_ONE,
            GIVEN_TWO,
            LATIN_NAMES,
            STREETS,
            SURNAMES,
        )

        r = self.rng
        n = len(self.people)
        if n < len(FEATURED_NAMES):
            name = FEATURED_NAMES[n]
        elif r.random() < 0.06:
            name = r.choice(LATIN_NAMES)
        else:
            name = r.choice(SURNAMES) + (r.choice(GIVEN_ONE) if r.random() < 0.45 else r.choice(GIVEN_TWO))
        digits = self._phone()
        area = r.choice(AREAS)
        if r.random() < 0.5:
            address = f"北京市{area}{r.choice(STREETS[area])}{r.randint(1, 199)}号{r.randint(1, 12)}号楼{r.randint(1, 24)}{r.randint(1, 4):02d}室"
        else:
            address = f"北京市{area}{r.choice(COMPOUNDS[area])}{r.randint(1, 30)}号楼{r.randint(1, 28)}{r.randint(1, 6):02d}"
        display = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        cid = self.ids.take(Customer)
        self.out.add(Customer, {"id": cid, "name": name, "phone": "+86" + digits, "phone_display": display,
                                "address": address, "area": area, "note": "", "created_at": at})
        phone = customers.PhoneCheck("+86" + digits, display, digits, True)
        for key in customers.search_keys(name, phone):
            self.out.add(CustomerKey, {"key": key, "customer_id": cid})
        self._audit(at, actor, "customer.create", "customer", cid, {})
        person = _Customer(cid, name, display, address, area)
        self.people.append(person)
        self.counts.customers += 1
        return person

    def _product(self, person: _Customer, at: datetime, new: bool = False) -> tuple[int, str, str]:
        """One of the person's products, or a new one (``new``: just bought, to install)."""
        # Here, not at the top: the demo hands big fills to this module, and these are its word lists.
        from frontdesk.demo import CATEGORY_WEIGHTS, PRODUCTS

        r = self.rng
        if person.products and not new and r.random() < 0.4:
            pid, category = r.choice(person.products)
            return pid, category, ""
        category = r.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
        brand, models = r.choice(PRODUCTS[category])
        bought = at.date() - timedelta(days=r.randint(0, 10) if new else r.randint(30, 6 * 365))
        card = r.random() < 0.35
        pid = self.ids.take(Product)
        self.out.add(Product, {
            "id": pid, "customer_id": person.id, "category": category, "brand": brand, "model": r.choice(models),
            "serial": f"{category[:2].upper()}{r.randrange(10 ** 10):010d}", "purchase_date": bought,
            "invoice_shown": new or r.random() < 0.5, "invoice_no": "", "card_shown": card,
            "card_stamp_date": bought if card else None, "card_edition": "", "card_whole_unit_months": None,
            "card_component_months": {}, "factory_date": None, "installed_on": None, "created_at": at})
        person.products.append((pid, category))
        return pid, category, "in" if at.date() - bought < timedelta(days=365) else "out"

    # -- rows -----------------------------------------------------------------------------------
    def _audit(self, at: datetime, user: int | None, action: str, entity: str, entity_id: int,
               detail: dict[str, Any]) -> None:
        self.out.add(AuditRecord, {"id": self.ids.take(AuditRecord), "at": at, "user_id": user, "approver_id": None,
                                   "action": action, "entity": entity, "entity_id": str(entity_id), "detail": detail})
        self.counts.audit += 1

    def _event(self, ticket_id: int, at: datetime, user: int | None, kind: str, text: str,
               from_state: str | None = None, to_state: str | None = None, message: Message | None = None) -> None:
        self.out.add(TicketEvent, {"id": self.ids.take(TicketEvent), "ticket_id": ticket_id, "at": at,
                                   "user_id": user, "kind": kind, "from_state": from_state, "to_state": to_state,
                                   "text": text, "message": message.to_json() if message is not None else None})
        self.counts.events += 1

    def _after(self, t: datetime, lo_hours: float, hi_hours: float) -> datetime:
        """A moment some working hours later, inside opening hours (09:00-18:00)."""
        t = t + timedelta(minutes=int(self.rng.uniform(lo_hours, hi_hours) * 60))
        if t.hour >= 18:
            t = datetime.combine(t.date() + timedelta(days=1), time(9)) + timedelta(minutes=self.rng.randrange(120))
        elif t.hour < 9:
            t = datetime.combine(t.date(), time(9)) + timedelta(minutes=self.rng.randrange(120))
        return t

    def _path(self, kind: str, channel: str, warranty: str) -> tuple[list[str], str]:
        """The states the ticket will pass through, and its billing: '' none,
        'approved' or 'declined' (a quote)."""
        r = self.rng
        roll = r.random()
        if kind in (intake.CONSULTATION, intake.INQUIRY):
            return [states.CLOSED], ""
        if kind == intake.COMPLAINT:
            return [states.RECEIVED, states.CLOSED], ""
        if roll < 0.04:
            return [states.RECEIVED, states.CANCELLED], ""
        first = [states.RECEIVED, states.SCHEDULED] if channel == intake.PHONE else [states.RECEIVED]
        # A product at the shop is ready for pick-up, then collected; a visit closes at the customer's.
        back = [states.READY, states.CLOSED] if channel == intake.WALK_IN else [states.CLOSED]
        parts_wait = [states.IN_REPAIR, states.AWAITING_PARTS, states.IN_REPAIR] if roll < 0.16 else [states.IN_REPAIR]
        if kind == intake.INSTALLATION or warranty == "in":
            return first + parts_wait + [states.REPAIRED] + back, ""
        # Out of warranty (or not known): no work before the customer approves the quote.
        if roll < 0.3:
            return first + [states.DIAGNOSING, states.QUOTED, states.DECLINED] + back, quotes.DECLINED
        return first + [states.DIAGNOSING, states.QUOTED, states.APPROVED] + parts_wait + [states.REPAIRED] + back, \
            quotes.APPROVED

    def ticket(self, at: datetime) -> None:
        r = self.rng
        clerk = r.choice(self.clerk_ids)
        left = max(1, self.total - self.counts.tickets)
        want_people = max(1, -(-self.total // TICKETS_PER_CUSTOMER))
        new_share = (want_people - len(self.people)) / left
        person = self._new_customer(at, clerk) if not self.people or r.random() < new_share else r.choice(self.people)
        roll = r.random()
        if roll < 0.55:
            channel, kind = intake.WALK_IN, intake.REPAIR
        elif roll < 0.78:
            channel, kind = intake.PHONE, intake.REPAIR
        elif roll < 0.84:
            channel, kind = intake.PHONE, intake.INSTALLATION
        elif roll < 0.92:
            channel, kind = intake.PHONE, intake.CONSULTATION
        elif roll < 0.99:
            channel, kind = intake.PHONE, intake.INQUIRY
        else:
            channel, kind = intake.PHONE, intake.COMPLAINT
        product_id, category, warranty = (None, "", "")
        if kind in intake.SERVICE_KINDS:
            product_id, category, warranty = self._product(person, at, new=kind == intake.INSTALLATION)
        # Here, not at the top: the demo hands big fills to this module, and these are its word lists.
        from frontdesk.demo import COMPLAINTS, CONSULTATIONS, FAULTS

        fault = r.choice(FAULTS.get(category, FAULTS["other"])) if category else (
            r.choice(CONSULTATIONS) if kind == intake.CONSULTATION else
            r.choice(COMPLAINTS) if kind == intake.COMPLAINT else "询问维修进度")
        path, billing = self._path(kind, channel, warranty)
        tech = None
        if kind in intake.SERVICE_KINDS:
            tech = next((t[0] for t in self.techs if person.area in t[2]), None) or r.choice(self.techs)[0]
        tid = self.ids.take(Ticket)
        year = at.year
        seq = self.ticket_seq.get(year, 0) + 1
        self.ticket_seq[year] = seq
        number = numbering.format_number("T", year, seq)
        # Walk the path until the end moment: recent tickets are still on their way.
        moments = [at]
        t = at
        for step in path[1:]:
            hours = {states.SCHEDULED: (1, 8), states.DIAGNOSING: (2, 24), states.QUOTED: (1, 6),
                     states.APPROVED: (1, 30), states.DECLINED: (1, 30), states.IN_REPAIR: (2, 24),
                     states.AWAITING_PARTS: (4, 24), states.REPAIRED: (4, 60), states.READY: (0.2, 3),
                     states.CLOSED: (2, 70), states.CANCELLED: (1, 48)}.get(step, (1, 8))
            t = self._after(t, *hours)
            if t > self.end:
                break
            moments.append(t)
        reached = path[:len(moments)]
        state = reached[-1]
        final_at = moments[-1] if state in states.FINAL else None
        respond_by = None
        responded = None
        if channel == intake.PHONE and kind in intake.SERVICE_KINDS:
            respond_by = self._after(at, 8, 9)
            responded = moments[1] if len(moments) > 1 else None
        repair_days = 0
        for i, s in enumerate(reached[:-1]):
            if s in states.REPAIR_DAY_STATES:
                repair_days += (moments[i + 1].date() - moments[i].date()).days
        uncertain = states.REPAIRED in reached and tech is not None and r.random() < 0.03
        ready_at = moments[reached.index(states.READY)] if states.READY in reached else None
        picked_up = ready_at is not None and state == states.CLOSED
        fault_category = ""
        if kind == intake.REPAIR and states.REPAIRED in reached:
            fault_category = self._repair_record(tid, category, fault, moments[reached.index(states.REPAIRED)], clerk,
                                                 tech)
        self.out.add(Ticket, {
            "id": tid, "number": number, "channel": channel, "kind": kind, "state": state, "customer_id": person.id,
            "product_id": product_id, "fault": fault, "request": "", "address": person.address, "area": person.area,
            "accessories": [], "condition": [], "condition_note": "", "passcode_given": False,
            "performance_fault": True, "misuse_resolved": False, "to_verify": False, "verify_fields": [],
            "verify_override_by_id": None, "warranty_status": {"in": "in", "out": "out"}.get(warranty, "unknown"),
            "warranty_exclusion": None, "repair_days": repair_days, "prior_repairs_same_fault": 0,
            "repeat_of_id": None, "technician_id": tech, "technician_uncertain": uncertain, "intake_at": at,
            "respond_by": respond_by, "responded_at": responded, "closed_at": final_at, "updated_at": moments[-1],
            "created_by_id": clerk, "version": len(moments), "fault_category": fault_category, "prior_repair_ids": [],
            "ready_at": ready_at, "picked_up_at": final_at if picked_up else None,
            "picked_up_by_id": clerk if picked_up else None})
        self.counts.tickets += 1
        self._event(tid, at, clerk, "created", f"{channel} {kind}", to_state=path[0])
        self._audit(at, clerk, "ticket.create", "ticket", tid, {"number": number, "channel": channel, "kind": kind,
                                                               "to_verify": []})
        for i in range(1, len(moments)):
            self._event(tid, moments[i], clerk, "state", f"{reached[i - 1]} → {reached[i]}", reached[i - 1], reached[i],
                        Message(N_("{old} → {new}"), old=states.label_message(reached[i - 1]),
                                new=states.label_message(reached[i])))
            self._audit(moments[i], clerk, "ticket.move", "ticket", tid, {"from": reached[i - 1], "to": reached[i]})
        if kind == intake.COMPLAINT:
            self.out.add(Complaint, {
                "id": self.ids.take(Complaint), "ticket_id": tid, "customer_id": person.id, "what_happened": fault,
                "promised_answer_at": self._after(at, 8, 9), "handler_id": self.manager_id, "opened_at": at,
                "opened_by_id": clerk, "closed_at": final_at, "closed_by_id": self.manager_id if final_at else None,
                "resolution": "已向客户道歉，问题已解决" if final_at else ""})
            self.counts.complaints += 1
        if kind == intake.CONSULTATION:
            self._callback(tid, person.id, followup.CONSULTATION, at, at + timedelta(hours=2))
        if uncertain:
            i = reached.index(states.REPAIRED)
            self._callback(tid, person.id, followup.UNCERTAIN_REPAIR, moments[i], moments[i] + timedelta(hours=3))
        if state == states.READY and ready_at is not None:
            # "Please collect", raised by the move to ready; the pick-up takes it off the list.
            self._callback(tid, person.id, followup.READY_TO_COLLECT, ready_at, ready_at, made=False)
        if billing and states.QUOTED in reached:
            self._quote(tid, number, category, billing, reached, moments, clerk)
        if state == states.CLOSED and kind in intake.SERVICE_KINDS:
            if tech is not None and channel == intake.PHONE and r.random() < 0.5:
                self.pending_cards.append((final_at.date() if final_at else at.date(), tid, tech, clerk,
                                           r.random() < 0.85))
            if category in ("mobile_phone", "computer", "tablet", "microwave") and r.random() < 0.05:
                self._loan(tid, at, final_at or at, clerk)

    def _repair_record(self, tid: int, category: str, fault: str, at: datetime, clerk: int, tech: int | None) -> str:
        """What the technician found and did (the repair record a ticket
        needs to be repaired); returns its fault category."""
        # Here, not at the top: the demo hands big fills to this module, and these are its word lists.
        from frontdesk.demo import FAULT_KEYS, FAULT_PARTS

        r = self.rng
        keys = self.fault_keys.get(category)
        if keys is None:
            keys = self.fault_keys[category] = [f.key for f in faults.fault_categories(category)]
        key = FAULT_KEYS.get(fault, "")
        key = key if key in keys else r.choice(keys)
        listed = {code for kind, code, _d, _p in self.fees.get(category, []) if kind == pricing.PART}
        parts = [code for code in FAULT_PARTS.get((category, key), ()) if code in listed] or sorted(listed)
        action = faults.REPLACED_PART if parts and r.random() < 0.6 else r.choice(
            (faults.ADJUSTED, faults.CLEANED, faults.SOFTWARE))
        rid = self.ids.take(RepairRecord)
        self.out.add(RepairRecord, {"id": rid, "ticket_id": tid, "fault_category": key, "action": action, "note": "",
                                    "technician_id": tech, "recorded_at": at, "recorded_by_id": clerk})
        if action == faults.REPLACED_PART:
            code = r.choice(parts)
            self.out.add(RepairPart, {
                "id": self.ids.take(RepairPart), "record_id": rid, "position": 0, "part_no": code, "description": "",
                "new_serial": f"{code.split('-')[0]}{at.year % 100:02d}{r.randrange(10 ** 7):07d}",
                "old_serial": ""})
        self._audit(at, clerk, "repair.record", "ticket", tid, {"fault": key, "action": action})
        return key

    def _callback(self, tid: int, cid: int, reason: str, at: datetime, due: datetime, made: bool = True) -> None:
        """A call-back raised at ``at``, due at ``due``; made (reached, fine)
        soon after when that is before the end and ``made``."""
        done = due + timedelta(minutes=self.rng.randrange(5, 240))
        finished = made and done <= self.end
        cb_id = self.ids.take(CallBack)
        self.out.add(CallBack, {
            "id": cb_id, "ticket_id": tid, "customer_id": cid, "card_id": None, "parent_id": None, "reason": reason,
            "attempt": 1, "created_at": at, "due_at": due, "done_at": done if finished else None,
            "outcome": followup.REACHED_FINE if finished else None,
            "called_by_id": self.clerk_ids[0] if finished else None, "note": ""})
        self._audit(at, None, "callback.schedule", "callback", cb_id, {"reason": reason, "ticket_id": tid})
        self.counts.callbacks += 1

    def _quote(self, tid: int, number: str, category: str, billing: str, reached: list[str],
               moments: list[datetime], clerk: int) -> None:
        r = self.rng
        qi = reached.index(states.QUOTED)
        quoted_at = moments[qi]
        decided = qi + 1 < len(reached)
        state = billing if decided else quotes.DRAFT
        offer = self.fees.get(category, []) + self.fees.get(pricing.ANY_CATEGORY, [])
        picked = r.sample(offer, min(len(offer), r.randint(1, 4))) if offer else []
        qid = self.ids.take(Quote)
        subtotal = Decimal(0)
        for pos, (kind, code, description, price) in enumerate(picked, start=1):
            qty = 1
            amount = price * qty
            subtotal += amount
            self.out.add(QuoteLine, {
                "id": self.ids.take(QuoteLine), "quote_id": qid, "position": pos, "stage": quotes.STAGE_QUOTE,
                "kind": kind, "code": code, "description": description, "component": "whole_unit", "qty": qty,
                "km": None, "schedule_price": price, "card_price": None, "applied": pricing.APPLIED_SCHEDULE,
                "unit_price": price, "amount": amount, "saving": Decimal(0), "saving_vs_card": Decimal(0),
                "in_warranty": False, "bundle_with": None, "reason": ""})
        inspection = self.inspection.get(category) or self.inspection.get(pricing.ANY_CATEGORY) or Decimal(0)
        if billing == quotes.DECLINED and inspection > 0:
            self.out.add(QuoteLine, {
                "id": self.ids.take(QuoteLine), "quote_id": qid, "position": len(picked) + 1,
                "stage": quotes.STAGE_DECLINE, "kind": pricing.INSPECTION, "code": "", "description": "检测费",
                "component": "whole_unit", "qty": 1, "km": None, "schedule_price": inspection, "card_price": None,
                "applied": pricing.APPLIED_SCHEDULE, "unit_price": inspection, "amount": inspection,
                "saving": Decimal(0), "saving_vs_card": Decimal(0), "in_warranty": False, "bundle_with": None,
                "reason": ""})
        tax = (subtotal * self.tax_rate).quantize(CENT, ROUND_HALF_UP)
        total = subtotal + tax
        owed = Decimal(0)
        decided_at = moments[qi + 1] if decided else None
        if state == quotes.APPROVED:
            owed = total
            self.counts.approved += 1
        elif state == quotes.DECLINED:
            owed = inspection
            self.counts.declined += 1
        self.out.add(Quote, {
            "id": qid, "ticket_id": tid, "schedule_id": self.schedule_id, "card_edition_id": None,
            "card_applies": False, "state": state, "currency": self.currency, "tax_rate": self.tax_rate,
            "subtotal": subtotal, "tax": tax, "total": total, "saving": Decimal(0), "saving_vs_card": Decimal(0),
            "schedule_total": total, "card_total": None, "owed": owed, "created_at": quoted_at,
            "created_by_id": clerk, "software_decided_by_id": None,
            "approved_at": decided_at if state == quotes.APPROVED else None,
            "approval_channel": quotes.COUNTER if state == quotes.APPROVED else None,
            "approved_by_id": clerk if state == quotes.APPROVED else None, "customer_name": "",
            "declined_at": decided_at if state == quotes.DECLINED else None,
            "declined_by_id": clerk if state == quotes.DECLINED else None, "fault_found": None, "version": 1})
        self._audit(quoted_at, clerk, "quote.make", "quote", qid, {"ticket": number, "total": str(total)})
        self.counts.quotes += 1
        if states.CLOSED in reached and owed > 0:
            paid_at = moments[reached.index(states.CLOSED)]
            if paid_at.date() not in self.closed_days:
                tax_share = tax if state == quotes.APPROVED else Decimal(0)
                method = r.choice((payments.CASH, payments.MOBILE, payments.MOBILE, payments.CARD))
                self.pending_receipts.append((paid_at, tid, number, clerk, qid, owed, tax_share, method))

    def _loan(self, tid: int, lent: datetime, back: datetime, clerk: int) -> None:
        self.out.add(Loan, {
            "id": self.ids.take(Loan), "unit_id": self.rng.choice(self.units), "ticket_id": tid, "lent_at": lent,
            "lent_by_id": clerk, "due_on": (lent + timedelta(days=14)).date(), "condition_out": "良好",
            "deposit": None, "deposit_receipt_id": None, "agreement_signed": True, "returned_at": back,
            "returned_by_id": clerk, "condition_back": "良好", "damage": "", "deposit_outcome": "none",
            "refunded": None, "refund_receipt_id": None, "kept_approved_by_id": None})
        self.counts.loans += 1

    # -- numbered documents, in time order ----------------------------------------------------------
    def receipts(self) -> None:
        """The receipts, numbered per year in the order they were issued."""
        self.pending_receipts.sort()
        shop = {k: self.shop.get(k, "") for k in ("shop_name", "shop_address", "shop_phone", "shop_code")}
        for paid_at, tid, ticket_number, clerk, qid, amount, tax, method in self.pending_receipts:
            year = paid_at.year
            seq = self.receipt_seq.get(year, 0) + 1
            self.receipt_seq[year] = seq
            rid = self.ids.take(Receipt)
            number = numbering.format_number(payments.PREFIX, year, seq)
            tendered = amount if method != payments.CASH else (amount / 50).to_integral_value(rounding="ROUND_CEILING") * 50
            self.out.add(Receipt, {
                "id": rid, "number": number, "year": year, "seq": seq, "ticket_id": tid, "quote_id": qid,
                "issued_at": paid_at, "issued_by_id": clerk, "counter": self.counter, "kind": payments.PAYMENT,
                "counts_as": payments.PAYMENT,
                "method": method, "currency": self.currency, "amount": amount, "net": amount, "tax": tax,
                "tendered": tendered if method == payments.CASH else None,
                "change": tendered - amount if method == payments.CASH else None,
                "lines": {**shop, "ticket": ticket_number, "total": str(amount), "tax": str(tax),
                          "outstanding_before": str(amount), "outstanding_after": "0.00"},
                "voided_at": None, "void_reason": "", "void_approver_id": None, "voided_by_id": None,
                "corrects_receipt_id": None, "correction_reason": "", "reprints": 0, "last_reprint_at": None})
            self._event(tid, paid_at, clerk, "receipt", f"{number}: {amount} ({method})")
            self._audit(paid_at, clerk, "receipt.payment", "receipt", rid, {"number": number, "amount": str(amount),
                                                                             "method": method})
            self.counts.receipts += 1
            if len(self.out.rows[Receipt]) >= CHUNK:
                self.out.flush()
        self.pending_receipts.clear()

    def cards(self) -> None:
        """Feedback cards, numbered per year in the order they were handed out."""
        self.pending_cards.sort()
        for on, tid, tech, clerk, back in self.pending_cards:
            year = on.year
            seq = self.card_seq.get(year, 0) + 1
            self.card_seq[year] = seq
            returned = on + timedelta(days=self.rng.randint(1, 10))
            back = back and returned <= self.end.date()
            quality = self.rng.choice((followup.SATISFIED, followup.SATISFIED, followup.FAIR)) if back else None
            self.out.add(FeedbackCard, {
                "id": self.ids.take(FeedbackCard), "serial": numbering.format_number("C", year, seq), "ticket_id": tid,
                "technician_id": tech, "issued_on": on, "issued_by_id": clerk, "returned_on": returned if back else None,
                "quality": quality, "attitude": quality, "signed": True if back else None, "comment": "",
                "entered_by_id": clerk if back else None,
                "entered_at": datetime.combine(returned, time(10)) if back else None})
            self.counts.cards += 1
            if len(self.out.rows[FeedbackCard]) >= CHUNK:
                self.out.flush()
        self.pending_cards.clear()


def conn_session(conn: Connection) -> Any:
    """A session over ``conn`` for the few service reads the generator makes."""
    return Session(bind=conn)


def _moments(rng: random.Random, end: datetime, days: int, total: int) -> list[datetime]:
    """``total`` intake moments over ``days`` days before ``end``: busier on
    weekends and in summer (air conditioners), inside opening hours."""
    first = end.date() - timedelta(days=days - 1)
    weights = []
    for n in range(days):
        d = first + timedelta(days=n)
        w = 1.0 + (0.35 if d.weekday() >= 5 else 0.0) + (0.4 if d.month in (6, 7, 8) else 0.0)
        weights.append(w)
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    out = []
    last_minute = max(1, min(9 * 60, (end.hour - 9) * 60 + end.minute))
    for _n in range(total):
        n = min(days - 1, bisect.bisect_left(cum, rng.random() * acc))
        minutes = rng.randrange(last_minute if n == days - 1 else 9 * 60)
        out.append(datetime.combine(first + timedelta(days=n), time(9)) + timedelta(minutes=minutes))
    out.sort()
    return out


def _ensure_schedule(db: Database, manager: Any, first_day: date) -> None:
    with db.write() as s:
        if s.scalar(select(func.count(FeeSchedule.id))):
            return
        draft = schedules.default_schedule()
        draft.effective_from = date(first_day.year - 1, 1, 1)
        draft.name = f"收费标准 {draft.effective_from:%Y-%m}"
        schedules.save_schedule(s, manager, draft, now=datetime.combine(draft.effective_from, time(9)))


def bulk_fill(db: Database, *, tickets: int, days: int, seed: int, end: datetime, manager: Any,
              clerk_ids: Sequence[int], techs: Sequence[tuple[int, str, tuple[str, ...]]], counter: str,
              progress: Callable[[float, str], None] | None = None) -> BulkCounts:
    """Write ``tickets`` tickets of history ending at ``end`` into ``db``
    (migrated, with the demo users and technicians), the money taken at
    ``counter``.  ``progress(fraction, note)`` may raise to stop: the
    tickets of the transactions already committed stay, with their counters
    (receipts and cards come last)."""
    started = _time.monotonic()
    rng = random.Random(seed)
    span = span_days(tickets, days)

    def report(fraction: float, note: str) -> None:
        if progress is not None:
            progress(fraction, note)

    with db.read() as s:
        demo_marker.require(s)  # never into a shop's own database
    _ensure_schedule(db, manager, end.date() - timedelta(days=span))
    moments = _moments(rng, end, span, tickets)
    report(0.02, ngettext("Planned {count} ticket", "Planned {count} tickets", len(moments)).format(count=len(moments)))
    sqlite = db.dialect == "sqlite"
    with db.engine.connect() as plain:
        raw = plain.connection.dbapi_connection
        if sqlite and raw is not None:
            raw.execute("PRAGMA synchronous=OFF")  # the load only: a crash means loading again
            raw.execute("PRAGMA cache_size=-131072")  # 128 MB of pages while the indexes grow
        conn = plain.execution_options(frontdesk_write=True)
        try:
            gen = _Generator(conn, rng, end, tickets, span, manager.id, clerk_ids, techs, counter)
            for start in range(0, len(moments), CHUNK):
                for at in moments[start:start + CHUNK]:
                    gen.ticket(at)
                gen.out.flush()
                gen.save_counters()
                conn.commit()
                done = min(len(moments), start + CHUNK)
                report(0.02 + 0.85 * done / max(1, len(moments)),
                       _("Tickets of {day}").format(day=moments[done - 1].date().isoformat()))
            report(0.9, _("Receipts"))
            gen.receipts()
            gen.out.flush()
            report(0.95, _("Feedback cards"))
            gen.cards()
            gen.out.flush()
            gen.save_counters()
            conn.commit()
            if not sqlite:
                _advance_sequences(conn)
        except BaseException:
            conn.rollback()
            raise
        finally:
            if sqlite and raw is not None:
                raw.execute("PRAGMA synchronous=NORMAL")
    log.info("bulk demo: %s in %.1f s", gen.counts, _time.monotonic() - started)
    report(1.0, _("Done"))
    return gen.counts


def _advance_sequences(conn: Connection) -> None:
    """PostgreSQL: the ids were given, not drawn, so each table's id sequence
    is moved past them (else the next row the program adds would collide)."""
    for model in (*_Writer.ORDER, LoanerUnit):
        table = model.__table__
        if "id" in table.c:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)")
    conn.commit()


def dispatch_threshold(tickets: int | None, bulk: bool | None) -> bool:
    """Whether ``fill`` takes the bulk path."""
    if bulk is not None:
        return bulk
    return tickets is not None and tickets > BULK_THRESHOLD


__all__ = ["BULK_THRESHOLD", "BulkCounts", "bulk_fill", "dispatch_threshold", "span_days"]
