"""Fixtures for the screens: a database with users, technicians and a
returning customer, an AppContext whose manager approvals the test decides,
and the program's translator installed as in the real window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk import technicians
from frontdesk.billing import quotes, schedules
from frontdesk.db.engine import Database
from frontdesk.intake import service, states
from frontdesk.ui.context import AppContext
from frontdesk.ui.qt_support import apply_language, install_fonts
from frontdesk.users import Actor
from tests.conftest import seed_users


@pytest.fixture(autouse=True)
def _program_translator(qapp: QApplication) -> Iterator[None]:
    install_fonts(qapp)
    apply_language(qapp, "en")
    yield
    apply_language(qapp, "en")


class Approvals:
    """Stands in for the manager-approval dialog: answers with ``manager``
    (or None, as if cancelled) and records what was asked."""

    def __init__(self) -> None:
        self.manager: Actor | None = None
        self.asked: list[str] = []

    def __call__(self, parent: QWidget | None, what: str) -> Actor | None:
        self.asked.append(what)
        return self.manager


@pytest.fixture
def shop(sqlite_db: Database) -> dict[str, object]:
    """Users, two technicians and a returning customer 张三 with a fridge."""
    manager, clerk = seed_users(sqlite_db)
    with sqlite_db.write() as s:
        technicians.add_technician(s, manager, "刘师傅", areas=["海淀区"])
        technicians.add_technician(s, manager, "陈师傅", areas=["朝阳区"])
        first = service.take_intake(s, clerk, service.IntakeForm(
            channel=service.WALK_IN, name="张三", phone="138 0013 8000", category="refrigerator", brand="海尔",
            model="BCD-216", serial="HR-0001", purchase_date=date(2025, 3, 10), invoice_shown=True,
            fault="不制冷", request="维修"), now=datetime(2026, 10, 12, 10, 0))
    return {"manager": manager, "clerk": clerk, "first_ticket": first}


@pytest.fixture
def approvals() -> Approvals:
    return Approvals()


@pytest.fixture
def ctx(sqlite_db: Database, shop: dict[str, object], approvals: Approvals) -> AppContext:
    clerk = shop["clerk"]
    assert isinstance(clerk, Actor)
    return AppContext(sqlite_db, clerk, "main", ask_manager=approvals)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as key events carrying the text
    (qtbot.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, ch))


def diagnosed_fridge(ctx: AppContext, shop: dict[str, object], *, approve: bool = False) -> int:
    """王芳's fridge out of warranty for labour (its compressor still covered),
    under the shipped fee schedule, being diagnosed; ``approve``: quoted for
    minor labour and approved, so money is owed."""
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    with ctx.db.write() as s:
        schedules.install_default_schedule(s, manager, now=datetime(2026, 1, 1, 9))
        r = service.take_intake(s, ctx.actor, service.IntakeForm(
            channel=service.WALK_IN, name="王芳", phone="13700001111", category="refrigerator", brand="美的",
            model="BCD-520", serial="MD-77", purchase_date=date(2024, 9, 10), invoice_shown=True, fault="不制冷",
            request="维修"), now=datetime(2026, 11, 20, 10))
        service.move(s, ctx.actor, r.ticket_id, states.DIAGNOSING, now=datetime(2026, 11, 20, 11))
        if approve:
            q = quotes.make_quote(s, ctx.actor, r.ticket_id, [quotes.QuoteItem("labour", "minor")])
            quotes.approve_quote(s, ctx.actor, q.id)
    return r.ticket_id



def record_thermostat_repair(detail: Any) -> None:
    """Through the ticket's repair dialog: no cooling, the thermostat
    BX-THERM replaced (old serial OLD-001), a medium repair; saved."""
    from frontdesk.intake import faults
    from frontdesk.ui.repair_dialog import RepairDialog

    record = detail.record_repair()
    assert isinstance(record, RepairDialog)
    r = record.ui
    r.faultCombo.setCurrentIndex(r.faultCombo.findData("no_cooling"))
    r.actionCombo.setCurrentIndex(r.actionCombo.findData(faults.REPLACED_PART))
    r.levelCombo.setCurrentIndex(r.levelCombo.findData("medium"))
    for col, text in enumerate(("BX-THERM", "温控器", "NEW-001", "OLD-001")):
        r.partsTable.item(0, col).setText(text)
    record.save()
