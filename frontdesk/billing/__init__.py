"""Billing: fee schedules, warranty-card standards, lowest-rate quotes,
approvals, payments and receipts, waivers, voids, corrections, invoices owed.

Modules: :mod:`.pricing` (pure lowest-rate rule), :mod:`.schedules`,
:mod:`.cards`, :mod:`.quotes`, :mod:`.payments`, :mod:`.demo`.
"""
