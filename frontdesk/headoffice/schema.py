"""The head-office workbook's shape: its sheets, their columns (a stable
ASCII key, a header title in the export's language, a type and a unit) and
its format version.  The export writes this shape, the ``schema`` sheet
describes it, and the consolidation refuses a file that does not have it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from frontdesk import counters
from frontdesk.billing import payments, pricing
from frontdesk.claims import service as claims
from frontdesk.figures import catalog as figures
from frontdesk.followup import service as followup
from frontdesk.i18n import N_, _, using
from frontdesk.intake import faults, service, states
from frontdesk.intake.warranty import EXCLUSION_REASONS, STATUS_LABELS, load_category_rules

FORMAT = "frontdesk-headoffice"
# 2: step dates, fault, action and parts on tickets; deposits; receipts' category.
# 3: each coded column followed by its title in the export's language; the codes sheet.
# 4: the integrity sheet (the audit chain's head, the day closes' checkpoints, the last receipt numbers).
# 5: the claims to the makers and their old parts (the claims and old_parts sheets, the claim_states codes).
# 6: the service figures per month (the figures sheet, the figures and breakdowns codes).
FORMAT_VERSION = "6"
KIND_SHOP = "shop"
KIND_CONSOLIDATED = "consolidated"

TEXT, INT, MONEY, DATE, DATETIME, BOOL, NUMBER = "text", "int", "money", "date", "datetime", "bool", "number"
TYPES = (TEXT, INT, MONEY, DATE, DATETIME, BOOL, NUMBER)
CURRENCY_UNIT = "currency"  # money columns: the unit written is the shop's currency code
DAYS = "days"


# -- the code lists ----------------------------------------------------------------------------
# A coded column keeps the stable key (for machines: consolidation, pivot
# tables); the column after it gives its title in the export's language,
# and the codes sheet lists every key with its English and Chinese title.

# A withdrawn receipt: a number a restore took back (issued in the database
# the restore replaced, absent from the backup put in its place; see
# frontdesk.backup.restore).  Its row keeps the number, when and where it was
# issued, its ticket and amount; its net is 0 and it counts nowhere (like a
# void), and the void-reason column says when the restore took it back.
# The numbering never issues it again.
WITHDRAWN = "withdrawn"
RECEIPT_STATUSES: dict[str, str] = {"issued": N_("Issued"), "void": N_("Void"), WITHDRAWN: N_("Withdrawn by a restore")}
NOT_COUNTED = ("void", WITHDRAWN)  # receipt statuses the summary does not count


def _categories() -> Mapping[str, str]:
    return {key: rule.label for key, rule in load_category_rules().items()}


def _faults() -> Mapping[str, str]:
    with using("en"):  # the English titles, translated where written (a shop's own category: as typed)
        return {key: faults.fault_label(key) for key in faults.fault_keys()}


# name -> (the list's title, key -> English title (N_() marked))
CODE_LISTS: dict[str, tuple[str, Callable[[], Mapping[str, str]]]] = {
    "channels": (N_("Channels"), lambda: service.CHANNELS),
    "states": (N_("States"), lambda: states.LABELS),
    "categories": (N_("Categories"), _categories),
    "warranty": (N_("Warranty"), lambda: STATUS_LABELS),
    "exclusions": (N_("Not covered because"), lambda: EXCLUSION_REASONS),
    "fault_categories": (N_("Fault categories"), _faults),
    "actions": (N_("Actions taken"), lambda: faults.ACTIONS),
    "fee_kinds": (N_("Fee-line kinds"), lambda: pricing.KINDS),
    "standards": (N_("Standards applied"), lambda: pricing.APPLIED_LABELS),
    "receipt_kinds": (N_("Receipt kinds"), lambda: payments.RECEIPT_KINDS),
    "methods": (N_("Payment methods"), lambda: payments.METHOD_LABELS),
    "receipt_statuses": (N_("Receipt statuses"), lambda: RECEIPT_STATUSES),
    "counters": (N_("Counters"), lambda: {counters.MAIN: counters.MAIN_LABEL}),
    "callback_reasons": (N_("Call-back reasons"), lambda: followup.REASONS),
    "callback_outcomes": (N_("Call-back outcomes"), lambda: followup.OUTCOMES),
    "claim_states": (N_("Claim states"), lambda: claims.STATE_LABELS),
    "figures": (N_("Service figures"), lambda: {key: f.title for key, f in figures.FIGURES.items()}),
    "breakdowns": (N_("Breakdowns"), lambda: figures.BREAKDOWNS),
}


def code_title(codes: str, key: str) -> str:
    """A key of the code list ``codes`` as people read it, in the language
    in use (a key the list does not know, such as a shop's own fault
    category or a named counter, as it is)."""
    english = _english(codes).get(key)
    return _(english) if english else key


@cache
def _english(codes: str) -> Mapping[str, str]:
    """A code list's English titles, read once (the export asks row by row)."""
    return dict(CODE_LISTS[codes][1]())


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # N_() marked; translated when written
    type: str = TEXT
    unit: str = ""
    width: float = 14
    codes: str = ""  # the code list of a coded column (its title follows it)
    title_of: str = ""  # the coded column whose title this column gives

    def header(self) -> str:
        if self.title_of:
            return _("{column} (title)").format(column=_(self.title))
        return _(self.title)


