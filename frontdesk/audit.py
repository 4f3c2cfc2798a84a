"""The audit trail: one append-only record for every money or state change.

The database refuses to change or delete a record (triggers, migration
``0008_audit_lock``); their refusal carries :data:`LOCK_MARKER`, turned into
:class:`frontdesk.errors.AuditLocked` by :func:`audit_locked`, which
:func:`frontdesk.db.engine.make_engine` registers on every engine it makes.  A manager reads the trail with
:func:`search`: filtered by dates, user, action, and a ticket or receipt
number, newest first, a page at a time (keyset: no OFFSET, so page 500 costs
what page 1 does).

The trail is a hash chain (migration ``0013_audit_chain``): each record
carries the hash of the one before (``prev_hash``; 64 zeros for the first)
and its own, :func:`record_hash` over that and the record's content.  The
hashes are given when the records are flushed (:func:`_chain_pending`, a
``before_flush`` listener): under the chain's lock (the one row of
``audit_chain``, FOR UPDATE on PostgreSQL; SQLite's writers are already one
at a time, BEGIN IMMEDIATE) each new record takes its id (PostgreSQL: the
id sequence; SQLite: one past the head and the last id) and is chained onto
the head, and the head moves on.  :func:`verify_chain` walks the chain and
names the first broken link.  See docs/architecture.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, TextClause, bindparam, event, func, insert, or_, select, text, update
from sqlalchemy.orm import Session, aliased

from frontdesk.billing.models import Receipt
from frontdesk.db.direct import insert_all, row_values
from frontdesk.db.models import AuditChain, AuditRecord, Ticket, User
from frontdesk.errors import AuditLocked, ValidationError
from frontdesk.i18n import _, ngettext
from frontdesk.jsonable import jsonable

if TYPE_CHECKING:
    from frontdesk.users import Actor

LOCK_MARKER = "FRONTDESK_AUDIT_LOCKED"
PAGE = 200


def audit_locked(context: Any) -> None:
    """The audit lock's refusal, from either engine, as a domain error (an
    engine's ``handle_error`` listener)."""
    if LOCK_MARKER in str(context.original_exception):
        raise AuditLocked() from context.sqlalchemy_exception


def record(
    session: Session,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_id: object = "",
    detail: dict[str, Any] | None = None,
    approver_id: int | None = None,
    *,
    at: datetime,
) -> AuditRecord:
    """Append a record of ``action`` on ``entity``, dated ``at``: the time
    the service was given (its ``now``), so the trail and the rows it
    describes say the same time."""
    rec = AuditRecord(
        at=at,
        user_id=actor_id,
        approver_id=approver_id,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        # As the JSON column gives it back (keys text, tuples lists): what is hashed is what is read.
        detail=json.loads(json.dumps(jsonable(detail or {}))),
    )
    gathering: list[AuditRecord] | None = session.info.get(_GATHERED)
    if gathering is not None:
        gathering.append(rec)
    else:
        _add(session, [rec])
    return rec


def _add(session: Session, recs: list[AuditRecord]) -> None:
    session.add_all(recs)
    session.info.setdefault(_PENDING, []).extend(recs)


@contextmanager
def gathered(session: Session) -> Iterator[None]:
    """Hold back the records made inside the block, and chain them all when
    it ends, in the order made: one insert and one move of the chain's head
    (on PostgreSQL the lock, the head's read, the insert and the move are
    round trips), where each flush inside would have chained its own.  They
    are inserted at once, on the session's connection; the records the
    session held before, not yet flushed, are chained first.  When the block
    raises, its records are added to the session as :func:`record` adds
    them (they say what it did), and the error goes on."""
    outer = session.info.get(_GATHERED)
    held: list[AuditRecord] = []
    session.info[_GATHERED] = held
    done = False
    try:
        yield
        done = True
    finally:
        session.info[_GATHERED] = outer
        if outer is not None:
            outer.extend(held)
        elif held and not done:
            _add(session, held)
    if done and outer is None and held:
        if session.info.get(_PENDING):
            session.flush()  # the records made before the block come before its own in the chain
        _chain(session, held, insert=True)


