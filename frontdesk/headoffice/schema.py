"""The head-office workbook's shape: its sheets, their columns (a stable
ASCII key, a header title in the export's language, a type and a unit) and
its format version.  The export writes this shape, the ``schema`` sheet
describes it, and the consolidation refuses a file that does not have it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontdesk.i18n import N_, _

FORMAT = "frontdesk-headoffice"
FORMAT_VERSION = "2"  # 2: step dates, fault, action and parts on tickets; deposits; receipts' category
KIND_SHOP = "shop"
KIND_CONSOLIDATED = "consolidated"

TEXT, INT, MONEY, DATE, DATETIME, BOOL, NUMBER = "text", "int", "money", "date", "datetime", "bool", "number"
TYPES = (TEXT, INT, MONEY, DATE, DATETIME, BOOL, NUMBER)
CURRENCY_UNIT = "currency"  # money columns: the unit written is the shop's currency code
DAYS = "days"


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # N_() marked; translated when written
    type: str = TEXT
    unit: str = ""
    width: float = 14

    def header(self) -> str:
        return _(self.title)


def _c(key: str, title: str, type_: str = TEXT, unit: str = "", width: float = 14) -> Column:
    return Column(key, title, type_, CURRENCY_UNIT if type_ == MONEY else unit, width)


SHEETS: dict[str, tuple[Column, ...]] = {
    "tickets": (
        _c("shop", N_("Shop"), width=8), _c("ticket_no", N_("Ticket"), width=16), _c("channel", N_("Channel"), width=9),
        _c("intake_at", N_("Taken in"), DATETIME, width=17), _c("state", N_("State"), width=13),
        _c("customer_name", N_("Customer")), _c("customer_phone", N_("Phone")),
        _c("category", N_("Category")), _c("brand", N_("Brand")), _c("model", N_("Model"), width=18),
        _c("serial", N_("Serial number"), width=18), _c("warranty_status", N_("Warranty")),
        _c("warranty_reason", N_("Not covered because")), _c("fault", N_("Fault"), width=30),
        _c("fault_category", N_("Fault category"), width=18), _c("repair_action", N_("Action taken"), width=18),
        _c("parts_replaced", N_("Parts replaced"), width=30), _c("parts_count", N_("Parts"), INT, width=8),
        _c("technician", N_("Technician")), _c("quote_declined", N_("Quote declined"), BOOL, width=9),
        _c("total_charged", N_("Charged"), MONEY), _c("total_paid", N_("Paid"), MONEY),
        # the dates of each step: the current quote made and approved, the repair record, ready, picked up
        _c("quoted_at", N_("Quoted"), DATETIME, width=17), _c("approved_at", N_("Approved"), DATETIME, width=17),
        _c("repaired_at", N_("Repaired"), DATETIME, width=17),
        _c("ready_at", N_("Ready for pick-up"), DATETIME, width=17),
        _c("picked_up_at", N_("Picked up"), DATETIME, width=17), _c("closed_at", N_("Closed"), DATETIME, width=17),
        _c("turnaround_days", N_("Turnaround"), INT, DAYS, 10),
        _c("repeat_repair_count", N_("Earlier repairs of the fault"), INT, width=10),
    ),
    "fee_lines": (
        _c("ticket_no", N_("Ticket"), width=16), _c("line_kind", N_("Kind")), _c("item", N_("Item"), width=24),
        _c("covered_by_warranty", N_("Covered by warranty"), BOOL, width=10),
        _c("schedule_amount", N_("Fee schedule"), MONEY), _c("card_amount", N_("Warranty card"), MONEY),
        _c("charged_amount", N_("Charged"), MONEY), _c("applied_standard", N_("Standard applied")),
    ),
    "receipts": (
        _c("receipt_no", N_("Receipt"), width=16), _c("issued_at", N_("Issued"), DATETIME, width=17),
        _c("counter", N_("Counter"), width=10), _c("ticket_no", N_("Ticket"), width=16),
        _c("category", N_("Category")), _c("kind", N_("Kind")), _c("counts_as", N_("Counts as")),
        _c("method", N_("Method")),
        _c("amount", N_("Amount"), MONEY), _c("net", N_("Net change"), MONEY), _c("status", N_("Status")),
        _c("void_reason", N_("Void reason"), width=24), _c("approved_by", N_("Approved by")),
        _c("corrects_receipt_no", N_("Corrects receipt"), width=16),
    ),
    "loaners": (
        _c("tag", N_("Asset tag")), _c("category", N_("Category")), _c("ticket_no", N_("Ticket"), width=16),
        _c("lent_at", N_("Lent"), DATETIME, width=17), _c("due_date", N_("Due"), DATE, width=12),
        _c("returned_at", N_("Returned"), DATETIME, width=17), _c("deposit", N_("Deposit"), MONEY),
        _c("overdue", N_("Overdue"), BOOL, width=9),
    ),
    "deposits": (
        _c("shop", N_("Shop"), width=8), _c("ticket_no", N_("Ticket"), width=16), _c("tag", N_("Asset tag")),
        _c("lent_at", N_("Lent"), DATETIME, width=17), _c("deposit", N_("Deposit"), MONEY),
        _c("receipt_no", N_("Receipt"), width=16), _c("returned_at", N_("Returned"), DATETIME, width=17),
        _c("refunded", N_("Refunded"), MONEY), _c("kept", N_("Kept for damage"), MONEY),
        _c("applied", N_("Applied to the bill"), MONEY), _c("held", N_("Still held"), MONEY),
        _c("outcome", N_("Outcome"), width=24),
    ),
    "callbacks": (
        _c("ticket_no", N_("Ticket"), width=16), _c("reason", N_("Reason"), width=20),
        _c("due_at", N_("Due"), DATETIME, width=17), _c("done_at", N_("Done"), DATETIME, width=17),
        _c("outcome", N_("Outcome"), width=18),
    ),
    "feedback": (
        _c("card_no", N_("Card"), width=16), _c("ticket_no", N_("Ticket"), width=16), _c("technician", N_("Technician")),
        _c("issued_on", N_("Issued"), DATE, width=12), _c("returned_on", N_("Returned"), DATE, width=12),
        _c("quality", N_("Repair quality"), INT, width=9), _c("attitude", N_("Service attitude"), INT, width=9),
        _c("satisfied", N_("Satisfied"), BOOL, width=9), _c("signed", N_("Signed"), BOOL, width=9),
    ),
    "summary": (
        _c("shop", N_("Shop"), width=8), _c("day", N_("Day"), DATE, width=12), _c("category", N_("Category")),
        _c("tickets_opened", N_("Tickets taken in"), INT), _c("tickets_closed", N_("Tickets closed"), INT),
        _c("receipts", N_("Receipts"), INT), _c("amount_received", N_("Received (net)"), MONEY),
    ),
}
DATA_SHEETS = ("tickets", "fee_lines", "receipts", "loaners", "deposits", "callbacks", "feedback")
SCHEMA_SHEET = "schema"
SCHEMA_COLUMNS = (
    _c("sheet", N_("Sheet")), _c("key", N_("Key"), width=20), _c("title", N_("Title"), width=28),
    _c("type", N_("Type"), width=10), _c("unit", N_("Unit"), width=10), _c("value", N_("Value"), width=28),
)
WORKBOOK_ROW = "workbook"  # schema rows describing the workbook, not a column
META_KEYS = ("format", "format_version", "kind", "shop_code", "shop_name", "currency", "period_from", "period_to",
             "exported_at", "overdue_as_of", "masked", "language")

# The consolidated workbook adds the shop to every sheet that lacks it and a
# sheet with one row per shop; its summary adds up every shop's.
SHOPS_SHEET = "shops"
SHOP_COLUMN = _c("shop", N_("Shop"), width=8)
CONSOLIDATED_SUMMARY = (
    _c("day", N_("Day"), DATE, width=12), _c("category", N_("Category")), _c("shops", N_("Shops"), INT),
    _c("tickets_opened", N_("Tickets taken in"), INT), _c("tickets_closed", N_("Tickets closed"), INT),
    _c("receipts", N_("Receipts"), INT), _c("amount_received", N_("Received (net)"), MONEY),
)
SHOPS_COLUMNS = (
    _c("shop", N_("Shop"), width=8), _c("shop_name", N_("Shop name"), width=24),
    _c("period_from", N_("From"), DATE, width=12), _c("period_to", N_("To"), DATE, width=12),
    _c("overdue_as_of", N_("Overdue as of"), DATE, width=12), _c("file", N_("File"), width=24),
) + tuple(_c(f"{name}_rows", name, INT, width=10) for name in DATA_SHEETS) + (
    _c("amount_received", N_("Received (net)"), MONEY),
)


def consolidated_columns(sheet: str) -> tuple[Column, ...]:
    if sheet == "summary":
        return CONSOLIDATED_SUMMARY
    if sheet == SHOPS_SHEET:
        return SHOPS_COLUMNS
    columns = SHEETS[sheet]
    return columns if columns[0].key == "shop" else (SHOP_COLUMN,) + columns


# -- masking ---------------------------------------------------------------------------------

def mask_name(name: str | None) -> str:
    """张三 -> 张*; 欧阳娜娜 -> 欧***; John Smith -> J*********."""
    text = (name or "").strip()
    if not text:
        return ""
    return text[0] + "*" * max(1, len(text) - 1)


def mask_phone(phone: str | None) -> str:
    """13812345678 (or +86 138 1234 5678) -> 138****5678; short numbers keep
    only their last two digits."""
    digits = re.sub(r"\D", "", phone or "")
    if (phone or "").strip().startswith("+") and (phone or "").isascii():  # stored E.164: mask the national number (+86 10 6288 1234 -> 106****1234)
        # Here, not at the top: phonenumbers loads only when a workbook masks phones.
        import phonenumbers

        try:
            digits = str(phonenumbers.parse(phone or "").national_number)
        except phonenumbers.NumberParseException:
            pass
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if not digits:
        return ""
    if len(digits) >= 8:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * (len(digits) - 2) + digits[-2:]


__all__ = [
    "Column", "DATA_SHEETS", "FORMAT", "FORMAT_VERSION", "SCHEMA_SHEET", "SHEETS", "TYPES", "consolidated_columns",
    "mask_name", "mask_phone",
]
