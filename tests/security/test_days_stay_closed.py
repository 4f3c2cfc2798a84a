"""Days stay closed and unmasked exports stay accounted for (issue 17,
findings 9 and 10; docs/rules.md "Days stay closed" and "Exports").

The attacks: the computer's clock set back a day to take money under
another counter's name on a day already closed; an unmasked export whose
audit record cannot be written."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from frontdesk import cli
from frontdesk.billing import payments
from frontdesk.billing.models import Receipt
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord
from frontdesk.errors import ClockWentBack
from frontdesk.headoffice import export as export_module
from frontdesk.headoffice.export import ExportNotAudited, export_workbook
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, approved_ticket
from tests.conftest import MANAGER_PIN


def _receipts(db: Database) -> list[tuple[str, str, Decimal]]:
    with db.read() as s:
        return [(r.number, r.counter, r.amount) for r in s.scalars(select(Receipt).order_by(Receipt.id))]


def test_a_clock_set_back_a_day_cannot_put_money_on_a_closed_day_at_another_counter(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        payments.take_payment(s, clerk, ticket, "cash", "100.00", now=NOW, counter="main")
    with db.write() as s:
        dayclose.close_day(s, manager, NOW.date(), counted="100.00", opening_float="0", counter="main",
                           now=NOW.replace(hour=20))
    next_day = NOW + timedelta(days=1)
    with db.write() as s:
        payments.take_payment(s, clerk, ticket, "cash", "50.00", now=next_day, counter="main")
    with db.read() as s:
        closed_total = dayclose.day_figures(s, NOW.date(), counter="main").payments_total
    before = _receipts(db)

    back = next_day - timedelta(days=1, minutes=-30)  # the clock set back a day: inside the closed day
    with db.write() as s, pytest.raises(ClockWentBack) as refused:
        payments.take_payment(s, clerk, ticket, "cash", "100.00", now=back, counter="second")
    assert refused.value.message == (
        f"This computer's clock says {back:%Y-%m-%d %H:%M}, but receipt {before[-1][0]} was already issued at "
        f"{next_day:%Y-%m-%d %H:%M}: the clock has gone back. Set the date and time right, then try again; "
        "nothing was recorded.")
    assert _receipts(db) == before  # no receipt, no number drawn
    with db.read() as s:
        assert dayclose.day_figures(s, NOW.date(), counter="main").payments_total == closed_total
        assert dayclose.day_figures(s, NOW.date(), counter="second").receipt_count == 0


def test_counters_clocks_may_differ_by_a_few_minutes(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        payments.take_payment(s, clerk, ticket, "cash", "10.00", now=NOW, counter="main")
        # the other counter's clock is three minutes behind: its receipt is still taken
        payments.take_payment(s, clerk, ticket, "cash", "10.00", now=NOW - timedelta(minutes=3), counter="second")
    assert [counter for _n, counter, _a in _receipts(db)] == ["main", "second"]


FROM, TO = date(2026, 11, 1), date(2026, 11, 30)


def _cannot_write(*args: object, **kwargs: object) -> None:
    raise OperationalError("INSERT INTO audit_log ...", {}, Exception("attempt to write a readonly database"))


def test_an_export_that_cannot_be_audited_is_deleted_and_refused(
        db: Database, users: tuple[Actor, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    manager, clerk = users
    approved_ticket(db, manager, clerk)
    with db.read() as s:
        records = s.scalar(select(func.count(AuditRecord.id)))
    monkeypatch.setattr(export_module, "audit", SimpleNamespace(record=_cannot_write))
    out = tmp_path / "unmasked.xlsx"
    with pytest.raises(ExportNotAudited) as refused:
        export_workbook(db, clerk, out, FROM, TO, unmasked=True, approver=manager, now=NOW)
    assert "attempt to write a readonly database" in refused.value.message
    assert "it was deleted" in refused.value.message
    assert not out.exists()
    assert list(tmp_path.glob("*.xlsx*")) == []  # nor a temporary file
    with db.read() as s:
        assert s.scalar(select(func.count(AuditRecord.id))) == records

    # a masked one too: a workbook the trail does not know would fail head office's check of the next one
    with pytest.raises(ExportNotAudited):
        export_workbook(db, clerk, tmp_path / "masked.xlsx", FROM, TO, now=NOW)
    assert list(tmp_path.glob("*.xlsx*")) == []


def test_the_command_line_says_the_unmasked_file_was_deleted(
        sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import seed_users

    seed_users(sqlite_db)
    monkeypatch.setattr(export_module, "audit", SimpleNamespace(record=_cannot_write))
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    out = tmp_path / "all.xlsx"
    code = cli.main(["export", "--db", sqlite_db.url, "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out),
                     "--unmasked", "--user", "manager", "--quiet"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_ERROR
    assert "frontdesk: The workbook could not be recorded in the audit trail" in err
    assert "Traceback" not in err
    assert not out.exists()
