"""The intake screen: walk-in and phone requests.

Returning customers show as the clerk types a name or a phone number; picking
one fills the customer and lists their products and earlier tickets.  The
warranty status, the 三包 advice and the facts still "to verify" update as
the fields change; saving goes through :func:`frontdesk.intake.service.take_intake`.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QListWidgetItem, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from frontdesk import clock, customers, settings, technicians
from frontdesk.db.engine import Database
from frontdesk.errors import ValidationError
from frontdesk.i18n import _, ngettext
from frontdesk.intake import faults, fields, service, states, visits
from frontdesk.intake.preview import IntakeAdvice, OpenTicket, intake_advice, missing_facts, open_tickets_like
from frontdesk.intake.warranty import EXCLUSION_REASONS, category_label, load_category_rules
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import OK_STYLE, report, show_inline
from frontdesk.ui.fields import parse_day, split_list
from frontdesk.ui.generated.intake_ui import Ui_IntakeScreen
from frontdesk.ui.live_search import LiveSearch
from frontdesk.ui.qt_support import FocusFollower

log = logging.getLogger(__name__)

MATCHES_SHOWN = 15
PREVIEW_DELAY_MS = 80
VISIT_WINDOWS = ((time(9, 0), time(12, 0)), (time(13, 0), time(17, 0)), (time(17, 0), time(19, 0)))
WARRANTY_COLOURS = {"in": "#1b5e20", "partial": "#8a6d00", "out": "#b00020", "unknown": "#555555"}


class IntakeScreen(QWidget):
    """Emits ``ticket_saved(ticket_id, number)`` after a save, and
    ``open_requested(ticket_id)`` to open a ticket (an earlier one of the
    customer, or one already open for the product)."""

    ticket_saved = Signal(int, str)
    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_IntakeScreen()
        self.ui.setupUi(self)
        self.customer_id: int | None = None
        self.product_id: int | None = None
        self.condition_checks: dict[str, QCheckBox] = {}
        self.duplicates: list[OpenTicket] = []
        self._duplicates_for: tuple[str, int | None, str] | None = None
        self.accessory_checks: dict[str, QCheckBox] = {}
        self._field_widgets: dict[str, QWidget] = {
            "name": self.ui.nameEdit, "phone": self.ui.phoneEdit, "address": self.ui.addressEdit,
            "category": self.ui.categoryCombo, "brand": self.ui.brandEdit, "model": self.ui.modelEdit,
            "serial": self.ui.serialEdit, "purchase_date": self.ui.purchaseDateEdit, "proof": self.ui.invoiceCheck,
            "fault": self.ui.faultEdit, "request": self.ui.requestEdit, "maker_order_no": self.ui.makerOrderEdit, "what_happened": self.ui.whatHappenedEdit,
            "related_ticket": self.ui.relatedTicketEdit, "card_stamp_date": self.ui.cardDateEdit,
            "visit": self.ui.visitDayEdit, "fault_category": self.ui.faultCategoryCombo,
        }
        with ctx.db.read() as s:
            self.region = str(settings.get(s, "region"))
            self.calendar = settings.work_calendar(s)
            techs = technicians.technician_names(s)
        self._fill_choices(techs)

        db = ctx.db
        self.live = LiveSearch(lambda text: _matches(db, text), self.show_matches, self,
                               on_error=lambda exc: report(self, exc, self.ui.resultLabel))
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)

        u = self.ui
        u.walkInRadio.toggled.connect(self._mode_changed)
        u.kindCombo.currentIndexChanged.connect(self._mode_changed)
        u.nameEdit.textEdited.connect(lambda _t: self._typed_customer(u.nameEdit))
        u.phoneEdit.textEdited.connect(lambda _t: self._typed_customer(u.phoneEdit))
        u.matchesList.setWordWrap(True)
        u.historyList.setWordWrap(True)
        u.matchesList.itemActivated.connect(self.pick_match)
        u.historyList.itemActivated.connect(self.pick_history)
        u.categoryCombo.currentIndexChanged.connect(self._category_changed)
        for edit in (u.addressEdit, u.brandEdit, u.modelEdit, u.serialEdit, u.purchaseDateEdit, u.cardDateEdit,
                     u.factoryDateEdit, u.requestEdit, u.relatedTicketEdit, u.visitDayEdit):
            edit.textChanged.connect(self.schedule_preview)
        for box in (u.faultEdit, u.whatHappenedEdit):
            box.textChanged.connect(self.schedule_preview)
        for check in (u.invoiceCheck, u.cardCheck, u.performanceCheck, u.resolvedCheck, u.misuseCheck, u.visitCheck):
            check.toggled.connect(self.schedule_preview)
        u.exclusionCombo.currentIndexChanged.connect(self.schedule_preview)
        u.faultCategoryCombo.currentIndexChanged.connect(self.schedule_preview)
        u.cardMonthsEdit.valueChanged.connect(self.schedule_preview)
        u.visitCheck.toggled.connect(self._mode_changed)
        u.duplicateLabel.linkActivated.connect(self._open_link)
        u.openDuplicateButton.clicked.connect(
            lambda: self.open_requested.emit(self.duplicates[0].id) if self.duplicates else None)
        u.saveButton.clicked.connect(self.save)
        u.clearButton.clicked.connect(self.clear)
        for edit in self.findChildren(QLineEdit):
            edit.returnPressed.connect(self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self.save)
        QShortcut(QKeySequence("Escape"), self).activated.connect(self._escape)
        u.nameEdit.installEventFilter(self)
        u.phoneEdit.installEventFilter(self)
        FocusFollower(u.formScroll)  # the fields scroll on a small screen; Save stays below them
        self._category_changed()
        self._mode_changed()
        self.update_preview()

    # ---- set-up -----------------------------------------------------------

    def _fill_choices(self, techs: list[tuple[int, str]]) -> None:
        u = self.ui
        for kind in service.KINDS_BY_CHANNEL[service.PHONE]:
            u.kindCombo.addItem(_(service.KINDS[kind]), kind)
        u.categoryCombo.addItem(_("(choose)"), "")
        for key in load_category_rules():
            u.categoryCombo.addItem(category_label(key), key)
        u.exclusionCombo.addItem(_("(not excluded)"), None)
        for key, text in EXCLUSION_REASONS.items():
            u.exclusionCombo.addItem(_(text), key)
        u.technicianCombo.addItem(_("(not yet)"), None)
        for tid, name in techs:
            u.technicianCombo.addItem(name, tid)
        for start, end in VISIT_WINDOWS:
            u.visitWindowCombo.addItem(f"{start:%H:%M}–{end:%H:%M}", (start, end))
        grid = QGridLayout(u.accessoriesBox)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (key, text) in enumerate(service.COMMON_ACCESSORIES.items()):
            box = QCheckBox(_(text), u.accessoriesBox)
            box.setObjectName(f"accessory_{key}")
            self.accessory_checks[key] = box
            grid.addWidget(box, i // 2, i % 2)
        QGridLayout(u.conditionBox).setContentsMargins(0, 0, 0, 0)

    def channel(self) -> str:
        return service.WALK_IN if self.ui.walkInRadio.isChecked() else service.PHONE

    def kind(self) -> str:
        if self.channel() == service.WALK_IN:
            return service.REPAIR
        return str(self.ui.kindCombo.currentData())

    def _mode_changed(self, *_args: object) -> None:
        u = self.ui
        phone = self.channel() == service.PHONE
        kind = self.kind()
        serviced = kind in service.SERVICE_KINDS
        u.kindCombo.setEnabled(phone)
        u.kindLabel.setEnabled(phone)
        u.counterGroup.setVisible(not phone)
        u.phoneGroup.setVisible(phone)
        u.productGroup.setEnabled(serviced)
        u.faultGroup.setEnabled(serviced or kind == service.CONSULTATION)
        for widget in (u.whatHappenedLabel, u.whatHappenedEdit):
            widget.setVisible(kind == service.COMPLAINT)
        for widget in (u.relatedLabel, u.relatedTicketEdit):
            widget.setVisible(kind in (service.INQUIRY, service.COMPLAINT))
        u.resolvedCheck.setVisible(kind in (service.REPAIR, service.CONSULTATION))
        u.misuseCheck.setVisible(kind == service.REPAIR)
        u.visitCheck.setVisible(serviced)
        show_visit = serviced and u.visitCheck.isChecked()
        for widget in (u.visitDayLabel, u.visitDayEdit, u.visitWindowLabel, u.visitWindowCombo):
            widget.setVisible(show_visit)
        if show_visit and not u.visitDayEdit.text():
            u.visitDayEdit.setText(self.calendar.next_working_day(clock.now().date()).isoformat())
        self.schedule_preview()

    def _category_changed(self, *_args: object) -> None:
        category = str(self.ui.categoryCombo.currentData() or "")
        grid = self.ui.conditionBox.layout()
        assert isinstance(grid, QGridLayout)
        checked = {k for k, box in self.condition_checks.items() if box.isChecked()}
        for box in self.condition_checks.values():
            grid.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.condition_checks.clear()
        for i, key in enumerate(service.condition_checks(category)):
            box = QCheckBox(_(service.CONDITION_LABELS[key]), self.ui.conditionBox)
            box.setObjectName(f"condition_{key}")
            box.setChecked(key in checked)
            self.condition_checks[key] = box
            grid.addWidget(box, i // 2, i % 2)
        self.ui.passcodeCheck.setVisible(category in service.PASSCODE_CATEGORIES)
        self._fill_fault_categories(category)
        self.schedule_preview()

    def _fill_fault_categories(self, category: str) -> None:
        """The shop's fault categories for the product category; optional
        ("—" first), the one picked kept when the new list has it."""
        combo = self.ui.faultCategoryCombo
        picked = combo.currentData()
        offered = self.ctx.read(lambda s: faults.fault_categories(category, s)) if category else []
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("—", "")
        for fault in offered:
            combo.addItem(fault.label, fault.key)
        combo.setCurrentIndex(max(0, combo.findData(picked)) if picked else 0)
        combo.blockSignals(False)
        combo.setEnabled(bool(offered))

    # ---- returning customers ---------------------------------------------------

    def _typed_customer(self, edit: QLineEdit) -> None:
        """Each keystroke searches at once, off the window's thread
        (frontdesk/ui/live_search.py); too little typed clears the matches."""
        self._last_typed = edit
        text = self._search_text()
        if text is None:
            self.live.cancel()
            self.ui.matchesList.clear()
        else:
            self.live.request(text)
        self.schedule_preview()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in (self.ui.nameEdit, self.ui.phoneEdit) \
                and event.key() == Qt.Key.Key_Down and self.ui.matchesList.count():  # type: ignore[attr-defined]
            self.ui.matchesList.setFocus()
            self.ui.matchesList.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def _search_text(self) -> str | None:
        """What the field typed last asks to search: a name from its first
        character, a phone from its third digit; None: not enough yet."""
        edit = getattr(self, "_last_typed", self.ui.nameEdit)
        text = edit.text().strip()
        if len(text) < 1 or (edit is self.ui.phoneEdit and len([c for c in text if c.isdigit()]) < 3):
            return None
        return text

    def search_customers(self) -> None:
        """Search now, on this thread, and show (the screenshots, a caller that waits)."""
        text = self._search_text()
        self.live.cancel()
        self.show_matches(text or "", _matches(self.ctx.db, text) if text is not None else [])

    def show_matches(self, _text: str, matches: Sequence[customers.CustomerMatch]) -> None:
        self.ui.matchesList.clear()
        for m in matches:
            last = m.last_visit.strftime("%Y-%m-%d") if m.last_visit else "—"
            item = QListWidgetItem(
                _("{name}  {phone}  {address}  (tickets: {count}, last {last})").format(
                    name=m.name, phone=m.phone_display, address=m.address[:30], count=m.ticket_count, last=last))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.ui.matchesList.addItem(item)

    def pick_match(self, item: QListWidgetItem) -> None:
        self.pick_customer(int(item.data(Qt.ItemDataRole.UserRole)))

    def pick_customer(self, customer_id: int) -> None:
        hist = self.ctx.read(lambda s: _history(s, customer_id))
        c = hist["customer"]
        self.customer_id = customer_id
        self.product_id = None
        self.products = {p["id"]: p for p in hist["products"]}
        self.ui.nameEdit.setText(c["name"])
        self.ui.phoneEdit.setText(c["phone"])
        self.ui.addressEdit.setText(c["address"])
        self.ui.areaEdit.setText(c["area"])
        self.ui.matchesList.clear()
        self.ui.historyList.clear()
        for p in hist["products"]:
            bought = p["purchase_date"].isoformat() if p["purchase_date"] else _("purchase date unknown")
            item = QListWidgetItem(_("Product: {category} {brand} {model}, serial {serial}, bought {bought}").format(
                category=category_label(p["category"]), brand=p["brand"], model=p["model"], serial=p["serial"] or "—",
                bought=bought))
            item.setData(Qt.ItemDataRole.UserRole, ("product", p["id"]))
            self.ui.historyList.addItem(item)
        for t in hist["tickets"]:
            item = QListWidgetItem(_("Ticket {number} of {day}: {state}, {fault}").format(
                number=t["number"], day=t["intake_at"].strftime("%Y-%m-%d"), state=states.label(t["state"]),
                fault=t["fault"][:40]))
            item.setData(Qt.ItemDataRole.UserRole, ("ticket", t["id"]))
            item.setForeground(Qt.GlobalColor.darkGray)
            self.ui.historyList.addItem(item)
        earlier = len(hist["tickets"])
        show_inline(self.ui.resultLabel, ngettext("Returning customer {name}: {count} earlier ticket.",
                                                  "Returning customer {name}: {count} earlier tickets.",
                                                  earlier).format(name=c["name"], count=earlier), ok=True)
        if hist["products"]:
            self.ui.historyList.setFocus()
            self.ui.historyList.setCurrentRow(0)
        else:
            self.ui.categoryCombo.setFocus()
        self.schedule_preview()

    def pick_history(self, item: QListWidgetItem) -> None:
        kind, ident = item.data(Qt.ItemDataRole.UserRole)
        if kind == "ticket":
            self.open_requested.emit(ident)
            return
        product = getattr(self, "products", {}).get(ident)
        if product is None:
            return
        self.product_id = ident
        u = self.ui
        u.categoryCombo.setCurrentIndex(max(0, u.categoryCombo.findData(product["category"])))
        u.brandEdit.setText(product["brand"])
        u.modelEdit.setText(product["model"])
        u.serialEdit.setText(product["serial"])
        u.purchaseDateEdit.setText(product["purchase_date"].isoformat() if product["purchase_date"] else "")
        u.invoiceCheck.setChecked(product["invoice_shown"])
        u.cardCheck.setChecked(product["card_shown"])
        u.cardDateEdit.setText(product["card_stamp_date"].isoformat() if product["card_stamp_date"] else "")
        u.cardMonthsEdit.setValue(product["card_whole_unit_months"] or 0)
        u.factoryDateEdit.setText(product["factory_date"].isoformat() if product["factory_date"] else "")
        u.faultEdit.setFocus()
        self.schedule_preview()

    # ---- the form -----------------------------------------------------------

    def schedule_preview(self, *_args: object) -> None:
        self.preview_timer.start()

    def _day(self, edit: QLineEdit, problems: dict[str, str], fieldname: str) -> date | None:
        try:
            return parse_day(edit.text())
        except ValueError as exc:
            problems[fieldname] = str(exc)
            return None

    def read_form(self) -> tuple[service.IntakeForm, dict[str, str]]:
        """The form as the service takes it, and the fields that could not be read."""
        u = self.ui
        problems: dict[str, str] = {}
        kind = self.kind()
        accessories = [_(service.COMMON_ACCESSORIES[k]) for k, box in self.accessory_checks.items() if box.isChecked()]
        accessories += split_list(u.otherAccessoriesEdit.text())
        visit = None
        if kind in service.SERVICE_KINDS and u.visitCheck.isChecked() and self.channel() == service.PHONE:
            day = self._day(u.visitDayEdit, problems, "visit")
            start, end = u.visitWindowCombo.currentData()
            if day is not None:
                visit = visits.VisitRequest(day=day, window_start=start, window_end=end,
                                             address=u.addressEdit.text(), area=u.areaEdit.text())
            elif "visit" not in problems:
                problems["visit"] = _("Enter the day of the visit.")
        form = service.IntakeForm(
            channel=self.channel(),
            kind=kind,
            customer_id=self.customer_id,
            product_id=self.product_id,
            name=u.nameEdit.text(),
            phone=u.phoneEdit.text(),
            address=u.addressEdit.text(),
            area=u.areaEdit.text(),
            category=str(u.categoryCombo.currentData() or ""),
            brand=u.brandEdit.text(),
            model=u.modelEdit.text(),
            serial=u.serialEdit.text().strip(),
            purchase_date=self._day(u.purchaseDateEdit, problems, "purchase_date"),
            invoice_shown=u.invoiceCheck.isChecked(),
            card_shown=u.cardCheck.isChecked(),
            card_stamp_date=self._day(u.cardDateEdit, problems, "card_stamp_date"),
            card_whole_unit_months=u.cardMonthsEdit.value() or None,
            factory_date=self._day(u.factoryDateEdit, problems, "factory_date"),
            fault=u.faultEdit.toPlainText(),
            fault_category=str(u.faultCategoryCombo.currentData() or "") if kind in service.SERVICE_KINDS else "",
            request=u.requestEdit.text(),
            maker_order_no=u.makerOrderEdit.text() if kind in service.SERVICE_KINDS else "",
            accessories=accessories if self.channel() == service.WALK_IN else [],
            condition=[k for k, box in self.condition_checks.items() if box.isChecked()]
            if self.channel() == service.WALK_IN else [],
            condition_note=u.conditionNoteEdit.text() if self.channel() == service.WALK_IN else "",
            passcode_given=u.passcodeCheck.isChecked() and u.passcodeCheck.isVisible(),
            performance_fault=u.performanceCheck.isChecked(),
            exclusion=u.exclusionCombo.currentData(),
            technician_id=u.technicianCombo.currentData(),
            visit=visit,
            what_happened=u.whatHappenedEdit.toPlainText() if kind == service.COMPLAINT else "",
            related_ticket=u.relatedTicketEdit.text() if kind in (service.INQUIRY, service.COMPLAINT) else "",
            resolved_on_phone=u.resolvedCheck.isChecked() and self.channel() == service.PHONE,
            misuse=u.misuseCheck.isChecked() and self.channel() == service.PHONE,
        )
        return form, problems

    def update_preview(self) -> None:
        """Warranty, 三包 advice and the facts still to verify, as typed so far."""
        form, problems = self.read_form()
        self._mark_fields(problems)
        u = self.ui
        today = clock.now().date()
        if form.kind in service.SERVICE_KINDS and form.category:
            shown = self.ctx.read(lambda s: intake_advice(s, form, today, self.calendar))
            if shown.warranty is not None:
                u.warrantyView.setHtml(advice_html(shown))
            else:
                u.warrantyView.setPlainText(_("Choose the product category to see the warranty."))
        elif form.kind in service.SERVICE_KINDS:
            u.warrantyView.setPlainText(_("Choose the product category to see the warranty."))
        else:
            u.warrantyView.setPlainText(_("No product on this kind of call."))
        self._show_duplicates(form)
        missing = missing_facts(form, self.region)
        texts = [fields.field_label(f) for f in missing]
        if problems:
            show_inline(u.verifyLabel, "  ".join(problems.values()))
        elif not (form.name.strip() or form.phone.strip() or self.customer_id):
            u.verifyLabel.setStyleSheet("color: #555555;")
            u.verifyLabel.setText(_("Type the customer's name or phone number: returning customers show as you type."))
        elif texts:
            u.verifyLabel.setStyleSheet("color: #8a6d00;")
            u.verifyLabel.setText(_("Will be saved as \"to verify\" until these are given: {fields}").format(fields=", ".join(texts)))
        else:
            show_inline(u.verifyLabel, _("Every required fact is given."), ok=True)

    def _show_duplicates(self, form: service.IntakeForm) -> None:
        """Warn of a ticket already open for this product (its serial) or for
        the customer's product of this category, with a way to open it."""
        u = self.ui
        key = (form.serial.strip(), form.customer_id, form.category) if form.kind in service.SERVICE_KINDS else None
        if key != self._duplicates_for:
            self._duplicates_for = key
            wanted = key is not None and bool(key[0] or (key[1] is not None and key[2]))
            self.duplicates = self.ctx.read(lambda s: open_tickets_like(s, *key)) if key and wanted else []
        u.duplicateLabel.setVisible(bool(self.duplicates))
        u.openDuplicateButton.setVisible(bool(self.duplicates))
        if not self.duplicates:
            u.duplicateLabel.clear()
            return
        rows = []
        for t in self.duplicates:
            values = {"state": states.label(t.state), "day": t.intake_at.strftime("%Y-%m-%d"), "serial": t.serial,
                      "product": " ".join(x for x in (category_label(t.category), t.model) if x)}
            why = (_("{state}, taken in on {day}: the same product (serial {serial})") if t.same_serial else
                   _("{state}, taken in on {day}: the customer's {product}")).format(**values)
            rows.append(f"<a href='ticket:{t.id}'>{html.escape(t.number)}</a> {html.escape(why, quote=False)}")
        u.duplicateLabel.setText(
            "⚠ " + html.escape(_("Already open: open that ticket instead of taking the product in again.")) + "<br>"
            + "<br>".join(rows))

    def _open_link(self, link: str) -> None:
        kind, _sep, ident = link.partition(":")
        if kind == "ticket" and ident.isdigit():
            self.open_requested.emit(int(ident))

    def _mark_fields(self, problems: dict[str, str]) -> None:
        for name, widget in self._field_widgets.items():
            if name in problems:
                widget.setStyleSheet("border: 1px solid #b00020;")
                widget.setToolTip(problems[name])
            elif widget.styleSheet():
                widget.setStyleSheet("")
                widget.setToolTip("")

    def save(self) -> None:
        form, problems = self.read_form()
        if problems:
            self._mark_fields(problems)
            show_inline(self.ui.verifyLabel, "  ".join(problems.values()))
            return
        now = clock.now()
        result = self.ctx.write(lambda s, _approver: service.take_intake(s, self.ctx.actor, form, now=now),
                                self, self.ui.verifyLabel)
        if result is None:
            self._mark_validation()
            return
        text = _("Saved ticket {number}.").format(number=result.number)
        if result.to_verify:
            text += " " + _("To verify: {fields}").format(fields=", ".join(fields.field_label(f) for f in result.to_verify))
        if result.respond_by is not None:
            text += " " + _("Answer the customer by {time}.").format(time=result.respond_by.strftime("%Y-%m-%d %H:%M"))
        self.clear()
        self.ui.resultLabel.setStyleSheet(OK_STYLE)
        self.ui.resultLabel.setText(text)
        self.ticket_saved.emit(result.ticket_id, result.number)

    def _mark_validation(self) -> None:
        exc = self.ctx.last_error
        if isinstance(exc, ValidationError):
            self._mark_fields(exc.fields)

    def _escape(self) -> None:
        if self.ui.matchesList.count():
            self.ui.matchesList.clear()
            self.ui.nameEdit.setFocus()

    def has_unsaved(self) -> bool:
        """Whether something is typed (or a customer picked) that no save
        has kept: the lock keeps it, quitting asks before throwing it away."""
        u = self.ui
        if self.customer_id is not None:
            return True
        for edit in self.findChildren(QLineEdit):
            if edit is u.visitDayEdit or edit.objectName().startswith("qt_") or edit.parent() is u.visitWindowCombo:
                continue  # filled in by the screen itself
            if edit.text().strip():
                return True
        return any(box.toPlainText().strip() for box in self.findChildren(QPlainTextEdit))

    def clear(self) -> None:
        u = self.ui
        self.customer_id = None
        self.product_id = None
        for edit in self.findChildren(QLineEdit):
            if edit.parent() is not u.visitWindowCombo and not edit.objectName().startswith("qt_"):
                edit.clear()
        for text_box in self.findChildren(QPlainTextEdit):
            text_box.clear()
        for check in self.findChildren(QCheckBox):
            check.setChecked(check is u.performanceCheck)
        u.categoryCombo.setCurrentIndex(0)
        u.faultCategoryCombo.setCurrentIndex(0)
        u.exclusionCombo.setCurrentIndex(0)
        u.technicianCombo.setCurrentIndex(0)
        u.cardMonthsEdit.setValue(0)
        u.matchesList.clear()
        u.historyList.clear()
        u.resultLabel.clear()
        self._mark_fields({})
        u.nameEdit.setFocus()
        self.schedule_preview()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.ui.clockLabel.setText(_("Today is {day}").format(day=clock.now().strftime("%Y-%m-%d")))
        if not self.ui.nameEdit.text() and self.customer_id is None:
            self.ui.nameEdit.setFocus()


