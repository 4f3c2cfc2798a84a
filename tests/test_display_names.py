"""People by their names: screens and paper show a user's full name (李小红),
the login name (li) only when no full name was given; one helper,
``frontdesk.users.display_name``, says it everywhere."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pdfcheck import pdf_text
from sqlalchemy import select

from frontdesk import users
from frontdesk.billing import payments
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import User
from frontdesk.headoffice.export import export_workbook
from frontdesk.printing import documents
from frontdesk.users import Actor
from tests.dayclose.test_day_close import DAY, at, known_day


def chinese_staff(db: Database) -> tuple[Actor, Actor, Actor]:
    """王经理 (wang), 李小红 (li), and zhao, who gave no full name."""
    with db.write() as s:
        w = users.add_user(s, None, "wang", users.MANAGER, "1111", "王经理")
        wang = Actor(w.id, w.name, w.role)
        li_ = users.add_user(s, wang, "li", users.CLERK, "2222", "李小红")
        z = users.add_user(s, wang, "zhao", users.CLERK, "3333", "  ")
        return wang, Actor(li_.id, li_.name, li_.role), Actor(z.id, z.name, z.role)


def test_the_one_helper_falls_back_to_the_login_name(sqlite_db: Database) -> None:
    wang, li, zhao = chinese_staff(sqlite_db)
    with sqlite_db.read() as s:
        assert users.display_name(s, li.id) == "李小红"
        assert users.display_name(s, zhao.id) == "zhao"
        assert users.display_name(s, None) is None and users.display_name(s, 999) is None
        assert users.display_names(s) == {wang.id: "王经理", li.id: "李小红", zhao.id: "zhao"}
        shown = dict(s.execute(select(User.id, users.display_name_column())).all())
        assert shown == users.display_names(s)
        assert users.shown_name(s.get(User, zhao.id)) == "zhao" and users.shown_name(None) == ""


def test_a_receipt_and_the_day_close_name_people_by_their_full_names(sqlite_db: Database, tmp_path: Path) -> None:
    wang, li, _zhao = chinese_staff(sqlite_db)
    known_day(sqlite_db, wang, li)
    with sqlite_db.read() as s:
        (first, *_rest) = payments.list_receipts(s, day=DAY)
        view = payments.receipt_view(s, first.id)
        assert first.issued_by == "李小红" and view.issued_by == "李小红"
        assert any("李小红" in line for line in view.text.splitlines()) and " li" not in view.text
        pdf = documents.print_receipt(s, first.number, tmp_path / "r.pdf", language="en")
    text = "".join(pdf_text(pdf).split())
    assert "Clerk:李小红" in text
    with sqlite_db.write() as s:
        dayclose.save_count(s, li, DAY, "500", "598", counter="main", now=at(18))
        with_clerk = dayclose.day_figures(s, DAY, counter="main")
        figures = dayclose.close_day(s, wang, DAY, counter="main", now=at(18, 10))
    assert with_clerk.counted_by == "李小红"
    assert (figures.closed_by, figures.approved_by) == ("王经理", "王经理")
    assert figures.voids[0].approver == "王经理"
    with sqlite_db.read() as s:
        assert dayclose.day_figures(s, DAY, counter="main").closed_by == "王经理"
        assert [c.closed_by for c in dayclose.list_closes(s, DAY, DAY)] == ["王经理"]
        pdf = documents.print_reconciliation(s, DAY, tmp_path / "day.pdf", counter="main", language="en")
    assert "by王经理,approvedby王经理" in "".join(pdf_text(pdf).split())


def test_the_head_office_workbook_names_the_approving_manager(sqlite_db: Database, tmp_path: Path) -> None:
    wang, li, _zhao = chinese_staff(sqlite_db)
    known_day(sqlite_db, wang, li)
    result = export_workbook(sqlite_db, None, tmp_path / "shop.xlsx", DAY, DAY, language="en")
    sheet = load_workbook(result.path, read_only=True)["receipts"]
    cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
    assert "王经理" in cells and "wang" not in cells
