"""Quotes (docs/rules.md#quotes-and-the-customers-answer): priced from the ticket's warranty and
standards, the ticket moves, the customer's answer is recorded, a declined
quote owes the inspection fee or nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from frontdesk import audit, pickup
from frontdesk.billing import payments, quotes
from frontdesk.billing.cards import (
    CardEditionDraft,
    CardLineDraft,
    card_editions,
    save_card_edition,
    suggest_card_edition,
)
from frontdesk.billing.models import Quote, QuoteLine
from frontdesk.billing.pricing import QuoteItem
from frontdesk.db.engine import Database
from frontdesk.errors import IllegalTransition, NeedsManager, ValidationError
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, WORKED, add_card, add_schedule, diagnosing_ticket

D = Decimal


def state(db: Database, ticket_id: int) -> str:
    with db.read() as s:
        return intake.get_ticket(s, ticket_id).state


def test_a_quote_applies_the_lowest_rate_per_line_and_moves_the_ticket(db: Database,
                                                                       users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    card = add_card(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote_id = quotes.make_quote(s, clerk, ticket, WORKED, card_edition_id=card, now=NOW).id
    assert state(db, ticket) == states.QUOTED
    with db.read() as s:
        view = quotes.quote_view(s, quote_id)
        assert quotes.current_quote(s, ticket).id == quote_id  # type: ignore[union-attr]
        rec = audit.records(s, action="quote.make")[0]
        who, total = rec.user_id, rec.detail["total"]
    assert [(ln.schedule_price, ln.card_price, ln.applied, ln.amount) for ln in view.lines] == [
        (D("120.00"), D("80.00"), "card", D("80.00")),
        (D("30.00"), D("60.00"), "schedule", D("30.00")),
        (D("200.00"), D("220.00"), "schedule", D("200.00")),
    ]
    assert (view.subtotal, view.tax_rate, view.tax, view.total) == (D("310.00"), D("0.1300"), D("40.30"), D("350.30"))
    assert (view.saving, view.saving_vs_card, view.owed) == (D("40.00"), D("50.00"), D("0.00"))
    assert view.state == quotes.DRAFT and view.card_label == "Haier · Refrigerator · 2024版"
    assert view.lines[0].description == "中修"  # taken from the schedule
    assert who == clerk.id and total == "350.30"


def test_amounts_come_back_from_the_database_as_decimal(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quotes.make_quote(s, clerk, ticket, WORKED, now=NOW)
    db.engine.dispose()  # nothing cached: read it back cold
    with db.read() as s:
        quote = s.scalars(select(Quote)).one()
        values = [quote.subtotal, quote.tax, quote.total, quote.saving, quote.tax_rate] + [
            v for ln in quote.lines for v in (ln.unit_price, ln.amount, ln.schedule_price) if v is not None]
        raw = s.execute(text("SELECT total FROM quotes")).scalar()
        assert all(type(v) is Decimal for v in values), [type(v) for v in values]
        assert quote.total == D("395.50") and str(quote.total) == "395.50"  # 350 + 13 %, no card
    assert raw is not None


def test_a_compressor_in_warranty_is_free_while_the_labour_is_charged(db: Database,
                                                                     users: tuple[Actor, Actor]) -> None:
    """Bought 2025-03-01: on 2026-11-24 the whole unit (12 months) is out, the
    compressor (36 months) in.  The part's component comes from the schedule."""
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, ticket, [QuoteItem("labour", "major"), QuoteItem("part", "bx-comp")],
                                  now=NOW)
        lines = [(ln.code, ln.component, ln.in_warranty, ln.applied, ln.amount) for ln in quote.lines]
    assert lines == [("major", "whole_unit", False, "schedule", D("220.00")),
                     ("BX-COMP", "compressor", True, "free", D("0.00"))]


