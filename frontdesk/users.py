"""Users, roles and PINs.

A PIN is stored as an argon2id hash (salted, deliberately slow).  Services take
the acting user as an :class:`Actor` and check the role themselves; a manager
action done by a clerk needs a manager's approval at that moment: their name
and PIN through :func:`sign_in` (``manager=True``), which the window asks
for with its approval dialog and the command line on the terminal.

Guessing is held back in :func:`sign_in`, the one place a PIN is checked
(docs/rules.md#pins-and-guessing): after :data:`FREE_TRIES` wrong PINs in a
row for a name, no PIN is checked for it for a wait that doubles with every
further wrong one, and after :data:`LOCK_AFTER` the user is locked until a
manager unlocks them (:func:`unlock`).  A name that is no user's is held
back the same way (table ``pin_guesses``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.db.engine import Database
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import PinGuess, Setting, User
from frontdesk.errors import FrontDeskError, LockedOut, NeedsManager, NotAllowed, NotFound, ValidationError
from frontdesk.i18n import N_, _, ngettext

log = logging.getLogger(__name__)

CLERK = "clerk"
MANAGER = "manager"
ROLES = {CLERK: N_("Clerk"), MANAGER: N_("Manager")}
PIN_MIN_DIGITS = 4  # the shortest PIN a shop may allow (and the default of its setting)
PIN_MAX_DIGITS = 20
PIN_MIN_SETTING = "pin_min_length"  # the shop's own minimum (frontdesk.settings.SPECS)
NAME_RE = re.compile(r"^[\w.\-]{1,40}$", re.UNICODE)

# Interactive use: about 50 ms here, far too slow to guess 4-8 digit PINs offline
# at scale, fast enough that a login does not feel slow.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

# Guessing held back: this many wrong PINs in a row are free; each further
# one makes the next PIN wait FIRST_WAIT, doubled each time; after LOCK_AFTER
# the user is locked until a manager unlocks them.  The shop's last manager
# who could unlock is never locked: their wait keeps doubling up to LONGEST_WAIT.
FREE_TRIES = 3
FIRST_WAIT = timedelta(seconds=30)
LOCK_AFTER = 8
LONGEST_WAIT = timedelta(hours=1)


@dataclass(frozen=True)
class Actor:
    """Who is doing something: passed to every service."""

    id: int
    name: str
    role: str
    # How the user is shown (full name, else login name) as at the login; ""
    # when not known, and the services then read it (:func:`acting_name`).
    shown: str = field(default="", compare=False)

    @property
    def is_manager(self) -> bool:
        return self.role == MANAGER


def hash_pin(pin: str) -> str:
    return _hasher.hash(pin)


def check_pin(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def _actor(user: User) -> Actor:
    return Actor(id=user.id, name=user.name, role=user.role, shown=shown_name(user))


def pin_min_length(session: Session) -> int:
    """The fewest digits a new PIN may have: the shop's setting (read here,
    not through frontdesk.settings, which imports this module)."""
    row = session.get(Setting, PIN_MIN_SETTING)
    try:
        least = int(row.value) if row is not None else PIN_MIN_DIGITS
    except (TypeError, ValueError):
        least = PIN_MIN_DIGITS
    return max(PIN_MIN_DIGITS, min(PIN_MAX_DIGITS, least))


def pin_rule(session: Session) -> str:
    """What a new PIN must be, in words (for a field's hint)."""
    return _("{least} to {most} digits").format(least=pin_min_length(session), most=PIN_MAX_DIGITS)


def pin_problem(session: Session, pin: str) -> str | None:
    """Why ``pin`` cannot be a new PIN, or None: digits only, at least the
    shop's minimum, at most PIN_MAX_DIGITS."""
    least = pin_min_length(session)
    pin = pin or ""
    if pin.isascii() and pin.isdigit() and least <= len(pin) <= PIN_MAX_DIGITS:
        return None
    return _("The PIN must be {least} to {most} digits.").format(least=least, most=PIN_MAX_DIGITS)


def validate_pin(session: Session, pin: str) -> None:
    problem = pin_problem(session, pin)
    if problem:
        raise ValidationError({"pin": problem})


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id))) or 0


