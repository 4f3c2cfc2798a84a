"""The claims in the window (docs/rules.md#claims-to-the-makers): a warranty
repair recorded through the repair dialog drafts its claim, which the
Claims page lists (late red, due soon orange), totals and opens; the
maker's claim number is recorded from there; a settlement paying it short
puts it on the appeal list."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import record_thermostat_repair, type_text

from frontdesk import clock
from frontdesk.claims import service as claims
from frontdesk.claims.models import Claim
from frontdesk.db.models import Ticket
from frontdesk.intake import states
from frontdesk.ui import claims as claims_page
from frontdesk.ui.context import AppContext
from frontdesk.ui.row_table import LATE, SOON
from frontdesk.ui.ticket_detail import TicketDetailDialog
from frontdesk.users import Actor
from tests.claims.claim_helpers import add_maker, add_standard, warranty_ticket

FRIDAY = datetime(2026, 11, 27, 15, 0)  # the claim is due three working days on: Wednesday 2026-12-02


@pytest.fixture
def haier(ctx: AppContext, shop: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> int:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    maker = add_maker(ctx.db)
    add_standard(ctx.db, manager, maker)
    monkeypatch.setattr(clock, "now", lambda: FRIDAY)
    return warranty_ticket(ctx.db, ctx.actor, km="18.0", at=datetime(2026, 11, 20, 10, 0))


def _cells(page: claims_page.ClaimsScreen) -> list[dict[str, str]]:
    model = page.model
    return [{key: model.data(model.index(r, c)) for c, (key, _t) in enumerate(claims_page.COLUMNS)}
            for r in range(model.rowCount())]


def test_a_warranty_repair_drafts_its_claim_listed_submitted_and_appealed(
        qtbot: QtBot, ctx: AppContext, haier: int, shop: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    detail = TicketDetailDialog(ctx, haier)
    qtbot.addWidget(detail)
    record_thermostat_repair(detail)
    assert ctx.read(lambda s: s.get(Ticket, haier).state) == states.REPAIRED  # type: ignore[union-attr]

    page = claims_page.ClaimsScreen(ctx)
    qtbot.addWidget(page)
    rows = _cells(page)
    # medium refrigerator labour 120.00 + the 10-30 km band 25.00 + the thermostat's handling 10.00
    assert [(c["maker"], c["state"], c["repaired"], c["due"], c["claimed"]) for c in rows] == [
        ("HAIER", "Drafted", "2026-11-27", "2026-12-02", "¥155.00")]
    assert page.ui.totalsLabel.text() == "1 claim: claimed ¥155.00, paid ¥0.00, short ¥0.00, rejected ¥0.00"
    assert rows[0]["flag"] == "due soon" and page._brush(page.model.all_rows[0]) is SOON
    opened: list[int] = []
    page.open_requested.connect(opened.append)
    page.ui.table.selectRow(0)
    page.open_ticket()
    assert opened == [haier]

    # Nothing submitted by Wednesday: on Thursday it is late, and red.
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 3, 9, 0))
    page.ui.stateCombo.setCurrentIndex(page.ui.stateCombo.findData(claims_page.TO_ACT))
    assert [c["flag"] for c in _cells(page)] == ["late"]
    assert page._brush(page.model.all_rows[0]) is LATE

    page.ui.table.selectRow(0)
    assert page.submit("HC-2026-77")
    assert page.ui.messageLabel.text().startswith("Claim C2026-000001 submitted (HC-2026-77).")
    page.ui.stateCombo.setCurrentIndex(page.ui.stateCombo.findData(claims_page.OPEN))
    assert [(c["state"], c["maker_no"], c["flag"]) for c in _cells(page)] == [("Submitted", "HC-2026-77", "")]

    claim_id = ctx.read(lambda s: s.query(Claim.id).scalar())
    with ctx.db.write() as s:  # the maker pays it short on 2026-12-10
        claims.settle_claim(s, ctx.actor, claim_id, "120.00", "里程超标准", date(2026, 12, 10))
    page.ui.stateCombo.setCurrentIndex(page.ui.stateCombo.findData(claims_page.TO_APPEAL))
    rows = _cells(page)
    # appealed within the standard's 5 working days: Thursday 2026-12-10 + 5 = Thursday 2026-12-17
    assert [(c["state"], c["paid"], c["short"], c["appeal"]) for c in rows] == [
        ("Paid short", "¥120.00", "¥35.00", "2026-12-17")]
    assert page.ui.totalsLabel.text() == "1 claim: claimed ¥155.00, paid ¥120.00, short ¥35.00, rejected ¥0.00"


def test_the_maker_order_number_is_typed_at_intake(qtbot: QtBot, ctx: AppContext) -> None:
    from frontdesk.ui.intake import IntakeScreen

    screen = IntakeScreen(ctx)
    qtbot.addWidget(screen)
    u = screen.ui
    type_text(u.nameEdit, "赵六")
    type_text(u.phoneEdit, "13911112222")
    u.categoryCombo.setCurrentIndex(u.categoryCombo.findData("refrigerator"))
    type_text(u.brandEdit, "海尔")
    type_text(u.faultEdit, "不制冷")
    type_text(u.makerOrderEdit, "SO-88001")
    saved: list[int] = []
    screen.ticket_saved.connect(lambda ticket_id, _number: saved.append(ticket_id))
    screen.save()
    assert len(saved) == 1
    assert ctx.read(lambda s: s.get(Ticket, saved[0]).maker_order_no) == "SO-88001"  # type: ignore[union-attr]
    assert u.makerOrderEdit.text() == ""  # the next intake starts empty