def test_an_item_neither_standard_lists_is_refused_and_nothing_is_saved(db: Database,
                                                                       users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    items = [QuoteItem("labour", "minor"), QuoteItem("part", "XYZ-1", description="风扇电机")]
    with db.read() as s:
        calc = quotes.preview_quote(s, ticket, items)
    assert [i.code for i, _r in calc.refused] == ["XYZ-1"] and calc.total == D("56.50")
    with db.write() as s, pytest.raises(quotes.QuoteRefused) as refused:
        quotes.make_quote(s, clerk, ticket, items, now=NOW)
    assert refused.value.refused[0][1] == ('Neither the fee schedule nor the warranty card lists "风扇电机": '
                                           'it cannot be charged.')
    assert "cannot be charged" in refused.value.message
    assert state(db, ticket) == states.DIAGNOSING
    with db.read() as s:
        assert quotes.current_quote(s, ticket) is None


@pytest.mark.parametrize("component", ["\x00", "compressor\n", "x" * 41])
def test_a_part_of_the_product_that_is_no_code_is_refused_and_nothing_is_saved(
        db: Database, users: tuple[Actor, Actor], component: str) -> None:
    """A line's part of the product is a short code (whole_unit, compressor):
    a control character (PostgreSQL refuses a NUL outright) or a long text
    is a clear message, not a database error."""
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s, pytest.raises(ValidationError, match="Line 1: unknown part of the product"):
        quotes.make_quote(s, clerk, ticket, [QuoteItem("labour", "minor", component=component)], now=NOW)
    with db.read() as s:
        assert quotes.current_quote(s, ticket) is None


def test_facts_to_verify_need_a_manager_to_quote(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk, serial="")  # serial missing: to verify
    with db.write() as s, pytest.raises(NeedsManager):
        quotes.make_quote(s, clerk, ticket, WORKED[:1], now=NOW)
    with db.write() as s:
        quotes.make_quote(s, clerk, ticket, WORKED[:1], approver=manager, now=NOW)
        assert intake.get_ticket(s, ticket).verify_override_by_id == manager.id


def test_a_revised_quote_replaces_the_draft(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        first = quotes.make_quote(s, clerk, ticket, WORKED, now=NOW).id
        second = quotes.make_quote(s, clerk, ticket, WORKED[:1], now=NOW + timedelta(minutes=5)).id
        assert s.get(Quote, first).state == quotes.SUPERSEDED  # type: ignore[union-attr]
        assert quotes.current_quote(s, ticket).id == second  # type: ignore[union-attr]
    assert state(db, ticket) == states.QUOTED


def test_approval_records_time_channel_clerk_and_who_agreed(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    counter_ticket = diagnosing_ticket(db, clerk)
    phone_ticket = diagnosing_ticket(db, clerk, serial="SN-2")
    with db.write() as s:
        a = quotes.make_quote(s, clerk, counter_ticket, WORKED, now=NOW).id
        b = quotes.make_quote(s, clerk, phone_ticket, WORKED, now=NOW).id
    at = NOW + timedelta(hours=2)
    with db.write() as s:
        quotes.approve_quote(s, clerk, a, now=at)
        quotes.approve_quote(s, manager, b, channel=quotes.PHONE, customer_name="张三的妻子", now=at)
        with pytest.raises(ValidationError):
            quotes.approve_quote(s, clerk, b, channel="email")
    with db.read() as s:
        va, vb = quotes.quote_view(s, a), quotes.quote_view(s, b)
        events = [e.text for e in intake.get_ticket(s, phone_ticket).events if e.to_state == states.APPROVED]
    assert (va.approved_at, va.approval_channel, va.approved_by, va.approved_customer_name) == (
        at, "counter", "Li Clerk", "张三")
    assert (vb.approved_at, vb.approval_channel, vb.approved_by, vb.approved_customer_name) == (
        at, "phone", "Wang Manager", "张三的妻子")
    assert va.owed == va.total == D("395.50")  # 350 + 13 %: no card here
    assert events == ["Quoted → Approved: Quote ¥395.50 approved by phone by 张三的妻子"]
    assert state(db, counter_ticket) == states.APPROVED
    with db.write() as s, pytest.raises(IllegalTransition):
        quotes.approve_quote(s, clerk, a)  # answered already


@pytest.mark.parametrize("fault_found,owed", [(True, D("33.90")), (False, D("0.00"))])
def test_a_declined_quote_owes_the_inspection_fee_or_nothing(db: Database, users: tuple[Actor, Actor],
                                                             fault_found: bool, owed: Decimal) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote_id = quotes.make_quote(s, clerk, ticket, WORKED, now=NOW).id
        quotes.decline_quote(s, clerk, quote_id, fault_found=fault_found, now=NOW + timedelta(hours=1))
    with db.read() as s:
        view = quotes.quote_view(s, quote_id)
        bal = payments.balance(s, ticket)
    assert state(db, ticket) == states.DECLINED
    assert (view.state, view.fault_found, view.owed, view.declined_by) == ("declined", fault_found, owed, "Li Clerk")
    assert bal.due == owed and bal.outstanding == owed
    if fault_found:
        (line,) = view.inspection_lines
        assert (line.kind, line.amount, line.stage) == ("inspection", D("30.00"), "decline")  # 30 + 13 % = 33.90
    else:
        assert view.inspection_lines == ()
    with db.write() as s:  # the customer pays the fee (if any) and the ticket closes
        if owed:
            payments.take_payment(s, clerk, ticket, "cash", owed, now=NOW + timedelta(hours=1), counter="main")
        pickup.pick_up(s, clerk, ticket, [], now=NOW + timedelta(hours=1))  # the product goes back
        assert payments.balance(s, ticket).outstanding == 0
    assert state(db, ticket) == states.CLOSED


def test_a_card_bundle_counts_once_on_a_saved_quote(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    card = add_card(db, manager, bundle=True)  # labour 80 including the visit
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, ticket, WORKED, card_edition_id=card, now=NOW)
        lines = [(ln.applied, ln.amount, ln.bundle_with) for ln in quote.lines]
        assert (quote.subtotal, quote.saving) == (D("280.00"), D("70.00"))
    assert lines == [("bundle", D("80.00"), 1), ("bundle", D("0.00"), 1), ("schedule", D("200.00"), None)]


def test_a_mismatched_card_sets_its_standard_aside(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    card = add_card(db, manager)
    ticket = diagnosing_ticket(db, clerk, exclusion="card_mismatch")
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, ticket, WORKED, card_edition_id=card, now=NOW)
        assert (quote.card_applies, quote.subtotal) == (False, D("350.00"))
        with pytest.raises(ValidationError, match="another product category"):
            other = save_card_edition(s, manager, CardEditionDraft("Haier", "colour_tv", "2024版", "", [
                CardLineDraft("labour", D("10"), "minor")]), now=NOW).id
            quotes.preview_quote(s, ticket, WORKED, other)


def test_software_set_up_between_one_and_three_months_needs_a_managers_decision(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)  # no installation date known: the manager decides
    items = [QuoteItem("software_setup")]
    with db.write() as s, pytest.raises(NeedsManager, match="software set-up"):
        quotes.make_quote(s, clerk, ticket, items, now=NOW)
    with db.write() as s, pytest.raises(NeedsManager):
        quotes.make_quote(s, clerk, ticket, items, software_charge=False, now=NOW)  # a clerk cannot decide
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, ticket, items, software_charge=False, approver=manager, now=NOW)
        assert (quote.total, quote.software_decided_by_id) == (D("0.00"), manager.id)
        assert audit.records(s, action="quote.make")[0].approver_id == manager.id


def test_card_editions_are_a_managers_and_the_intake_card_is_suggested(db: Database,
                                                                        users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    with db.write() as s, pytest.raises(NeedsManager):
        save_card_edition(s, clerk, CardEditionDraft("Haier", "refrigerator", "2024版"))
    card = add_card(db, manager)
    with db.write() as s, pytest.raises(ValidationError, match="already recorded"):
        save_card_edition(s, manager, CardEditionDraft("haier", "refrigerator", "2024版"))
    with db.write() as s, pytest.raises(ValidationError) as bad:
        save_card_edition(s, manager, CardEditionDraft("Haier", "refrigerator", "2025版", "", [
            CardLineDraft("labour", D("10"), "huge"), CardLineDraft("part", D("-1"), "P"),
            CardLineDraft("labour", D("80"), "medium", covers=["labour"])]))
    assert len(bad.value.fields) == 3
    ticket = diagnosing_ticket(db, clerk, card_shown=True, card_edition="2024版", card_stamp_date=date(2025, 3, 2))
    with db.read() as s:
        assert suggest_card_edition(s, ticket) == card
        (info,) = card_editions(s, brand="HAIER", category="refrigerator")
        assert info.label == "Haier · Refrigerator · 2024版" and not info.has_bundles
        assert [i.kind for i in quotes.quotable_items(s, ticket, card)][:3] == ["labour", "labour", "labour"]


def test_quote_lines_keep_the_card_rates_they_used(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    card = add_card(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote_id = quotes.make_quote(s, clerk, ticket, WORKED, card_edition_id=card, now=NOW).id
        save_card_edition(s, manager, CardEditionDraft("Haier", "refrigerator", "2024版", "", [
            CardLineDraft("labour", D("10"), "medium")], id=card), now=NOW)
    with db.read() as s:
        assert s.scalars(select(QuoteLine.card_price).where(QuoteLine.quote_id == quote_id)
                         .order_by(QuoteLine.position)).all() == [D("80.00"), D("60.00"), D("220.00")]
