"""The audit trail: one append-only record for every money or state change."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import clock
from frontdesk.db.models import AuditRecord


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return value


def record(
    session: Session,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_id: object = "",
    detail: dict[str, Any] | None = None,
    approver_id: int | None = None,
) -> AuditRecord:
    rec = AuditRecord(
        at=clock.now(),
        user_id=actor_id,
        approver_id=approver_id,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail=_plain(detail or {}),
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
