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
from frontdesk.technicians import add_technician
from frontdesk.users import Actor
from tests.followup.followup_data import DAY, finished_ticket, known_cards


@pytest.fixture
def techs(db: Database, users: tuple[Actor, Actor]) -> dict[str, int]:
    manager, _clerk = users
    with db.write() as s:
        return {name: add_technician(s, manager, name).id for name in ("老刘", "小陈", "Mike")}


def test_card_issue_and_entry(db: Database, users: tuple[Actor, Actor], techs: dict[str, int]) -> None:
    _manager, clerk = users
    ticket_id = finished_ticket(db, clerk, techs["老刘"], 1, DAY)
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
    ticket_id = finished_ticket(db, clerk, techs["小陈"], 2, DAY)
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
    known_cards(db, clerk, too_good=techs["老刘"], honest=techs["小陈"], late=techs["Mike"])
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
    assert [(r.group, r.returned, r.satisfied, r.share) for r in by_cat] == [
        ("Refrigerator", 6, 6, Decimal("100.0")), ("Washing machine", 1, 0, Decimal("0.0"))]
    with db.read() as s:
        everyone = figures.satisfaction(s, date(2026, 11, 1), date(2026, 11, 30), group_by="all")
    assert [(r.returned, r.satisfied, r.share) for r in everyone] == [(7, 6, Decimal("85.7"))]
