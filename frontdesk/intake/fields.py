"""The intake form's fields as the desk names them, and the rule for the
text typed into them: control characters dropped, the ends trimmed, and a
text too long refused with the field's name."""

from __future__ import annotations

from frontdesk.i18n import N_, Message, _
from frontdesk.plaintext import trimmed

# Facts a ticket can be flagged "to verify" for.
FIELD_LABELS = {
    "name": N_("Customer name"),
    "phone": N_("Phone"),
    "address": N_("Address"),
    "category": N_("Product category"),
    "brand": N_("Brand"),
    "model": N_("Model"),
    "serial": N_("Serial number"),
    "purchase_date": N_("Purchase date"),
    "proof": N_("Invoice or warranty card"),
    "fault": N_("Fault"),
    "request": N_("Customer's request"),
    "what_happened": N_("What happened"),
    "promised_answer_at": N_("Promised answer"),
    "related_ticket": N_("Ticket asked about"),
}
# Free-text fields that are never "to verify" but can still be refused (too long).
TEXT_LABELS = {
    **FIELD_LABELS,
    "area": N_("Area"),
    "invoice_no": N_("Invoice number"),
    "card_edition": N_("Warranty card edition"),
    "condition_note": N_("Condition note"),
    "accessories": N_("Accessories"),
    "note": N_("Note"),
    "resolution": N_("Resolution"),
}


def field_label(name: str) -> str:
    return _(FIELD_LABELS.get(name, name))


def field_label_message(name: str) -> Message:
    """The field's label kept to be read later, in the reader's language."""
    return Message(FIELD_LABELS.get(name, name))


def clean_text(text: str, limit: int, fieldname: str, problems: dict[str, str], label: str | None = None) -> str:
    """``text`` trimmed (:func:`frontdesk.plaintext.trimmed`); longer than
    ``limit``, a problem is noted in ``problems`` under ``fieldname``, naming
    the field by ``label`` (translated already) or its intake label."""
    value = trimmed(text or "")
    if len(value) > limit:
        problems[fieldname] = _("{field} is too long ({count} characters, at most {limit}).").format(
            field=label or _(TEXT_LABELS.get(fieldname, fieldname)), count=len(value), limit=limit
        )
    return value


__all__ = ["FIELD_LABELS", "TEXT_LABELS", "clean_text", "field_label", "field_label_message"]
