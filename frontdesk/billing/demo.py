"""Billing demo data, made through the billing services.

:func:`fill` runs after :mod:`frontdesk.demo` made the users (wang, the
manager; li and zhao, clerks) and the tickets.  It adds two fee-schedule
versions (the older one in force for the older tickets), warranty-card
editions for cards seen at intake (some cheaper than the schedule on some
lines, some with a labour line that includes the visit), and then, in time
order so receipt numbers follow the clock: quotes on tickets out of or partly
in warranty (left waiting, approved at the counter or by phone, declined with
or without the inspection fee), deposits, payments by every method, waivers
approved by the manager, a voided receipt and a corrected one, a refunded
deposit, and invoices owed and issued.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk import settings
from frontdesk.billing import cards, payments, quotes, schedules
from frontdesk.billing.models import CardEdition, FeeSchedule, Quote, Receipt, Waiver
from frontdesk.billing.pricing import LABOUR, PART, SOFTWARE_SETUP, TRANSPORT, VISIT, QuoteItem
from frontdesk.db.engine import Database
from frontdesk.db.models import Product, Ticket, TicketEvent, User
from frontdesk.i18n import _
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.money import round_money
from frontdesk.users import MANAGER, Actor

log = logging.getLogger(__name__)

Progress = Callable[[float, str], "bool | None"]
# Tickets still at the desk that can be (diagnosed and) quoted.
WORKABLE = (states.RECEIVED, states.SCHEDULED, states.DIAGNOSING, states.QUOTED)
WAIVER_REASONS = ("老客户优惠", "等配件时间较长，减免部分费用", "经理特批折扣", "上门迟到，减免上门费")
VOID_REASON = "收款方式录错，重新收款"
CORRECTION_REASON = "金额录入错误，按实收更正"
BUYERS = (("北京中关村科技有限公司", "91110108MA01ABCD2X"), ("个人", ""), ("海淀区第三小学", "12110108400001234K"))


@dataclass
class _Action:
    at: datetime
    order: int
    run: Callable[[Session, datetime], None]


def _actors(session: Session) -> tuple[Actor, list[Actor]]:
    rows = list(session.scalars(select(User).where(User.active.is_(True)).order_by(User.id)))
    managers = [u for u in rows if u.role == MANAGER]
    if not managers:
        raise RuntimeError("billing demo: no active manager")
    wang = next((u for u in managers if u.name == "wang"), managers[0])
    clerks = [u for u in rows if u.role != MANAGER] or [wang]
    return Actor(wang.id, wang.name, wang.role), [Actor(u.id, u.name, u.role) for u in clerks]


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


def fill(db: Database, rng: random.Random, now: datetime, progress: Progress | None = None, *,
         counter: str) -> dict[str, int]:
    """Add the billing demo data (see the module docstring), the money taken
    at ``counter``; returns counts."""
    now = _last_open_minute(db, now)
    def report(fraction: float, note: str) -> None:
        if progress is not None:
            progress(fraction, note)

    report(0.0, _("Fee schedules and warranty cards"))
    with db.write() as s:
        manager, clerks = _actors(s)
        candidates = list(s.scalars(
            select(Ticket).join(Product, Product.id == Ticket.product_id)
            .where(Ticket.state.in_(WORKABLE), Ticket.kind == "repair",
                   Ticket.warranty_status.in_(("out", "partial", "unknown")),
                   # Phone requests still waiting for their answer stay so: the desk's list shows them.
                   ~((Ticket.respond_by.is_not(None)) & (Ticket.responded_at.is_(None))))
            .order_by(Ticket.intake_at)))
        oldest = s.scalar(select(func.min(Ticket.intake_at)))
        first_day = (oldest or now).date()
        made_schedules = 0
        if s.scalar(select(func.count(FeeSchedule.id))) == 0:
            base = schedules.default_schedule()
            old = _scaled(base, Decimal("0.9"))
            old.effective_from = date(first_day.year - 1, 1, 1)
            old.name = f"收费标准 {old.effective_from:%Y-%m}"
            old.note = "上一版收费标准"
            schedules.save_schedule(s, manager, old, now=datetime.combine(old.effective_from, now.time()))
            days = sorted({t.intake_at.date() for t in candidates})
            newer = days[len(days) // 2] if len(days) > 1 else now.date() - timedelta(days=7)
            base.effective_from = max(newer, old.effective_from + timedelta(days=1))
            base.name = f"收费标准 {base.effective_from:%Y-%m}（调价）"
            schedules.save_schedule(s, manager, base, now=datetime.combine(base.effective_from, now.time()))
            made_schedules = 2
        current = schedules.schedule_draft(s, schedules.schedule_in_force(s, now.date()).id)
        seen: dict[tuple[str, str, str], int] = {
            (e.brand.lower(), e.category, e.edition): e.id for e in s.scalars(select(CardEdition))}
        shown = sorted({(t.product.brand, t.product.category, t.product.card_edition) for t in candidates
                        if t.product is not None and t.product.card_shown and t.product.card_edition
                        and t.product.brand})
        rng.shuffle(shown)
        made_cards = 0
        for n, (brand, category, edition) in enumerate(shown[:10]):
            if (brand.lower(), category, edition) in seen:
                continue
            lines = _card_lines(rng, category, current, bundle=n % 3 == 0)
            saved = cards.save_card_edition(s, manager, cards.CardEditionDraft(
                brand, category, edition, "保修卡背面收费标准", lines), now=now - timedelta(days=30))
            seen[(brand.lower(), category, edition)] = saved.id
            made_cards += 1
        plan = _plan(s, rng, now, candidates, manager, clerks, seen, counter)

    counts = {"fee_schedules": made_schedules, "card_editions": made_cards, "quotes": 0, "approved": 0,
              "declined": 0, "receipts": 0, "voided": 0, "corrected": 0, "waivers": 0, "invoices_owed": 0,
              "invoices_issued": 0}
    plan.actions.sort(key=lambda a: (a.at, a.order))
    with db.write() as s:
        for n, action in enumerate(plan.actions, start=1):
            action.run(s, action.at)
            if n % 20 == 0:
                report(0.1 + 0.85 * n / len(plan.actions), _("Quotes and payments"))
    with db.read() as s:
        counts["quotes"] = int(s.scalar(select(func.count(Quote.id))) or 0)
        counts["approved"] = int(s.scalar(select(func.count(Quote.id)).where(Quote.state == quotes.APPROVED)) or 0)
        counts["declined"] = int(s.scalar(select(func.count(Quote.id)).where(Quote.state == quotes.DECLINED)) or 0)
        counts["receipts"] = int(s.scalar(select(func.count(Receipt.id))) or 0)
        counts["voided"] = int(s.scalar(select(func.count(Receipt.id)).where(Receipt.voided_at.is_not(None))) or 0)
        counts["corrected"] = int(s.scalar(select(func.count(Receipt.id)).where(
            Receipt.corrects_receipt_id.is_not(None))) or 0)
        counts["waivers"] = int(s.scalar(select(func.count(Waiver.id))) or 0)
        counts["invoices_owed"] = len(payments.invoices_owed(s))
        counts["invoices_issued"] = plan.invoices_issued
    report(1.0, _("Done"))
    log.info("billing demo: %s", counts)
    return counts


def _last_open_minute(db: Database, now: datetime) -> datetime:
    """``now``, or the last minute the shop was open before it: money is not
    taken at 6 in the morning, so the demo's last payments are not either."""
    with db.read() as s:
        cal = settings.work_calendar(s)
    t = now.replace(second=0, microsecond=0)
    for _step in range(24 * 14):  # two weeks of hours at the most
        if cal.within_hours(t) and cal.is_working_day(t.date()):
            return t
        t = t.replace(minute=0) - timedelta(minutes=1) if t.minute else t - timedelta(minutes=1)
    return now


