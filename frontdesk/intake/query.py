"""The ticket list: filtered pages in keyset order (newest first), so the
window can open a million tickets at once and load more as it scrolls.

The search box finds a ticket by its number (``T2026-003602``, or from its
start), by its digits (``3602``, ``003602``, ``2026-3602``: turned into the
exact numbers of the years tickets were numbered in, then looked up by the
unique index, never ``LIKE '%3602'``), by its customer (name or phone, see
:func:`frontdesk.customers.find_customer_ids`) or by its product's serial
number from its start."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, and_, bindparam, func, select, union
from sqlalchemy.orm import Session

from frontdesk import clock, customers, numbering
from frontdesk.db.engine import PLAN_EACH_TIME
from frontdesk.db.lookup import among_ids
from frontdesk.db.models import Customer, NumberSequence, Product, Technician, Ticket
from frontdesk.intake import states

# A page of the list: four screens of rows at 1366x768, read when the view
# reaches the end of the last one.  Each read is a pause while the clerk
# scrolls; 100 rows keep it within 3 ms on PostgreSQL (200 rows took 3.5 ms
# on the raw driver alone, docs/performance.md).
PAGE_SIZE = 100
TICKET_PREFIX = "T"
SEQ_DIGITS = 6  # T2026-003602 (numbering.format_number)
# "3602", "003602"; "2026-3602", "T2026-003602"; "2026003602" (year and six digits run together).
_SEQ_ONLY = re.compile(rf"^\d{{1,{SEQ_DIGITS}}}$")
_YEAR_SEQ = re.compile(rf"^T?(\d{{4}})\s*[-/ ]\s*(\d{{1,{SEQ_DIGITS}}})$", re.IGNORECASE)
_YEAR_SEQ_RUN = re.compile(rf"^T?(\d{{4}})(\d{{{SEQ_DIGITS}}})$", re.IGNORECASE)


@dataclass
class TicketFilter:
    text: str = ""
    states: list[str] = field(default_factory=list)
    channel: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    to_verify: bool = False
    overdue: bool = False
    # Phone requests still unanswered whose promised answer is due before this time.
    respond_before: datetime | None = None
    open_only: bool = False
    customer_id: int | None = None


class TicketRow(NamedTuple):
    """A row of the list.  A tuple: a page is 200 of them, made as they
    come from the driver (a dataclass's ``__init__`` was a quarter of a
    page's time)."""

    id: int
    number: str
    intake_at: datetime
    channel: str
    kind: str
    state: str
    customer_name: str
    phone: str
    category: str
    model: str
    warranty_status: str
    to_verify: bool
    technician: str
    respond_by: datetime | None
    responded_at: datetime | None

    @property
    def overdue(self) -> bool:
        return self.respond_by is not None and self.responded_at is None and self.respond_by < clock.now() \
            and self.state in states.OPEN


def ticket_numbers(session: Session, text: str) -> list[str]:
    """The exact ticket numbers that digits typed in the search box can
    mean: ``3602`` is ticket 3602 of every year tickets were numbered in
    (and that reached 3602); ``2026-3602`` only that year's.  Nothing for
    text that is not such digits."""
    text = text.strip()
    year_seq = _YEAR_SEQ.match(text) or _YEAR_SEQ_RUN.match(text)
    if year_seq is not None:
        year, seq = int(year_seq.group(1)), int(year_seq.group(2))
        return [numbering.format_number(TICKET_PREFIX, year, seq)] if seq > 0 else []
    if not _SEQ_ONLY.match(text) or int(text) == 0:
        return []
    seq = int(text)
    years = session.scalars(
        select(NumberSequence.year).where(NumberSequence.name == "ticket", NumberSequence.last >= seq)
        .order_by(NumberSequence.year.desc()))
    return [numbering.format_number(TICKET_PREFIX, year, seq) for year in years]


def _filters(flt: TicketFilter) -> list[ColumnElement[bool]]:
    """The list's filters other than the search text, on the tickets."""
    conds: list[ColumnElement[bool]] = []
    if flt.states:
        conds.append(Ticket.state.in_(flt.states))
    if flt.open_only:
        conds.append(Ticket.state.in_(states.OPEN))
    if flt.channel:
        conds.append(Ticket.channel == flt.channel)
    if flt.date_from:
        conds.append(Ticket.intake_at >= datetime.combine(flt.date_from, datetime.min.time()))
    if flt.date_to:
        conds.append(Ticket.intake_at < datetime.combine(flt.date_to + timedelta(days=1), datetime.min.time()))
    if flt.to_verify:
        conds.append(Ticket.to_verify.is_(True))
    if flt.overdue:
        conds.append(and_(Ticket.respond_by < clock.now(), Ticket.responded_at.is_(None),
                          Ticket.state.in_(states.OPEN)))
    if flt.respond_before is not None:
        conds.append(and_(Ticket.respond_by <= flt.respond_before, Ticket.responded_at.is_(None),
                          Ticket.state.in_(states.OPEN)))
    if flt.customer_id is not None:
        conds.append(Ticket.customer_id == flt.customer_id)
    return conds


def _alternatives(session: Session, text: str) -> list[ColumnElement[bool]]:
    """What the search text can mean, each a condition one index answers:
    the number from its start, the exact numbers of its digits, the
    customers it finds, the products whose serial starts with it.  Prefixes
    are ranges (``>= p AND < p + U+10FFFF``): on PostgreSQL both columns use
    the byte-wise "C" collation (migration 0018), so the range is what
    SQLite's means and the index answers it."""
    upper = text.upper()
    alts: list[ColumnElement[bool]] = [and_(Ticket.number >= upper, Ticket.number < upper + customers.TOP)]
    numbers = ticket_numbers(session, text)
    if numbers:
        alts.append(Ticket.number.in_(numbers))
    ids = customers.find_customer_ids(session, text, limit=200)
    if ids:
        alts.append(Ticket.customer_id.in_(ids))
    serial_products = select(Product.id).where(Product.serial >= text, Product.serial < text + customers.TOP)
    alts.append(Ticket.product_id.in_(serial_products.limit(200).scalar_subquery()))
    return alts


def _matching_ids(session: Session, flt: TicketFilter, before_id: int | None,
                  limit: int | None) -> Select:  # type: ignore[type-arg]
    """The ids of the tickets the filter finds, newest first (at most
    ``limit`` older than ``before_id``).  A search text is one lookup per
    alternative, each with every filter, the keyset and the page's limit,
    put together by UNION (a ticket two alternatives find counts once): an
    OR of them under ORDER BY id DESC LIMIT made PostgreSQL walk the whole
    primary key."""
    conds = _filters(flt)
    if before_id is not None:
        conds.append(Ticket.id < before_id)
    text = flt.text.strip()
    if not text:
        return _limited(select(Ticket.id).where(*conds), limit)
    lookups = [_limited(select(Ticket.id).where(alt, *conds), limit).subquery() for alt in _alternatives(session, text)]
    found = union(*(select(lookup.c.id) for lookup in lookups)).subquery()
    return _limited(select(found.c.id), limit, found.c.id)


def _limited(query: Select, limit: int | None, order: ColumnElement[int] | None = None) -> Select:  # type: ignore[type-arg]
    if limit is None:
        return query
    return query.order_by((Ticket.id if order is None else order).desc()).limit(limit)


def _rows() -> Select:  # type: ignore[type-arg]
    """What a row of the list shows, the ticket with its customer, product and technician."""
    return (
        select(
            Ticket.id, Ticket.number, Ticket.intake_at, Ticket.channel, Ticket.kind, Ticket.state,
            Customer.name, Customer.phone_display, Product.category, Product.model,
            Ticket.warranty_status, Ticket.to_verify, Technician.name, Ticket.respond_by, Ticket.responded_at,
        )
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(Product, Product.id == Ticket.product_id)
        .outerjoin(Technician, Technician.id == Ticket.technician_id)
    )


def page_statement(session: Session, flt: TicketFilter, before_id: int | None = None,
                   limit: int = PAGE_SIZE) -> Select:  # type: ignore[type-arg]
    """The first statement :func:`page` runs.  Without a search text, the
    page itself: newest first through the primary key, stopping at the
    page's end.  With one, the page's ids (one lookup per alternative, see
    :func:`_matching_ids`), whose rows :func:`page` then reads by their ids:
    joined to the rows as a derived table, PostgreSQL hashed the ids and
    scanned every ticket to find them."""
    if not flt.text.strip():
        return _browsing(flt, before_id is not None, limit).params(before=before_id)
    return _matching_ids(session, flt, before_id, limit)


_BROWSING: dict[tuple[object, ...], Select] = {}  # type: ignore[type-arg]


def _browsing(flt: TicketFilter, keyset: bool, limit: int) -> Select:  # type: ignore[type-arg]
    """The page statement of a filter without a search text, with the keyset
    as a parameter (``before``): built once per filter and kept, as the list
    asks for the same filter's pages one after the other (building it took a
    fifth of a page's time).  Filters that depend on the time are built anew."""
    if flt.overdue or flt.respond_before is not None:
        key = None
    else:
        key = (tuple(flt.states), flt.open_only, flt.channel, flt.date_from, flt.date_to, flt.to_verify,
               flt.customer_id, keyset, limit)
        if key in _BROWSING:
            return _BROWSING[key]
    conds = _filters(flt)
    if keyset:
        conds.append(Ticket.id < bindparam("before"))
    statement = _rows().where(*conds).order_by(Ticket.id.desc()).limit(limit)
    if key is not None:
        if len(_BROWSING) > 64:
            _BROWSING.clear()
        _BROWSING[key] = statement
    return statement


def page(session: Session, flt: TicketFilter, before_id: int | None = None,
         limit: int = PAGE_SIZE) -> list[TicketRow]:
    """Up to ``limit`` rows older than ``before_id`` (None: the newest)."""
    conn = session.connection()  # Core: the rows are tuples, nothing for the ORM to load
    if not flt.text.strip():
        browsing = _browsing(flt, before_id is not None, limit)
        rows = conn.execute(browsing, {"before": before_id} if before_id is not None else {})
        return list(map(TicketRow._make, rows.all()))
    # Planned for the text typed: a generic plan cannot know how few tickets a prefix finds.
    statement = page_statement(session, flt, before_id, limit).execution_options(**{PLAN_EACH_TIME: True})
    ids = list(conn.execute(statement).scalars())
    if not ids:
        return []
    return list(map(TicketRow._make, conn.execute(_by_ids(conn.dialect.name), {"ids": ids}).all()))


_BY_IDS: dict[str, Select] = {}  # type: ignore[type-arg]


def _by_ids(dialect: str) -> Select:  # type: ignore[type-arg]
    """The rows of a search's page, newest first, from its ids given as one
    parameter (:func:`frontdesk.db.lookup.among_ids`: on PostgreSQL the
    same statement however many tickets a page has, prepared once; an IN
    list of each length was planned at every search, 1-2 ms of it at a
    million tickets).  Built once per engine kind."""
    statement = _BY_IDS.get(dialect)
    if statement is None:
        statement = _BY_IDS[dialect] = _rows().where(among_ids(Ticket.id, dialect)).order_by(Ticket.id.desc())
    return statement


def count(session: Session, flt: TicketFilter) -> int:
    """How many tickets the filter finds (a ticket found twice counts once)."""
    sub = _matching_ids(session, flt, None, None).subquery()
    return int(session.scalar(select(func.count()).select_from(sub)) or 0)
