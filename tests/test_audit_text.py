"""The audit trail's details read as words, not as Python data: field
labels, lists joined, states and categories by their labels, in the
reader's language (frontdesk/audit_text.py)."""

from __future__ import annotations

from frontdesk.audit_text import detail_text
from frontdesk.i18n import using


def test_a_to_verify_detail_shows_no_python_repr() -> None:
    text = detail_text({"to_verify": ["category", "phone"], "requote": False, "note": ""})
    assert "[" not in text and "'" not in text and "=" not in text
    assert text.startswith("To verify: ")
    assert "Phone" in text


def test_states_categories_and_changes_read_by_their_labels() -> None:
    assert detail_text({"from": "received", "to": "diagnosing"}) == "From: Received; To: Diagnosing"
    assert detail_text({"warranty": ["in", "out"], "category": "refrigerator"}).count("→") == 1
    assert "refrigerator" not in detail_text({"category": "refrigerator"})
    changes = detail_text({"changes": [["phone", "138", "139"]]})
    assert "138 → 139" in changes and "[" not in changes
    with using("zh_CN"):
        assert "已受理" in detail_text({"from": "received"})
