"""In Chinese, no internal key and no stray English word reaches a screen
or a paper (issue 16, "one language").

A shop filled by the demo in Chinese; the program in Chinese.  The test
builds each page of the main window and a ticket's dialog (both tabs),
collects every text a person can read there (labels, buttons, group-box
titles, tabs, combo items, table cells and headers, tree items, text
boxes), prints each document to PDF and reads its text back, and fails on

- a key of one of the domain's code lists (categories, accessories,
  states, receipt kinds, payment methods, call-back outcomes, fault
  categories, repair actions, fee-line kinds...) as a whole word;
- an English word of three letters or more not in ``ALLOWED``: the names
  the data itself carries (brands and models come from the demo's data and
  are matched by their own text), and the few marks that stay in Latin
  letters in Chinese too.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from frontdesk import demo, i18n
from frontdesk.billing import payments, pricing, quotes
from frontdesk.billing.models import FeeLine
from frontdesk.claims.models import Maker, MakerBrand
from frontdesk.dayclose.models import DayClose
from frontdesk.db.engine import Database
from frontdesk.db.models import Customer, Product, Technician, Ticket, User
from frontdesk.followup import service as followup
from frontdesk.followup.models import FeedbackCard
from frontdesk.intake import faults, service, states
from frontdesk.intake.warranty import load_category_rules
from frontdesk.loaners import service as loaners
from frontdesk.printing import documents
from frontdesk.ui.book_visit import BookVisitDialog
from frontdesk.ui.context import AppContext
from frontdesk.ui.correct_dialog import CorrectDialog
from frontdesk.ui.export_dialog import ExportDialog
from frontdesk.ui.help_dialog import HelpDialog
from frontdesk.ui.loan_dialogs import LoanDialog, PullBackDialog, UnitDialog
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.payment_dialog import PaymentDialog
from frontdesk.ui.pickup_dialog import PickupDialog
from frontdesk.ui.qt_support import apply_language
from frontdesk.ui.repair_dialog import RepairDialog
from frontdesk.ui.ticket_detail import TicketDetailDialog
from frontdesk.ui.visits import VisitsDialog
from frontdesk.users import Actor
from tests.zh_paper import ALLOWED, PendingCatalog, pdf_text, problems


def internal_keys() -> set[str]:
    """Every key of the code lists that a person must never read as such."""
    keys: set[str] = set(load_category_rules())
    keys |= set(service.COMMON_ACCESSORIES) | set(service.CONDITION_LABELS) | set(service.KINDS)
    keys |= set(states.LABELS) | set(payments.RECEIPT_KINDS) | set(payments.METHOD_LABELS)
    keys |= set(followup.OUTCOMES) | set(followup.REASONS) | set(faults.ACTIONS) | set(faults.fault_keys())
    keys |= set(pricing.KINDS) | set(pricing.APPLIED_LABELS) | set(quotes.STATE_LABELS)
    keys |= set(loaners.STATUSES) | set(loaners.DEPOSIT_OUTCOMES) | set(loaners.LOCATIONS)
    return {k for k in keys if isinstance(k, str) and len(k) > 2}


def columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps its one column private
        return 1


def model_texts(model: QAbstractItemModel | None, parent: QModelIndex = QModelIndex(), depth: int = 0) -> Iterator[str]:
    if model is None or depth > 3:
        return
    if not parent.isValid():
        for i in range(columns(model, parent)):
            yield str(model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(columns(model, parent)):
            index = model.index(row, column, parent)
            yield str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            yield str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
        if isinstance(model, QStandardItemModel) or type(model).__name__ == "QTreeModel":
            yield from model_texts(model, model.index(row, 0, parent), depth + 1)


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a person can read in ``root``."""
    for w in [root, *root.findChildren(QWidget)]:
        where = w.objectName() or type(w).__name__
        texts: list[str] = [w.toolTip()]
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        elif isinstance(w, QTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):  # a table's headers: with it
            texts += list(model_texts(w.model()))
        for text in texts:
            if text:
                yield where, re.sub(r"<[^>]+>", " ", text)  # rich text: the words, not the tags


