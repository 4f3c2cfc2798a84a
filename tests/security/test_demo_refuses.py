"""`frontdesk demo --db LIVE` over a shop's own database (issue 17): it
added manager wang / 1111, overwrote the shop's name, phone and address,
put 20 demo receipts into the real numbering and recorded the new users as
added by the shop's real manager.  Now the demo fills only a new database
or one it made: a shop's own is refused and left exactly as it was."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from frontdesk import bulkdemo, demo_marker, settings
from frontdesk import users as accounts
from frontdesk.billing.models import Receipt
from frontdesk.cli import EXIT_ERROR, EXIT_OK
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Customer, NumberSequence, Setting, User
from frontdesk.demo import DemoOptions, fill
from tests.conftest import seed_users
from tests.dayclose.test_day_close import known_day
from tests.test_cli import _clean_environment, run  # noqa: F401  (the autouse fixture, the runner)

REFUSED = ("This database holds a shop's own data: the demo fills only a new database or one it made. "
           "Give --db a new file.")
END = datetime(2026, 11, 20, 17, 0)


def snapshot(db: Database) -> dict[str, Any]:
    """What the demo used to change in a shop's database."""
    with db.read() as s:
        return {
            "users": s.execute(select(User.name, User.role, User.pin_hash).order_by(User.id)).all(),
            "settings": s.execute(select(Setting.key, Setting.value).order_by(Setting.key)).all(),
            "receipts": s.execute(select(Receipt.number).order_by(Receipt.id)).all(),
            "numbers": s.execute(select(NumberSequence.name, NumberSequence.year, NumberSequence.last)
                                 .order_by(NumberSequence.name, NumberSequence.year)).all(),
            "audit": s.scalar(select(func.count(AuditRecord.id))),
        }


@pytest.fixture
def live(sqlite_db: Database) -> Database:
    """A shop's own database: its users, its name and phone, a day of receipts."""
    manager, clerk = seed_users(sqlite_db)
    known_day(sqlite_db, manager, clerk)
    with sqlite_db.write() as s:
        settings.update(s, manager, {"shop_name": "老李家电维修", "shop_phone": "0311-1234567"})
    return sqlite_db


def test_the_demo_over_a_shops_database_is_refused_and_nothing_changes(
        live: Database, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(live)
    assert before["receipts"]
    code, out, err = run(capsys, "demo", "--db", live.url, "--days", "2", "--tickets", "20", "--quiet",
                         "--shop-name", "Demo")
    assert (code, out, err.strip()) == (EXIT_ERROR, "", f"frontdesk: {REFUSED}")
    assert snapshot(live) == before  # no wang, same name and phone, no demo receipt, no audit record
    with pytest.raises(demo_marker.NotADemoDatabase, match="Give --db a new file"):
        fill(live, DemoOptions(days=1, tickets=5, now=END))
    assert snapshot(live) == before


@pytest.mark.parametrize("what", ["a user", "a customer"])
def test_one_user_or_one_customer_is_enough_to_refuse(what: str, sqlite_db: Database) -> None:
    if what == "a user":
        seed_users(sqlite_db)
    else:
        with sqlite_db.write() as s:  # a customer left by a user since removed by hand, say
            s.add(Customer(name="张三", phone="+8613800138000", created_at=END))
    with pytest.raises(demo_marker.NotADemoDatabase):
        fill(sqlite_db, DemoOptions(days=1, tickets=5, now=END))


def test_the_bulk_loader_writes_only_into_a_database_the_demo_made(live: Database) -> None:
    before = snapshot(live)
    with live.read() as s:
        manager = accounts.get_actor(s, "manager")
    with pytest.raises(demo_marker.NotADemoDatabase):
        bulkdemo.bulk_fill(live, tickets=50, days=2, seed=1, end=END, manager=manager, clerk_ids=[manager.id],
                           techs=[], counter="main")
    assert snapshot(live) == before


def test_a_new_database_is_filled_and_filled_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's first command: the demo into a new file; and again into
    the database it made (the marker is what lets it)."""
    url = str(tmp_path / "demo.sqlite")
    for _time in range(2):
        code, out, err = run(capsys, "demo", "--db", url, "--days", "1", "--tickets", "5", "--quiet")
        assert code == EXIT_OK, err
    db = Database(url)
    with db.read() as s:
        assert demo_marker.made_by_demo(s)
        marker = s.get(Setting, demo_marker.MARKER)
        assert marker is not None and set(marker.value) == {"at", "version"}
        assert s.scalar(select(func.count(User.id))) == 3  # wang, li, zhao: once
    db.dispose()


def test_the_benchmark_does_not_run_over_a_shops_database(live: Database) -> None:
    """Its cases take intakes and payments: a shop's own file is refused
    whether it holds tickets enough or too few to build on."""
    # Here, not at the top: the benchmark's module is loaded only by this test.
    from frontdesk import bench

    before = snapshot(live)
    path = Path(live.engine.url.database or "")
    for tickets in (1, 10_000):
        with pytest.raises(SystemExit, match="Give --db a new file"):
            bench.ensure_database(path, tickets, progress=False)
    assert snapshot(live) == before
