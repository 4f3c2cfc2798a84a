"""Fuzzing intake (take_intake with every IntakeForm field) and the customer
records: hostile text, far dates, malformed phones.  Each input is refused
with the field named or stored exactly, and never changes other data."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import customers
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Complaint, Customer, CustomerKey, Product, Ticket, TicketEvent, Visit
from frontdesk.errors import ValidationError
from frontdesk.followup import complaints
from frontdesk.intake import service as intake
from frontdesk.intake.service import IntakeForm
from frontdesk.intake.visits import VisitRequest
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, fridge_form
from tests.fuzz.fuzz_helpers import (
    FUZZ,
    REFUSED,
    Guard,
    expect_refusal,
    far_dates,
    nasty_text,
    nfc_clean,
    phones,
    row,
)

MODELS = (Ticket, Customer, Product, TicketEvent, AuditRecord, Complaint, CustomerKey, Visit)
_serials = itertools.count(1)


class Baseline(Guard):
    """A ticket taken before the fuzzing; it must never change."""

    def __init__(self, db: Database, clerk: Actor) -> None:
        self.clerk = clerk
        with db.write() as s:
            self.ticket_id = intake.take_intake(s, clerk, fridge_form(serial="BASE-1"), now=NOW).ticket_id
        super().__init__(db, MODELS)

    def rows(self, session: Session) -> dict[str, Any]:
        t = session.get(Ticket, self.ticket_id)
        assert t is not None
        return {"ticket": row(t), "customer": row(t.customer), "product": row(t.product)}

    def intake(self, form: IntakeForm, fields: list[str]) -> Any:
        return self.write(lambda s: intake.take_intake(s, self.clerk, form, now=NOW), fields)


@pytest.fixture
def base(db: Database, users: tuple[Actor, Actor]) -> Baseline:
    return Baseline(db, users[1])


def _unique_form(**changes: Any) -> IntakeForm:
    """A fresh customer and product each time (a phone and serial of their own)."""
    n = next(_serials)
    values: dict[str, Any] = {"phone": f"139{n % 10**8:08d}", "serial": f"FZ-{n}", "name": f"客户{n}"}
    values.update(changes)
    return fridge_form(**values)


def _stored(db: Database, ticket_id: int, fieldname: str) -> Any:
    with db.read() as s:
        t = s.get(Ticket, ticket_id)
        assert t is not None
        if fieldname in ("name",):
            return t.customer.name
        if fieldname in ("brand", "model", "serial", "invoice_no", "card_edition", "purchase_date",
                         "card_stamp_date", "factory_date", "card_whole_unit_months", "card_component_months"):
            return getattr(t.product, fieldname)
        if fieldname == "what_happened":
            return s.scalar(select(Complaint.what_happened).where(Complaint.ticket_id == ticket_id))
        return getattr(t, fieldname)


TEXT_FIELDS = ["name", "address", "area", "brand", "model", "serial", "invoice_no", "card_edition", "fault",
               "request", "condition_note"]


@pytest.mark.parametrize("fieldname", TEXT_FIELDS)
def test_intake_text_field(db: Database, users: tuple[Actor, Actor], base: Baseline, fieldname: str) -> None:

    @FUZZ
    @given(value=nasty_text)
    def run(value: str) -> None:
        changes: dict[str, Any] = {fieldname: value}
        if fieldname == "name" and not nfc_clean(value):
            changes["name"] = value  # the phone still reaches the customer
        result = base.intake(_unique_form(**changes), [fieldname])
        if result is REFUSED:
            return
        stored = _stored(db, result.ticket_id, fieldname)
        expected = nfc_clean(value)
        if fieldname in ("address", "area") and not expected:
            expected = stored  # an empty one falls back to the customer's
        assert stored == expected, (value, stored)
        base.refresh()

    run()


@pytest.mark.parametrize("fieldname", ["what_happened", "related_ticket"])
def test_complaint_and_inquiry_text(db: Database, users: tuple[Actor, Actor], base: Baseline, fieldname: str) -> None:
    kind = intake.COMPLAINT if fieldname == "what_happened" else intake.INQUIRY

    @FUZZ
    @given(value=nasty_text)
    def run(value: str) -> None:
        form = IntakeForm(channel=intake.PHONE, kind=kind, name="王五", phone="13900001111",
                          what_happened="It broke" if kind == intake.COMPLAINT else "")
        setattr(form, fieldname, value)
        result = base.intake(form, [fieldname])
        if result is REFUSED:
            return
        if fieldname == "what_happened":
            assert _stored(db, result.ticket_id, fieldname) == nfc_clean(value)
        base.refresh()

    run()


@pytest.mark.parametrize("fieldname", ["accessories", "condition"])
def test_intake_lists(db: Database, users: tuple[Actor, Actor], base: Baseline, fieldname: str) -> None:

    codes = st.sampled_from(sorted(intake.CONDITION_LABELS))

    @FUZZ
    @given(values=st.lists(st.one_of(codes, nasty_text), max_size=6))
    def run(values: list[str]) -> None:
        result = base.intake(_unique_form(**{fieldname: list(values)}), [fieldname])
        if result is REFUSED:
            assert fieldname == "condition" and set(values) - set(intake.CONDITION_LABELS) - {""}
            return
        stored = _stored(db, result.ticket_id, fieldname)
        if fieldname == "condition":  # codes of the checklist, kept as they are
            assert stored == [v for v in values if v]
        else:
            assert stored == [nfc_clean(v)[:intake.MAX_SHORT] for v in values if nfc_clean(v)], (values, stored)
        base.refresh()

    run()


@pytest.mark.parametrize("fieldname", ["purchase_date", "card_stamp_date", "factory_date"])
def test_intake_dates(db: Database, users: tuple[Actor, Actor], base: Baseline, fieldname: str) -> None:

    @FUZZ
    @given(value=far_dates)
    def run(value: date) -> None:
        changes: dict[str, Any] = {fieldname: value}
        if fieldname == "card_stamp_date":
            changes["card_shown"] = True
        result = base.intake(_unique_form(**changes), [fieldname])
        if result is REFUSED:
            return
        assert _stored(db, result.ticket_id, fieldname) == value
        base.refresh()

    run()


def test_intake_card_months(db: Database, users: tuple[Actor, Actor], base: Baseline) -> None:
    months = st.one_of(st.none(), st.integers(-10**12, 10**12), st.sampled_from([0, -1, 1200, 2**31, 2**63]))

    @FUZZ
    @given(whole=months, parts=st.dictionaries(st.one_of(st.sampled_from(["compressor", "whole_unit", ""]), nasty_text),
                                               st.integers(-10**12, 10**12), max_size=3))
    def run(whole: int | None, parts: dict[str, int]) -> None:
        form = _unique_form(card_shown=True, card_whole_unit_months=whole, card_component_months=dict(parts))
        result = base.intake(form, ["card_whole_unit_months", "card_component_months"])
        if result is REFUSED:
            return
        assert _stored(db, result.ticket_id, "card_whole_unit_months") == whole
        assert _stored(db, result.ticket_id, "card_component_months") == parts
        base.refresh()

    run()


def test_intake_phone(db: Database, users: tuple[Actor, Actor], base: Baseline) -> None:

    @FUZZ
    @given(value=phones)
    def run(value: str) -> None:
        form = _unique_form(phone=value)
        result = base.intake(form, ["phone", "name"])
        if result is REFUSED:
            return
        with db.read() as s:
            t = s.get(Ticket, result.ticket_id)
            assert t is not None
            phone = t.customer.phone
            if phone:
                assert phone.startswith("+") and phone[1:].isdigit() and phone.isascii(), phone
            elif value.strip():
                pytest.fail(f"{value!r} accepted but no phone kept")
            if phone and "phone" not in result.to_verify:
                assert customers.check_phone(value).valid
        base.refresh()

    run()


def test_intake_complaint_and_visit_times(db: Database, users: tuple[Actor, Actor], base: Baseline) -> None:
    times = st.times()

    @FUZZ
    @given(promised=st.one_of(st.none(), st.datetimes()), day=far_dates, start=times, end=times)
    def run(promised: datetime | None, day: date, start: time, end: time) -> None:
        form = IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="赵六", phone="13900002222",
                          what_happened="Rude technician", promised_answer_at=promised)
        result = base.intake(form, ["promised_answer_at"])
        if result is not REFUSED:
            with db.read() as s:
                got = s.scalar(select(Complaint.promised_answer_at).where(Complaint.ticket_id == result.ticket_id))
            if promised is not None:
                assert got == promised
            base.refresh()
        visit_form = _unique_form(channel=intake.PHONE, address="北京市海淀区", visit=VisitRequest(day, start, end))
        if base.intake(visit_form, ["visit"]) is not REFUSED:
            base.refresh()

    run()


def test_customer_search_and_update(db: Database, users: tuple[Actor, Actor], base: Baseline) -> None:
    """Find-as-you-type takes anything typed; updating a customer keeps the
    text and its search keys."""
    clerk = users[1]

    @FUZZ
    @given(typed=nasty_text, name=nasty_text)
    def run(typed: str, name: str) -> None:
        with db.read() as s:
            customers.search(s, typed)  # never raises
        phone_typed = "".join(ch for ch in typed if ch.isdigit())
        if phone_typed:
            with db.read() as s:
                customers.search(s, phone_typed)

        with db.write() as s:  # a customer of its own, then corrected at the next intake
            cid = intake.take_intake(s, clerk, _unique_form(name="临时"), now=NOW).customer_id
        base.refresh()
        result = base.intake(_unique_form(customer_id=cid, name=name), ["name"])
        if result is REFUSED:
            return
        with db.read() as s:
            c = s.get(Customer, cid)
            assert c is not None and result.customer_id == cid
            expected = nfc_clean(name) or "临时"
            assert c.name == expected
            if customers.normalize_name(expected) and not any(ch.isdigit() for ch in expected):
                assert cid in customers.find_customer_ids(s, expected, limit=10**6)
        base.refresh()

    run()


def test_check_phone_never_crashes() -> None:
    @FUZZ
    @given(value=phones)
    def run(value: str) -> None:
        try:
            check = customers.check_phone(value)
        except ValidationError as exc:
            expect_refusal(exc, ["phone"])
            return
        assert len(check.e164) <= 40 and len(check.display) <= 40
        assert check.e164 == "" or check.e164.startswith("+")

    run()


def test_visit_address_and_area(db: Database, base: Baseline) -> None:
    @FUZZ
    @given(address=nasty_text, area=nasty_text)
    def run(address: str, area: str) -> None:
        visit = VisitRequest(NOW.date(), time(9), time(12), address=address, area=area)
        result = base.intake(_unique_form(channel=intake.PHONE, address="北京市海淀区", area="海淀", visit=visit),
                             ["address", "area"])
        if result is REFUSED:
            return
        with db.read() as s:
            stored = s.execute(select(Visit.address, Visit.area).where(Visit.ticket_id == result.ticket_id)).one()
        assert tuple(stored) == (nfc_clean(address) or "北京市海淀区", nfc_clean(area) or "海淀")
        base.refresh()

    run()


def test_note_resolution_and_people(db: Database, users: tuple[Actor, Actor], base: Baseline) -> None:
    """A ticket's note, a complaint's resolution, and the technician and
    handler picked (one that does not exist is refused, not a foreign key error)."""
    manager, clerk = users
    people = st.one_of(st.none(), st.integers(1, 10**6), st.sampled_from([manager.id, clerk.id]))

    @FUZZ
    @given(note=nasty_text, resolution=nasty_text, technician=people, handler=people)
    def run(note: str, resolution: str, technician: int | None, handler: int | None) -> None:
        form = IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="孙七", phone="13900003333",
                          what_happened="Late", technician_id=technician, handler_id=handler)
        result = base.intake(form, ["technician", "handler"])
        if result is REFUSED:
            return
        base.refresh()
        if base.write(lambda s: intake.add_note(s, clerk, result.ticket_id, note, now=NOW), ["note"]) is not REFUSED:
            with db.read() as s:
                texts = s.scalars(select(TicketEvent.text).where(TicketEvent.ticket_id == result.ticket_id,
                                                                 TicketEvent.kind == "note")).all()
            assert texts == [nfc_clean(note)]
            base.refresh()
        with db.read() as s:
            complaint_id = s.scalar(select(Complaint.id).where(Complaint.ticket_id == result.ticket_id))
        assert complaint_id is not None
        closed = base.write(lambda s: complaints.close_complaint(s, manager, complaint_id, resolution, now=NOW),
                            ["resolution"])
        if closed is not REFUSED:
            assert base.fetch(Complaint, complaint_id).resolution == nfc_clean(resolution)
            base.refresh()

    run()