def advice_html(shown: IntakeAdvice) -> str:
    """The warranty pane: the status once, as its heading (its summary says
    it: "In warranty: whole unit until ..."), the lines that add to it, then
    the 三包 advice.  A phone call's advice taken at the customer's word is
    marked provisional, on the warranty and on the advice."""
    status = shown.warranty
    assert status is not None
    colour = WARRANTY_COLOURS.get(status.overall, "#555555")
    mark = _("provisional — to verify at the visit")
    heading = f"<b style='color:{colour}'>{html.escape(status.summary)}</b>"
    if shown.provisional:
        heading += f" <i style='color:#8a6d00'>({html.escape(mark)})</i>"
    seen = {status.summary}
    items = []
    for line in status.lines:
        if line.reason in seen:
            continue  # "proof of purchase needed" once, not once per line
        seen.add(line.reason)
        text = line.reason if status.start is None else f"{line.label}: {line.reason}"
        items.append(f"<li>{html.escape(text)}</li>")
    lines = f"<ul style='margin:2px'>{''.join(items)}</ul>" if items else "<br>"
    if shown.advice is None:
        return heading + lines
    if shown.provisional:
        advice = _("三包 advice ({provisional}): {message}").format(provisional=mark, message=shown.advice.message)
    else:
        advice = _("三包 advice: {message}").format(message=shown.advice.message)
    return f"{heading}{lines}<b>{html.escape(advice)}</b>"


def _matches(db: Database, text: str) -> list[customers.CustomerMatch]:
    """The returning customers ``text`` finds (on the search's own thread: its own session)."""
    with db.glance() as s:
        return customers.search(s, text, limit=MATCHES_SHOWN)


def _history(session: Session, customer_id: int) -> dict[str, Any]:
    """A returning customer's record, products and tickets as plain values."""
    hist = customers.history(session, customer_id)
    c = hist.customer
    product_fields = ("id", "category", "brand", "model", "serial", "purchase_date", "invoice_shown", "card_shown",
                      "card_stamp_date", "card_whole_unit_months", "factory_date")
    return {
        "customer": {"name": c.name, "phone": c.phone_display or c.phone, "address": c.address, "area": c.area},
        "products": [{f: getattr(p, f) for f in product_fields} for p in hist.products],
        "tickets": [{"id": t.id, "number": t.number, "intake_at": t.intake_at, "state": t.state, "fault": t.fault}
                    for t in hist.tickets],
    }
