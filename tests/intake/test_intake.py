"""Intake (docs/rules.md#intake): walk-in and phone requests, "to verify" flags,
the state machine, phone kinds, complaints, visits, the response promise,
repeat repairs, returning customers and the audit trail."""

from __future__ import annotations

from collections import deque
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk import audit, pickup
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Complaint, Customer, Product, Ticket, TicketEvent, Visit
from frontdesk.errors import IllegalTransition, NeedsManager, ValidationError
from frontdesk.followup import complaints
from frontdesk.followup import service as fu
from frontdesk.intake import corrections, faults, fields, repairs, responses, states, visits
from frontdesk.intake import service as intake
from frontdesk.intake.service import IntakeForm
from frontdesk.intake.visits import VisitRequest
from frontdesk.technicians import add_technician
from frontdesk.users import Actor

ADDRESS = "北京市海淀区中关村大街27号3单元502室"


def walk_in_form(**changes: object) -> IntakeForm:
    """A complete walk-in repair request: nothing to verify."""
    form = IntakeForm(
        channel=intake.WALK_IN, kind=intake.REPAIR, name="张三", phone="13812345678",
        category="refrigerator", brand="海尔 Haier", model="BCD-470WDPG", serial="HA2301234567",
        purchase_date=date(2026, 3, 1), invoice_shown=True, fault="冷藏室不制冷", request="免费维修",
    )
    for key, value in changes.items():
        assert hasattr(form, key), key
        setattr(form, key, value)
    return form


def phone_form(**changes: object) -> IntakeForm:
    base: dict[str, object] = {"channel": intake.PHONE, "address": ADDRESS, "area": "海淀区"}
    base.update(changes)
    return walk_in_form(**base)


def take(db: Database, actor: Actor, form: IntakeForm, at: datetime) -> intake.IntakeResult:
    with db.write() as s:
        return intake.take_intake(s, actor, form, now=at)


def move(db: Database, actor: Actor, ticket_id: int, *targets: str, at: datetime,
         approver: Actor | None = None) -> None:
    with db.write() as s:
        for target in targets:
            if target in (states.REPAIRED, states.CLOSED) or approver is None:
                step(s, actor, ticket_id, target, now=at)
            else:
                intake.move(s, actor, ticket_id, target, approver=approver, now=at)


def state_of(db: Database, ticket_id: int) -> str:
    with db.read() as s:
        return intake.get_ticket(s, ticket_id).state


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def step(s: Session, actor: Actor, ticket_id: int, to: str, note: str = "", now: datetime | None = None) -> Ticket:
    """One legal move, the way the desk makes it: "repaired" through the
    repair record, a ready product closed through its pick-up."""
    ticket = intake.get_ticket(s, ticket_id)
    if to == states.REPAIRED:
        action = faults.NO_FAULT if ticket.state == states.DIAGNOSING else faults.ADJUSTED
        repairs.record_repair(s, actor, ticket_id, repairs.RepairResult("no_cooling", action, note), now=now)
        return intake.get_ticket(s, ticket_id)
    if to == states.CLOSED and (ticket.state == states.READY or (
            ticket.state in (states.REPAIRED, states.DECLINED) and ticket.channel == intake.WALK_IN)):
        return pickup.pick_up(s, actor, ticket_id, list(ticket.accessories), now=now)
    return intake.move(s, actor, ticket_id, to, note=note, now=now)


def path_to(target: str) -> list[str]:
    """The shortest run of legal moves from "received" to ``target``."""
    seen = {states.RECEIVED: [states.RECEIVED]}
    queue = deque([states.RECEIVED])
    while queue:
        current = queue.popleft()
        for nxt in sorted(states.TRANSITIONS[current]):
            if nxt not in seen:
                seen[nxt] = seen[current] + [nxt]
                queue.append(nxt)
    return seen[target][1:]


# ---- walk-in and phone intake --------------------------------------------------------