# -- the hash chain ---------------------------------------------------------------------------

GENESIS = "0" * 64
_PENDING = "frontdesk.audit.pending"  # session.info: records added, in the order record() was called
_GATHERED = "frontdesk.audit.gathered"  # session.info: records held back by gathered(), or None
VERIFY_BATCH = 5000


def record_hash(prev_hash: str, rec_id: int, at: datetime, user_id: int | None, approver_id: int | None,
                action: str, entity: str, entity_id: str, detail: Any) -> str:
    """A record's hash: SHA-256 (hex) of the hash before it followed by its
    content as canonical JSON (a list of id, time with microseconds, user,
    approver, action, entity, entity id and detail; keys sorted, no spaces).
    Migration 0013 holds a frozen copy: change neither alone."""
    body = json.dumps([rec_id, at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"), user_id,
                       approver_id, action, entity, entity_id, detail],
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _hash_of(rec: AuditRecord, prev_hash: str) -> str:
    return record_hash(prev_hash, rec.id, rec.at, rec.user_id, rec.approver_id, rec.action, rec.entity,
                       rec.entity_id, rec.detail)


def lock_head(conn: Connection) -> tuple[int, str]:
    """The chain's head (last record id, its hash), locked until the
    transaction ends (PostgreSQL: FOR UPDATE; SQLite: the write transaction
    holds the database).  A database made without migration 0013's row
    gets it here, from its last record."""
    head_id, head_hash, _last = _locked_head(conn)
    return head_id, head_hash


def _locked_head(conn: Connection) -> tuple[int, str, int]:
    """:func:`lock_head`, with the last record id stored, read by the same
    statement (a round trip less on PostgreSQL): the records chained next
    are numbered past both, since a bulk load or an older database may have
    stored records past the head.  (Read before the lock was granted, that
    id may miss the records of the writer waited for; the head, read again
    once granted, does not: it is past them.)"""
    # On PostgreSQL the lock order: receipts and waivers (ROW EXCLUSIVE) before the chain, in one round
    # trip (migration 0019's function).  A day close holds them in SHARE mode and then appends its own
    # record; a writer holding the chain while waiting to insert a receipt would deadlock with it.  (ROW
    # EXCLUSIVE only waits for a close, never for another writer.)
    row = conn.execute(_HEAD_PG if conn.dialect.name == "postgresql" else _HEAD).first()
    if row is not None and row[0] is not None:
        return int(row[0]), str(row[1]), int(row[2] or 0)
    found = conn.execute(select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)).first()
    head = (int(found.id), str(found.hash or GENESIS)) if found is not None else (0, GENESIS)
    conn.execute(insert(AuditChain).values(id=1, head_id=head[0], head_hash=head[1]))
    return _locked_head(conn)


def move_head(conn: Connection, head_id: int, head_hash: str) -> None:
    """The chain's head moved to record ``head_id``.  On PostgreSQL the
    table's id sequence is moved past it by the same statement, so that a
    row given its id by the sequence (a tool writing outside the chain)
    never takes a chained record's."""
    conn.execute(_MOVE_PG if conn.dialect.name == "postgresql" else _MOVE, {"to_id": head_id, "to_hash": head_hash})


# The chain's statements, built once (each is sent with every save: building
# one and its cache key anew is a tenth of a millisecond each time).
_HEAD = select(AuditChain.head_id, AuditChain.head_hash,
               select(func.coalesce(func.max(AuditRecord.id), 0)).scalar_subquery()).where(AuditChain.id == 1)
_HEAD_PG = text("SELECT head_id, head_hash, last_id FROM frontdesk_chain_head()")
_MOVE = update(AuditChain).where(AuditChain.id == 1).values(head_id=bindparam("to_id"), head_hash=bindparam("to_hash"))
# The head's move on PostgreSQL, with the id sequence moved past it; as text,
# since it is also the start of the records' insert below.
_MOVE_PG_SQL = ("UPDATE audit_chain SET head_id = :to_id, head_hash = :to_hash WHERE id = 1 "
                "RETURNING setval(pg_get_serial_sequence('audit_log', 'id'), "
                "greatest(nextval(pg_get_serial_sequence('audit_log', 'id')), :to_id))")
