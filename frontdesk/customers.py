"""Customer records and find-as-you-type.

Search keys live in ``customer_keys`` (one b-tree index), each with a prefix
telling its kind:

- ``p:`` phone digits, national and international, for a number typed from
  its start;
- ``s:`` the national digits reversed, for the last digits of a number
  (clerks often ask "the last four?");
- ``n:`` the normalised name and each of its words: 张三, "john smith",
  "smith".  A Chinese 2-character name is found from its first character.

A prefix search is a range scan (``key >= p AND key < p + U+10FFFF``) on both
SQLite and PostgreSQL (the column uses the byte-wise "C" collation there).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import phonenumbers
from sqlalchemy import Select, bindparam, delete, select
from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.db import driver
from frontdesk.db.direct import insert_with
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Customer, CustomerKey, Product, Ticket
from frontdesk.errors import ValidationError
from frontdesk.i18n import _

log = logging.getLogger(__name__)

TOP = "\U0010ffff"
MIN_SUFFIX_DIGITS = 4
MAX_KEY = 190
_DIGITS = re.compile(r"\D+")
_PHONE_CHARS = re.compile(r"^[\d\s()+\-./]+$")


@dataclass(frozen=True)
class PhoneCheck:
    e164: str  # "" when it could not be read at all
    display: str
    national_digits: str
    valid: bool


def check_phone(raw: str, region: str = "CN") -> PhoneCheck:
    """Read a phone number typed at the desk.  ``valid`` is False for a number
    that parses but is not a valid number in the region (a doubtful fact)."""
    text = (raw or "").strip()
    if not text:
        return PhoneCheck("", "", "", False)
    if not _PHONE_CHARS.match(text):
        raise ValidationError({"phone": _("The phone number may only hold digits, spaces, +, -, ( and ).")})
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError({"phone": _("This is not a phone number: {text}").format(text=text)}) from exc
    valid = phonenumbers.is_valid_number(number)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    display = phonenumbers.format_number(
        number,
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == region
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    )
    national = str(number.national_number)
    if number.italian_leading_zero:
        national = "0" * (number.number_of_leading_zeros or 1) + national
    return PhoneCheck(e164, display, national, valid)


def normalize_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name or "").casefold()
    # Control characters are no part of a name (and PostgreSQL refuses NUL in a key).
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cc").split())


def search_keys(name: str, phone: PhoneCheck) -> set[str]:
    keys: set[str] = set()
    norm = normalize_name(name)
    if norm:
        keys.add("n:" + norm[:MAX_KEY])
        for word in norm.split(" "):
            if word:
                keys.add("n:" + word[:MAX_KEY])
    if phone.national_digits:
        keys.add("p:" + phone.national_digits)
        keys.add("p:" + _DIGITS.sub("", phone.e164))
        keys.add("s:" + phone.national_digits[::-1])
    return keys


def _keys_of(customer: Customer) -> list[str]:
    phone = PhoneCheck(customer.phone, customer.phone_display, _national_from_e164(customer.phone), True)
    return sorted(search_keys(customer.name, phone))


def _write_keys(session: Session, customer: Customer) -> None:
    """Replace the customer's search keys.  Written as they are, on the
    session's connection: no key row is ever read as an object."""
    session.connection().execute(delete(CustomerKey).where(CustomerKey.customer_id == customer.id))
    keys = _keys_of(customer)
    if keys:
        # One statement of all the rows on the driver's cursor: the rows as many statements (psycopg's
        # executemany) cost twice the round trip on PostgreSQL.
        driver.execute(session, _add_keys(len(keys)), {"c": customer.id, **{f"k{n}": key for n, key in enumerate(keys)}})


@lru_cache(maxsize=16)
def _add_keys(count: int) -> str:
    """The insert of ``count`` search keys of one customer (``:k0``... and ``:c``)."""
    return "INSERT INTO customer_keys (key, customer_id) VALUES " + ", ".join(f"(:k{n}, :c)" for n in range(count))


def _national_from_e164(e164: str) -> str:
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return _DIGITS.sub("", e164)
    return str(number.national_number)


@dataclass(frozen=True)
class CustomerMatch:
    id: int
    name: str
    phone_display: str
    address: str
    ticket_count: int
    last_visit: datetime | None