def test_walk_in_intake_saves_ticket_customer_product_and_what_was_handed_over(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    form = walk_in_form(category="mobile_phone", brand="华为 Huawei", model="Mate 60 Pro", serial="861234567890123",
                        accessories=["charger", "  ", "case"], condition=["scratches", "cracked_screen"],
                        condition_note="背面有轻微划痕", passcode_given=True, purchase_date=date(2026, 8, 1))
    result = take(db, clerk, form, now)
    assert result.number == "T2026-000001"
    assert result.to_verify == ()
    assert result.respond_by is None  # the response promise is for phone requests
    assert result.warranty is not None and result.warranty.overall == "in"
    assert result.advice is not None and result.advice.rule == "in_period"
    with db.read() as s:
        ticket = intake.get_ticket(s, result.ticket_id)
        assert (ticket.state, ticket.channel, ticket.kind) == (states.RECEIVED, intake.WALK_IN, intake.REPAIR)
        assert ticket.accessories == ["charger", "case"]
        assert ticket.condition == ["scratches", "cracked_screen"]
        assert ticket.condition_note == "背面有轻微划痕" and ticket.passcode_given is True
        assert ticket.to_verify is False and ticket.verify_fields == []
        assert ticket.warranty_status == "in" and ticket.intake_at == now
        assert ticket.customer.name == "张三" and ticket.customer.phone == "+8613812345678"
        assert ticket.product is not None
        assert (ticket.product.category, ticket.product.serial, ticket.product.invoice_shown) == (
            "mobile_phone", "861234567890123", True)
        assert [(e.kind, e.to_state) for e in ticket.events] == [("created", states.RECEIVED)]
    # The condition checklist depends on the category.
    assert "cracked_screen" in intake.condition_checks("mobile_phone")
    assert "cracked_screen" not in intake.condition_checks("refrigerator")


def test_phone_repair_request_keeps_the_address_and_gets_an_answer_promise(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    friday = datetime(2026, 11, 27, 16, 30)
    result = take(db, clerk, phone_form(), friday)
    assert result.to_verify == ()
    assert result.respond_by == datetime(2026, 11, 30, 16, 30)  # one working day: over the weekend to Monday
    with db.read() as s:
        ticket = intake.get_ticket(s, result.ticket_id)
        assert (ticket.channel, ticket.address, ticket.area) == (intake.PHONE, ADDRESS, "海淀区")
        assert ticket.respond_by == result.respond_by and ticket.responded_at is None


@pytest.mark.parametrize("kind", [intake.REPAIR, intake.INSTALLATION, intake.CONSULTATION, intake.INQUIRY,
                                  intake.COMPLAINT])
def test_the_channel_decides_which_requests_can_be_taken(
        db: Database, users: tuple[Actor, Actor], now: datetime, kind: str) -> None:
    _manager, clerk = users
    form = IntakeForm(channel=intake.WALK_IN, kind=kind, name="张三", phone="13812345678",
                      what_happened="师傅迟到", category="refrigerator", model="M", serial="S",
                      purchase_date=date(2026, 1, 1), invoice_shown=True, fault="坏了", request="修")
    if kind == intake.REPAIR:
        assert take(db, clerk, form, now).number
        return
    with pytest.raises(ValidationError) as err:
        take(db, clerk, form, now)
    assert set(err.value.fields) == {"kind"}
    form.channel = intake.PHONE
    assert take(db, clerk, form, now).number


# ---- refused input names the field ------------------------------------------------------

@pytest.mark.parametrize("changes,field", [
    ({"phone": "138-abc-5678"}, "phone"),
    ({"purchase_date": date(2026, 11, 25)}, "purchase_date"),
    ({"purchase_date": date(1975, 1, 1)}, "purchase_date"),
    ({"card_shown": True, "card_stamp_date": date(2026, 12, 1)}, "card_stamp_date"),
    ({"category": "spaceship"}, "category"),
    ({"exclusion": "bad_luck"}, "exclusion"),
    ({"name": "", "phone": ""}, "name"),
    ({"channel": intake.PHONE, "visit": VisitRequest(date(2026, 11, 25), time(14), time(10))}, "visit"),
    ({"channel": intake.PHONE, "visit": VisitRequest(date(2026, 11, 23), time(9), time(12))}, "visit"),
    ({"channel": "fax"}, "channel"),
])
def test_input_that_cannot_be_stored_is_refused_naming_the_field(
        db: Database, users: tuple[Actor, Actor], now: datetime, changes: dict[str, object], field: str) -> None:
    _manager, clerk = users
    with pytest.raises(ValidationError) as err:
        take(db, clerk, walk_in_form(**changes), now)
    assert field in err.value.fields
    assert err.value.fields[field] and err.value.message
    assert count(db, Ticket) == 0 and count(db, Customer) == 0  # nothing half-saved


def test_a_complaint_without_what_happened_is_refused(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    form = IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="李四", phone="13912345678",
                      what_happened="   ")
    with pytest.raises(ValidationError) as err:
        take(db, clerk, form, now)
    assert set(err.value.fields) == {"what_happened"}
    form.what_happened, form.promised_answer_at = "师傅迟到", now - timedelta(hours=1)
    with pytest.raises(ValidationError) as err:
        take(db, clerk, form, now)
    assert set(err.value.fields) == {"promised_answer_at"}


def test_every_bad_field_is_named_at_once(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    with pytest.raises(ValidationError) as err:
        take(db, clerk, walk_in_form(phone="call me", purchase_date=date(2027, 1, 1), category="spaceship"), now)
    assert {"phone", "purchase_date", "category"} <= set(err.value.fields)


# ---- missing or doubtful facts: saved, flagged "to verify" --------------------------------

@pytest.mark.parametrize("channel,changes,flagged", [
    (intake.WALK_IN, {}, ()),
    (intake.WALK_IN, {"address": ""}, ()),  # a walk-in need not give an address
    (intake.PHONE, {"address": ""}, ("address",)),
    (intake.WALK_IN, {"serial": ""}, ("serial",)),
    (intake.WALK_IN, {"purchase_date": None}, ("purchase_date",)),
    (intake.WALK_IN, {"invoice_shown": False}, ("proof",)),
    (intake.WALK_IN, {"invoice_shown": False, "card_shown": True, "card_stamp_date": date(2026, 3, 2)}, ()),
    (intake.WALK_IN, {"doubtful": {"purchase_date"}}, ("purchase_date",)),
    (intake.WALK_IN, {"phone": "1381234567"}, ("phone",)),  # a digit short: not a valid number
    (intake.WALK_IN, {"model": "", "brand": "", "fault": ""}, ("model", "fault")),
    (intake.PHONE, {"address": "", "serial": "", "invoice_shown": False}, ("address", "serial", "proof")),
])
def test_missing_or_doubtful_facts_are_saved_and_flagged(
        db: Database, users: tuple[Actor, Actor], now: datetime, channel: str, changes: dict[str, object],
        flagged: tuple[str, ...]) -> None:
    _manager, clerk = users
    form = (phone_form if channel == intake.PHONE else walk_in_form)(**changes)
    if channel == intake.WALK_IN and "address" not in changes:
        form.address = ""
    result = take(db, clerk, form, now)
    assert sorted(result.to_verify) == sorted(flagged)
    with db.read() as s:
        ticket = intake.get_ticket(s, result.ticket_id)
        assert ticket.to_verify is bool(flagged)
        assert sorted(ticket.verify_fields) == sorted(flagged)
        notes = [e.text for e in ticket.events if e.kind == "to_verify"]
        if flagged:
            assert notes and all(fields.field_label(f) in notes[0] for f in flagged)
        else:
            assert notes == []


def test_a_ticket_to_verify_is_not_quoted_by_a_clerk_without_a_manager(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    manager, clerk = users
    ticket_id = take(db, clerk, walk_in_form(serial="", invoice_shown=False), now).ticket_id
    move(db, clerk, ticket_id, states.DIAGNOSING, at=now)
    with pytest.raises(NeedsManager, match="manager"):
        move(db, clerk, ticket_id, states.QUOTED, at=now)
    with pytest.raises(NeedsManager):
        move(db, clerk, ticket_id, states.QUOTED, at=now, approver=clerk)  # a clerk cannot approve
    assert state_of(db, ticket_id) == states.DIAGNOSING
    # Verifying only part of the facts is not enough.
    with db.write() as s:
        corrections.verify(s, clerk, ticket_id, ["serial"], now=now)
    with db.read() as s:
        assert intake.get_ticket(s, ticket_id).verify_fields == ["proof"]
    with pytest.raises(NeedsManager):
        move(db, clerk, ticket_id, states.QUOTED, at=now)
    # The manager enters their PIN: the override is kept with the approver.
    move(db, clerk, ticket_id, states.QUOTED, at=now, approver=manager)
    with db.read() as s:
        ticket = intake.get_ticket(s, ticket_id)
        assert ticket.state == states.QUOTED and ticket.verify_override_by_id == manager.id
        assert any(e.kind == "override" and "Wang Manager" in e.text for e in ticket.events)
        (rec,) = audit.records(s, action="ticket.verify_override")
        assert (rec.user_id, rec.approver_id, rec.entity_id) == (clerk.id, manager.id, str(ticket_id))


def test_a_ticket_to_verify_can_be_quoted_once_verified(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    manager, clerk = users
    ticket_id = take(db, clerk, walk_in_form(doubtful={"purchase_date"}), now).ticket_id
    move(db, clerk, ticket_id, states.DIAGNOSING, at=now)
    with db.write() as s:
        ticket = corrections.verify(s, clerk, ticket_id, now=now)
        assert ticket.to_verify is False and ticket.verify_fields == []
    move(db, clerk, ticket_id, states.QUOTED, at=now)
    assert state_of(db, ticket_id) == states.QUOTED
    # A manager quotes a ticket to verify on their own authority.
    other = take(db, clerk, walk_in_form(serial="", invoice_shown=False), now).ticket_id
    move(db, manager, other, states.DIAGNOSING, states.QUOTED, at=now)
    with db.read() as s:
        assert intake.get_ticket(s, other).verify_override_by_id == manager.id


# ---- the state machine ------------------------------------------------------------------

def test_every_legal_move_in_the_table_works(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    pairs = [(frm, to) for frm, targets in states.TRANSITIONS.items() for to in sorted(targets)]
    assert len(pairs) == sum(len(t) for t in states.TRANSITIONS.values()) > 20
    for n, (frm, to) in enumerate(pairs):
        # A phone request: a product repaired on a visit may close without a pick-up.
        with db.write() as s:
            ticket_id = intake.take_intake(s, clerk, phone_form(serial=f"SN{n:03d}"), now=now).ticket_id
            for target in path_to(frm) if frm != states.RECEIVED else []:
                step(s, clerk, ticket_id, target, now=now)
            assert intake.get_ticket(s, ticket_id).state == frm
            ticket = step(s, clerk, ticket_id, to, note="检查", now=now)
            assert ticket.state == to, (frm, to)
        with db.read() as s:
            last = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == "state")
                             .order_by(TicketEvent.id.desc()).limit(1)).one()
            assert (last.kind, last.from_state, last.to_state) == ("state", frm, to), (frm, to)
            # The repair record and the pick-up write their own words on the move.
            assert last.text.endswith(": 检查") or to == states.REPAIRED or frm == states.READY
            ticket = intake.get_ticket(s, ticket_id)
            assert (ticket.closed_at is not None) == (to in states.FINAL), (frm, to)


@pytest.mark.parametrize("frm,to", [
    (states.RECEIVED, states.QUOTED),
    (states.RECEIVED, states.REPAIRED),
    (states.SCHEDULED, states.CLOSED),
    (states.QUOTED, states.IN_REPAIR),
    (states.DECLINED, states.APPROVED),
    (states.AWAITING_PARTS, states.REPAIRED),
    (states.REPAIRED, states.IN_REPAIR),
    (states.CLOSED, states.RECEIVED),
    (states.CANCELLED, states.IN_REPAIR),
])
def test_illegal_moves_are_refused_with_a_clear_message(
        db: Database, users: tuple[Actor, Actor], now: datetime, frm: str, to: str) -> None:
    _manager, clerk = users
    assert not states.can_move(frm, to)
    ticket_id = take(db, clerk, walk_in_form(), now).ticket_id
    move(db, clerk, ticket_id, *path_to(frm), at=now)
    with db.read() as s:
        events_before = len(intake.get_ticket(s, ticket_id).events)
    with pytest.raises(IllegalTransition) as err, db.write() as s:
        intake.move(s, clerk, ticket_id, to, now=now)
    message = err.value.message
    assert states.label(frm) in message and states.label(to) in message and "Possible next steps" in message
    for allowed in states.TRANSITIONS[frm]:
        assert states.label(allowed) in message
    with db.read() as s:
        ticket = intake.get_ticket(s, ticket_id)
        assert ticket.state == frm and len(ticket.events) == events_before


def test_an_unknown_state_is_refused(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    ticket_id = take(db, clerk, walk_in_form(), now).ticket_id
    with pytest.raises(IllegalTransition, match="Unknown ticket state: lost"):
        move(db, clerk, ticket_id, "lost", at=now)


def test_days_in_repair_and_waiting_for_parts_are_added_back(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    day = datetime(2026, 11, 2, 10, 0)

    def at(days: int) -> datetime:
        return day + timedelta(days=days)

    ticket_id = take(db, clerk, walk_in_form(), day).ticket_id
    move(db, clerk, ticket_id, states.DIAGNOSING, at=at(1))  # not a repair day yet
    move(db, clerk, ticket_id, states.IN_REPAIR, at=at(2))
    move(db, clerk, ticket_id, states.AWAITING_PARTS, at=at(3))
    move(db, clerk, ticket_id, states.IN_REPAIR, at=at(10))
    move(db, clerk, ticket_id, states.REPAIRED, at=at(12))  # leaves the repair states: 2 -> 12
    move(db, clerk, ticket_id, states.CLOSED, at=at(15))
    with db.read() as s:
        assert intake.get_ticket(s, ticket_id).repair_days == 10


def test_repair_days_of_earlier_tickets_lengthen_the_warranty_at_the_next_intake(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    # Bought 2025-11-01 with an invoice: the whole unit is covered to 2026-10-31, the compressor 3 years.
    form = walk_in_form(purchase_date=date(2025, 11, 1))
    first = take(db, clerk, form, datetime(2026, 5, 4, 10, 0))
    move(db, clerk, first.ticket_id, states.DIAGNOSING, states.IN_REPAIR, at=datetime(2026, 5, 4, 11, 0))
    move(db, clerk, first.ticket_id, states.AWAITING_PARTS, at=datetime(2026, 5, 6, 11, 0))
    move(db, clerk, first.ticket_id, states.IN_REPAIR, at=datetime(2026, 6, 1, 11, 0))
    move(db, clerk, first.ticket_id, states.REPAIRED, states.CLOSED, at=datetime(2026, 6, 13, 11, 0))
    with db.read() as s:
        product_id = intake.get_ticket(s, first.ticket_id).product_id
        assert intake.get_ticket(s, first.ticket_id).repair_days == 40
    # 24 days after the nominal end, but 40 days in repair were added back.
    again = take(db, clerk, walk_in_form(product_id=product_id, purchase_date=None, fault="又不制冷"),
                 datetime(2026, 11, 24, 10, 0))
    assert again.warranty is not None and again.warranty.overall == "in"
    whole = again.warranty.line("whole_unit")
    assert whole is not None and whole.last_day == date(2026, 12, 10)


# ---- the phone kinds -----------------------------------------------------------------

def test_misuse_resolved_on_the_phone_closes_and_a_call_back_is_due_two_hours_later(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    form = phone_form(category="air_conditioner", fault="空调不制冷", request="遥控器设在送风模式，已指导",
                      misuse=True, resolved_on_phone=True, performance_fault=False)
    result = take(db, clerk, form, now)
    with db.read() as s:
        ticket = intake.get_ticket(s, result.ticket_id)
        assert (ticket.state, ticket.closed_at, ticket.misuse_resolved) == (states.CLOSED, now, True)
        rows = fu.queue(s, now=now)
    assert [(r.ticket_id, r.reason, r.due_at) for r in rows] == [
        (result.ticket_id, fu.MISUSE, now + timedelta(hours=2))]
    # Misuse not yet resolved: the ticket stays open, no call-back.
    other = take(db, clerk, phone_form(misuse=True, serial="OTHER"), now)
    assert state_of(db, other.ticket_id) == states.RECEIVED


def test_a_consultation_is_closed_at_once(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    result = take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.CONSULTATION, name="王芳",
                                        phone="15012345678", request="空调清洗多少钱"), now)
    assert result.to_verify == () and result.warranty is None and result.respond_by is None
    with db.read() as s:
        ticket = intake.get_ticket(s, result.ticket_id)
        assert (ticket.state, ticket.closed_at, ticket.product_id) == (states.CLOSED, now, None)
        assert [r.due_at for r in fu.queue(s, now=now)] == [now + timedelta(hours=2)]


def test_an_inquiry_names_a_known_ticket(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    asked = take(db, clerk, walk_in_form(), now)
    with pytest.raises(ValidationError) as err:
        take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.INQUIRY, name="张三", phone="13812345678",
                                   related_ticket="T2026-999999"), now)
    assert set(err.value.fields) == {"related_ticket"} and "T2026-999999" in err.value.message
    assert count(db, Ticket) == 1
    later = now + timedelta(hours=3)
    inquiry = take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.INQUIRY, name="张三",
                                         phone="13812345678", related_ticket=asked.number.lower()), later)
    with db.read() as s:
        assert intake.get_ticket(s, inquiry.ticket_id).state == states.CLOSED
        events = intake.get_ticket(s, asked.ticket_id).events
        assert [e.kind for e in events] == ["created", "inquiry"] and inquiry.number in events[-1].text
        assert intake.get_ticket(s, inquiry.ticket_id).customer_id == asked.customer_id


def test_a_complaint_gets_a_promised_answer_and_only_a_manager_closes_it(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    manager, clerk = users
    form = IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="李四", phone="13912345678",
                      what_happened="师傅上门迟到两个小时", handler_id=manager.id)
    result = take(db, clerk, form, now)
    default_answer = datetime(2026, 11, 25, 10, 0)  # one working day later
    with db.read() as s:
        (complaint,) = complaints.open_complaints(s)
        complaint_id = complaint.id
        assert complaint.promised_answer_at == default_answer
        assert (complaint.handler, complaint.opened_by, complaint.ticket_id) == (
            "Wang Manager", "Li Clerk", result.ticket_id)
        assert complaint.what_happened == "师傅上门迟到两个小时"
        assert intake.get_ticket(s, result.ticket_id).state == states.RECEIVED  # open until a manager closes it
    promised = now + timedelta(hours=4)
    take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="李四", phone="13912345678",
                               what_happened="收费与报价不一致", promised_answer_at=promised), now)
    with db.read() as s:
        assert [c.promised_answer_at for c in complaints.open_complaints(s)] == [promised, default_answer]

    later = now + timedelta(days=1)
    with pytest.raises(NeedsManager), db.write() as s:
        complaints.close_complaint(s, clerk, complaint_id, "已道歉", now=later)
    with pytest.raises(NeedsManager), db.write() as s:
        complaints.close_complaint(s, clerk, complaint_id, "已道歉", approver=clerk, now=later)
    with pytest.raises(ValidationError) as err, db.write() as s:
        complaints.close_complaint(s, manager, complaint_id, "  ", now=later)
    assert set(err.value.fields) == {"resolution"}
    with db.read() as s:
        assert len(complaints.open_complaints(s)) == 2
    # A clerk records the answer with the manager's approval.
    with db.write() as s:
        closed = complaints.close_complaint(s, clerk, complaint_id, "已道歉，免收上门费", approver=manager, now=later)
        assert (closed.closed_at, closed.closed_by_id) == (later, manager.id)
    with pytest.raises(IllegalTransition), db.write() as s:
        complaints.close_complaint(s, manager, complaint_id, "再次关闭", now=later)
    with db.read() as s:
        assert len(complaints.open_complaints(s)) == 1
        (rec,) = audit.records(s, action="complaint.close")
        assert (rec.user_id, rec.approver_id) == (clerk.id, manager.id)


def test_a_complaint_about_an_existing_ticket_is_filed_on_that_ticket(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    manager, clerk = users
    repaired = take(db, clerk, walk_in_form(), now)
    with pytest.raises(ValidationError) as err:
        take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="张三", phone="13812345678",
                                   what_happened="又坏了", related_ticket="T2026-999999"), now)
    assert set(err.value.fields) == {"related_ticket"}
    take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="张三", phone="13812345678",
                               what_happened="修好一周又坏了", related_ticket=repaired.number), now)
    with db.read() as s:
        (complaint,) = complaints.open_complaints(s)
        complaint_id = complaint.id
        assert complaint.ticket_id == repaired.ticket_id
        assert [e.kind for e in intake.get_ticket(s, repaired.ticket_id).events] == ["created", "complaint"]
    with db.write() as s:
        complaints.close_complaint(s, manager, complaint_id, "已免费返修", now=now)
    with db.read() as s:
        texts = [e.text for e in intake.get_ticket(s, repaired.ticket_id).events]
        assert any("已免费返修" in t for t in texts)


