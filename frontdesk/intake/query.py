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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import ARRAY, ColumnElement, Integer, Select, and_, any_, bindparam, func, select, union
from sqlalchemy.orm import QueryableAttribute, Session

from frontdesk import clock, customers, numbering
from frontdesk.db.engine import PLAN_EACH_TIME
from frontdesk.db.models import Customer, NumberSequence, Product, Technician, Ticket
from frontdesk.intake import states

# A page of the list: four screens of rows at 1366x768, read when the view
# reaches the end of the last one.  Each read is a pause while the clerk
# scrolls; 100 rows keep it within 3 ms on PostgreSQL (200 rows took 3.5 ms
# on the raw driver alone, docs/performance.md).
PAGE_SIZE = 100
# At most this many customers, and products, per meaning of a search text.
LOOKUP_LIMIT = 200
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


@dataclass(frozen=True)
class _Meanings:
    """What a search text can mean, as the parameters of the search's
    statement: its shape (how many exact numbers, how many customer key
    prefixes) and the values."""

    numbers: int
    prefixes: int
    params: dict[str, object]


def _meanings(session: Session, text: str) -> _Meanings:
    upper = text.upper()
    numbers = ticket_numbers(session, text)
    prefixes = customers.key_prefixes(text)
    params: dict[str, object] = {"number_low": upper, "number_high": upper + customers.TOP,
                                 "serial_low": text, "serial_high": text + customers.TOP}
    if numbers:
        params["numbers"] = numbers
    for n, prefix in enumerate(prefixes):
        params.update(customers.key_range(f"key{n}", prefix))
    return _Meanings(len(numbers), len(prefixes), params)


def _alternatives(meanings: _Meanings) -> list[ColumnElement[bool]]:
    """What the search text can mean, each a condition one index answers:
    the number from its start, the exact numbers of its digits, the
    customers each of its key prefixes finds, the products whose serial
    starts with it.  The customers and the products are looked up inside
    the statement (not fetched first: a round trip to the server less).
    Prefixes are ranges (``>= p AND < p + U+10FFFF``): on PostgreSQL both
    columns use the byte-wise "C" collation (migration 0018), so the range
    is what SQLite's means and the index answers it."""
    alts: list[ColumnElement[bool]] = [
        and_(Ticket.number >= bindparam("number_low"), Ticket.number < bindparam("number_high"))]
    if meanings.numbers:
        alts.append(Ticket.number.in_(bindparam("numbers", expanding=True)))
    for n in range(meanings.prefixes):
        alts.append(Ticket.customer_id.in_(customers.customer_lookup(f"key{n}", LOOKUP_LIMIT).scalar_subquery()))
    serial_products = select(Product.id).where(Product.serial >= bindparam("serial_low"),
                                               Product.serial < bindparam("serial_high"))
    alts.append(Ticket.product_id.in_(serial_products.limit(LOOKUP_LIMIT).scalar_subquery()))
    return alts


def _matching_ids(flt: TicketFilter, meanings: _Meanings, keyset: bool, limit: int | None) -> Select:  # type: ignore[type-arg]
    """The ids of the tickets a search text finds with the filter, newest
    first (at most ``limit`` older than the parameter ``before`` when
    ``keyset``).  One lookup per alternative, each with every filter, the
    keyset and the page's limit, put together by UNION (a ticket two
    alternatives find counts once): an OR of them under ORDER BY id DESC
    LIMIT made PostgreSQL walk the whole primary key."""
    conds = _filters(flt)
    if keyset:
        conds.append(Ticket.id < bindparam("before"))
    lookups = [_limited(select(Ticket.id).where(alt, *conds), limit).subquery() for alt in _alternatives(meanings)]
    found = union(*(select(lookup.c.id) for lookup in lookups)).subquery()
    return _limited(select(found.c.id), limit, found.c.id)


_KEPT: dict[tuple[object, ...], Select] = {}  # type: ignore[type-arg]


def _kept(key: tuple[object, ...] | None, build: Callable[[], Select]) -> Select:  # type: ignore[type-arg]
    """The statement ``build`` makes, built once per ``key`` and kept (None:
    built each time).  The list asks for the same filter's pages one after
    the other, and the search box for texts of the same few shapes: building
    the statement took a fifth of a page's time, a third of a search's."""
    if key is None:
        return build()
    statement = _KEPT.get(key)
    if statement is None:
        if len(_KEPT) > 128:
            _KEPT.clear()
        statement = _KEPT[key] = build()
    return statement


