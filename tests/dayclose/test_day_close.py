"""The day close of a known day, with its figures computed by hand, and the
day lock held by the database itself on both engines."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import select

from frontdesk.billing import payments
from frontdesk.billing.models import Receipt
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.errors import Conflict, DayClosed, NeedsManager, ValidationError
from frontdesk.users import Actor
from tests.billing.billing_helpers import approved_ticket

D = Decimal
DAY = date(2026, 11, 24)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def known_day(db: Database, manager: Actor, clerk: Actor) -> int:
    """350.30 owed.  R1 cash 100; R2 card 150; R3 cash 50, voided; R4 cash 30,
    corrected by R5 to card 30; R1 reprinted once; 20.30 waived."""
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        r1 = payments.take_payment(s, clerk, ticket, "cash", "100", tendered="100", now=at(10), counter="main")
        payments.take_payment(s, clerk, ticket, "card", "150.00", now=at(11), counter="main")
        r3 = payments.take_payment(s, clerk, ticket, "cash", "50", now=at(12), counter="main")
        payments.void_receipt(s, clerk, r3.id, "typed twice", approver=manager, now=at(12, 30))
        r4 = payments.take_payment(s, clerk, ticket, "cash", "30", now=at(13), counter="main")
        payments.correct_receipt(s, manager, r4.id, "30", "paid by card", method="card", now=at(14), counter="main")
        payments.grant_waiver(s, manager, ticket, "20.30", "loyal customer", now=at(15), counter="main")
        payments.reprint(s, clerk, r1.id, now=at(16))  # its audit record says when: the reprints of the day
    return ticket


COUNT = {"100": 5, "50": 1, "20": 2, "5": 1, "1": 3}  # 500 + 50 + 40 + 5 + 3 = 598


def test_a_known_day_matches_the_figures_computed_by_hand(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    known_day(db, manager, clerk)
    with db.read() as s:
        blind = dayclose.day_figures(s, DAY, blind=True, counter="main")
    assert blind.expected_cash is None and blind.over_short is None and blind.opening_float is None
    with db.write() as s:
        counted = dayclose.save_count(s, clerk, DAY, "500", denominations=COUNT, now=at(18), counter="main")
    assert counted.counted_cash == D("598.00")
    assert counted.expected_cash == D("600.00")  # 500 float + 100 + 30 - 30
    assert counted.over_short == D("-2.00")
    with db.read() as s:
        still_blind = dayclose.day_figures(s, DAY, blind=True, counter="main")
    assert still_blind.expected_cash == D("600.00")  # shown once the count is saved
    with db.write() as s, pytest.raises(NeedsManager):
        dayclose.close_day(s, clerk, DAY, now=at(18, 5), counter="main")
    with db.write() as s:
        f = dayclose.close_day(s, clerk, DAY, approver=manager, note="short by 2", now=at(18, 10), counter="main")
    assert (f.first_number, f.last_number, f.receipt_count) == ("R2026-000001", "R2026-000005", 5)
    assert f.gaps == ()
    assert [(v.number, v.amount, v.reason, v.approver) for v in f.voids] == [
        ("R2026-000003", D("50.00"), "typed twice", "Wang Manager")]
    assert [(c.number, c.corrects, c.net) for c in f.corrections] == [("R2026-000005", "R2026-000004", D("0.00"))]
    assert f.reprints == ("R2026-000001",)
    methods = {m.method: (m.count, m.money_in, m.money_out, m.net) for m in f.methods}
    assert methods["cash"] == (3, D("130.00"), D("30.00"), D("100.00"))
    assert methods["card"] == (2, D("180.00"), D("0"), D("180.00"))
    assert methods["mobile"] == (0, D("0"), D("0"), D("0"))
    assert (f.payments_total, f.payments_count) == (D("280.00"), 3)
    assert f.net_total == D("280.00")
    assert (f.deposits_taken, f.refunds, f.deposits_returned) == (D("0"), D("0"), D("0"))
    assert f.waived_total == D("20.30") and f.waivers[0].approver == "Wang Manager"
    assert (f.opening_float, f.expected_cash, f.counted_cash, f.over_short) == (
        D("500.00"), D("600.00"), D("598.00"), D("-2.00"))
    assert f.denominations == COUNT
    assert f.tickets_opened == 1 and f.open_by_state == {"approved": 1}
    assert f.closed and f.approved_by == "Wang Manager" and f.closed_by == "Li Clerk" and f.note == "short by 2"
    with db.read() as s:
        again = dayclose.day_figures(s, DAY, counter="main")
    assert again == f  # the snapshot, as closed
    with pytest.raises(Conflict), db.write() as s:
        dayclose.close_day(s, manager, DAY, now=at(19), counter="main")


def test_a_closed_day_refuses_payments_voids_and_waivers_but_a_later_day_takes_the_correction(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket = known_day(db, manager, clerk)
    with db.write() as s:
        dayclose.close_day(s, manager, DAY, opening_float="500", counted="600", now=at(18), counter="main")
        first = s.scalar(select(Receipt.id).where(Receipt.seq == 1))
        assert first is not None
    with pytest.raises(DayClosed, match="Take it on 2026-11-25"), db.write() as s:
        payments.take_payment(s, clerk, ticket, "cash", "10", now=at(18, 30), counter="main")
    with pytest.raises(DayClosed, match="later day"), db.write() as s:
        payments.void_receipt(s, manager, first, "wrong", now=at(9, day=date(2026, 11, 25)))
    with pytest.raises(DayClosed), db.write() as s:
        payments.grant_waiver(s, manager, ticket, "1", "late", now=at(19), counter="main")
    with pytest.raises(DayClosed), db.write() as s:
        dayclose.save_count(s, manager, DAY, "500", "601", now=at(19), counter="main")
    with db.write() as s:  # a reprint changes no money: allowed
        payments.reprint(s, clerk, first, now=at(9, day=date(2026, 11, 25)))
        fixed = payments.correct_receipt(s, manager, first, "90", "should have been 90",
                                         now=at(9, day=date(2026, 11, 25)), counter="main")
        assert fixed.number == "R2026-000006" and fixed.net == D("-10.00")
    with db.read() as s:
        assert dayclose.day_figures(s, DAY, counter="main").net_total == D("280.00")  # the closed day does not move
        nxt = dayclose.day_figures(s, date(2026, 11, 25), counter="main")
        cash = next(m for m in nxt.methods if m.method == "cash")
        assert (cash.money_in, cash.money_out) == (D("90.00"), D("100.00"))


RAW_INSERT = (
    "INSERT INTO receipts (number, year, seq, ticket_id, issued_at, issued_by_id, kind, counts_as, method, "
    "currency, amount, net, tax, lines, void_reason, correction_reason, reprints) VALUES "
    "('R2026-000099', 2026, 99, {ticket}, '2026-11-24 17:00:00', {user}, 'payment', 'payment', 'cash', 'CNY', "
    "5, 5, 0, '{{}}', '', '', 0)"
)


def test_the_database_itself_refuses_a_payment_on_a_closed_day(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket = known_day(db, manager, clerk)
    with db.write() as s:
        dayclose.close_day(s, manager, DAY, opening_float="0", counted="100", now=at(18), counter="main")
    raw = db.engine.raw_connection()  # the DB-API connection: no service, no SQLAlchemy hook
    try:
        cur = raw.cursor()
        with pytest.raises(Exception, match="FRONTDESK_DAY_CLOSED"):
            cur.execute(RAW_INSERT.format(ticket=ticket, user=clerk.id))
        raw.rollback()
        cur = raw.cursor()
        with pytest.raises(Exception, match="FRONTDESK_DAY_CLOSED"):
            cur.execute("UPDATE receipts SET amount = 1 WHERE seq = 1")
        raw.rollback()
        cur = raw.cursor()
        with pytest.raises(Exception, match="FRONTDESK_DAY_CLOSED"):
            cur.execute("UPDATE day_closes SET counted_cash = 1")
        raw.rollback()
        cur = raw.cursor()  # the next day is open
        cur.execute(RAW_INSERT.format(ticket=ticket, user=clerk.id).replace("2026-11-24", "2026-11-25"))
        raw.rollback()
    finally:
        raw.close()
    from sqlalchemy import text

    with pytest.raises(DayClosed), db.write() as s:  # through SQLAlchemy: the domain error
        s.execute(text(RAW_INSERT.format(ticket=ticket, user=clerk.id)))


def test_count_entry_is_checked(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    with db.write() as s:
        for kwargs in ({"counted": "-1"}, {"counted": "1.234"}, {"denominations": {"3": 1}},
                       {"denominations": {"100": -1}}, {}, {"denominations": {"100": 1}, "counted": "99"}):
            with pytest.raises(ValidationError):
                dayclose.save_count(s, manager, DAY, "500", now=at(18),
                                    counter="main", **kwargs)  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            dayclose.save_count(s, manager, date(2026, 11, 26), "500", "1", now=at(18), counter="main")
        with pytest.raises(ValidationError):
            dayclose.close_day(s, manager, DAY, now=at(18), counter="main")  # not counted
        with pytest.raises(TypeError):
            dayclose.save_count(s, manager, DAY, 500.0, "1", now=at(18), counter="main")  # type: ignore[arg-type]


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["payment", "deposit", "refund", "correction"]),
                          st.sampled_from(["cash", "card", "mobile", "transfer"]),
                          st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2),
                          st.sampled_from(["cash", "card", "mobile", "transfer"]),
                          st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2),
                          st.sampled_from(["payment", "deposit", "refund"])), max_size=30))
def test_method_movements_add_up_to_the_net_of_the_receipts(rows: list[tuple[str, str, Decimal, str, Decimal,
                                                                              str]]) -> None:
    receipts = []
    expected = D("0")
    for kind, method, amount, old_method, old_amount, counts_as in rows:
        counts = counts_as if kind == "correction" else kind
        sign = -1 if counts == "refund" else 1
        receipts.append((kind, counts, method, amount, old_method if kind == "correction" else None,
                         old_amount if kind == "correction" else None))
        expected += sign * (amount - old_amount) if kind == "correction" else sign * amount
    moves = dayclose.receipt_movements(receipts)
    assert sum((i - o for _n, i, o in moves.values()), D("0")) == expected
    assert all(i >= 0 and o >= 0 for _n, i, o in moves.values())
    assert sum(n for n, _i, _o in moves.values()) >= len(receipts)


@hsettings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(dayclose.DENOMINATIONS), st.integers(0, 10_000)))
def test_the_count_by_denomination_is_exact(pieces: dict[str, int]) -> None:
    cents = sum(int(D(face) * 100) * n for face, n in pieces.items())
    assert dayclose.count_total(pieces) == D(cents) / 100


def test_the_day_to_close_is_the_first_day_left_open(db: Database, users: tuple[Actor, Actor]) -> None:
    from datetime import timedelta

    manager, clerk = users
    with db.read() as s:
        assert dayclose.day_to_close(s, DAY, counter="main") == DAY  # nothing taken yet: today
    ticket = known_day(db, manager, clerk)
    later = DAY + timedelta(days=3)
    with db.read() as s:
        assert dayclose.day_to_close(s, later, counter="main") == DAY  # never closed: the latest day with receipts
    with db.write() as s:
        dayclose.close_day(s, manager, DAY, opening_float="500", denominations=COUNT, now=at(18, 10), counter="main")
    with db.read() as s:
        assert dayclose.day_to_close(s, later, counter="main") == later  # nothing open since: today
    for offset in (1, 2):
        with db.write() as s:
            payments.take_payment(s, clerk, ticket, "cash", "1", now=at(10, day=DAY + timedelta(days=offset)),
                                  counter="main")
    with db.read() as s:
        assert dayclose.day_to_close(s, later, counter="main") == DAY + timedelta(days=1)  # the first day left open


def test_each_counter_closes_its_own_drawer(db: Database, users: tuple[Actor, Actor]) -> None:
    """Two desks take money the same day: each day close counts its own
    receipts, the shop's one number sequence has no gaps, and closing the
    main desk leaves desk 2 open (in the database too)."""
    manager, clerk = users
    ticket = known_day(db, manager, clerk)  # R1..R5 at the main desk
    with db.write() as s:
        payments.take_payment(s, clerk, ticket, "cash", "20", now=at(16), counter="desk 2")  # R6
        payments.grant_waiver(s, manager, ticket, "0.30", "rounding", now=at(16, 5), counter="  desk   2 ")
    with db.read() as s:
        assert dayclose.counters_of(s, DAY, counter="desk 2") == ["desk 2", "main"]  # the one asking first
        assert dayclose.counters_of(s, DAY, counter="main") == ["main", "desk 2"]
        desk2 = dayclose.day_figures(s, DAY, "desk 2")
        main = dayclose.day_figures(s, DAY, "main")
    assert (desk2.first_number, desk2.last_number, desk2.receipt_count, desk2.gaps) == (
        "R2026-000006", "R2026-000006", 1, ())
    assert desk2.payments_total == D("20.00") and [w.amount for w in desk2.waivers] == [D("0.30")]
    assert (main.receipt_count, main.last_number, main.payments_total) == (5, "R2026-000005", D("280.00"))
    with db.write() as s:
        dayclose.close_day(s, manager, DAY, opening_float="500", denominations=COUNT, counter="main", now=at(18))
    with db.read() as s:
        assert dayclose.is_closed(s, DAY, "main") and not dayclose.is_closed(s, DAY, "desk 2")
    with db.write() as s:  # desk 2 still takes money on that day
        payments.take_payment(s, clerk, ticket, "card", "10", now=at(18, 30), counter="desk 2")
    with pytest.raises(DayClosed), db.write() as s:  # the main desk's drawer is closed: refused
        payments.take_payment(s, clerk, ticket, "card", "10", now=at(18, 40), counter="main")
    with db.read() as s:
        assert s.scalar(select(Receipt.counter).order_by(Receipt.seq.desc()).limit(1)) == "desk 2"


def test_a_counter_name_too_long_is_refused(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket = known_day(db, manager, clerk)
    with pytest.raises(ValidationError) as refused, db.write() as s:
        payments.take_payment(s, clerk, ticket, "cash", "1", now=at(17), counter="x" * 41)
    assert "counter" in refused.value.fields
    with pytest.raises(ValidationError), db.write() as s:
        dayclose.save_count(s, manager, DAY, "500", "1", counter="x" * 41, now=at(18))
