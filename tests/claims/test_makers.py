"""Makers and their settlement standards: a brand has one maker (matched with
case and spaces folded), standards are versions by date that are never
replaced, and the workbook round-trips or is refused as a whole, every
problem named by sheet, row and column, nothing written
(docs/rules.md#makers-and-their-standards)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from frontdesk import audit, workbook_guard
from frontdesk.claims import makers
from frontdesk.claims.makers import StandardDraft, StandardLineDraft, StandardRefused
from frontdesk.claims.models import Claim, Maker, MakerBrand, MakerStandard, MakerStandardLine
from frontdesk.claims.standards import maker_for_brand, standard_in_force
from frontdesk.cli import main
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord
from frontdesk.errors import NeedsManager, ValidationError
from frontdesk.users import Actor
from tests.billing.billing_helpers import diagnosing_ticket
from tests.conftest import MANAGER_PIN

D = Decimal
NOW = datetime(2026, 11, 24, 10, 0)
L = StandardLineDraft


def haier(db: Database, manager: Actor) -> None:
    with db.write() as s:
        makers.save_maker(s, manager, "haier", "Haier Group", ["Haier", "Casarte"], now=NOW)


def draft(effective: date = date(2026, 1, 1), name: str = "Haier 2026", labour: str = "60.00",
          **changes: object) -> StandardDraft:
    d = StandardDraft(maker="HAIER", name=name, effective_from=effective, claim_days=7, return_days=30,
                      appeal_days=15, note="from the maker's portal", lines=[
                          L("labour", D(labour), level="minor"),
                          L("labour", D("90.00"), level="medium"),
                          L("labour", D("150.00"), category="refrigerator", level="major"),
                          L("distance", D("0.00"), km_from=D(0), km_to=D(30)),
                          L("distance", D("25.00"), km_from=D(30), km_to=D("60.5")),
                          L("part_handling", D("10.00"), part_no="BX-*", return_part=True, description="fridge"),
                          L("part_handling", D("5.00"), part_no="bx-therm")])
    for key, value in changes.items():
        setattr(d, key, value)
    return d


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (int(s.scalar(select(func.count(MakerStandard.id))) or 0),
                int(s.scalar(select(func.count(MakerStandardLine.id))) or 0),
                int(s.scalar(select(func.count(AuditRecord.id))) or 0))


# -- makers and brands ----------------------------------------------------------------------------

def test_brands_match_their_maker_whatever_the_case_and_spaces(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s, pytest.raises(NeedsManager):
        makers.save_maker(s, clerk, "HAIER", "Haier Group", ["Haier"])
    haier(db, manager)
    with db.read() as s:
        for typed in ("haier", " HAI ER ", "CASARTE", "casa rte"):
            found = maker_for_brand(s, typed)
            assert found is not None and found.code == "HAIER", typed
        assert maker_for_brand(s, "Midea") is None
        rec = audit.records(s, action="makers.add")[0]
        assert rec.user_id == manager.id and rec.detail["brands"] == ["Haier", "Casarte"]
    # A brand is one maker's: refused, naming the maker that has it; nothing written.
    with db.write() as s, pytest.raises(ValidationError) as refused:
        makers.save_maker(s, manager, "MIDEA", "Midea Group", ["Midea", "  haier"])
    assert refused.value.fields["brands"] == (
        "The brand Haier is already Haier Group's (HAIER): a brand has one maker, take it off HAIER first.")
    with db.read() as s:
        assert s.scalar(select(func.count(Maker.id))) == 1
    # The same maker saved again: its brands are the new list (Casarte kept as respelt, Haier dropped).
    with db.write() as s:
        makers.save_maker(s, manager, "HAIER", "Haier Group", ["CASARTE", "Leader"], now=NOW)
    with db.write() as s:
        makers.save_maker(s, manager, "MIDEA", "Midea Group", ["Midea", "Haier"], now=NOW)
    with db.read() as s:
        assert sorted(s.scalars(select(MakerBrand.key))) == ["casarte", "haier", "leader", "midea"]
        assert [(m.code, m.brands) for m in makers.list_makers(s)] == [
            ("HAIER", ["CASARTE", "Leader"]), ("MIDEA", ["Haier", "Midea"])]
        assert audit.records(s, action="makers.change")[0].detail["brands_before"] == ["Casarte", "Haier"]


def test_a_maker_needs_a_code_a_name_and_a_brand(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    with db.write() as s, pytest.raises(ValidationError) as refused:
        makers.save_maker(s, manager, "Hai er!", " ", ["  "])
    assert refused.value.fields == {
        "code": "The maker's code is letters A-Z, digits and -, at most 40 (e.g. HAIER): HAI ER! is not.",
        "name": "The maker needs a name.",
        "brands": "Name at least one brand the maker answers for.",
    }


# -- standards --------------------------------------------------------------------------------------

def test_standards_are_versions_by_date_and_the_one_in_force_on_a_day_prices_it(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    haier(db, manager)
    with db.write() as s, pytest.raises(NeedsManager):
        makers.save_standard(s, clerk, draft())
    with db.write() as s:
        first = makers.save_standard(s, manager, draft(), now=NOW).id
        second = makers.save_standard(s, manager, draft(date(2026, 7, 1), "Haier 2026 H2", "70.00"), now=NOW).id
    with db.read() as s:
        maker = makers.find_maker(s, "haier")
        # Hand-worked: 2025-12-31 before any; 1 Jan to 30 Jun the first; from 1 Jul the second.
        assert standard_in_force(s, maker.id, date(2025, 12, 31)) is None
        assert standard_in_force(s, maker.id, date(2026, 1, 1)).id == first  # type: ignore[union-attr]
        assert standard_in_force(s, maker.id, date(2026, 6, 30)).id == first  # type: ignore[union-attr]
        h2 = standard_in_force(s, maker.id, date(2026, 7, 1))
        assert h2 is not None and h2.id == second and h2.lines[0].amount == D("70.00")
        lines = s.get(MakerStandard, first).lines  # type: ignore[union-attr]
        assert [(ln.kind, ln.category, ln.level, ln.km_from, ln.km_to, ln.part_no, ln.amount, ln.return_part)
                for ln in lines] == [
            ("labour", "*", "minor", None, None, "", D("60.00"), False),
            ("labour", "*", "medium", None, None, "", D("90.00"), False),
            ("labour", "refrigerator", "major", None, None, "", D("150.00"), False),
            ("distance", "*", "", D(0), D(30), "", D("0.00"), False),
            ("distance", "*", "", D(30), D("60.5"), "", D("25.00"), False),
            ("part_handling", "*", "", None, None, "BX-*", D("10.00"), True),
            ("part_handling", "*", "", None, None, "BX-THERM", D("5.00"), False)]
        rec = audit.records(s, action="makers.standard")[0]
        assert rec.detail["maker"] == "HAIER" and rec.detail["lines"] == 7 and rec.detail["source"] == "typed"
        assert [(v.name, v.in_force) for v in makers.list_standards(s, maker, date(2026, 12, 1))] == [
            ("Haier 2026 H2", True), ("Haier 2026", False)]
    # A second version on the same date is refused: a version is never replaced.
    before = counts(db)
    with db.write() as s, pytest.raises(StandardRefused) as refused:
        makers.save_standard(s, manager, draft(date(2026, 7, 1), "Again"))
    assert [str(p) for p in refused.value.problems] == [
        "standard: HAIER already has the standard \"Haier 2026 H2\" taking effect on 2026-07-01: a version is "
        "never replaced, give the new one a later date."]
    assert counts(db) == before


def test_a_new_version_may_not_move_claims_an_earlier_one_priced(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    haier(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        standard = makers.save_standard(s, manager, draft(), now=NOW)
        s.add(Claim(number="C2026-000001", ticket_id=ticket, maker_id=standard.maker_id, standard_id=standard.id,
                    state="drafted", repaired_on=date(2026, 11, 20), claim_due=date(2026, 11, 27),
                    amount_claimed=D("60.00"), lines=[], drafted_at=NOW, updated_at=NOW))
    before = counts(db)
    with db.write() as s, pytest.raises(StandardRefused) as refused:
        makers.save_standard(s, manager, draft(date(2026, 11, 1), "Too early"))
    assert [str(p) for p in refused.value.problems] == [
        "standard: From 2026-11-01 on, 1 claim already priced by \"Haier 2026\" would fall under this version: "
        "choose a later effective date."]
    assert counts(db) == before
    with db.write() as s:  # the day after the repair: the claim keeps its standard
        makers.save_standard(s, manager, draft(date(2026, 11, 21), "Late 2026"), now=NOW)
    with db.read() as s:
        assert [v.used for v in makers.list_standards(s, makers.find_maker(s, "HAIER"))] == [False, True]


def test_a_typed_standard_is_refused_with_every_problem(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    haier(db, manager)
    bad = draft(claim_days=0, lines=[
        L("labour", D("1.00"), level="huge"),
        L("labour", D("-1"), level="minor"),
        L("labour", D("2"), level="MINOR"),
        L("distance", D("5"), km_from=D(10), km_to=D(5)),
        L("distance", D("5"), km_from=D(0), km_to=D(20)),
        L("distance", D("5"), km_from=D(15), km_to=D(40)),
        L("part_handling", D("1"), part_no="B*X"),
        L("visit", D("1")),
    ])
    with db.write() as s, pytest.raises(StandardRefused) as refused:
        makers.save_standard(s, manager, bad)
    assert [str(p) for p in refused.value.problems] == [
        "standard: A whole number of days from 1 to 366 is needed.",
        "lines, row 1, level: The level must be one of: minor, medium, major.",
        "lines, row 2, amount: A price cannot be negative.",
        "lines, row 3, level: Duplicated line: the same as lines row 2.",
        "lines, row 4, km_to: The band must end beyond where it begins (10-5 km).",
        "lines, row 6, km_from: The band 15-40 km overlaps the band 0-20 km on row 5: a distance falls in one "
        "band only.",
        "lines, row 7, part_no: A part number may end in * (every part it begins) but hold no other *.",
        "lines, row 8, kind: Unknown kind of line: visit. The kinds are labour, distance, part_handling.",
    ]


# -- the workbook -----------------------------------------------------------------------------------

def export(db: Database, path: Path, standard_id: int | None = None) -> Path:
    with db.read() as s:
        return makers.export_standard(s, path, "HAIER", standard_id)


def test_the_workbook_round_trips_as_a_new_version(db: Database, users: tuple[Actor, Actor], tmp_path: Path) -> None:
    manager, _clerk = users
    haier(db, manager)
    with db.write() as s:
        first = makers.save_standard(s, manager, draft(), now=NOW).id
    out = export(db, tmp_path / "haier.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["about", "standard", "lines"]
    assert [c.value for c in wb["lines"][1]] == list(makers.COLUMNS)
    wb["standard"]["B4"].value = date(2027, 1, 1)  # effective_from
    wb["standard"]["B3"].value = "Haier 2027"
    wb["lines"]["G2"].value = 65  # labour minor: 60 -> 65
    wb.save(out)
    parsed = makers.parse_import(out)
    with db.write() as s:
        second = makers.store_import(s, manager, parsed, now=NOW)
        second_id = second.id
    with db.read() as s:
        old, new = makers.standard_draft(s, first), makers.standard_draft(s, second_id)
        assert new.name == "Haier 2027" and new.effective_from == date(2027, 1, 1)
        assert new.lines[0].amount == D("65.00")
        assert new.lines[1:] == old.lines[1:] and old.lines[0].amount == D("60.00")
        assert (new.claim_days, new.return_days, new.appeal_days, new.note) == (7, 30, 15, "from the maker's portal")
        assert audit.records(s, action="makers.standard")[0].detail["source"] == "workbook haier.xlsx"
    # The earlier version exports as it was.
    again = openpyxl.load_workbook(export(db, tmp_path / "first.xlsx", first))
    assert again["lines"]["G2"].value == 60


def test_a_maker_with_no_standard_exports_a_template_that_imports_only_once_filled(
        db: Database, users: tuple[Actor, Actor], tmp_path: Path) -> None:
    manager, _clerk = users
    haier(db, manager)
    out = export(db, tmp_path / "template.xlsx")
    with pytest.raises(StandardRefused) as refused:
        makers.parse_import(out)
    assert "standard, row 5, value: The number of days is missing." in [str(p) for p in refused.value.problems]
    assert "lines, row 2, amount: The amount is missing." in [str(p) for p in refused.value.problems]


def edited(db: Database, manager: Actor, tmp_path: Path, change: object) -> Path:
    haier(db, manager)
    with db.write() as s:
        makers.save_standard(s, manager, draft(), now=NOW)
    out = export(db, tmp_path / "haier.xlsx")
    wb = openpyxl.load_workbook(out)
    wb["standard"]["B4"].value = date(2027, 1, 1)
    change(wb)  # type: ignore[operator]
    wb.save(out)
    return out


def _drop_lines(wb: openpyxl.Workbook) -> None:
    del wb["lines"]


def _bad_amount(wb: openpyxl.Workbook) -> None:
    wb["lines"]["G4"].value = "lots"


def _overlapping_bands(wb: openpyxl.Workbook) -> None:
    wb["lines"]["D6"].value = 25  # the second band 25-60.5 over the first 0-30


def _other_shape(wb: openpyxl.Workbook) -> None:
    wb["lines"]["G1"].value = "price"
    wb.create_sheet("notes")


@pytest.mark.parametrize("change,expected", [
    (_drop_lines, ["lines: The sheet is missing."]),
    (_bad_amount, ["lines, row 4, amount: Not a number: lots"]),
    (_overlapping_bands, ["lines, row 6, km_from: The band 25-60.5 km overlaps the band 0-30 km on row 5: a "
                          "distance falls in one band only."]),
    (_other_shape, ["notes: Unknown sheet: the sheets are about, standard, lines.",
                    "lines, row 1, price: Unknown column: the columns are kind, category, level, km_from, km_to, "
                    "part_no, amount, return_part, description.",
                    "lines, row 1, amount: Missing column \"amount\"."]),
], ids=["sheet-missing", "bad-amount", "overlapping-bands", "other-shape"])
def test_a_workbook_of_another_shape_is_refused_whole(db: Database, users: tuple[Actor, Actor], tmp_path: Path,
                                                      change: object, expected: list[str]) -> None:
    manager, _clerk = users
    out = edited(db, manager, tmp_path, change)
    before = counts(db)
    with pytest.raises(StandardRefused) as refused:
        makers.parse_import(out)
    assert [str(p) for p in refused.value.problems] == expected
    assert refused.value.message.startswith("The maker's standard was refused; nothing was changed. ")
    assert counts(db) == before


def test_a_file_that_is_not_a_workbook_is_refused_by_the_guard(tmp_path: Path) -> None:
    path = tmp_path / "standard.xlsx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(StandardRefused) as refused:
        makers.parse_import(path)
    assert [str(p) for p in refused.value.problems] == [
        "standard.xlsx: Not an Excel workbook (.xlsx), or the file is damaged."]


def test_the_workbook_is_read_within_the_limits_of_a_makers_standard(
        db: Database, users: tuple[Actor, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    manager, _clerk = users
    out = edited(db, manager, tmp_path, lambda wb: None)
    monkeypatch.setattr(workbook_guard, "MAKER_STANDARD", dataclasses.replace(workbook_guard.MAKER_STANDARD, rows=20))
    with pytest.raises(StandardRefused) as refused:
        makers.parse_import(out)
    [problem] = refused.value.problems
    assert problem.sheet == "haier.xlsx" and "has more than 20 rows, the limit for a maker's standard workbook" \
        in problem.message


def test_an_import_for_an_unknown_maker_names_the_cell(db: Database, users: tuple[Actor, Actor],
                                                       tmp_path: Path) -> None:
    manager, _clerk = users

    def midea(wb: openpyxl.Workbook) -> None:
        wb["standard"]["B2"].value = "midea"

    parsed = makers.parse_import(edited(db, manager, tmp_path, midea))
    before = counts(db)
    with db.write() as s, pytest.raises(StandardRefused) as refused:
        makers.store_import(s, manager, parsed)
    assert [str(p) for p in refused.value.problems] == [
        "standard, row 2, value: No maker has the code MIDEA: a manager adds it first (frontdesk makers add)."]
    assert counts(db) == before


# -- the command line -------------------------------------------------------------------------------

def test_makers_commands(db: Database, users: tuple[Actor, Actor], tmp_path: Path,
                         capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTDESK_PIN", raising=False)
    url = db.url
    assert main(["makers", "list", "--db", url]) == 0
    assert "No maker yet" in capsys.readouterr().out
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    assert main(["makers", "add", "haier", "--name", "Haier Group", "--brand", "Haier", "--brand", "Casarte",
                 "--db", url]) == 0
    assert capsys.readouterr().out == "Saved the maker HAIER (Haier Group): Haier, Casarte.\n"
    assert main(["makers", "add", "MIDEA", "--name", "Midea", "--brand", "HAIER", "--db", url]) == 2
    assert capsys.readouterr().err == ("frontdesk: The brand Haier is already Haier Group's (HAIER): a brand has "
                                       "one maker, take it off HAIER first.\n")
    with db.write() as s:
        first = makers.save_standard(s, users[0], draft(), now=NOW).id
    out = tmp_path / "haier.xlsx"
    assert main(["makers", "export", str(out), "--maker", "haier", "--standard", str(first), "--db", url]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    wb = openpyxl.load_workbook(out)
    wb["standard"]["B4"].value = date(2099, 1, 1)
    wb.save(out)
    assert main(["makers", "import", str(out), "--user", "manager", "--db", url]) == 0
    assert capsys.readouterr().out == "Imported \"Haier 2026\" for HAIER, in force from 2099-01-01 (7 lines).\n"
    assert main(["makers", "list", "--db", url]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == "HAIER\tHaier Group\tCasarte, Haier"
    assert listed[1].endswith("\t2099-01-01\tHaier 2026\t7 lines")
    assert listed[2].endswith("\t2026-01-01\tHaier 2026\t7 lines\tin force")
    # The same file again: refused, every problem listed, nothing written.
    before = counts(db)
    assert main(["makers", "import", str(out), "--db", url]) == 2  # the only manager: no --user needed
    assert capsys.readouterr().err.splitlines() == [
        "frontdesk: the workbook was refused; nothing was changed:",
        "  standard, row 4, value: HAIER already has the standard \"Haier 2026\" taking effect on 2099-01-01: a "
        "version is never replaced, give the new one a later date."]
    assert counts(db)[:2] == before[:2]  # the manager's sign-in is in the audit trail; no standard is
    assert main(["makers", "export", str(tmp_path / "x.xlsx"), "--maker", "HAIER", "--standard", "999",
                 "--db", url]) == 2
    assert capsys.readouterr().err == "frontdesk: HAIER has no standard 999: see 'frontdesk makers list'.\n"
    monkeypatch.setenv("FRONTDESK_PIN", "0000")
    assert main(["makers", "import", str(out), "--user", "manager", "--db", url]) == 2
    assert capsys.readouterr().err.startswith("frontdesk:")
    assert counts(db)[:2] == before[:2]
