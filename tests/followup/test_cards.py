"""Feedback cards, card supervision and satisfaction on a known data set."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from frontdesk.db.engine import Database
from frontdesk.errors import Conflict, IllegalTransition, ValidationError
from frontdesk.followup import figures
from frontdesk.followup import service as fu
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.technicians import add_technician
from frontdesk.users import Actor

DAY = datetime(2026, 11, 2, 10, 0)  # a Monday


def _finished_ticket(db: Database, clerk: Actor, tech_id: int, n: int, at: datetime,
                     category: str = "refrigerator") -> int:
    with db.write() as s:
        r = intake.take_intake(s, clerk, intake.IntakeForm(
            name=f"客户{n}", phone=f"1381234{n:04d}", category=category, model="M", serial=f"S{n}",
            purchase_date=date(2026, 1, 1), invoice_shown=True, fault="坏了", request="修",
            technician_id=tech_id), now=at)
        intake.move(s, clerk, r.ticket_id, states.IN_REPAIR, now=at)
        intake.move(s, clerk, r.ticket_id, states.REPAIRED, now=at)
        return r.ticket_id


@pytest.fixture
def techs(db: Database, users: tuple[Actor, Actor]) -> dict[str, int]:
    manager, _clerk = users
    with db.write() as s:
        return {name: add_technician(s, manager, name).id for name in ("老刘", "小陈", "Mike")}


def test_card_issue_and_entry(db: Database, users: tuple[Actor, Actor], techs: dict[str, int]) -> None:
    _manager, clerk = users
    ticket_id = _finished_ticket(db, clerk, techs["老刘"], 1, DAY)
    with db.write() as s:
        card = fu.issue_card(s, clerk, ticket_id, now=DAY)
        assert card.serial == "C2026-000001" and card.technician_id == techs["老刘"]
        with pytest.raises(Conflict):
            fu.issue_card(s, clerk, ticket_id, now=DAY)
    with db.write() as s:
        found = fu.find_card(s, intake.get_ticket(s, ticket_id).number)  # the QR code carries the ticket number
        assert found.serial == "C2026-000001"
        with pytest.raises(ValidationError) as err:
            fu.enter_card(s, clerk, found.id, quality=4, attitude=3, signed=True, now=DAY)
        assert "quality" in err.value.fields
        fu.enter_card(s, clerk, found.id, quality=3, attitude=3, signed=True, now=DAY + timedelta(days=1))
    with db.read() as s:
        assert fu.queue(s) == []
    with pytest.raises(Conflict), db.write() as s:
        fu.enter_card(s, clerk, found.id, quality=3, attitude=3, signed=True)


def test_no_card_before_the_work_is_done(db: Database, users: tuple[Actor, Actor], techs: dict[str, int]) -> None:
    _manager, clerk = users
    with db.write() as s:
        r = intake.take_intake(s, clerk, intake.IntakeForm(name="A", phone="13812340000", category="other",
                                                           model="x", serial="y", fault="z", request="w",
                                                           technician_id=techs["Mike"]), now=DAY)
        with pytest.raises(IllegalTransition):
            fu.issue_card(s, clerk, r.ticket_id, now=DAY)


def test_a_dissatisfied_card_opens_a_follow_up_until_satisfied(db: Database, users: tuple[Actor, Actor],
                                                                techs: dict[str, int]) -> None:
    _manager, clerk = users
    ticket_id = _finished_ticket(db, clerk, techs["小陈"], 2, DAY)
    with db.write() as s:
        card = fu.issue_card(s, clerk, ticket_id, now=DAY)
        fu.enter_card(s, clerk, card.id, quality=fu.NOT_SATISFIED, attitude=fu.SATISFIED, signed=True,
                      comment="又坏了", now=datetime(2026, 11, 3, 19, 0))
    with db.read() as s:
        rows = fu.queue(s, now=datetime(2026, 11, 4, 8, 0))
    assert [(r.reason, r.due_at, r.ticket_id) for r in rows] == [
        (fu.DISSATISFIED, datetime(2026, 11, 4, 9, 0), ticket_id)]
    with db.write() as s:
        nxt = fu.record_outcome(s, clerk, rows[0].id, fu.REACHED_NOT_FINE, now=datetime(2026, 11, 4, 9, 10))
        assert nxt is not None and nxt.card_id == card.id
        assert fu.record_outcome(s, clerk, nxt.id, fu.REACHED_FINE, now=datetime(2026, 11, 5, 9, 30)) is None
    with db.read() as s:
        assert fu.queue(s) == []


def test_supervision_flags_on_a_known_set(db: Database, users: tuple[Actor, Actor], techs: dict[str, int]) -> None:
    _manager, clerk = users
    n = 0

    def card_for(tech: str, issued: datetime) -> int:
        nonlocal n
        n += 1
        ticket_id = _finished_ticket(db, clerk, techs[tech], n, issued)
        with db.write() as s:
            return fu.issue_card(s, clerk, ticket_id, now=issued).id

    # 老刘: 5 cards, every one back the same day with top marks -> both patterns flagged.
    for i in range(5):
        cid = card_for("老刘", DAY + timedelta(days=i))
        with db.write() as s:
            fu.enter_card(s, clerk, cid, quality=3, attitude=3, signed=True, now=DAY + timedelta(days=i, hours=1))
    # 小陈: 3 cards: one satisfied but unsigned, one dissatisfied, one never returned.
    a, b, c = (card_for("小陈", DAY) for _ in range(3))
    with db.write() as s:
        fu.enter_card(s, clerk, a, quality=3, attitude=2, signed=False, now=DAY + timedelta(days=2))
        fu.enter_card(s, clerk, b, quality=1, attitude=2, signed=True, now=DAY + timedelta(days=3))
    # Mike: a card issued yesterday, not back yet: not missing yet.
    card_for("Mike", datetime(2026, 11, 12, 10, 0))
    with db.read() as s:
        sup = {x.technician: x for x in figures.supervision(s, date(2026, 11, 1), date(2026, 11, 30), today=date(2026, 11, 13))}
    liu, chen, mike = sup["老刘"], sup["小陈"], sup["Mike"]
    assert (liu.issued, liu.returned, liu.missing, liu.satisfied_unsigned) == (5, 5, 0, 0)
    assert liu.flags == [figures.FLAG_SAME_DAY, figures.FLAG_TOP_MARKS]
    assert (chen.issued, chen.returned, chen.missing, chen.satisfied_unsigned) == (3, 2, 1, 1)
    assert chen.flags == [figures.FLAG_MISSING, figures.FLAG_UNSIGNED]
    assert sorted(f for _s, f in chen.flagged_cards) == [figures.FLAG_MISSING, figures.FLAG_UNSIGNED]
    assert (mike.issued, mike.returned, mike.missing, mike.flags) == (1, 0, 0, [])

    with db.read() as s:
        by_tech = {(r.period, r.group): (r.returned, r.satisfied, r.share)
                   for r in figures.satisfaction(s, date(2026, 11, 1), date(2026, 11, 30))}
        by_week = {(r.period, r.group): (r.returned, r.satisfied)
                   for r in figures.satisfaction(s, date(2026, 11, 1), date(2026, 11, 30), period="week")}
        by_cat = figures.satisfaction(s, date(2026, 11, 1), date(2026, 11, 30), group_by="category")
    assert by_tech == {("2026-11", "老刘"): (5, 5, Decimal("100.0")), ("2026-11", "小陈"): (2, 1, Decimal("50.0"))}
    assert by_week[("2026-W45", "老刘")] == (5, 5)
    assert by_week[("2026-W45", "小陈")] == (2, 1)
    assert [(r.group, r.returned, r.satisfied, r.share) for r in by_cat] == [("Refrigerator", 7, 6, Decimal("85.7"))]
