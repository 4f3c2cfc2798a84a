"""Tax: prices with or without VAT, and the bill's tax split across the
receipts that pay it (docs/rules.md#money-and-tax).  Pure functions.

A price **includes** VAT when the shop says so (the default, 明码标价): the
tax it contains is ``round(price * rate / (1 + rate))``.  A price before tax
gets ``round(price * rate)`` added.

A bill paid in parts: after ``paid`` of a bill of ``total`` containing
``tax``, the receipts should carry ``round(tax * paid / total)`` of it
(:func:`tax_due_at`).  Each new receipt carries the difference between that
figure after it and what the standing receipts carry already
(:func:`receipt_tax`), so the receipts of a bill paid in full carry its tax
exactly, whatever the parts; a refund carries back the difference the other
way, never more than it refunds nor more than was carried.
"""

from __future__ import annotations

from decimal import Decimal

from frontdesk.money import ZERO, round_money


def tax_in(amount: Decimal, rate: Decimal) -> Decimal:
    """The VAT contained in an amount that includes it."""
    if rate <= 0 or amount <= 0:
        return ZERO
    return round_money(amount * rate / (1 + rate))


def tax_on(amount: Decimal, rate: Decimal) -> Decimal:
    """The VAT to add to an amount before tax."""
    if rate <= 0 or amount <= 0:
        return ZERO
    return round_money(amount * rate)


def convert(price: Decimal, rate: Decimal, *, from_included: bool, to_included: bool) -> Decimal:
    """A price stated on one basis, on the other (a warranty card with VAT
    compared with a schedule before tax)."""
    if from_included == to_included or rate <= 0:
        return price
    if to_included:
        return price + tax_on(price, rate)
    return price - tax_in(price, rate)


def tax_due_at(paid: Decimal, total: Decimal, tax: Decimal) -> Decimal:
    """The part of the bill's ``tax`` that receipts carry once ``paid`` of
    its ``total`` is paid (nothing below zero, all of it from the total on)."""
    if total <= 0 or tax <= 0 or paid <= 0:
        return ZERO
    if paid >= total:
        return tax
    return round_money(tax * paid / total)


def receipt_tax(amount: Decimal, *, inflow: bool, paid_after: Decimal, carried_before: Decimal,
                total: Decimal, tax: Decimal) -> Decimal:
    """The tax a new bill receipt of ``amount`` carries: money toward the
    bill (``inflow``) carries what brings the carried tax up to
    :func:`tax_due_at` ``paid_after``; a refund carries back what brings it
    down.  Never below zero, never more than the amount, and a refund never
    more than was carried."""
    target = tax_due_at(paid_after, total, tax)
    if inflow:
        return min(amount, max(ZERO, target - carried_before))
    return min(amount, max(ZERO, carried_before), max(ZERO, carried_before - target))


__all__ = ["convert", "receipt_tax", "tax_due_at", "tax_in", "tax_on"]