_MOVE_PG = text(_MOVE_PG_SQL)
_APPEND_AT_ONCE = 8  # records inserted by the head's move, at most (one statement built for each count)


@lru_cache(maxsize=_APPEND_AT_ONCE)
def _append_pg(count: int) -> TextClause:
    """The insert of ``count`` records (parameters ``r<n>_<column>``), with the
    head's move (``to_id``, ``to_hash``) in the same statement: one round
    trip, where two would be sent.  Text, built once: SQLAlchemy compiles a
    multi-row VALUES anew at every execution (it has no cache key)."""
    columns = list(AuditRecord.__table__.columns)
    rows = ", ".join("(" + ", ".join(f":r{n}_{c.key}" for c in columns) + ")" for n in range(count))
    return text(f"WITH moved AS ({_MOVE_PG_SQL}) INSERT INTO audit_log ({', '.join(c.name for c in columns)}) "
                f"VALUES {rows}").bindparams(
        *(bindparam(f"r{n}_{c.key}", type_=c.type) for n in range(count) for c in columns))


# session.info key: (the root transaction, the head it moved the chain to) after its last flush.
_HELD = "frontdesk_audit_head"


@event.listens_for(Session, "before_flush")
def _chain_pending(session: Session, _context: Any, _instances: Any) -> None:
    """Give the session's new records their ids and hashes, in the order
    they were recorded, chained onto the head (locked until the commit)."""
    listed: list[AuditRecord] = session.info.pop(_PENDING, [])
    new = [o for o in session.new if isinstance(o, AuditRecord)]
    if not new:
        return
    waiting = set(map(id, new))
    order = [r for r in listed if id(r) in waiting]
    ordered = set(map(id, order))
    order += sorted((r for r in new if id(r) not in ordered), key=lambda r: r.id or 0)
    _chain(session, order)


def _chain(session: Session, order: list[AuditRecord], *, insert: bool = False) -> None:
    """Give ``order``'s records their ids and hashes, chained onto the head
    (locked until the transaction ends), and move the head past them; with
    ``insert``, insert the records too (on PostgreSQL, by the head's move)."""
    conn = session.connection()
    current = session.get_transaction()
    while current is not None and current.nested:  # a savepoint: its own; the chain is locked for the root
        current = current.parent
    held = session.info.get(_HELD)
    inner = session.get_nested_transaction()
    if held is not None and held[0] is current and inner is None:
        # This transaction locked the chain at an earlier flush and holds it
        # until it ends: the head is the one it moved it to, and no other
        # writer has chained a record since.  Two reads fewer for the
        # intake's second record (docs/performance.md).
        head_id, head_hash = held[1], held[2]
        first = head_id + 1
    else:
        head_id, head_hash, last = _locked_head(conn)
        first = max(head_id, last) + 1
    for n, rec in enumerate(order):
        rec.id = first + n
        rec.prev_hash = head_hash
        rec.hash = _hash_of(rec, head_hash)
        head_id, head_hash = rec.id, rec.hash
    if insert and conn.dialect.name == "postgresql" and len(order) <= _APPEND_AT_ONCE:
        params: dict[str, Any] = {"to_id": head_id, "to_hash": head_hash}
        for n, rec in enumerate(order):
            values = row_values(rec)
            params.update({f"r{n}_{c.key}": values.get(c.key) for c in AuditRecord.__table__.columns})
        conn.execute(_append_pg(len(order)), params)  # the records are not read back in this transaction
    else:
        move_head(conn, head_id, head_hash)
        if insert:
            insert_all(session, order)
    # Kept for the root transaction only, and only for a flush outside a
    # savepoint (a savepoint rolled back would take its records with it).
    session.info[_HELD] = (current, head_id, head_hash) if inner is None else None


