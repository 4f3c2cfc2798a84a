"""Users, roles and PINs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk import audit
from frontdesk import users as accounts
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, User
from frontdesk.errors import NeedsManager, NotAllowed, ValidationError
from frontdesk.users import Actor
from tests.conftest import CLERK_PIN, MANAGER_PIN


def test_the_pin_is_stored_hashed_and_salted(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    with db.write() as s:
        second = accounts.add_user(s, manager, "li", accounts.CLERK, MANAGER_PIN, "李小红")
    with db.read() as s:
        rows = {u.name: u.pin_hash for u in s.scalars(select(User))}
    assert MANAGER_PIN not in rows["manager"] and rows["manager"].startswith("$argon2id$")
    # The same PIN twice gives two different hashes (salted).
    assert rows["li"] != rows["manager"] and second.name == "li"
    assert accounts.check_pin(rows["manager"], MANAGER_PIN)
    assert not accounts.check_pin(rows["manager"], CLERK_PIN)
    assert not accounts.check_pin("not a hash", MANAGER_PIN)


def test_a_wrong_pin_and_an_unknown_name_give_the_same_message(db: Database, users: tuple[Actor, Actor]) -> None:
    messages = []
    for name, pin in [("manager", "0000"), ("nobody", MANAGER_PIN), ("", "")]:
        with pytest.raises(NotAllowed) as err:
            accounts.sign_in(db, name, pin)
        messages.append(err.value.message)
    assert len(set(messages)) == 1 and messages[0] == "Wrong user name or PIN."
    actor = accounts.sign_in(db, " manager ", MANAGER_PIN)
    assert (actor.name, actor.role, actor.is_manager) == ("manager", accounts.MANAGER, True)


def test_a_good_login_is_audited_and_a_bad_one_refused(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    accounts.sign_in(db, "manager", MANAGER_PIN)
    with pytest.raises(NotAllowed):
        accounts.sign_in(db, "manager", "9999")
    with pytest.raises(NotAllowed):
        accounts.sign_in(db, "ghost", "9999")
    with db.read() as s:
        assert [r.user_id for r in audit.records(s, action="login")] == [manager.id]
        assert [r.entity_id for r in audit.records(s, action="login.failed")] == ["ghost", "manager"]


def test_a_disabled_user_cannot_log_in(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s:
        accounts.set_active(s, manager, clerk.id, False)
    with pytest.raises(NotAllowed, match="Wrong user name or PIN"):
        accounts.sign_in(db, "clerk", CLERK_PIN)
    with pytest.raises(NotAllowed), db.write() as s:
        accounts.set_active(s, manager, manager.id, False)  # not yourself


def test_only_a_manager_adds_users(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with pytest.raises(NeedsManager), db.write() as s:
        accounts.add_user(s, clerk, "zhao", accounts.CLERK, "3333")
    with pytest.raises(NeedsManager), db.write() as s:
        accounts.add_user(s, None, "zhao", accounts.CLERK, "3333")
    with db.write() as s:
        accounts.add_user(s, manager, "zhao", accounts.CLERK, "3333", "赵磊")
    with db.read() as s:
        assert [u.name for u in accounts.list_users(s)] == ["clerk", "manager", "zhao"]


def test_the_first_user_must_be_a_manager(db: Database) -> None:
    with pytest.raises(ValidationError) as err, db.write() as s:
        accounts.add_user(s, None, "li", accounts.CLERK, "2222")
    assert set(err.value.fields) == {"role"}
    with db.write() as s:
        first = accounts.add_user(s, None, "wang", accounts.MANAGER, "1111", "王经理")
        assert first.role == accounts.MANAGER and accounts.count_users(s) == 1


@pytest.mark.parametrize("name,pin,fields", [
    ("", "1234", {"name"}),
    ("two words", "1234", {"name"}),
    ("manager", "1234", {"name"}),  # taken
    ("new", "12", {"pin"}),
    ("new", "12ab", {"pin"}),
    ("new", "123456789012345678901", {"pin"}),  # 21 digits: at most 20
    ("new", "１２３４", {"pin"}),  # full-width digits are no PIN's
])
def test_bad_names_and_pins_are_refused(db: Database, users: tuple[Actor, Actor], name: str, pin: str,
                                        fields: set[str]) -> None:
    manager, _clerk = users
    with pytest.raises(ValidationError) as err, db.write() as s:
        accounts.add_user(s, manager, name, accounts.CLERK, pin)
    assert set(err.value.fields) == fields


def test_a_managers_approval_refuses_a_clerk(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with pytest.raises(NeedsManager, match="clerk is not a manager"):
        accounts.sign_in(db, "clerk", CLERK_PIN, manager=True)
    with pytest.raises(NotAllowed):
        accounts.sign_in(db, "manager", CLERK_PIN, manager=True)
    assert accounts.sign_in(db, "manager", MANAGER_PIN, manager=True) == manager
    assert not hasattr(accounts, "verify_manager")  # no check of a PIN inside the refused work's transaction
    # require_manager: the actor if a manager, else the approver if a manager.
    assert accounts.require_manager(manager, None, "x") == manager
    assert accounts.require_manager(clerk, manager, "x") == manager
    with pytest.raises(NeedsManager, match="A manager must approve: x"):
        accounts.require_manager(clerk, clerk, "x")


def test_a_clerk_changes_only_their_own_pin(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with pytest.raises(NeedsManager), db.write() as s:
        accounts.set_pin(s, clerk, manager.id, "5555")
    with db.write() as s:
        accounts.set_pin(s, clerk, clerk.id, "5555")
    assert accounts.sign_in(db, "clerk", "5555") == clerk


def test_a_failed_sign_in_stays_in_the_audit_log(db: Database, users: tuple[Actor, Actor]) -> None:
    from frontdesk.users import sign_in

    manager, clerk = users
    with pytest.raises(NotAllowed):
        sign_in(db, "clerk", "0000")
    with pytest.raises(NeedsManager):
        sign_in(db, "clerk", CLERK_PIN, manager=True, purpose="close the day")
    assert sign_in(db, "manager", MANAGER_PIN, manager=True) == manager
    with db.read() as s:
        actions = [(r.action, r.entity_id, r.user_id, r.detail) for r in s.scalars(select(AuditRecord).where(
            AuditRecord.action.in_(["login", "login.failed"])).order_by(AuditRecord.id))]
    # A clerk's own PIN typed as a manager's approval is a failed approval, not a login.
    assert actions == [("login.failed", "clerk", clerk.id, {}),
                       ("login.failed", "clerk", clerk.id, {"for": "close the day", "reason": "not a manager"}),
                       ("login", str(manager.id), manager.id, {})]


def test_a_pin_is_checked_only_through_sign_in() -> None:
    """No path can check a PIN inside the work it guards (where a refusal
    would roll its audit record back): outside users.py nothing calls the
    PIN check itself, except the demo, which only tells whether the PIN it
    prints still opens an existing user."""
    root = Path(accounts.__file__).parent
    callers = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("check_pin", "_check_credentials"):
                callers.add(path.relative_to(root).as_posix())
    assert callers <= {"demo.py"}


def test_user_acts_by_a_clerk_with_a_managers_approval_name_both(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s:
        zhao = accounts.add_user(s, clerk, "zhao", accounts.CLERK, "3333", approver=manager).id
        accounts.set_role(s, clerk, zhao, accounts.MANAGER, approver=manager)
        accounts.set_pin(s, clerk, zhao, "445566", approver=manager)
        accounts.set_active(s, clerk, zhao, False, approver=manager)
    with db.read() as s:
        trail = [(r.action, r.user_id, r.approver_id) for r in s.scalars(
            select(AuditRecord).where(AuditRecord.entity_id == str(zhao)).order_by(AuditRecord.id))]
    assert trail == [(action, clerk.id, manager.id) for action in ("user.add", "user.role", "user.pin", "user.active")]


def test_a_manager_sets_another_users_pin_and_a_user_their_own(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s:
        accounts.set_pin(s, manager, clerk.id, "97531")
    assert accounts.sign_in(db, "clerk", "97531") == clerk
    with db.read() as s:
        [record] = audit.records(s, action="user.pin")
        assert (record.user_id, record.approver_id) == (manager.id, manager.id)