def add_user(
    session: Session,
    actor: Actor | None,
    name: str,
    role: str,
    pin: str,
    full_name: str = "",
    now: datetime | None = None,
    approver: Actor | None = None,
) -> User:
    """Add a user.  Only a manager may (or a clerk with a manager's
    approval), except for the very first user of an empty database, who
    must be a manager (the shop's set-up)."""
    now = now or clock.now()
    first = count_users(session) == 0
    manager: Actor | None = None
    if not first:
        if actor is None:
            raise NeedsManager(_("Only a manager can add users."))
        manager = require_manager(actor, approver, _("add a user"))
    if first and role != MANAGER:
        raise ValidationError({"role": _("The first user must be a manager.")})
    problems = {}
    name = (name or "").strip()
    if not NAME_RE.match(name):
        problems["name"] = _("The user name must be 1 to 40 letters, digits, dots or dashes.")
    elif session.scalar(select(User.id).where(User.name == name)) is not None:
        problems["name"] = _("A user named {name} already exists.").format(name=name)
    if role not in ROLES:
        problems["role"] = _("The role must be clerk or manager.")
    pin_wrong = pin_problem(session, pin)
    if pin_wrong:
        problems["pin"] = pin_wrong
    if problems:
        raise ValidationError(problems)
    user = User(
        name=name, role=role, pin_hash=hash_pin(pin), full_name=full_name.strip(),
        active=True, created_at=now, failed_pins=0,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor.id if actor else user.id, "user.add", "user", user.id, {"name": name, "role": role},
                 approver_id=manager.id if manager else None, at=now)
    return user


def set_pin(session: Session, actor: Actor, user_id: int, pin: str, now: datetime | None = None,
            approver: Actor | None = None) -> None:
    """A new PIN for ``user_id``: the user themself, or a manager."""
    user = get_or_not_found(session, User, user_id, _("No such user."))
    manager = None
    if actor.id != user_id:
        manager = require_manager(actor, approver, _("change another user's PIN"))
    validate_pin(session, pin)
    user.pin_hash = hash_pin(pin)
    audit.record(session, actor.id, "user.pin", "user", user.id, approver_id=manager.id if manager else None,
                 at=now or clock.now())


def set_active(session: Session, actor: Actor, user_id: int, active: bool, now: datetime | None = None,
               approver: Actor | None = None) -> None:
    manager = require_manager(actor, approver, _("disable or enable a user"))
    user = get_or_not_found(session, User, user_id, _("No such user."))
    if user.id == manager.id and not active:
        raise NotAllowed(_("You cannot disable yourself."))
    user.active = active
    audit.record(session, actor.id, "user.active", "user", user.id, {"active": active}, approver_id=manager.id,
                 at=now or clock.now())


def set_role(session: Session, actor: Actor, user_id: int, role: str, now: datetime | None = None,
             approver: Actor | None = None) -> None:
    manager = require_manager(actor, approver, _("change a user's role"))
    if role not in ROLES:
        raise ValidationError({"role": _("The role must be clerk or manager.")})
    user = get_or_not_found(session, User, user_id, _("No such user."))
    user.role = role
    audit.record(session, actor.id, "user.role", "user", user.id, {"role": role}, approver_id=manager.id,
                 at=now or clock.now())


def unlock(session: Session, actor: Actor, name: str, now: datetime | None = None,
           approver: Actor | None = None) -> int:
    """Lift the wait or the lock that wrong PINs put on ``name`` (a user's,
    or a name that is no user's): a manager's act.  Returns how many wrong
    PINs in a row it forgave."""
    manager = require_manager(actor, approver, _("unlock a user"))
    name = (name or "").strip()
    user = session.scalar(select(User).where(User.name == name).with_for_update())
    guard: _Guard | None = user if user is not None else session.get(PinGuess, name[:80], with_for_update=True)
    if guard is None:
        raise NotFound(_("No user named {name}.").format(name=name))
    forgiven = guard.failed_pins or 0
    _reset(guard)
    audit.record(session, actor.id, "user.unlock", "user", user.id if user is not None else name[:40],
                 {"name": name, "failures": forgiven}, approver_id=manager.id, at=now or clock.now())
    return forgiven


