"""The bulk demo (issue 9): data written straight into the tables must obey
the same rules as data made through the services."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import func, select

from frontdesk import audit, customers
from frontdesk.billing import payments
from frontdesk.billing.models import Quote, Receipt
from frontdesk.bulkdemo import BULK_THRESHOLD, dispatch_threshold, span_days
from frontdesk.db.engine import Database
from frontdesk.db.models import (
    AuditRecord,
    Customer,
    CustomerKey,
    NumberSequence,
    RepairPart,
    RepairRecord,
    Ticket,
    TicketEvent,
)
from frontdesk.demo import DemoOptions, fill
from frontdesk.followup import service as followup
from frontdesk.followup.models import CallBack, FeedbackCard
from frontdesk.i18n import using
from frontdesk.intake import faults, query, states
from frontdesk.intake import service as intake
from frontdesk.intake.timeline import event_text

END = datetime(2026, 11, 25, 15, 0)
TICKETS = 3000


@pytest.fixture(scope="module")
def bulk(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("bulk") / "bulk.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    summary = fill(db, DemoOptions(tickets=TICKETS, bulk=True, now=END))
    assert summary.completed and summary.tickets == TICKETS
    yield db
    db.dispose()


def _gapless(numbers: Iterable[tuple[int, int]], counters: dict[int, int]) -> None:
    """(year, seq) pairs run 1..n in each year, and the year's counter row says n."""
    by_year: dict[int, list[int]] = defaultdict(list)
    for year, seq in numbers:
        by_year[year].append(seq)
    assert by_year, "nothing numbered"
    for year, seqs in by_year.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), year
        assert counters.get(year) == len(seqs), year
    assert set(counters) == set(by_year)


def _counters(db: Database, name: str) -> dict[int, int]:
    with db.read() as s:
        return dict(s.execute(select(NumberSequence.year, NumberSequence.last)
                              .where(NumberSequence.name == name)).all())


def test_the_bulk_path_is_taken_for_large_demos_only() -> None:
    assert not dispatch_threshold(None, None) and not dispatch_threshold(BULK_THRESHOLD, None)
    assert dispatch_threshold(BULK_THRESHOLD + 1, None)
    assert dispatch_threshold(10, True) and not dispatch_threshold(10**6, False)
    assert span_days(1_000_000, 60) == 5 * 365 + 1 and span_days(3000, 60) == 60


def test_ticket_receipt_and_card_numbers_are_gapless_with_their_counters(bulk: Database) -> None:
    with bulk.read() as s:
        tickets = [(int(n[1:5]), int(n[6:])) for n in s.scalars(select(Ticket.number))]
        receipts = list(s.execute(select(Receipt.year, Receipt.seq)))
        numbers_match = all(n == f"R{y}-{q:06d}" for n, y, q in s.execute(select(Receipt.number, Receipt.year,
                                                                                    Receipt.seq)))
        cards = [(int(n[1:5]), int(n[6:])) for n in s.scalars(select(FeedbackCard.serial))]
        # Numbers follow time: a later receipt never has a smaller number in its year.
        order = [r[0] for r in s.execute(select(Receipt.seq).order_by(Receipt.year, Receipt.issued_at, Receipt.id))]
    assert len(tickets) == TICKETS
    _gapless(tickets, _counters(bulk, "ticket"))
    _gapless(receipts, _counters(bulk, payments.SEQUENCE))
    _gapless(cards, _counters(bulk, "card"))
    assert numbers_match
    assert len(order) == len(receipts)


def test_every_ticket_has_its_created_event_audit_record_and_legal_moves(bulk: Database) -> None:
    from frontdesk import audit

    with bulk.read() as s:
        check = audit.verify_chain(s.connection())  # the bulk rows are chained like the services' records
        assert check.intact and check.count == s.scalar(select(func.count(AuditRecord.id))), check.message
        created = set(s.scalars(select(TicketEvent.ticket_id).where(TicketEvent.kind == "created")))
        audited = {int(x) for x in s.scalars(select(AuditRecord.entity_id).where(AuditRecord.action == "ticket.create"))}
        ids = set(s.scalars(select(Ticket.id)))
        moves: dict[int, list[tuple[str | None, str | None]]] = defaultdict(list)
        for tid, from_state, to_state in s.execute(select(TicketEvent.ticket_id, TicketEvent.from_state,
                                                          TicketEvent.to_state)
                                                   .where(TicketEvent.kind == "state").order_by(TicketEvent.id)):
            moves[tid].append((from_state, to_state))
        first = dict(s.execute(select(TicketEvent.ticket_id, TicketEvent.to_state)
                               .where(TicketEvent.kind == "created")).all())
        final = dict(s.execute(select(Ticket.id, Ticket.state)).all())
        closed_without_time = s.scalar(select(func.count(Ticket.id)).where(
            Ticket.state.in_(states.FINAL), Ticket.closed_at.is_(None)))
    assert created == ids and audited == ids
    for tid in ids:
        state = first[tid]
        assert state is not None, tid
        for from_state, to_state in moves[tid]:
            assert from_state == state and to_state is not None and states.can_move(state, to_state), tid
            state = to_state
        assert state == final[tid], tid
    assert closed_without_time == 0
    shares: defaultdict[str, int] = defaultdict(int)
    for state in final.values():
        shares[state] += 1
    assert shares[states.CLOSED] > TICKETS // 2 and len(shares) > 3  # most closed, some still on their way


