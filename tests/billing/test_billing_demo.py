"""The billing demo fills what the screens show, through the services."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from frontdesk import demo
from frontdesk.billing import payments, quotes
from frontdesk.billing.models import Quote, QuoteLine, Receipt
from frontdesk.billing.pricing import SOFTWARE_SETUP
from frontdesk.db.engine import Database
from frontdesk.db.models import Ticket

END = datetime(2026, 11, 24, 16, 30)


def test_the_billing_demo(db: Database) -> None:
    seen: list[float] = []
    summary = demo.fill(db, demo.DemoOptions(days=10, tickets=300, seed=3, now=END),
                        progress=lambda f, _note: seen.append(f))  # `frontdesk demo` fills billing too
    counts = summary.billing
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert "Billing: " in summary.text()
    assert counts["fee_schedules"] == 2 and counts["card_editions"] >= 2
    assert counts["quotes"] >= 10 and counts["approved"] >= 4 and counts["declined"] >= 2
    assert counts["voided"] >= 1 and counts["corrected"] >= 1 and counts["waivers"] >= 1
    assert counts["invoices_owed"] >= 1 and counts["invoices_issued"] >= 1
    with db.read() as s:
        used = s.scalars(select(func.count(func.distinct(Quote.schedule_id)))).one()
        assert used == 2  # the older version prices the older tickets
        pairs = s.execute(select(Quote.state, Ticket.state, Ticket.warranty_status, Quote.total)
                          .join(Ticket, Ticket.id == Quote.ticket_id)
                          .where(Quote.state != quotes.SUPERSEDED)).all()
        assert {q for q, _t, _w, _total in pairs} == {quotes.DRAFT, quotes.APPROVED, quotes.DECLINED}
        # The ticket went on after the customer's answer: repaired, ready for pick-up, collected.
        after_approval = {"approved", "in_repair", "awaiting_parts", "repaired", "ready", "closed"}
        after_decline = {"declined", "ready", "closed"}
        assert all(t == "quoted" if q == "draft" else t in after_decline if q == "declined" else t in after_approval
                   for q, t, _w, _total in pairs)
        # In warranty a quote's lines cost nothing (a software set-up has its own rule); out of warranty (or
        # unknown) it charges.
        lines = s.execute(select(Ticket.warranty_status, QuoteLine.kind, QuoteLine.amount, QuoteLine.in_warranty)
                          .join(Quote, Quote.id == QuoteLine.quote_id).join(Ticket, Ticket.id == Quote.ticket_id)
                          .where(Quote.state != quotes.SUPERSEDED, QuoteLine.stage == quotes.STAGE_QUOTE)).all()
        assert any(w == "in" for w, _k, _a, _c in lines)
        assert all(amount == 0 and covered for w, kind, amount, covered in lines
                   if w == "in" and kind != SOFTWARE_SETUP)
        assert all(total > 0 for _q, _t, w, total in pairs if w in ("out", "unknown"))
        assert set(s.scalars(select(Receipt.method))) == set(payments.METHODS)
        assert {"payment", "correction"} <= set(s.scalars(select(Receipt.kind)))
        seqs = s.scalars(select(Receipt.seq).order_by(Receipt.seq)).all()
        # Gapless; loaner deposits (filled after billing) add their own receipts.
        assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) >= counts["receipts"]
        for ticket_id in set(s.scalars(select(Receipt.ticket_id))):
            bal = payments.balance(s, ticket_id)
            assert bal.outstanding >= -bal.deposits_held  # the shop owes back at most the deposits it holds
