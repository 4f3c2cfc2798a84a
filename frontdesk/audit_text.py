"""An audit record's details as people read them (the manager's view of the
trail, docs/architecture.md#the-audit-trail): field labels where they are
known, lists joined, the keys of states, categories, fields, roles,
receipt kinds and methods shown by their labels, in the reader's
language.  The details are stored as they are (JSON); only the reading
changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from frontdesk.billing.payments import METHOD_LABELS, RECEIPT_KINDS
from frontdesk.i18n import N_, _
from frontdesk.intake import states
from frontdesk.intake.faults import action_label, fault_label
from frontdesk.intake.fields import FIELD_LABELS, field_label
from frontdesk.intake.warranty import STATUS_LABELS, category_label
from frontdesk.users import ROLES

# The labels of the keys the services write (a key not here shows as it is).
KEY_LABELS: dict[str, str] = {
    "reason": N_("Reason"), "amount": N_("Amount"), "ticket": N_("Ticket"), "method": N_("Method"),
    "kind": N_("Kind"), "state": N_("State"), "to_verify": N_("To verify"), "role": N_("Role"),
    "outcome": N_("Outcome"), "note": N_("Note"), "warranty": N_("Warranty"), "from": N_("From"), "to": N_("To"),
    "receipt": N_("Receipt"), "counter": N_("Counter"), "total": N_("Total"), "tag": N_("Tag"),
    "category": N_("Category"), "deposit": N_("Deposit"), "refunded": N_("Refunded"), "condition": N_("Condition"),
    "due_on": N_("Due back"), "action": N_("Action"), "fault": N_("Fault category"), "customer": N_("Customer"),
    "quote": N_("Quote"), "channel": N_("Channel"), "day": N_("Day"), "net": N_("Net"), "tendered": N_("Tendered"),
    "change": N_("Change"), "corrects": N_("Corrects"), "signed": N_("Signed"), "quality": N_("Quality"),
    "attitude": N_("Attitude"), "key": N_("Key"), "value": N_("Value"),
    # a backup or a restore (frontdesk.backup)
    "file": N_("File"), "approved_by": N_("Approved by"), "replaced_last_receipt": N_("Last receipt replaced"),
    "replaced_last_audit_id": N_("Last audit record replaced"), "carried_records": N_("Audit records carried over"),
    "withdrawn_numbers": N_("Receipt numbers withdrawn"), "withdrawn_first": N_("First withdrawn"),
    "withdrawn_last": N_("Last withdrawn"), "replaced_copy": N_("Copy of the replaced database"),
    # a PIN refused (frontdesk.users): the wait it started, a lock, what the PIN was for
    "until": N_("Wait until"), "locked": N_("Locked"), "for": N_("For"),
    # the other keys the services write
    "number": N_("Number"), "due_at": N_("Due"), "technician_id": N_("Technician (no.)"), "tax": N_("Tax"),
    "subtotal": N_("Subtotal"), "saving": N_("Saving"), "replaces": N_("Replaces"), "parts": N_("Parts"),
    "customer_name": N_("Customer"), "fields": N_("Fields"), "seen": N_("Seen"), "requote": N_("New quote"),
    "paid": N_("Paid"), "lines": N_("Lines"), "promised": N_("Promised"), "edition": N_("Edition"),
    "fault_found": N_("Fault found"), "owed": N_("Owed"), "effective_from": N_("In force from"),
    "includes_tax": N_("Prices include VAT"), "source": N_("Source"), "buyer": N_("Buyer"), "tax_id": N_("Tax ID"),
    "invoice_no": N_("Invoice number"), "rows": N_("Rows"),
}
_FIELD_LISTS = frozenset({"to_verify", "fields", "verify_fields", "verified", "checked"})
_STATES = frozenset({"from", "to", "state"})


def _labelled(labels: Mapping[str, str]) -> Callable[[str], str]:
    return lambda key: _(labels[key]) if key in labels else key


# How the value of a key is read, when it is a key itself.
_KEYED: dict[str, Callable[[str], str]] = {
    "category": category_label, "warranty": _labelled(STATUS_LABELS), "role": _labelled(ROLES),
    "kind": _labelled(RECEIPT_KINDS), "method": _labelled(METHOD_LABELS), "action": action_label, "fault": fault_label,
    **dict.fromkeys(_STATES, states.label), **dict.fromkeys(_FIELD_LISTS, field_label),
}


def key_label(key: str) -> str:
    if key in KEY_LABELS:
        return _(KEY_LABELS[key])
    if key in FIELD_LABELS:
        return field_label(key)
    return key


def _value(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, Mapping):
        return detail_text(value)
    if isinstance(value, (list, tuple)):
        if key == "changes" and all(isinstance(v, (list, tuple)) and len(v) == 3 for v in value):
            return "; ".join(f"{key_label(str(f))}: {_value(str(f), old) or '—'} → {_value(str(f), new) or '—'}"
                             for f, old, new in value)
        if key in ("warranty", *_STATES) and len(value) == 2:
            return " → ".join(_value(key, v) for v in value)
        return ", ".join(text for text in (_value(key, v) for v in value) if text)
    if isinstance(value, str) and key in _KEYED:
        return _KEYED[key](value)
    return str(value)


def detail_text(detail: Mapping[str, Any]) -> str:
    """``detail`` as one line for people: ``To verify: Phone, Serial number;
    Reason: ...``; empty values left out."""
    shown = []
    for key, value in detail.items():
        text = _value(key, value)
        if text:
            shown.append(f"{key_label(key)}: {text}")
    return "; ".join(shown)


__all__ = ["KEY_LABELS", "detail_text", "key_label"]
