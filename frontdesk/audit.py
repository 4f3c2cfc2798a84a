"""The audit trail: one append-only record for every money or state change.

The database refuses to change or delete a record (triggers, migration
``0008_audit_lock``); their refusal carries :data:`LOCK_MARKER`, turned into
:class:`frontdesk.errors.AuditLocked` by :func:`audit_locked`, which
:func:`frontdesk.db.engine.make_engine` registers on every engine it makes.  A manager reads the trail with
:func:`search`: filtered by dates, user, action, and a ticket or receipt
number, newest first, a page at a time (keyset: no OFFSET, so page 500 costs
what page 1 does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from frontdesk.billing.models import Receipt
from frontdesk.db.models import AuditRecord, Ticket, User
from frontdesk.errors import AuditLocked, ValidationError
from frontdesk.i18n import _
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
        detail=jsonable(detail or {}),
    )
    session.add(rec)
    return rec


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