def _key(flt: TicketFilter, *shape: object) -> tuple[object, ...] | None:
    """What a filter's statement depends on besides its parameters (the
    filter and ``shape``); None for the filters that depend on the time."""
    if flt.overdue or flt.respond_before is not None:
        return None
    return (tuple(flt.states), flt.open_only, flt.channel, flt.date_from, flt.date_to, flt.to_verify,
            flt.customer_id, *shape)


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
                   limit: int = PAGE_SIZE) -> tuple[Select, dict[str, object]]:  # type: ignore[type-arg]
    """The statement :func:`page` runs, and its parameters.  Without a
    search text, newest first through the primary key, stopping at the
    page's end.  With one, the rows of the page's ids (one lookup per
    meaning of the text, see :func:`_matching_ids`), the ids given to the
    rows' statement as a list computed first (:func:`_among_found`): joined
    to the rows as a derived table, PostgreSQL hashed the ids and scanned
    every ticket to find them."""
    keyset = before_id is not None
    params: dict[str, object] = {"before": before_id} if keyset else {}
    text = flt.text.strip()
    if not text:
        return _browsing(flt, keyset, limit), params
    meanings = _meanings(session, text)
    dialect = session.get_bind().dialect.name
    statement = _kept(_key(flt, "search", meanings.numbers, meanings.prefixes, keyset, limit, dialect),
                      lambda: _rows().where(_among_found(Ticket.id, _matching_ids(flt, meanings, keyset, limit),
                                                         dialect)).order_by(Ticket.id.desc())
                      # Planned for the text typed: a generic plan cannot know how few tickets a prefix finds.
                      .execution_options(**{PLAN_EACH_TIME: True}))
    return statement, {**meanings.params, **params}


def _among_found(column: ColumnElement[int] | QueryableAttribute[int], found: Select,  # type: ignore[type-arg]
                 dialect: str) -> ColumnElement[bool]:
    """``column`` is one of the ids ``found`` selects.  On PostgreSQL
    ``= ANY(ARRAY(found))``: the ids are computed once, before the rows
    (an InitPlan), and the rows are read through the primary key by them.
    SQLite does the same for ``IN (found)``."""
    if dialect == "postgresql":
        return column == any_(func.array(found.scalar_subquery(), type_=ARRAY(Integer)))
    return column.in_(found.scalar_subquery())


def _browsing(flt: TicketFilter, keyset: bool, limit: int) -> Select:  # type: ignore[type-arg]
    """The page statement of a filter without a search text, with the keyset
    as a parameter (``before``)."""
    def build() -> Select:  # type: ignore[type-arg]
        conds = _filters(flt)
        if keyset:
            conds.append(Ticket.id < bindparam("before"))
        return _rows().where(*conds).order_by(Ticket.id.desc()).limit(limit)

    return _kept(_key(flt, "page", keyset, limit), build)


def page(session: Session, flt: TicketFilter, before_id: int | None = None,
         limit: int = PAGE_SIZE) -> list[TicketRow]:
    """Up to ``limit`` rows older than ``before_id`` (None: the newest), in
    one statement: a search's lookups and its rows go to the server together
    (digits first ask which years tickets were numbered in, see
    :func:`ticket_numbers`)."""
    conn = session.connection()  # Core: the rows are tuples, nothing for the ORM to load
    statement, params = page_statement(session, flt, before_id, limit)
    return list(map(TicketRow._make, conn.execute(statement, params).all()))


def count(session: Session, flt: TicketFilter) -> int:
    """How many tickets the filter finds (a ticket found twice counts once)."""
    text = flt.text.strip()
    if not text:
        return int(session.scalar(select(func.count()).select_from(Ticket).where(*_filters(flt))) or 0)
    meanings = _meanings(session, text)
    statement = _kept(_key(flt, "count", meanings.numbers, meanings.prefixes),
                      lambda: select(func.count()).select_from(_matching_ids(flt, meanings, False, None).subquery()))
    return int(session.scalar(statement, meanings.params) or 0)