@dataclass(frozen=True)
class ChainCheck:
    """What :func:`verify_chain` found: the records walked, the head, and the
    first broken link (``broken_id``, None when the chain holds)."""

    count: int
    head_id: int | None
    head_hash: str
    broken_id: int | None = None
    message: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_id is None


def _broken_at(rec_id: int, at: datetime, action: str, why: str) -> str:
    return _("Audit trail broken at record #{id} ({at}, action {action}): {why}").format(
        id=rec_id, at=at.isoformat(sep=" ", timespec="seconds"), action=action, why=why)


def verify_chain(conn: Connection, progress: Callable[[int], None] | None = None) -> ChainCheck:
    """Walk the trail in id order (a batch at a time: bounded memory) and
    check every record's hash and its link to the one before, then that the
    last record is the head the chain recorded (records cut off the end).
    Reading only."""
    table = AuditRecord.__table__
    cols = [table.c[name] for name in ("id", "at", "user_id", "approver_id", "action", "entity", "entity_id",
                                       "detail", "prev_hash", "hash")]
    count, last_id, prev_hash = 0, 0, GENESIS
    prev_id: int | None = None
    while True:
        rows = conn.execute(select(*cols).where(table.c.id > last_id).order_by(table.c.id).limit(VERIFY_BATCH)).all()
        for rec_id, at, user_id, approver_id, action, entity, entity_id, detail, stored_prev, stored in rows:
            if stored_prev != prev_hash:
                why = (_("it does not follow record #{id}.").format(id=prev_id) if prev_id is not None
                       else _("it is not the first record of the trail, yet none comes before it."))
                return ChainCheck(count, prev_id, prev_hash, rec_id, _broken_at(rec_id, at, action, why))
            digest = record_hash(prev_hash, rec_id, at, user_id, approver_id, action, entity, entity_id, detail)
            if stored != digest:
                return ChainCheck(count, prev_id, prev_hash, rec_id,
                                  _broken_at(rec_id, at, action, _("its content does not match its hash.")))
            count += 1
            prev_id, prev_hash = rec_id, digest
        if len(rows) < VERIFY_BATCH:
            break
        last_id = rows[-1][0]
        if progress is not None:
            progress(count)
    head = conn.execute(select(AuditChain.head_id, AuditChain.head_hash).where(AuditChain.id == 1)).first()
    if head is not None and (int(head.head_id), head.head_hash) != (prev_id or 0, prev_hash):
        message = (_("Audit trail broken after record #{id}: the trail ended at record #{head}; the records "
                     "after #{id} are missing.").format(id=prev_id or 0, head=head.head_id)
                   if int(head.head_id) > (prev_id or 0) else
                   _("Audit trail broken: its last record #{id} is not the head the trail recorded "
                     "(#{head}).").format(id=prev_id or 0, head=head.head_id))
        return ChainCheck(count, prev_id, prev_hash, int(head.head_id), message)
    intact = ngettext("Audit trail intact: {n} record, head #{id} {hash}",
                      "Audit trail intact: {n} records, head #{id} {hash}", count)
    return ChainCheck(count, prev_id, prev_hash, None, intact.format(n=count, id=prev_id or 0, hash=prev_hash[:12]))


def records(
    session: Session,
    *,
    action: str | None = None,
    entity: str | None = None,
    user_id: int | None = None,
    since: datetime | None = None,
    limit: int = 500,
) -> list[AuditRecord]:
    query = select(AuditRecord).order_by(AuditRecord.id.desc()).limit(limit)
    if action:
        query = query.where(AuditRecord.action == action)
    if entity:
        query = query.where(AuditRecord.entity == entity)
    if user_id is not None:
        query = query.where(AuditRecord.user_id == user_id)
    if since is not None:
        query = query.where(AuditRecord.at >= since)
    return list(session.scalars(query))


@dataclass(frozen=True)
class AuditQuery:
    """What a manager looks for in the trail; every part is optional."""

    date_from: date | None = None
    date_to: date | None = None  # inclusive
    user_id: int | None = None
    action: str = ""  # a prefix: "receipt" finds receipt.payment, receipt.void...
    reference: str = ""  # a ticket or receipt number, or a record's own id


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    approver: str
    action: str
    entity: str
    entity_id: str
    detail: dict[str, Any]
    reference: str = ""  # the ticket's or receipt's number when the record is about one


