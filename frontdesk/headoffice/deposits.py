"""What became of each loaner deposit, and what a ticket paid for its
repair, worked out from the loans and the ticket's receipts
(docs/rules.md#the-head-office-workbook).

A deposit is a security deposit apart from the bill: it is not a payment
for the repair.  Its money is followed through the receipts' ``counts_as``
(voided receipts left out, a correction counted with the receipt it
corrects), with the kinds named once here:

- ``deposit``: taken;
- ``deposit_refund``: given back;
- ``damage``: the part kept for damage, turned into a damage charge (no cash
  moves);
- ``deposit_applied``: put toward the repair bill at the customer's request
  (no cash moves): this part *is* paid for the repair.

Today's billing has only ``deposit`` and ``refund``: a deposit is refunded
with an ordinary refund receipt that the loan names (``refund_receipt_id``),
a deposit kept is kept whole with no receipt, and what a refund did not give
back stays on the ticket's bill.  So, for a returned loan, what the receipts
do not account for is kept for damage when the loan says "kept" and applied
to the bill when it says "refunded"; with the new kinds of receipt nothing
is left over and this rule does nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from frontdesk.billing import payments
from frontdesk.i18n import N_, _
from frontdesk.loaners import service as loaners
from frontdesk.money import ZERO

# The receipts' counts_as values this module reads: the one place to change
# when billing names them differently.
PAYMENT = payments.PAYMENT
REFUND = payments.REFUND  # an ordinary refund; a deposit's when the loan names it (today's billing)
DEPOSIT_TAKEN = payments.DEPOSIT
DEPOSIT_REFUND = "deposit_refund"
DEPOSIT_DAMAGE = "damage"
DEPOSIT_APPLIED = "deposit_applied"
DEPOSIT_KINDS = frozenset({DEPOSIT_TAKEN, DEPOSIT_REFUND, DEPOSIT_DAMAGE, DEPOSIT_APPLIED})
# A loan's deposit_outcome (loaners.service) that says where an unaccounted remainder went.
OUTCOME_KEPT = loaners.KEPT
OUTCOME_REFUNDED = loaners.REFUNDED

HELD = N_("Held")
REFUNDED = N_("Refunded")
KEPT = N_("Kept for damage")
APPLIED = N_("Applied to the bill")
NOTHING = N_("Nothing taken")


@dataclass(frozen=True)
class ReceiptFact:
    """One receipt of a ticket (voided ones too: a correction names them)."""

    id: int
    ticket_id: int
    issued_at: datetime
    counts_as: str
    net: Decimal
    corrects_id: int | None = None
    voided: bool = False


@dataclass(frozen=True)
class LoanFact:
    id: int
    ticket_id: int
    lent_at: datetime
    returned_at: datetime | None
    deposit: Decimal | None
    deposit_outcome: str | None
    deposit_receipt_id: int | None
    refund_receipt_id: int | None


@dataclass(frozen=True)
class DepositFigures:
    taken: Decimal
    refunded: Decimal
    kept: Decimal
    applied: Decimal
    held: Decimal  # still held: taken less what was refunded, kept or applied

    @property
    def outcome(self) -> str:
        """What became of it, in words (translated)."""
        parts = [label for label, value in ((REFUNDED, self.refunded), (KEPT, self.kept), (APPLIED, self.applied),
                                            (HELD, self.held)) if value]
        return ", ".join(_(p) for p in parts) if parts else _(NOTHING)


@dataclass(frozen=True)
class TicketMoney:
    paid: Decimal  # paid for the repair: payments, less ordinary refunds, plus deposits applied to the bill
    deposits: dict[int, DepositFigures]  # by loan id


def _root(receipt: ReceiptFact, by_id: dict[int, ReceiptFact]) -> ReceiptFact:
    """The receipt a correction (of a correction ...) corrects in the end."""
    seen = {receipt.id}
    while receipt.corrects_id is not None and receipt.corrects_id in by_id and receipt.corrects_id not in seen:
        receipt = by_id[receipt.corrects_id]
        seen.add(receipt.id)
    return receipt


def ticket_money(receipts: Iterable[ReceiptFact], loans: Sequence[LoanFact]) -> TicketMoney:
    """One ticket's money: what it paid for the repair and each loan's
    deposit, from all its receipts and all its loans."""
    by_id = {r.id: r for r in receipts}
    linked: dict[int, tuple[int, str]] = {}  # receipt id -> (loan id, what it is for the loan)
    for loan in loans:
        if loan.deposit_receipt_id is not None:
            linked[loan.deposit_receipt_id] = (loan.id, DEPOSIT_TAKEN)
        if loan.refund_receipt_id is not None:
            linked[loan.refund_receipt_id] = (loan.id, DEPOSIT_REFUND)
    by_time = sorted(loans, key=lambda loan: (loan.lent_at, loan.id))
    sums: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    paid = ZERO
    for receipt in by_id.values():
        if receipt.voided:
            continue
        root = _root(receipt, by_id)
        kind = receipt.counts_as
        loan_id: int | None = None
        if root.id in linked:
            loan_id, kind = linked[root.id]
        elif kind in DEPOSIT_KINDS:
            # Not named by a loan: the ticket's loan lent last before the deposit's receipt (or its first).
            earlier = [loan for loan in by_time if loan.lent_at <= root.issued_at]
            owner = earlier[-1] if earlier else (by_time[0] if by_time else None)
            loan_id = owner.id if owner is not None else None
        if kind in (PAYMENT, REFUND):
            paid += receipt.net
        elif kind == DEPOSIT_APPLIED and loan_id is None:
            paid += abs(receipt.net)
        if loan_id is not None:
            sums[loan_id][kind] += receipt.net
    deposits: dict[int, DepositFigures] = {}
    for loan in loans:
        money = sums.get(loan.id, {})
        taken = money.get(DEPOSIT_TAKEN, ZERO)
        # How billing signs a receipt that moves no cash is its business: the amount is the size of the sum.
        refunded = abs(money.get(DEPOSIT_REFUND, ZERO))
        kept = abs(money.get(DEPOSIT_DAMAGE, ZERO))
        applied = abs(money.get(DEPOSIT_APPLIED, ZERO))
        held = taken - refunded - kept - applied
        if loan.returned_at is not None and held > 0:
            if loan.deposit_outcome == OUTCOME_KEPT:
                kept, held = kept + held, ZERO
            elif loan.deposit_outcome == OUTCOME_REFUNDED:
                applied, held = applied + held, ZERO
        paid += applied
        if taken or loan.deposit:
            deposits[loan.id] = DepositFigures(taken, refunded, kept, applied, held)
    return TicketMoney(paid, deposits)


__all__ = [
    "DEPOSIT_APPLIED", "DEPOSIT_DAMAGE", "DEPOSIT_KINDS", "DEPOSIT_REFUND", "DEPOSIT_TAKEN", "DepositFigures",
    "LoanFact", "ReceiptFact", "TicketMoney", "ticket_money",
]
