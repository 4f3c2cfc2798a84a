"""Loaner units, lending, returns and pull-backs: every rule, on both engines."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from frontdesk import audit
from frontdesk.billing import payments
from frontdesk.db.engine import Database
from frontdesk.db.models import Ticket
from frontdesk.errors import Conflict, IllegalTransition, NeedsManager, NotFound, ValidationError
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.loaners import service as loaners
from frontdesk.loaners.models import Loan
from frontdesk.users import Actor
from tests.loaners.loaner_helpers import NOW, PROMISED, add_units, workshop_ticket

Users = tuple[Actor, Actor]


def test_pull_back_moves_the_ticket_and_tracks_the_product(db: Database, users: Users) -> None:
    _manager, clerk = users
    ticket = workshop_ticket(db, clerk)
    with db.read() as s:
        assert intake.get_ticket(s, ticket).state == states.DIAGNOSING  # pulled back for inspection
        view = loaners.pullback_view(s, loaners.open_pullback(s, ticket), NOW.date())  # type: ignore[arg-type]
        assert view.location == loaners.AT_WORKSHOP
        assert view.accessories == ["电源线"] and view.condition == ["外观完好", "无划痕"]
        assert view.promised_return_on == PROMISED and view.days_left == 4
    with db.write() as s:
        with pytest.raises(ValidationError) as err:
            loaners.pull_back(s, clerk, ticket, [], "", [], PROMISED, now=NOW)
        assert "ticket" in err.value.fields
    with db.write() as s:
        loaners.back_at_counter(s, clerk, ticket, now=NOW + timedelta(days=2))
    with db.read() as s:
        assert loaners.product_location(s, ticket) == loaners.BACK_AT_COUNTER
        assert intake.get_ticket(s, ticket).state == states.DIAGNOSING  # nothing done yet: not ready
    with db.write() as s:
        loaners.hand_back(s, clerk, ticket, now=NOW + timedelta(days=2))
    with db.read() as s:
        assert loaners.product_location(s, ticket) == loaners.WITH_CUSTOMER


def test_pull_back_needs_a_promised_date(db: Database, users: Users) -> None:
    _manager, clerk = users
    ticket = workshop_ticket(db, clerk)
    with db.write() as s:
        loaners.hand_back(s, clerk, ticket, now=NOW)
    with db.write() as s, pytest.raises(ValidationError) as err:
        loaners.pull_back(s, clerk, ticket, [], "", [], None, now=NOW)
    assert "promised_return_on" in err.value.fields


def test_pullbacks_slipping_are_listed_before_the_date(db: Database, users: Users) -> None:
    _manager, clerk = users
    soon = workshop_ticket(db, clerk, promised=date(2026, 11, 25), serial="SN-A", phone="13812340001")
    workshop_ticket(db, clerk, promised=date(2026, 12, 5), serial="SN-B", phone="13812340002")
    with db.read() as s:
        assert [v.ticket_id for v in loaners.pullbacks_slipping(s, date(2026, 11, 24), days=1)] == [soon]
        missed = loaners.pullbacks_slipping(s, date(2026, 11, 27), days=0)
        assert [v.ticket_id for v in missed] == [soon] and missed[0].days_left == -2
    with db.write() as s:
        loaners.back_at_counter(s, clerk, soon, now=NOW)
    with db.read() as s:
        assert loaners.pullbacks_slipping(s, date(2026, 11, 24), days=1) == []


def test_lend_and_return_with_deposit_refunded(db: Database, users: Users) -> None:
    manager, clerk = users
    ticket = workshop_ticket(db, clerk)
    (unit_id,) = add_units(db, manager, "LN-001")
    with db.write() as s:
        assert loaners.find_unit(s, " LN-001 ").id == unit_id
        loan = loaners.lend(s, clerk, ticket, "LN-001", condition_out="外观良好", deposit=Decimal("300.00"), now=NOW,
                            counter="main")
        loan_id = loan.id
    with db.read() as s:
        view = loaners.loan_view(s, loan_id, NOW.date())
        assert view.due_on == PROMISED  # the pull-back's promised return date
        assert view.deposit == Decimal("300.00") and view.deposit_receipt_id is not None
        receipt = payments.receipt_view(s, view.deposit_receipt_id)
        assert receipt.kind == payments.DEPOSIT and receipt.amount == Decimal("300.00")
        assert loaners.unit_view(s, unit_id).status == loaners.LENT
        assert loaners.unit_view(s, unit_id).ticket_id == ticket
        assert loaners.available_units(s, "refrigerator") == []
        assert [v.id for v in loaners.loans_out(s)] == [loan_id]
    with db.write() as s:
        loaners.return_loan(s, clerk, "LN-001", "屏幕有一道新划痕", damage="", now=NOW + timedelta(days=3), counter="main")
    with db.read() as s:
        view = loaners.loan_view(s, loan_id)
        assert view.condition_back == "屏幕有一道新划痕"
        assert view.deposit_outcome == loaners.REFUNDED and view.refunded == Decimal("300.00")
        assert view.refund_receipt_id is not None
        assert payments.receipt_view(s, view.refund_receipt_id).kind == payments.DEPOSIT_REFUND
        assert payments.balance(s, ticket).deposits_held == 0
        unit = loaners.get_unit(s, unit_id)
        assert unit.status == loaners.AVAILABLE and unit.condition == "屏幕有一道新划痕"
        assert loaners.loans_out(s) == []
        assert audit.records(s, action="loaner.return")[0].detail["condition"] == "屏幕有一道新划痕"


def test_keeping_the_deposit_needs_a_manager(db: Database, users: Users) -> None:
    manager, clerk = users
    ticket = workshop_ticket(db, clerk)
    add_units(db, manager, "LN-001")
    with db.write() as s:
        loan_id = loaners.lend(s, clerk, ticket, "LN-001", condition_out="良好", deposit="200", now=NOW,
                               counter="main").id
    with db.write() as s, pytest.raises(NeedsManager):
        loaners.return_loan(s, clerk, loan_id, "门把手断裂", damage="门把手断裂", keep_deposit=True, now=NOW, counter="main")
    with db.write() as s, pytest.raises(NeedsManager):
        loaners.return_loan(s, clerk, loan_id, "门把手断裂", damage="门把手断裂", keep_deposit=True,
                            approver=clerk, now=NOW, counter="main")
    with db.write() as s, pytest.raises(ValidationError) as err:
        loaners.return_loan(s, clerk, loan_id, "门把手断裂", keep_deposit=True, approver=manager, now=NOW, counter="main")
    assert "damage" in err.value.fields
    with db.write() as s:
        loaners.return_loan(s, clerk, loan_id, "门把手断裂", damage="门把手断裂", keep_deposit=True,
                            approver=manager, to_maintenance=True, now=NOW, counter="main")
    with db.read() as s:
        view = loaners.loan_view(s, loan_id)
        assert view.deposit_outcome == loaners.KEPT and view.kept_approved_by == "Wang Manager"
        assert view.refund_receipt_id is None and view.damage == "门把手断裂"
        assert loaners.find_unit(s, "LN-001").status == loaners.MAINTENANCE
        rec = audit.records(s, action="loaner.return")[0]
        assert rec.approver_id == manager.id
    with db.write() as s, pytest.raises(IllegalTransition):
        loaners.return_loan(s, clerk, "LN-001", "x", now=NOW, counter="main")


def test_wrong_category_and_unavailable_units_are_refused(db: Database, users: Users) -> None:
    manager, clerk = users
    ticket = workshop_ticket(db, clerk)
    add_units(db, manager, "TV-01", category="television")
    add_units(db, manager, "LN-R", "LN-M")
    with db.write() as s:
        loaners.retire_unit(s, manager, loaners.find_unit(s, "LN-R").id, "压缩机坏了")
        loaners.set_maintenance(s, clerk, loaners.find_unit(s, "LN-M").id)
    with db.write() as s, pytest.raises(ValidationError) as err:
        loaners.lend(s, clerk, ticket, "TV-01", condition_out="良好", now=NOW, counter="main")
    assert "same category" in err.value.fields["tag"]
    with db.write() as s, pytest.raises(ValidationError) as err:
        loaners.lend(s, clerk, ticket, "LN-R", condition_out="良好", now=NOW, counter="main")
    assert "Retired" in err.value.fields["tag"]
    with db.write() as s, pytest.raises(ValidationError) as err:
        loaners.lend(s, clerk, ticket, "LN-M", condition_out="良好", now=NOW, counter="main")
    assert "maintenance" in err.value.fields["tag"]
    with db.write() as s, pytest.raises(NotFound):
        loaners.lend(s, clerk, ticket, "NOPE", condition_out="良好", now=NOW, counter="main")
    with db.write() as s, pytest.raises(ValidationError) as err:
        loaners.lend(s, clerk, ticket, "LN-M", condition_out="", agreement_signed=False, now=NOW, counter="main")
    assert {"condition_out", "agreement_signed"} <= set(err.value.fields)


def test_retiring_needs_a_manager(db: Database, users: Users) -> None:
    manager, clerk = users
    (unit_id,) = add_units(db, manager, "LN-001")
    with db.write() as s, pytest.raises(NeedsManager):
        loaners.retire_unit(s, clerk, unit_id, "旧了")
    with db.write() as s:
        loaners.retire_unit(s, clerk, unit_id, "旧了", approver=manager)
    with db.read() as s:
        assert loaners.get_unit(s, unit_id).status == loaners.RETIRED
        assert audit.records(s, action="loaner.retire")[0].approver_id == manager.id


def test_unit_tags_are_unique(db: Database, users: Users) -> None:
    manager, _clerk = users
    add_units(db, manager, "LN-001")
    with db.write() as s, pytest.raises(ValidationError) as err:
        loaners.add_unit(s, manager, "LN-001", "refrigerator")
    assert "tag" in err.value.fields
    with db.write() as s:
        unit = loaners.add_unit(s, manager, "LN-002", "refrigerator")
        with pytest.raises(ValidationError):
            loaners.edit_unit(s, manager, unit.id, "LN-001", "refrigerator")
        loaners.edit_unit(s, manager, unit.id, "LN-003", "refrigerator", model="BCD-200")
    with db.read() as s:
        assert loaners.find_unit(s, "LN-003").model == "BCD-200"


def test_a_unit_out_cannot_be_lent_again(db: Database, users: Users) -> None:
    manager, clerk = users
    first = workshop_ticket(db, clerk, serial="SN-A", phone="13812340001")
    second = workshop_ticket(db, clerk, serial="SN-B", phone="13812340002")
    add_units(db, manager, "LN-001")
    with db.write() as s:
        loaners.lend(s, clerk, first, "LN-001", condition_out="良好", now=NOW, counter="main")
        number = s.get(Ticket, first).number  # type: ignore[union-attr]
    with db.write() as s, pytest.raises(Conflict) as err:
        loaners.lend(s, clerk, second, "LN-001", condition_out="良好", now=NOW, counter="main")
    assert number in err.value.message


def test_the_partial_unique_index_refuses_a_second_open_loan(db: Database, users: Users) -> None:
    """Even written past the service, one unit cannot have two open loans."""
    manager, clerk = users
    ticket = workshop_ticket(db, clerk)
    (unit_id,) = add_units(db, manager, "LN-001")
    with db.write() as s:
        loaners.lend(s, clerk, ticket, "LN-001", condition_out="良好", now=NOW, counter="main")
    from sqlalchemy.exc import IntegrityError
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Loan(unit_id=unit_id, ticket_id=ticket, lent_at=NOW, lent_by_id=clerk.id, condition_out="",
                   agreement_signed=True, condition_back="", damage=""))
        s.flush()
    with db.write() as s:
        loaners.return_loan(s, clerk, "LN-001", "良好", now=NOW, counter="main")
        loaners.lend(s, clerk, ticket, "LN-001", condition_out="良好", now=NOW,
                     counter="main")  # a closed loan does not count
    with db.read() as s:
        assert s.scalar(select(Loan.id).where(Loan.unit_id == unit_id, Loan.returned_at.is_(None))) is not None


def test_overdue_and_due_soon_by_date(db: Database, users: Users) -> None:
    manager, clerk = users
    a = workshop_ticket(db, clerk, serial="SN-A", phone="13812340001")
    b = workshop_ticket(db, clerk, serial="SN-B", phone="13812340002")
    add_units(db, manager, "LN-A", "LN-B")
    with db.write() as s:
        loaners.lend(s, clerk, a, "LN-A", due_on=date(2026, 11, 25), condition_out="良好", now=NOW, counter="main")
        loaners.lend(s, clerk, b, "LN-B", due_on=date(2026, 11, 30), condition_out="良好", now=NOW, counter="main")
    with db.read() as s:
        assert loaners.overdue(s, date(2026, 11, 25)) == []  # due today is not late yet
        late = loaners.overdue(s, date(2026, 11, 26))
        assert [v.tag for v in late] == ["LN-A"] and late[0].days_overdue == 1
        assert [v.tag for v in loaners.overdue(s, date(2026, 12, 1))] == ["LN-A", "LN-B"]
        assert [v.tag for v in loaners.due_soon(s, date(2026, 11, 24))] == ["LN-A"]
        assert [v.tag for v in loaners.due_soon(s, date(2026, 11, 28), days=2)] == ["LN-B"]


def test_closing_is_blocked_while_lent_and_allowed_with_a_manager(db: Database, users: Users) -> None:
    manager, clerk = users
    ticket = workshop_ticket(db, clerk)
    add_units(db, manager, "LN-001")
    with db.write() as s:
        loaners.lend(s, clerk, ticket, "LN-001", condition_out="良好", now=NOW, counter="main")
        loaners.back_at_counter(s, clerk, ticket, now=NOW)
    with db.write() as s, pytest.raises(NeedsManager) as err:
        intake.move(s, clerk, ticket, states.CLOSED, now=NOW)
    assert "LN-001" in err.value.message
    with db.write() as s, pytest.raises(ValidationError):
        intake.move(s, clerk, ticket, states.CLOSED, approver=manager, now=NOW)  # no reason given
    with db.write() as s:
        intake.move(s, clerk, ticket, states.CLOSED, "客户出国，周转机下周归还", approver=manager, now=NOW)
    with db.read() as s:
        assert intake.get_ticket(s, ticket).state == states.CLOSED
        rec = audit.records(s, action="loaner.close_override")[0]
        assert rec.approver_id == manager.id and rec.detail["reason"] == "客户出国，周转机下周归还"


def test_closing_after_the_loaner_came_back_needs_nobody(db: Database, users: Users) -> None:
    manager, clerk = users
    ticket = workshop_ticket(db, clerk)
    add_units(db, manager, "LN-001")
    with db.write() as s:
        loaners.lend(s, clerk, ticket, "LN-001", condition_out="良好", now=NOW, counter="main")
        loaners.back_at_counter(s, clerk, ticket, now=NOW)
        loaners.return_loan(s, clerk, "LN-001", "良好", now=NOW, counter="main")
        intake.move(s, clerk, ticket, states.CLOSED, now=NOW)
    with db.read() as s:
        assert intake.get_ticket(s, ticket).state == states.CLOSED


def test_unit_history(db: Database, users: Users) -> None:
    manager, clerk = users
    a = workshop_ticket(db, clerk, serial="SN-A", phone="13812340001")
    b = workshop_ticket(db, clerk, serial="SN-B", phone="13812340002")
    (unit_id,) = add_units(db, manager, "LN-001")
    with db.write() as s:
        loaners.lend(s, clerk, a, "LN-001", condition_out="良好", now=NOW, counter="main")
        loaners.return_loan(s, clerk, "LN-001", "有划痕", damage="背板划痕", now=NOW + timedelta(days=1), counter="main")
        loaners.lend(s, clerk, b, "LN-001", condition_out="有划痕", now=NOW + timedelta(days=2), counter="main")
    with db.read() as s:
        history = loaners.unit_history(s, unit_id)
        numbers = {t.id: t.number for t in s.scalars(select(Ticket))}
    assert [v.ticket_number for v in history] == [numbers[b], numbers[a]]
    assert history[0].is_out and not history[1].is_out
    assert history[1].damage == "背板划痕" and history[1].deposit_outcome == loaners.NONE
