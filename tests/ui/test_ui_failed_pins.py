"""Every window path that asks a manager's PIN goes through the approval
dialog (or the login), which checks it with users.sign_in in a transaction
of its own: a wrong PIN leaves its ``login.failed`` record in the audit
trail, saying what it was for, and the work it was asked for did not happen.
(The day close's PIN is in test_ui_dayclose.py; the command line's in
tests/security/test_failed_pins.py.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk import settings
from frontdesk.billing import payments
from frontdesk.billing.models import Receipt, Waiver
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord
from frontdesk.loaners import service as loaners
from frontdesk.loaners.models import Loan
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.audit_screen import AuditScreen
from frontdesk.ui.context import AppContext
from frontdesk.ui.export_dialog import ExportDialog
from frontdesk.ui.login import LoginDialog
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, approved_ticket
from tests.loaners.loaner_helpers import add_units, workshop_ticket


def failed(db: Database) -> list[tuple[str, dict[str, object]]]:
    with db.read() as s:
        return [(r.entity_id, r.detail) for r in s.scalars(
            select(AuditRecord).where(AuditRecord.action == "login.failed").order_by(AuditRecord.id))]


@pytest.fixture
def wrong_pin(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The real approval dialog, where a wrong PIN is typed and then the
    dialog given up; what it said is kept."""
    said: list[str] = []

    def exec_(dialog: ApprovalDialog) -> int:
        dialog.ui.pinEdit.setText("0000")
        dialog.check()
        said.append(dialog.ui.messageLabel.text())
        return int(QDialog.DialogCode.Accepted if dialog.approver is not None else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ApprovalDialog, "exec", exec_)
    return said


@pytest.fixture
def window(ctx: AppContext) -> AppContext:
    """The clerk's context as the window makes it: its manager approvals
    through the real approval dialog."""
    return AppContext(ctx.db, ctx.actor, ctx.counter)


# (scene ids) -> the work a clerk asks the manager to approve; (db, ids) -> what the work would change
Work = Callable[[dict[str, int], Actor], Callable[[Session, Actor | None], object]]
State = Callable[[Session, dict[str, int]], object]
CASES: dict[str, tuple[Work, State, str]] = {
    "waiver": (lambda ids, clerk: lambda s, a: payments.grant_waiver(s, clerk, ids["ticket"], "1", "loyal", a,
                                                                     counter="main"),
               lambda s, ids: s.scalar(select(func.count(Waiver.id))), "waive or discount an amount"),
    "void": (lambda ids, clerk: lambda s, a: payments.void_receipt(s, clerk, ids["receipt"], "typed twice", a),
             lambda s, ids: s.get(Receipt, ids["receipt"]).voided_at,  # type: ignore[union-attr]
             "void a receipt"),
    "correction": (lambda ids, clerk: lambda s, a: payments.correct_receipt(s, clerk, ids["receipt"], "5", "typo",
                                                                            approver=a, counter="main"),
                   lambda s, ids: s.scalar(select(func.count(Receipt.id))), "correct a receipt"),
    "kept deposit": (lambda ids, clerk: lambda s, a: loaners.return_loan(
        s, clerk, ids["loan"], "门把手断裂", damage="门把手断裂", keep_deposit=True, approver=a, counter="main"),
                     lambda s, ids: s.get(Loan, ids["loan"]).returned_at,  # type: ignore[union-attr]
                     "keep a loaner deposit"),
    "shop profile": (lambda ids, clerk: lambda s, a: settings.update(s, clerk, {"shop_name": "Another"}, a),
                     lambda s, ids: settings.get(s, "shop_name"), "change the shop profile"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_wrong_pin_in_the_approval_dialog_is_audited_and_nothing_is_done(
        case: str, qtbot: QtBot, window: AppContext, shop: dict[str, object], wrong_pin: list[str]) -> None:
    manager, clerk = shop["manager"], shop["clerk"]
    assert isinstance(manager, Actor) and isinstance(clerk, Actor)
    db = window.db
    ticket, _quote = approved_ticket(db, manager, clerk)
    unit_ticket = workshop_ticket(db, clerk)
    add_units(db, manager, "LN-001")
    with db.write() as s:
        receipt = payments.take_payment(s, clerk, ticket, "cash", "10", now=NOW, counter="main").id
        loan = loaners.lend(s, clerk, unit_ticket, "LN-001", condition_out="良好", deposit="200", now=NOW,
                           counter="main").id
    ids = {"ticket": ticket, "receipt": receipt, "loan": loan}
    make, state, what = CASES[case]
    with db.read() as s:
        before = state(s, ids)
    label = QLabel()
    assert window.write(make(ids, clerk), None, label) is None  # refused: the manager did not approve
    assert wrong_pin == ["Wrong user name or PIN."] and "manager" in label.text()
    with db.read() as s:
        assert state(s, ids) == before
    [(name, detail)] = failed(db)
    assert name == "manager" and what in str(detail["for"])


def test_a_wrong_pin_to_read_the_audit_trail_is_audited_and_nothing_shows(
        qtbot: QtBot, window: AppContext, wrong_pin: list[str]) -> None:
    screen = AuditScreen(window)
    qtbot.addWidget(screen)
    assert not screen.unlock()
    assert screen.model.rowCount() == 0 and not screen.ui.table.isEnabled()
    assert failed(window.db) == [("manager", {"for": "A manager must approve: read the audit trail"})]


def test_a_wrong_pin_for_an_unmasked_export_is_audited_and_nothing_is_written(
        qtbot: QtBot, window: AppContext, wrong_pin: list[str], tmp_path: Path) -> None:
    dialog = ExportDialog(window, date(2026, 10, 1), date(2026, 10, 31))
    qtbot.addWidget(dialog)
    target = tmp_path / "hq.xlsx"
    dialog.ui.fileEdit.setText(str(target))
    dialog.ui.unmaskedCheck.setChecked(True)
    assert not dialog.start()
    assert not target.exists() and dialog.job is None
    assert failed(window.db) == [
        ("manager", {"for": "A manager must approve: export customer names and phones unmasked"})]


def test_a_wrong_pin_at_the_login_is_audited(qtbot: QtBot, window: AppContext) -> None:
    dialog = LoginDialog(window.db)
    qtbot.addWidget(dialog)
    dialog.ui.userEdit.setCurrentText("manager")
    dialog.ui.pinEdit.setText("0000")
    dialog.check()
    assert dialog.actor is None and dialog.ui.messageLabel.text() == "Wrong user name or PIN."
    assert failed(window.db) == [("manager", {})]
