"""`frontdesk demo`: realistic data made through the services, the same for a seed."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk import customers, settings
from frontdesk import users as accounts
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Complaint, Customer, Product, Technician, Ticket, TicketEvent, Visit
from frontdesk.demo import DEFAULT_SHOP, DemoOptions, DemoSummary, fill
from frontdesk.followup.models import CallBack, FeedbackCard
from frontdesk.intake import responses, states, visits
from frontdesk.intake import service as intake
from frontdesk.intake.warranty import load_category_rules

END = datetime(2026, 11, 25, 15, 0)  # a Wednesday afternoon
SMALL = DemoOptions(days=3, tickets=60, seed=1, now=END)


def fresh_db(template: Path, folder: Path, name: str) -> Database:
    path = folder / f"{name}.sqlite"
    shutil.copy(template, path)
    return Database(f"sqlite:///{path}")


def rows(db: Database) -> list[tuple[str, str, str, str, str, str]]:
    """What two fills with the same seed must agree on."""
    with db.read() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(Ticket.number, Ticket.kind, Ticket.state, Customer.name, Customer.phone, Ticket.channel)
            .join(Customer, Customer.id == Ticket.customer_id).order_by(Ticket.id))]


@pytest.fixture(scope="module")
def small(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary, list[float]]]:
    db = fresh_db(sqlite_template, tmp_path_factory.mktemp("demo"), "small")
    seen: list[float] = []

    def progress(fraction: float, note: str) -> None:
        assert isinstance(note, str)
        seen.append(fraction)

    summary = fill(db, SMALL, progress=progress)
    yield db, summary, seen
    db.dispose()


def test_the_demo_users_log_in_with_the_pins_the_readme_promises(
        small: tuple[Database, DemoSummary, list[float]]) -> None:
    db, summary, _seen = small
    got = {name: accounts.sign_in(db, name, pin) for name, pin in [("wang", "1111"), ("li", "2222"), ("zhao", "3333")]}
    assert {n: a.role for n, a in got.items()} == {"wang": "manager", "li": "clerk", "zhao": "clerk"}
    with db.read() as s:
        assert {u.name: u.full_name for u in accounts.list_users(s)} == {"wang": "王经理", "li": "李小红", "zhao": "赵磊"}
    text = summary.text()
    for line in ("wang / 1111", "li / 2222", "zhao / 3333", "王经理"):
        assert line in text
    assert summary.completed and summary.tickets == 60
    assert f"{summary.customers} customers, 60 tickets" in text


def test_the_shop_profile_and_technicians_are_set(small: tuple[Database, DemoSummary, list[float]]) -> None:
    db, _summary, _seen = small
    with db.read() as s:
        profile = settings.load(s)
        techs = {t.name: list(t.areas) for t in s.scalars(select(Technician))}
    assert profile["shop_name"] == DEFAULT_SHOP and profile["shop_code"] and "北京市" in profile["shop_address"]
    assert profile["shop_phone"]
    assert 4 <= len(techs) <= 6 and {"刘师傅", "陈师傅", "Li Wei"} <= set(techs)
    assert all(areas and all(a.endswith("区") for a in areas) for areas in techs.values())


def test_every_state_channel_and_phone_kind_shows(small: tuple[Database, DemoSummary, list[float]]) -> None:
    db, _summary, _seen = small
    with db.read() as s:
        found = Counter(s.execute(select(Ticket.state)).scalars())
        kinds = {(c, k) for c, k in s.execute(select(Ticket.channel, Ticket.kind))}
    assert set(found) == set(states.TRANSITIONS), set(states.TRANSITIONS) - set(found)
    assert {c for c, _k in kinds} == {intake.WALK_IN, intake.PHONE}
    assert {k for c, k in kinds if c == intake.PHONE} == set(intake.KINDS)


def test_every_ticket_was_taken_and_moved_through_the_services(
        small: tuple[Database, DemoSummary, list[float]]) -> None:
    db, _summary, _seen = small
    with db.read() as s:
        tickets = {t.id: (t.state, t.intake_at) for t in s.scalars(select(Ticket))}
        created = s.scalar(select(func.count()).where(AuditRecord.action == "ticket.create"))
        moves = s.execute(select(TicketEvent.ticket_id, TicketEvent.kind, TicketEvent.from_state,
                                 TicketEvent.to_state).where(TicketEvent.to_state.is_not(None))
                          .order_by(TicketEvent.ticket_id, TicketEvent.at, TicketEvent.id)).all()
    assert created == len(tickets) == 60
    walked: dict[int, str] = {}
    for ticket_id, kind, frm, to in moves:
        assert to is not None  # the query asks for moves only
        if kind == "created":
            walked[ticket_id] = to
            continue
        assert ticket_id in walked
        assert kind == "visit" or frm == walked[ticket_id], (ticket_id, frm, walked[ticket_id])
        assert walked[ticket_id] == to or states.can_move(walked[ticket_id], to), (ticket_id, walked[ticket_id], to)
        walked[ticket_id] = to
    assert {tid: state for tid, (state, _at) in tickets.items()} == walked
    # Dated over the last days, taken in opening hours on working days.
    with db.read() as s:
        cal = settings.work_calendar(s)
    assert all(END - timedelta(days=7) <= at <= END for _state, at in tickets.values())
    assert all(cal.within_hours(at) for _state, at in tickets.values())


def test_customers_have_chinese_and_latin_names_and_some_come_back(
        small: tuple[Database, DemoSummary, list[float]]) -> None:
    db, _summary, _seen = small
    with db.read() as s:
        people = list(s.scalars(select(Customer)))
        names = {c.name for c in people}
        assert {"张三", "李四", "王芳", "John Smith"} <= names
        assert any(len(n) == 2 and not n.isascii() for n in names)
        assert [m.name for m in customers.search(s, "张三")][:1] == ["张三"]
        assert "John Smith" in [m.name for m in customers.search(s, "smith")]
        assert all(c.phone.startswith("+") for c in people)
        assert sum(c.phone.startswith("+861") and len(c.phone) == 14 for c in people) > len(people) * 0.7
        assert all(c.address.startswith("北京市") and c.area.endswith("区") for c in people if c.address)
        per_customer = Counter(s.scalars(select(Ticket.customer_id)))
        assert max(per_customer.values()) >= 3  # returning customers
        categories = set(s.scalars(select(Product.category)))
        statuses = set(s.scalars(select(Ticket.warranty_status).where(Ticket.product_id.is_not(None))))
    assert categories == set(load_category_rules())
    assert {"in", "out", "partial", "unknown"} <= statuses


def test_visits_complaints_and_the_desk_lists_have_something_to_show(
        small: tuple[Database, DemoSummary, list[float]]) -> None:
    db, summary, _seen = small
    with db.read() as s:
        today = visits.visits_by_area(s, END.date())
        tomorrow = visits.visits_by_area(s, END.date() + timedelta(days=1))
        assert len(today) >= 2 and len(tomorrow) >= 2
        assert any(g.suggested_technician_id for g in today)
        assert summary.visits == (s.scalar(select(func.count(Visit.id))) or 0) > 0
        complaints = list(s.scalars(select(Complaint)))
        assert any(c.closed_at is None for c in complaints)
        closed = [c for c in complaints if c.closed_at is not None]
        wang = accounts.get_actor(s, "wang")
        assert closed and all(c.closed_by_id == wang.id for c in closed)
        assert (s.scalar(select(func.count()).where(Ticket.to_verify.is_(True))) or 0) > 0
        due = responses.responses_due(s, now=END)
        assert any(d.overdue for d in due) and any(not d.overdue for d in due)
        assert (s.scalar(select(func.count()).where(Ticket.misuse_resolved.is_(True))) or 0) > 0
        reasons = set(s.scalars(select(CallBack.reason)))
        assert {"consultation", "misuse"} <= reasons
        assert (s.scalar(select(func.count(FeedbackCard.id))) or 0) > 0


def test_progress_runs_from_zero_to_one(small: tuple[Database, DemoSummary, list[float]]) -> None:
    _db, _summary, seen = small
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) > 10


def test_the_same_seed_gives_the_same_data(
        small: tuple[Database, DemoSummary, list[float]], sqlite_template: Path, tmp_path: Path) -> None:
    db, _summary, _seen = small
    again = fresh_db(sqlite_template, tmp_path, "again")
    other = fresh_db(sqlite_template, tmp_path, "other")
    try:
        fill(again, SMALL)
        fill(other, DemoOptions(days=3, tickets=60, seed=2, now=END))
        first = rows(db)
        assert rows(again) == first and len(first) == 60
        assert rows(other) != first
    finally:
        again.dispose()
        other.dispose()


def test_a_stop_from_the_progress_callback_keeps_what_was_saved(sqlite_template: Path, tmp_path: Path) -> None:
    db = fresh_db(sqlite_template, tmp_path, "stopped")
    try:
        calls: list[float] = []

        def stop_half_way(fraction: float, _note: str) -> bool:
            calls.append(fraction)
            return fraction < 0.5

        summary = fill(db, DemoOptions(days=5, tickets=400, seed=3, now=END), progress=stop_half_way)
        assert not summary.completed and "Stopped" in summary.text()
        assert max(calls) < 0.6
        with db.read() as s:
            saved = s.scalar(select(func.count(Ticket.id))) or 0
            assert {u.name for u in accounts.list_users(s)} == {"wang", "li", "zhao"}
        assert 0 < saved < 400 and summary.tickets == saved  # whole batches only
        # Filling again goes on from there: the demo users are reused, not refused.
        summary = fill(db, DemoOptions(days=1, tickets=10, seed=4, now=END))
        assert summary.completed and summary.tickets == saved + 10
        assert all(u.pin_known for u in summary.users)
    finally:
        db.dispose()


def test_existing_users_are_reused_and_their_pins_left_alone(db: Database) -> None:
    """Over a database the demo made, a second fill reuses its users and
    leaves a PIN changed since alone (and says the demo's is not it)."""
    fill(db, DemoOptions(days=1, tickets=0, seed=5, now=END))
    with db.write() as s:
        wang = accounts.get_actor(s, "wang")
        accounts.set_pin(s, wang, wang.id, "9999")
    summary = fill(db, DemoOptions(days=2, tickets=25, seed=5, now=END))
    by_name = {u.name: u for u in summary.users}
    assert (by_name["wang"].pin_known, by_name["li"].pin_known, by_name["zhao"].pin_known) == (False, True, True)
    text = summary.text()
    assert "wang / 1111" not in text and "existing user" in text and "li / 2222" in text
    assert accounts.sign_in(db, "wang", "9999").is_manager
    assert accounts.sign_in(db, "li", "2222").role == accounts.CLERK
    with db.read() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 25


def test_a_bigger_demo_shows_the_rarer_cases(sqlite_template: Path, tmp_path: Path) -> None:
    db = fresh_db(sqlite_template, tmp_path, "bigger")
    try:
        summary = fill(db, DemoOptions(days=10, tickets=500, seed=1, now=END, shop="测试维修店"))
        assert summary.tickets == 500 and summary.shop == "测试维修店"
        with db.read() as s:
            assert settings.get(s, "shop_name") == "测试维修店"
            assert (s.scalar(select(func.count()).where(Ticket.technician_uncertain.is_(True))) or 0) > 0
            assert (s.scalar(select(func.count()).where(Ticket.repeat_of_id.is_not(None))) or 0) > 0
            assert (s.scalar(select(func.count()).where(Ticket.verify_override_by_id.is_not(None))) or 0) > 0
            assert (s.scalar(select(func.count()).where(Ticket.repair_days > 0)) or 0) > 0
            cards = s.execute(select(FeedbackCard.quality, FeedbackCard.attitude, FeedbackCard.signed)
                              .where(FeedbackCard.returned_on.is_not(None))).all()
            assert any(q == 3 and a == 3 and signed for q, a, signed in cards)  # satisfied
            assert any(1 in (q, a) for q, a, _signed in cards)  # not satisfied
            assert any(signed is False for _q, _a, signed in cards)  # not signed
            assert (s.scalar(select(func.count(FeedbackCard.id)).where(FeedbackCard.returned_on.is_(None))) or 0) > 0
            reasons = set(s.scalars(select(CallBack.reason)))
            assert {"uncertain_repair", "dissatisfied", "follow_up", "no_response"} <= reasons
    finally:
        db.dispose()
