"""The Call-backs page: the call-back list, products not collected, open
complaints, card entry, card supervision and satisfaction, one tab each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from frontdesk.i18n import _
from frontdesk.ui.callbacks import CallbacksScreen
from frontdesk.ui.card_entry import CardEntryScreen
from frontdesk.ui.complaints import ComplaintsScreen
from frontdesk.ui.context import AppContext
from frontdesk.ui.satisfaction import SatisfactionScreen
from frontdesk.ui.supervision import SupervisionScreen
from frontdesk.ui.uncollected import UncollectedScreen


class FollowUpPage(QWidget):
    """Emits ``open_requested(ticket_id)`` from the call-back, uncollected and
    complaint lists, and ``changed()`` after an act on one of its tabs that
    changes what is due (a call recorded, a card entered, a complaint
    closed): the main window's sidebar counts follow it."""

    open_requested = Signal(int)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.callbacks = CallbacksScreen(ctx, self)
        self.uncollected = UncollectedScreen(ctx, self)
        self.complaints = ComplaintsScreen(ctx, self)
        self.cards = CardEntryScreen(ctx, self)
        self.supervision = SupervisionScreen(ctx, self)
        self.satisfaction = SatisfactionScreen(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("followupTabs")
        for screen, title in ((self.callbacks, _("Calls due")), (self.uncollected, _("Not collected")),
                              (self.complaints, _("Complaints")),
                              (self.cards, _("Enter cards")), (self.supervision, _("Card supervision")),
                              (self.satisfaction, _("Satisfaction"))):
            self.tabs.addTab(screen, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.callbacks.open_requested.connect(self.open_requested)
        self.uncollected.open_requested.connect(self.open_requested)
        self.complaints.open_requested.connect(self.open_requested)
        self.cards.card_entered.connect(lambda _id: self.refresh_lists())
        self.callbacks.changed.connect(self.changed)
        self.complaints.changed.connect(self.changed)
        self.cards.card_entered.connect(lambda _id: self.changed.emit())
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())

    def refresh_current(self) -> None:
        """A tab brought up shows what is due now, not when the window opened."""
        screen = self.tabs.currentWidget()
        if isinstance(screen, (CallbacksScreen, UncollectedScreen, ComplaintsScreen, CardEntryScreen,
                               SupervisionScreen, SatisfactionScreen)):
            screen.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_current()

    def refresh_lists(self) -> None:
        """After a card or a change on a ticket: the lists that depend on it."""
        self.callbacks.refresh()
        self.uncollected.refresh()
        self.complaints.refresh()

    def refresh(self) -> None:
        self.refresh_lists()
        self.cards.refresh()
        self.supervision.refresh()
        self.satisfaction.refresh()