def test_the_life_of_a_repair_holds_the_services_rules(bulk: Database) -> None:
    """No work out of warranty before the customer approved the quote; a
    repair ticket is repaired with its repair record; a walk-in's product is
    ready, then picked up (never closed straight from repaired or declined);
    a product waiting for pick-up has its "please collect" call-back."""
    with bulk.read() as s:
        tickets = {t.id: t for t in s.execute(select(Ticket.id, Ticket.kind, Ticket.channel, Ticket.state,
                                                     Ticket.warranty_status, Ticket.ready_at, Ticket.picked_up_at,
                                                     Ticket.fault_category)).all()}
        moves = s.execute(select(TicketEvent.ticket_id, TicketEvent.from_state, TicketEvent.to_state)
                          .where(TicketEvent.kind == "state")).all()
        records = dict(s.execute(select(RepairRecord.ticket_id, RepairRecord.action)).all())
        with_part = set(s.scalars(select(RepairRecord.ticket_id).join(RepairPart,
                                                                       RepairPart.record_id == RepairRecord.id)))
        calls = set(s.scalars(select(CallBack.ticket_id).where(CallBack.reason == followup.READY_TO_COLLECT,
                                                               CallBack.done_at.is_(None))))
    assert {t.state for t in tickets.values()} <= set(states.TRANSITIONS)
    for tid, from_state, to_state in moves:
        t = tickets[tid]
        if to_state == states.IN_REPAIR and from_state in states.BEFORE_APPROVAL:
            assert t.warranty_status == "in", tid
        if to_state == states.REPAIRED and t.kind == intake.REPAIR:
            assert tid in records and t.fault_category, tid
        if to_state == states.CLOSED and t.channel == intake.WALK_IN and from_state != states.RECEIVED:
            assert from_state == states.READY and t.picked_up_at is not None, tid
    assert records and all((action == faults.REPLACED_PART) == (tid in with_part) for tid, action in records.items())
    waiting = [tid for tid, t in tickets.items() if t.state == states.READY]
    assert waiting and all(tickets[tid].ready_at is not None and tid in calls for tid in waiting)
    picked = [t for t in tickets.values() if t.picked_up_at is not None]
    assert picked and all(t.ready_at is not None and t.ready_at <= t.picked_up_at for t in picked)


def test_paid_tickets_owe_nothing_and_customers_come_back(bulk: Database) -> None:
    with bulk.read() as s:
        paid = list(s.scalars(select(Receipt.ticket_id).limit(50)))
        outstanding = [payments.balance(s, tid).outstanding for tid in paid]
        approved = s.scalar(select(func.count(Quote.id)).where(Quote.state == "approved"))
        n_customers = s.scalar(select(func.count(Customer.id)))
        without_keys = s.scalar(select(func.count(Customer.id)).where(
            ~Customer.id.in_(select(CustomerKey.customer_id))))
    assert paid and all(o == 0 for o in outstanding)
    assert approved
    assert n_customers is not None and TICKETS // 8 < n_customers < TICKETS // 3  # repeat customers
    assert without_keys == 0


