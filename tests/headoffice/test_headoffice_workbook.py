"""The head-office workbook read back sheet by sheet and compared with the
database; masking; no formulas; progress and cancel; consolidation of three
shops; tampered workbooks refused."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import event, func, select

from frontdesk import settings
from frontdesk.billing.models import Receipt
from frontdesk.db.engine import Database
from frontdesk.db.models import Customer, Ticket
from frontdesk.demo import DemoOptions, fill
from frontdesk.errors import NeedsManager, ValidationError
from frontdesk.followup.models import CallBack, FeedbackCard
from frontdesk.headoffice import export as export_module
from frontdesk.headoffice import schema
from frontdesk.headoffice.consolidate import WorkbookRefused, consolidate
from frontdesk.headoffice.export import ExportCancelled, export_workbook
from frontdesk.intake import service as intake
from frontdesk.loaners.models import Loan
from frontdesk.users import Actor, get_actor
from tests.billing.billing_helpers import fridge_form

END = datetime(2026, 11, 24, 17, 0)
FROM, TO = date(2026, 11, 1), date(2026, 11, 30)
HYPERLINK = '=HYPERLINK("http://x","y")'
PLUS = "+86 138 0013 8000"
D = Decimal
# The schema sheet's row describing tickets.intake_at: the header, the workbook's facts, then the tickets' columns.
def letter(sheet: str, key: str) -> str:
    """The column letter of ``key`` on ``sheet``."""
    return get_column_letter([c.key for c in schema.SHEETS[sheet]].index(key) + 1)


AMOUNT = letter("receipts", "amount")
INTAKE_AT_ROW = 2 + len(schema.META_KEYS) + [c.key for c in schema.SHEETS["tickets"]].index("intake_at")


@pytest.fixture(scope="module")
def demo(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("ho") / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    fill(db, DemoOptions(days=3, tickets=60, seed=3, now=END))
    with db.write() as s:
        clerk = get_actor(s, "li")
        for name, phone in ((HYPERLINK, "13900001111"), (PLUS, "13800138000"), ("-1+2", "13900002222"),
                            ("@SUM(A1)", "13900003333")):
            intake.take_intake(s, clerk, fridge_form(name=name, phone=phone, serial=f"SN{phone}"),
                               now=datetime(2026, 11, 24, 11, 0))
    yield db
    db.dispose()


def actors(db: Database) -> tuple[Actor, Actor]:
    with db.read() as s:
        return get_actor(s, "wang"), get_actor(s, "li")


def sheet_rows(path: Path, sheet: str, consolidated: bool = False) -> list[dict[str, Any]]:
    wb = load_workbook(str(path))
    spec = (schema.SCHEMA_COLUMNS if sheet == "schema" else schema.CODES_COLUMNS if sheet == "codes"
            else schema.consolidated_columns(sheet) if consolidated else schema.SHEETS[sheet])
    keys = [c.key for c in spec]
    rows = [dict(zip(keys, r, strict=False)) for r in wb[sheet].iter_rows(min_row=2, values_only=True)]
    return rows


def money(value: Any) -> Decimal:
    return D(repr(value)).quantize(D("0.01")) if value is not None else D("0.00")


@pytest.fixture(scope="module")
def masked(demo: Database, tmp_path_factory: pytest.TempPathFactory) -> Path:
    _manager, clerk = actors(demo)
    out = tmp_path_factory.mktemp("out") / "shop.xlsx"
    export_workbook(demo, clerk, out, FROM, TO)
    return out


def test_every_sheet_matches_the_database(demo: Database, masked: Path) -> None:
    wb = load_workbook(str(masked))
    assert wb.sheetnames == [*schema.SHEETS, "schema", "codes"]
    for name, columns in schema.SHEETS.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == [c.header() for c in columns]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{ws.cell(1, len(columns)).column_letter}{ws.max_row}"
    tickets = sheet_rows(masked, "tickets")
    receipts = sheet_rows(masked, "receipts")
    deposits = sheet_rows(masked, "deposits")
    with demo.read() as s:
        db_tickets = {t.number: t for t in s.execute(select(Ticket.number, Ticket.state, Ticket.intake_at)).all()}
        names = dict(s.execute(select(Ticket.number, Customer.name).join(Customer)).all())
        phones = dict(s.execute(select(Ticket.number, Customer.phone_display).join(Customer)).all())
        paid = dict(s.execute(select(Ticket.number, func.sum(Receipt.net)).join(Receipt, Receipt.ticket_id == Ticket.id)
                              .where(Receipt.voided_at.is_(None)).group_by(Ticket.number)).all())
        db_receipts = s.execute(select(Receipt.number, Receipt.amount, Receipt.net, Receipt.voided_at)
                                .order_by(Receipt.seq)).all()
        counts = {
            "loaners": s.scalar(select(func.count(Loan.id))),
            "callbacks": s.scalar(select(func.count(CallBack.id)).where(CallBack.due_at >= datetime(2026, 11, 1),
                                                                         CallBack.due_at < datetime(2026, 12, 1))),
            "feedback": s.scalar(select(func.count(FeedbackCard.id))),
        }
        shop = settings.get(s, "shop_code")
    assert len(tickets) == len(db_tickets) == 64
    for row in tickets:
        t = db_tickets[row["ticket_no"]]
        assert row["shop"] == shop and row["state"] == t.state and row["intake_at"] == t.intake_at
        assert row["customer_name"] == schema.mask_name(names[t.number])
        assert "*" in row["customer_phone"] and row["customer_phone"] == schema.mask_phone(phones[t.number])
        assert row["customer_phone"][-4:] == "".join(c for c in phones[t.number] if c.isdigit())[-4:]
        # Paid for the repair: the money the ticket's receipts brought in, less the deposits still held or kept.
        not_paid = sum((money(d["kept"]) + money(d["held"]) for d in deposits if d["ticket_no"] == t.number), D("0"))
        assert money(row["total_paid"]) == D(paid.get(t.number) or 0) - not_paid
    assert any(money(d["held"]) for d in deposits)  # the demo has deposits held: "paid" left them out
    assert [r["receipt_no"] for r in receipts] == [r.number for r in db_receipts]
    assert {r["counter"] for r in receipts} == {"main"}  # the desk each receipt was taken at
    assert {r["counter_title"] for r in receipts} == {"Main"}  # and its title for people
    assert receipts[0]["receipt_no"] == db_receipts[0].number and receipts[-1]["receipt_no"] == db_receipts[-1].number
    assert [money(r["amount"]) for r in receipts] == [r.amount for r in db_receipts]
    assert sum(money(r["net"]) for r in receipts if r["status"] == "issued") == sum(
        (r.net for r in db_receipts if r.voided_at is None), D("0"))
    assert [r["status"] == "void" for r in receipts] == [r.voided_at is not None for r in db_receipts]
    for sheet, n in counts.items():
        assert len(sheet_rows(masked, sheet)) == n, sheet
    summary = sheet_rows(masked, "summary")
    assert sum(r["tickets_opened"] for r in summary) == 64
    assert sum(money(r["amount_received"]) for r in summary) == sum(
        (r.net for r in db_receipts if r.voided_at is None), D("0"))
    meta = {r["key"]: r["value"] for r in sheet_rows(masked, "schema") if r["sheet"] == "workbook"}
    assert meta["format_version"] == schema.FORMAT_VERSION and meta["shop_code"] == shop and meta["masked"] == "yes"
    described = {(r["sheet"], r["key"]): (r["type"], r["unit"]) for r in sheet_rows(masked, "schema")
                 if r["sheet"] != "workbook"}
    assert described[("receipts", "amount")] == ("money", "CNY")
    assert described[("tickets", "turnaround_days")] == ("int", "days")
    assert len(described) == sum(len(c) for c in schema.SHEETS.values())


def test_cells_are_typed(masked: Path) -> None:
    wb = load_workbook(str(masked))
    ws = wb["receipts"]
    amount = ws[f"{AMOUNT}2"]
    assert amount.data_type == "n" and "0.00" in amount.number_format and "¥" in amount.number_format
    assert ws["B2"].is_date
    loaners = wb["loaners"]
    assert loaners[f"{letter('loaners', 'lent_at')}2"].is_date
    assert loaners[f"{letter('loaners', 'overdue')}2"].data_type == "b"


def test_coded_columns_keep_their_keys_and_give_people_titles(demo: Database, tmp_path: Path) -> None:
    """In a Chinese workbook each coded column keeps its key for machines
    and the column after it says it in Chinese; the codes sheet lists every
    key with its English and Chinese title."""
    _manager, clerk = actors(demo)
    out = tmp_path / "zh.xlsx"
    export_workbook(demo, clerk, out, FROM, TO, language="zh_CN")
    tickets = sheet_rows(out, "tickets")
    fridge = next(r for r in tickets if r["category"] == "refrigerator")
    assert fridge["category_title"] == "冰箱"
    receipts = sheet_rows(out, "receipts")
    cash = next(r for r in receipts if r["method"] == "cash")
    assert cash["method_title"] == "现金" and cash["counter"] == "main" and cash["counter_title"] != "main"
    keys = {key for _name, (_t, entries) in schema.CODE_LISTS.items() for key in entries()}
    for sheet, columns in schema.SHEETS.items():
        for col in columns:
            if col.title_of:
                assert not {r[col.key] for r in sheet_rows(out, sheet)} & keys, (sheet, col.key)
    codes = sheet_rows(out, "codes")
    by_key = {(r["list"], r["key"]): r for r in codes}
    assert by_key[("categories", "washing_machine")]["title_zh"] == "洗衣机"
    assert by_key[("callback_outcomes", "reached_fine")]["title_en"] == "Reached, customer is fine"
    assert by_key[("methods", "card")]["title_zh"] != "Bank card"
    assert {r["list"] for r in codes} == set(schema.CODE_LISTS)


def test_names_and_phones_unmasked_need_a_manager(demo: Database, tmp_path: Path) -> None:
    manager, clerk = actors(demo)
    with pytest.raises(NeedsManager):
        export_workbook(demo, clerk, tmp_path / "x.xlsx", FROM, TO, unmasked=True)
    assert not (tmp_path / "x.xlsx").exists()
    export_workbook(demo, clerk, tmp_path / "x.xlsx", FROM, TO, unmasked=True, approver=manager)
    with demo.read() as s:
        names = dict(s.execute(select(Ticket.number, Customer.name).join(Customer)).all())
    rows = sheet_rows(tmp_path / "x.xlsx", "tickets")
    assert all(r["customer_name"] == names[r["ticket_no"]] for r in rows)
    assert any(r["customer_phone"] and "*" not in r["customer_phone"] for r in rows)


@pytest.mark.parametrize("unmasked", [False, True])
def test_formula_text_comes_back_as_text_and_no_cell_is_a_formula(demo: Database, tmp_path: Path,
                                                                   unmasked: bool) -> None:
    manager, _clerk = actors(demo)
    out = tmp_path / "f.xlsx"
    export_workbook(demo, manager, out, FROM, TO, unmasked=unmasked)
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, name
    wb = load_workbook(str(out))
    at = [c.key for c in schema.SHEETS["tickets"]].index("customer_name")
    cells = {c.value: c for row in wb["tickets"].iter_rows(min_row=2) for c in row[at:at + 1]}
    for name in (HYPERLINK, PLUS, "-1+2", "@SUM(A1)"):
        shown = name if unmasked else schema.mask_name(name)
        assert shown in cells, shown
        assert cells[shown].data_type == "s" and cells[shown].quotePrefix
    for ws in wb.worksheets:
        assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row), ws.title


def test_progress_runs_to_one_and_a_cancel_leaves_no_file(demo: Database, tmp_path: Path) -> None:
    _manager, clerk = actors(demo)
    seen: list[float] = []

    def note(fraction: float, _note: str) -> bool:
        seen.append(fraction)
        return True

    export_workbook(demo, clerk, tmp_path / "p.xlsx", FROM, TO, progress=note)
    assert seen == sorted(seen) and seen[-1] == 1.0
    calls: list[float] = []

    def stop(fraction: float, _note: str) -> bool:
        calls.append(fraction)
        return len(calls) < 2

    with pytest.raises(ExportCancelled):
        export_workbook(demo, clerk, tmp_path / "c.xlsx", FROM, TO, progress=stop)
    assert list(tmp_path.iterdir()) == [tmp_path / "p.xlsx"]
    with pytest.raises(ValidationError):
        export_workbook(demo, clerk, tmp_path / "c.xlsx", TO, FROM)
    with pytest.raises(ValidationError):
        export_workbook(demo, clerk, tmp_path / "c.csv", FROM, TO)


def three_shops(demo: Database, tmp_path: Path) -> list[Path]:
    _manager, clerk = actors(demo)
    files = []
    for code in ("S01", "S02", "S03"):
        with demo.write() as s:
            settings.store(s, {"shop_code": code})
        files.append(export_workbook(demo, clerk, tmp_path / f"{code}.xlsx", FROM, TO).path)
    return files


def test_three_shops_consolidate_into_the_sum_of_their_rows(demo: Database, tmp_path: Path) -> None:
    files = three_shops(demo, tmp_path)
    result = consolidate(files, tmp_path / "all.xlsx")
    assert result.shops == ["S01", "S02", "S03"]
    for sheet in schema.DATA_SHEETS:
        parts = [sheet_rows(f, sheet) for f in files]
        merged = sheet_rows(tmp_path / "all.xlsx", sheet, True)
        assert len(merged) == sum(len(p) for p in parts) == result.rows[sheet], sheet
        # the demo makes no claims to makers (tests/headoffice/test_workbook_claims.py consolidates some)
        assert sorted({r["shop"] for r in merged}) == (["S01", "S02", "S03"] if parts[0] else []), sheet
    amounts = [sum(money(r["amount"]) for r in sheet_rows(f, "receipts")) for f in files]
    assert sum(money(r["amount"]) for r in sheet_rows(tmp_path / "all.xlsx", "receipts", True)) == sum(amounts, D("0"))
    summary = sheet_rows(tmp_path / "all.xlsx", "summary", True)
    assert sum(r["tickets_opened"] for r in summary) == 3 * 64
    assert {r["shops"] for r in summary} == {3}
    shops = sheet_rows(tmp_path / "all.xlsx", "shops", True)
    assert [r["shop"] for r in shops] == ["S01", "S02", "S03"] and all(r["tickets_rows"] == 64 for r in shops)
    with zipfile.ZipFile(tmp_path / "all.xlsx") as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def _edit(src: Path, dst: Path, sheet: str, cell: str, value: Any) -> Path:
    wb = load_workbook(str(src))
    wb[sheet][cell] = value
    wb.save(str(dst))
    return dst


def test_a_tampered_workbook_is_refused_and_nothing_is_written(demo: Database, tmp_path: Path) -> None:
    files = three_shops(demo, tmp_path)
    out = tmp_path / "all.xlsx"
    not_xlsx = tmp_path / "notes.xlsx"
    not_xlsx.write_text("hello")
    cases = {
        not_xlsx: "not an Excel workbook",
        _edit(files[1], tmp_path / "header.xlsx", "tickets", "B1", "Ticket number"): "header row of sheet tickets",
        _edit(files[1], tmp_path / "type.xlsx", "receipts", f"{AMOUNT}2", "lots"): "receipts, row 2: amount",
        _edit(files[1], tmp_path / "version.xlsx", "schema", "F3", "99"): "format version 99",
        _edit(files[1], tmp_path / "column.xlsx", "schema", f"D{INTAKE_AT_ROW}", "text"): "schema of sheet",
    }
    for bad, reason in cases.items():
        with pytest.raises(WorkbookRefused) as exc:
            consolidate([files[0], bad], out)
        assert [r.path for r in exc.value.refusals] == [bad], reason
        assert reason in exc.value.refusals[0].reason
        assert not out.exists() and not (tmp_path / "all.xlsx.part").exists()
    wb = load_workbook(str(files[2]))
    wb.create_sheet("notes")
    wb.save(str(tmp_path / "extra.xlsx"))
    with pytest.raises(WorkbookRefused, match="unexpected notes"):
        consolidate([tmp_path / "extra.xlsx"], out)
    with pytest.raises(WorkbookRefused, match="same shop and period"):
        consolidate([files[0], files[0]], out)
    assert not out.exists()


@hsettings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_masked_names_keep_only_the_first_character(name: str) -> None:
    masked = schema.mask_name(name)
    if name.strip():
        assert masked[0] == name.strip()[0] and set(masked[1:]) == {"*"}


@hsettings(max_examples=80, deadline=None)
@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True))
def test_masked_phones_show_the_first_three_and_last_four_digits(phone: str) -> None:
    assert schema.mask_phone(phone) == phone[:3] + "****" + phone[-4:]
    assert schema.mask_phone("+86 " + phone) == phone[:3] + "****" + phone[-4:]


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_pages_on_postgresql_are_one_statement_whatever_their_length(db: Database, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL a page's keys go as one array: the pages of a sheet,
    full or short, are one statement, which the driver prepares once (an IN
    list of 500 keys was 500 parameters to render and parse at every page);
    the sheets hold the same rows with pages of 7 as with pages of 10,000."""
    fill(db, DemoOptions(days=3, tickets=60, seed=3, now=END))
    books = {}
    for page in (10_000, 7):
        monkeypatch.setattr(export_module, "PAGE", page)
        monkeypatch.setattr(export_module, "PAGE_AHEAD", page)
        books[page] = tmp_path / f"pages-{page}.xlsx"
        export_workbook(db, None, books[page], FROM, TO, now=datetime(2026, 11, 26, 9, 0))
    for sheet in ("tickets", "fee_lines", "receipts", "loaners", "callbacks", "feedback", "summary"):
        want, got = sheet_rows(books[10_000], sheet), sheet_rows(books[7], sheet)
        if sheet in ("tickets", "fee_lines"):
            assert len(want) > 7, sheet
        assert got == want, sheet
    statements: list[str] = []

    def capture(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        export_workbook(db, None, tmp_path / "again.xlsx", FROM, TO, now=datetime(2026, 11, 26, 9, 0))
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    pages = [st for st in statements if "= ANY (%(page_keys)s" in st and "FROM tickets" in st.split("WHERE")[0]]
    assert len(pages) > 3 and len(set(pages)) <= 2, pages  # the tickets' pages: one statement (two sheets read them)


def test_pages_of_any_size_give_the_same_sheets(demo: Database, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows are read a page of keys at a time: with pages of 7 rows
    (64 tickets and more fee lines: many pages, the last one short) every sheet holds the same rows in the same order as with
    pages of 10,000."""
    _manager, clerk = actors(demo)
    books = {}
    for page in (10_000, 7):
        monkeypatch.setattr(export_module, "PAGE", page)
        monkeypatch.setattr(export_module, "PAGE_AHEAD", page)
        books[page] = tmp_path / f"pages-{page}.xlsx"
        export_workbook(demo, clerk, books[page], FROM, TO, now=datetime(2026, 11, 26, 9, 0))
    for sheet in ("tickets", "fee_lines", "receipts", "loaners", "deposits", "callbacks", "feedback", "summary"):
        want, got = sheet_rows(books[10_000], sheet), sheet_rows(books[7], sheet)
        if sheet in ("tickets", "fee_lines"):
            assert len(want) > 7, sheet
        assert got == want, sheet
