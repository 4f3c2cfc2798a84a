"""Loaner and pull-back demo data, made through the loaner services.

:func:`fill` runs after :mod:`frontdesk.demo` made the users and tickets.  It
adds a pool of loaner units for the categories of the tickets' products (some
in maintenance, one retired), pulls back products of open repair tickets
(the ticket moves to "at the workshop" where that is legal), and lends units
on them: the oldest come back (deposit refunded, or kept for damage with the
manager's approval), some stay out past their due date (overdue), the newest
are out and not yet due.  Each ticket is one transaction; a ticket the
services refuse (say a quote leaves no room for a deposit) is lent without
a deposit or skipped.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from frontdesk.billing import payments
from frontdesk.db.engine import Database
from frontdesk.db.models import Product, Ticket, User
from frontdesk.errors import FrontDeskError, ValidationError
from frontdesk.i18n import _
from frontdesk.intake import states
from frontdesk.loaners import service as loaners
from frontdesk.loaners.models import LoanerUnit
from frontdesk.users import MANAGER, Actor

log = logging.getLogger(__name__)

Progress = Callable[[float, str], "bool | None"]
# Open repair tickets whose product can be away at the workshop.
PULLABLE = (states.DIAGNOSING, states.APPROVED, states.IN_REPAIR, states.AT_WORKSHOP, states.AWAITING_PARTS)
MODELS = {
    "refrigerator": ("BCD-160", "BCD-215"), "washing_machine": ("XQB60", "EG80"),
    "television": ('32" LED', '43" LED'), "air_conditioner": ("KFR-26GW", "KFR-35GW"),
    "microwave": ("M1-L213B",), "water_heater": ("EC6002",),
}
CONDITION_OUT = ("外观良好，功能正常", "轻微划痕，功能正常", "九成新，配件齐全")
CONDITION_BACK = ("外观良好，功能正常", "有轻微使用痕迹", "外壳新增划痕")
DAMAGE = ("外壳摔裂", "电源线被剪断", "门把手断裂")
CHECKS = ("外观完好", "有划痕", "有凹痕", "通电正常", "无法开机")
ACCESSORIES = ("电源线", "遥控器", "说明书", "底座")
DEPOSITS = (Decimal("200.00"), Decimal("300.00"), Decimal("500.00"))


def _actors(db: Database) -> tuple[Actor, list[Actor]]:
    with db.read() as s:
        rows = [Actor(u.id, u.name, u.role)
                for u in s.scalars(select(User).where(User.active.is_(True)).order_by(User.id))]
    managers = [u for u in rows if u.role == MANAGER]
    if not managers:
        raise RuntimeError("loaner demo: no active manager")
    clerks = [u for u in rows if u.role != MANAGER] or managers
    return managers[0], clerks


def fill(db: Database, rng: random.Random, now: datetime, progress: Progress | None = None, *,
         counter: str) -> dict[str, int]:
    """Add the loaner demo data (see the module docstring), the deposits taken
    and refunded at ``counter``; returns counts."""
    def report(fraction: float, note: str) -> None:
        if progress is not None:
            progress(fraction, note)

    report(0.0, _("Loaner units"))
    manager, clerks = _actors(db)
    today = now.date()
    with db.read() as s:
        rows = list(s.execute(
            select(Ticket.id, Ticket.state, Ticket.intake_at, Ticket.updated_at, Product.category)
            .join(Product, Product.id == Ticket.product_id)
            .where(Ticket.kind == "repair", Ticket.state.in_(PULLABLE))
            .order_by(Ticket.intake_at, Ticket.id)))
        taken_tags = set(s.scalars(select(LoanerUnit.tag)))
    counts = {"loaner_units": 0, "pullbacks": 0, "loans": 0, "loans_returned": 0, "loans_out": 0,
              "loans_overdue": 0, "deposits_refunded": 0, "deposits_kept": 0}
    categories = sorted({row.category for row in rows}) or ["refrigerator"]
    created = now - timedelta(days=180)
    with db.write() as s:
        for c_index, category in enumerate(categories):
            for n in range(4):
                tag = f"ZZ-{c_index + 1:02d}{n + 1:02d}"
                if tag in taken_tags:
                    continue
                model = rng.choice(MODELS.get(category, ("通用型",)))
                unit = loaners.add_unit(s, manager, tag, category, model, f"LN{rng.randrange(10**7, 10**8)}",
                                        rng.choice(CONDITION_OUT), note="", now=created)
                counts["loaner_units"] += 1
                s.flush()
                if n == 3 and c_index % 2 == 0:
                    loaners.set_maintenance(s, rng.choice(clerks), unit.id, note="更换门封条")
                elif n == 3 and c_index == 1:
                    loaners.retire_unit(s, manager, unit.id, "压缩机老化，报废")

    picked = [row for row in rows if rng.random() < 0.8][:40]
    # Every state the main demo shows keeps at least one ticket in it.
    remaining = Counter(row.state for row in rows)
    returned_n = 0
    for index, row in enumerate(picked, start=1):
        if row.state != states.AT_WORKSHOP:
            if remaining[row.state] <= 1:
                continue
            remaining[row.state] -= 1
        report(0.1 + 0.9 * index / max(1, len(picked)), _("Pull-backs and loaners"))
        clerk = rng.choice(clerks)
        # A ticket already at the workshop went there soon after intake (no
        # move is made); any other moves there after its last change.
        since = row.intake_at if row.state == states.AT_WORKSHOP else row.updated_at
        taken = since + timedelta(minutes=rng.randrange(20, 90))
        if taken >= now - timedelta(hours=1):
            continue
        age = (today - taken.date()).days
        if index % 4 == 0 and age >= 1:
            mode = "overdue"  # due on a day before today
            promised = taken.date() + timedelta(days=rng.randrange(0, age))
        elif index % 4 in (1, 2):
            mode = "returned"
            promised = taken.date() + timedelta(days=rng.randrange(0, age) if age >= 1 else 2)
        else:
            mode = "out"
            promised = max(taken.date(), today) + timedelta(days=rng.randrange(1, 6))
        deposit = rng.choice(DEPOSITS) if mode == "returned" or rng.random() < 0.6 else None
        try:
            with db.write() as s:
                loaners.pull_back(s, clerk, row.id, rng.sample(CHECKS, 2), "", rng.sample(ACCESSORIES, 2),
                                  promised, now=taken)
            counts["pullbacks"] += 1
        except FrontDeskError as exc:
            log.info("demo: no pull-back on ticket %s: %s", row.id, exc.message)
            continue
        with db.read() as s:
            free = [u.tag for u in loaners.available_units(s, row.category)]
        if not free or rng.random() < 0.2:
            continue  # a pull-back without a loaner
        tag = rng.choice(free)
        lent_at = taken + timedelta(minutes=10)
        try:
            with db.write() as s:
                loaners.lend(s, clerk, row.id, tag, condition_out=rng.choice(CONDITION_OUT), deposit=deposit,
                             method=rng.choice((payments.CASH, payments.MOBILE)), now=lent_at, counter=counter)
        except ValidationError as exc:
            if "deposit" not in exc.fields:
                log.info("demo: no loaner on ticket %s: %s", row.id, exc.message)
                continue
            deposit = None
            with db.write() as s:
                loaners.lend(s, clerk, row.id, tag, condition_out=rng.choice(CONDITION_OUT), now=lent_at,
                             counter=counter)
        counts["loans"] += 1
        if mode == "out":
            counts["loans_out"] += 1
            continue
        if mode == "overdue":
            counts["loans_overdue"] += 1
            continue
        back = datetime.combine(promised, lent_at.time()) + timedelta(hours=rng.randrange(0, 5))
        back = min(back, now - timedelta(minutes=30))
        keep = deposit is not None and returned_n % 3 == 0
        if deposit is not None:
            returned_n += 1
        try:
            with db.write() as s:
                loaners.back_at_counter(s, clerk, row.id, now=back)
                loaners.return_loan(
                    s, clerk, tag, rng.choice(CONDITION_BACK[2:] if keep else CONDITION_BACK),
                    damage=rng.choice(DAMAGE) if keep else "", keep_deposit=keep,
                    approver=manager if keep else None, to_maintenance=keep, now=back, counter=counter)
                loaners.hand_back(s, clerk, row.id, now=back)
        except FrontDeskError as exc:
            log.info("demo: loaner %s stays out: %s", tag, exc.message)
            counts["loans_out"] += 1
            continue
        counts["loans_returned"] += 1
        if deposit is not None:
            counts["deposits_kept" if keep else "deposits_refunded"] += 1
    report(1.0, _("Pull-backs and loaners"))
    log.info("loaner demo: %s", counts)
    return counts
