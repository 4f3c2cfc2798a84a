"""The main window: navigation for the whole program, keyboard first."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk import __version__, settings, users
from frontdesk.followup import service as followup_service
from frontdesk.i18n import N_, _
from frontdesk.intake import responses
from frontdesk.ui.claims import ClaimsScreen
from frontdesk.ui.context import AppContext
from frontdesk.ui.dayclose import DayCloseScreen
from frontdesk.ui.figures_screen import FiguresScreen
from frontdesk.ui.followup_page import FollowUpPage
from frontdesk.ui.generated.main_window_ui import Ui_MainWindow
from frontdesk.ui.help_dialog import HelpDialog
from frontdesk.ui.intake import IntakeScreen
from frontdesk.ui.loaners import LoanersScreen
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.qt_support import apply_language, fit_to_screen
from frontdesk.ui.receipts import ReceiptsScreen
from frontdesk.ui.settings_screen import SettingsScreen
from frontdesk.ui.ticket_detail import SpareDetail, TicketDetailDialog
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
    ("claims", N_("Claims")),  # after the first seven: Ctrl+1 to Ctrl+7 stay where the counters' fingers know them
    ("figures", N_("Figures")),
)
DUE_REFRESH_MS = 60_000
SPARE_AT_START_MS = 1_500  # the first ticket dialog made ahead: after the window and its first screen have painted
NAV_STYLE = ("QListWidget { font-size: 15px; background: #263238; color: #eceff1; border: none; }"
             "QListWidget::item { padding: 10px 14px; }"
             "QListWidget::item:selected { background: #1565c0; color: white; }")


class LockCover(QWidget):
    """What a modal dialog shows while the window is locked: it covers the
    dialog's content, which stays as it was under it (hiding a dialog in
    ``exec`` would end it, and with it what was typed)."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        label = QLabel(_("Locked"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(dialog.rect())
        dialog.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return super().eventFilter(watched, event)

    def remove(self) -> None:
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.locked = False
        self.discard_agreed = False  # the person agreed to lose unsaved work: closing asks no more
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
        # Made here, beside About, so that the form's menus stay the designer's.
        self.actionHelp = QAction(_("&Keys and the day's steps…"), self)
        self.actionHelp.setObjectName("actionHelp")
        self.actionHelp.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.actionHelp.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # F1 from a ticket's window too
        self.actionHelp.triggered.connect(self.show_help)
        u.menuHelp.insertAction(u.actionAbout, self.actionHelp)
        self.help_dialog: HelpDialog | None = None
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
        # A ticket's dialog is made ahead, once the window has painted: opening a ticket reads and paints it.
        self.spare_detail = SpareDetail(ctx, self)
        self.spare_detail.prepare_later(SPARE_AT_START_MS)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        geometry = QSettings().value("ui/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        fit_to_screen(self)  # the form's default size, or one kept from a larger screen

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
        claims = ClaimsScreen(self.ctx, self)
        claims.open_requested.connect(self.open_ticket)
        figures_screen = FiguresScreen(self.ctx, self)
        figures_screen.open_requested.connect(self.open_ticket)
        built: dict[str, QWidget] = {"intake": intake, "tickets": tickets, "receipts": receipts,
                                     "loaners": loaner_board, "callbacks": followup, "dayclose": day_close,
                                     "settings": settings_screen, "claims": claims, "figures": figures_screen}
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
        """F2: a fresh intake form.  An intake typed and not saved is not
        thrown away by it: from another page F2 goes back to it as it was;
        on the intake itself it asks first."""
        shown = self.ui.pages.currentWidget()
        page = self.show_page("intake")
        assert isinstance(page, IntakeScreen)
        keep = page.has_unsaved() and (shown is not page or not self.confirm_discard(
            [_("the intake being typed")], self,
            lambda what: _("Start a new intake and throw away {what}?").format(what=what)))
        if not keep:
            page.clear()

    def find_ticket(self) -> None:
        page = self.show_page("tickets")
        assert isinstance(page, TicketsScreen)
        page.focus_search()

    def open_ticket(self, ticket_id: int) -> TicketDetailDialog:
        dialog = self.details.get(ticket_id)
        if dialog is None:
            dialog = self.spare_detail.take(ticket_id)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_a, tid=ticket_id: self.details.pop(tid, None))
            tickets = self.pages.get("tickets")
            if isinstance(tickets, TicketsScreen):
                dialog.changed.connect(lambda _id: tickets.refresh())
            dialog.changed.connect(lambda _id: self.update_due())
            for key in ("receipts", "loaners", "claims"):  # a repair recorded drafts a claim
                page = self.pages.get(key)
                if isinstance(page, (ReceiptsScreen, LoanersScreen, ClaimsScreen)):
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
        self.actionHelp.setText(_("&Keys and the day's steps…"))
        if self.help_dialog is not None:
            self.help_dialog.close()
            self.help_dialog.deleteLater()
            self.help_dialog = None  # made again in the new language
        self.spare_detail.drop()  # likewise
        self.spare_detail.prepare_later()
        self.build_pages()

    def unsaved_work(self) -> list[str]:
        """What quitting would throw away: an intake typed and not saved, a
        dialog open in the middle of its work (a payment, a pick-up...)."""
        what: list[str] = []
        intake = self.pages.get("intake")
        if isinstance(intake, IntakeScreen) and intake.has_unsaved():
            what.append(_("the intake being typed"))
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and not isinstance(widget, LoginDialog) and widget.isVisible() \
                    and widget.isModal():
                what.append(_("the open dialog “{title}”").format(title=widget.windowTitle()))
        return what

    def confirm_discard(self, what: list[str], parent: QWidget | None = None,
                        question: Callable[[str], str] | None = None) -> bool:
        """Ask before throwing ``what`` away (by quitting, unless ``question``
        words it otherwise from the things listed); True when the person agrees."""
        listed = _(", ").join(what)
        text = question(listed) if question else _("Quitting now throws away {what}. Quit anyway?").format(what=listed)
        box = QMessageBox(QMessageBox.Icon.Warning, _("FrontDesk"), text,
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, parent or self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    def _agree_to_quit(self, parent: QWidget | None = None) -> bool:
        what = self.unsaved_work()
        agreed = not what or self.confirm_discard(what, parent)
        self.discard_agreed = agreed
        return agreed

    def lock(self) -> None:
        """Lock the window: it hides (a modal dialog is covered instead, since
        hiding would end it) and the login asks for a PIN.  Nothing typed is
        lost: after the PIN everything is as it was.  Esc on the lock screen
        does nothing; its Quit button asks before throwing work away.  A
        different user signing in gets fresh screens, or keeps the work on
        screen when there is some and they choose to."""
        if self.locked or not self.isVisible():
            return
        self.locked = True
        self.idle_timer.stop()
        hidden: list[QWidget] = []
        covers: list[LockCover] = []
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or isinstance(widget, LoginDialog) \
                    or widget.windowType() not in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                continue  # a tooltip or a menu popup closes by itself
            if isinstance(widget, QDialog) and widget.isModal():
                covers.append(LockCover(widget))
            else:
                hidden.append(widget)
        self.hide()
        for widget in hidden:
            widget.hide()
        try:
            login = LoginDialog(self.ctx.db, None, self.ctx.actor.name,
                                confirm_quit=lambda: self._agree_to_quit(login))
            signed_in = bool(login.exec()) and login.actor is not None
        finally:
            self.locked = False
        for cover in covers:
            cover.remove()
        if not signed_in or login.actor is None:  # Quit, and the person agreed to lose what was open
            self._end_dialogs()
            self.close()
            return
        fresh = login.actor != self.ctx.actor
        if fresh:
            what = self.unsaved_work()
            # The new user may keep the work on screen (Cancel) rather than throw it away.
            before = self.ctx.actor.name
            fresh = not what or self.confirm_discard(what, self, lambda listed: _(
                "{user} left {what} unsaved. Throw it away and start afresh?").format(user=before, what=listed))
            self.ctx.actor = login.actor
        self.show()
        for widget in hidden:
            widget.show()
        if fresh:
            self._end_dialogs()
            self.build_pages()
        else:
            self.update_status()
        self.reset_idle()

    def _end_dialogs(self) -> None:
        """Close the tickets and dialogs open (the work in them was given up)."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isModal() and widget.isVisible() \
                    and not isinstance(widget, LoginDialog):
                widget.reject()
        for detail in list(self.details.values()):
            detail.close()

    def current_screen(self) -> str:
        """The key of the screen in use: a ticket's window when one is in
        front, else the page shown."""
        active = QApplication.activeWindow()
        if isinstance(active, TicketDetailDialog) or (isinstance(active, QWidget) and isinstance(
                active.parentWidget(), TicketDetailDialog)):
            return "ticket"
        page = self.ui.pages.currentWidget()
        return next((key for key, widget in self.pages.items() if widget is page), "")

    def show_help(self) -> HelpDialog:
        """The help page, the keys of the screen in use first."""
        screen = self.current_screen()
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show_for(screen)
        return self.help_dialog

    def about(self) -> None:
        QMessageBox.about(self, _("About FrontDesk"),
                          _("FrontDesk {version}: the front desk of a repair service center.").format(version=__version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        """File > Quit and the window's close: an unsaved intake or an open
        dialog is thrown away only when the person agrees."""
        if not self.discard_agreed and not self._agree_to_quit(self):
            event.ignore()
            return
        QSettings().setValue("ui/geometry", self.saveGeometry())
        super().closeEvent(event)