# ---- visits ------------------------------------------------------------------------

def test_visits_of_a_day_are_grouped_by_area_with_a_suggested_technician(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    manager, clerk = users
    with db.write() as s:
        liu = add_technician(s, manager, "刘师傅", areas=["海淀区", "西城区"]).id
        chen = add_technician(s, manager, "陈师傅", areas=["朝阳区"]).id
        mike = add_technician(s, manager, "Mike").id
    day = now.date() + timedelta(days=1)
    booked = [
        ("海淀区", time(14), None), ("海淀区", time(9), None),
        ("朝阳区", time(9), mike), ("朝阳区", time(13), None),
        ("丰台区", time(15), None),
    ]
    tickets = []
    for n, (area, start, tech) in enumerate(booked):
        result = take(db, clerk, phone_form(serial=f"V{n}", area=area, address=f"北京市{area}某路{n}号"), now)
        with db.write() as s:
            visit = visits.book_visit(s, clerk, result.ticket_id, VisitRequest(
                day, start, time(start.hour + 3), technician_id=tech), now=now)
            assert visit.area == area and visit.address.startswith("北京市" + area)
        tickets.append(result.ticket_id)
    other_day = take(db, clerk, phone_form(serial="X"), now).ticket_id
    with db.write() as s:
        visits.book_visit(s, clerk, other_day, VisitRequest(day + timedelta(days=1), time(9), time(12)), now=now)
    with db.read() as s:
        groups = visits.visits_by_area(s, day)
        got = [(g.area, [v.window_start for v in g.visits], g.suggested_technician_id) for g in groups]
        booked_ticket = intake.get_ticket(s, tickets[0])
        assert booked_ticket.state == states.SCHEDULED and booked_ticket.responded_at == now
    assert got == [
        ("丰台区", [time(15)], None),  # nobody covers it yet
        ("朝阳区", [time(9), time(13)], mike),  # already holds a visit there: keep them together
        ("海淀区", [time(9), time(14)], liu),  # the technician whose areas list it
    ]
    assert chen not in {g[2] for g in got}


def test_a_visit_is_not_booked_for_a_closed_ticket_nor_in_the_past(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    ticket_id = take(db, clerk, phone_form(), now).ticket_id
    with pytest.raises(ValidationError) as err, db.write() as s:
        visits.book_visit(s, clerk, ticket_id, VisitRequest(now.date(), time(15), time(13)), now=now)
    assert set(err.value.fields) == {"visit"}
    with pytest.raises(ValidationError), db.write() as s:
        visits.book_visit(s, clerk, ticket_id, VisitRequest(now.date() - timedelta(days=1), time(9), time(12)),
                          now=now)
    move(db, clerk, ticket_id, states.CANCELLED, at=now)
    with pytest.raises(IllegalTransition), db.write() as s:
        visits.book_visit(s, clerk, ticket_id, VisitRequest(now.date(), time(14), time(17)), now=now)
    assert count(db, Visit) == 0


def test_a_cancelled_request_leaves_no_visit_on_the_technicians_day(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    day = now.date() + timedelta(days=1)
    cancelled = take(db, clerk, phone_form(visit=VisitRequest(day, time(9), time(12))), now).ticket_id
    postponed = take(db, clerk, phone_form(serial="P", visit=VisitRequest(day, time(13), time(15))), now).ticket_id
    kept = take(db, clerk, phone_form(serial="K", visit=VisitRequest(day, time(15), time(18))), now).ticket_id
    move(db, clerk, cancelled, states.CANCELLED, at=now)
    move(db, clerk, postponed, states.RECEIVED, at=now)  # the customer will call again
    with db.read() as s:
        remaining = [v.ticket_id for g in visits.visits_by_area(s, day) for v in g.visits]
    assert remaining == [kept]


# ---- the response promise -----------------------------------------------------------

def test_responses_due_lists_phone_requests_about_to_miss_the_promise(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    monday = datetime(2026, 11, 23, 9, 30)

    def at(hh: int, mm: int = 0) -> datetime:
        return monday.replace(hour=hh, minute=mm)

    early = take(db, clerk, phone_form(serial="A"), at(9, 30))
    late = take(db, clerk, phone_form(serial="B"), at(15))
    answered = take(db, clerk, phone_form(serial="C"), at(10))
    with db.write() as s:
        responses.mark_responded(s, clerk, answered.ticket_id, "约好明天送修", now=at(11))
        with pytest.raises(IllegalTransition):
            responses.mark_responded(s, clerk, answered.ticket_id, "again", now=at(11))
    take(db, clerk, phone_form(serial="D", visit=VisitRequest(monday.date() + timedelta(days=1), time(9), time(12))),
         at(10, 30))
    take(db, clerk, walk_in_form(serial="E"), at(11))
    take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.CONSULTATION, name="王芳", phone="15012345678"),
         at(11, 30))
    install = take(db, clerk, phone_form(kind=intake.INSTALLATION, serial="F", fault="新机安装", request="上门安装"),
                   at(12))
    dropped = take(db, clerk, phone_form(serial="G"), at(9, 40))
    move(db, clerk, dropped.ticket_id, states.CANCELLED, at=at(9, 50))

    tuesday_11 = datetime(2026, 11, 24, 11, 0)
    with db.read() as s:
        due = responses.responses_due(s, now=tuesday_11, warn_hours=2)
        assert [(d.number, d.respond_by, d.overdue) for d in due] == [
            (early.number, datetime(2026, 11, 24, 9, 30), True),
            (install.number, datetime(2026, 11, 24, 12, 0), False),
        ]
        assert due[0].customer_name == "张三" and due[0].phone == "138 1234 5678"
        # The shop's default warning (4 hours) reaches the afternoon request too.
        assert [d.number for d in responses.responses_due(s, now=tuesday_11)] == [
            early.number, install.number, late.number]
    # Moving the ticket along answers it.
    move(db, clerk, early.ticket_id, states.DIAGNOSING, at=tuesday_11)
    with db.read() as s:
        assert [d.number for d in responses.responses_due(s, now=tuesday_11, warn_hours=2)] == [install.number]


# ---- repeat repairs and returning customers -------------------------------------------

def test_a_repair_that_fails_again_within_30_days_counts_as_a_repeat(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    day0 = datetime(2026, 9, 1, 10, 0)
    first = take(db, clerk, walk_in_form(), day0)
    move(db, clerk, first.ticket_id, states.DIAGNOSING, states.IN_REPAIR, states.REPAIRED, states.CLOSED, at=day0)
    with db.read() as s:
        product_id = intake.get_ticket(s, first.ticket_id).product_id
    # The same fault (not cooling: the category the repair record named) back 30 days later.
    second = take(db, clerk, walk_in_form(product_id=product_id, fault="又不制冷", fault_category="no_cooling"),
                  day0 + timedelta(days=30))
    with db.read() as s:
        ticket = intake.get_ticket(s, second.ticket_id)
        assert (ticket.repeat_of_id, ticket.prior_repairs_same_fault) == (first.ticket_id, 1)
    closed_at = day0 + timedelta(days=31)
    move(db, clerk, second.ticket_id, states.DIAGNOSING, states.IN_REPAIR, states.REPAIRED, states.CLOSED,
         at=closed_at)
    # 31 days later: not a repeat repair, but the earlier repairs still count for 三包.
    third = take(db, clerk, walk_in_form(serial="HA2301234567", fault="还是不制冷", fault_category="no_cooling"),
                 closed_at + timedelta(days=31))
    with db.read() as s:
        ticket = intake.get_ticket(s, third.ticket_id)
        assert (ticket.repeat_of_id, ticket.prior_repairs_same_fault, ticket.product_id) == (None, 2, product_id)
    assert third.advice is not None and third.advice.rule == "repaired_twice"


def test_a_returning_customer_is_found_by_phone_and_name_not_duplicated(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    first = take(db, clerk, walk_in_form(address=""), now)
    # The same person on the phone, the number typed another way, now with an address.
    again = take(db, clerk, phone_form(phone="+86 138-1234-5678", category="colour_tv", serial="TV1"), now)
    assert again.customer_id == first.customer_id
    # The same product (same serial) is not entered twice either.
    third = take(db, clerk, walk_in_form(phone="138 1234 5678", fault="噪音大"), now)
    assert third.customer_id == first.customer_id
    smith = take(db, clerk, walk_in_form(name="John Smith", phone="+44 20 7946 0123", serial="JS1"), now)
    assert take(db, clerk, walk_in_form(name="john  SMITH", phone="+442079460123", serial="JS1"),
                now).customer_id == smith.customer_id
    # The same phone with another name is another person (a family member).
    assert take(db, clerk, walk_in_form(name="张三丰"), now).customer_id != first.customer_id
    with db.read() as s:
        assert s.scalar(select(func.count(Customer.id))) == 3
        customer = s.get(Customer, first.customer_id)
        assert customer is not None and customer.address == ADDRESS
        products = s.scalars(select(Product.serial).where(Product.customer_id == first.customer_id)).all()
        assert sorted(products) == ["HA2301234567", "TV1"]
        tickets = intake.get_ticket(s, third.ticket_id)
        assert tickets.product_id == intake.get_ticket(s, first.ticket_id).product_id


def test_a_customer_picked_from_the_list_is_updated_not_copied(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    first = take(db, clerk, walk_in_form(address=""), now)
    again = take(db, clerk, phone_form(customer_id=first.customer_id, phone="13912345678", serial="NEW"), now)
    assert again.customer_id == first.customer_id
    with db.read() as s:
        customer = s.get(Customer, first.customer_id)
        assert customer is not None and (customer.phone, customer.address) == ("+8613912345678", ADDRESS)
        assert s.scalar(select(func.count(Customer.id))) == 1


# ---- the audit trail ------------------------------------------------------------------

def test_every_change_leaves_an_audit_record(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    manager, clerk = users
    with db.write() as s:
        tech = add_technician(s, manager, "刘师傅", areas=["海淀区"]).id
    result = take(db, clerk, phone_form(serial="", doubtful={"purchase_date"}), now)
    tid = result.ticket_id
    with db.write() as s:
        visits.book_visit(s, clerk, tid, VisitRequest(now.date(), time(14), time(17)), now=now)
        intake.assign_technician(s, clerk, tid, tech, now=now)
        intake.add_note(s, clerk, tid, "客户要求下午上门", now=now)
        intake.move(s, clerk, tid, states.DIAGNOSING, now=now)
        corrections.verify(s, clerk, tid, ["serial"], now=now)
        intake.move(s, clerk, tid, states.QUOTED, approver=manager, now=now)
        intake.move(s, clerk, tid, states.APPROVED, now=now)
        intake.move(s, clerk, tid, states.IN_REPAIR, now=now)
        intake.set_uncertain(s, clerk, tid, True, now=now)
    other = take(db, clerk, phone_form(serial="Z"), now).ticket_id
    with db.write() as s:
        responses.mark_responded(s, clerk, other, "已回电", now=now)
    complaint = take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="张三",
                                           phone="13812345678", what_happened="等太久"), now)
    with db.write() as s:
        complaint_id = s.scalars(select(Complaint.id)).one()
        complaints.close_complaint(s, manager, complaint_id, "已道歉", now=now)
    with db.read() as s:
        rows = s.execute(select(AuditRecord.action, AuditRecord.entity_id, AuditRecord.user_id,
                                AuditRecord.approver_id)).all()
    actions = {(a, e) for a, e, _u, _ap in rows}
    t = str(tid)
    for expected in [("customer.create", str(result.customer_id)), ("ticket.create", t), ("visit.book", None),
                     ("ticket.assign", t), ("ticket.note", t), ("ticket.move", t), ("ticket.verify", t),
                     ("ticket.verify_override", t), ("ticket.uncertain", t), ("ticket.responded", str(other)),
                     ("ticket.create", str(complaint.ticket_id)), ("complaint.close", str(complaint_id)),
                     ("technician.add", str(tech))]:
        action, entity = expected
        assert any(a == action and (entity is None or e == entity) for a, e in actions), expected
    moves = [r for r in rows if r[0] == "ticket.move" and r[1] == t]
    assert len(moves) == 4 and all(r[2] == clerk.id for r in moves)
    assert [r[3] for r in rows if r[0] == "ticket.verify_override"] == [manager.id]


def test_a_complaint_ticket_closes_with_its_complaint_and_not_before(
        db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    manager, clerk = users
    result = take(db, clerk, IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="李四", phone="13912345678",
                                        what_happened="报价不清楚"), now)
    with pytest.raises(IllegalTransition) as err, db.write() as s:
        intake.move(s, manager, result.ticket_id, states.CLOSED, now=now)
    assert "closes when a manager closes the complaint" in err.value.message
    with db.write() as s:
        (complaint,) = complaints.open_complaints(s)
        complaints.close_complaint(s, clerk, complaint.id, "已解释收费标准", approver=manager, now=now + timedelta(hours=2))
    with db.read() as s:
        ticket = intake.get_ticket(s, result.ticket_id)
        assert (ticket.state, ticket.closed_at) == (states.CLOSED, now + timedelta(hours=2))
        assert ticket.events[-1].text.endswith("已解释收费标准")


def test_a_visit_is_done_when_the_technician_has_been(db: Database, users: tuple[Actor, Actor], now: datetime) -> None:
    _manager, clerk = users
    result = take(db, clerk, IntakeForm(
        channel=intake.PHONE, name="王芳", phone="13700001111", address="朝阳区建国路88号", area="朝阳区",
        category="air_conditioner", fault="不制冷", request="上门",
        visit=VisitRequest(now.date() + timedelta(days=1), time(9), time(12))), now)
    with db.write() as s:
        intake.move(s, clerk, result.ticket_id, states.DIAGNOSING, now=now + timedelta(days=1, hours=1))
    with db.read() as s:
        assert [v.state for v in s.scalars(select(Visit))] == ["done"]
