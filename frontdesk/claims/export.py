"""The claims as a workbook (``frontdesk claims export``): one row per claim
of the list (:func:`frontdesk.claims.service.list_claims`), typed cells
through the head office's sheet writer (dates as dates, money as numbers,
never a formula), and a last row of totals."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from frontdesk.claims.service import ClaimRow, state_label
from frontdesk.headoffice.schema import CURRENCY_UNIT, DATE, MONEY, TEXT, Column
from frontdesk.headoffice.xlsx import SheetWriter, discard, new_workbook, save
from frontdesk.i18n import N_, _
from frontdesk.money import ZERO

SHEET = "claims"
COLUMNS = (
    Column("number", N_("Claim"), TEXT, width=16),
    Column("ticket", N_("Ticket"), TEXT, width=16),
    Column("maker", N_("Maker"), TEXT, width=12),
    Column("state", N_("State"), TEXT, width=12),
    Column("repaired_on", N_("Repaired on"), DATE, width=12),
    Column("claim_due", N_("Claim due"), DATE, width=12),
    Column("flag", N_("Deadline"), TEXT, width=10),
    Column("service_order_no", N_("Maker's service order"), TEXT, width=20),
    Column("maker_claim_no", N_("Maker's claim number"), TEXT, width=20),
    Column("amount_claimed", N_("Claimed"), MONEY, CURRENCY_UNIT),
    Column("amount_paid", N_("Paid"), MONEY, CURRENCY_UNIT),
    Column("short", N_("Short"), MONEY, CURRENCY_UNIT),
)
FLAG_LABELS = {"late": N_("Late"), "due_soon": N_("Due soon"), "": ""}


def flag_label(flag: str) -> str:
    return _(FLAG_LABELS[flag]) if FLAG_LABELS.get(flag) else ""


def totals(rows: Sequence[ClaimRow]) -> tuple[Decimal, Decimal, Decimal]:
    """Claimed, paid and short over ``rows`` (a claim not answered yet counts as nothing paid, nothing short)."""
    claimed = sum((r.amount_claimed for r in rows), ZERO)
    paid = sum((r.amount_paid for r in rows if r.amount_paid is not None), ZERO)
    short = sum((r.short for r in rows), ZERO)
    return claimed, paid, short


def write_workbook(rows: Sequence[ClaimRow], path: Path, currency: str) -> Path:
    wb = new_workbook()
    try:
        out = SheetWriter(wb, SHEET, COLUMNS, currency)
        for r in rows:
            out.append([r.number, r.ticket_number, r.maker_code, state_label(r.state), r.repaired_on, r.claim_due,
                        flag_label(r.flag), r.service_order_no, r.maker_claim_no, r.amount_claimed, r.amount_paid,
                        r.short])
        claimed, paid, short = totals(rows)
        out.append([_("Total"), "", "", "", None, None, "", "", "", claimed, paid, short])
        out.finish()
        save(wb, path)
    except BaseException:
        discard(wb)
        raise
    return path


__all__ = ["COLUMNS", "SHEET", "flag_label", "totals", "write_workbook"]
