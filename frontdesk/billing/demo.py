"""Billing demo data, made through the billing services.

The main demo (:mod:`frontdesk.demo`) plans each ticket's whole life and
runs every step in time order, money included, so receipt numbers follow the
clock across the whole history.  This module gives it what billing needs:

- :func:`setup`, before the first ticket: two fee-schedule versions (the
  older one in force for the older tickets) and warranty-card editions for
  the cards the customers will show (some cheaper than the schedule on some
  lines, some with a labour line that includes the visit);
- :func:`quote_items`: what a technician puts on a quote from the fee
  schedule's lines (labour, the visit or the pull-back's transport, the
  parts the fault needs, sometimes a software set-up); in warranty those
  lines cost nothing, and partly in warranty the covered component (a
  compressor) is free while the labour is charged;
- :class:`Till`: payments as a desk takes them, by every method, with the
  cases a desk must show once as they happen (a receipt rung up by the wrong
  method and voided, a receipt typed short and corrected), waivers and
  invoices;
- :func:`counts`: what the summary prints.

Every receipt of a step is issued at the step's moment, so no receipt is
numbered before one issued earlier.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.billing import cards, payments, quotes, schedules
from frontdesk.billing.models import CardEdition, FeeSchedule, Quote, Receipt, TicketBilling, Waiver
from frontdesk.billing.pricing import LABOUR, PART, SOFTWARE_SETUP, TRANSPORT, VISIT, QuoteItem
from frontdesk.db.engine import Database
from frontdesk.money import round_money
from frontdesk.users import Actor

log = logging.getLogger(__name__)

WAIVER_REASONS = ("老客户优惠", "等配件时间较长，减免部分费用", "经理特批折扣", "上门迟到，减免上门费")
VOID_REASON = "收款方式录错，重新收款"
CORRECTION_REASON = "金额录入错误，按实收更正"
BUYERS = (("北京中关村科技有限公司", "91110108MA01ABCD2X"), ("个人", ""), ("海淀区第三小学", "12110108400001234K"))
CARD_EDITIONS = 10  # at most this many card editions are typed in

CardKey = tuple[str, str, str]  # (brand lowered, category, edition)


def card_key(brand: str, category: str, edition: str) -> CardKey:
    return (brand or "").strip().lower(), category, (edition or "").strip()


def _scaled(draft: schedules.ScheduleDraft, factor: Decimal) -> schedules.ScheduleDraft:
    """An older version: the same lines at older prices (whole yuan)."""
    lines = [schedules.FeeLineDraft(
        kind=ln.kind, price=round_money((ln.price or Decimal(0)) * factor).quantize(Decimal("1")),
        category=ln.category, code=ln.code, description=ln.description, component=ln.component,
        free_km=ln.free_km, per_km=ln.per_km) for ln in draft.lines]
    return schedules.ScheduleDraft(name=draft.name, effective_from=draft.effective_from, note=draft.note, lines=lines)


def _card_lines(rng: random.Random, category: str, draft: schedules.ScheduleDraft,
                bundle: bool) -> list[cards.CardLineDraft]:
    """A card's rates: around the schedule's, some lower and some higher;
    with ``bundle`` the medium labour includes the visit."""
    own = {(ln.kind, ln.code): ln for ln in draft.lines if ln.category == "*"}
    own.update({(ln.kind, ln.code): ln for ln in draft.lines if ln.category == category})
    out = []
    for (kind, code), ln in sorted(own.items()):
        if kind in (SOFTWARE_SETUP, TRANSPORT) or (kind == PART and rng.random() < 0.4):
            continue  # the card is silent on these
        factor = Decimal(rng.choice(("0.7", "0.8", "0.9", "1.0", "1.1", "1.25")))
        price = round_money((ln.price or Decimal(0)) * factor).quantize(Decimal("1"))
        covers: list[str] = []
        if bundle and kind == LABOUR and code == "medium":
            visit = own.get((VISIT, ""))
            price = round_money(price + (visit.price or Decimal(0)) * Decimal("0.5") if visit else price).quantize(
                Decimal("1"))
            covers = [VISIT]
        if bundle and kind == VISIT:
            continue  # the visit is only sold inside the labour line
        out.append(cards.CardLineDraft(kind, price, code, ln.description, covers))
    return out


def setup(session: Session, rng: random.Random, manager: Actor, *, first_day: date, switch_day: date,
          cards_seen: Iterable[tuple[str, str, str]], now: datetime) -> tuple[dict[CardKey, int], int, int]:
    """The fee schedules and card editions, before the first ticket.  The
    older schedule prices the tickets taken before ``switch_day``; a database
    that has schedules already keeps them.  ``cards_seen`` are the (brand,
    category, edition) of the cards the customers will show.  Returns the
    card editions by :func:`card_key`, and how many schedules and editions
    were made."""
    made_schedules = 0
    if session.scalar(select(func.count(FeeSchedule.id))) == 0:
        base = schedules.default_schedule()
        old = _scaled(base, Decimal("0.9"))
        old.effective_from = date(first_day.year - 1, 1, 1)
        old.name = f"收费标准 {old.effective_from:%Y-%m}"
        old.note = "上一版收费标准"
        schedules.save_schedule(session, manager, old, now=datetime.combine(old.effective_from, time(9)))
        base.effective_from = max(switch_day, old.effective_from + timedelta(days=1))
        base.name = f"收费标准 {base.effective_from:%Y-%m}（调价）"
        schedules.save_schedule(session, manager, base, now=datetime.combine(first_day, time(8, 30)))
        made_schedules = 2
    current = schedules.schedule_draft(session, schedules.schedule_in_force(session, now.date()).id)
    editions: dict[CardKey, int] = {
        card_key(e.brand, e.category, e.edition): e.id for e in session.scalars(select(CardEdition))}
    shown = sorted({(b, c, e) for b, c, e in cards_seen if b and e})
    rng.shuffle(shown)
    made_cards = 0
    for n, (brand, category, edition) in enumerate(shown[:CARD_EDITIONS]):
        key = card_key(brand, category, edition)
        if key in editions:
            continue
        lines = _card_lines(rng, category, current, bundle=n % 3 == 0)
        saved = cards.save_card_edition(session, manager, cards.CardEditionDraft(
            brand, category, edition, "保修卡背面收费标准", lines), now=datetime.combine(first_day, time(8, 40)))
        editions[key] = saved.id
        made_cards += 1
    return editions, made_schedules, made_cards


def quote_items(rng: random.Random, lines: Sequence[schedules.FeeLineDraft], category: str, *, visit: bool,
                transport: bool, parts: Sequence[str], covered: Callable[[str], bool], covered_part: bool,
                software: bool) -> list[QuoteItem]:
    """What a technician puts on the quote for a product of ``category``,
    from the fee schedule's ``lines``: labour; the visit (on site) or the
    pull-back's transport; the ``parts`` (part numbers) the fault needs; with
    ``covered_part``, a part of a component still in warranty (free while the
    labour is charged); with ``software``, a software set-up."""
    own = [ln for ln in lines if ln.category in (category, "*")]

    def listed(kind: str) -> list[schedules.FeeLineDraft]:
        return [ln for ln in own if ln.kind == kind]

    out: list[QuoteItem] = []
    labour = listed(LABOUR)
    if labour:
        weights = [3 if ln.code == "medium" else 1 if ln.code == "major" else 2 for ln in labour]
        if parts:  # a part to change is more than a minor repair
            weights = [0 if ln.code == "minor" else w for ln, w in zip(labour, weights, strict=True)]
        level = rng.choices(labour, weights=weights)[0] if any(weights) else labour[0]
        out.append(QuoteItem(LABOUR, level.code))
    if visit and listed(VISIT):
        out.append(QuoteItem(VISIT))
    if transport and listed(TRANSPORT):
        out.append(QuoteItem(TRANSPORT))
    by_code = {ln.code: ln for ln in listed(PART)}
    chosen = [by_code[code] for code in parts if code in by_code]
    if covered_part:
        free = [ln for ln in by_code.values() if ln.component and ln.component != "whole_unit"
                and covered(ln.component)]
        if free and not any(ln in free for ln in chosen):
            chosen = [rng.choice(free)] + chosen[:1]
    for part in chosen:
        out.append(QuoteItem(PART, part.code, qty=1, component=part.component or "whole_unit"))
    if software and listed(SOFTWARE_SETUP):
        out.append(QuoteItem(SOFTWARE_SETUP))
    return out


class Till:
    """The desk's money, as the demo's steps take it at ``counter``.  The
    cases a desk must show once come with the first payments that allow
    them: the first one by card, mobile pay or transfer is first rung up as
    cash by mistake and voided (the manager approves), the first cash one is
    typed short and corrected; the first bill settled gets a waiver and the
    first two paid ones a tax invoice, one still owed, one issued."""

    def __init__(self, manager: Actor, counter: str) -> None:
        self.manager = manager
        self.counter = counter
        self.shown: set[str] = set()
        self.invoices = 0  # invoices asked for
        self.never_issued: set[int] = set()

    def pay(self, s: Session, clerk: Actor, ticket_id: int, method: str, now: datetime, rng: random.Random,
            share: Decimal | None = None, kind: str = payments.PAYMENT) -> Decimal:
        """Take what is outstanding (or ``share`` of it) by ``method``; returns the amount."""
        outstanding = payments.balance(s, ticket_id).outstanding  # after approval, also the room for a deposit
        if outstanding <= 0:
            return Decimal(0)
        amount = outstanding if share is None else round_money(outstanding * share).quantize(Decimal("1"))
        if amount <= 0:
            return Decimal(0)
        if kind == payments.PAYMENT and "void" not in self.shown and method != payments.CASH:
            self.shown.add("void")  # rung up as cash by mistake, voided, taken again by the right method
            wrong = payments.take_payment(s, clerk, ticket_id, payments.CASH, amount, now=now, counter=self.counter)
            payments.void_receipt(s, clerk, wrong.id, VOID_REASON, approver=self.manager, now=now)
        elif kind == payments.PAYMENT and "correct" not in self.shown and method == payments.CASH \
                and amount > Decimal(20):
            self.shown.add("correct")  # typed short, corrected at once (the same minute)
            short = payments.take_payment(s, clerk, ticket_id, payments.CASH, amount - 10, now=now,
                                          counter=self.counter)
            payments.correct_receipt(s, clerk, short.id, amount, CORRECTION_REASON, approver=self.manager, now=now,
                                     counter=self.counter)
            return amount
        tendered = None
        if method == payments.CASH:
            step = Decimal(rng.choice((1, 10, 50, 100)))
            tendered = (amount / step).to_integral_value(rounding="ROUND_CEILING") * step
        payments.take_payment(s, clerk, ticket_id, method, amount, tendered=tendered, kind=kind, now=now,
                              counter=self.counter)
        return amount

    def waive(self, s: Session, clerk: Actor, ticket_id: int, now: datetime, rng: random.Random) -> None:
        """A discount the manager approves, on what is still to pay."""
        outstanding = payments.balance(s, ticket_id).outstanding
        amount = min(outstanding, Decimal(rng.choice((10, 20, 30, 50))))
        if amount > 0:
            self.shown.add("waiver")
            payments.grant_waiver(s, clerk, ticket_id, amount, rng.choice(WAIVER_REASONS), approver=self.manager,
                                  now=now, counter=self.counter)

    def ask_invoice(self, s: Session, clerk: Actor, ticket_id: int, now: datetime, rng: random.Random) -> None:
        """The customer asks for a tax invoice: owed until it is issued (the
        first one asked for stays owed; the second is issued on the spot)."""
        if payments.invoice_status(s, ticket_id) is not None:
            return
        self.invoices += 1
        if self.invoices == 1:
            self.never_issued.add(ticket_id)
        if self.invoices == 2:
            payments.record_invoice(s, clerk, ticket_id, f"{rng.randrange(10 ** 8):08d}", now=now)
            return
        buyer, tax_id = rng.choice(BUYERS)
        payments.request_invoice(s, clerk, ticket_id, buyer, tax_id, now=now)

    def issue_invoice(self, s: Session, clerk: Actor, ticket_id: int, now: datetime, rng: random.Random) -> None:
        status = payments.invoice_status(s, ticket_id)
        if status is not None and status.owed and ticket_id not in self.never_issued:
            payments.record_invoice(s, clerk, ticket_id, f"{rng.randrange(10 ** 8):08d}", now=now)


def counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        def count(query: object) -> int:
            return int(s.scalar(query) or 0)  # type: ignore[call-overload]

        return {
            "quotes": count(select(func.count(Quote.id)).where(Quote.state != quotes.SUPERSEDED)),
            "approved": count(select(func.count(Quote.id)).where(Quote.state == quotes.APPROVED)),
            "declined": count(select(func.count(Quote.id)).where(Quote.state == quotes.DECLINED)),
            "free_quotes": count(select(func.count(Quote.id)).where(Quote.state == quotes.APPROVED,
                                                                    Quote.total == 0)),
            "receipts": count(select(func.count(Receipt.id))),
            "voided": count(select(func.count(Receipt.id)).where(Receipt.voided_at.is_not(None))),
            "corrected": count(select(func.count(Receipt.id)).where(Receipt.corrects_receipt_id.is_not(None))),
            "waivers": count(select(func.count(Waiver.id))),
            "invoices_owed": len(payments.invoices_owed(s)),
            "invoices_issued": count(select(func.count(TicketBilling.ticket_id))
                                     .where(TicketBilling.invoice_no.is_not(None))),
            "fee_schedules": count(select(func.count(FeeSchedule.id))),
            "card_editions": count(select(func.count(CardEdition.id))),
        }


__all__ = ["Till", "card_key", "counts", "quote_items", "setup"]
