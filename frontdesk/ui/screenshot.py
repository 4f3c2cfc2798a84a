"""``frontdesk screenshot``: every main screen rendered offscreen to PNG, as
a clerk would see it (the README's pictures come from here)."""

from __future__ import annotations

import logging
import os
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from frontdesk import clock, counters, users
from frontdesk.db.models import Customer, Ticket, User
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _

log = logging.getLogger(__name__)

SIZE = (1366, 728)  # a 1366x768 counter screen less its taskbar


def render_all(url: str, out: Path, lang: str | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Loaded when the screenshots are made, not when the command line starts.
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    # Loaded when the screenshots are made, not when the command line starts.
    from frontdesk.db.migrate import open_database
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.figures_screen import CUSTOM, FiguresScreen
    from frontdesk.ui.followup_page import FollowUpPage
    from frontdesk.ui.intake import IntakeScreen
    from frontdesk.ui.login import LoginDialog
    from frontdesk.ui.main_window import PAGES, MainWindow
    from frontdesk.ui.qt_support import application, apply_language
    from frontdesk.ui.receipts import ReceiptsScreen

    app = application()
    db = open_database(url)
    with db.read() as s:
        if lang is None:
            # Loaded when the screenshots are made, not when the command line starts.
            from frontdesk import settings

            lang = str(settings.get(s, "language"))
        user = s.scalar(select(User).where(User.role == users.CLERK, User.active.is_(True)).order_by(User.id)) or \
            s.scalar(select(User).where(User.active.is_(True)).order_by(User.id))
        if user is None:
            raise FrontDeskError(_("The database has no users: run 'frontdesk demo' first."))
        actor = users.Actor(user.id, user.name, user.role)
        sample = s.scalar(select(Customer).join(Ticket, Ticket.customer_id == Customer.id).order_by(Ticket.id.desc()).limit(1))
        sample_name = sample.name if sample else ""
        # Loaded when the screenshots are made, not when the command line starts.
        from frontdesk.followup.models import FeedbackCard

        # A card not back yet: the card entry form shows it found by its QR code.
        card_ticket = s.scalar(select(Ticket.number).join(FeedbackCard, FeedbackCard.ticket_id == Ticket.id)
                               .where(FeedbackCard.returned_on.is_(None)).order_by(FeedbackCard.id.desc()).limit(1))
        # Loaded when the screenshots are made, not when the command line starts.
        from frontdesk.billing.models import Quote

        # A ticket with a quote shows the most (both standards, the saving); else any with a product.
        ticket_id = s.scalar(select(Quote.ticket_id).where(Quote.state == "approved").order_by(Quote.id.desc()).limit(1)) \
            or s.scalar(select(Ticket.id).where(Ticket.product_id.is_not(None)).order_by(Ticket.id.desc()).limit(1))
    apply_language(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []

    def grab(widget: object, name: str) -> None:
        app.processEvents()
        path = out / f"{name}.png"
        if not widget.grab().save(str(path)):  # type: ignore[attr-defined]
            raise FrontDeskError(_("Could not write {path}.").format(path=path))
        files.append(path)

    login = LoginDialog(db)
    login.ui.userEdit.setCurrentText(actor.name)
    login.show()
    grab(login, "00-login")
    login.close()

    window = MainWindow(AppContext(db, actor, counters.MAIN))  # the demo's money went through the main desk
    window.resize(*SIZE)
    window.show()
    for number, (key, _title) in enumerate(PAGES, start=1):
        page = window.show_page(key)
        if isinstance(page, IntakeScreen) and sample_name:
            # A returning customer found as the clerk types the first characters.
            page.ui.nameEdit.setFocus()
            for ch in sample_name[:2]:
                QApplication.sendEvent(page.ui.nameEdit, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
            page.search_customers()
            page.update_preview()
            grab(window, f"{number:02d}-{key}-matches")
            if page.ui.matchesList.count():
                page.pick_match(page.ui.matchesList.item(0))
                if page.ui.historyList.count():
                    page.pick_history(page.ui.historyList.item(0))
                page.ui.faultEdit.setPlainText(_("Stopped working yesterday"))
                page.update_preview()
        if isinstance(page, FiguresScreen):
            # The last 30 days (the demo's weeks), by category, counted before the picture is taken.
            today = clock.now().date()
            page.ui.periodCombo.setCurrentIndex(page.ui.periodCombo.findData(CUSTOM))
            page.ui.fromEdit.setDate(today - timedelta(days=29))
            page.ui.toEdit.setDate(today)
            page.refresh(wait=True)
        if isinstance(page, ReceiptsScreen) and not page.rows:
            page.ui.dayEdit.setText("")  # nothing today: show them all
            page.load()
        grab(window, f"{number:02d}-{key}")
        if isinstance(page, FollowUpPage):
            for tab in range(1, page.tabs.count()):
                page.tabs.setCurrentIndex(tab)
                if page.tabs.currentWidget() is page.cards and card_ticket:
                    # A card found by its QR code, rated "satisfied" for quality so far.
                    page.cards.ui.cardEdit.setText(card_ticket)
                    page.cards.look_up()
                    page.cards.rate(page.cards.quality, 3)
                grab(window, f"{number:02d}-{key}-{tab}")
            page.tabs.setCurrentIndex(0)
    if ticket_id is not None:
        dialog = window.open_ticket(ticket_id)
        dialog.resize(1040, 680)  # as it opens on that screen
        grab(dialog, f"{len(PAGES) + 1:02d}-ticket-history")  # its timeline and next step, as it opens
        dialog.ui.tabs.setCurrentIndex(1)
        grab(dialog, f"{len(PAGES) + 1:02d}-ticket")
        dialog.close()
    window.discard_agreed = True  # the intake typed for the pictures is thrown away without asking
    window.close()
    db.dispose()
    return files
