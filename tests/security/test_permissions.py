"""Every manager action is enforced in its service, not only in the window:
a clerk alone is refused with NeedsManager, a clerk named as the "approver"
(or a clerk's PIN typed into the approval) is refused too, and a manager's
approval gets past the check.  On both engines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from frontdesk import settings, technicians
from frontdesk import users as accounts
from frontdesk.billing import payments, schedules
from frontdesk.billing.cards import CardEditionDraft, CardLineDraft, save_card_edition
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.errors import FrontDeskError, NeedsManager, NotAllowed
from frontdesk.followup import complaints
from frontdesk.headoffice.export import export_workbook
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.intake.service import IntakeForm
from frontdesk.loaners import service as loaners
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, add_schedule, approved_ticket, schedule_draft
from tests.conftest import CLERK_PIN
from tests.loaners.loaner_helpers import add_units, workshop_ticket

D = Decimal
DAY = NOW.date()


@dataclass
class Scene:
    db: Database
    manager: Actor
    clerk: Actor
    tmp: Path
    ids: dict[str, int]


# (scene) -> None: builds what the action needs, as a manager would
Setup = Callable[[Scene], None]
# (scene, actor, approver) -> None: the manager action itself
Action = Callable[[Scene, Actor, Actor | None], object]


def _nothing(_sc: Scene) -> None:
    pass


def _paid_ticket(sc: Scene) -> None:
    ticket, _quote = approved_ticket(sc.db, sc.manager, sc.clerk)
    with sc.db.write() as s:
        sc.ids["ticket"] = ticket
        sc.ids["receipt"] = payments.take_payment(s, sc.clerk, ticket, "cash", "100", now=NOW, counter="main").id


def _owing_ticket(sc: Scene) -> None:
    sc.ids["ticket"], _quote = approved_ticket(sc.db, sc.manager, sc.clerk)


def _lent_with_deposit(sc: Scene) -> None:
    ticket = workshop_ticket(sc.db, sc.clerk)
    add_units(sc.db, sc.manager, "LN-001")
    with sc.db.write() as s:
        sc.ids["loan"] = loaners.lend(s, sc.clerk, ticket, "LN-001", condition_out="良好", deposit="200", now=NOW,
                                      counter="main").id


def _lent_and_back(sc: Scene) -> None:
    ticket = workshop_ticket(sc.db, sc.clerk)
    add_units(sc.db, sc.manager, "LN-001")
    with sc.db.write() as s:
        loaners.lend(s, sc.clerk, ticket, "LN-001", condition_out="良好", now=NOW, counter="main")
        loaners.back_at_counter(s, sc.clerk, ticket, now=NOW)
    sc.ids["ticket"] = ticket


def _unit(sc: Scene) -> None:
    (sc.ids["unit"],) = add_units(sc.db, sc.manager, "LN-009")


def _complaint(sc: Scene) -> None:
    with sc.db.write() as s:
        intake.take_intake(s, sc.clerk, IntakeForm(channel=intake.PHONE, kind=intake.COMPLAINT, name="李四",
                                                   phone="13912345678", what_happened="师傅迟到"), now=NOW)
    with sc.db.read() as s:
        sc.ids["complaint"] = complaints.open_complaints(s)[0].id


def _schedule_file(sc: Scene) -> None:
    add_schedule(sc.db, sc.manager)
    with sc.db.read() as s:
        schedules.export_workbook(s, sc.tmp / "fees.xlsx")


def _other_user(sc: Scene) -> None:
    with sc.db.write() as s:
        sc.ids["user"] = accounts.add_user(s, sc.manager, "clerk2", accounts.CLERK, "97531").id


def _write(work: Callable[..., object]) -> Action:
    """An action run in one write transaction: ``work(session, scene, actor, approver)``."""
    def action(sc: Scene, actor: Actor, approver: Actor | None) -> object:
        with sc.db.write() as s:
            return work(s, sc, actor, approver)
    return action


def _card() -> CardEditionDraft:
    return CardEditionDraft("Haier", "refrigerator", "2025版", "", [CardLineDraft("labour", D("80.00"), "medium", "维修费")])


CASES: dict[str, tuple[Setup, Action]] = {
    "waiver": (_owing_ticket, _write(lambda s, sc, a, ap: payments.grant_waiver(
        s, a, sc.ids["ticket"], "10", "loyal customer", approver=ap, now=NOW, counter="main"))),
    "void": (_paid_ticket, _write(lambda s, sc, a, ap: payments.void_receipt(
        s, a, sc.ids["receipt"], "typed twice", approver=ap, now=NOW))),
    "receipt correction": (_paid_ticket, _write(lambda s, sc, a, ap: payments.correct_receipt(
        s, a, sc.ids["receipt"], "90", "wrong amount", approver=ap, now=NOW, counter="main"))),
    "deposit kept": (_lent_with_deposit, _write(lambda s, sc, a, ap: loaners.return_loan(
        s, a, sc.ids["loan"], "门把手断裂", damage="门把手断裂", keep_deposit=True, approver=ap, now=NOW, counter="main"))),
    "closing rule override": (_lent_and_back, _write(lambda s, sc, a, ap: intake.move(
        s, a, sc.ids["ticket"], states.CLOSED, "客户出国", approver=ap, now=NOW))),
    "fee schedule edit": (_nothing, _write(lambda s, sc, a, ap: schedules.save_schedule(
        s, a, schedule_draft(), approver=ap, now=NOW))),
    "default fee schedule": (_nothing, _write(lambda s, sc, a, ap: schedules.install_default_schedule(
        s, a, approver=ap, effective_from=date(2027, 1, 1), now=NOW))),
    "fee schedule import": (_schedule_file, _write(lambda s, sc, a, ap: schedules.import_workbook(
        s, a, sc.tmp / "fees.xlsx", approver=ap, now=NOW))),
    "warranty card standards": (_nothing, _write(lambda s, sc, a, ap: save_card_edition(
        s, a, _card(), approver=ap, now=NOW))),
    "unmasked export": (_nothing, lambda sc, a, ap: export_workbook(
        sc.db, a, sc.tmp / "hq.xlsx", DAY, DAY, unmasked=True, approver=ap)),
    "add user": (_nothing, _write(lambda s, sc, a, ap: accounts.add_user(
        s, a, "newbie", accounts.CLERK, "86420", approver=ap))),
    "disable user": (_other_user, _write(lambda s, sc, a, ap: accounts.set_active(
        s, a, sc.ids["user"], False, approver=ap))),
    "change role": (_other_user, _write(lambda s, sc, a, ap: accounts.set_role(
        s, a, sc.ids["user"], accounts.MANAGER, approver=ap))),
    "another user's PIN": (_other_user, _write(lambda s, sc, a, ap: accounts.set_pin(
        s, a, sc.ids["user"], "112233", approver=ap))),
    "unlock user": (_other_user, _write(lambda s, sc, a, ap: accounts.unlock(s, a, "clerk2", approver=ap))),
    "day close": (_paid_ticket, _write(lambda s, sc, a, ap: dayclose.close_day(
        s, a, DAY, ap, opening_float="0", counted="100", now=NOW.replace(hour=20), counter="main"))),
    "shop settings": (_nothing, _write(lambda s, sc, a, ap: settings.update(
        s, a, {"shop_name": "Another name"}, ap))),
    "retire unit": (_unit, _write(lambda s, sc, a, ap: loaners.retire_unit(s, a, sc.ids["unit"], "broken", ap))),
    "complaint close": (_complaint, _write(lambda s, sc, a, ap: complaints.close_complaint(
        s, a, sc.ids["complaint"], "已道歉", approver=ap, now=NOW))),
    "add technician": (_nothing, _write(lambda s, sc, a, ap: technicians.add_technician(
        s, a, "王师傅", approver=ap))),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_manager_action_is_refused_to_a_clerk(case: str, db: Database, users: tuple[Actor, Actor],
                                               tmp_path: Path) -> None:
    manager, clerk = users
    setup, action = CASES[case]
    scene = Scene(db, manager, clerk, tmp_path, {})
    setup(scene)
    with pytest.raises(NeedsManager):
        action(scene, clerk, None)
    with pytest.raises(NeedsManager):
        action(scene, clerk, clerk)  # a clerk cannot approve for a clerk
    # A manager's approval gets past the check (the action may still have
    # its own rules, but permission is not what stops it).
    try:
        action(scene, clerk, manager)
    except NotAllowed:
        raise
    except FrontDeskError as exc:  # pragma: no cover - shows which rule stopped it
        pytest.fail(f"{case} with a manager's approval: {exc.message}")


def test_a_clerks_pin_is_no_managers_approval(db: Database, users: tuple[Actor, Actor]) -> None:
    with pytest.raises(NeedsManager):
        accounts.sign_in(db, "clerk", CLERK_PIN, manager=True)
