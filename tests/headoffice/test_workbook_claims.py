"""The head-office workbook's claims to the makers (format 5): the claims
and old_parts sheets read back cell by cell, their totals what the Claims
page adds up, a workbook whose short is not claimed less paid refused, and
three shops consolidated into a per-maker summary."""

from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from frontdesk import settings
from frontdesk.claims import oldparts
from frontdesk.claims import service as claims
from frontdesk.db.engine import Database
from frontdesk.db.models import Ticket
from frontdesk.headoffice import schema
from frontdesk.headoffice.consolidate import WorkbookRefused, consolidate
from frontdesk.headoffice.export import export_workbook
from frontdesk.intake.repairs import PartReplaced
from frontdesk.money import ZERO
from frontdesk.users import Actor
from tests.claims.claim_helpers import add_maker, add_standard, repair, warranty_ticket
from tests.conftest import seed_users

D = Decimal
FROM, TO = date(2026, 11, 1), date(2026, 11, 30)
SEEN = datetime(2026, 12, 6, 9, 0)  # the export's moment: after the period, so late is counted as of 2026-11-30
THERM = PartReplaced("BX-THERM", "温控器", "NEW-1", "OLD-1")  # the maker wants it back (10 working days)
FAN = PartReplaced("BX-FAN-01", "风扇", "NEW-2", "OLD-2")
# Each claim of the worked standard: refrigerator medium 120.00, 18 km 25.00, the thermostat 10.00, the fan 8.00.
SERIALS = itertools.count(1)  # each repair a unit of its own
BOTH, ONE = D("163.00"), D("153.00")  # with both parts, with the fan only


@dataclass
class Shop:
    db: Database
    manager: Actor
    clerk: Actor
    code: str


@pytest.fixture
def shops(tmp_path: Path, sqlite_template: Path) -> Any:
    made: list[Shop] = []

    def make(code: str, makers: tuple[str, ...] = ("HAIER",)) -> Shop:
        path = tmp_path / f"{code}.sqlite"
        shutil.copy(sqlite_template, path)
        db = Database(f"sqlite:///{path}")
        manager, clerk = seed_users(db)
        with db.write() as s:
            settings.store(s, {"shop_code": code})
        brands = {"HAIER": ("Haier",), "MIDEA": ("Midea",)}
        for maker in makers:
            add_standard(db, manager, add_maker(db, maker, maker.title(), brands[maker]))
        shop = Shop(db, manager, clerk, code)
        made.append(shop)
        return shop

    yield make
    for shop in made:
        shop.db.dispose()


def repaired(shop: Shop, day: date, brand: str = "Haier", parts: tuple[PartReplaced, ...] = (THERM, FAN),
             order: str = "") -> int:
    """A claim drafted for a refrigerator repaired on ``day`` (taken in that morning): its id."""
    ticket = warranty_ticket(shop.db, shop.clerk, at=datetime.combine(day, datetime.min.time()).replace(hour=9),
                             brand=brand, serial=f"SN-{next(SERIALS):04d}", maker_order_no=order)
    repair(shop.db, shop.clerk, ticket, at=datetime.combine(day, datetime.min.time()).replace(hour=15),
           parts=parts)
    with shop.db.read() as s:
        claim = claims.claim_of_ticket(s, ticket)
        assert claim is not None
        return claim.id


def submit(shop: Shop, claim_id: int, no: str, on: date) -> None:
    with shop.db.write() as s:
        claims.submit_claim(s, shop.clerk, claim_id, no, on)


def settle(shop: Shop, claim_id: int, paid: str, reason: str, on: date) -> None:
    with shop.db.write() as s:
        claims.settle_claim(s, shop.manager, claim_id, D(paid), reason, on)


def ship(shop: Shop, maker: str, claim_ids: list[int], on: date) -> str:
    """The claims' parts that go back, shipped in one batch on ``on``: its number."""
    with shop.db.write() as s:
        batch = oldparts.open_batch(s, shop.clerk, maker, now=datetime.combine(on, datetime.min.time()))
        for claim_id in claim_ids:
            for label in oldparts.tag_labels(s, claim_number=claims.get_claim(s, claim_id).number):
                oldparts.scan_into_batch(s, shop.clerk, batch.id, label.tag)
        oldparts.ship_batch(s, shop.clerk, batch.id, on, "顺丰", "SF-1")
        return batch.number


