"""Pull-back repairs at the counter: pull a walk-in product back, lend a
loaner by scanning its tag (the scanner types the tag and Enter), see it
lent on the board, take it back, see it available again."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import Approvals

from frontdesk import clock, settings
from frontdesk.billing import payments
from frontdesk.intake import service, states
from frontdesk.loaners import service as loaners
from frontdesk.ui.context import AppContext
from frontdesk.ui.loaners import LoanersScreen
from frontdesk.ui.ticket_detail import TicketDetailDialog
from frontdesk.users import Actor


def test_pull_back_lend_by_scan_and_return(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
                                           approvals: Approvals) -> None:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    now = clock.now()
    with ctx.db.write() as s:
        settings.store(s, {"loaner_deposits": {"mobile_phone": "200"}})
        loaners.add_unit(s, manager, "LN-0007", "mobile_phone", "Redmi 12", "RM12-77")
        loaners.add_unit(s, manager, "LN-0100", "refrigerator", "BCD-100")
        r = service.take_intake(s, ctx.actor, service.IntakeForm(
            channel=service.WALK_IN, name="赵敏", phone="13600001234", category="mobile_phone", brand="华为",
            model="Mate 60", serial="HW-60-1", purchase_date=date(2025, 1, 5), invoice_shown=True,
            fault="主板故障", request="维修", accessories=["Charger"], condition=["scratches"],
            condition_note="边框磕碰"), now=now - timedelta(hours=1))
        service.move(s, ctx.actor, r.ticket_id, states.DIAGNOSING, now=now - timedelta(minutes=30))

    # Pull the product back to the workshop from the ticket.
    dialog = TicketDetailDialog(ctx, r.ticket_id)
    qtbot.addWidget(dialog)
    u = dialog.ui
    assert u.pullBackButton.isEnabled() and not u.backButton.isEnabled()
    pull = dialog.pull_back()
    assert pull is not None
    # what was checked with the customer at intake comes back, to be confirmed
    assert pull.checks["scratches"].isChecked()  # type: ignore[attr-defined]
    assert pull.ui.noteEdit.text() == "边框磕碰"  # type: ignore[attr-defined]
    assert pull.ui.accessoriesEdit.text() == "Charger"  # type: ignore[attr-defined]
    pull.check()  # type: ignore[attr-defined]
    assert u.messageLabel.text() == "Pulled back to the workshop."
    assert not u.pullBackButton.isEnabled()
    assert dialog.view is not None, dialog.ui.messageLabel.text()
    promised = dialog.view.promised_return_on
    assert promised is not None and promised > now.date()

    # The board: scan the tag, Enter, the lend dialog opens with the tag.
    board = LoanersScreen(ctx)
    qtbot.addWidget(board)
    assert "2 units, 0 out" in board.ui.countLabel.text()
    qtbot.keyClicks(board.ui.scanEdit, "LN-0007")
    qtbot.keyClick(board.ui.scanEdit, Qt.Key.Key_Return)
    lend = board.dialog
    assert lend is not None and lend.ui.tagEdit.text() == "LN-0007"  # type: ignore[attr-defined]
    lend.ui.ticketEdit.setText(r.number)  # type: ignore[attr-defined]
    assert lend.offer_units() == ["LN-0007"]  # type: ignore[attr-defined]  # the same category only
    assert lend.ui.introLabel.text() == "Available Mobile phone loaners: LN-0007"  # type: ignore[attr-defined]
    lend.ui.conditionEdit.setText("屏幕完好")  # type: ignore[attr-defined]
    assert lend.ui.depositEdit.text() == "200.00"  # type: ignore[attr-defined]  # the shop's deposit for phones
    lend.check()  # type: ignore[attr-defined]
    assert board.ui.messageLabel.text().startswith(f"Loaner LN-0007 lent on ticket {r.number}")
    statuses = {board.ui.unitsTable.item(i, 0).text(): board.ui.unitsTable.item(i, 4).text()
                for i in range(board.ui.unitsTable.rowCount())}
    assert statuses == {"LN-0007": "Lent", "LN-0100": "Available"}
    assert board.ui.outTable.rowCount() == 1 and board.ui.outTable.item(0, 1).text() == r.number
    assert board.ui.outTable.item(0, 6).text() == "200.00"

    # Lending it again from another dialog is refused, naming the ticket that holds it.
    qtbot.keyClicks(board.ui.scanEdit, "LN-0100")
    qtbot.keyClick(board.ui.scanEdit, Qt.Key.Key_Return)
    other = board.dialog
    other.ui.ticketEdit.setText(r.number)  # type: ignore[attr-defined, union-attr]
    other.ui.tagEdit.setText("LN-0007")  # type: ignore[attr-defined, union-attr]
    other.check()  # type: ignore[union-attr]
    assert r.number in other.ui.messageLabel.text()  # type: ignore[attr-defined, union-attr]

    # The ticket cannot close while the loaner is out.
    with ctx.db.read() as s:
        assert loaners.open_loan_of_ticket(s, r.ticket_id) is not None

    # Scanning the lent tag offers the return.
    qtbot.keyClicks(board.ui.scanEdit, "LN-0007")
    qtbot.keyClick(board.ui.scanEdit, Qt.Key.Key_Return)
    back = board.dialog
    assert back is not None and back.windowTitle() == "Take a loaner back"
    intro = back.ui.introLabel.text()  # type: ignore[attr-defined]
    assert f"Lent on ticket {r.number} to 赵敏" in intro and "out as: 屏幕完好" in intro
    assert "Deposit held: ¥200.00" in intro
    back.ui.conditionEdit.setText("背面有划痕")  # type: ignore[attr-defined]
    back.ui.damageEdit.setText("背面新划痕")  # type: ignore[attr-defined]
    back.ui.keepEdit.setText("50")  # type: ignore[attr-defined]
    back.check()  # type: ignore[attr-defined]  # keeping needs a manager: none came
    assert approvals.asked == ["A manager must approve: keep a loaner deposit"]
    approvals.manager = manager
    back.check()  # type: ignore[attr-defined]
    assert board.ui.messageLabel.text() == "Loaner LN-0007 is back."
    with ctx.db.read() as s:
        bal = payments.balance(s, r.ticket_id)
        assert (bal.deposits_kept, bal.deposits_refunded, bal.deposits_held) == (50, 150, 0)
        kinds = [x.kind for x in payments.list_receipts(s, ticket_id=r.ticket_id)]
    assert kinds == ["deposit", "damage", "deposit_refund"]
    statuses = {board.ui.unitsTable.item(i, 0).text(): board.ui.unitsTable.item(i, 4).text()
                for i in range(board.ui.unitsTable.rowCount())}
    assert statuses["LN-0007"] == "Available" and board.ui.outTable.rowCount() == 0
    row = next(i for i in range(board.ui.unitsTable.rowCount()) if board.ui.unitsTable.item(i, 0).text() == "LN-0007")
    board.ui.unitsTable.selectRow(row)
    history = board.edit_unit()
    assert history is not None
    table = history.ui.historyTable  # type: ignore[attr-defined]
    assert table.rowCount() == 1 and table.item(0, 1).text() == r.number
    assert table.item(0, 4).text() == "屏幕完好 → 背面有划痕 (背面新划痕)"


def test_add_and_edit_a_unit_and_see_its_history(qtbot: QtBot, ctx: AppContext, shop: dict[str, object]) -> None:
    board = LoanersScreen(ctx)
    qtbot.addWidget(board)
    add = board.add_unit()
    au = add.ui  # type: ignore[attr-defined]
    au.tagEdit.setText("LN-0200")
    au.categoryCombo.setCurrentIndex(au.categoryCombo.findData("microwave"))
    au.modelEdit.setText("M1-L213B")
    au.conditionEdit.setText("九成新")
    add.check()  # type: ignore[attr-defined]
    assert board.ui.messageLabel.text() == "Loaner LN-0200 added."
    assert board.ui.unitsTable.rowCount() == 1 and board.ui.unitsTable.item(0, 1).text() == "Microwave oven"
    again = board.add_unit()
    again.ui.tagEdit.setText("LN-0200")  # type: ignore[attr-defined]
    again.check()  # type: ignore[attr-defined]
    assert "LN-0200" in again.ui.messageLabel.text()  # type: ignore[attr-defined]  # the tag is taken: said so
    board.ui.unitsTable.selectRow(0)
    edit = board.edit_unit()
    assert edit is not None and edit.windowTitle() == "Loaner LN-0200"
    edit.ui.serialEdit.setText("SN-9")  # type: ignore[attr-defined]
    assert edit.ui.historyTable.rowCount() == 0  # type: ignore[attr-defined]
    edit.check()  # type: ignore[attr-defined]
    assert board.ui.messageLabel.text() == "Loaner LN-0200 saved."
    assert board.ui.unitsTable.item(0, 3).text() == "SN-9"


def test_the_board_prints_asset_tag_labels(qtbot: QtBot, ctx: AppContext, shop: dict[str, object]) -> None:
    from pypdf import PdfReader

    manager = shop["manager"]
    assert isinstance(manager, Actor)
    with ctx.db.write() as s:
        for tag in ("LN-0301", "LN-0302", "LN-0303"):
            loaners.add_unit(s, manager, tag, "microwave", "M1-L213B")
    board = LoanersScreen(ctx)
    qtbot.addWidget(board)
    board.ui.unitsTable.selectRow(1)
    chosen = board.print_labels()
    assert chosen is not None and chosen.windowTitle() == "Loaner asset tags (1)"
    text = "".join(PdfReader(chosen.pdf).pages[0].extract_text().split())  # type: ignore[attr-defined]
    assert "LN-0302" in text and "LN-0301" not in text and "Microwaveoven" in text
    chosen.close()
    board.ui.unitsTable.clearSelection()  # nothing selected: every unit listed
    qtbot.mouseClick(board.ui.labelsButton, Qt.MouseButton.LeftButton)
    shown = [d for d in board.findChildren(type(chosen)) if d.isVisible()]
    assert len(shown) == 1 and shown[0].windowTitle() == "Loaner asset tags (3)"
    text = "".join(PdfReader(shown[0].pdf).pages[0].extract_text().split())  # type: ignore[attr-defined]
    assert all(tag in text for tag in ("LN-0301", "LN-0302", "LN-0303"))


def test_a_manager_sets_the_deposit_per_category_and_the_tax_switches(qtbot: QtBot, ctx: AppContext,
                                                                        shop: dict[str, object],
                                                                        approvals: Approvals) -> None:
    """The shop profile: deposits by category named as people name them,
    the VAT switches as check boxes; a line it cannot read is refused."""
    from frontdesk.ui.settings_screen import SettingsScreen

    manager = shop["manager"]
    assert isinstance(manager, Actor)
    approvals.manager = manager
    screen = SettingsScreen(ctx)
    qtbot.addWidget(screen)
    deposits, included = screen.inputs["loaner_deposits"], screen.inputs["prices_include_tax"]
    assert included.isChecked() and deposits.text() == ""  # type: ignore[attr-defined]
    deposits.setText("Refrigerator: 500； mobile_phone： ¥200")  # type: ignore[attr-defined]
    included.setChecked(False)  # type: ignore[attr-defined]
    screen.save_profile()
    assert screen.ui.profileMessage.text() == "The shop profile is saved."
    with ctx.db.read() as s:
        assert settings.get(s, "loaner_deposits") == {"refrigerator": "500.00", "mobile_phone": "200.00"}
        assert settings.get(s, "prices_include_tax") is False
    again = SettingsScreen(ctx)
    qtbot.addWidget(again)
    assert again.inputs["loaner_deposits"].text() == "Refrigerator: 500.00; Mobile phone: 200.00"  # type: ignore[attr-defined]
    again.inputs["loaner_deposits"].setText("Spaceship: 9")  # type: ignore[attr-defined]
    again.save_profile()
    assert again.ui.profileMessage.text() == ('Loaner deposit by category cannot read "Spaceship: 9": write a '
                                              'category, a colon and an amount')


def test_a_walk_in_product_is_at_the_shop_until_picked_up(qtbot: QtBot, ctx: AppContext, shop: dict[str, object]
                                                          ) -> None:
    """Handed in at the counter, a walk-in's product is not "with the customer"."""
    first = shop["first_ticket"]
    dialog = TicketDetailDialog(ctx, first.ticket_id)  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.ui.whereValueLabel.text() == "At the shop: handed in at the counter"
