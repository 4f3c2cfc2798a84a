"""Users, roles and PINs.

A PIN is stored as an argon2id hash (salted, deliberately slow).  Services take
the acting user as an :class:`Actor` and check the role themselves; a manager
action done by a clerk needs a manager's approval at that moment: their name
and PIN through :func:`sign_in` (``manager=True``), which the window asks
for with its approval dialog and the command line on the terminal.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.db.engine import Database
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import User
from frontdesk.errors import NeedsManager, NotAllowed, NotFound, ValidationError
from frontdesk.i18n import N_, _

log = logging.getLogger(__name__)

CLERK = "clerk"
MANAGER = "manager"
ROLES = {CLERK: N_("Clerk"), MANAGER: N_("Manager")}
PIN_RE = re.compile(r"^\d{4,12}$")
NAME_RE = re.compile(r"^[\w.\-]{1,40}$", re.UNICODE)

# Interactive use: about 50 ms here, far too slow to guess 4-8 digit PINs offline
# at scale, fast enough that a login does not feel slow.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@dataclass(frozen=True)
class Actor:
    """Who is doing something: passed to every service."""

    id: int
    name: str
    role: str

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
    return Actor(id=user.id, name=user.name, role=user.role)


def validate_pin(pin: str) -> None:
    if not PIN_RE.match(pin or ""):
        raise ValidationError({"pin": _("The PIN must be 4 to 12 digits.")})


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
) -> User:
    """Add a user.  Only a manager may, except for the very first user of an
    empty database, who must be a manager (the shop's set-up)."""
    now = now or clock.now()
    first = count_users(session) == 0
    if not first and (actor is None or not actor.is_manager):
        raise NeedsManager(_("Only a manager can add users."))
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
    if not PIN_RE.match(pin or ""):
        problems["pin"] = _("The PIN must be 4 to 12 digits.")
    if problems:
        raise ValidationError(problems)
    user = User(
        name=name, role=role, pin_hash=hash_pin(pin), full_name=full_name.strip(),
        active=True, created_at=now,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor.id if actor else user.id, "user.add", "user", user.id, {"name": name, "role": role},
                 at=now)
    return user


def set_pin(session: Session, actor: Actor, user_id: int, pin: str, now: datetime | None = None) -> None:
    user = get_or_not_found(session, User, user_id, _("No such user."))
    if actor.id != user_id and not actor.is_manager:
        raise NeedsManager(_("Only a manager can change another user's PIN."))
    validate_pin(pin)
    user.pin_hash = hash_pin(pin)
    audit.record(session, actor.id, "user.pin", "user", user.id, at=now or clock.now())


def set_active(session: Session, actor: Actor, user_id: int, active: bool, now: datetime | None = None) -> None:
    if not actor.is_manager:
        raise NeedsManager(_("Only a manager can disable or enable users."))
    user = get_or_not_found(session, User, user_id, _("No such user."))
    if user.id == actor.id and not active:
        raise NotAllowed(_("You cannot disable yourself."))
    user.active = active
    audit.record(session, actor.id, "user.active", "user", user.id, {"active": active}, at=now or clock.now())


def set_role(session: Session, actor: Actor, user_id: int, role: str, now: datetime | None = None) -> None:
    if not actor.is_manager:
        raise NeedsManager(_("Only a manager can change roles."))
    if role not in ROLES:
        raise ValidationError({"role": _("The role must be clerk or manager.")})
    user = get_or_not_found(session, User, user_id, _("No such user."))
    user.role = role
    audit.record(session, actor.id, "user.role", "user", user.id, {"role": role}, at=now or clock.now())


def _check_credentials(session: Session, name: str, pin: str, *, manager: bool = False, purpose: str = "",
                       now: datetime | None = None) -> Actor | None:
    """The user for a name and PIN (a manager when ``manager``), or None;
    either way the attempt is audited in ``session``.  Only :func:`sign_in`
    calls it, in a transaction of its own: a refused attempt's record must
    not share the fate of the work it refused."""
    now = now or clock.now()
    user = session.scalar(select(User).where(User.name == (name or "").strip()))
    detail: dict[str, str] = {"for": purpose} if purpose else {}
    if user is None or not user.active or not check_pin(user.pin_hash, pin or ""):
        audit.record(session, user.id if user else None, "login.failed", "user", name or "", detail or None, at=now)
        return None
    if manager and user.role != MANAGER:
        audit.record(session, user.id, "login.failed", "user", name or "", {**detail, "reason": "not a manager"},
                     at=now)
        return _actor(user)
    audit.record(session, user.id, "login", "user", user.id, detail or None, at=now)
    return _actor(user)


def sign_in(db: Database, name: str, pin: str, *, manager: bool = False, purpose: str = "") -> Actor:
    """A login, or a manager's approval (``manager``: the PIN of a manager;
    ``purpose``: what it approves, kept in the audit record), in its own
    transaction: a failed attempt is committed to the audit trail before this
    raises, so it stays there whatever happens to the work it was for.  The
    one way a PIN is checked: the window's login and approval dialog and
    every command line that asks a PIN come here.  Call it outside any write
    transaction (on SQLite a second writer waits for the first)."""
    with db.write() as session:
        actor = _check_credentials(session, name, pin, manager=manager, purpose=purpose)
    if actor is None:
        raise NotAllowed(_("Wrong user name or PIN."))
    if manager and not actor.is_manager:
        raise NeedsManager(_("{name} is not a manager.").format(name=actor.name))
    return actor


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
    return _shown(user.full_name, user.name) if user is not None else ""


def _shown(full_name: str | None, name: str) -> str:
    return (full_name or "").strip() or name


def display_name(session: Session, user_id: int | None) -> str | None:
    """The shown name of the user ``user_id``; None for no user or an
    unknown id."""
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return shown_name(user) if user is not None else None


def display_names(session: Session) -> dict[int, str]:
    """Every user's shown name by id (for a list that names many)."""
    return {uid: _shown(full, name) for uid, name, full in session.execute(select(User.id, User.name, User.full_name))}


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