def test_the_ticket_list_and_customer_search_work_on_it(bulk: Database) -> None:
    with bulk.read() as s:
        rows = query.page(s, query.TicketFilter(), None, 200)
        older = query.page(s, query.TicketFilter(), rows[-1].id, 200)
        open_rows = query.page(s, query.TicketFilter(open_only=True), None, 50)
        zhang = customers.search(s, "张三")
        someone = s.execute(select(Customer.id, Customer.phone, Customer.name).where(Customer.id == 100)).one()
        by_phone = customers.search(s, someone.phone.removeprefix("+86"))
        by_last_four = customers.find_customer_ids(s, someone.phone[-4:], limit=200)
    assert len(rows) == 200 and [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    assert older and older[0].id < rows[-1].id
    assert open_rows and all(r.state in states.OPEN for r in open_rows)
    assert zhang and zhang[0].name == "张三" and zhang[0].ticket_count >= 1 and zhang[0].last_visit is not None
    assert [m.id for m in by_phone] == [someone.id]
    assert someone.id in by_last_four


@pytest.mark.slow
def test_the_benchmark_runs_every_case_and_writes_json(tmp_path: Path) -> None:
    """Every case runs on a database just big enough that the window cases
    find several tickets and names to use (one round: how rounds alternate
    and their ratios combine is tests/test_bench_method.py's)."""
    out = tmp_path / "bench.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTDESK_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk.bench", "--tickets", "1200", "--rounds", "1",
         "--export-tickets", "100", "--db", str(tmp_path / "bench.sqlite"), "--json", str(out)],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    names = [c["name"] for c in result["cases"]]
    for part in ("customer search", "ticket list", "program start", "intake save", "quote for a 10-line",
                 "receipt PDF", "head-office export", "day close", "service figures of a month"):
        assert any(n.startswith(part) for n in names), part
    for case in result["cases"]:
        assert case["runs"] >= 1 and case["median_ms"] > 0
    export = next(c for c in result["cases"] if c["name"].startswith("head-office export"))
    assert export["baseline_median_ms"] and export["extra"]["memory_ratio"] > 0
    assert result["database"]["tickets"] >= 1200 and result["method"]["rounds"] == 1
    assert "| case |" in done.stdout


def test_the_bulk_demos_state_moves_read_in_the_readers_language(bulk: Database) -> None:
    """The million-ticket loader writes its moves as messages, like the
    services: the timeline reads them in Chinese too, never as keys."""
    with bulk.read() as s, using("zh_CN"):
        moves = list(s.scalars(select(TicketEvent).where(TicketEvent.kind == "state").limit(20)))
        assert moves and all("→" in event_text(e) and "_" not in event_text(e) for e in moves)
        assert any(event_text(e).startswith("已受理 → ") for e in moves)


def test_both_engines_get_the_same_rows(bulk: Database, tmp_path: Path, pg_template: str | None) -> None:
    """The bulk load goes through the driver's executemany on SQLite and
    ``COPY`` on PostgreSQL; the same seed and end moment give the same rows
    on both (the benchmark compares the engines on that promise), and the
    PostgreSQL database takes new rows after them (its id sequences moved on)."""
    from tests.conftest import make_db  # Here, not at the top: the fixtures' helper, for a second database

    with contextmanager(make_db)("postgresql", tmp_path, Path(), pg_template) as pg_db:
        summary = fill(pg_db, DemoOptions(tickets=TICKETS, bulk=True, now=END))
        assert summary.completed and summary.tickets == TICKETS

        def rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
            with db.read() as s:
                return {
                    "tickets": [tuple(r) for r in s.execute(select(
                        Ticket.id, Ticket.number, Ticket.state, Ticket.intake_at, Ticket.picked_up_at, Ticket.customer_id,
                        Ticket.product_id, Ticket.accessories, Ticket.to_verify).order_by(Ticket.id))],
                    "customers": [tuple(r) for r in s.execute(select(
                        Customer.id, Customer.name, Customer.phone).order_by(Customer.id))],
                    "quotes": [tuple(r) for r in s.execute(select(
                        Quote.id, Quote.ticket_id, Quote.state, Quote.total, Quote.card_applies).order_by(Quote.id))],
                    "receipts": [tuple(r) for r in s.execute(select(
                        Receipt.id, Receipt.number, Receipt.amount, Receipt.issued_at).order_by(Receipt.id))],
                    "events": [tuple(r) for r in s.execute(select(
                        TicketEvent.ticket_id, TicketEvent.kind, TicketEvent.at).order_by(TicketEvent.id))],
                    "audit": [tuple(r) for r in s.execute(select(
                        AuditRecord.id, AuditRecord.action, AuditRecord.entity, AuditRecord.entity_id)
                        .order_by(AuditRecord.id))],
                }

        want, got = rows(bulk), rows(pg_db)
        for name in want:
            assert len(got[name]) == len(want[name]) > 0, name
            assert got[name] == want[name], name
        with pg_db.engine.connect() as conn:
            chain = audit.verify_chain(conn)  # the hashes differ (the users are made now), the chain holds
        assert chain.broken_id is None and chain.count == len(want["audit"]), chain.message
        with pg_db.read() as s:
            assert want["customers"][0][0] in customers.find_customer_ids(s, str(want["customers"][0][1])[:2], 500)
        with pg_db.write() as s:
            s.add(Customer(name="After the load", phone="13900000000", created_at=END))
            s.flush()
            assert cast(int, want["customers"][-1][0]) < (s.scalar(select(func.max(Customer.id))) or 0)
