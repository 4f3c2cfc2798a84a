"""The main window: navigation for the whole program, keyboard first."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMainWindow, QMessageBox, QWidget

from frontdesk import __version__, settings, users
from frontdesk.followup import service as followup_service
from frontdesk.i18n import N_, _
from frontdesk.intake import responses
from frontdesk.ui.context import AppContext
from frontdesk.ui.dayclose import DayCloseScreen
from frontdesk.ui.followup_page import FollowUpPage
from frontdesk.ui.generated.main_window_ui import Ui_MainWindow
from frontdesk.ui.intake import IntakeScreen
from frontdesk.ui.loaners import LoanersScreen
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.qt_support import apply_language
from frontdesk.ui.receipts import ReceiptsScreen
from frontdesk.ui.settings_screen import SettingsScreen
from frontdesk.ui.ticket_detail import TicketDetailDialog
from frontdesk.ui.tickets import TicketsScreen

log = logging.getLogger(__name__)

PAGES: tuple[tuple[str, str], ...] = (
    ("intake", N_("Intake")),
    ("tickets", N_("Tickets")),
    ("receipts", N_("Receipts")),
    ("loaners", N_("Loaners")),
    ("callbacks", N_("Call-backs")),
    ("dayclose", N_("Day close")),
    ("settings", N_("Settings")),
)
DUE_REFRESH_MS = 60_000
NAV_STYLE = ("QListWidget { font-size: 15px; background: #263238; color: #eceff1; border: none; }"
             "QListWidget::item { padding: 10px 14px; }"
             "QListWidget::item:selected { background: #1565c0; color: white; }")


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.pages: dict[str, QWidget] = {}
        self.details: dict[int, TicketDetailDialog] = {}
        u = self.ui
        u.navList.setStyleSheet(NAV_STYLE)
        u.navList.currentRowChanged.connect(u.pages.setCurrentIndex)
        u.actionNewIntake.triggered.connect(self.new_intake)
        u.actionFindTicket.triggered.connect(self.find_ticket)
        u.actionLock.triggered.connect(self.lock)
        u.actionQuit.triggered.connect(self.close)
        u.actionAbout.triggered.connect(self.about)
        for i in range(len(PAGES)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self).activated.connect(
                lambda i=i: self.show_page(PAGES[i][0]))
        self.build_pages()
        self.due_timer = QTimer(self, interval=DUE_REFRESH_MS)
        self.due_timer.timeout.connect(self.update_due)
        self.due_timer.start()
        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.timeout.connect(self.lock)
        self.reset_idle()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        geometry = QSettings().value("ui/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def build_pages(self) -> None:
        """(Re)build every screen: at start, after a language change or a new login."""
        u = self.ui
        current = u.navList.currentRow()
        while u.pages.count():
            page = u.pages.widget(0)
            u.pages.removeWidget(page)
            page.deleteLater()
        u.navList.clear()
        self.pages.clear()
        intake = IntakeScreen(self.ctx, self)
        tickets = TicketsScreen(self.ctx, self)
        settings_screen = SettingsScreen(self.ctx, self)
        intake.ticket_saved.connect(lambda _id, _n: tickets.refresh())
        tickets.open_requested.connect(self.open_ticket)
        intake.open_requested.connect(self.open_ticket)
        settings_screen.language_changed.connect(self.change_language)
        settings_screen.profile_saved.connect(self.update_status)
        settings_screen.profile_saved.connect(self.reset_idle)
        intake.ticket_saved.connect(lambda _id, _n: self.update_due())
        receipts = ReceiptsScreen(self.ctx, self)
        loaner_board = LoanersScreen(self.ctx, self)
        followup = FollowUpPage(self.ctx, self)
        followup.open_requested.connect(self.open_ticket)
        followup.changed.connect(self.update_due)  # a call recorded: "(8 overdue)" must not stay
        intake.ticket_saved.connect(lambda _id, _n: followup.refresh_lists())  # a consultation raises a call-back
        day_close = DayCloseScreen(self.ctx, self)
        built: dict[str, QWidget] = {"intake": intake, "tickets": tickets, "receipts": receipts,
                                     "loaners": loaner_board, "callbacks": followup, "dayclose": day_close,
                                     "settings": settings_screen}
        for key, title in PAGES:
            page = built[key]
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            u.pages.addWidget(page)
            item = QListWidgetItem(_(title))
            item.setToolTip(f"Ctrl+{len(self.pages)}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            u.navList.addItem(item)
        u.navList.setCurrentRow(max(0, current))
        self.update_status()
        self.update_due()

    def update_due(self) -> int:
        """Show on the Tickets entry how many phone requests must be answered soon."""
        due = self.ctx.read(lambda s: responses.responses_due(s))
        item = self.ui.navList.item([k for k, _t in PAGES].index("tickets"))
        if item is not None:
            title = _(dict(PAGES)["tickets"])
            item.setText(_("{title} ({count} to answer)").format(title=title, count=len(due)) if due else title)
            item.setToolTip(_("Phone requests to answer soon: {numbers}").format(
                numbers=", ".join(d.number for d in due[:10])) if due else "Ctrl+2")
        calls = self.ui.navList.item([k for k, _t in PAGES].index("callbacks"))
        if calls is not None:
            late = self.ctx.read(lambda s: followup_service.overdue_count(s))
            title = _(dict(PAGES)["callbacks"])
            calls.setText(_("{title} ({count} overdue)").format(title=title, count=late) if late else title)
        self._fit_nav()
        return len(due)

    def _fit_nav(self) -> None:
        """The navigation as wide as its longest entry (no scroll bar under it)."""
        nav = self.ui.navList
        nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        wanted = nav.sizeHintForColumn(0) + 2 * nav.frameWidth() + 4
        nav.setMaximumWidth(max(200, wanted))
        nav.setMinimumWidth(max(170, wanted))

    def reset_idle(self) -> None:
        minutes = int(self.ctx.read(lambda s: settings.get(s, "idle_lock_minutes")))
        self.idle_minutes = minutes
        if minutes > 0:
            self.idle_timer.start(minutes * 60_000)
        else:
            self.idle_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress) and self.idle_minutes > 0:
            self.idle_timer.start()  # any key or click restarts the idle count
        return super().eventFilter(watched, event)

    def update_status(self) -> None:
        actor = self.ctx.actor
        shop, person = self.ctx.read(lambda s: (settings.get(s, "shop_name"), users.display_name(s, actor.id)))
        self.setWindowTitle(_("FrontDesk — {shop}").format(shop=shop))
        self.ui.statusBar.showMessage(_("{user} ({role}) · {shop}").format(
            user=person or actor.name, role=_(users.ROLES.get(actor.role, actor.role)), shop=shop))

    def show_page(self, key: str) -> QWidget:
        keys = [k for k, _t in PAGES]
        self.ui.navList.setCurrentRow(keys.index(key))
        return self.pages[key]

    def new_intake(self) -> None:
        page = self.show_page("intake")
        assert isinstance(page, IntakeScreen)
        page.clear()

    def find_ticket(self) -> None:
        page = self.show_page("tickets")
        assert isinstance(page, TicketsScreen)
        page.focus_search()

    def open_ticket(self, ticket_id: int) -> TicketDetailDialog:
        dialog = self.details.get(ticket_id)
        if dialog is None:
            dialog = TicketDetailDialog(self.ctx, ticket_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_a, tid=ticket_id: self.details.pop(tid, None))
            tickets = self.pages.get("tickets")
            if isinstance(tickets, TicketsScreen):
                dialog.changed.connect(lambda _id: tickets.refresh())
            dialog.changed.connect(lambda _id: self.update_due())
            for key in ("receipts", "loaners"):
                page = self.pages.get(key)
                if isinstance(page, (ReceiptsScreen, LoanersScreen)):
                    dialog.changed.connect(lambda _id, page=page: page.refresh())
            followup = self.pages.get("callbacks")
            if isinstance(followup, FollowUpPage):
                dialog.changed.connect(lambda _id: followup.refresh_lists())
            self.details[ticket_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def change_language(self, code: str) -> None:
        app = QApplication.instance()
        if app is not None:
            apply_language(app, code)
        self.ui.retranslateUi(self)
        self.build_pages()

    def lock(self) -> None:
        if not self.isVisible():
            return
        self.idle_timer.stop()
        for detail in list(self.details.values()):
            detail.close()
        self.hide()
        login = LoginDialog(self.ctx.db, None, self.ctx.actor.name)
        if login.exec() and login.actor is not None:
            if login.actor != self.ctx.actor:
                self.ctx.actor = login.actor
                self.build_pages()
            self.show()
            self.reset_idle()
        else:
            self.close()

    def about(self) -> None:
        QMessageBox.about(self, _("About FrontDesk"),
                          _("FrontDesk {version}: the front desk of a repair service center.").format(version=__version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("ui/geometry", self.saveGeometry())
        super().closeEvent(event)
