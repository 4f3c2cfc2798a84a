"""What the intake screen shows while the clerk types
(frontdesk/intake/preview.py): a phone call's advice taken at the customer's
word (provisional), walk-ins as before, and the earlier repairs of the fault
category picked counted for a returning customer's product."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import event

from frontdesk.db.engine import Database
from frontdesk.intake import faults, preview, repairs, states
from frontdesk.intake import service as intake
from frontdesk.intake.repairs import PartReplaced, RepairResult
from frontdesk.intake.service import IntakeForm
from frontdesk.users import Actor

NOW = datetime(2026, 11, 24, 10, 0)
TODAY = NOW.date()


def phone_call(**changes: object) -> IntakeForm:
    """A phone repair request: the customer says they bought it 5 days ago."""
    form = IntakeForm(channel=intake.PHONE, kind=intake.REPAIR, name="张三", phone="13812345678",
                      address="北京市海淀区中关村大街27号", category="refrigerator", model="BCD-470",
                      serial="HA2301234567", purchase_date=TODAY - timedelta(days=5), fault="不制冷", request="维修")
    return replace(form, **changes)  # type: ignore[arg-type]


def test_a_phone_call_with_a_purchase_date_gets_provisional_advice(db: Database) -> None:
    with db.read() as s:
        shown = preview.intake_advice(s, phone_call(), TODAY)
    assert shown.provisional
    assert shown.warranty is not None and shown.warranty.overall == "in"
    assert shown.advice is not None and shown.advice.rule == "within_7_days"
    # Saving decides as before: the proof is still to verify at the visit.
    assert "proof" in preview.missing_facts(phone_call())


def test_a_walk_in_without_proof_gets_no_advice_as_before(db: Database) -> None:
    with db.read() as s:
        shown = preview.intake_advice(s, phone_call(channel=intake.WALK_IN), TODAY)
    assert not shown.provisional
    assert shown.warranty is not None and shown.warranty.overall == "unknown"
    assert shown.advice is not None and shown.advice.rule == "no_purchase_date"


def test_proof_shown_or_no_date_is_never_provisional(db: Database) -> None:
    with db.read() as s:
        shown = preview.intake_advice(s, phone_call(invoice_shown=True), TODAY)
        assert not shown.provisional and shown.warranty is not None and shown.warranty.overall == "in"
        shown = preview.intake_advice(s, phone_call(purchase_date=None), TODAY)
        assert not shown.provisional and shown.advice is not None and shown.advice.rule == "no_purchase_date"
        shown = preview.intake_advice(s, phone_call(category=""), TODAY)
        assert shown.warranty is None and shown.advice is None
        consultation = phone_call(kind=intake.CONSULTATION)
        assert not preview.is_provisional(consultation)


def test_the_advice_counts_the_earlier_repairs_of_the_fault_picked(db: Database, users: tuple[Actor, Actor]) -> None:
    """A fridge bought with its invoice, repaired twice for not cooling: the
    third time the advice is a free exchange, naming the two tickets; another
    fault (or none picked) counts nothing."""
    _manager, clerk = users
    bought = date(2026, 6, 1)
    walk_in = phone_call(channel=intake.WALK_IN, purchase_date=bought, invoice_shown=True)
    numbers = []
    with db.write() as s:
        for day in (datetime(2026, 7, 1, 10), datetime(2026, 9, 1, 10)):
            result = intake.take_intake(s, clerk, replace(walk_in), now=day)
            intake.move(s, clerk, result.ticket_id, states.DIAGNOSING, now=day)
            intake.move(s, clerk, result.ticket_id, states.IN_REPAIR, now=day)
            repairs.record_repair(s, clerk, result.ticket_id, RepairResult(
                "no_cooling", faults.REPLACED_PART, parts=[PartReplaced("BX-THERM")]), now=day + timedelta(days=1))
            numbers.append(result.number)
        product_id = intake.get_ticket(s, result.ticket_id).product_id
    assert product_id is not None
    again = replace(walk_in, product_id=product_id, fault_category="no_cooling")
    with db.read() as s:
        shown = preview.intake_advice(s, again, TODAY)
        assert [e.number for e in shown.earlier] == numbers
        assert shown.advice is not None and shown.advice.rule == "repaired_twice"
        assert all(n in shown.advice.message for n in numbers)
        assert preview.intake_advice(s, replace(again, fault_category="noise"), TODAY).earlier == ()
        assert preview.intake_advice(s, replace(again, fault_category=""), TODAY).advice.rule == "in_period"  # type: ignore[union-attr]
    # Saving counts the same repairs.
    with db.write() as s:
        saved = intake.take_intake(s, clerk, replace(again, customer_id=None), now=NOW)
        ticket = intake.get_ticket(s, saved.ticket_id)
        assert (ticket.fault_category, ticket.prior_repairs_same_fault) == ("no_cooling", 2)
        assert saved.advice is not None and saved.advice.rule == "repaired_twice"


def test_a_product_with_an_open_ticket_is_found_by_serial_or_by_the_customers_category(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    fridge = phone_call(channel=intake.WALK_IN, invoice_shown=True)
    with db.write() as s:
        first = intake.take_intake(s, clerk, replace(fridge), now=NOW)
        washer = intake.take_intake(s, clerk, replace(fridge, category="washing_machine", serial="WM-1"), now=NOW)
        closed = intake.take_intake(s, clerk, replace(fridge, name="李四", phone="13900001111", serial="OLD-1"),
                                    now=NOW)
        intake.move(s, clerk, closed.ticket_id, states.CANCELLED, now=NOW)
    with db.read() as s:
        # The same product by its serial, whoever brings it.
        (same,) = preview.open_tickets_like(s, " HA2301234567 ", None, "")
        assert (same.id, same.number, same.same_serial, same.state) == (first.ticket_id, first.number, True,
                                                                          states.RECEIVED)
        # The same customer's product of the category, another serial typed.
        (like,) = preview.open_tickets_like(s, "NEW-9", first.customer_id, "refrigerator")
        assert (like.id, like.same_serial, like.serial) == (first.ticket_id, False, "HA2301234567")
        both = preview.open_tickets_like(s, "WM-1", first.customer_id, "refrigerator")
        assert [(t.id, t.same_serial) for t in both] == [(washer.ticket_id, True), (first.ticket_id, False)]
        # Found once, as the same product.
        assert [t.same_serial for t in preview.open_tickets_like(s, "HA2301234567", first.customer_id,
                                                                 "refrigerator")] == [True]
        assert preview.open_tickets_like(s, "", first.customer_id, "microwave") == []
        assert preview.open_tickets_like(s, "OLD-1", closed.customer_id, "refrigerator") == []  # cancelled
        assert preview.open_tickets_like(s, "", None, "refrigerator") == []


def test_open_tickets_are_looked_up_by_index(sqlite_db: Database) -> None:
    """The serial and the customer go through their indexes: no scan of the
    tickets or the products, however many there are."""
    selects: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, params: Any, _context: Any, _many: bool) -> None:
        if statement.startswith("SELECT"):
            selects.append((statement, params))

    with sqlite_db.read() as s:
        engine = s.get_bind()
        event.listen(engine, "before_cursor_execute", seen)
        try:
            preview.open_tickets_like(s, "HA2301234567", 7, "refrigerator")
        finally:
            event.remove(engine, "before_cursor_execute", seen)
        assert len(selects) == 2
        for statement, params in selects:
            plan = " / ".join(row[-1] for row in s.connection().exec_driver_sql(
                f"EXPLAIN QUERY PLAN {statement}", tuple(params)))
            assert "SCAN tickets" not in plan and "SCAN products" not in plan, plan