# Search runs at every keystroke: its statements are written once and run
# on the driver's cursor of the session's connection (frontdesk.db.driver),
# which skips SQLAlchemy's execution and result handling, more than the
# reading itself on a shop of a few thousand customers (docs/performance.md).
_RANGE = ("SELECT customer_id FROM customer_keys WHERE key >= :low AND key < :high "
          "ORDER BY key, customer_id LIMIT :limit")
_MATCH_COLUMNS = ("SELECT c.id, c.name, c.phone_display, c.phone, c.address, "
                  "(SELECT count(t.id) FROM tickets t WHERE t.customer_id = c.id), "
                  "(SELECT max(t.intake_at) FROM tickets t WHERE t.customer_id = c.id) "
                  "FROM customers c WHERE ")
# On PostgreSQL the ids go as one array: one statement, prepared once, however
# many customers a keystroke finds (frontdesk.db.lookup.among_ids).
_MATCHES_ANY = _MATCH_COLUMNS + "c.id = ANY(:ids)"


def _matches(dialect: str, ids: list[int]) -> tuple[str, dict[str, object]]:
    """The matches' customers with their tickets' count and last intake: the
    statement and its parameters."""
    if dialect == "postgresql":
        return _MATCHES_ANY, {"ids": ids}
    names = [f"i{n}" for n in range(len(ids))]
    return (_MATCH_COLUMNS + "c.id IN (" + ", ".join(":" + name for name in names) + ")",
            dict(zip(names, ids, strict=True)))


def _range(session: Session, prefix: str, limit: int) -> list[int]:
    return [cid for (cid,) in driver.rows(session, _RANGE, {"low": prefix, "high": prefix + TOP, "limit": limit})]


def key_prefixes(text: str) -> list[str]:
    """The prefixes of the customers' search keys that what the clerk has
    typed can mean: the phone from its start (as typed, and without a trunk
    or international prefix), its last digits, or the name."""
    text = (text or "").strip()
    if not text:
        return []
    digits = _DIGITS.sub("", text)
    if not (digits and _PHONE_CHARS.match(text)):
        return ["n:" + normalize_name(text)[:MAX_KEY]]  # the keys keep that much of a long name
    prefixes = ["p:" + digits.lstrip("+")]
    if digits.startswith("0") and len(digits) >= MIN_SUFFIX_DIGITS:
        # Typed with the trunk prefix (010-6234 ...) or the international
        # one (0086 138 ...); the keys hold the national and E.164 digits.
        prefixes.append("p:" + digits.lstrip("0"))
    if len(digits) >= MIN_SUFFIX_DIGITS:
        prefixes.append("s:" + digits[::-1])
    return prefixes


def find_customer_ids(session: Session, text: str, limit: int = 20) -> list[int]:
    """Customer ids matching what the clerk has typed so far, best first."""
    seen: dict[int, None] = {}
    for prefix in key_prefixes(text):
        for cid in _range(session, prefix, limit * 2):
            seen.setdefault(cid, None)
    return list(seen)[:limit]


def customer_lookup(name: str, limit: int) -> Select:  # type: ignore[type-arg]
    """The ids of at most ``limit`` customers whose keys start with a prefix
    of :func:`key_prefixes`, given as the parameters ``{name}_low`` and
    ``{name}_high`` (:func:`key_range`): a statement to put inside another
    (the ticket search's), so that the search asks the server once instead
    of first fetching the customers' ids."""
    return (select(CustomerKey.customer_id)
            .where(CustomerKey.key >= bindparam(f"{name}_low"), CustomerKey.key < bindparam(f"{name}_high"))
            .limit(limit))


def key_range(name: str, prefix: str) -> dict[str, str]:
    """The parameters of :func:`customer_lookup` ``name`` for ``prefix``."""
    return {f"{name}_low": prefix, f"{name}_high": prefix + TOP}


def search(session: Session, text: str, limit: int = 20) -> list[CustomerMatch]:
    """The live matches shown under the intake form as the clerk types."""
    ids = find_customer_ids(session, text, limit)
    if not ids:
        return []
    dialect = session.connection().dialect.name
    sql, params = _matches(dialect, ids)
    found = {row[0]: row for row in driver.rows(session, sql, params)}
    moment = _moment_of(session)
    out = []
    for cid in ids:
        row = found.get(cid)
        if row is None:
            continue
        _id, name, phone_display, phone, address, count, last = row
        out.append(CustomerMatch(cid, name, phone_display or phone, address, int(count or 0),
                                 moment(last) if last is not None else None))
    return out


