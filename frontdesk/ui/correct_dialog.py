"""Correcting a saved ticket's facts, and verifying its "to verify" facts
with the values seen (:mod:`frontdesk.intake.corrections`).

One dialog for both: opened from "Correct facts…" it saves the fields that
changed (:func:`~frontdesk.intake.corrections.correct_ticket`); opened from
"Verify" the facts still to verify are highlighted and saving records what
was seen (:func:`~frontdesk.intake.corrections.verify`), correcting what
differs.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from frontdesk.i18n import _
from frontdesk.intake import corrections
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.fields import parse_day
from frontdesk.ui.generated.correct_ui import Ui_CorrectDialog
from frontdesk.ui.qt_support import FocusFollower

HIGHLIGHT = "background-color: #fff3c4;"


class CorrectDialog(QDialog):
    """``done_text`` says what was saved once the dialog is accepted."""

    def __init__(self, ctx: AppContext, ticket_id: int, verifying: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.verifying = verifying
        self.done_text = ""
        self.ui = Ui_CorrectDialog()
        self.ui.setupUi(self)
        FocusFollower(self.ui.formScroll)  # the fields scroll on a small screen; the buttons stay below
        u = self.ui
        self.widgets: dict[str, QWidget] = {
            "name": u.nameEdit, "phone": u.phoneEdit, "address": u.addressEdit, "brand": u.brandEdit,
            "model": u.modelEdit, "serial": u.serialEdit, "purchase_date": u.purchaseDateEdit,
            "invoice_shown": u.invoiceCheck, "invoice_no": u.invoiceNoEdit, "card_shown": u.cardCheck,
            "card_stamp_date": u.cardDateEdit, "factory_date": u.factoryDateEdit, "installed_on": u.installedOnEdit,
            "fault": u.faultEdit, "fault_category": u.faultCategoryCombo, "request": u.requestEdit,
        }
        self.view = ctx.read(lambda s: corrections.correction_view(s, ticket_id))
        self._fill()
        save = u.buttons.button(QDialogButtonBox.StandardButton.Save)
        if verifying:
            save.setText(_("&Verified"))
        save.setEnabled(not self.view.closed)
        u.buttons.accepted.connect(self.save)
        u.buttons.rejected.connect(self.reject)

    # ---- showing the facts ---------------------------------------------------

    def _fill(self) -> None:
        u, view = self.ui, self.view
        title = _("Verify ticket {number}") if self.verifying else _("Correct ticket {number}")
        self.setWindowTitle(title.format(number=view.number))
        u.categoryValueLabel.setText(view.category_label or "—")
        u.faultCategoryCombo.addItem("—", "")
        for fault in view.fault_categories:
            u.faultCategoryCombo.addItem(fault.label, fault.key)
        for name, widget in self.widgets.items():
            value = view.values.get(name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))
            elif isinstance(widget, QLineEdit):
                widget.setText(value.isoformat() if isinstance(value, date) else str(value or ""))
        u.faultCategoryCombo.setCurrentIndex(max(0, u.faultCategoryCombo.findData(view.values.get("fault_category"))))
        u.productGroup.setEnabled(view.has_product)
        u.faultCategoryCombo.setEnabled(bool(view.fault_categories))
        intro = []
        if view.closed:
            intro.append(_("Ticket {number} is closed: it can no longer be corrected.").format(number=view.number))
        elif self.verifying and view.verify_fields:
            for name in self._flagged_fields():
                self.widgets[name].setStyleSheet(HIGHLIGHT)
            intro.append(_("Check these with the customer and correct what differs: {fields}.").format(
                fields=", ".join(corrections.label(f) for f in view.verify_fields)))
        else:
            intro.append(_("Correct what was taken down wrong. Each change is kept with its old value; the "
                           "warranty and the 三包 advice are worked out again."))
        if view.requote_needed:
            intro.append(_("The quote must be made again: the facts it was priced on changed."))
        u.introLabel.setText("<br>".join(html.escape(t) for t in intro))

    def _flagged_fields(self) -> list[str]:
        """The dialog's fields that settle the ticket's facts to verify."""
        flagged = set(self.view.verify_fields)
        return [name for name in self.widgets if corrections.VERIFIES.get(name, name) in flagged]

    # ---- saving ---------------------------------------------------------------

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Every field's value as the service takes it, and the dates that
        could not be read."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, widget in self.widgets.items():
            if not widget.isEnabled() and name in corrections.PRODUCT_FIELDS:
                continue
            if isinstance(widget, QCheckBox):
                values[name] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            elif isinstance(widget, QLineEdit) and name in corrections.PRODUCT_DATES:
                try:
                    values[name] = parse_day(widget.text())
                except ValueError as exc:
                    problems[name] = str(exc)
            elif isinstance(widget, QLineEdit):
                values[name] = widget.text()
        values["fault_category"] = str(self.ui.faultCategoryCombo.currentData() or "")
        return values, problems

    def save(self) -> None:
        values, problems = self.read()
        for name, widget in self.widgets.items():
            flagged = self.verifying and name in self._flagged_fields()
            widget.setStyleSheet("border: 1px solid #b00020;" if name in problems else HIGHLIGHT if flagged else "")
        if problems:
            show_inline(self.ui.messageLabel, "  ".join(problems.values()))
            return
        before = self.view.values
        changed = {k: v for k, v in values.items() if v != before.get(k) and not (v in ("", None) and not before.get(k))}
        actor = self.ctx.actor
        if self.verifying:
            seen: dict[str, Any] = {name: values[name] for name in self._flagged_fields() if name in values}
            seen.update(changed)
            # Facts to verify with no field here (the category, a complaint's text): seen as they stand.
            seen.update({f: None for f in self.view.verify_fields
                         if f not in {corrections.VERIFIES.get(n, n) for n in seen}})
            ticket = self.ctx.write(lambda s, _a: corrections.verify(s, actor, self.ticket_id, seen).id,
                                    self, self.ui.messageLabel)
            if ticket is None:
                return
            self.done_text = _("Verified as seen.")
        else:
            result = self.ctx.write(lambda s, _a: corrections.correct_ticket(s, actor, self.ticket_id, changed),
                                    self, self.ui.messageLabel)
            if result is None:
                return
            self.done_text = _("Corrected: {fields}.").format(
                fields=", ".join(corrections.label(c.field) for c in result.changes))
            if result.requote:
                self.done_text += " " + result.requote
        self.accept()
