"""Guessing a PIN through users.sign_in, the one place a PIN is checked.

The attack of issue 17: a 4-digit PIN was found by 6,181 tries in 444 s
with no lockout.  Now after 3 wrong PINs in a row the name waits (30 s,
then doubling), during which sign_in refuses without checking the PIN,
even the right one; after 8 the user is locked until a manager unlocks.
A name that is no user's is held back the same way.  Every attempt,
refused or wrong, stays in the audit trail."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from frontdesk import clock, settings
from frontdesk import users as accounts
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, User
from frontdesk.errors import LockedOut, NeedsManager, NotAllowed, ValidationError
from frontdesk.users import Actor
from tests.conftest import CLERK_PIN, MANAGER_PIN

START = datetime(2026, 11, 24, 10, 0)


class Clock:
    """The shop's clock, moved by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = START
        monkeypatch.setattr(clock, "now", lambda: self.at)

    def move(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def shop_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def trail(db: Database, name: str) -> list[tuple[str, dict[str, object]]]:
    with db.read() as s:
        return [(r.action, r.detail) for r in s.scalars(
            select(AuditRecord).where(AuditRecord.action.like("login%"), AuditRecord.entity_id == name)
            .order_by(AuditRecord.id))]


def guess(db: Database, name: str, pin: str, manager: bool = False, purpose: str = "") -> NotAllowed:
    with pytest.raises(NotAllowed) as refused:
        accounts.sign_in(db, name, pin, manager=manager, purpose=purpose)
    return refused.value


def test_guessing_waits_then_locks_and_every_attempt_is_audited(
        db: Database, users: tuple[Actor, Actor], shop_clock: Clock) -> None:
    manager, clerk = users
    # Two wrong PINs are free: the right one still opens.
    for pin in ("0000", "0001"):
        assert guess(db, "clerk", pin).message == "Wrong user name or PIN."
    # The third starts a wait of 30 seconds, and says so.
    third = guess(db, "clerk", "0002")
    assert isinstance(third, LockedOut) and third.seconds == 30 and third.until == START + timedelta(seconds=30)
    assert third.message == "Wrong user name or PIN. Too many wrong PINs for clerk: try again in 30 seconds."
    # Inside the wait even the right PIN is refused: it is not checked.
    shop_clock.move(seconds=20)
    waiting = guess(db, "clerk", CLERK_PIN)
    assert isinstance(waiting, LockedOut) and waiting.seconds == 10 and not waiting.locked
    assert waiting.message == "Too many wrong PINs for clerk: try again in 10 seconds."
    # Past it, one more try; wrong again: the wait doubles (1, 2, 4, 8 minutes).
    waits: list[int] = []
    for n in range(4):
        shop_clock.move(seconds=waits[-1] if waits else 10)
        refused = guess(db, "clerk", f"111{n}")
        assert isinstance(refused, LockedOut)
        waits.append(refused.seconds or 0)
    assert waits == [60, 120, 240, 480]
    assert guess(db, "clerk", "1999").message == "Too many wrong PINs for clerk: try again in 8 minutes."
    # The eighth wrong PIN locks the user: no wait ends it.
    shop_clock.move(seconds=480)
    eighth = guess(db, "clerk", "2000")
    assert isinstance(eighth, LockedOut) and eighth.locked and eighth.until is None
    shop_clock.move(days=3)
    locked = guess(db, "clerk", CLERK_PIN)
    assert locked.message == "clerk is locked after too many wrong PINs: a manager must unlock the user."
    with db.read() as s:
        row = s.get(User, clerk.id)
        assert row is not None and row.failed_pins == 8 and row.locked_at == START + timedelta(seconds=20 + 10 + 60
                                                                                              + 120 + 240 + 480)
    # A clerk cannot unlock; a manager can, and it is audited with who did.
    with pytest.raises(NeedsManager), db.write() as s:
        accounts.unlock(s, clerk, "clerk")
    with db.write() as s:
        assert accounts.unlock(s, manager, "clerk") == 8
    assert accounts.sign_in(db, "clerk", CLERK_PIN) == clerk
    # Every attempt is in the trail: 8 wrong PINs, 3 refused without a check, the login.
    actions = [a for a, _d in trail(db, "clerk")]
    assert actions.count("login.failed") == 8 and actions.count("login.refused") == 3
    refused_details = [d for a, d in trail(db, "clerk") if a == "login.refused"]
    assert [d["reason"] for d in refused_details] == ["wait", "wait", "locked"]
    with db.read() as s:
        [unlocked] = s.scalars(select(AuditRecord).where(AuditRecord.action == "user.unlock"))
        assert (unlocked.user_id, unlocked.approver_id, unlocked.detail) == (
            manager.id, manager.id, {"name": "clerk", "failures": 8})
        assert s.scalar(select(AuditRecord.action).order_by(AuditRecord.id.desc()).limit(1)) == "login"


def test_a_right_pin_starts_the_count_again(db: Database, users: tuple[Actor, Actor], shop_clock: Clock) -> None:
    _manager, clerk = users
    for _round in range(3):
        guess(db, "clerk", "0000")
        guess(db, "clerk", "0001")
        assert accounts.sign_in(db, "clerk", CLERK_PIN) == clerk  # never a third in a row
    with db.read() as s:
        row = s.get(User, clerk.id)
        assert row is not None and (row.failed_pins, row.pin_wait_until, row.locked_at) == (0, None, None)


def test_an_approval_is_held_back_like_a_login(db: Database, users: tuple[Actor, Actor], shop_clock: Clock) -> None:
    """The approval dialog and every command that asks a manager's PIN come
    through sign_in(manager=True): the same count, the same wait."""
    for pin in ("0000", "0001", "0002"):
        guess(db, "manager", pin, manager=True, purpose="day.close")
    refused = guess(db, "manager", MANAGER_PIN, manager=True, purpose="day.close")
    assert isinstance(refused, LockedOut) and refused.seconds == 30
    assert trail(db, "manager")[-1] == ("login.refused", {"for": "day.close", "reason": "wait",
                                                          "until": "2026-11-24 10:00:30"})


def test_a_name_that_is_no_users_is_held_back_the_same_way(
        db: Database, users: tuple[Actor, Actor], shop_clock: Clock) -> None:
    manager, _clerk = users
    said = [guess(db, "ghost", f"000{n}").message for n in range(3)]
    assert said[:2] == ["Wrong user name or PIN."] * 2
    assert said[2] == "Wrong user name or PIN. Too many wrong PINs for ghost: try again in 30 seconds."
    assert guess(db, "ghost", "1234").message == "Too many wrong PINs for ghost: try again in 30 seconds."
    for step in range(5):
        shop_clock.move(hours=1)
        guess(db, "ghost", f"11{step}")
    assert "ghost is locked" in guess(db, "ghost", "1234").message
    with db.write() as s:
        assert accounts.unlock(s, manager, "ghost") == 8
    assert guess(db, "ghost", "1234").message == "Wrong user name or PIN."
    with pytest.raises(Exception, match="No user named nobody"), db.write() as s:
        accounts.unlock(s, manager, "nobody")


def test_the_last_manager_who_could_unlock_waits_but_is_never_locked(
        db: Database, users: tuple[Actor, Actor], shop_clock: Clock) -> None:
    """Else eight wrong PINs typed by anyone would leave the shop with no
    manager: the wait grows instead, up to an hour."""
    manager, _clerk = users
    waits = []
    for n in range(12):
        refused = guess(db, "manager", f"9{n:03d}")
        if isinstance(refused, LockedOut):
            assert not refused.locked
            waits.append(refused.seconds)
            shop_clock.move(seconds=refused.seconds or 0)
    assert waits == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    assert accounts.sign_in(db, "manager", MANAGER_PIN) == manager
    # With a second manager the first is locked like anyone.
    with db.write() as s:
        accounts.add_user(s, manager, "boss2", accounts.MANAGER, "86420")
    for n in range(8):
        refused = guess(db, "manager", f"8{n:03d}")
        shop_clock.move(hours=1)
    assert isinstance(refused, LockedOut) and refused.locked


def test_pins_of_4_to_20_digits_and_the_shops_minimum(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s:
        accounts.add_user(s, manager, "long", accounts.CLERK, "1" * 20)
    assert accounts.sign_in(db, "long", "1" * 20).name == "long"
    with pytest.raises(ValidationError) as err, db.write() as s:
        settings.update(s, manager, {"pin_min_length": 3})
    assert set(err.value.fields) == {"pin_min_length"}
    with db.write() as s:
        settings.update(s, manager, {"pin_min_length": "6"})
    with db.read() as s:
        assert accounts.pin_min_length(s) == 6 and accounts.pin_rule(s) == "6 to 20 digits"
    with pytest.raises(ValidationError) as err, db.write() as s:
        accounts.add_user(s, manager, "short", accounts.CLERK, "12345")
    assert err.value.fields == {"pin": "The PIN must be 6 to 20 digits."}
    with pytest.raises(ValidationError), db.write() as s:
        accounts.set_pin(s, clerk, clerk.id, "54321")
    with db.write() as s:
        accounts.set_pin(s, clerk, clerk.id, "654321")
    # PINs set before the minimum rose still open.
    assert accounts.sign_in(db, "manager", MANAGER_PIN) == manager
    assert accounts.sign_in(db, "clerk", "654321") == clerk