# -- guessing held back ------------------------------------------------------


class _Guard(Protocol):
    """What holds a name's wrong PINs: its user, or its PinGuess row."""

    failed_pins: int
    pin_wait_until: datetime | None
    locked_at: datetime | None


def _reset(guard: _Guard) -> None:
    guard.failed_pins = 0
    guard.pin_wait_until = None
    guard.locked_at = None


def _wait_words(seconds: int) -> str:
    if seconds < 60:
        return ngettext("{n} second", "{n} seconds", seconds).format(n=seconds)
    minutes = -(-seconds // 60)
    return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)


def _held_back(name: str, guard: _Guard | None, now: datetime) -> LockedOut | None:
    """The refusal that stands for ``name`` at ``now``, or None."""
    if guard is None:
        return None
    if guard.locked_at is not None:
        return LockedOut(_("{name} is locked after too many wrong PINs: a manager must unlock the user.").format(
            name=name), name, None, None)
    until = guard.pin_wait_until
    if until is not None and now < until:
        seconds = max(1, int(-(-(until - now).total_seconds() // 1)))
        return LockedOut(_("Too many wrong PINs for {name}: try again in {wait}.").format(
            name=name, wait=_wait_words(seconds)), name, until, seconds)
    return None


def _could_unlock(session: Session, user: User | None) -> bool:
    """Whether another active manager, not locked, could unlock ``user``."""
    if user is None or user.role != MANAGER or not user.active:
        return True
    return session.scalar(select(User.id).where(
        User.role == MANAGER, User.active.is_(True), User.locked_at.is_(None), User.id != user.id).limit(1)) is not None


def _one_more_wrong(session: Session, guard: _Guard, user: User | None, now: datetime) -> None:
    """Count a wrong PIN on ``guard``: a wait after FREE_TRIES, a lock after LOCK_AFTER."""
    guard.failed_pins = n = (guard.failed_pins or 0) + 1
    if n >= LOCK_AFTER and _could_unlock(session, user):
        guard.locked_at = now
        guard.pin_wait_until = None
    elif n >= FREE_TRIES:
        guard.pin_wait_until = now + min(LONGEST_WAIT, FIRST_WAIT * 2 ** min(n - FREE_TRIES, 12))


def _guess_row(session: Session, name: str, create: bool) -> PinGuess | None:
    """The wrong PINs kept for a name that is no user's (locked for update;
    made when ``create``: two counters may make it at once, so an insert
    that does nothing if it is there)."""
    key = name[:80]
    if create:
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        session.execute(insert(PinGuess).values(name=key, failed_pins=0).on_conflict_do_nothing())
    return session.scalar(select(PinGuess).where(PinGuess.name == key).with_for_update()
                          .execution_options(populate_existing=True))


def _check_credentials(session: Session, name: str, pin: str, *, manager: bool = False, purpose: str = "",
                       now: datetime | None = None) -> Actor | FrontDeskError:
    """The user for a name and PIN (a manager when ``manager``), or the
    refusal to raise; either way the attempt is audited in ``session``.
    While wrong PINs hold the name back no PIN is checked.  Only
    :func:`sign_in` calls it, in a transaction of its own: a refused
    attempt's record must not share the fate of the work it refused."""
    now = now or clock.now()
    name = (name or "").strip()
    shown = name[:40]  # the audit record's entity id (a user's name is at most 40)
    user = session.scalar(select(User).where(User.name == name).with_for_update()
                          .execution_options(populate_existing=True))
    guard: _Guard | None = user if user is not None else _guess_row(session, name, create=False)
    detail: dict[str, str] = {"for": purpose} if purpose else {}
    user_id = user.id if user is not None else None
    held = _held_back(shown, guard, now)
    if held is not None:
        audit.record(session, user_id, "login.refused", "user", shown,
                     {**detail, "reason": "locked" if held.locked else "wait",
                      **({"until": held.until.isoformat(sep=" ")} if held.until else {})}, at=now)
        return held
    if user is None or not user.active or not check_pin(user.pin_hash, pin or ""):
        if guard is None:
            guard = _guess_row(session, name, create=True)
            assert guard is not None
        if isinstance(guard, PinGuess):
            guard.last_at = now
        _one_more_wrong(session, guard, user, now)
        starts = _held_back(shown, guard, now)
        extra: dict[str, str] = {}
        if starts is not None:
            extra = {"locked": "yes"} if starts.locked else {"until": str(guard.pin_wait_until)}
        audit.record(session, user_id, "login.failed", "user", shown, {**detail, **extra} or None, at=now)
        if starts is not None:
            # two sentences joined as the language joins them (Chinese: no space after 。)
            return LockedOut(_("{wrong} {wait}").format(wrong=_("Wrong user name or PIN."), wait=starts.message),
                             shown, starts.until, starts.seconds)
        return NotAllowed(_("Wrong user name or PIN."))
    _reset(user)  # the right PIN: the count starts again
    if manager and user.role != MANAGER:
        audit.record(session, user.id, "login.failed", "user", shown, {**detail, "reason": "not a manager"}, at=now)
        return NeedsManager(_("{name} is not a manager.").format(name=user.name))
    audit.record(session, user.id, "login", "user", user.id, detail or None, at=now)
    return _actor(user)


def sign_in(db: Database, name: str, pin: str, *, manager: bool = False, purpose: str = "") -> Actor:
    """A login, or a manager's approval (``manager``: the PIN of a manager;
    ``purpose``: what it approves, kept in the audit record), in its own
    transaction: a failed attempt is committed to the audit trail before this
    raises, so it stays there whatever happens to the work it was for.  The
    one way a PIN is checked: the window's login and approval dialog and
    every command line that asks a PIN come here.  Wrong PINs in a row hold
    the name back (:class:`LockedOut`, with the wait).  Call it outside any
    write transaction (on SQLite a second writer waits for the first)."""
    with db.write() as session:
        outcome = _check_credentials(session, name, pin, manager=manager, purpose=purpose)
    if isinstance(outcome, FrontDeskError):
        raise outcome
    return outcome


def lock_state(session: Session, user: User) -> str:
    """How wrong PINs hold ``user`` back now, in words ("" when they do not)."""
    held = _held_back(user.name, user, clock.now())
    if held is None:
        return ""
    return _("locked") if held.locked else _("waits {wait}").format(wait=_wait_words(held.seconds or 0))


def require_manager(actor: Actor, approver: Actor | None, what: str) -> Actor:
    """The manager who approves ``what``: the actor if a manager, else the
    approver, else :class:`NeedsManager`."""
    if actor.is_manager:
        return actor
    if approver is not None and approver.is_manager:
        return approver
    raise NeedsManager(_("A manager must approve: {what}").format(what=what))


# -- people by their names --------------------------------------------------
# Screens and paper show a person by their full name (李小红), the login name
# (li) only when no full name was given.  Every place that shows a user goes
# through these: one rule, no copies.


def shown_name(user: User | None) -> str:
    """How ``user`` is shown to people: the full name, else the login name
    ("" for no user)."""
    return shown(user.full_name, user.name) if user is not None else ""


def shown(full_name: str | None, name: str) -> str:
    """:func:`shown_name` from the user's columns, for rows read without the object."""
    return (full_name or "").strip() or name


def display_name(session: Session, user_id: int | None) -> str | None:
    """The shown name of the user ``user_id``; None for no user or an
    unknown id."""
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return shown_name(user) if user is not None else None


def acting_name(session: Session, actor: Actor) -> str:
    """How ``actor`` is shown in what they write (a timeline's "taken by"):
    the name the login found, without asking the database again; else read."""
    return actor.shown or display_name(session, actor.id) or actor.name


def display_names(session: Session) -> dict[int, str]:
    """Every user's shown name by id (for a list that names many)."""
    return {uid: shown(full, name) for uid, name, full in session.execute(select(User.id, User.name, User.full_name))}


def display_name_column(user: Any = User) -> ColumnElement[str]:
    """The shown name as an SQL expression, for a query that joins the users
    table (``user``: ``User`` or an alias of it)."""
    return func.coalesce(func.nullif(func.trim(user.full_name), ""), user.name)


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.name)))


def get_actor(session: Session, name: str) -> Actor:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(_("No user named {name}.").format(name=name))
    return _actor(user)
