"""What the follow-up lists read: complaints with their promised answer
(overdue, soon), the calls made and who made them, a card with the
follow-up it opened, the cards entered on a day, and the queue's due-soon
mark."""

from __future__ import annotations

from datetime import datetime, timedelta

from frontdesk.db.engine import Database
from frontdesk.followup import complaints
from frontdesk.followup import service as fu
from frontdesk.intake import service as intake
from frontdesk.technicians import add_technician
from frontdesk.users import Actor
from tests.followup.followup_data import DAY, card_for


def _complaint(db: Database, clerk: Actor, at: datetime, promised: datetime, name: str, phone: str) -> int:
    with db.write() as s:
        return intake.take_intake(s, clerk, intake.IntakeForm(
            channel=intake.PHONE, kind=intake.COMPLAINT, name=name, phone=phone, what_happened="师傅迟到",
            promised_answer_at=promised, handler_id=clerk.id), now=at).ticket_id


def test_open_complaints_flag_late_and_close_answers(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    at = datetime(2026, 11, 23, 10, 0)
    late = _complaint(db, clerk, at, datetime(2026, 11, 24, 9, 0), "孙一", "13811110001")
    soon = _complaint(db, clerk, at, datetime(2026, 11, 24, 11, 0), "孙二", "13811110002")
    later = _complaint(db, clerk, at, datetime(2026, 11, 25, 10, 0), "孙三", "13811110003")
    now = datetime(2026, 11, 24, 10, 0)
    with db.read() as s:
        rows = complaints.open_complaints(s, now)
    assert [(r.ticket_id, r.overdue, r.answer_soon) for r in rows] == [
        (late, True, False), (soon, False, True), (later, False, False)]
    assert rows[0].customer_name == "孙一" and rows[0].handler == "Li Clerk" and rows[0].what_happened == "师傅迟到"
    with db.write() as s:
        complaints.close_complaint(s, manager, rows[0].id, "已道歉并补偿", now=now)
    with db.read() as s:
        assert [r.ticket_id for r in complaints.open_complaints(s, now)] == [soon, later]


def test_calls_made_say_who_called_and_the_queue_marks_due_soon(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s:
        for name, phone, at in (("周一", "13822220001", datetime(2026, 11, 24, 9, 0)),
                                ("周二", "13822220002", datetime(2026, 11, 24, 10, 0))):
            intake.take_intake(s, clerk, intake.IntakeForm(channel=intake.PHONE, kind=intake.CONSULTATION,
                                                           name=name, phone=phone), now=at)
    now = datetime(2026, 11, 24, 11, 45)  # the first is due 11:00, the second 12:00
    with db.read() as s:
        assert [(r.customer_name, r.overdue, r.due_soon) for r in fu.queue(s, now)] == [
            ("周一", True, False), ("周二", False, True)]
    with db.write() as s:
        first = fu.queue(s, now)[0]
        fu.record_outcome(s, manager, first.id, fu.NO_ANSWER, "无人接听", now=now)
    with db.read() as s:
        made = fu.calls_made(s, now.date())
        assert fu.calls_made(s, now.date() + timedelta(days=1)) == []
    assert [(c.customer_name, c.outcome_label, c.called_by, c.note) for c in made] == [
        ("周一", "No answer", "Wang Manager", "无人接听")]


def test_a_card_shows_the_follow_up_it_opened(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s:
        tech = add_technician(s, manager, "老刘").id
    happy, unhappy = card_for(db, clerk, tech, 1, DAY), card_for(db, clerk, tech, 2, DAY)
    back = DAY + timedelta(days=1)
    with db.write() as s:
        fu.enter_card(s, clerk, happy, quality=3, attitude=3, signed=True, now=back)
        fu.enter_card(s, clerk, unhappy, quality=2, attitude=1, signed=True, comment="态度差", now=back)
    with db.read() as s:
        views = fu.cards_entered(s, back.date())
        assert fu.cards_entered(s, DAY.date()) == []
    by_id = {v.id: v for v in views}
    assert by_id[happy].satisfied and by_id[happy].follow_up_due is None
    assert by_id[unhappy].satisfied is False and by_id[unhappy].follow_up_due == back  # 10:00, inside calling hours
    assert by_id[unhappy].technician == "老刘" and by_id[unhappy].comment == "态度差"
