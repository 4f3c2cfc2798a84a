"""The audit trail cannot be edited or deleted through the program (nor by
SQL on its connection), a restore keeps it (and is locked too), and a manager reads and
filters it a page at a time."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text, update

from frontdesk import audit, backup
from frontdesk.billing import payments
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord
from frontdesk.errors import AuditLocked, NeedsManager, ValidationError
from frontdesk.intake import service as intake
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, approved_ticket, fridge_form

Users = tuple[Actor, Actor]


def _count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(AuditRecord.id))) or 0


def test_audit_records_cannot_be_changed_or_deleted(db: Database, users: Users) -> None:
    before = _count(db)
    assert before > 0
    with db.read() as s:
        first = s.scalars(select(AuditRecord).order_by(AuditRecord.id)).first()
        assert first is not None
        first_id, action = first.id, first.action
    with pytest.raises(AuditLocked) as err, db.write() as s:
        rec = s.get(AuditRecord, first_id)
        assert rec is not None
        rec.action = "nothing.happened"
    assert err.value.message == "The audit trail cannot be changed or deleted."
    with pytest.raises(AuditLocked), db.write() as s:
        rec = s.get(AuditRecord, first_id)
        s.delete(rec)
    with pytest.raises(AuditLocked), db.write() as s:
        s.execute(update(AuditRecord).values(user_id=None))
    with pytest.raises(AuditLocked), db.write() as s:
        s.execute(delete(AuditRecord))
    if db.dialect == "postgresql":
        with pytest.raises(AuditLocked), db.write() as s:
            s.execute(text("TRUNCATE audit_log"))
    with db.read() as s:
        rec = s.get(AuditRecord, first_id)
        assert rec is not None and rec.action == action
    assert _count(db) == before
    with db.write() as s:  # appending stays allowed
        audit.record(s, users[0].id, "test.append", "test", at=NOW)
    assert _count(db) == before + 1


def test_a_restore_keeps_the_audit_trail(sqlite_db: Database, tmp_path: Path) -> None:
    from tests.conftest import seed_users

    manager, _clerk = seed_users(sqlite_db)
    saved = backup.backup(sqlite_db, tmp_path / "saved.sqlite")
    before = _count(sqlite_db)
    with sqlite_db.write() as s:
        audit.record(s, manager.id, "test.after_backup", "test", at=NOW)
    assert _count(sqlite_db) == before + 1
    backup.restore(saved, sqlite_db, approver=manager, folder=tmp_path / "backups")
    assert _count(sqlite_db) == before + 2  # the record made after the backup is carried over; the restore's own
    with pytest.raises(AuditLocked), sqlite_db.write() as s:  # the restored trail is locked too
        s.execute(delete(AuditRecord))


def test_a_manager_filters_the_trail(db: Database, users: Users) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        paid = payments.take_payment(s, clerk, ticket, "cash", "100", now=NOW, counter="main")
        payments.void_receipt(s, clerk, paid.id, "typed twice", approver=manager, now=NOW + timedelta(hours=1))
        number = paid.number
    with db.read() as s:
        with pytest.raises(NeedsManager):
            audit.search(s, clerk, audit.AuditQuery())
        with pytest.raises(NeedsManager):
            audit.search(s, clerk, audit.AuditQuery(), approver=clerk)
        everything = audit.search(s, manager, audit.AuditQuery(), limit=1000)
        assert [r.id for r in everything] == sorted((r.id for r in everything), reverse=True)
        assert everything == audit.search(s, clerk, audit.AuditQuery(), approver=manager, limit=1000)

        receipts = audit.search(s, manager, audit.AuditQuery(action="receipt."))
        assert [r.action for r in receipts] == ["receipt.void", "receipt.payment"]
        void = receipts[0]
        assert (void.user, void.approver) == ("Li Clerk", "Wang Manager")
        assert void.entity == "receipt" and void.entity_id == str(paid.id)

        by_receipt = audit.search(s, manager, audit.AuditQuery(reference=number.lower()))
        assert {r.action for r in by_receipt} == {"receipt.void", "receipt.payment"}
        ticket_number = receipts[1].detail["ticket"]
        by_ticket = {r.action for r in audit.search(s, manager, audit.AuditQuery(reference=ticket_number))}
        assert {"ticket.create", "receipt.payment", "receipt.void"} <= by_ticket

        mine = audit.search(s, manager, audit.AuditQuery(user_id=clerk.id))
        assert mine and all(clerk.id in (r_user_id(s, r.id)) for r in mine)

        day = NOW.date()  # records carry the services' ``now``
        on_day = audit.search(s, manager, audit.AuditQuery(date_from=day, date_to=day), limit=1000)
        assert {"receipt.payment", "receipt.void"} <= {r.action for r in on_day}
        assert all(r.at.date() == day for r in on_day)
        assert audit.search(s, manager, audit.AuditQuery(date_from=date(2030, 1, 1))) == []
        with pytest.raises(ValidationError):
            audit.search(s, manager, audit.AuditQuery(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1)))

        pages: list[int] = []
        before: int | None = None
        while True:
            page = audit.search(s, manager, audit.AuditQuery(), before_id=before, limit=3)
            if not page:
                break
            pages.extend(r.id for r in page)
            before = page[-1].id
        assert pages == [r.id for r in everything]
        assert "receipt.void" in audit.actions(s)


def r_user_id(session: object, record_id: int) -> tuple[int | None, int | None]:
    rec = session.get(AuditRecord, record_id)  # type: ignore[attr-defined]
    return rec.user_id, rec.approver_id


def test_the_trail_records_when(db: Database, users: Users) -> None:
    manager, _clerk = users
    with db.read() as s:
        rows = audit.search(s, manager, audit.AuditQuery(action="user.add"))
    assert len(rows) == 2 and all(isinstance(r.at, datetime) for r in rows)


def test_a_record_carries_the_time_the_service_was_given(db: Database, users: Users) -> None:
    """Intake, a payment and a day close called with ``now=T`` write records
    dated T, whatever the clock says."""
    manager, clerk = users
    taken, paid, closed = datetime(2026, 11, 25, 9, 15), datetime(2026, 11, 25, 11, 40), datetime(2026, 11, 25, 19, 5)
    with db.write() as s:
        ticket = intake.take_intake(s, clerk, fridge_form(), now=taken).ticket_id
    ticket_id, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        receipt = payments.take_payment(s, clerk, ticket_id, "cash", "50", now=paid, counter="main")
        day = dayclose.close_day(s, manager, paid.date(), opening_float="0", counted="50", now=closed, counter="main")
    with db.read() as s:
        def when(action: str, entity_id: int | None = None) -> list[datetime]:
            query = select(AuditRecord.at).where(AuditRecord.action == action)
            if entity_id is not None:
                query = query.where(AuditRecord.entity_id == str(entity_id))
            return list(s.scalars(query))

        assert when("ticket.create", ticket) == [taken]
        assert when("receipt.payment", receipt.id) == [paid]
        assert when("day.count") == [closed] and when("day.close") == [closed]
    assert day.closed_at == closed