def export(shop: Shop, path: Path) -> Path:
    return export_workbook(shop.db, shop.clerk, path, FROM, TO, now=SEEN).path


def rows(path: Path, sheet: str, columns: tuple[schema.Column, ...] | None = None) -> list[dict[str, Any]]:
    keys = [c.key for c in (columns or schema.SHEETS[sheet])]
    wb = load_workbook(str(path))
    return [dict(zip(keys, r, strict=True)) for r in wb[sheet].iter_rows(min_row=2, values_only=True)]


def money(value: Any) -> Decimal | None:
    return None if value is None else D(repr(value)).quantize(D("0.01"))


def ticket_no(shop: Shop, claim_id: int) -> str:
    with shop.db.read() as s:
        claim = claims.get_claim(s, claim_id)
        ticket = s.get(Ticket, claim.ticket_id)
        assert ticket is not None
        return ticket.number


def first_shop(make: Any) -> tuple[Shop, dict[str, int], str]:
    """S01: a claim drafted and never submitted (late; its thermostat owed and
    late), one paid short (its thermostat shipped in time), one rejected (no
    part back), one repaired in October (not in November's workbook)."""
    shop = make("S01")
    ids = {
        "late": repaired(shop, date(2026, 11, 10), order="HR-1"),  # Tuesday: due Friday 13th, parts Tuesday 24th
        "short": repaired(shop, date(2026, 11, 16)),
        "rejected": repaired(shop, date(2026, 11, 17), parts=(FAN,)),
        "october": repaired(shop, date(2026, 10, 20)),
    }
    submit(shop, ids["short"], "HC-2", date(2026, 11, 17))
    settle(shop, ids["short"], "143.00", "工时超标", date(2026, 11, 25))
    submit(shop, ids["rejected"], "HC-3", date(2026, 11, 23))  # due the 20th: submitted late
    settle(shop, ids["rejected"], "0", "超出保修期", date(2026, 11, 26))
    batch = ship(shop, "HAIER", [ids["short"]], date(2026, 11, 20))
    return shop, ids, batch


