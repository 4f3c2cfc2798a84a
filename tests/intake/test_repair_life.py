"""The life of a repair (docs/rules.md#the-life-of-a-ticket): a pull-back for
inspection is quoted, out-of-warranty work waits for the customer's
approval (or a manager's word), the repair record, the 三包 count of the
same fault, ready for pick-up, the pick-up and the uncollected list."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from frontdesk import pickup
from frontdesk.billing import payments, quotes
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Product, Ticket
from frontdesk.errors import IllegalTransition, NeedsManager, ValidationError
from frontdesk.followup import service as fu
from frontdesk.followup.models import CallBack
from frontdesk.intake import faults, repairs, states
from frontdesk.intake import service as intake
from frontdesk.intake.repairs import PartReplaced, RepairResult
from frontdesk.loaners import service as loaners
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, WORKED, add_schedule, diagnosing_ticket, fridge_form

FIXED = RepairResult("no_cooling", faults.REPLACED_PART, "换温控器",
                     [PartReplaced("BX-THERM", "温控器", "NEW-001", "OLD-001")])


def state(db: Database, ticket_id: int) -> str:
    with db.read() as s:
        return s.get_one(Ticket, ticket_id).state


def quoted_and_approved(db: Database, clerk: Actor, ticket_id: int, at: datetime) -> None:
    with db.write() as s:
        q = quotes.make_quote(s, clerk, ticket_id, WORKED, now=at)
        quotes.approve_quote(s, clerk, q.id, channel=quotes.PHONE, customer_name="张三", now=at)


@pytest.fixture
def shop(db: Database, users: tuple[Actor, Actor]) -> tuple[Database, Actor, Actor]:
    manager, clerk = users
    add_schedule(db, manager)
    return db, manager, clerk


def test_a_product_pulled_back_for_inspection_is_quoted_and_repaired(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        loaners.pull_back(s, clerk, ticket, ["划痕"], promised_return_on=date(2026, 11, 30), now=NOW)
    assert state(db, ticket) == states.DIAGNOSING  # still being inspected, at the workshop
    with db.read() as s:
        assert loaners.product_location(s, ticket) == loaners.AT_WORKSHOP
    quoted_and_approved(db, clerk, ticket, NOW + timedelta(hours=3))
    assert state(db, ticket) == states.APPROVED
    with db.write() as s:
        intake.move(s, clerk, ticket, states.IN_REPAIR, now=NOW + timedelta(hours=4))
        repairs.record_repair(s, clerk, ticket, FIXED, now=NOW + timedelta(days=1))
    assert state(db, ticket) == states.REPAIRED
    with db.write() as s:  # back from the workshop: ready for pick-up
        loaners.back_at_counter(s, clerk, ticket, now=NOW + timedelta(days=2))
    assert state(db, ticket) == states.READY


def test_out_of_warranty_work_waits_for_the_customers_approval(shop: tuple[Database, Actor, Actor]) -> None:
    db, manager, clerk = shop
    ticket = diagnosing_ticket(db, clerk)  # the whole unit is out of warranty
    with db.write() as s, pytest.raises(NeedsManager):
        intake.move(s, clerk, ticket, states.IN_REPAIR, now=NOW)
    with db.write() as s, pytest.raises(ValidationError) as refused:
        intake.move(s, clerk, ticket, states.IN_REPAIR, approver=manager, now=NOW)
    assert "note" in refused.value.fields  # the manager must say why
    with db.write() as s:
        intake.move(s, clerk, ticket, states.IN_REPAIR, "客户口头同意，稍后补签", approver=manager, now=NOW)
    assert state(db, ticket) == states.IN_REPAIR
    with db.read() as s:
        rec = s.scalar(select(AuditRecord).where(AuditRecord.action == "ticket.approval_override"))
        assert rec is not None and rec.approver_id == manager.id and rec.detail["reason"] == "客户口头同意，稍后补签"


def test_in_warranty_work_needs_no_approval(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    ticket = diagnosing_ticket(db, clerk, purchase_date=date(2026, 6, 1))  # five months old
    with db.write() as s:
        assert s.get_one(Ticket, ticket).warranty_status == "in"
        intake.move(s, clerk, ticket, states.IN_REPAIR, now=NOW)
    assert state(db, ticket) == states.IN_REPAIR


def test_repaired_only_through_the_repair_record(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    ticket = diagnosing_ticket(db, clerk, purchase_date=date(2026, 6, 1))
    with db.write() as s:
        intake.move(s, clerk, ticket, states.IN_REPAIR, now=NOW)
    with db.write() as s, pytest.raises(IllegalTransition):
        intake.move(s, clerk, ticket, states.REPAIRED, now=NOW)
    with db.write() as s, pytest.raises(ValidationError) as refused:
        repairs.record_repair(s, clerk, ticket, RepairResult("no_cooling", faults.REPLACED_PART), now=NOW)
    assert "parts" in refused.value.fields  # which part was replaced?
    with db.write() as s, pytest.raises(ValidationError) as refused:
        repairs.record_repair(s, clerk, ticket, RepairResult("picture_tube", faults.ADJUSTED), now=NOW)
    assert "fault_category" in refused.value.fields  # not a refrigerator's fault
    with db.write() as s:
        repairs.record_repair(s, clerk, ticket, FIXED, now=NOW + timedelta(hours=2))
    with db.read() as s:
        view = repairs.repair_of(s, ticket)
        assert view is not None and view.action == faults.REPLACED_PART and view.fault_label == "Not cooling"
        assert view.parts == (PartReplaced("BX-THERM", "温控器", "NEW-001", "OLD-001"),)
        assert s.get_one(Ticket, ticket).fault_category == "no_cooling"


def test_no_fault_found_ends_the_diagnosis_without_a_repair(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s, pytest.raises(IllegalTransition):
        repairs.record_repair(s, clerk, ticket, FIXED, now=NOW)  # a repair needs approval first
    with db.write() as s:
        repairs.record_repair(s, clerk, ticket, RepairResult("no_cooling", faults.NO_FAULT, "使用不当"), now=NOW)
        pickup.mark_ready(s, clerk, ticket, now=NOW)
    assert state(db, ticket) == states.READY


def _repair(db: Database, clerk: Actor, at: datetime, fault: str, action: str = faults.ADJUSTED,
            category_at_intake: str = "") -> tuple[int, str]:
    """An in-warranty refrigerator (the same serial each time) repaired for ``fault``."""
    with db.write() as s:
        result = intake.take_intake(s, clerk, fridge_form(purchase_date=date(2026, 1, 5),
                                                          fault_category=category_at_intake), now=at)
        intake.move(s, clerk, result.ticket_id, states.DIAGNOSING, now=at)
        if action in faults.REPAIRS:
            intake.move(s, clerk, result.ticket_id, states.IN_REPAIR, now=at)
        repairs.record_repair(s, clerk, result.ticket_id, RepairResult(fault, action), now=at + timedelta(hours=2))
        return result.ticket_id, result.number


def test_the_same_fault_repaired_twice_advises_an_exchange(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    start = datetime(2026, 3, 2, 10, 0)
    _t1, first = _repair(db, clerk, start, "no_cooling")
    _t2, second = _repair(db, clerk, start + timedelta(days=60), "no_cooling")
    with db.write() as s:
        third = intake.take_intake(s, clerk, fridge_form(purchase_date=date(2026, 1, 5), fault_category="no_cooling"),
                                   now=start + timedelta(days=120))
    assert third.advice is not None and third.advice.rule == "repaired_twice"
    assert first in third.advice.message and second in third.advice.message  # the advice names them
    with db.read() as s:
        assert s.get_one(Ticket, third.ticket_id).prior_repairs_same_fault == 2


def test_no_fault_found_twice_is_not_repaired_twice(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    start = datetime(2026, 3, 2, 10, 0)
    _repair(db, clerk, start, "no_cooling", faults.NO_FAULT)
    _repair(db, clerk, start + timedelta(days=60), "no_cooling", faults.NO_FAULT)
    with db.write() as s:
        third = intake.take_intake(s, clerk, fridge_form(purchase_date=date(2026, 1, 5), fault_category="no_cooling"),
                                   now=start + timedelta(days=120))
    assert third.advice is not None and third.advice.rule == "in_period"


def test_two_different_faults_are_not_repaired_twice(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    start = datetime(2026, 3, 2, 10, 0)
    _repair(db, clerk, start, "door")
    _repair(db, clerk, start + timedelta(days=60), "ice_maker")
    with db.write() as s:
        third = intake.take_intake(s, clerk, fridge_form(purchase_date=date(2026, 1, 5), fault_category="door"),
                                   now=start + timedelta(days=120))
    assert third.advice is not None and third.advice.rule == "in_period"
    with db.read() as s:
        assert s.get_one(Ticket, third.ticket_id).prior_repairs_same_fault == 1


def test_the_repair_record_counts_the_fault_found_by_the_technician(shop: tuple[Database, Actor, Actor]) -> None:
    """The clerk could not tell the fault at intake; the record names it and
    the count follows, with the repeat within 30 days."""
    db, _manager, clerk = shop
    start = datetime(2026, 3, 2, 10, 0)
    first, number = _repair(db, clerk, start, "no_cooling")
    again, _n = _repair(db, clerk, start + timedelta(days=20), "no_cooling")
    with db.read() as s:
        t = s.get_one(Ticket, again)
        assert t.prior_repairs_same_fault == 1 and t.prior_repair_ids == [first] and t.repeat_of_id == first


def _ready(db: Database, clerk: Actor, **form: object) -> int:
    ticket = diagnosing_ticket(db, clerk, NOW, purchase_date=date(2026, 6, 1), **form)
    with db.write() as s:
        intake.move(s, clerk, ticket, states.IN_REPAIR, now=NOW)
        repairs.record_repair(s, clerk, ticket, FIXED, now=NOW + timedelta(hours=1))
        pickup.mark_ready(s, clerk, ticket, now=NOW + timedelta(hours=2))
    return ticket


def test_pick_up_ticks_the_accessories_and_closes(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    ticket = _ready(db, clerk, accessories=["遥控器", "电源线"])
    with db.write() as s, pytest.raises(IllegalTransition):
        intake.move(s, clerk, ticket, states.CLOSED, now=NOW)  # only through the pick-up
    with db.write() as s, pytest.raises(ValidationError) as refused:
        pickup.pick_up(s, clerk, ticket, ["遥控器"], now=NOW + timedelta(days=1))
    assert "电源线" in refused.value.fields["accessories"]
    with db.write() as s:
        pickup.pick_up(s, clerk, ticket, ["遥控器", "电源线"], now=NOW + timedelta(days=1))
    with db.read() as s:
        t = s.get_one(Ticket, ticket)
        assert t.state == states.CLOSED and t.picked_up_at == NOW + timedelta(days=1) and t.picked_up_by_id == clerk.id


def test_money_owed_at_pick_up_needs_a_manager_and_a_reason(shop: tuple[Database, Actor, Actor]) -> None:
    db, manager, clerk = shop
    ticket = diagnosing_ticket(db, clerk)
    quoted_and_approved(db, clerk, ticket, NOW)
    with db.write() as s:
        intake.move(s, clerk, ticket, states.IN_REPAIR, now=NOW)
        repairs.record_repair(s, clerk, ticket, FIXED, now=NOW)
        found = pickup.check(s, ticket)
    assert found.outstanding > 0 and any("to pay" in p for p in found.problems)
    later = NOW + timedelta(days=1)
    with db.write() as s, pytest.raises(NeedsManager):
        pickup.pick_up(s, clerk, ticket, [], now=later)
    with db.write() as s, pytest.raises(ValidationError):
        pickup.pick_up(s, clerk, ticket, [], approver=manager, now=later)
    with db.write() as s:
        pickup.pick_up(s, clerk, ticket, [], owed_reason="月结客户", approver=manager, now=later)
        rec = s.scalar(select(AuditRecord).where(AuditRecord.action == "pickup.owed"))
        assert rec is not None and rec.approver_id == manager.id and Decimal(rec.detail["owed"]) == found.outstanding


def test_paid_in_full_picks_up_without_a_manager(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    ticket = diagnosing_ticket(db, clerk)
    quoted_and_approved(db, clerk, ticket, NOW)
    with db.write() as s:
        intake.move(s, clerk, ticket, states.IN_REPAIR, now=NOW)
        repairs.record_repair(s, clerk, ticket, FIXED, now=NOW)
        owed = pickup.check(s, ticket).outstanding
        payments.take_payment(s, clerk, ticket, payments.CASH, owed, now=NOW, counter="main")
        pickup.pick_up(s, clerk, ticket, [], now=NOW + timedelta(hours=1))  # repaired -> ready -> picked up
    assert state(db, ticket) == states.CLOSED


def test_a_walk_in_product_is_not_closed_without_its_pick_up(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    ticket = diagnosing_ticket(db, clerk, purchase_date=date(2026, 6, 1))
    with db.write() as s:
        intake.move(s, clerk, ticket, states.IN_REPAIR, now=NOW)
        repairs.record_repair(s, clerk, ticket, FIXED, now=NOW)
    with db.write() as s, pytest.raises(IllegalTransition):
        intake.move(s, clerk, ticket, states.CLOSED, now=NOW)


def test_ready_raises_please_collect_and_the_pick_up_calls_it_off(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    ticket = _ready(db, clerk)
    with db.write() as s:
        [cb] = s.scalars(select(CallBack).where(CallBack.ticket_id == ticket, CallBack.done_at.is_(None)))
        assert cb.reason == fu.READY_TO_COLLECT
        # Reached, but not collected yet: called again after the shop's days (7 by default).
        nxt = fu.record_outcome(s, clerk, cb.id, fu.REACHED_FINE, "下周来取", now=NOW + timedelta(hours=3))
        assert nxt is not None and nxt.reason == fu.READY_TO_COLLECT
        assert nxt.due_at.date() >= (NOW + timedelta(days=7)).date()
        pickup.pick_up(s, clerk, ticket, [], now=NOW + timedelta(days=2))
        assert s.scalars(select(CallBack).where(CallBack.ticket_id == ticket, CallBack.done_at.is_(None))).all() == []


def test_uncollected_lists_the_longest_waiting_first(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    first = _ready(db, clerk)
    second = _ready(db, clerk, serial="HA-2", phone="13900001111")
    with db.read() as s:
        rows = pickup.uncollected(s, today=(NOW + timedelta(days=10)).date())
        assert [r.ticket_id for r in rows] == [first, second] and rows[0].days_waiting == 10
        assert pickup.uncollected(s, today=(NOW + timedelta(days=10)).date(), min_days=11) == []


def test_an_installation_sets_the_products_installation_date(shop: tuple[Database, Actor, Actor]) -> None:
    db, _manager, clerk = shop
    with db.write() as s:
        result = intake.take_intake(s, clerk, fridge_form(kind=intake.INSTALLATION, channel=intake.PHONE,
                                                                      address="北京市海淀区中关村大街27号",
                                                                      purchase_date=date(2026, 11, 20)),
                                    now=NOW)
        intake.move(s, clerk, result.ticket_id, states.IN_REPAIR, now=NOW)
        intake.move(s, clerk, result.ticket_id, states.REPAIRED, now=NOW + timedelta(hours=2))
        product = s.get_one(Product, s.get_one(Ticket, result.ticket_id).product_id)
        assert product.installed_on == NOW.date()
