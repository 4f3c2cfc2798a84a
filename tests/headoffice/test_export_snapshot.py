"""The head-office workbook shows one moment of the database, however long
the export runs and whatever the counters save meanwhile; on PostgreSQL its
service figures and summary counts are read on a second connection in that
same moment while the sheets are written (docs/architecture.md#transactions-and-concurrency)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from frontdesk.billing import payments
from frontdesk.billing.quotes import approve_quote, make_quote
from frontdesk.db.engine import Database
from frontdesk.headoffice import schema
from frontdesk.headoffice.export import ExportCancelled, export_workbook
from frontdesk.intake import service as intake
from tests.billing.billing_helpers import NOW, WORKED, add_schedule, diagnosing_ticket, fridge_form
from tests.conftest import make_db, seed_users

FROM, TO = date(2026, 11, 1), date(2026, 11, 30)
SEEN = NOW + timedelta(days=3)
MAIN = "main"


def sheet(path: Path, name: str) -> list[dict[str, Any]]:
    keys = [c.key for c in schema.SHEETS[name]]
    wb = load_workbook(str(path))
    return [dict(zip(keys, r, strict=False)) for r in wb[name].iter_rows(min_row=2, values_only=True)]


def figure(path: Path, key: str) -> dict[str, Any]:
    return next(r for r in sheet(path, "figures") if r["figure"] == key and r["breakdown"] == "all")


def test_what_the_counters_save_while_the_export_runs_is_in_none_of_its_sheets(db: Database, tmp_path: Path) -> None:
    manager, clerk = seed_users(db)
    add_schedule(db, manager)
    paid, quoted = diagnosing_ticket(db, clerk, serial="SN-PAID"), diagnosing_ticket(db, clerk, serial="SN-LATER")
    with db.write() as s:
        quote = make_quote(s, clerk, paid, WORKED, now=NOW)
        approve_quote(s, clerk, quote.id, now=NOW)
        total = quote.total
    saved: list[str] = []

    def counters_save(_fraction: float, note: str) -> bool:
        """At the export's first step, another counter takes the payment,
        quotes the other ticket and takes a new intake, each committed."""
        if not saved:
            with db.write() as s:
                saved.append(payments.take_payment(s, clerk, paid, payments.CASH, total, now=NOW + timedelta(hours=1),
                                                   counter=MAIN).number)
                later = make_quote(s, clerk, quoted, WORKED, now=NOW + timedelta(hours=1))
                approve_quote(s, clerk, later.id, now=NOW + timedelta(hours=1))
                intake.take_intake(s, clerk, fridge_form(serial="SN-NEW", phone="13900007777"),
                                   now=NOW + timedelta(hours=1))
        return True

    during = export_workbook(db, clerk, tmp_path / "during.xlsx", FROM, TO, now=SEEN, progress=counters_save).path
    assert saved  # the counter did save while the export ran
    assert [r["receipt_no"] for r in sheet(during, "receipts")] == []
    assert sum(r["receipts"] for r in sheet(during, "summary")) == 0
    assert sum(r["amount_received"] for r in sheet(during, "summary")) == 0
    assert len(sheet(during, "tickets")) == 2 == sum(r["tickets_opened"] for r in sheet(during, "summary"))
    accepted = figure(during, "quote_acceptance")
    assert (accepted["numerator"], accepted["denominator"]) == (1, 1)  # the one quote there was at the start
    # The next export sees what was saved: the test would see it if the first had.
    after = export_workbook(db, clerk, tmp_path / "after.xlsx", FROM, TO, now=SEEN).path
    assert [r["receipt_no"] for r in sheet(after, "receipts")] == saved
    assert sum(Decimal(str(r["amount_received"])) for r in sheet(after, "summary")) == total
    assert len(sheet(after, "tickets")) == 3
    accepted = figure(after, "quote_acceptance")
    assert (accepted["numerator"], accepted["denominator"]) == (2, 2)


@pytest.fixture
def server(tmp_path: Path, sqlite_template: Path, pg_template: str | None) -> Iterator[Database]:
    """A fresh PostgreSQL database: a second connection in the same snapshot is PostgreSQL's."""
    yield from make_db("postgresql", tmp_path, sqlite_template, pg_template)


def test_on_postgresql_the_figures_are_read_on_a_second_connection_in_the_exports_snapshot(
        server: Database, tmp_path: Path) -> None:
    manager, clerk = seed_users(server)
    add_schedule(server, manager)
    ticket = diagnosing_ticket(server, clerk)
    with server.write() as s:
        quote = make_quote(s, clerk, ticket, WORKED, now=NOW)
        approve_quote(s, clerk, quote.id, now=NOW)
    ran: list[tuple[int, int, str]] = []  # (thread, connection, statement)

    def seen(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        ran.append((threading.get_ident(), id(conn.connection.dbapi_connection), statement))

    event.listen(server.engine, "before_cursor_execute", seen)
    try:
        path = export_workbook(server, clerk, tmp_path / "w.xlsx", FROM, TO, now=SEEN).path
    finally:
        event.remove(server.engine, "before_cursor_execute", seen)
    shared = next(r for r in ran if "pg_export_snapshot" in r[2])
    joined = next(r for r in ran if r[2].startswith("SET TRANSACTION SNAPSHOT"))
    assert joined[:2] != shared[:2]  # another thread, another connection
    beside = [statement for thread, conn, statement in ran if (thread, conn) == joined[:2]]
    assert any("closed_at" in s and "GROUP BY" in s for s in beside)  # the summary's closed tickets
    assert any("quotes" in s for s in beside)  # the figures
    assert any("count(quote_lines.id)" in s for s in beside)  # the rows to write, for the progress
    assert not any("FROM receipts" in s and "receipt_no" in s for s in beside)  # the sheets stay the export's own
    assert figure(path, "quote_acceptance")["numerator"] == 1


def test_a_cancelled_export_leaves_no_reader_behind(server: Database, tmp_path: Path) -> None:
    _manager, clerk = seed_users(server)
    for n in range(3):
        diagnosing_ticket(server, clerk, serial=f"SN-{n}", phone=f"1390000000{n}")
    with pytest.raises(ExportCancelled):
        export_workbook(server, clerk, tmp_path / "c.xlsx", FROM, TO, now=SEEN, progress=lambda *_: False)
    assert not any(t.name.startswith("frontdesk-meanwhile") for t in threading.enumerate())
    assert server.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    assert list(tmp_path.iterdir()) == []
    # And the next export runs as ever.
    path = export_workbook(server, clerk, tmp_path / "w.xlsx", FROM, TO, now=SEEN).path
    assert len(sheet(path, "tickets")) == 3


def test_a_reader_may_not_join_a_moment_by_a_name_that_is_not_one(server: Database) -> None:
    with pytest.raises(ValueError, match="not a snapshot"), server.joining("x'; DROP TABLE tickets; --"):
        pass