def test_the_claims_and_old_parts_sheets_cell_by_cell(shops: Any, tmp_path: Path) -> None:
    shop, ids, batch = first_shop(shops)
    path = export(shop, tmp_path / "S01.xlsx")
    t = {name: ticket_no(shop, claim_id) for name, claim_id in ids.items()}
    got = rows(path, "claims")
    assert got == [
        {"claim_no": "C2026-000001", "ticket_no": t["late"], "maker": "HAIER", "state": "drafted",
         "state_title": "Drafted", "repaired_on": datetime(2026, 11, 10), "claim_due": datetime(2026, 11, 13),
         "submitted_on": None, "maker_claim_no": None, "service_order_no": "HR-1", "amount_claimed": 163,
         "amount_paid": None, "short": 0, "result_reason": None, "appeal_due": None, "late": True},
        {"claim_no": "C2026-000002", "ticket_no": t["short"], "maker": "HAIER", "state": "paid_short",
         "state_title": "Paid short", "repaired_on": datetime(2026, 11, 16), "claim_due": datetime(2026, 11, 19),
         "submitted_on": datetime(2026, 11, 17), "maker_claim_no": "HC-2", "service_order_no": None,
         "amount_claimed": 163, "amount_paid": 143, "short": 20, "result_reason": "工时超标",
         "appeal_due": datetime(2026, 12, 2), "late": False},
        {"claim_no": "C2026-000003", "ticket_no": t["rejected"], "maker": "HAIER", "state": "rejected",
         "state_title": "Rejected", "repaired_on": datetime(2026, 11, 17), "claim_due": datetime(2026, 11, 20),
         "submitted_on": datetime(2026, 11, 23), "maker_claim_no": "HC-3", "service_order_no": None,
         "amount_claimed": 153, "amount_paid": 0, "short": 153, "result_reason": "超出保修期",
         "appeal_due": datetime(2026, 12, 3), "late": True},
    ]
    parts = rows(path, "old_parts")
    assert parts == [
        {"tag": "P2026-000001", "claim_no": "C2026-000001", "ticket_no": t["late"], "maker": "HAIER",
         "part_no": "BX-THERM", "old_serial": "OLD-1", "must_return": True, "return_due": datetime(2026, 11, 24),
         "batch_no": None, "shipped_on": None, "late": True},
        {"tag": "P2026-000002", "claim_no": "C2026-000001", "ticket_no": t["late"], "maker": "HAIER",
         "part_no": "BX-FAN-01", "old_serial": "OLD-2", "must_return": False, "return_due": None, "batch_no": None,
         "shipped_on": None, "late": False},
        {"tag": "P2026-000003", "claim_no": "C2026-000002", "ticket_no": t["short"], "maker": "HAIER",
         "part_no": "BX-THERM", "old_serial": "OLD-1", "must_return": True, "return_due": datetime(2026, 11, 30),
         "batch_no": batch, "shipped_on": datetime(2026, 11, 20), "late": False},
        {"tag": "P2026-000004", "claim_no": "C2026-000002", "ticket_no": t["short"], "maker": "HAIER",
         "part_no": "BX-FAN-01", "old_serial": "OLD-2", "must_return": False, "return_due": None, "batch_no": None,
         "shipped_on": None, "late": False},
        {"tag": "P2026-000005", "claim_no": "C2026-000003", "ticket_no": t["rejected"], "maker": "HAIER",
         "part_no": "BX-FAN-01", "old_serial": "OLD-2", "must_return": False, "return_due": None, "batch_no": None,
         "shipped_on": None, "late": False},
    ]
    # money as money, dates as dates; the schema sheet says so and names version 5
    wb = load_workbook(str(path))
    keys = [c.key for c in schema.SHEETS["claims"]]
    cell = wb["claims"][f"{get_column_letter(keys.index('amount_claimed') + 1)}2"]
    assert cell.number_format != "General" and wb["claims"][f"{get_column_letter(keys.index('repaired_on') + 1)}2"].is_date
    described = {(r["sheet"], r["key"]): r for r in rows(path, "schema", schema.SCHEMA_COLUMNS)}
    assert described[("workbook", "format_version")]["value"] == "6"
    assert described[("claims", "amount_paid")]["type"] == "money" and described[("claims", "amount_paid")]["unit"] == "CNY"
    assert described[("claims", "late")]["value"].startswith("late as of 2026-11-30")
    codes = {(r["list"], r["key"]): r for r in rows(path, "codes", schema.CODES_COLUMNS)}
    assert codes[("claim_states", "paid_short")]["title_en"] == "Paid short"


def test_the_claims_sheet_adds_up_to_what_the_claims_page_shows(shops: Any, tmp_path: Path) -> None:
    shop, _ids, _batch = first_shop(shops)
    path = export(shop, tmp_path / "S01.xlsx")
    sheet = rows(path, "claims")
    with shop.db.read() as s:  # the page's rows, of the period's repairs
        page = [r for r in claims.list_claims(s, today=TO) if FROM <= r.repaired_on <= TO]
    # frontdesk/ui/claims.py totals_text's arithmetic
    shown = (sum((r.amount_claimed for r in page), ZERO), sum((r.amount_paid or ZERO for r in page), ZERO),
             sum((r.short for r in page if r.amount_paid is not None and r.state != claims.REJECTED), ZERO),
             sum((r.amount_claimed for r in page if r.state == claims.REJECTED), ZERO))
    book = (sum((money(r["amount_claimed"]) or ZERO for r in sheet), ZERO),
            sum((money(r["amount_paid"]) or ZERO for r in sheet), ZERO),
            sum((money(r["short"]) or ZERO for r in sheet if r["state"] != "rejected"), ZERO),
            sum((money(r["amount_claimed"]) or ZERO for r in sheet if r["state"] == "rejected"), ZERO))
    assert len(sheet) == len(page) == 3
    assert book == shown == (2 * BOTH + ONE, D("143.00"), D("20.00"), ONE)


