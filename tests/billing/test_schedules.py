"""Fee schedules: versions by intake date, only a manager changes them, a
used version never changes, and the workbook is refused as a whole with
every problem listed (and nothing changed), or round-trips intact."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from frontdesk import audit
from frontdesk.billing import schedules
from frontdesk.billing.models import FeeLine, FeeSchedule
from frontdesk.billing.quotes import make_quote
from frontdesk.cli import main
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord
from frontdesk.errors import NeedsManager, NotFound
from frontdesk.users import Actor
from tests.billing.billing_helpers import MANAGER_PIN, NOW, WORKED, add_schedule, diagnosing_ticket, schedule_draft

D = Decimal


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (int(s.scalar(select(func.count(FeeSchedule.id))) or 0),
                int(s.scalar(select(func.count(FeeLine.id))) or 0),
                int(s.scalar(select(func.count(AuditRecord.id))) or 0))


def test_the_default_schedule_is_valid_and_realistic(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    draft = schedules.default_schedule()
    assert schedules.check_draft(draft) == []
    kinds = {ln.kind for ln in draft.lines}
    assert kinds == {"labour", "visit", "transport", "inspection", "part", "software_setup"}
    assert all(isinstance(ln.price, Decimal) for ln in draft.lines)
    with db.write() as s:
        schedule = schedules.install_default_schedule(s, manager, now=NOW)
        view = schedules.schedule_view(schedule, "refrigerator")
    assert view.price("labour", "medium") == D("120.00")
    assert view.price("visit", "", D("15")) == D("40.00")  # 30 + 5 km x 2.00
    assert view.price("part", "bx-comp-qd65") == D("680.00")


def test_a_ticket_is_priced_by_the_version_in_force_on_its_intake_day(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.read() as s, pytest.raises(NotFound, match="No fee schedule is in force on 2026-05-31"):
        schedules.schedule_in_force(s, date(2026, 5, 31))
    old = add_schedule(db, manager, effective=date(2026, 1, 1), labour="120.00")
    new = add_schedule(db, manager, effective=date(2026, 6, 1), name="2026 H2", labour="150.00")
    before = diagnosing_ticket(db, clerk, at=datetime(2026, 5, 31, 17, 0))
    after = diagnosing_ticket(db, clerk, at=datetime(2026, 6, 1, 9, 0), serial="OTHER-1")
    with db.write() as s:
        # Quoted on the same day, long after: the intake day decides.
        q1 = make_quote(s, clerk, before, WORKED[:1], now=NOW)
        q2 = make_quote(s, clerk, after, WORKED[:1], now=NOW)
        assert (q1.schedule_id, q1.lines[0].unit_price) == (old, D("120.00"))
        assert (q2.schedule_id, q2.lines[0].unit_price) == (new, D("150.00"))
        assert schedules.schedule_in_force(s, date(2026, 5, 31)).id == old
        assert schedules.schedule_in_force(s, date(2027, 1, 1)).id == new
        listed = schedules.list_schedules(s, today=date(2026, 11, 24))
    assert [(r.id, r.in_force, r.used) for r in listed] == [(new, True, True), (old, False, True)]


def test_only_a_manager_changes_the_schedule(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s, pytest.raises(NeedsManager):
        schedules.save_schedule(s, clerk, schedule_draft())
    with db.write() as s:
        saved = schedules.save_schedule(s, clerk, schedule_draft(), approver=manager)
        rec = audit.records(s, action="fees.save")[0]
    assert (rec.user_id, rec.approver_id, rec.entity_id) == (clerk.id, manager.id, str(saved.id))


def test_a_used_version_stays_and_no_version_moves_quoted_tickets(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager, effective=date(2026, 1, 1))
    ticket = diagnosing_ticket(db, clerk, at=datetime(2026, 11, 20, 10, 0))
    with db.write() as s:
        make_quote(s, clerk, ticket, WORKED, now=NOW)
    for day, text in [(date(2026, 1, 1), "has already priced quotes"),
                      (date(2026, 11, 1), "is in the past and 1 quote was already priced by \"2026\"")]:
        with db.write() as s, pytest.raises(schedules.ScheduleRefused) as refused:
            schedules.save_schedule(s, manager, schedule_draft(effective=day))
        assert text in str(refused.value.problems[0])
    with db.write() as s:  # from the day after the quoted ticket's intake: fine
        schedules.save_schedule(s, manager, schedule_draft(effective=date(2026, 11, 21), name="new"))
        # an unused version is replaced by one with the same date
        again = schedules.save_schedule(s, manager, schedule_draft(effective=date(2026, 11, 21), name="newer"))
        assert again.name == "newer" and len(again.lines) == 10
        assert [r.name for r in schedules.list_schedules(s)] == ["newer", "2026"]


def _export(db: Database, tmp_path: Path, name: str = "fees.xlsx", schedule_id: int | None = None) -> Path:
    with db.read() as s:
        return schedules.export_workbook(s, tmp_path / name, schedule_id)


def test_export_then_import_round_trips(db: Database, users: tuple[Actor, Actor], tmp_path: Path) -> None:
    manager, _clerk = users
    with db.write() as s:
        first = schedules.install_default_schedule(s, manager, now=NOW).id
    path = _export(db, tmp_path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["about", "schedule", "labour", "visit", "transport", "inspection", "parts",
                             "software_setup"]
    assert wb["about"]["A2"].value == "format_version" and wb["about"]["B2"].value == 1
    assert [c.value for c in wb["labour"][1]] == ["category", "level", "description", "price"]
    # "*" lines first, then by category; numbers, not text
    assert [c.value for c in wb["labour"][2]] == ["air_conditioner", "minor", "空调小修（更换小件、调整）", 60]
    wb["schedule"]["B3"].value = datetime(2027, 1, 1)
    wb["schedule"]["B2"].value = "2027"
    wb.save(path)
    with db.write() as s:
        second = schedules.import_workbook(s, manager, path).id
        a, b = schedules.schedule_draft(s, first), schedules.schedule_draft(s, second)
    assert (b.name, b.effective_from) == ("2027", date(2027, 1, 1))
    assert a.lines == b.lines
    assert all(isinstance(ln.price, Decimal) for ln in b.lines)


def test_an_empty_database_exports_the_shipped_schedule_as_a_template(db: Database, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_export(db, tmp_path))
    assert wb["schedule"]["B2"].value == schedules.default_schedule().name


def test_import_refuses_the_whole_workbook_and_lists_every_problem(db: Database, users: tuple[Actor, Actor],
                                                                  tmp_path: Path) -> None:
    manager, clerk = users
    add_schedule(db, manager, effective=date(2026, 1, 1))
    ticket = diagnosing_ticket(db, clerk, at=datetime(2026, 11, 20, 10, 0))
    with db.write() as s:
        make_quote(s, clerk, ticket, WORKED, now=NOW)
    path = _export(db, tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["schedule"]["B3"].value = date(2026, 6, 1)  # in the past, over the quote made with "2026"
    labour = wb["labour"]
    assert [c.value for c in labour[4]][:2] == ["refrigerator", "medium"]
    labour["D2"].value = "abc"  # row 2: not a number
    labour["B3"].value = "huge"  # row 3: no such level
    labour.append(["refrigerator", "Medium", "again", 60])  # row 6: the same line as row 4
    wb["parts"]["D2"].value = -5  # negative
    wb["transport"]["A2"].value = "spaceship"  # unknown category
    wb["visit"].delete_cols(3)  # the price column is gone
    wb.create_sheet("tools")  # unknown kind
    wb.save(path)
    before = counts(db)
    with db.write() as s, pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.import_workbook(s, manager, path)
    found = {(p.sheet, p.row, p.column): p.message for p in refused.value.problems}
    assert found == {
        ("tools", 0, ""): "Unknown sheet (kind of line): the sheets are about, schedule, labour, visit, transport, "
                          "inspection, parts, software_setup.",
        ("labour", 2, "price"): "Not a number: abc",
        ("labour", 3, "level"): "The level must be one of: minor, medium, major.",
        ("labour", 6, "level"): "Duplicated line: the same as labour row 4.",
        ("visit", 1, "price"): 'Missing column "price".',
        ("transport", 2, "category"): "Unknown product category: spaceship",
        ("parts", 2, "price"): "A price cannot be negative.",
    }
    assert "nothing was changed" in refused.value.message
    assert counts(db) == before
    # Only the past effective date left: it is named too, on its own cell.
    wb = openpyxl.load_workbook(_export(db, tmp_path, "again.xlsx"))
    wb["schedule"]["B3"].value = date(2026, 6, 1)
    wb.save(tmp_path / "again.xlsx")
    with db.write() as s, pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.import_workbook(s, manager, tmp_path / "again.xlsx")
    (problem,) = refused.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("schedule", 3, "value")
    assert "2026-06-01 is in the past" in problem.message
    assert counts(db) == before


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04broken", "名称,价格\n小修,50\n".encode()])
def test_a_corrupt_or_foreign_file_is_refused_and_changes_nothing(db: Database, users: tuple[Actor, Actor],
                                                                  tmp_path: Path, content: bytes) -> None:
    manager, _clerk = users
    path = tmp_path / "fees.xlsx"
    path.write_bytes(content)
    before = counts(db)
    with db.write() as s, pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.import_workbook(s, manager, path)
    assert [(p.sheet, p.row) for p in refused.value.problems] == [("fees.xlsx", 0)]
    assert "Not an Excel workbook" in refused.value.problems[0].message
    assert counts(db) == before


def test_import_needs_a_manager_before_reading_anything(db: Database, users: tuple[Actor, Actor],
                                                        tmp_path: Path) -> None:
    _manager, clerk = users
    with db.write() as s, pytest.raises(NeedsManager):
        schedules.import_workbook(s, clerk, tmp_path / "missing.xlsx")


def test_fees_commands(db: Database, users: tuple[Actor, Actor], tmp_path: Path,
                       capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    url = db.url
    assert main(["fees", "list", "--db", url]) == 0
    assert "No fee schedule yet" in capsys.readouterr().out
    out = tmp_path / "template.xlsx"
    assert main(["fees", "export", str(out), "--db", url]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    assert main(["fees", "import", str(out), "--user", "manager", "--db", url]) == 0
    assert "in force from 2026-01-01" in capsys.readouterr().out
    assert main(["fees", "list", "--db", url]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and "\t2026-01-01\t" in listed[0] and "86 lines" in listed[0]
    wb = openpyxl.load_workbook(out)
    wb["labour"]["D2"].value = "free"
    wb["parts"]["D3"].value = -1
    wb["schedule"]["B3"].value = date(2027, 1, 1)
    wb.save(out)
    assert main(["fees", "import", str(out), "--db", url]) == 2  # the only manager: no --user needed
    err = capsys.readouterr().err
    assert "refused; nothing was changed" in err
    assert "labour, row 2, price: Not a number: free" in err and "parts, row 3, price: A price cannot be negative." in err
    assert main(["fees", "export", str(tmp_path / "one.xlsx"), "--schedule", "1", "--db", url]) == 0
    monkeypatch.setenv("FRONTDESK_PIN", "0000")
    assert main(["fees", "import", str(tmp_path / "one.xlsx"), "--user", "manager", "--db", url]) == 2
    assert capsys.readouterr().err.startswith("frontdesk:")