def _c(key: str, title: str, type_: str = TEXT, unit: str = "", width: float = 14) -> Column:
    return Column(key, title, type_, CURRENCY_UNIT if type_ == MONEY else unit, width)


def _coded(key: str, title: str, codes: str, width: float = 14) -> tuple[Column, Column]:
    """A coded column and the column of its titles after it."""
    return Column(key, title, width=width, codes=codes), Column(f"{key}_title", title, width=width, title_of=key)


SHEETS: dict[str, tuple[Column, ...]] = {
    "tickets": (
        _c("shop", N_("Shop"), width=8), _c("ticket_no", N_("Ticket"), width=16), *_coded("channel", N_("Channel"), "channels", width=9),
        _c("intake_at", N_("Taken in"), DATETIME, width=17), *_coded("state", N_("State"), "states", width=13),
        _c("customer_name", N_("Customer")), _c("customer_phone", N_("Phone")),
        *_coded("category", N_("Category"), "categories"), _c("brand", N_("Brand")), _c("model", N_("Model"), width=18),
        _c("serial", N_("Serial number"), width=18), *_coded("warranty_status", N_("Warranty"), "warranty"),
        *_coded("warranty_reason", N_("Not covered because"), "exclusions"), _c("fault", N_("Fault"), width=30),
        *_coded("fault_category", N_("Fault category"), "fault_categories", width=18),
        *_coded("repair_action", N_("Action taken"), "actions", width=18),
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
        _c("ticket_no", N_("Ticket"), width=16), *_coded("line_kind", N_("Kind"), "fee_kinds"), _c("item", N_("Item"), width=24),
        _c("covered_by_warranty", N_("Covered by warranty"), BOOL, width=10),
        _c("schedule_amount", N_("Fee schedule"), MONEY), _c("card_amount", N_("Warranty card"), MONEY),
        _c("charged_amount", N_("Charged"), MONEY), *_coded("applied_standard", N_("Standard applied"), "standards"),
    ),
    "receipts": (
        _c("receipt_no", N_("Receipt"), width=16), _c("issued_at", N_("Issued"), DATETIME, width=17),
        *_coded("counter", N_("Counter"), "counters", width=10), _c("ticket_no", N_("Ticket"), width=16),
        *_coded("category", N_("Category"), "categories"), *_coded("kind", N_("Kind"), "receipt_kinds"),
        *_coded("counts_as", N_("Counts as"), "receipt_kinds"), *_coded("method", N_("Method"), "methods"),
        _c("amount", N_("Amount"), MONEY), _c("net", N_("Net change"), MONEY), *_coded("status", N_("Status"), "receipt_statuses"),
        _c("void_reason", N_("Void reason"), width=24), _c("approved_by", N_("Approved by")),
        _c("corrects_receipt_no", N_("Corrects receipt"), width=16),
    ),
    "loaners": (
        _c("tag", N_("Asset tag")), *_coded("category", N_("Category"), "categories"), _c("ticket_no", N_("Ticket"), width=16),
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
        _c("ticket_no", N_("Ticket"), width=16), *_coded("reason", N_("Reason"), "callback_reasons", width=20),
        _c("due_at", N_("Due"), DATETIME, width=17), _c("done_at", N_("Done"), DATETIME, width=17),
        *_coded("outcome", N_("Outcome"), "callback_outcomes", width=18),
    ),
    "feedback": (
        _c("card_no", N_("Card"), width=16), _c("ticket_no", N_("Ticket"), width=16), _c("technician", N_("Technician")),
        _c("issued_on", N_("Issued"), DATE, width=12), _c("returned_on", N_("Returned"), DATE, width=12),
        _c("quality", N_("Repair quality"), INT, width=9), _c("attitude", N_("Service attitude"), INT, width=9),
        _c("satisfied", N_("Satisfied"), BOOL, width=9), _c("signed", N_("Signed"), BOOL, width=9),
    ),
    "summary": (
        _c("shop", N_("Shop"), width=8), _c("day", N_("Day"), DATE, width=12), *_coded("category", N_("Category"), "categories"),
        _c("tickets_opened", N_("Tickets taken in"), INT), _c("tickets_closed", N_("Tickets closed"), INT),
        _c("receipts", N_("Receipts"), INT), _c("amount_received", N_("Received (net)"), MONEY),
    ),
    # The claims to the makers of the repairs done in the period (docs/rules.md#claims-in-the-workbook): the
    # maker by its code (the shop's own data: plain text); short = claimed - paid once the maker answered.
    "claims": (
        _c("claim_no", N_("Claim"), width=16), _c("ticket_no", N_("Ticket"), width=16), _c("maker", N_("Maker"), width=10),
        *_coded("state", N_("Claim state"), "claim_states", width=12),
        _c("repaired_on", N_("Repaired"), DATE, width=12), _c("claim_due", N_("Claim due"), DATE, width=12),
        _c("submitted_on", N_("Submitted"), DATE, width=12), _c("maker_claim_no", N_("Maker's claim number"), width=18),
        _c("service_order_no", N_("Maker's service order"), width=18),
        _c("amount_claimed", N_("Claimed"), MONEY), _c("amount_paid", N_("Paid by the maker"), MONEY),
        _c("short", N_("Short"), MONEY), _c("result_reason", N_("Maker's reason"), width=24),
        _c("appeal_due", N_("Appeal by"), DATE, width=12), _c("late", N_("Late"), BOOL, width=8),
    ),
    # The old parts of those claims, each with the batch it went back in.
    "old_parts": (
        _c("tag", N_("Old-part tag"), width=16), _c("claim_no", N_("Claim"), width=16),
        _c("ticket_no", N_("Ticket"), width=16), _c("maker", N_("Maker"), width=10),
        _c("part_no", N_("Part number"), width=16), _c("old_serial", N_("Old serial"), width=18),
        _c("must_return", N_("Goes back"), BOOL, width=9), _c("return_due", N_("Return by"), DATE, width=12),
        _c("batch_no", N_("Return batch"), width=16), _c("shipped_on", N_("Shipped"), DATE, width=12),
        _c("late", N_("Late"), BOOL, width=8),
    ),
    # The service figures of each month of the period (docs/rules.md#service-figures): one row per month, figure,
    # breakdown and group; the value in its unit (days, percent, money in the shop's currency, count) with the
    # counts it rests on, so head office adds shops up by numerator and denominator.
    "figures": (
        _c("shop", N_("Shop"), width=8), _c("month", N_("Month"), width=24),
        *_coded("figure", N_("Figure"), "figures", width=24), *_coded("breakdown", N_("Breakdown"), "breakdowns", width=12),
        _c("group", N_("Group"), width=16), _c("group_title", N_("Group (title)"), width=18),
        _c("value", N_("Value"), NUMBER, width=10), _c("unit", N_("Unit"), width=9),
        _c("numerator", N_("Numerator"), NUMBER, width=12), _c("denominator", N_("Denominator"), INT, width=12),
        _c("as_of", N_("Waiting counted at"), DATETIME, width=17),
    ),
    # The evidence a later workbook of the shop is checked against (docs/rules.md#consolidation): one row
    # per item: ``chain_head`` (the audit chain's head when exported: record_id, hash), ``day_close`` (each
    # day close up to the period's end: day, counter, the head it recorded), ``last_receipt`` (per year the
    # last receipt number issued when exported: year, receipt_no), ``export`` (each earlier export of the
    # shop's audit trail: the day it was made and the chain head its workbook gave: record_id, hash).
    "integrity": (
        _c("item", N_("Item"), width=12), _c("day", N_("Day"), DATE, width=12),
        _c("counter", N_("Counter"), width=10), _c("record_id", N_("Audit record"), INT, width=12),
        _c("hash", N_("Hash"), width=66), _c("year", N_("Year"), INT, width=8),
        _c("receipt_no", N_("Receipt"), width=16),
    ),
}
INTEGRITY_SHEET = "integrity"
CHAIN_HEAD, DAY_CLOSE, LAST_RECEIPT, EXPORT = "chain_head", "day_close", "last_receipt", "export"
EXPORT_ACTIONS = ("export.workbook", "export.unmasked")  # the audit records of the shop's exports
DATA_SHEETS = ("tickets", "fee_lines", "receipts", "loaners", "deposits", "callbacks", "feedback", "claims", "old_parts",
               "figures")
