"""The head-office workbook, format 2: a ticket's steps, fault, action and
parts; deposits as their own rows and kept out of "paid"; overdue loans
counted as of the period's end or the export, whichever is earlier; and
consolidation refusing a workbook that disagrees with itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from frontdesk import i18n, pickup
from frontdesk.billing import payments, quotes
from frontdesk.db.engine import Database
from frontdesk.headoffice import schema
from frontdesk.headoffice.consolidate import WorkbookRefused, consolidate
from frontdesk.headoffice.deposits import (
    DEPOSIT_APPLIED,
    DEPOSIT_DAMAGE,
    DEPOSIT_REFUND,
    DEPOSIT_TAKEN,
    LoanFact,
    ReceiptFact,
    ticket_money,
)
from frontdesk.headoffice.export import export_workbook, overdue_as_of, parts_text
from frontdesk.intake import faults, repairs, states
from frontdesk.intake import service as intake
from frontdesk.intake.repairs import PartReplaced, RepairResult
from frontdesk.loaners import service as loaners
from frontdesk.users import Actor
from tests.billing.billing_helpers import WORKED, add_schedule, diagnosing_ticket
from tests.conftest import seed_users
from tests.loaners.loaner_helpers import add_units

D = Decimal
NOW = datetime(2026, 11, 24, 10, 0)  # a Tuesday
FROM, TO = date(2026, 11, 1), date(2026, 11, 30)
SEEN = datetime(2026, 11, 27, 9, 0)  # the export's moment: before the period ends
MAIN = "main"


@dataclass
class Shop:
    db: Database
    manager: Actor
    clerk: Actor
    tickets: dict[str, int]
    total: Decimal  # the repaired ticket's approved quote


@pytest.fixture
def shop(sqlite_db: Database) -> Iterator[Shop]:
    """Five tickets: one quoted, approved, repaired (two kinds of part) and
    picked up, whose loaner deposit went toward the bill; a deposit refunded;
    one kept for damage; one still held on a loan past due; a loan without a
    deposit not yet due."""
    db = sqlite_db
    manager, clerk = seed_users(db)
    add_schedule(db, manager)
    add_units(db, manager, "LN-1", "LN-2", "LN-3", "LN-4", "LN-5")
    t = {name: diagnosing_ticket(db, clerk, serial=f"SN-{name}", phone=f"1380013800{n}")
         for n, name in enumerate(("repaired", "refunded", "kept", "held", "free"))}
    with db.write() as s:
        loaners.lend(s, clerk, t["repaired"], "LN-1", date(2026, 11, 28), "良好", D("200"), now=NOW, counter=MAIN)
        loaners.lend(s, clerk, t["refunded"], "LN-2", date(2026, 11, 28), "良好", D("300"), now=NOW, counter=MAIN)
        loaners.lend(s, clerk, t["kept"], "LN-3", date(2026, 11, 28), "良好", D("150"), now=NOW, counter=MAIN)
        loaners.lend(s, clerk, t["held"], "LN-4", date(2026, 11, 25), "良好", D("100"), now=NOW, counter=MAIN)
        loaners.lend(s, clerk, t["free"], "LN-5", date(2026, 11, 28), "良好", None, now=NOW, counter=MAIN)
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, t["repaired"], WORKED, now=NOW + timedelta(hours=1))
        quotes.approve_quote(s, clerk, quote.id, now=NOW + timedelta(hours=2))
        total = quote.total
        intake.move(s, clerk, t["repaired"], states.IN_REPAIR, now=NOW + timedelta(hours=3))
    with db.write() as s:
        repairs.record_repair(s, clerk, t["repaired"], RepairResult("no_cooling", faults.REPLACED_PART, "换压缩机", [
            PartReplaced("BX-COMP", "compressor", "N1", "O1"), PartReplaced("CAP-1", "capacitor", "N2", "O2"),
            PartReplaced("CAP-1", "capacitor", "N3", "O3")]), now=NOW + timedelta(days=1))
        pickup.mark_ready(s, clerk, t["repaired"], now=NOW + timedelta(days=1, hours=2))
    with db.write() as s:  # a payment voided keeps its number; the deposit pays the rest of the bill
        wrong = payments.take_payment(s, clerk, t["repaired"], payments.CASH, D("100"),
                                      now=NOW + timedelta(days=2), counter=MAIN)
        payments.void_receipt(s, manager, wrong.id, "typed the wrong amount", now=NOW + timedelta(days=2))
        payments.take_payment(s, clerk, t["repaired"], payments.CARD, total - D("200"),
                              now=NOW + timedelta(days=2, minutes=5), counter=MAIN)
        payments.apply_deposit(s, clerk, t["repaired"], D("200"), now=NOW + timedelta(days=2, minutes=6),
                               counter=MAIN)  # the customer asks
    with db.write() as s:
        loaners.return_loan(s, clerk, "LN-1", "良好", now=NOW + timedelta(days=2, minutes=10), counter=MAIN)
        loaners.return_loan(s, clerk, "LN-2", "良好", now=NOW + timedelta(days=2, minutes=20), counter=MAIN)
        loaners.return_loan(s, clerk, "LN-3", "外壳破裂", "外壳破裂", keep_deposit=True, approver=manager,
                            now=NOW + timedelta(days=2, minutes=30), counter=MAIN)
        pickup.pick_up(s, clerk, t["repaired"], [], now=NOW + timedelta(days=2, hours=1))
    yield Shop(db, manager, clerk, t, total)


def rows(path: Path, sheet: str) -> list[dict[str, Any]]:
    keys = [c.key for c in (schema.SCHEMA_COLUMNS if sheet == "schema" else schema.SHEETS[sheet])]
    wb = load_workbook(str(path))
    return [dict(zip(keys, r, strict=False)) for r in wb[sheet].iter_rows(min_row=2, values_only=True)]


def money(value: Any) -> Decimal:
    return D(repr(value)).quantize(D("0.01")) if value is not None else D("0.00")


def export(shop: Shop, path: Path, now: datetime = SEEN, **kw: Any) -> Path:
    return export_workbook(shop.db, shop.clerk, path, kw.pop("date_from", FROM), kw.pop("date_to", TO), now=now,
                           **kw).path


def by_ticket(path: Path, sheet: str) -> dict[str, dict[str, Any]]:
    return {r["ticket_no"]: r for r in rows(path, sheet)}


def number(shop: Shop, name: str) -> str:
    with shop.db.read() as s:
        return intake.get_ticket(s, shop.tickets[name]).number


def test_the_tickets_sheet_has_each_steps_date_the_fault_the_action_and_the_parts(shop: Shop, tmp_path: Path) -> None:
    book = export(shop, tmp_path / "shop.xlsx")
    row = by_ticket(book, "tickets")[number(shop, "repaired")]
    assert row["intake_at"] == NOW
    assert row["quoted_at"] == NOW + timedelta(hours=1)
    assert row["approved_at"] == NOW + timedelta(hours=2)
    assert row["repaired_at"] == NOW + timedelta(days=1)
    assert row["ready_at"] == NOW + timedelta(days=1, hours=2)
    assert row["picked_up_at"] == row["closed_at"] == NOW + timedelta(days=2, hours=1)
    assert row["fault_category"] == "no_cooling" and row["repair_action"] == faults.REPLACED_PART  # for machines
    assert row["fault_category_title"] == "Not cooling" and row["repair_action_title"] == "Replaced a part"
    assert row["parts_replaced"] == "compressor ×1; capacitor ×2" and row["parts_count"] == 3
    assert row["state"] == states.CLOSED
    # The deposit the customer left toward the bill is paid; the voided payment is not.
    assert money(row["total_charged"]) == shop.total and money(row["total_paid"]) == shop.total
    waiting = by_ticket(book, "tickets")[number(shop, "held")]
    assert [waiting[k] for k in ("quoted_at", "approved_at", "repaired_at", "ready_at", "picked_up_at")] == [None] * 5
    assert waiting["fault_category"] is None and waiting["parts_count"] is None  # blank, not the key or 0
    titles = [c.value for c in load_workbook(str(book))["tickets"][1]]
    assert {"Quoted", "Approved", "Repaired", "Ready for pick-up", "Picked up", "Fault category", "Action taken",
            "Parts replaced"} <= set(titles)


def test_fault_and_action_are_written_in_the_workbooks_language(shop: Shop, tmp_path: Path) -> None:
    book = export(shop, tmp_path / "zh.xlsx", language="zh_CN")
    row = by_ticket(book, "tickets")[number(shop, "repaired")]
    with i18n.using("zh_CN"):
        assert row["fault_category_title"] == faults.fault_label("no_cooling") == "不制冷"
        assert row["repair_action_title"] == faults.action_label(faults.REPLACED_PART) != "Replaced a part"


def test_each_deposit_is_a_row_and_none_is_paid_for_the_repair(shop: Shop, tmp_path: Path) -> None:
    book = export(shop, tmp_path / "shop.xlsx")
    deposits = by_ticket(book, "deposits")
    assert set(deposits) == {number(shop, n) for n in ("repaired", "refunded", "kept", "held")}  # not the loan without
    receipts = {r["ticket_no"]: r["receipt_no"] for r in rows(book, "receipts") if r["kind"] == "deposit"}
    expected = {  # deposit, refunded, kept, applied, held, outcome
        "repaired": ("200", "0", "0", "200", "0", "Applied to the bill"),
        "refunded": ("300", "300", "0", "0", "0", "Refunded"),
        "kept": ("150", "0", "150", "0", "0", "Kept for damage"),
        "held": ("100", "0", "0", "0", "100", "Held"),
    }
    for name, (deposit, refunded, kept, applied, held, outcome) in expected.items():
        row = deposits[number(shop, name)]
        assert [money(row[k]) for k in ("deposit", "refunded", "kept", "applied", "held")] == [
            D(v) for v in (deposit, refunded, kept, applied, held)], name
        assert row["outcome"] == outcome and row["receipt_no"] == receipts[row["ticket_no"]]
        assert row["shop"] and row["lent_at"] == NOW and row["tag"].startswith("LN-")
        assert (row["returned_at"] is None) == (name == "held")
    tickets = by_ticket(book, "tickets")
    for name in ("refunded", "kept", "held"):  # deposits taken, refunded, kept or held are no payment
        assert money(tickets[number(shop, name)]["total_paid"]) == 0, name


def test_deposit_receipts_of_the_security_deposit_billing_are_read_by_their_counts_as() -> None:
    lent = datetime(2026, 12, 1, 10)
    loan = LoanFact(1, 7, lent, lent + timedelta(days=3), D("500"), "refunded", 11, None)
    receipts = [
        ReceiptFact(10, 7, lent, "payment", D("80.00")),
        ReceiptFact(11, 7, lent, DEPOSIT_TAKEN, D("500.00")),
        ReceiptFact(12, 7, lent + timedelta(days=3), DEPOSIT_DAMAGE, D("-120.00")),
        ReceiptFact(13, 7, lent + timedelta(days=3), DEPOSIT_APPLIED, D("-80.00")),
        ReceiptFact(14, 7, lent + timedelta(days=3), DEPOSIT_REFUND, D("-350.00")),
        # a correction of the refund (billing gives it the counts_as of what it corrects): 300 refunded in all
        ReceiptFact(15, 7, lent + timedelta(days=3), DEPOSIT_REFUND, D("50.00"), corrects_id=14),
        ReceiptFact(16, 7, lent + timedelta(days=3), DEPOSIT_REFUND, D("-300.00"), voided=True),
    ]
    money = ticket_money(receipts, [loan])
    figures = money.deposits[1]
    assert (figures.taken, figures.refunded, figures.kept, figures.applied, figures.held) == (
        D("500"), D("300"), D("120"), D("80"), D("0"))
    assert money.paid == D("160.00")  # the payment and the part of the deposit put toward the bill
    assert figures.outcome == "Refunded, Kept for damage, Applied to the bill"


def test_overdue_is_counted_as_of_the_export_when_the_period_has_not_ended(shop: Shop, tmp_path: Path) -> None:
    tags = {"held": "LN-4", "free": "LN-5", "repaired": "LN-1"}
    early = export(shop, tmp_path / "early.xlsx", now=SEEN)  # the 27th: LN-4 was due the 25th, LN-5 the 28th
    flags = {r["tag"]: r["overdue"] for r in rows(early, "loaners")}
    assert flags[tags["held"]] is True and flags[tags["free"]] is False and flags[tags["repaired"]] is False
    meta = {r["key"]: r["value"] for r in rows(early, "schema") if r["sheet"] == "workbook"}
    assert meta["overdue_as_of"] == "2026-11-27" == overdue_as_of(TO, SEEN).isoformat()
    note = {(r["sheet"], r["key"]): r["value"] for r in rows(early, "schema")}[("loaners", "overdue")]
    assert note.startswith("overdue as of 2026-11-27")
    late = export(shop, tmp_path / "late.xlsx", now=datetime(2026, 12, 6, 9))  # after the period: its end
    flags = {r["tag"]: r["overdue"] for r in rows(late, "loaners")}
    assert flags[tags["free"]] is True and flags[tags["held"]] is True and flags[tags["repaired"]] is False
    assert {r["key"]: r["value"] for r in rows(late, "schema")}["overdue_as_of"] == "2026-11-30"
    merged = consolidate([early], tmp_path / "all.xlsx")
    shops = load_workbook(str(merged.path))["shops"]
    at = [c.value for c in shops[1]].index("Overdue as of") + 1
    assert shops.cell(2, at).value == datetime(2026, 11, 27)


def test_parts_are_counted_by_description_in_the_order_first_written() -> None:
    assert parts_text([("BX-COMP", "compressor"), ("CAP-1", "capacitor"), ("CAP-1", "capacitor")]) == (
        "compressor ×1; capacitor ×2", 3)
    assert parts_text([("P-9", "")]) == ("P-9 ×1", 1) and parts_text([]) == ("", 0)


def _cell_of(path: Path, sheet: str, key: str, pick: Any) -> tuple[str, int]:
    """The cell of column ``key`` on the first row ``pick`` accepts."""
    column = get_column_letter([c.key for c in schema.SHEETS[sheet]].index(key) + 1)
    for n, row in enumerate(rows(path, sheet), start=2):
        if pick(row):
            return f"{column}{n}", n
    raise AssertionError(f"no such row on {sheet}")


def _refused(files: list[Path], out: Path) -> str:
    with pytest.raises(WorkbookRefused) as refused:
        consolidate(files, out)
    assert not out.exists() and not list(out.parent.glob(out.name + "*"))
    [refusal] = refused.value.refusals
    return str(refusal)


def test_a_summary_that_disagrees_with_its_own_rows_is_refused(shop: Shop, tmp_path: Path) -> None:
    good = export(shop, tmp_path / "A.xlsx")
    out = tmp_path / "all.xlsx"
    assert consolidate([good], out).rows["deposits"] == 4
    out.unlink()
    cell, n = _cell_of(good, "summary", "amount_received", lambda r: r["receipts"])
    says = money(rows(good, "summary")[n - 2]["amount_received"])
    wb = load_workbook(str(good))
    wb["summary"][cell] = 5650.0
    wb.save(str(tmp_path / "B.xlsx"))
    message = _refused([tmp_path / "B.xlsx"], out)
    assert message.endswith(f"B.xlsx: summary!{cell} says 5650.00 received on "
                            f"{rows(good, 'summary')[n - 2]['day'].date()} refrigerator, its receipts say {says}")
    cell, _n = _cell_of(good, "summary", "tickets_opened", lambda r: r["tickets_opened"])
    wb = load_workbook(str(good))
    wb["summary"][cell] = wb["summary"][cell].value + 1
    wb.save(str(tmp_path / "C.xlsx"))
    assert f"C.xlsx: summary!{cell} says" in _refused([tmp_path / "C.xlsx"], out)
    assert "tickets taken in" in _refused([tmp_path / "C.xlsx"], out)
    wb = load_workbook(str(good))  # a summary row taken away: its tickets and receipts are no longer summed
    wb["summary"].delete_rows(2)
    wb.save(str(tmp_path / "D.xlsx"))
    assert "D.xlsx: the summary has no row for" in _refused([good, tmp_path / "D.xlsx"], out)


def test_a_hole_in_the_receipt_numbers_is_refused_and_a_voided_number_is_no_hole(shop: Shop, tmp_path: Path) -> None:
    good = export(shop, tmp_path / "A.xlsx")
    receipts = rows(good, "receipts")
    assert any(r["status"] == "void" for r in receipts)  # voided, and still on the sheet with its number
    numbers = [r["receipt_no"] for r in receipts]
    assert numbers == sorted(numbers) and len(numbers) >= 6
    wb = load_workbook(str(good))
    wb["receipts"].delete_rows(4)  # the third receipt
    wb.save(str(tmp_path / "B.xlsx"))
    message = _refused([tmp_path / "B.xlsx"], tmp_path / "all.xlsx")
    assert message.endswith(f"B.xlsx: receipts!A4: receipt numbers of 2026 have a hole: {numbers[2]} missing "
                            "between the receipts on rows 3 and 4")
    wb = load_workbook(str(good))
    wb["receipts"]["A5"] = numbers[2]
    wb.save(str(tmp_path / "C.xlsx"))
    assert f"receipts!A5: receipt number {numbers[2]} is also on row 4" in _refused([tmp_path / "C.xlsx"],
                                                                               tmp_path / "all.xlsx")


def test_a_period_whose_receipts_start_after_the_years_first_is_accepted(shop: Shop, tmp_path: Path) -> None:
    later = export(shop, tmp_path / "late.xlsx", date_from=date(2026, 11, 26), date_to=date(2026, 11, 30))
    numbers = [r["receipt_no"] for r in rows(later, "receipts")]
    assert numbers and not numbers[0].endswith("-000001")
    result = consolidate([later], tmp_path / "all.xlsx")
    assert result.rows["receipts"] == len(numbers)


def test_a_workbook_of_the_first_format_is_refused_by_its_version(shop: Shop, tmp_path: Path) -> None:
    good = export(shop, tmp_path / "A.xlsx")
    wb = load_workbook(str(good))
    version = next(r for r in wb["schema"].iter_rows(min_row=2) if r[1].value == "format_version")
    assert version[5].value == schema.FORMAT_VERSION == "6"
    version[5].value = "1"
    wb.save(str(tmp_path / "old.xlsx"))
    assert "format version 1, this program reads version 6" in _refused([tmp_path / "old.xlsx"], tmp_path / "o.xlsx")
