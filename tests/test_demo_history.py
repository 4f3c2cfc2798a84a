"""`frontdesk demo` makes a history that reads like a shop's days: every
past day has its intakes, quotes, payments and receipts in time order and,
with --close-days, a day close that balances; repairs end with a repair
record and walk-in products are picked up (some still waiting); warranty
pays for some fee lines; repeat repairs of the same fault; and two demo shops
with their own codes consolidate."""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from frontdesk import pickup, settings
from frontdesk.billing import payments, quotes
from frontdesk.billing.models import Quote, QuoteLine, Receipt
from frontdesk.cli import EXIT_OK
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import RepairPart, RepairRecord, Ticket
from frontdesk.demo import DemoOptions, fill
from frontdesk.followup import service as followup
from frontdesk.followup.models import CallBack
from frontdesk.headoffice import schema
from frontdesk.headoffice.export import export_workbook
from frontdesk.intake import faults, states
from frontdesk.intake import service as intake
from frontdesk.loaners.models import PullBack
from tests.test_cli import _clean_environment, run  # noqa: F401  (the autouse fixture, the runner)

END = datetime(2026, 11, 25, 15, 0)  # a Wednesday afternoon
OPTIONS = DemoOptions(days=12, tickets=420, seed=1, now=END, close_days=True)


