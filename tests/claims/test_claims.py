"""A claim for every in-warranty repair, and its states
(docs/rules.md#claims-to-the-makers): priced by hand-worked amounts, across
a change of standard, due in working days across a weekend and a holiday;
no claim (and the timeline says why) without a maker or a standard; the
old parts tagged; the states and their refusals; the flags; the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import select

from frontdesk import settings
from frontdesk.claims import pricing
from frontdesk.claims import service as claims
from frontdesk.claims.models import Claim, OldPart
from frontdesk.cli import EXIT_ERROR, EXIT_OK, main
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, RepairRecord, Ticket, TicketEvent
from frontdesk.errors import IllegalTransition, ValidationError
from frontdesk.intake import faults, states
from frontdesk.intake import service as intake
from frontdesk.intake.repairs import PartReplaced
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, fridge_form
from tests.claims.claim_helpers import (
    FRIDAY,
    add_maker,
    add_standard,
    repair,
    standard_lines,
    warranty_ticket,
)
from tests.conftest import CLERK_PIN

D = Decimal


@pytest.fixture
def shop(db: Database, users: tuple[Actor, Actor]) -> tuple[Database, Actor, Actor, int]:
    manager, clerk = users
    maker_id = add_maker(db)
    add_standard(db, manager, maker_id)
    return db, manager, clerk, maker_id


def claim_of(db: Database, ticket_id: int) -> Claim | None:
    with db.read() as s:
        claim = s.scalar(select(Claim).where(Claim.ticket_id == ticket_id))
        if claim is not None:
            s.expunge(claim)
        return claim


def claim_events(db: Database, ticket_id: int) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(TicketEvent.text).where(TicketEvent.ticket_id == ticket_id,
                                                             TicketEvent.kind == "claim").order_by(TicketEvent.id)))


def actions(db: Database, entity: str = "claim") -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditRecord.action).where(AuditRecord.entity == entity).order_by(AuditRecord.id)))


# -- pricing: hand-worked ---------------------------------------------------------------------------------------


def test_a_warranty_repair_is_claimed_by_hand_worked_amounts(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, maker_id = shop
    ticket = warranty_ticket(db, clerk, maker_order_no="HR-2026-778899")
    repair(db, clerk, ticket)
    claim = claim_of(db, ticket)
    assert claim is not None
    # medium labour 120.00 + 18 km in (10, 30] 25.00 + BX-THERM 10.00 + BX-FAN-01 by 'BX-*' 8.00 (not 'B*' 5.00)
    assert claim.amount_claimed == D("163.00")
    assert [(line["kind"], line["amount"], line["part_no"]) for line in claim.lines] == [
        ("labour", "120.00", ""), ("distance", "25.00", ""), ("part_handling", "10.00", "BX-THERM"),
        ("part_handling", "8.00", "BX-FAN-01")]
    assert claim.lines[0]["description"] == "冰箱中修"  # the refrigerator's line, not any category's 90.00
    assert (claim.number, claim.state, claim.maker_id, claim.level) == ("C2026-000001", "drafted", maker_id, "medium")
    assert claim.service_order_no == "HR-2026-778899"
    assert claim.distance_km == D("18.0")
    assert claim.repaired_on == date(2026, 11, 27)
    assert claim.claim_due == date(2026, 12, 2)  # Friday + 3 working days: Mon, Tue, Wed
    assert claim_events(db, ticket) == ["Claim C2026-000001 to Haier drafted: ¥163.00, to submit by 2026-12-02"]
    assert actions(db) == ["claim.draft"]
    with db.read() as s:
        assert s.scalar(select(RepairRecord.level).where(RepairRecord.ticket_id == ticket)) == "medium"
        assert s.get_one(Ticket, ticket).maker_order_no == "HR-2026-778899"


def test_the_old_parts_are_tagged_with_what_the_maker_wants_back(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket)
    with db.read() as s:
        parts = s.scalars(select(OldPart).order_by(OldPart.id)).all()
        got = [(p.tag, p.part_no, p.old_serial, p.new_serial, p.must_return, p.return_due) for p in parts]
        assert all(p.repair_part_id is not None and p.claim.ticket_id == ticket for p in parts)
    # return_days 10: Friday 27 Nov + 10 working days = Friday 11 Dec
    assert got == [("P2026-000001", "BX-THERM", "OLD-001", "NEW-001", True, date(2026, 12, 11)),
                   ("P2026-000002", "BX-FAN-01", "OLD-002", "NEW-002", False, None)]


def test_a_repair_after_a_new_standard_took_effect_is_priced_by_it(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, manager, clerk, maker_id = shop
    add_standard(db, manager, maker_id, date(2026, 11, 27), standard_lines(medium="150.00"), name="2026-12",
                 claim_days=5)
    before = warranty_ticket(db, clerk)
    after = warranty_ticket(db, clerk, serial="HA2309999999")
    repair(db, clerk, before, at=datetime(2026, 11, 26, 16, 0))  # Thursday: the old standard
    repair(db, clerk, after)  # Friday: the new one
    old, new = claim_of(db, before), claim_of(db, after)
    assert old is not None and new is not None
    assert old.amount_claimed == D("163.00") and old.claim_due == date(2026, 12, 1)  # Thu + 3: Fri, Mon, Tue
    assert new.amount_claimed == D("193.00")  # 150 + 25 + 10 + 8
    assert new.claim_due == date(2026, 12, 4)  # Fri + 5 working days
    assert new.standard_id != old.standard_id


def test_the_claim_deadline_skips_the_shops_holidays(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    with db.write() as s:
        settings.store(s, {"holidays": ["2026-12-01"]})  # a Tuesday off
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket)
    claim = claim_of(db, ticket)
    assert claim is not None and claim.claim_due == date(2026, 12, 3)  # Mon, (Tue off), Wed, Thu


def test_a_repair_at_the_counter_has_no_distance_line(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk, km=None)
    repair(db, clerk, ticket, parts=[PartReplaced("ZZ-9")], action=faults.REPLACED_PART)
    claim = claim_of(db, ticket)
    assert claim is not None
    assert claim.distance_km is None
    assert claim.amount_claimed == D("120.00")  # labour only: ZZ-9 matches no handling line
    with db.read() as s:
        part = s.scalars(select(OldPart)).one()
        assert (part.part_no, part.must_return, part.return_due) == ("ZZ-9", False, None)


def test_without_a_level_the_labour_is_claimed_at_nothing_and_the_list_says_so(
        shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket, level="")
    claim = claim_of(db, ticket)
    assert claim is not None and claim.amount_claimed == D("43.00")  # 25 + 10 + 8
    assert claim.lines[0] == {"kind": "labour", "description": "", "amount": "0.00", "part_no": "",
                              "missing": "level_missing"}
    assert claim_events(db, ticket)[1] == ("Claim C2026-000001: the repair level is missing, so its labour is claimed "
                                           "at 0. Set the level of the repair before submitting.")
    with db.read() as s:
        (row,) = claims.list_claims(s, today=date(2026, 11, 27))
    assert row.level_missing and row.amount_claimed == D("43.00")
    with db.write() as s, pytest.raises(ValidationError) as refused:
        claims.set_repair_level(s, clerk, claim.id, "", FRIDAY)
    assert refused.value.fields == {"level": "Pick the repair level: minor, medium or major."}
    with db.write() as s:
        claims.set_repair_level(s, clerk, claim.id, "medium", FRIDAY)
    claim = claim_of(db, ticket)
    assert claim is not None and claim.amount_claimed == D("163.00") and claim.level == "medium"
    with db.read() as s:
        (row,) = claims.list_claims(s, today=date(2026, 11, 27))
        assert s.scalar(select(RepairRecord.level).where(RepairRecord.ticket_id == ticket)) == "medium"
    assert not row.level_missing
    assert claim_events(db, ticket)[-1] == "Claim C2026-000001: repair level medium, claimed ¥163.00"
    assert actions(db) == ["claim.draft", "claim.level"]
    with db.write() as s:
        claims.submit_claim(s, clerk, claim.id, "HZ-1", date(2026, 11, 30))
    with db.write() as s, pytest.raises(IllegalTransition) as wrong:
        claims.set_repair_level(s, clerk, claim.id, "major", FRIDAY)
    assert wrong.value.message == ("Claim C2026-000001 is submitted: the repair level can be changed only before "
                                   "the claim is submitted.")


def test_a_level_not_known_is_refused(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk)
    with pytest.raises(ValidationError) as refused:
        repair(db, clerk, ticket, level="huge")
    assert refused.value.fields == {"level": "Pick the repair level: minor, medium or major."}
    assert claim_of(db, ticket) is None


# -- no claim ---------------------------------------------------------------------------------------------------


def test_no_claim_for_a_repair_out_of_warranty(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, manager, clerk, _maker = shop
    with db.write() as s:
        ticket = intake.take_intake(s, clerk, fridge_form(purchase_date=date(2019, 5, 1)), now=NOW).ticket_id
        intake.move(s, clerk, ticket, states.DIAGNOSING, now=NOW)
        intake.move(s, clerk, ticket, states.IN_REPAIR, "客户同意付费", approver=manager, now=NOW)
        assert s.get_one(Ticket, ticket).warranty_status == "out"
    repair(db, clerk, ticket)
    assert claim_of(db, ticket) is None
    assert claim_events(db, ticket) == []  # a paid repair: nothing to claim, nothing to say


def test_a_unit_partly_in_warranty_is_claimed_too(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, manager, clerk, _maker = shop
    with db.write() as s:  # bought 2025-03-01: the whole unit out, the compressor in
        ticket = intake.take_intake(s, clerk, fridge_form(), now=NOW).ticket_id
        intake.move(s, clerk, ticket, states.DIAGNOSING, now=NOW)
        intake.move(s, clerk, ticket, states.IN_REPAIR, "压缩机保内", approver=manager, now=NOW)
        assert s.get_one(Ticket, ticket).warranty_status == "partial"
    repair(db, clerk, ticket, parts=[PartReplaced("BX-COMP", "压缩机", "N1", "O1")])
    claim = claim_of(db, ticket)
    assert claim is not None and claim.amount_claimed == D("128.00")  # 120 + BX-* 8, no visit distance


def test_nothing_repaired_is_nothing_claimed(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    with db.write() as s:
        ticket = intake.take_intake(s, clerk, fridge_form(purchase_date=date(2026, 6, 1)), now=NOW).ticket_id
        intake.move(s, clerk, ticket, states.DIAGNOSING, now=NOW)
    repair(db, clerk, ticket, parts=(), action=faults.NO_FAULT)
    assert claim_of(db, ticket) is None and claim_events(db, ticket) == []


def test_no_claim_for_a_brand_no_maker_answers_for_and_the_timeline_says_why(
        shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk, brand="Siemens")
    repair(db, clerk, ticket)
    assert claim_of(db, ticket) is None
    assert claim_events(db, ticket) == ["No claim to a maker: no maker is set up for the brand Siemens. If the shop "
                                        "repairs this brand for a maker, a manager adds the brand to that maker."]


def test_a_brand_matches_its_maker_whatever_its_case_and_spaces(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk, brand=" CASARTE ")
    repair(db, clerk, ticket)
    assert claim_of(db, ticket) is not None


def test_a_shop_with_no_maker_at_all_writes_nothing(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket)
    assert claim_of(db, ticket) is None and claim_events(db, ticket) == []


def test_no_claim_without_a_standard_in_force_on_the_repair_date(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    maker_id = add_maker(db)
    add_standard(db, manager, maker_id, date(2026, 12, 1))
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket)
    assert claim_of(db, ticket) is None
    assert claim_events(db, ticket) == ["No claim to Haier: none of its settlement standards is in force on "
                                        "2026-11-27. A manager adds the standard in force that day."]


def test_the_maker_order_number_typed_later_reaches_the_claim(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket)
    with db.write() as s, pytest.raises(ValidationError) as refused:
        claims.set_maker_order_no(s, clerk, ticket, "9" * 61, FRIDAY)
    assert refused.value.fields == {
        "maker_order_no": "Maker's service order number is too long (61 characters, at most 60)."}
    with db.write() as s:
        claims.set_maker_order_no(s, clerk, ticket, " HR-1 ", FRIDAY)
    claim = claim_of(db, ticket)
    assert claim is not None and claim.service_order_no == "HR-1"
    assert actions(db, "ticket")[-1] == "ticket.maker_order_no"
    with db.write() as s, pytest.raises(ValidationError) as refused:
        intake.take_intake(s, clerk, fridge_form(maker_order_no="x" * 61), now=NOW)
    assert "maker_order_no" in refused.value.fields


# -- states ------------------------------------------------------------------------------------------------------


def test_a_claim_goes_from_drafted_to_settled_and_wrong_moves_are_refused(
        shop: tuple[Database, Actor, Actor, int]) -> None:
    db, manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket)
    claim = claim_of(db, ticket)
    assert claim is not None
    cid = claim.id
    with db.write() as s, pytest.raises(IllegalTransition) as wrong:
        claims.settle_claim(s, manager, cid, "163.00", "", date(2026, 12, 20))
    assert wrong.value.message == ("Claim C2026-000001 is drafted: the maker's answer is recorded on a "
                                  "submitted (or appealed) claim. Submit it first.")
    with db.write() as s, pytest.raises(ValidationError) as refused:
        claims.submit_claim(s, clerk, cid, "  ", date(2026, 11, 30))
    assert refused.value.fields == {"maker_claim_no": "Type the claim number the maker gave."}
    with db.write() as s:
        claims.submit_claim(s, clerk, cid, "HZ-55", date(2026, 11, 30))
    with db.write() as s, pytest.raises(IllegalTransition) as wrong:
        claims.submit_claim(s, clerk, cid, "HZ-56", date(2026, 11, 30))
    assert wrong.value.message == "Claim C2026-000001 is submitted: only a drafted claim can be submitted."
    with db.write() as s, pytest.raises(ValidationError) as refused:
        claims.settle_claim(s, manager, cid, "200.00", "", date(2026, 12, 20))
    assert refused.value.fields == {"amount_paid": "The maker paid ¥200.00, more than the ¥163.00 claimed: check "
                                                   "the amount."}
    with db.write() as s, pytest.raises(ValidationError) as refused:
        claims.settle_claim(s, manager, cid, "150.00", " ", date(2026, 12, 20))
    assert refused.value.fields == {"reason": "Write the maker's reason for paying less than claimed."}
    with db.write() as s, pytest.raises(ValidationError) as refused:
        claims.settle_claim(s, manager, cid, "0", "", date(2026, 12, 20))
    assert refused.value.fields == {"reason": "Write the maker's reason for rejecting the claim."}
    with db.write() as s, pytest.raises(ValidationError) as refused:
        claims.settle_claim(s, manager, cid, "-1.00", "x", date(2026, 12, 20))
    assert refused.value.fields == {"amount_paid": "The amount paid cannot be negative."}
    with db.write() as s:  # Friday 18 Dec: appeal_days 5 -> Friday 25 Dec
        claims.settle_claim(s, manager, cid, "155.00", "旧件未返还扣款", date(2026, 12, 18))
    claim = claim_of(db, ticket)
    assert claim is not None
    assert (claim.state, claim.amount_paid, claim.appeal_due) == ("paid_short", D("155.00"), date(2026, 12, 25))
    with db.read() as s:
        (row,) = claims.list_claims(s, today=date(2026, 12, 18))
    assert (row.short, row.flag) == (D("8.00"), "")
    with db.write() as s, pytest.raises(IllegalTransition) as wrong:
        claims.appeal_claim(s, manager, cid, date(2026, 12, 28))
    assert wrong.value.message == "Claim C2026-000001 can no longer be appealed: the maker's deadline was 2026-12-25."
    with db.write() as s:
        claims.appeal_claim(s, manager, cid, date(2026, 12, 25), "旧件已于12月10日寄出")
    with db.write() as s, pytest.raises(IllegalTransition) as wrong:
        claims.appeal_claim(s, manager, cid, date(2026, 12, 25))
    assert wrong.value.message == "Claim C2026-000001 is appealed: only a claim paid short or rejected can be appealed."
    with db.write() as s:  # the maker pays the rest on appeal
        claims.settle_claim(s, manager, cid, "163.00", "", date(2027, 1, 8))
        claims.close_claim(s, manager, cid, date(2027, 1, 8))
    claim = claim_of(db, ticket)
    assert claim is not None
    assert (claim.state, claim.amount_paid, claim.appeal_due, claim.closed_on) == (
        "settled", D("163.00"), None, date(2027, 1, 8))
    with db.write() as s, pytest.raises(IllegalTransition) as wrong:
        claims.close_claim(s, manager, cid, date(2027, 1, 9))
    assert wrong.value.message == ("Claim C2026-000001 is settled: only a claim the maker has answered can be "
                                  "settled.")
    assert actions(db) == ["claim.draft", "claim.submit", "claim.settle", "claim.appeal", "claim.settle",
                           "claim.close"]
    assert claim_events(db, ticket)[1:] == [
        "Claim C2026-000001 submitted to the maker as HZ-55",
        "Claim C2026-000001 paid short: ¥155.00 of ¥163.00 (旧件未返还扣款)",
        "Claim C2026-000001 appealed: 旧件已于12月10日寄出",
        "Claim C2026-000001 paid in full: ¥163.00",
        "Claim C2026-000001 settled"]


def test_a_rejected_claim_may_be_closed_without_appeal(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket)
    claim = claim_of(db, ticket)
    assert claim is not None
    with db.write() as s:
        claims.submit_claim(s, clerk, claim.id, "HZ-1", date(2026, 11, 30))
        rejected = claims.settle_claim(s, manager, claim.id, "0.00", "非保内故障", date(2026, 12, 18), appeal_days=2)
        assert (rejected.state, rejected.appeal_due) == ("rejected", date(2026, 12, 22))
        claims.close_claim(s, manager, claim.id, date(2026, 12, 23))
    with db.read() as s:
        (row,) = claims.list_claims(s, state="settled", today=date(2026, 12, 23))
    assert (row.amount_paid, row.short) == (D("0.00"), D("163.00"))


# -- flags -------------------------------------------------------------------------------------------------------


def test_a_drafted_claim_is_due_soon_then_late(shop: tuple[Database, Actor, Actor, int]) -> None:
    db, _manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket)  # due Wednesday 2 Dec
    claim = claim_of(db, ticket)
    assert claim is not None
    assert claims.claim_flags(claim, date(2026, 11, 25)) == ""  # Wed + 3 working days = Mon 30 Nov: not yet
    assert claims.claim_flags(claim, date(2026, 11, 27)) == "due_soon"  # Fri + 3 = Wed
    assert claims.claim_flags(claim, date(2026, 12, 2)) == "due_soon"  # the last day
    assert claims.claim_flags(claim, date(2026, 12, 3)) == "late"
    assert claims.claim_flags(claim, date(2026, 11, 27), soon_days=1) == ""
    with db.read() as s:
        assert [r.flag for r in claims.list_claims(s, today=date(2026, 12, 3))] == ["late"]
        assert claims.list_claims(s, today=date(2026, 12, 2), late_only=True) == []
    with db.write() as s:
        claims.submit_claim(s, clerk, claim.id, "HZ-1", date(2026, 12, 3))  # late, but in
    claim = claim_of(db, ticket)
    assert claim is not None and claims.claim_flags(claim, date(2026, 12, 9)) == ""


# -- the command line --------------------------------------------------------------------------------------------


def two_claims(db: Database, manager: Actor, clerk: Actor) -> None:
    midea = add_maker(db, "MIDEA", "Midea", ("Midea", "Little Swan"))
    add_standard(db, manager, midea)
    first = warranty_ticket(db, clerk, maker_order_no="=HYPERLINK(\"http://x\")")
    second = warranty_ticket(db, clerk, serial="MD000111", brand="Little Swan")
    repair(db, clerk, first)
    repair(db, clerk, second, at=datetime(2026, 11, 30, 10, 0), level="")
    claim = claim_of(db, first)
    assert claim is not None
    with db.write() as s:
        claims.submit_claim(s, clerk, claim.id, "HZ-9", date(2026, 11, 30))
        claims.settle_claim(s, manager, claim.id, "150.00", "扣款", date(2026, 12, 18))


def test_the_command_line_lists_the_claims_with_their_totals(
        shop: tuple[Database, Actor, Actor, int], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db, manager, clerk, _maker = shop
    two_claims(db, manager, clerk)
    monkeypatch.setattr("frontdesk.clock.now", lambda: datetime(2026, 12, 18, 12, 0))
    url = db.url
    assert main(["claims", "list", "--db", url]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "Claim\tTicket\tMaker\tState\tRepaired on\tClaim due\tDeadline\tClaimed\tPaid\tShort\tNote",
        "C2026-000001\tT2026-000001\tHAIER\tPaid short\t2026-11-27\t2026-12-02\t\t163.00\t150.00\t13.00\t",
        "C2026-000002\tT2026-000002\tMIDEA\tDrafted\t2026-11-30\t2026-12-03\tLate\t43.00\t\t0.00\t"
        "Repair level missing: labour claimed at 0",
        "Total\t2 claims\t\t\t\t\t\t206.00\t150.00\t13.00\t"]
    assert main(["claims", "list", "--db", url, "--maker", "midea", "--late"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["Claim", "C2026-000002", "Total"]
    assert main(["claims", "list", "--db", url, "--state", "paid_short"]) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main(["claims", "list", "--db", url, "--maker", "GREE"]) == EXIT_ERROR
    assert capsys.readouterr().err.strip() == "frontdesk: No maker has the code GREE: a manager adds it first (frontdesk makers add)."
    assert main(["claims", "list", "--db", url, "--state", "lost"]) == EXIT_ERROR
    assert capsys.readouterr().err.strip() == ("frontdesk: Unknown claim state lost: use one of drafted, submitted, "
                                               "paid, paid_short, rejected, appealed, settled.")


def test_the_command_line_exports_typed_cells_never_a_formula(
        shop: tuple[Database, Actor, Actor, int], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    db, manager, clerk, _maker = shop
    two_claims(db, manager, clerk)
    monkeypatch.setattr("frontdesk.clock.now", lambda: datetime(2026, 12, 18, 12, 0))
    out = tmp_path / "claims.xlsx"
    assert main(["claims", "export", str(out), "--db", db.url, "--maker", "HAIER"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == str(out)
    ws = openpyxl.load_workbook(out)["claims"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0][:3] == ["Claim", "Ticket", "Maker"]
    assert rows[1][:7] == ["C2026-000001", "T2026-000001", "HAIER", "Paid short", datetime(2026, 11, 27),
                           datetime(2026, 12, 2), None]
    assert rows[1][9:] == [163, 150, 13]
    assert rows[2][0] == "Total" and rows[2][9:] == [163, 150, 13]
    order_cell = ws.cell(row=2, column=8)
    assert order_cell.value == "=HYPERLINK(\"http://x\")" and order_cell.data_type == "s"  # text, never a formula
    assert len(rows) == 3


# -- pricing: properties -----------------------------------------------------------------------------------------


@dataclass
class Line:
    kind: str
    amount: Decimal
    category: str = "*"
    level: str = ""
    km_from: Decimal | None = None
    km_to: Decimal | None = None
    part_no: str = ""
    return_part: bool = False
    description: str = ""


@dataclass
class Standard:
    lines: list[Line]


cents = st.integers(min_value=0, max_value=1_000_000).map(lambda n: Decimal(n).scaleb(-2))
categories = st.sampled_from(["refrigerator", "washer", "*"])
levels = st.sampled_from(["minor", "medium", "major"])
part_nos = st.sampled_from(["BX-THERM", "BX-FAN", "BX-*", "B*", "ZZ-1", "ZZ-*"])
lines = st.one_of(
    st.builds(Line, kind=st.just("labour"), amount=cents, category=categories, level=levels),
    st.builds(Line, kind=st.just("distance"), amount=cents,
              km_from=st.integers(0, 50).map(Decimal), km_to=st.integers(0, 80).map(Decimal)),
    st.builds(Line, kind=st.just("part_handling"), amount=cents, part_no=part_nos, return_part=st.booleans()),
)


@hsettings(max_examples=150, deadline=None)
@given(st.lists(lines, max_size=12), st.sampled_from(["refrigerator", "washer"]), levels,
       st.one_of(st.none(), st.integers(0, 90).map(Decimal)),
       st.lists(st.sampled_from(["BX-THERM", "BX-FAN", "BX-FAN-2", "ZZ-1", "QQ"]), max_size=4))
def test_a_price_is_the_sum_of_its_lines_and_an_exact_category_beats_any(
        std_lines: list[Line], category: str, level: str, km: Decimal | None, parts: list[str]) -> None:
    price = pricing.price_claim(Standard(std_lines), category, level, km, parts)
    assert price.total == sum((line.amount for line in price.lines), Decimal("0.00"))
    assert len(price.parts) == len(parts)
    labour = [line for line in price.lines if line.kind == "labour"]
    exact = [line for line in std_lines if line.kind == "labour" and line.category == category and line.level == level]
    any_ = [line for line in std_lines if line.kind == "labour" and line.category == "*" and line.level == level]
    if exact:
        assert labour[0].amount == exact[0].amount
    elif any_:
        assert labour[0].amount == any_[0].amount
    else:
        assert labour == [] and price.notes == (pricing.NO_LABOUR_LINE,)
    if km is None:
        assert not any(line.kind == "distance" for line in price.lines)


def test_the_longest_prefix_wins_and_an_exact_part_number_beats_it() -> None:
    std = Standard([Line("part_handling", D("5.00"), part_no="B*"), Line("part_handling", D("8.00"), part_no="BX-*"),
                    Line("part_handling", D("10.00"), part_no="BX-THERM", return_part=True),
                    Line("distance", D("25.00"), km_from=D("10"), km_to=D("30"))])
    price = pricing.price_claim(std, "refrigerator", "", D("10"), ["bx-therm", "BX-FAN", "BOLT", "QQ"])
    assert [(p.part_no, p.amount, p.must_return) for p in price.parts] == [
        ("bx-therm", D("10.00"), True), ("BX-FAN", D("8.00"), False), ("BOLT", D("5.00"), False), ("QQ", None, False)]
    assert price.total == D("23.00")  # 10 km is not in (10, 30]; no level: no labour
    assert price.notes == (pricing.LEVEL_MISSING,)


def test_the_command_line_acts_on_a_claim_with_the_users_pin(
        shop: tuple[Database, Actor, Actor, int], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db, manager, clerk, _maker = shop
    ticket = warranty_ticket(db, clerk)
    repair(db, clerk, ticket, level="")  # no level: labour claimed at 0 until it is set
    monkeypatch.setattr("frontdesk.clock.now", lambda: datetime(2026, 11, 30, 9, 0))
    url = db.url
    monkeypatch.setenv("FRONTDESK_PIN", CLERK_PIN)
    assert main(["claims", "order-no", "T2026-000001", "HR-55", "--db", url, "--user", "clerk"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == "Ticket T2026-000001: maker's service order number HR-55."
    assert main(["claims", "level", "c2026-000001", "medium", "--db", url, "--user", "clerk"]) == EXIT_OK
    claim = claim_of(db, ticket)
    assert claim is not None and claim.level == "medium" and claim.service_order_no == "HR-55"
    assert capsys.readouterr().out.strip() == f"Claim C2026-000001: Drafted, claimed {claim.amount_claimed:.2f}."
    assert main(["claims", "appeal", "C2026-000001", "--db", url, "--user", "clerk"]) == EXIT_ERROR
    assert capsys.readouterr().err.strip() == ("frontdesk: Claim C2026-000001 is drafted: only a claim paid short "
                                               "or rejected can be appealed.")
    assert main(["claims", "submit", "C2026-000001", "HZ-1", "--on", "2026-11-30", "--db", url,
                 "--user", "clerk"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Claim C2026-000001: Submitted, claimed")
    with db.write() as s:
        claims.settle_claim(s, manager, claim.id, "100.00", "里程不符", date(2026, 12, 10))
    assert main(["claims", "appeal", "C2026-000001", "--note", "里程有派工单为证", "--on", "2026-12-11",
                 "--db", url, "--user", "clerk"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Claim C2026-000001: Appealed")
    monkeypatch.setenv("FRONTDESK_PIN", "0000")
    assert main(["claims", "settle", "C2026-000001", "--db", url, "--user", "clerk"]) == EXIT_ERROR
    capsys.readouterr()
    monkeypatch.setenv("FRONTDESK_PIN", CLERK_PIN)
    assert main(["claims", "settle", "C2026-000001", "--db", url, "--user", "clerk"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Claim C2026-000001: Settled")
    assert main(["claims", "submit", "C2026-000099", "X", "--db", url, "--user", "clerk"]) == EXIT_ERROR
    assert capsys.readouterr().err.strip() == "frontdesk: No claim is numbered C2026-000099."
    assert actions(db)[-5:] == ["claim.level", "claim.submit", "claim.settle", "claim.appeal", "claim.close"]
    with db.read() as s:
        who = s.scalars(select(AuditRecord.user_id).where(AuditRecord.action == "claim.appeal")).all()
    assert who == [clerk.id]
