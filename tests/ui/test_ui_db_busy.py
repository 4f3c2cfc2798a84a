"""A database locked by another writer while the intake screen saves: after
a brief wait the clerk reads a clear message, every field keeps what was
typed, and saving again once the lock is gone works."""

from __future__ import annotations

import sqlite3
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from ui_helpers import type_text

from frontdesk.db import engine as engine_module
from frontdesk.db.models import Ticket
from frontdesk.errors import DatabaseBusy
from frontdesk.ui.context import AppContext
from frontdesk.ui.intake import IntakeScreen

BUSY_MS = 400  # the busy wait, short for the test (the program waits 5 s)


def _typed(screen: IntakeScreen) -> dict[str, str]:
    fields = {e.objectName(): e.text() for e in screen.findChildren(QLineEdit) if e.objectName()
              and not e.objectName().startswith("qt_")}
    fields.update({e.objectName(): e.toPlainText() for e in screen.findChildren(QPlainTextEdit)})
    fields["category"] = screen.ui.categoryCombo.currentText()
    return fields


def _tickets(ctx: AppContext) -> int:
    return int(ctx.read(lambda s: s.scalar(select(func.count(Ticket.id))) or 0))


def test_a_locked_database_keeps_the_form_and_says_so(qtbot: QtBot, ctx: AppContext,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", BUSY_MS)
    ctx.db.engine.dispose()  # new connections take the short busy wait
    screen = IntakeScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    u = screen.ui
    type_text(u.nameEdit, "王芳")
    qtbot.keyClicks(u.phoneEdit, "13700001111")
    u.categoryCombo.setCurrentIndex(u.categoryCombo.findData("washing_machine"))
    type_text(u.brandEdit, "小天鹅")
    qtbot.keyClicks(u.modelEdit, "TG100")
    qtbot.keyClicks(u.serialEdit, "LS-778899")
    qtbot.keyClicks(u.purchaseDateEdit, "2025-06-01")
    type_text(u.faultEdit, "脱水时异响")
    type_text(u.requestEdit, "维修")
    before = _typed(screen)
    assert before["nameEdit"] == "王芳" and before["faultEdit"] == "脱水时异响"
    count = _tickets(ctx)

    database = ctx.db.engine.url.database
    assert database
    other = sqlite3.connect(database, isolation_level=None)  # another counter holding the write lock
    try:
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE settings SET value = value WHERE 0")
        started = time.monotonic()
        qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
        waited = time.monotonic() - started
        assert isinstance(ctx.last_error, DatabaseBusy)
        assert u.verifyLabel.text() == ("The database is busy (another counter is saving). "
                                        "Nothing was lost: try again in a moment.")
        assert waited >= BUSY_MS / 1000 * 0.9  # it waited for the other writer first
        assert waited < 5  # ...briefly
        assert _typed(screen) == before  # every field still holds its text
        assert u.resultLabel.text() == ""
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _tickets(ctx) == count

    qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    assert u.resultLabel.text().startswith("Saved ticket ")
    assert _tickets(ctx) == count + 1
    number = u.resultLabel.text().split()[2].rstrip(".")

    def saved_serial(s: Session) -> str:
        product = s.scalars(select(Ticket).where(Ticket.number == number)).one().product
        assert product is not None
        return product.serial

    saved = ctx.read(saved_serial)
    assert saved == "LS-778899"
