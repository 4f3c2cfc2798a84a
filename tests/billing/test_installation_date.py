"""Software set-up counts from the installation (docs/rules.md#software-set-up):
an installation ticket done on day D sets its product's installation date,
and a repair of that product later prices the set-up from it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from frontdesk.billing import quotes
from frontdesk.billing.pricing import APPLIED_FREE, QuoteItem
from frontdesk.db.engine import Database
from frontdesk.db.models import Product
from frontdesk.errors import NeedsManager
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.users import Actor
from tests.billing.billing_helpers import D, add_schedule, fridge_form

DONE = datetime(2026, 3, 2, 15, 0)  # day D: the technician installed the fridge
SOFTWARE = [QuoteItem("software_setup")]


def installed(db: Database, clerk: Actor) -> int:
    """A phone installation request, done on D; returns the product's id."""
    form = fridge_form(channel=intake.PHONE, kind=intake.INSTALLATION, address="北京市海淀区中关村大街27号",
                       purchase_date=date(2026, 2, 25), fault="", request="安装")
    with db.write() as s:
        result = intake.take_intake(s, clerk, form, now=DONE - timedelta(days=2))
        intake.move(s, clerk, result.ticket_id, states.IN_REPAIR, now=DONE)
        ticket = intake.move(s, clerk, result.ticket_id, states.REPAIRED, now=DONE)
        assert ticket.product is not None and ticket.product.installed_on == DONE.date()
        intake.move(s, clerk, result.ticket_id, states.CLOSED, now=DONE + timedelta(hours=1))
        return ticket.product.id


def repair_later(db: Database, clerk: Actor, at: datetime, product_id: int) -> int:
    """The same customer brings the same fridge back for a repair."""
    with db.write() as s:
        result = intake.take_intake(s, clerk, fridge_form(purchase_date=date(2026, 2, 25)), now=at)
        ticket = intake.move(s, clerk, result.ticket_id, states.DIAGNOSING, now=at)
        assert ticket.product_id == product_id
        return result.ticket_id


def test_software_set_up_is_free_20_days_after_the_installation_and_charged_4_months_after(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    product_id = installed(db, clerk)

    soon = repair_later(db, clerk, DONE + timedelta(days=20), product_id)
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, soon, SOFTWARE, now=DONE + timedelta(days=20))  # no manager asked
        (line,) = quote.lines
        assert (line.applied, line.amount, quote.total) == (APPLIED_FREE, D("0.00"), D("0.00"))
        assert "within one month of installation" in line.reason
        assert quote.software_decided_by_id is None

    between = repair_later(db, clerk, DONE + timedelta(days=61), product_id)
    with db.read() as s:
        assert quotes.preview_quote(s, between, SOFTWARE).needs_decision  # one to three months: a manager decides
    with db.write() as s, pytest.raises(NeedsManager):
        quotes.make_quote(s, clerk, between, SOFTWARE, now=DONE + timedelta(days=61))

    late = DONE + timedelta(days=122)  # four months on
    later = repair_later(db, clerk, late, product_id)
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, later, SOFTWARE, now=late)
        (line,) = quote.lines
        assert line.applied != APPLIED_FREE and line.amount == D("50.00")
        assert quote.software_decided_by_id is None  # charged by the rule: nobody had to decide
        product = s.get(Product, product_id)
        assert product is not None and product.installed_on == DONE.date()  # a later ticket keeps the first date
