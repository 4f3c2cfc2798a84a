"""Loaner and pull-back demo data, made through the loaner services.

The main demo (:mod:`frontdesk.demo`) runs each ticket's life in time order;
this module gives it the loaner steps:

- :func:`setup_units`, before the first ticket: a pool of loaner units for
  the product categories (some in maintenance, one retired);
- :func:`pull_back`: a product that cannot be fixed where it is goes to the
  workshop (while it is diagnosed or in repair: the ticket's state does not
  change), and a unit of its category is lent when one is free, sometimes
  against a deposit;
- :func:`take_back`: the loaner comes back when the customer collects the
  product (deposit refunded, or kept for damage with the manager's
  approval).

Loans still out at the end are those of products not yet collected: some
past their due date (overdue).  :func:`counts` says what the pool holds.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.billing import payments
from frontdesk.db.engine import Database
from frontdesk.loaners import service as loaners
from frontdesk.loaners.models import Loan, LoanerUnit, PullBack
from frontdesk.money import round_money
from frontdesk.users import Actor

log = logging.getLogger(__name__)

MODELS = {
    "refrigerator": ("BCD-160", "BCD-215"), "washing_machine": ("XQB60", "EG80"),
    "colour_tv": ('32" LED', '43" LED'), "air_conditioner": ("KFR-26GW", "KFR-35GW"),
    "microwave": ("M1-L213B",), "water_heater": ("EC6002",), "mobile_phone": ("备用机 Redmi 12C", "备用机 nova 9"),
    "computer": ("备用笔记本 ThinkPad E14",), "tablet": ("备用平板 MatePad SE",),
}
UNITS_PER_CATEGORY = 4
CONDITION_OUT = ("外观良好，功能正常", "轻微划痕，功能正常", "九成新，配件齐全")
CONDITION_BACK = ("外观良好，功能正常", "有轻微使用痕迹", "外壳新增划痕")
DAMAGE = ("外壳摔裂", "电源线被剪断", "门把手断裂")
CHECKS = ("外观完好", "有划痕", "有凹痕", "通电正常", "无法开机")
ACCESSORIES = ("电源线", "遥控器", "说明书", "底座")
DEPOSITS = (Decimal("200.00"), Decimal("300.00"), Decimal("500.00"))
KEPT_SHARES = (Decimal("0.2"), Decimal("0.4"), Decimal("1"))  # of the deposit, kept for damage
PULL_NOTES = ("需要专用设备，拉回维修站", "上门无法修复，拉修", "已开具拉修收条", "")


def setup_units(session: Session, rng: random.Random, manager: Actor, clerk: Actor, categories: Iterable[str],
                now: datetime) -> int:
    """A few units per category (tags ``ZZ-ccnn``), the last of some in
    maintenance and one retired; tags already in the pool are skipped.
    Returns how many were added."""
    taken = set(session.scalars(select(LoanerUnit.tag)))
    added = 0
    for c_index, category in enumerate(sorted(set(categories))):
        for n in range(UNITS_PER_CATEGORY):
            tag = f"ZZ-{c_index + 1:02d}{n + 1:02d}"
            if tag in taken:
                continue
            unit = loaners.add_unit(session, manager, tag, category, rng.choice(MODELS.get(category, ("通用型",))),
                                    f"LN{rng.randrange(10**7, 10**8)}", rng.choice(CONDITION_OUT), note="", now=now)
            added += 1
            session.flush()
            if n == UNITS_PER_CATEGORY - 1 and c_index % 3 == 0:
                loaners.set_maintenance(session, clerk, unit.id, note="更换门封条", now=now)
            elif n == UNITS_PER_CATEGORY - 1 and c_index == 1:
                loaners.retire_unit(session, manager, unit.id, "压缩机老化，报废", now=now)
    return added


def pull_back(session: Session, clerk: Actor, ticket_id: int, category: str, promised: date, now: datetime,
              rng: random.Random, *, lend: bool, deposit: bool, counter: str) -> None:
    """Pull the product back (the pull-back receipt's facts) and, with
    ``lend``, lend a free unit of its category (with a deposit when asked)."""
    loaners.pull_back(session, clerk, ticket_id, rng.sample(CHECKS, 2), rng.choice(PULL_NOTES),
                      rng.sample(ACCESSORIES, rng.randint(0, 2)), promised, now=now)
    if not lend:
        return
    free = [u.tag for u in loaners.available_units(session, category)]
    if not free:
        return  # the pool of this category is out: a pull-back without a loaner
    tag = rng.choice(free)
    amount = rng.choice(DEPOSITS) if deposit else None
    method = rng.choice((payments.CASH, payments.MOBILE))
    loaners.lend(session, clerk, ticket_id, tag, condition_out=rng.choice(CONDITION_OUT), deposit=amount,
                 method=method, now=now, counter=counter)


def take_back(session: Session, clerk: Actor, manager: Actor, ticket_id: int, now: datetime, rng: random.Random,
              *, keep: bool, counter: str) -> None:
    """The ticket's loaner (if one is out) comes back; with ``keep`` and a
    deposit taken, it came back damaged and the manager keeps part of the
    deposit (or all of it) for the damage; the rest is refunded."""
    loan = loaners.open_loan_of_ticket(session, ticket_id)
    if loan is None:
        return
    keep = keep and bool(loan.deposit)
    kept = round_money((loan.deposit or Decimal(0)) * rng.choice(KEPT_SHARES)) if keep else None
    loaners.return_loan(session, clerk, loan.id, rng.choice(CONDITION_BACK[2:] if keep else CONDITION_BACK),
                        damage=rng.choice(DAMAGE) if keep else "", keep=kept,
                        approver=manager if keep else None, to_maintenance=keep, now=now, counter=counter)


def counts(db: Database, today: date) -> dict[str, int]:
    with db.read() as s:
        def count(query: object) -> int:
            return int(s.scalar(query) or 0)  # type: ignore[call-overload]

        overdue = len(loaners.overdue(s, today))
        return {
            "loaner_units": count(select(func.count(LoanerUnit.id))),
            "pullbacks": count(select(func.count(PullBack.id))),
            "loans": count(select(func.count(Loan.id))),
            "loans_returned": count(select(func.count(Loan.id)).where(Loan.returned_at.is_not(None))),
            "loans_out": count(select(func.count(Loan.id)).where(Loan.returned_at.is_(None))) - overdue,
            "loans_overdue": overdue,
            "deposits_refunded": count(select(func.count(Loan.id)).where(Loan.deposit_outcome == loaners.REFUNDED)),
            "deposits_kept": count(select(func.count(Loan.id)).where(Loan.deposit_outcome == loaners.KEPT)),
        }


__all__ = ["counts", "pull_back", "setup_units", "take_back"]