FIGURES_SHEET = "figures"
SCHEMA_SHEET = "schema"
SCHEMA_COLUMNS = (
    _c("sheet", N_("Sheet")), _c("key", N_("Key"), width=20), _c("title", N_("Title"), width=28),
    _c("type", N_("Type"), width=10), _c("unit", N_("Unit"), width=10), _c("value", N_("Value"), width=28),
)
CODES_SHEET = "codes"
CODES_COLUMNS = (
    _c("list", N_("Code list"), width=18), _c("list_title", N_("Code list (title)"), width=22),
    _c("key", N_("Key"), width=20), _c("title_en", N_("English title"), width=30),
    _c("title_zh", N_("Chinese title"), width=30),
)
WORKBOOK_ROW = "workbook"  # schema rows describing the workbook, not a column
META_KEYS = ("format", "format_version", "kind", "shop_code", "shop_name", "currency", "period_from", "period_to",
             "exported_at", "overdue_as_of", "masked", "language")

# The consolidated workbook adds the shop to every sheet that lacks it and a
# sheet with one row per shop; its summary adds up every shop's.
SHOPS_SHEET = "shops"
SHOP_COLUMN = _c("shop", N_("Shop"), width=8)
CONSOLIDATED_SUMMARY = (
    _c("day", N_("Day"), DATE, width=12), *_coded("category", N_("Category"), "categories"),
    _c("shops", N_("Shops"), INT),
    _c("tickets_opened", N_("Tickets taken in"), INT), _c("tickets_closed", N_("Tickets closed"), INT),
    _c("receipts", N_("Receipts"), INT), _c("amount_received", N_("Received (net)"), MONEY),
)
# Per shop and maker, the claims of the period added up (docs/rules.md#claims-in-the-workbook).
CLAIMS_BY_MAKER_SHEET = "claims_by_maker"
CLAIMS_BY_MAKER = (
    _c("shop", N_("Shop"), width=8), _c("maker", N_("Maker"), width=10), _c("claims", N_("Claims"), INT, width=8),
    _c("claimed", N_("Claimed"), MONEY), _c("paid", N_("Paid by the maker"), MONEY), _c("short", N_("Short"), MONEY),
    _c("rejected", N_("Rejected"), MONEY), _c("late", N_("Late claims"), INT, width=8),
    _c("parts_owed", N_("Old parts owed"), INT, width=10), _c("parts_late", N_("Late old parts"), INT, width=10),
)
# The shops side by side on each figure (docs/rules.md#consolidation): per month, figure, breakdown and
# group, each shop's value and counts and its rank (1 the best, by the figure's better way; ties share a rank;
# no rank for a figure without a better way or a shop without a value).
FIGURES_BY_SHOP_SHEET = "figures_by_shop"
FIGURES_BY_SHOP = (
    _c("month", N_("Month"), width=24), *_coded("figure", N_("Figure"), "figures", width=24),
    *_coded("breakdown", N_("Breakdown"), "breakdowns", width=12), _c("group", N_("Group"), width=16),
    _c("shop", N_("Shop"), width=8), _c("value", N_("Value"), NUMBER, width=10), _c("unit", N_("Unit"), width=9),
    _c("numerator", N_("Numerator"), NUMBER, width=12), _c("denominator", N_("Denominator"), INT, width=12),
    _c("rank", N_("Rank"), INT, width=8), _c("ranked", N_("Shops ranked"), INT, width=8),
    _c("better", N_("Better"), width=8),
)
# The headline figure (frontdesk.figures.catalog.HEADLINE) of the last month, one row per shop: the bar chart's data.
HEADLINE_SHEET = "headline"
HEADLINE_COLUMNS = (
    _c("shop", N_("Shop"), width=10), _c("month", N_("Month"), width=12), _c("value", N_("Value"), NUMBER, width=12),
    _c("denominator", N_("Denominator"), INT, width=12),
)
SHOPS_COLUMNS = (
    _c("shop", N_("Shop"), width=8), _c("shop_name", N_("Shop name"), width=24),
    _c("period_from", N_("From"), DATE, width=12), _c("period_to", N_("To"), DATE, width=12),
    _c("overdue_as_of", N_("Overdue as of"), DATE, width=12), _c("file", N_("File"), width=24),
) + tuple(_c(f"{name}_rows", name, INT, width=10) for name in DATA_SHEETS) + (
    _c("amount_received", N_("Received (net)"), MONEY),
    _c("chain_head_id", N_("Audit record"), INT, width=12), _c("chain_head_hash", N_("Hash"), width=66),
)