@dataclass
class _Plan:
    actions: list[_Action]
    invoices_issued: int = 0


def _plan(s: Session, rng: random.Random, now: datetime, candidates: list[Ticket], manager: Actor,
          clerks: list[Actor], editions: dict[tuple[str, str, str], int], counter: str) -> _Plan:
    plan = _Plan([])
    order = iter(range(1_000_000))

    def add(at: datetime, run: Callable[[Session, datetime], None]) -> None:
        plan.actions.append(_Action(min(at, now), next(order), run))

    cal = settings.work_calendar(s)

    def later(at: datetime, lo: int, hi: int) -> datetime:
        """Some minutes after ``at``, inside the shop's hours, not after the end."""
        t = at + timedelta(minutes=rng.randint(lo, hi))
        if not cal.within_hours(t):
            t = cal.next_opening(t) + timedelta(minutes=rng.randint(0, 45))
        return min(now, t).replace(second=0, microsecond=0)

    # A third of the tickets in each state before the quote stay as they are:
    # every state must still show.
    chosen = [t for t in candidates if t.state == states.QUOTED]
    for state in (states.RECEIVED, states.SCHEDULED, states.DIAGNOSING):
        waiting = [t for t in candidates if t.state == state]
        chosen += waiting[:len(waiting) - max(1, len(waiting) // 3)]
    chosen.sort(key=lambda t: t.intake_at)
    methods = list(payments.METHODS)
    refunded = False
    asked = 0
    shown: set[str] = set()  # the cases that must show once (a void, a correction), as they happen
    n = -1  # the number of tickets quoted so far (the first few get the cases that must show)
    for last_one, ticket in ((i == len(chosen) - 1, t) for i, t in enumerate(chosen)):
        product = ticket.product
        assert product is not None
        last = s.scalar(select(func.max(TicketEvent.at)).where(TicketEvent.ticket_id == ticket.id)) or ticket.intake_at
        if ticket.state == states.QUOTED:
            quoted_at = s.scalar(select(func.max(TicketEvent.at)).where(
                TicketEvent.ticket_id == ticket.id, TicketEvent.to_state == states.QUOTED)) or last
            at = max(last, quoted_at)
        else:
            at = later(last, 10, 180)
        if ticket.state in (states.RECEIVED, states.SCHEDULED):
            def diagnose(s: Session, t: datetime, ticket_id: int = ticket.id) -> None:
                intake.move(s, manager, ticket_id, states.DIAGNOSING, now=t)
            add(at, diagnose)
            at = later(at, 10, 120)
        try:
            offer = quotes.quotable_items(s, ticket.id)
        except Exception:  # no schedule in force on a very old intake day: leave the ticket alone
            log.debug("no quote for %s", ticket.number, exc_info=True)
            continue
        items = _items(rng, offer, ticket)
        if not items:
            continue
        n += 1
        key = ((product.brand or "").lower(), product.category, product.card_edition)
        card_id = editions.get(key) if product.card_shown else None
        clerk = rng.choice(clerks)
        ticket_id = ticket.id
        software = any(i.kind == SOFTWARE_SETUP for i in items)
        # The first few are approved (every method shows), two are declined (with and
        # without the fault found) and the last stays waiting, whatever the dice say.
        answer = {0: 0.0, 1: 0.0, 2: 0.0, 3: 0.0, 4: 0.7, 5: 0.7}.get(n, rng.random())
        if last_one and n > 5:
            answer = 0.9
        deposit = rng.random() < 0.15 or n == 4  # n == 4 is declined: its deposit is refunded

        def make(s: Session, t: datetime, ticket_id: int = ticket_id, items: list[QuoteItem] = items,
                 card_id: int | None = card_id, clerk: Actor = clerk, software: bool = software) -> None:
            quotes.make_quote(s, clerk, ticket_id, items, card_edition_id=card_id, approver=manager, now=t,
                              software_charge=rng.random() < 0.5 if software else None)

        add(at, make)
        t = later(at, 5, 60 * 20)
        if deposit:
            def take_deposit(s: Session, t: datetime, ticket_id: int = ticket_id, clerk: Actor = clerk) -> None:
                q = quotes.current_quote(s, ticket_id)
                assert q is not None
                amount = round_money(q.total * Decimal("0.3")).quantize(Decimal("1"))
                if amount > 0:
                    payments.take_payment(s, clerk, ticket_id, payments.CASH, amount, kind=payments.DEPOSIT, now=t,
                                          counter=counter)
            add(t, take_deposit)
            t = later(t, 5, 240)
        if answer < 0.62:
            channel = quotes.PHONE if rng.random() < 0.4 else quotes.COUNTER

            def approve(s: Session, t: datetime, ticket_id: int = ticket_id, clerk: Actor = clerk,
                        channel: str = channel) -> None:
                q = quotes.current_quote(s, ticket_id)
                assert q is not None
                quotes.approve_quote(s, clerk, q.id, channel=channel, now=t)
            add(t, approve)
            t = later(t, 10, 60 * 30)
            if n == 2 or rng.random() < 0.12:
                def waive(s: Session, t: datetime, ticket_id: int = ticket_id, clerk: Actor = clerk) -> None:
                    outstanding = payments.balance(s, ticket_id).outstanding
                    amount = min(outstanding, Decimal(rng.choice((10, 20, 30, 50))))
                    if amount > 0:
                        payments.grant_waiver(s, clerk, ticket_id, amount, rng.choice(WAIVER_REASONS),
                                              approver=manager, now=t, counter=counter)
                add(t, waive)
                t = later(t, 1, 30)
            if n < 8 or rng.random() < 0.85:
                method = methods[n % len(methods)] if n < 8 else rng.choice(methods)
                partial = n >= 4 and rng.random() < 0.15

                def pay(s: Session, t: datetime, ticket_id: int = ticket_id, clerk: Actor = clerk,
                        method: str = method, partial: bool = partial) -> None:
                    outstanding = payments.balance(s, ticket_id).outstanding
                    if outstanding <= 0:
                        return
                    amount = round_money(outstanding / 2) if partial else outstanding
                    mistake = None
                    if "void" not in shown and method != payments.CASH:
                        mistake = "void"
                    elif "correct" not in shown and method == payments.CASH and amount > Decimal("0.01"):
                        mistake = "correct"
                    if mistake is not None:
                        shown.add(mistake)
                    if mistake == "void":  # rung up as cash by mistake, voided, taken again by the right method
                        wrong = payments.take_payment(s, clerk, ticket_id, payments.CASH, amount, now=t, counter=counter)
                        payments.void_receipt(s, clerk, wrong.id, VOID_REASON, approver=manager,
                                              now=min(now, t + timedelta(minutes=2)))
                        t = min(now, t + timedelta(minutes=3))
                    elif mistake == "correct":  # typed short, corrected
                        short_by = Decimal(10) if amount > 20 else round_money(amount / 2)
                        short = payments.take_payment(s, clerk, ticket_id, payments.CASH, amount - short_by, now=t,
                                                      counter=counter)
                        payments.correct_receipt(s, clerk, short.id, amount, CORRECTION_REASON, approver=manager,
                                                 now=min(now, t + timedelta(minutes=5)), counter=counter)
                        return
                    tendered = None
                    if method == payments.CASH:
                        step = Decimal(rng.choice((1, 10, 50, 100)))
                        tendered = (amount / step).to_integral_value(rounding="ROUND_CEILING") * step
                    payments.take_payment(s, clerk, ticket_id, method, amount, tendered=tendered, now=t, counter=counter)
                add(t, pay)
                t = later(t, 1, 20)
                roll = rng.random()
                if roll < 0.2 or asked < 2:  # the first invoice asked for stays owed, the second is issued
                    asked += 1
                    def ask(s: Session, t: datetime, ticket_id: int = ticket_id, clerk: Actor = clerk) -> None:
                        buyer, tax_id = rng.choice(BUYERS)
                        payments.request_invoice(s, clerk, ticket_id, buyer, tax_id, now=t)
                    add(t, ask)
                    if asked == 2 or (asked > 2 and roll < 0.1):
                        plan.invoices_issued += 1

                        def issue(s: Session, t: datetime, ticket_id: int = ticket_id, clerk: Actor = clerk) -> None:
                            payments.record_invoice(s, clerk, ticket_id, f"{rng.randrange(10 ** 8):08d}", now=t)
                        add(later(t, 60 * 24, 60 * 24 * 5), issue)
        elif answer < 0.82:
            fault_found = n != 5 and (rng.random() < 0.75 or (deposit and not refunded))

            def decline(s: Session, t: datetime, ticket_id: int = ticket_id, clerk: Actor = clerk,
                        fault_found: bool = fault_found) -> None:
                q = quotes.current_quote(s, ticket_id)
                assert q is not None
                quotes.decline_quote(s, clerk, q.id, fault_found=fault_found, now=t)
                bal = payments.balance(s, ticket_id)
                if bal.refundable > 0:  # the deposit, less the inspection fee, goes back
                    payments.take_payment(s, clerk, ticket_id, payments.CASH, bal.refundable, kind=payments.REFUND,
                                          now=min(now, t + timedelta(minutes=2)), counter=counter)
                elif bal.outstanding > 0 and rng.random() < 0.8:
                    payments.take_payment(s, clerk, ticket_id, rng.choice((payments.CASH, payments.MOBILE)),
                                          bal.outstanding, now=min(now, t + timedelta(minutes=2)), counter=counter)
            add(t, decline)
            refunded = refunded or deposit
    return plan


def _items(rng: random.Random, offer: list[quotes.QuotableItem], ticket: Ticket) -> list[QuoteItem]:
    """What a technician would put on the quote: labour, maybe a visit or a
    pull-back, one or two parts, sometimes a software set-up."""
    by_kind: dict[str, list[quotes.QuotableItem]] = {}
    for item in offer:
        by_kind.setdefault(item.kind, []).append(item)
    out: list[QuoteItem] = []
    labour = by_kind.get(LABOUR, [])
    if labour:
        level = rng.choices(labour, weights=[3 if i.code == "medium" else 2 for i in labour])[0]
        out.append(QuoteItem(LABOUR, level.code))
    if ticket.channel == "phone" and by_kind.get(VISIT):
        out.append(QuoteItem(VISIT))
    elif rng.random() < 0.2 and by_kind.get(TRANSPORT):
        out.append(QuoteItem(TRANSPORT))
    parts = by_kind.get(PART, [])
    for part in rng.sample(parts, k=min(len(parts), rng.choice((0, 1, 1, 1, 2)))):
        out.append(QuoteItem(PART, part.code, qty=1, component=part.component))
    if by_kind.get(SOFTWARE_SETUP) and rng.random() < 0.25:
        out.append(QuoteItem(SOFTWARE_SETUP))
    return out


__all__ = ["fill"]