def _moment_of(session: Session) -> Callable[[Any], datetime]:
    """A ticket's intake moment as the driver gives it, as a datetime."""
    return driver.converter(Ticket.__table__.c.intake_at.type, session)


@dataclass(frozen=True)
class CustomerHistory:
    customer: Customer
    products: list[Product]
    tickets: list[Ticket]


def history(session: Session, customer_id: int, limit: int = 50) -> CustomerHistory:
    """A returning customer's products and earlier tickets, newest first."""
    customer = get_or_not_found(session, Customer, customer_id, _("No such customer."))
    products = list(
        session.scalars(select(Product).where(Product.customer_id == customer_id).order_by(Product.id.desc()))
    )
    tickets = list(
        session.scalars(
            select(Ticket).where(Ticket.customer_id == customer_id).order_by(Ticket.intake_at.desc()).limit(limit)
        )
    )
    return CustomerHistory(customer, products, tickets)


def create(
    session: Session,
    actor_id: int,
    name: str,
    phone: PhoneCheck,
    address: str = "",
    area: str = "",
    now: datetime | None = None,
) -> Customer:
    now = now or clock.now()
    customer, keys = new_record(name, phone, address, area, now)
    # The customer and its search keys in one statement on PostgreSQL.
    insert_with(session, customer, keys, "customer_id")
    recorded(session, actor_id, customer)
    return customer


def new_record(name: str, phone: PhoneCheck, address: str, area: str, now: datetime) -> tuple[Customer, list[CustomerKey]]:
    """A new customer and its search keys, not yet inserted: :func:`create`
    inserts them, the intake with the rest of its rows (frontdesk.db.direct.Linked),
    and then each has :func:`recorded` say so."""
    customer = Customer(
        name=name.strip(),
        phone=phone.e164,
        phone_display=phone.display,
        address=address.strip(),
        area=area.strip(),
        note="",
        created_at=now,
    )
    return customer, [CustomerKey(key=key) for key in _keys_of(customer)]


def recorded(session: Session, actor_id: int, customer: Customer) -> None:
    """The audit record of ``customer``'s creation, once it is inserted."""
    audit.record(session, actor_id, "customer.create", "customer", customer.id, at=customer.created_at)


_SAME_PHONE = select(Customer.id, Customer.name).where(Customer.phone == bindparam("phone")).order_by(Customer.id)


def find_same(session: Session, name: str, phone: PhoneCheck) -> Customer | None:
    """An existing record for the same person: same phone and same name."""
    if not phone.e164:
        return None
    norm = normalize_name(name)
    # The names first, as rows: the intake asks this of every new customer, and mostly finds nobody.
    for cid, found in session.execute(_SAME_PHONE, {"phone": phone.e164}):
        if normalize_name(found) == norm or not norm:
            return session.get(Customer, cid)
    return None


def update(
    session: Session,
    actor_id: int,
    customer: Customer,
    *,
    name: str | None = None,
    phone: PhoneCheck | None = None,
    address: str | None = None,
    area: str | None = None,
    now: datetime | None = None,
) -> Customer:
    changes: dict[str, object] = {}
    if name is not None and name.strip() and name.strip() != customer.name:
        changes["name"] = name.strip()
        customer.name = name.strip()
    if phone is not None and phone.e164 and phone.e164 != customer.phone:
        changes["phone"] = phone.e164
        customer.phone = phone.e164
        customer.phone_display = phone.display
    if address is not None and address.strip() and address.strip() != customer.address:
        changes["address"] = address.strip()
        customer.address = address.strip()
    if area is not None and area.strip() and area.strip() != customer.area:
        changes["area"] = area.strip()
        customer.area = area.strip()
    if changes:
        if "name" in changes or "phone" in changes:
            session.flush()
            _write_keys(session, customer)
        audit.record(session, actor_id, "customer.update", "customer", customer.id, {"fields": sorted(changes)},
                     at=now or clock.now())
    return customer
