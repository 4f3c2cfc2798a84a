"""Correcting a saved ticket and verifying its facts with the values seen
(frontdesk/intake/corrections.py): audited old and new values, the timeline,
the warranty, advice, earlier repairs and facts to verify decided again, and
the quote withdrawn or marked to be made again when the money changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from frontdesk import audit, customers
from frontdesk.billing import quotes
from frontdesk.billing.pricing import QuoteItem
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Product, Ticket
from frontdesk.errors import IllegalTransition, ValidationError
from frontdesk.intake import corrections, faults, repairs, states
from frontdesk.intake import service as intake
from frontdesk.intake.repairs import PartReplaced, RepairResult
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, WORKED, add_schedule, diagnosing_ticket, fridge_form

LATER = NOW + timedelta(hours=2)


def events(db: Database, ticket_id: int, kind: str) -> list[str]:
    with db.read() as s:
        return [e.text for e in s.get_one(Ticket, ticket_id).events if e.kind == kind]


def correct(db: Database, actor: Actor, ticket_id: int, at: datetime = LATER, **changes: object,
            ) -> corrections.CorrectionResult:
    with db.write() as s:
        return corrections.correct_ticket(s, actor, ticket_id, changes, now=at)


def test_a_clerk_corrects_the_customer_and_every_change_is_audited_with_old_and_new(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        taken = intake.take_intake(s, clerk, fridge_form(name="张三丰"), now=NOW)
    result = correct(db, clerk, taken.ticket_id, name="张山丰", phone="139 1234 5678", address="海淀区 1号",
                     request="维修")  # the request as it was: not a change
    assert [(c.field, c.old, c.new) for c in result.changes] == [
        ("name", "张三丰", "张山丰"), ("phone", "+8613812345678", "+8613912345678"), ("address", "", "海淀区 1号")]
    with db.read() as s:
        (rec,) = audit.records(s, action="ticket.correct")
        assert rec.user_id == clerk.id and rec.approver_id is None  # no manager needed
        assert rec.detail["changes"] == [["name", "张三丰", "张山丰"], ["phone", "+8613812345678", "+8613912345678"],
                                         ["address", "", "海淀区 1号"]]
        ticket = s.get_one(Ticket, taken.ticket_id)
        assert (ticket.customer.name, ticket.customer.phone, ticket.address) == (
            "张山丰", "+8613912345678", "海淀区 1号")
        assert customers.find_customer_ids(s, "张山") == [ticket.customer_id]  # the search keys follow
        assert customers.find_customer_ids(s, "5678") == [ticket.customer_id]
    (line,) = events(db, taken.ticket_id, "corrected")
    assert "Customer name: 张三丰 → 张山丰" in line and "Phone: +8613812345678 → +8613912345678" in line


def test_what_cannot_be_stored_is_refused_with_the_field_named(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        ticket_id = intake.take_intake(s, clerk, fridge_form(), now=NOW).ticket_id
    refusals: list[tuple[dict[str, object], str]] = [
        ({"phone": "138abc"}, "phone"),
        ({"phone": ""}, "phone"),
        ({"name": "  "}, "name"),
        ({"purchase_date": NOW.date() + timedelta(days=1)}, "purchase_date"),
        ({"purchase_date": date(1975, 1, 1)}, "purchase_date"),
        ({"card_stamp_date": NOW.date() + timedelta(days=1)}, "card_stamp_date"),
        ({"installed_on": NOW.date() + timedelta(days=1)}, "installed_on"),
        ({"fault_category": "no_picture"}, "fault_category"),  # a TV's, not a fridge's
        ({"serial": "X" * 121}, "serial"),
        ({"category": "tablet"}, "category"),
        ({"request": "维修"}, "changes"),  # nothing changes
    ]
    for changes, fieldname in refusals:
        with db.write() as s, pytest.raises(ValidationError) as refused:
            corrections.correct_ticket(s, clerk, ticket_id, changes, now=LATER)
        assert fieldname in refused.value.fields, changes
    assert events(db, ticket_id, "corrected") == []


def test_a_closed_ticket_is_not_corrected(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        ticket_id = intake.take_intake(s, clerk, fridge_form(), now=NOW).ticket_id
        intake.move(s, clerk, ticket_id, states.CANCELLED, now=NOW)
    with db.write() as s, pytest.raises(IllegalTransition, match="can no longer be corrected"):
        corrections.correct_ticket(s, clerk, ticket_id, {"serial": "HA-NEW"}, now=LATER)


def test_the_warranty_the_advice_and_the_facts_to_verify_are_decided_again(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """The purchase was in June, not last year: in warranty after all; the
    serial nobody could read is given; the request is wiped by mistake."""
    _manager, clerk = users
    with db.write() as s:
        taken = intake.take_intake(s, clerk, fridge_form(serial=""), now=NOW)
        assert s.get_one(Ticket, taken.ticket_id).warranty_status == "partial"
    assert taken.to_verify == ("serial",)
    result = correct(db, clerk, taken.ticket_id, purchase_date=date(2026, 6, 1), serial="HA-777", request="")
    assert (result.warranty_before, result.warranty_after) == ("partial", "in")
    assert result.advice is not None and result.advice.rule == "in_period"
    assert result.verify_fields == ("request",)
    with db.read() as s:
        ticket = s.get_one(Ticket, taken.ticket_id)
        assert ticket.warranty_status == "in" and ticket.verify_fields == ["request"] and ticket.to_verify
        assert ticket.product is not None and ticket.product.serial == "HA-777"
    (line,) = events(db, taken.ticket_id, "corrected")
    assert "Purchase date: 2025-03-01 → 2026-06-01" in line and "Warranty: Partly in warranty → In warranty" in line
    # Proof taken away: the purchase date no longer counts without it, and the proof is to verify.
    result = correct(db, clerk, taken.ticket_id, invoice_shown=False)
    assert result.warranty_after == "unknown" and "proof" in result.verify_fields


def test_a_fault_category_corrected_counts_the_earlier_repairs_of_that_fault(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    bought = fridge_form(purchase_date=date(2026, 6, 1))
    numbers = []
    with db.write() as s:
        for day in (datetime(2026, 7, 1, 10), datetime(2026, 9, 1, 10)):
            done = intake.take_intake(s, clerk, fridge_form(purchase_date=date(2026, 6, 1)), now=day)
            intake.move(s, clerk, done.ticket_id, states.DIAGNOSING, now=day)
            intake.move(s, clerk, done.ticket_id, states.IN_REPAIR, now=day)
            repairs.record_repair(s, clerk, done.ticket_id, RepairResult(
                "no_cooling", faults.REPLACED_PART, parts=[PartReplaced("BX-THERM")]), now=day)
            numbers.append(done.number)
        taken = intake.take_intake(s, clerk, bought, now=NOW)
    assert taken.advice is not None and taken.advice.rule == "in_period"  # no fault category: nothing counted
    result = correct(db, clerk, taken.ticket_id, fault_category="no_cooling")
    assert result.advice is not None and result.advice.rule == "repaired_twice"
    with db.read() as s:
        ticket = s.get_one(Ticket, taken.ticket_id)
        assert ticket.prior_repairs_same_fault == 2 and len(ticket.prior_repair_ids) == 2
    (line,) = events(db, taken.ticket_id, "corrected")
    assert "Fault category: — → Not cooling" in line and all(n in line for n in numbers)


def test_a_draft_quote_is_withdrawn_when_the_warranty_changes(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket_id = diagnosing_ticket(db, clerk)
    with db.write() as s:
        draft = quotes.make_quote(s, clerk, ticket_id, WORKED, now=NOW).id
    correct(db, clerk, ticket_id, request="维修，尽快")  # the money does not change: the draft stays
    with db.read() as s:
        assert quotes.get_quote(s, draft).state == quotes.DRAFT and not corrections.requote_needed(s, ticket_id)
    result = correct(db, clerk, ticket_id, purchase_date=date(2026, 6, 1))  # in warranty after all
    assert "withdrawn" in result.requote and "Make the quote again" in result.requote
    with db.read() as s:
        assert quotes.get_quote(s, draft).state == quotes.SUPERSEDED
        assert quotes.current_quote(s, ticket_id) is None
        assert corrections.requote_needed(s, ticket_id)
        assert intake.get_ticket(s, ticket_id).state == states.QUOTED
        (rec,) = audit.records(s, action="quote.withdraw")
        assert rec.entity_id == str(draft) and rec.detail["warranty"] == ["partial", "in"]
    assert events(db, ticket_id, corrections.REQUOTE) == [result.requote]
    with db.write() as s:  # quoted again, now in warranty: nothing to pay
        again = quotes.make_quote(s, clerk, ticket_id, WORKED, now=LATER + timedelta(minutes=5))
        assert again.total == 0
    with db.read() as s:
        assert not corrections.requote_needed(s, ticket_id)


def test_an_approved_quote_is_marked_to_be_made_again(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket_id = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, ticket_id, WORKED, now=NOW)
        quotes.approve_quote(s, clerk, quote.id, now=NOW)
        quote_id = quote.id
    result = correct(db, clerk, ticket_id, purchase_date=date(2026, 6, 1))
    assert "was approved before the warranty changed" in result.requote
    with db.read() as s:
        assert quotes.get_quote(s, quote_id).state == quotes.APPROVED  # billing cannot withdraw it
        assert corrections.requote_needed(s, ticket_id)
        assert corrections.correction_view(s, ticket_id).requote_needed
        assert [r.action for r in s.scalars(select(AuditRecord).where(AuditRecord.action.like("quote.re%")))] == [
            "quote.requote"]


def test_the_installation_date_under_a_software_line_withdraws_the_draft(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket_id = diagnosing_ticket(db, clerk)
    software = [QuoteItem("software_setup")]
    with db.write() as s:
        product = s.get_one(Ticket, ticket_id).product
        assert product is not None
        product.installed_on = date(2026, 1, 10)  # charged: more than three months ago
        draft = quotes.make_quote(s, clerk, ticket_id, software, now=NOW)
        assert draft.total > 0
    result = correct(db, clerk, ticket_id, installed_on=date(2026, 11, 10))
    assert "installation date" in result.requote
    with db.read() as s:
        assert quotes.get_quote(s, draft.id).state == quotes.SUPERSEDED
        assert quotes.preview_quote(s, ticket_id, software).total == 0  # free within a month


def test_verify_records_the_values_seen_and_corrects_what_differs(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        taken = intake.take_intake(s, clerk, fridge_form(serial="HA-1?", invoice_shown=False, doubtful={"serial"}),
                                   now=NOW)
    assert sorted(taken.to_verify) == ["proof", "serial"]
    with db.write() as s:
        ticket = corrections.verify(s, clerk, taken.ticket_id, {"serial": "HA-12", "invoice_shown": True,
                                                                 "invoice_no": "INV-9"}, now=LATER)
        assert ticket.verify_fields == [] and not ticket.to_verify
        assert ticket.warranty_status == "partial"  # the invoice dates the warranty
        product = s.get_one(Product, ticket.product_id)
        assert (product.serial, product.invoice_shown, product.invoice_no) == ("HA-12", True, "INV-9")
        (rec,) = audit.records(s, action="ticket.verify")
        assert rec.detail["fields"] == ["proof", "serial"]
        assert rec.detail["seen"] == {"serial": "HA-12", "invoice_shown": True, "invoice_no": "INV-9"}
        assert ["serial", "HA-1?", "HA-12"] in rec.detail["changes"]
    (line,) = events(db, taken.ticket_id, "verified")
    assert line.startswith("Verified: Invoice or warranty card, Serial number (corrected Serial number: HA-1? → HA-12")


def test_verify_as_it_stands_still_works_and_what_is_not_a_fact_is_refused(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        taken = intake.take_intake(s, clerk, fridge_form(model="", brand="", invoice_shown=False), now=NOW)
    assert sorted(taken.to_verify) == ["model", "proof"]
    with db.write() as s, pytest.raises(ValidationError):
        corrections.verify(s, clerk, taken.ticket_id, {"colour": "white"}, now=LATER)
    with db.write() as s:
        assert corrections.verify(s, clerk, taken.ticket_id, {"model": None}, now=LATER).verify_fields == ["proof"]
        assert intake.verify(s, clerk, taken.ticket_id, now=LATER).verify_fields == []  # the old door