def test_a_claims_sheet_whose_short_is_not_claimed_less_paid_is_refused(shops: Any, tmp_path: Path) -> None:
    shop, _ids, _batch = first_shop(shops)
    path = export(shop, tmp_path / "S01.xlsx")
    wb = load_workbook(str(path))
    column = get_column_letter([c.key for c in schema.SHEETS["claims"]].index("short") + 1)
    wb["claims"][f"{column}3"] = 2.0
    wb.save(str(path))
    with pytest.raises(WorkbookRefused) as refused:
        consolidate([path], tmp_path / "all.xlsx")
    assert str(refused.value.refusals[0]) == (
        f"{path}: claims!{column}3 says 2.00 short, claimed 163.00 less paid 143.00 is 20.00")


def test_three_shops_add_up_per_maker(shops: Any, tmp_path: Path) -> None:
    s01, _ids, _batch = first_shop(shops)
    s02 = shops("S02", ("HAIER", "MIDEA"))
    paid = repaired(s02, date(2026, 11, 2))  # its thermostat due back the 16th, still owed: late
    submit(s02, paid, "HC-9", date(2026, 11, 3))
    settle(s02, paid, "163.00", "", date(2026, 11, 20))
    shipped_late = repaired(s02, date(2026, 11, 3), brand="Midea")  # parts due the 17th, shipped the 18th
    submit(s02, shipped_late, "MD-1", date(2026, 11, 4))
    ship(s02, "MIDEA", [shipped_late], date(2026, 11, 18))
    s03 = shops("S03", ("MIDEA",))
    repaired(s03, date(2026, 11, 26), brand="Midea", parts=(FAN,))  # drafted, due 12-01: not late on 11-30
    files = [export(shop, tmp_path / f"{shop.code}.xlsx") for shop in (s01, s02, s03)]
    result = consolidate(files, tmp_path / "all.xlsx")
    assert result.rows["claims"] == 3 + 2 + 1 and result.rows["old_parts"] == 5 + 4 + 1
    got = rows(tmp_path / "all.xlsx", "claims_by_maker", schema.CLAIMS_BY_MAKER)
    assert [{k: money(v) if isinstance(v, float) else v for k, v in r.items()} for r in got] == [
        {"shop": "S01", "maker": "HAIER", "claims": 3, "claimed": 479, "paid": 143, "short": 20, "rejected": 153,
         "late": 2, "parts_owed": 1, "parts_late": 1},
        {"shop": "S02", "maker": "HAIER", "claims": 1, "claimed": 163, "paid": 163, "short": 0, "rejected": 0,
         "late": 0, "parts_owed": 1, "parts_late": 1},
        {"shop": "S02", "maker": "MIDEA", "claims": 1, "claimed": 163, "paid": 0, "short": 0, "rejected": 0,
         "late": 0, "parts_owed": 0, "parts_late": 1},
        {"shop": "S03", "maker": "MIDEA", "claims": 1, "claimed": 153, "paid": 0, "short": 0, "rejected": 0,
         "late": 0, "parts_owed": 0, "parts_late": 0},
    ]
    merged = rows(tmp_path / "all.xlsx", "claims", schema.consolidated_columns("claims"))
    assert [(r["shop"], r["claim_no"]) for r in merged] == [
        ("S01", "C2026-000001"), ("S01", "C2026-000002"), ("S01", "C2026-000003"),
        ("S02", "C2026-000001"), ("S02", "C2026-000002"), ("S03", "C2026-000001")]
    shops_sheet = {r["shop"]: r for r in rows(tmp_path / "all.xlsx", "shops", schema.SHOPS_COLUMNS)}
    assert [shops_sheet[c]["claims_rows"] for c in ("S01", "S02", "S03")] == [3, 2, 1]