@pytest.fixture
def chinese(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    code, real = i18n._catalog("zh_CN")
    assert code == "zh_CN" and isinstance(real, gettext.GNUTranslations)
    monkeypatch.setitem(i18n._catalogs, "zh_CN", PendingCatalog(real))
    apply_language(qapp, "zh_CN")
    yield
    monkeypatch.undo()
    apply_language(qapp, "en")
    i18n.set_language("en")


@pytest.fixture
def filled(sqlite_db: Database) -> Database:
    demo.fill(sqlite_db, demo.DemoOptions(days=3, seed=7, language="zh_CN", close_days=True,
                                          now=datetime(2026, 11, 20, 17, 0)))
    return sqlite_db


def data_words(db: Database) -> set[str]:
    """The Latin words the shop's own data carries: brands, models, serials,
    part numbers, people's names, what a customer said in English."""
    words: set[str] = set()
    with db.read() as s:
        for row in s.execute(select(Product.brand, Product.model, Product.serial)):
            for value in row:
                words |= set(re.findall(r"[A-Za-z]+", value or ""))
        for fault, request in s.execute(select(Ticket.fault, Ticket.request)):  # as the customer said it
            words |= set(re.findall(r"[A-Za-z]+", f"{fault} {request}"))
        for name in s.scalars(select(Customer.name)):
            words |= set(re.findall(r"[A-Za-z]+", name or ""))
        for code in s.scalars(select(FeeLine.code)):  # part numbers
            words |= set(re.findall(r"[A-Za-z]+", code or ""))
        for tech in s.scalars(select(Technician.name)):
            words |= set(re.findall(r"[A-Za-z]+", tech or ""))
        for user in s.scalars(select(User)):
            words |= set(re.findall(r"[A-Za-z]+", f"{user.name} {user.full_name or ''}"))
        for unit in loaners.list_units(s):
            words |= set(re.findall(r"[A-Za-z]+", f"{unit.tag} {unit.model} {unit.serial}"))
        for code, name in s.execute(select(Maker.code, Maker.name)):  # a maker's code is A-Z by rule
            words |= set(re.findall(r"[A-Za-z]+", f"{code} {name}"))
        for brand in s.scalars(select(MakerBrand.brand)):
            words |= set(re.findall(r"[A-Za-z]+", brand or ""))
    return words


def a_manager(db: Database) -> Actor:
    with db.read() as s:
        user = s.scalars(select(User).where(User.role == "manager")).first()
        assert user is not None
        return Actor(user.id, user.name, user.role)


def test_screens_and_papers_speak_chinese(qtbot: QtBot, chinese: None, filled: Database, tmp_path: Path) -> None:
    keys = internal_keys()
    allowed = ALLOWED | data_words(filled)
    ctx = AppContext(filled, a_manager(filled), "main", ask_manager=lambda _p, _w: None)
    found: list[tuple[str, str]] = []

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for key in list(window.pages):
        page = window.show_page(key)
        QApplication.processEvents()
        for tab in page.findChildren(QTabWidget):
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
                QApplication.processEvents()
        found += [(f"{key}/{w}", t) for w, t in widget_texts(page)]
    found += [(f"window/{w}", t) for w, t in widget_texts(window)]

    with filled.read() as s:
        tickets = [(t.id, t.number) for t in s.scalars(select(Ticket).order_by(Ticket.id))]
        picked = [(t.id, t.number) for t in s.scalars(select(Ticket).where(Ticket.picked_up_at.is_not(None)))]
        closed_days = {(c.day, c.counter) for c in s.scalars(select(DayClose))}
        card_tickets = [t.number for t in s.scalars(select(Ticket).join(FeedbackCard,
                                                                          FeedbackCard.ticket_id == Ticket.id))]
        receipts = [r.number for r in payments.list_receipts(s)]
    assert tickets and picked and receipts and card_tickets and closed_days
    for ticket_id in {picked[0][0], *(t for t, _n in tickets[:: max(1, len(tickets) // 10)])}:
        dialog = TicketDetailDialog(ctx, ticket_id)
        qtbot.addWidget(dialog)
        for tab in dialog.findChildren(QTabWidget):
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
                QApplication.processEvents()
                found += [(f"ticket/{w}", t) for w, t in widget_texts(dialog)]
        dialog.close()

    # The dialogs a ticket's steps open, on a ticket of the demo.
    ready = picked[0][0]
    with filled.read() as s:
        product = s.get_one(Ticket, ready).product
        category = product.category if product is not None else ""
    steps: list[QWidget] = [
        PaymentDialog(ctx, ready, Decimal("120.00")), PaymentDialog(ctx, ready, Decimal("500.00"), kind="deposit"),
        RepairDialog(ctx, ready), PickupDialog(ctx, ready), BookVisitDialog(ctx, ready), CorrectDialog(ctx, ready),
        PullBackDialog(ctx, ready, category, ["charger", "memory_card"]), LoanDialog(ctx, "return"),
        UnitDialog(ctx), VisitsDialog(ctx), HelpDialog(),
        ExportDialog(ctx, datetime(2026, 11, 1).date(), datetime(2026, 11, 30).date()),
    ]
    for step in steps:
        qtbot.addWidget(step)
        found += [(f"{type(step).__name__}/{w}", t) for w, t in widget_texts(step)]

    papers: list[Path] = []
    with filled.read() as s:
        for number in receipts[:6]:
            papers.append(documents.print_receipt(s, number, tmp_path / f"{number}.pdf"))
            papers.append(documents.print_receipt(s, number, tmp_path / f"{number}-80.pdf", size="80mm"))
        for _id, number in picked[:3]:
            papers.append(documents.print_pickup(s, number, tmp_path / f"pickup-{number}.pdf"))
        for ticket_id, number in tickets:
            if loaners.last_pullback(s, ticket_id) is not None and len(papers) < 40:
                papers.append(documents.print_pullback(s, number, tmp_path / f"pb-{number}.pdf"))
            if loaners.ticket_loans(s, ticket_id) and len(papers) < 40:
                papers.append(documents.print_agreement(s, number, tmp_path / f"loan-{number}.pdf"))
        papers.append(documents.print_feedback_card(s, card_tickets[0], tmp_path / "card.pdf"))
        papers.append(documents.print_labels(s, None, tmp_path / "labels.pdf"))
        for day, counter in sorted(closed_days | {(datetime(2026, 11, 20).date(), "main")}):
            papers.append(documents.print_reconciliation(s, day, tmp_path / f"close-{day}.pdf", counter))
    assert any(p.name.startswith("pb-") for p in papers) and any(p.name.startswith("loan-") for p in papers)
    for paper in papers:
        found += [(paper.name, line) for line in pdf_text(paper).splitlines()]

    bad = problems(found, keys, allowed)
    assert not bad, "\n".join(bad)


def test_the_check_sees_a_key_and_an_english_word() -> None:
    keys = {"memory_card", "reached_fine"}
    found = [("x", "附件：memory_card"), ("y", "结果 reached_fine"), ("z", "现金 Cash"), ("w", "海尔 BCD-216 PIN"),
             ("v", "柜台 main"), ("u", "配件 DS-MAIN")]
    assert len(problems(found, keys, ALLOWED | {"BCD", "MAIN"})) == 4
