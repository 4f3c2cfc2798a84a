"""Call-back due times at their edges, the queue, and call outcomes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from frontdesk import settings
from frontdesk.db.engine import Database
from frontdesk.followup import service as fu
from frontdesk.followup.models import CallBack
from frontdesk.intake import faults, repairs, states
from frontdesk.intake import service as intake
from frontdesk.users import Actor
from frontdesk.workcalendar import WorkCalendar

# Calling hours 09:00-18:00, Monday to Friday; 2026-10-01..07 a holiday week.
CAL = WorkCalendar(holidays=frozenset({date(2026, 10, d) for d in range(1, 8)}))


@pytest.mark.parametrize("reason,at,expected", [
    (fu.CONSULTATION, datetime(2026, 11, 24, 10, 0), datetime(2026, 11, 24, 12, 0)),
    (fu.CONSULTATION, datetime(2026, 11, 24, 15, 59), datetime(2026, 11, 24, 17, 59)),
    # 17:30 + 2 h = 19:30, after the 18:00 close: the next opening.
    (fu.CONSULTATION, datetime(2026, 11, 24, 17, 30), datetime(2026, 11, 25, 9, 0)),
    (fu.CONSULTATION, datetime(2026, 11, 24, 16, 0), datetime(2026, 11, 25, 9, 0)),  # exactly 18:00 is closed
    # Friday evening -> Monday.
    (fu.CONSULTATION, datetime(2026, 11, 27, 17, 0), datetime(2026, 11, 30, 9, 0)),
    (fu.MISUSE, datetime(2026, 11, 28, 11, 0), datetime(2026, 11, 30, 9, 0)),  # Saturday
    # The last working day before a holiday week -> after it.
    (fu.CONSULTATION, datetime(2026, 9, 30, 17, 0), datetime(2026, 10, 8, 9, 0)),
    (fu.UNCERTAIN_REPAIR, datetime(2026, 11, 24, 14, 0), datetime(2026, 11, 24, 17, 0)),
    (fu.UNCERTAIN_REPAIR, datetime(2026, 11, 24, 15, 30), datetime(2026, 11, 25, 9, 0)),
    (fu.DISSATISFIED, datetime(2026, 11, 24, 20, 0), datetime(2026, 11, 25, 9, 0)),
    (fu.FOLLOW_UP, datetime(2026, 11, 27, 10, 0), datetime(2026, 11, 30, 10, 0)),
])
def test_due_times(reason: str, at: datetime, expected: datetime) -> None:
    assert fu.due_time(reason, at, CAL) == expected


def test_configured_working_days_move_the_due_time() -> None:
    six_days = WorkCalendar(working_weekdays=frozenset({0, 1, 2, 3, 4, 5}))
    assert fu.due_time(fu.CONSULTATION, datetime(2026, 11, 27, 17, 0), six_days) == datetime(2026, 11, 28, 9, 0)


def _consult(db: Database, clerk: Actor, at: datetime, name: str = "张三", phone: str = "13812345678") -> int:
    with db.write() as s:
        r = intake.take_intake(s, clerk, intake.IntakeForm(channel=intake.PHONE, kind=intake.CONSULTATION,
                                                           name=name, phone=phone), now=at)
        return r.ticket_id


def test_consultation_schedules_a_callback_inside_calling_hours(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    ticket_id = _consult(db, clerk, datetime(2026, 11, 24, 17, 30))
    with db.read() as s:
        rows = fu.queue(s, now=datetime(2026, 11, 24, 17, 31))
    assert [(r.ticket_id, r.reason, r.due_at, r.overdue) for r in rows] == [
        (ticket_id, fu.CONSULTATION, datetime(2026, 11, 25, 9, 0), False)]
    assert rows[0].customer_name == "张三"


def test_holidays_from_the_settings_apply(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s:
        settings.store(s, {"holidays": ["2026-11-25"]})
    _consult(db, clerk, datetime(2026, 11, 24, 17, 0))
    with db.read() as s:
        assert [r.due_at for r in fu.queue(s)] == [datetime(2026, 11, 26, 9, 0)]


def test_queue_puts_overdue_first_and_outcomes_raise_the_next_call(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    first = _consult(db, clerk, datetime(2026, 11, 23, 10, 0), "李四", "13912345678")
    second = _consult(db, clerk, datetime(2026, 11, 24, 11, 0))
    now = datetime(2026, 11, 24, 12, 30)
    with db.read() as s:
        rows = fu.queue(s, now=now)
    assert [(r.ticket_id, r.due_at, r.overdue) for r in rows] == [
        (first, datetime(2026, 11, 23, 12, 0), True), (second, datetime(2026, 11, 24, 13, 0), False)]
    with db.write() as s:
        retry = fu.record_outcome(s, clerk, rows[0].id, fu.NO_ANSWER, now=now)
        assert retry is not None and retry.due_at == datetime(2026, 11, 24, 14, 30) and retry.attempt == 2
        follow = fu.record_outcome(s, clerk, rows[1].id, fu.REACHED_NOT_FINE, "still noisy", now=now)
        assert follow is not None and follow.reason == fu.FOLLOW_UP
        assert follow.due_at == datetime(2026, 11, 25, 12, 30)
    with db.write() as s:
        # Still not fine: again, and again, until the customer is fine.
        again = fu.record_outcome(s, clerk, follow.id, fu.REACHED_NOT_FINE, now=datetime(2026, 11, 25, 12, 40))
        assert again is not None and again.parent_id == follow.id
        assert fu.record_outcome(s, clerk, again.id, fu.REACHED_FINE, now=datetime(2026, 11, 26, 10, 0)) is None
    with db.read() as s:
        assert [r.id for r in fu.queue(s, now=now)] == [retry.id]
        history = intake.get_ticket(s, second).events
        assert any("Not fine" in e.text or "not fine" in e.text for e in history)


def test_recording_twice_is_a_conflict(db: Database, users: tuple[Actor, Actor]) -> None:
    from frontdesk.errors import Conflict

    _manager, clerk = users
    _consult(db, clerk, datetime(2026, 11, 24, 10, 0))
    with db.read() as s:
        cb_id = fu.queue(s)[0].id
    with db.write() as s:
        fu.record_outcome(s, clerk, cb_id, fu.REACHED_FINE)
    with pytest.raises(Conflict), db.write() as s:
        fu.record_outcome(s, clerk, cb_id, fu.REACHED_FINE)


def test_wrong_number_puts_the_ticket_to_verify(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    ticket_id = _consult(db, clerk, datetime(2026, 11, 24, 10, 0))
    with db.write() as s:
        fu.record_outcome(s, clerk, fu.queue(s)[0].id, fu.WRONG_NUMBER)
    with db.read() as s:
        ticket = intake.get_ticket(s, ticket_id)
        assert ticket.to_verify and "phone" in ticket.verify_fields


def test_misuse_resolved_on_the_phone_gets_a_callback(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        r = intake.take_intake(s, clerk, intake.IntakeForm(
            channel=intake.PHONE, kind=intake.REPAIR, name="王五", phone="13712345678", address="北京",
            category="washing_machine", model="XQB", serial="W1", fault="不转", request="上门",
            misuse=True, resolved_on_phone=True), now=datetime(2026, 11, 24, 10, 0))
    with db.read() as s:
        assert [(q.ticket_id, q.reason, q.due_at) for q in fu.queue(s)] == [
            (r.ticket_id, fu.MISUSE, datetime(2026, 11, 24, 12, 0))]


def test_uncertain_repair_gets_a_callback_three_hours_later(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    t0 = datetime(2026, 11, 24, 9, 30)
    with db.write() as s:
        r = intake.take_intake(s, clerk, intake.IntakeForm(
            name="赵六", phone="13612345678", category="microwave", model="M1", serial="MW1",
            purchase_date=date(2026, 10, 1), invoice_shown=True, fault="不热", request="修"), now=t0)
        intake.move(s, clerk, r.ticket_id, states.IN_REPAIR, now=t0)
        intake.set_uncertain(s, clerk, r.ticket_id, True, now=t0)
        repairs.record_repair(s, clerk, r.ticket_id, repairs.RepairResult("no_heating", faults.ADJUSTED),
                              now=datetime(2026, 11, 24, 11, 0))
    with db.read() as s:
        assert [(q.reason, q.due_at) for q in fu.queue(s)] == [(fu.UNCERTAIN_REPAIR, datetime(2026, 11, 24, 14, 0))]


def test_a_missed_phone_promise_gets_a_callback_once(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        r = intake.take_intake(s, clerk, intake.IntakeForm(
            channel=intake.PHONE, kind=intake.REPAIR, name="钱七", phone="13512345678", address="海淀",
            category="air_conditioner", model="KF", serial="AC1", fault="不冷", request="上门"),
            now=datetime(2026, 11, 20, 10, 0))  # a Friday: due Monday 10:00
    with db.write() as s:
        assert fu.sweep_missed_responses(s, now=datetime(2026, 11, 23, 9, 59)) == []
        made = fu.sweep_missed_responses(s, now=datetime(2026, 11, 23, 10, 5))
        assert [(c.ticket_id, c.reason, c.due_at) for c in made] == [
            (r.ticket_id, fu.NO_RESPONSE, datetime(2026, 11, 23, 10, 5))]
        assert fu.sweep_missed_responses(s, now=datetime(2026, 11, 23, 11, 0)) == []
    with db.read() as s:
        assert s.query(CallBack).count() == 1


def test_the_last_call_recorded_can_be_undone_for_a_few_seconds(db: Database, users: tuple[Actor, Actor]) -> None:
    """A wrong key (the wrong outcome, the wrong row) is taken back: the call
    is due again as it was, the retry it raised is withdrawn, both are in the
    timeline and the audit trail."""
    from frontdesk.db.models import AuditRecord
    from frontdesk.errors import Conflict, NotAllowed

    manager, clerk = users
    ticket_id = _consult(db, clerk, datetime(2026, 11, 24, 10, 0))
    at = datetime(2026, 11, 24, 12, 5)
    with db.read() as s:
        before = fu.queue(s, at)
    with db.write() as s:
        retry = fu.record_outcome(s, clerk, before[0].id, fu.NO_ANSWER, "no one home", now=at)
        assert retry is not None
    with pytest.raises(NotAllowed, match="Only who recorded"), db.write() as s:
        fu.undo_outcome(s, manager, before[0].id, now=at)
    with db.write() as s:
        fu.undo_outcome(s, clerk, before[0].id, now=at + fu.UNDO_WINDOW)
    with db.read() as s:
        assert fu.queue(s, at) == before  # due again, no retry beside it
        cb = s.get(CallBack, before[0].id)
        assert cb is not None and (cb.done_at, cb.outcome, cb.called_by_id, cb.note) == (None, None, None, "")
        assert s.get(CallBack, retry.id) is None
        assert fu.calls_made(s, at.date()) == []
        events = [e.text for e in intake.get_ticket(s, ticket_id).events]
        assert any("No answer" in e and "undone" in e for e in events)
        undo = s.query(AuditRecord).filter(AuditRecord.action == "callback.undo").one()
        assert (undo.user_id, undo.detail) == (clerk.id, {"outcome": fu.NO_ANSWER, "note": "no one home",
                                                          "withdrawn": [retry.id]})
    with pytest.raises(Conflict, match="nothing to undo"), db.write() as s:
        fu.undo_outcome(s, clerk, before[0].id, now=at)

    # A wrong number puts the phone to verify; undone, the ticket is as it was.
    with db.write() as s:
        fu.record_outcome(s, clerk, before[0].id, fu.WRONG_NUMBER, now=at)
    with pytest.raises(NotAllowed, match="Too late"), db.write() as s:
        fu.undo_outcome(s, clerk, before[0].id, now=at + fu.UNDO_WINDOW + fu.UNDO_WINDOW)
    with db.write() as s:
        fu.undo_outcome(s, clerk, before[0].id, now=at)
    with db.read() as s:
        ticket = intake.get_ticket(s, ticket_id)
        assert not ticket.to_verify and "phone" not in (ticket.verify_fields or [])
        assert [q.id for q in fu.queue(s, at)] == [before[0].id]