def consolidated_columns(sheet: str) -> tuple[Column, ...]:
    if sheet == "summary":
        return CONSOLIDATED_SUMMARY
    if sheet == SHOPS_SHEET:
        return SHOPS_COLUMNS
    if sheet == CLAIMS_BY_MAKER_SHEET:
        return CLAIMS_BY_MAKER
    if sheet == FIGURES_BY_SHOP_SHEET:
        return FIGURES_BY_SHOP
    if sheet == HEADLINE_SHEET:
        return HEADLINE_COLUMNS
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


def code_rows() -> list[list[object]]:
    """The codes sheet's rows: every key of every code list, with its title
    in English and in Chinese (the list's own title in the export's language)."""
    rows: list[list[object]] = []
    for name, (title, entries) in CODE_LISTS.items():
        for key, english in entries().items():
            with using("zh_CN"):
                chinese = _(english)
            rows.append([name, _(title), key, english, chinese])
    return rows


__all__ = [
    "CLAIMS_BY_MAKER", "CLAIMS_BY_MAKER_SHEET", "FIGURES_BY_SHOP", "FIGURES_BY_SHOP_SHEET", "FIGURES_SHEET",
    "HEADLINE_COLUMNS", "HEADLINE_SHEET", "CODES_COLUMNS", "CODES_SHEET", "CODE_LISTS", "Column", "DATA_SHEETS", "NOT_COUNTED", "WITHDRAWN", "code_rows", "code_title", "FORMAT", "FORMAT_VERSION", "INTEGRITY_SHEET", "CHAIN_HEAD", "DAY_CLOSE", "LAST_RECEIPT", "EXPORT", "EXPORT_ACTIONS", "SCHEMA_SHEET", "SHEETS", "TYPES", "consolidated_columns",
    "mask_name", "mask_phone",
]
