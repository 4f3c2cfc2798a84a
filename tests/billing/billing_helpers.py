"""Helpers for the billing tests (imported as tests.billing.billing_helpers): a schedule, card editions and tickets out
of (or partly in) warranty, ready to quote."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from frontdesk import settings
from frontdesk.billing import schedules
from frontdesk.billing.cards import CardEditionDraft, CardLineDraft, save_card_edition
from frontdesk.billing.pricing import QuoteItem
from frontdesk.billing.quotes import approve_quote, make_quote
from frontdesk.db.engine import Database
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.intake.service import IntakeForm
from frontdesk.users import Actor
from tests.conftest import CLERK_PIN, MANAGER_PIN  # noqa: F401  (for the tests' imports)

D = Decimal
NOW = datetime(2026, 11, 24, 10, 0)


def fridge_form(**changes: object) -> IntakeForm:
    """A refrigerator bought 2025-03-01 (invoice shown): on 2026-11-24 out of
    warranty for the whole unit (12 months), in for the compressor (36)."""
    form = IntakeForm(
        channel=intake.WALK_IN, kind=intake.REPAIR, name="张三", phone="13812345678",
        category="refrigerator", brand="Haier", model="BCD-470WDPG", serial="HA2301234567",
        purchase_date=date(2025, 3, 1), invoice_shown=True, fault="冷藏室不制冷", request="维修",
    )
    for key, value in changes.items():
        assert hasattr(form, key), key
        setattr(form, key, value)
    return form


def schedule_draft(effective: date = date(2026, 1, 1), name: str = "2026", labour: str = "120.00",
                   visit: str = "30.00", part: str = "200.00") -> schedules.ScheduleDraft:
    F = schedules.FeeLineDraft
    return schedules.ScheduleDraft(name=name, effective_from=effective, note="test", lines=[
        F("labour", D("50.00"), "refrigerator", "minor", "小修"),
        F("labour", D(labour), "refrigerator", "medium", "中修"),
        F("labour", D("220.00"), "refrigerator", "major", "大修"),
        F("labour", D("80.00"), "*", "medium", "通用中修"),
        F("visit", D(visit), "*", "", "上门费", free_km=D("10"), per_km=D("2.00")),
        F("transport", D("80.00"), "refrigerator", "", "拉修"),
        F("inspection", D("30.00"), "*", "", "检测费"),
        F("part", D(part), "refrigerator", "BX-THERM", "温控器"),
        F("part", D("680.00"), "refrigerator", "BX-COMP", "压缩机", component="compressor"),
        F("software_setup", D("50.00"), "*", "", "软件设置"),
    ])


def add_schedule(db: Database, manager: Actor, includes_tax: bool = False, **kw: object) -> int:
    """The test schedule, saved by a shop that prices before tax (the
    worked example: 310 + 13 % = 350.30) or, ``includes_tax``, with VAT in
    its prices (the shop's setting is set to match)."""
    with db.write() as s:
        settings.store(s, {"prices_include_tax": includes_tax})
        return schedules.save_schedule(s, manager, schedule_draft(**kw), now=NOW).id  # type: ignore[arg-type]


def add_card(db: Database, manager: Actor, bundle: bool = False, brand: str = "Haier",
             edition: str = "2024版", includes_tax: bool = False) -> int:
    lines = [
        CardLineDraft("labour", D("80.00"), "medium", "维修费", ["visit"] if bundle else []),
        CardLineDraft("part", D("220.00"), "BX-THERM", "温控器"),
    ]
    if not bundle:
        lines.append(CardLineDraft("visit", D("60.00"), "", "上门费"))
    with db.write() as s:
        return save_card_edition(s, manager, CardEditionDraft(brand, "refrigerator", edition, "", lines,
                                                              includes_tax=includes_tax), now=NOW).id


def diagnosing_ticket(db: Database, clerk: Actor, at: datetime = NOW, **changes: object) -> int:
    with db.write() as s:
        result = intake.take_intake(s, clerk, fridge_form(**changes), now=at)
        intake.move(s, clerk, result.ticket_id, states.DIAGNOSING, now=at)
        return result.ticket_id


WORKED = [QuoteItem("labour", "medium"), QuoteItem("visit"), QuoteItem("part", "BX-THERM")]


def approved_ticket(db: Database, manager: Actor, clerk: Actor, card: bool = True) -> tuple[int, int]:
    """A ticket with the worked example approved: total 310 + 13 % = 350.30."""
    add_schedule(db, manager)
    card_id = add_card(db, manager) if card else None
    ticket_id = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote = make_quote(s, clerk, ticket_id, WORKED, card_edition_id=card_id, now=NOW)
        approve_quote(s, clerk, quote.id, now=NOW)
        return ticket_id, quote.id