def _reference_filter(session: Session, text: str) -> Any:
    """The records about ``text``: a ticket (and its receipts), a receipt, or
    any record whose own id is ``text``."""
    conditions = [AuditRecord.entity_id == text]
    ticket_id = session.scalar(select(Ticket.id).where(func.upper(Ticket.number) == text.upper()))
    if ticket_id is not None:
        receipt_ids = [str(r) for r in session.scalars(select(Receipt.id).where(Receipt.ticket_id == ticket_id))]
        conditions = [(AuditRecord.entity == "ticket") & (AuditRecord.entity_id == str(ticket_id))]
        if receipt_ids:
            conditions.append((AuditRecord.entity == "receipt") & AuditRecord.entity_id.in_(receipt_ids))
    receipt_id = session.scalar(select(Receipt.id).where(func.upper(Receipt.number) == text.upper()))
    if receipt_id is not None:
        conditions.append((AuditRecord.entity == "receipt") & (AuditRecord.entity_id == str(receipt_id)))
    return or_(*conditions)


def search(session: Session, actor: Actor, query: AuditQuery, approver: Actor | None = None, *,
           before_id: int | None = None, limit: int = PAGE) -> list[AuditRow]:
    """One page of the trail, newest first (a manager's act: the actor, or
    ``approver``).  The next page: ``before_id`` = the last row's id."""
    # Here, not at the top: users records its own acts in this trail (a cycle at load).
    from frontdesk.users import display_name_column, require_manager

    require_manager(actor, approver, _("read the audit trail"))
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise ValidationError({"date_to": _("The end date is before the start date.")})
    who, approved = aliased(User), aliased(User)
    stmt = (select(AuditRecord, display_name_column(who), display_name_column(approved))
            .outerjoin(who, who.id == AuditRecord.user_id)
            .outerjoin(approved, approved.id == AuditRecord.approver_id)
            .order_by(AuditRecord.id.desc()).limit(max(1, limit)))
    if before_id is not None:
        stmt = stmt.where(AuditRecord.id < before_id)
    if query.date_from is not None:
        stmt = stmt.where(AuditRecord.at >= datetime.combine(query.date_from, datetime.min.time()))
    if query.date_to is not None:
        stmt = stmt.where(AuditRecord.at < datetime.combine(query.date_to + timedelta(days=1), datetime.min.time()))
    if query.user_id is not None:
        stmt = stmt.where(or_(AuditRecord.user_id == query.user_id, AuditRecord.approver_id == query.user_id))
    action = query.action.strip()
    if action:
        stmt = stmt.where(AuditRecord.action.startswith(action, autoescape=True))
    reference = query.reference.strip()
    if reference:
        stmt = stmt.where(_reference_filter(session, reference))
    found = session.execute(stmt).all()
    numbers = _numbers(session, [rec for rec, _n, _a in found])
    return [AuditRow(rec.id, rec.at, name or "", approver_name or "", rec.action, rec.entity, rec.entity_id,
                     dict(rec.detail or {}), numbers.get((rec.entity, rec.entity_id), ""))
            for rec, name, approver_name in found]


def _numbers(session: Session, records: list[AuditRecord]) -> dict[tuple[str, str], str]:
    """The numbers a person knows (T2026-000123, R2026-000045) of the
    tickets and receipts a page of records is about: one query per kind."""
    out: dict[tuple[str, str], str] = {}
    for entity, model in (("ticket", Ticket), ("receipt", Receipt)):
        ids = {int(r.entity_id) for r in records if r.entity == entity and str(r.entity_id).isdigit()}
        if ids:
            for pk, number in session.execute(select(model.id, model.number).where(model.id.in_(ids))):
                out[(entity, str(pk))] = number
    return out


def actions(session: Session) -> list[str]:
    """The kinds of action the trail holds, for a filter's choices."""
    return list(session.scalars(select(AuditRecord.action).distinct().order_by(AuditRecord.action)))
