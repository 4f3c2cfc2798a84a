"""Fuzzing the loaner pool (add_unit, lend with its deposit, return) and the
follow-up (call outcomes and notes, feedback card comments and ratings):
refused with the field named and nothing changed, or stored exactly."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.billing.models import Receipt
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Ticket, TicketEvent
from frontdesk.followup import service as fu
from frontdesk.followup.models import CallBack, FeedbackCard
from frontdesk.intake import faults, repairs, states
from frontdesk.intake import service as intake
from frontdesk.loaners import service as loaners
from frontdesk.loaners.models import Loan, LoanerUnit, PullBack
from frontdesk.money import to_money
from frontdesk.technicians import add_technician
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, fridge_form
from tests.fuzz.fuzz_helpers import FUZZ, REFUSED, Guard, amounts, far_dates, nasty_text, nfc_clean, row
from tests.loaners.loaner_helpers import add_units, workshop_ticket

MODELS = (LoanerUnit, Loan, PullBack, Receipt, CallBack, FeedbackCard, AuditRecord, Ticket, TicketEvent)
_n = itertools.count(1)


class World(Guard):
    """One unit out on a loan with a deposit: it must never change."""

    def __init__(self, db: Database, manager: Actor, clerk: Actor) -> None:
        self.manager, self.clerk = manager, clerk
        add_units(db, manager, "BASE-U")
        ticket_id = workshop_ticket(db, clerk, serial="BASE-S", phone="13700000001")
        with db.write() as s:
            self.loan_id = loaners.lend(s, clerk, ticket_id, "BASE-U", condition_out="良好", deposit="200.00",
                                        now=NOW, counter="main").id
        super().__init__(db, MODELS)

    def rows(self, session: Session) -> dict[str, Any]:
        loan = session.get(Loan, self.loan_id)
        assert loan is not None
        return {"loan": row(loan), "unit": row(session.get(LoanerUnit, loan.unit_id))}


@pytest.fixture
def world(db: Database, users: tuple[Actor, Actor]) -> World:
    return World(db, *users)


UNIT_FIELDS = ["tag", "category", "model", "serial", "condition", "note"]


@pytest.mark.parametrize("fieldname", UNIT_FIELDS)
def test_add_unit_text(db: Database, world: World, fieldname: str) -> None:
    @FUZZ
    @given(value=nasty_text)
    def run(value: str) -> None:
        n = next(_n)
        values = {"tag": f"FZ-{n}", "category": "refrigerator", "model": "BCD", "serial": f"SN{n}",
                  "condition": "良好", "note": ""}
        values[fieldname] = value

        def work(s: Session) -> Any:
            return loaners.add_unit(s, world.manager, now=NOW, **values).id
        unit_id = world.write(work, [fieldname])
        if unit_id is REFUSED:
            return
        with db.read() as s:
            unit = s.get(LoanerUnit, unit_id)
            assert unit is not None and getattr(unit, fieldname) == nfc_clean(value)
            if fieldname == "tag":
                assert loaners.find_unit(s, value).id == unit_id
        world.refresh()

    run()


def test_lend_and_return(db: Database, world: World) -> None:
    @FUZZ
    @given(deposit=st.one_of(st.none(), amounts), due=st.one_of(st.none(), far_dates), cond_out=nasty_text,
           cond_back=nasty_text, damage=nasty_text, tag=st.one_of(st.just(None), nasty_text))
    def run(deposit: Any, due: date | None, cond_out: str, cond_back: str, damage: str, tag: str | None) -> None:
        n = next(_n)
        unit_tag = f"LU-{n}"
        add_units(db, world.manager, unit_tag)
        ticket_id = workshop_ticket(db, world.clerk, serial=f"LS-{n}", phone=f"136{n % 10**8:08d}")
        world.refresh()

        def lend(s: Session) -> Any:
            return loaners.lend(s, world.clerk, ticket_id, unit_tag if tag is None else tag, due_on=due,
                                condition_out=cond_out, deposit=deposit, now=NOW, counter="main").id
        loan_id = world.write(lend, ["deposit", "due_on", "condition_out", "tag"])
        if loan_id is REFUSED:
            return
        loan = world.fetch(Loan, loan_id)
        assert loan.condition_out == nfc_clean(cond_out) and loan.due_on == (due or loan.due_on)
        assert loan.deposit is None or loan.deposit == to_money(deposit)
        with db.read() as s:  # the lists that show it, a far due date included
            loaners.loan_view(s, loan_id, today=NOW.date())
            loaners.overdue(s, NOW.date() + timedelta(days=400))
        world.refresh()

        def give_back(s: Session) -> Any:
            return loaners.return_loan(s, world.clerk, loan_id, cond_back, damage, now=NOW, counter="main").id
        back = world.saved(give_back, Loan, ["condition_back", "damage"])
        if back is not None:
            assert (back.condition_back, back.damage) == (nfc_clean(cond_back), nfc_clean(damage))

    run()


def test_call_outcome_note(db: Database, world: World) -> None:
    outcomes = st.one_of(st.sampled_from(sorted(fu.OUTCOMES)), nasty_text)

    @FUZZ
    @given(outcome=outcomes, note=nasty_text)
    def run(outcome: str, note: str) -> None:
        n = next(_n)
        with db.write() as s:  # a phone consultation gets a call-back
            ticket_id = intake.take_intake(s, world.clerk, intake.IntakeForm(
                channel=intake.PHONE, kind=intake.CONSULTATION, name=f"咨询{n}", phone=f"135{n % 10**8:08d}"),
                now=NOW).ticket_id
        with db.read() as s:
            cb_id = s.scalar(select(CallBack.id).where(CallBack.ticket_id == ticket_id))
        assert cb_id is not None
        world.refresh()

        def work(s: Session) -> Any:
            return fu.record_outcome(s, world.clerk, cb_id, outcome, note, now=NOW)
        _nxt = world.write(work, ["outcome", "note"])
        if _nxt is REFUSED:
            return
        with db.read() as s:
            cb = s.get(CallBack, cb_id)
            assert cb is not None and cb.outcome == outcome and cb.note == nfc_clean(note)
        world.refresh()

    run()


def test_feedback_card_entry(db: Database, world: World) -> None:
    with db.write() as s:
        tech_id = add_technician(s, world.manager, "老刘").id
    ratings = st.one_of(st.sampled_from([1, 2, 3]), st.integers(-10**20, 10**20))

    @FUZZ
    @given(quality=ratings, attitude=ratings, comment=nasty_text, returned=st.one_of(st.none(), far_dates),
           signed=st.booleans())
    def run(quality: int, attitude: int, comment: str, returned: date | None, signed: bool) -> None:
        n = next(_n)
        with db.write() as s:
            r = intake.take_intake(s, world.clerk, intake.IntakeForm(
                name=f"卡{n}", phone=f"134{n % 10**8:08d}", category="refrigerator", model="M", serial=f"C{n}",
                purchase_date=date(2026, 1, 1), invoice_shown=True, fault="坏了", request="修",
                technician_id=tech_id), now=NOW)
            intake.move(s, world.clerk, r.ticket_id, states.IN_REPAIR, now=NOW)
            repairs.record_repair(s, world.clerk, r.ticket_id, repairs.RepairResult("leak", faults.ADJUSTED), now=NOW)
            card_id = fu.issue_card(s, world.clerk, r.ticket_id, now=NOW).id
        world.refresh()

        def work(s: Session) -> Any:
            return fu.enter_card(s, world.clerk, card_id, quality=quality, attitude=attitude, signed=signed,
                                 comment=comment, returned_on=returned, now=NOW).id
        _card = world.write(work, ["quality", "attitude", "comment", "returned_on"])
        if _card is REFUSED:
            return
        card = world.fetch(FeedbackCard, card_id)
        assert (card.quality, card.attitude, card.signed, card.comment) == (quality, attitude, signed,
                                                                            nfc_clean(comment))
        world.refresh()

    run()


def test_pull_back_maintenance_and_retire(db: Database, world: World) -> None:
    """The pull-back receipt's facts, a unit's maintenance note and the reason it is retired."""
    lists = st.lists(nasty_text, max_size=4)

    @FUZZ
    @given(condition=lists, accessories=lists, note=nasty_text, promised=st.one_of(st.none(), far_dates),
           reason=nasty_text)
    def run(condition: list[str], accessories: list[str], note: str, promised: date | None, reason: str) -> None:
        n = next(_n)
        with db.write() as s:
            ticket_id = intake.take_intake(s, world.clerk, fridge_form(serial=f"PB-{n}", phone=f"133{n % 10**8:08d}"),
                                           now=NOW).ticket_id
            intake.move(s, world.clerk, ticket_id, states.DIAGNOSING, now=NOW)
        unit_id = add_units(db, world.manager, f"PU-{n}")[0]
        world.refresh()

        def take(s: Session) -> Any:
            return loaners.pull_back(s, world.clerk, ticket_id, condition, note, accessories, promised, now=NOW).id
        pb_id = world.write(take, ["promised_return_on", "note"])
        if pb_id is not REFUSED:
            pb = world.fetch(PullBack, pb_id)
            assert pb.condition == [nfc_clean(c) for c in condition if nfc_clean(c)]
            assert pb.accessories == [nfc_clean(a) for a in accessories if nfc_clean(a)]
            assert (pb.condition_note, pb.promised_return_on) == (nfc_clean(note), promised)
            world.refresh()
        if world.write(lambda s: loaners.set_maintenance(s, world.manager, unit_id, True, note), ["note"]) is not REFUSED:
            assert world.fetch(LoanerUnit, unit_id).note == nfc_clean(note)
            world.refresh()
        retired = world.write(lambda s: loaners.retire_unit(s, world.manager, unit_id, reason), ["reason"])
        if retired is not REFUSED:
            assert world.fetch(LoanerUnit, unit_id).note == nfc_clean(reason)
            world.refresh()

    run()
