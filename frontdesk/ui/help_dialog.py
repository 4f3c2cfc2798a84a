"""The help page (F1, Help menu): the keys of each screen, the one in use
first, and the steps of a day at the desk, in the window's language."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from frontdesk.i18n import N_, _

Keys = tuple[tuple[str, str], ...]

EVERYWHERE: Keys = (
    ("F1", N_("this help")),
    ("F2", N_("a new intake")),
    ("Ctrl+F", N_("find a ticket")),
    ("Ctrl+1 … Ctrl+8", N_("the pages, in the order of the list on the left")),
    ("Ctrl+L", N_("lock the window: your work waits behind the lock, the PIN brings it back")),
    ("Ctrl+Q", N_("quit (it asks before an unsaved intake or an open dialog is thrown away)")),
    ("Alt", N_("with the underlined letter of a field, a button or a menu: goes there or presses it")),
    ("Tab, Shift+Tab", N_("the next field, the one before")),
)

# The screens in the order of the list on the left, then the ticket; each with its title and its own keys.
SCREENS: dict[str, tuple[str, Keys]] = {
    "intake": (N_("Intake"), (
        ("", N_("Type a name or a phone number: returning customers show as you type")),
        ("↓, Enter", N_("go to the customers found, pick one")),
        ("Esc", N_("closes the list of customers found")),
        ("Enter, Ctrl+S", N_("save the ticket (Enter in a one-line field)")),
    )),
    "tickets": (N_("Tickets"), (
        ("Ctrl+F", N_("the search: a ticket number, the digits on the slip, a name, a phone or a serial")),
        ("Enter", N_("in the search: the one ticket found opens, else the list takes the keys; in the list: open "
                     "the ticket")),
    )),
    "receipts": (N_("Receipts"), (
        ("Alt", N_("with the underlined letter: reprint, void, correct or print the receipt selected")),
    )),
    "loaners": (N_("Loaners"), (
        ("Enter", N_("in Scan a tag: the unit scanned or typed, and what can be done with it")),
    )),
    "callbacks": (N_("Call-backs"), (
        ("Alt+1", N_("record the call selected: reached, fine")),
        ("Alt+2", N_("reached, not fine (a follow-up call is due the next working day)")),
        ("Alt+3", N_("no answer (try again 2 hours later)")),
        ("Alt+4", N_("wrong number (the ticket's phone is put to verify)")),
        ("Ctrl+Z", N_("take back the call just recorded, for a few seconds")),
        ("Enter", N_("in the note: back to the list; in the list: open the ticket")),
        ("1, 2, 3", N_("returned cards: not satisfied, fairly satisfied, satisfied")),
        ("Space", N_("returned cards: the customer signed")),
    )),
    "dayclose": (N_("Day close"), (
        ("Alt+←, Alt+→", N_("the day before, the day after")),
    )),
    "settings": (N_("Settings"), ()),
    "ticket": (N_("A ticket"), (
        ("Enter", N_("in the step note: take the step offered; in the note: add it to the timeline")),
        ("Esc", N_("close the ticket's window")),
    )),
}

STEPS: tuple[tuple[str, str], ...] = (
    (N_("Intake"), N_("F2: the customer's request, at the counter or on the phone. Facts missing are saved "
                      "\"to verify\"; a phone request is answered within one working day.")),
    (N_("Quote"), N_("On the ticket, Billing: the lines from the fee schedule; the warranty decides who pays.")),
    (N_("Approval"), N_("The customer approves or declines, at the counter or by phone; chargeable work waits "
                        "for it.")),
    (N_("Repair"), N_("Start the repair, wait for parts, then record what was found and done.")),
    (N_("Payment"), N_("Take the payment (or a deposit) on the ticket: a receipt is issued.")),
    (N_("Pick-up"), N_("Ready for pick-up, then hand over with the accessories ticked: the ticket closes.")),
    (N_("Call-back"), N_("Call-backs lists the calls due, overdue first: record each with Alt+1 to Alt+4.")),
    (N_("Day close"), N_("Count the drawer; a manager closes the day with a PIN.")),
    (N_("Workbook"), N_("Day close, Head-office workbook: the period's workbook for head office.")),
)


def _keys_table(keys: Keys) -> str:
    rows = "".join(f"<tr><td><b>{escape(key)}</b></td><td>{escape(_(what))}</td></tr>" if key else
                   f"<tr><td colspan='2'>{escape(_(what))}</td></tr>" for key, what in keys)
    return f"<table cellspacing='0' cellpadding='3'>{rows}</table>"


def help_html(screen: str | None = None) -> str:
    """The help page, the keys of ``screen`` (a page's key, or "ticket") first."""
    parts = [f"<h2>{escape(_('Keys'))}</h2>"]
    order = ([screen] if screen in SCREENS else []) + [key for key in SCREENS if key != screen]
    for key in order:
        title, keys = SCREENS[key]
        if not keys:
            continue
        heading = escape(_(title))
        if key == screen:
            heading = escape(_("{screen} (this screen)").format(screen=_(title)))
        parts.append(f"<h3>{heading}</h3>{_keys_table(keys)}")
        if key == screen:
            parts.append(f"<h3>{escape(_('Everywhere'))}</h3>{_keys_table(EVERYWHERE)}")
    if screen not in SCREENS:
        parts.insert(1, f"<h3>{escape(_('Everywhere'))}</h3>{_keys_table(EVERYWHERE)}")
    steps = "".join(f"<li><b>{escape(_(step))}</b>: {escape(_(what))}</li>" for step, what in STEPS)
    parts.append(f"<h2>{escape(_('The steps of a day'))}</h2><ol>{steps}</ol>")
    return "".join(parts)


class HelpDialog(QDialog):
    """The help page; ``show_for(screen)`` puts that screen's keys first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HelpDialog")
        self.setWindowTitle(_("FrontDesk: keys and the day's steps"))
        self.resize(640, 700)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.screen_key: str | None = None

    def show_for(self, screen: str | None) -> None:
        self.screen_key = screen
        self.browser.setHtml(help_html(screen))
        self.show()
        self.raise_()
        self.activateWindow()