@pytest.fixture(scope="module")
def history(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("demo_history") / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    summary = fill(db, OPTIONS)
    assert summary.completed and summary.tickets == OPTIONS.tickets
    yield db
    db.dispose()


def _past_working_days(db: Database) -> list[date]:
    with db.read() as s:
        cal = settings.work_calendar(s)
        first = s.scalar(select(func.min(Ticket.intake_at)))
    assert first is not None
    days = [first.date() + timedelta(days=n) for n in range((END.date() - first.date()).days)]
    return [d for d in days if cal.is_working_day(d)]


def test_receipt_numbers_follow_the_clock_across_the_whole_history(history: Database) -> None:
    with history.read() as s:
        rows = s.execute(select(Receipt.year, Receipt.seq, Receipt.issued_at).order_by(Receipt.year, Receipt.seq)).all()
    assert rows and [r.seq for r in rows] == list(range(1, len(rows) + 1))  # one year, gapless
    assert all(a.issued_at <= b.issued_at for a, b in zip(rows, rows[1:], strict=False))
    by_day: dict[date, int] = defaultdict(int)
    for r in rows:
        by_day[r.issued_at.date()] += 1
    past = _past_working_days(history)
    # Money every working day once the first repairs are done, not all on the last one.
    assert all(by_day[d] > 0 for d in past[1:]), {d: by_day[d] for d in past}
    assert max(by_day.values()) < len(rows) / 3


def test_every_past_day_has_intakes_quotes_approvals_and_pick_ups(history: Database) -> None:
    with history.read() as s:
        intakes = {t.date() for t in s.scalars(select(Ticket.intake_at))}
        quoted = {t.date() for t in s.scalars(select(Quote.created_at))}
        approved = {t.date() for t in s.scalars(select(Quote.approved_at)) if t is not None}
        picked = {t.date() for t in s.scalars(select(Ticket.picked_up_at)) if t is not None}
    past = _past_working_days(history)
    assert set(past) <= intakes
    assert set(past[1:]) <= quoted and set(past[1:]) <= approved
    assert set(past[2:]) <= picked


def test_every_past_working_day_is_closed_and_its_drawer_balances(history: Database) -> None:
    past = _past_working_days(history)
    with history.read() as s:
        closes = {c.day: c for c in dayclose.list_closes(s, past[0], END.date())}
        assert set(closes) == set(past)
        assert not dayclose.is_closed(s, END.date(), counter="main")
        for day in past:
            f = dayclose.day_figures(s, day, counter="main")
            cash = sum((r.net for r in s.scalars(select(Receipt).where(
                Receipt.issued_at >= datetime.combine(day, time.min),
                Receipt.issued_at < datetime.combine(day + timedelta(days=1), time.min),
                Receipt.method == payments.CASH, Receipt.voided_at.is_(None), Receipt.counter == "main"))),
                Decimal(0))
            assert f.closed and f.opening_float is not None
            assert f.expected_cash == f.opening_float + cash == f.counted_cash, day
            assert f.over_short == 0 and closes[day].over_short == 0


def test_repairs_end_with_a_repair_record_and_walk_ins_are_picked_up(history: Database) -> None:
    with history.read() as s:
        done = list(s.scalars(select(Ticket.id).where(Ticket.kind == intake.REPAIR,
                                                   Ticket.state.in_((states.REPAIRED, states.READY, states.CLOSED)),
                                                   Ticket.misuse_resolved.is_(False))))
        records = {r.ticket_id: (r.id, r.action, r.fault_category) for r in s.scalars(select(RepairRecord))}
        declined = set(s.scalars(select(Quote.ticket_id).where(Quote.state == quotes.DECLINED)))
        parts = s.execute(select(RepairPart.record_id, RepairPart.part_no, RepairPart.new_serial)).all()
        walk_ins_closed = s.execute(select(Ticket.id, Ticket.ready_at, Ticket.picked_up_at).where(
            Ticket.channel == intake.WALK_IN, Ticket.state == states.CLOSED, Ticket.product_id.is_not(None))).all()
        pulled = set(s.scalars(select(PullBack.ticket_id).where(PullBack.handed_back_at.is_not(None))))
        picked_any = set(s.scalars(select(Ticket.id).where(Ticket.picked_up_at.is_not(None))))
    assert done and all(t in records or t in declined for t in done)
    assert {action for _id, action, _fault in records.values()} == set(faults.ACTIONS)
    assert all(fault for _id, _action, fault in records.values())
    # No fault found and cannot be repaired come straight from diagnosing: no part replaced.
    assert parts and all(p.part_no and p.new_serial for p in parts)
    with_parts = {p.record_id for p in parts}
    assert all((record in with_parts) == (action == faults.REPLACED_PART) for record, action, _f in records.values())
    # A walk-in's product was ready, then collected; a ticket cancelled is not picked up.
    picked = [t for t in walk_ins_closed if t.picked_up_at is not None]
    assert picked and all(t.ready_at is not None and t.picked_up_at is not None and t.ready_at <= t.picked_up_at
                          for t in picked)
    assert all(t.picked_up_at is not None or t.id not in records for t in walk_ins_closed)
    assert pulled and pulled <= picked_any  # pulled back, back at the counter, picked up (a walk-in's or a visit's)


def test_some_products_wait_for_pick_up_some_past_the_reminder_days(history: Database) -> None:
    with history.read() as s:
        waiting = pickup.uncollected(s, END.date())
        days = int(settings.get(s, "pickup_reminder_days"))
        calls = s.execute(select(CallBack.ticket_id, CallBack.done_at, CallBack.attempt)
                          .where(CallBack.reason == followup.READY_TO_COLLECT)).all()
    assert len(waiting) >= 3
    long = [w for w in waiting if w.days_waiting > days]
    assert long
    assert any(c.done_at is not None for c in calls)
    # The one waiting longest was called again after the reminder days.
    assert any(c.ticket_id == long[0].ticket_id and c.attempt > 1 for c in calls)


def test_warranty_pays_for_lines_and_partly_covered_tickets_show_in_the_workbook(history: Database,
                                                                                   tmp_path: Path) -> None:
    with history.read() as s:
        lines = s.execute(select(Quote.id, Quote.total, QuoteLine.in_warranty, QuoteLine.amount)
                          .join(QuoteLine, QuoteLine.quote_id == Quote.id)
                          .where(Quote.state == quotes.APPROVED, QuoteLine.stage == quotes.STAGE_QUOTE)).all()
    by_quote: dict[int, list[tuple[bool, Decimal]]] = defaultdict(list)
    for quote_id, _total, covered, amount in lines:
        by_quote[quote_id].append((covered, amount))
    free = [q for q, ls in by_quote.items() if all(c for c, _a in ls)]
    partly = [q for q, ls in by_quote.items() if any(c for c, _a in ls) and any(a > 0 for _c, a in ls)]
    assert free and partly
    assert all(a == 0 for q in free for _c, a in by_quote[q])
    out = tmp_path / "shop.xlsx"
    export_workbook(history, None, out, END.date() - timedelta(days=60), END.date(), now=END)
    sheet = load_workbook(str(out), read_only=True)["fee_lines"]
    keys = [c.key for c in schema.SHEETS["fee_lines"]]
    rows = [dict(zip(keys, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(r["covered_by_warranty"] is True and not r["charged_amount"] for r in rows)  # covered, nothing charged
    assert any(r["covered_by_warranty"] is False and r["charged_amount"] for r in rows)


def test_repeat_repairs_count_earlier_repairs_of_the_same_fault(history: Database) -> None:
    with history.read() as s:
        repeats = s.execute(select(Ticket.repeat_of_id, Ticket.fault_category)
                            .where(Ticket.repeat_of_id.is_not(None))).all()
        twice = s.execute(select(Ticket.warranty_status, Ticket.prior_repair_ids)
                          .where(Ticket.prior_repairs_same_fault >= 2)).all()
        earlier = {r.ticket_id: (r.fault_category, r.action) for r in s.scalars(select(RepairRecord).where(
            RepairRecord.ticket_id.in_([t.repeat_of_id for t in repeats])))}
    assert repeats and twice
    for repeat_of, fault in repeats:
        assert repeat_of is not None and fault
        assert earlier[repeat_of][0] == fault and earlier[repeat_of][1] in faults.REPAIRS
    # Back a third time in warranty: 三包 says exchange.
    assert any(t.warranty_status == "in" and len(t.prior_repair_ids) >= 2 for t in twice)


def test_two_demo_shops_with_their_own_codes_consolidate(sqlite_template: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    books = []
    for code, name in (("BJ-HD01", "鸿运家电维修中心"), ("BJ-CY02", "鸿运朝阳店")):
        path = tmp_path / f"{code}.sqlite"
        shutil.copy(sqlite_template, path)
        url = f"sqlite:///{path}"
        code_, out, err = run(capsys, "demo", "--db", url, "--days", "2", "--tickets", "30", "--quiet",
                              "--shop-code", code, "--shop-name", name)
        assert code_ == EXIT_OK, err
        assert name in out
        book = tmp_path / f"{code}.xlsx"
        today = date.today()
        code_, _out, err = run(capsys, "export", "--db", url, "--from", (today - timedelta(days=10)).isoformat(),
                               "--to", today.isoformat(), "-o", str(book), "--quiet")
        assert code_ == EXIT_OK, err
        books.append(book)
    merged = tmp_path / "all.xlsx"
    code_, out, err = run(capsys, "consolidate", *map(str, books), "-o", str(merged), "--quiet")
    assert code_ == EXIT_OK, err
    shops = [r[0] for r in load_workbook(str(merged), read_only=True)["shops"].iter_rows(min_row=2, values_only=True)]
    assert shops == ["BJ-HD01", "BJ-CY02"]
