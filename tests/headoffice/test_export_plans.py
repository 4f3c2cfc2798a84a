"""How the head-office export reads: every statement finds the period's
rows through an index, none reads a whole table that grows with the
tickets; the pages are read a step ahead by a thread on PostgreSQL, and on
SQLite by the export's own (docs/performance.md).  SQLite plans without
statistics, so its plans are those of a shop of any size and can be read
here on a small database."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from frontdesk.billing import payments
from frontdesk.billing.quotes import approve_quote, make_quote
from frontdesk.db.engine import Database
from frontdesk.headoffice.export import export_workbook
from tests.billing.billing_helpers import NOW, WORKED, add_schedule, diagnosing_ticket
from tests.conftest import seed_users

# The tables with a row or more per ticket: a million rows and more in a shop's years.
GROWING = ("tickets", "customers", "products", "quotes", "quote_lines", "receipts", "repair_records", "repair_parts",
           "audit_records")


def _exported(db: Database, tmp_path: Path) -> list[tuple[str, Any, int]]:
    """The SELECT statements of an export of a month with a paid repair,
    with their parameters and the thread that ran each."""
    manager, clerk = seed_users(db)
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk, serial="SN-PLAN")
    with db.write() as s:
        quote = make_quote(s, clerk, ticket, WORKED, now=NOW)
        approve_quote(s, clerk, quote.id, now=NOW)
        payments.take_payment(s, clerk, ticket, payments.CASH, quote.total, now=NOW, counter="main")
    statements: list[tuple[str, Any, int]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters, threading.get_ident()))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        result = export_workbook(db, None, tmp_path / "plans.xlsx", date(NOW.year, NOW.month, 1), NOW.date())
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert result.rows["tickets"] == 1 and result.rows["fee_lines"] >= 1 and result.rows["receipts"] == 1
    return statements


@pytest.mark.parametrize("db", ["sqlite", "postgresql"], indirect=True)
def test_the_pages_are_read_ahead_on_a_server_only(db: Database, tmp_path: Path) -> None:
    """On PostgreSQL the next page is read while this one is written: the
    reading is the server's, and the driver lets the interpreter go while
    it waits.  SQLite's reading is this process's own work, and a second
    thread for it only had the two contend for the interpreter."""
    statements = _exported(db, tmp_path)
    here = threading.get_ident()
    fee_lines = [thread for statement, _p, thread in statements if statement.lstrip().startswith(
        "SELECT quote_lines.id, tickets.number")]
    assert len(fee_lines) == 1
    if db.dialect == "sqlite":
        assert {thread for _s, _p, thread in statements} == {here}
    else:
        assert fee_lines[0] != here


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_no_statement_of_an_export_reads_a_growing_table_whole(db: Database, tmp_path: Path) -> None:
    statements = _exported(db, tmp_path)
    assert len(statements) > 20  # the sheets' keys and pages, the figures, the summary
    whole = []
    with db.engine.connect() as conn:
        for statement, parameters, _thread in statements:
            for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", tuple(parameters)):
                step = str(row[-1])
                if step.startswith("SCAN ") and step.split()[1] in GROWING:
                    whole.append((step, statement))
    assert not whole, "\n\n".join(f"{step}\n{statement}" for step, statement in whole)
