"""Hostile workbooks (issue 17, findings 8 and 11), written as the attacks:
a shared-strings zip bomb, a part whose header lies about its size, a
billion-laughs entity in a sheet, a fee workbook with more rows than allowed,
a read that outlasts its deadline.  Each is refused through the command line
and through the function, with a message naming the file and the limit,
nothing stored and memory bounded.  A fee workbook is parsed before the write
transaction begins (another counter can write meanwhile).  A full or
read-only disk under an export is one plain line, no traceback and no half
file left."""

from __future__ import annotations

import base64
import dataclasses
import errno
import itertools
import os
import random
import sqlite3
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from frontdesk import workbook_guard
from frontdesk.billing import schedules
from frontdesk.billing.models import FeeSchedule
from frontdesk.cli import EXIT_ERROR, EXIT_OK, main
from frontdesk.db.engine import Database
from frontdesk.headoffice.consolidate import WorkbookRefused, consolidate
from frontdesk.users import Actor
from tests.conftest import MANAGER_PIN, seed_users
from tests.security.workbook_attacks import (
    MB,
    Part,
    bomb,
    deflated,
    laughs,
    liar,
    parts_of,
    sheet_part,
    watch_parse_and_write,
    write_zip,
)

PEAK_BYTES = 100 * MB  # what reading (and refusing) one hostile workbook may allocate at most


@pytest.fixture
def shop(sqlite_db: Database) -> tuple[Database, Actor, Path]:
    manager, _clerk = seed_users(sqlite_db)
    path = sqlite_db.engine.url.database
    assert path
    return sqlite_db, manager, Path(path)


@pytest.fixture
def fees_xlsx(shop: tuple[Database, Actor, Path], tmp_path: Path) -> Path:
    """A good fee workbook (the shipped default, exported)."""
    db = shop[0]
    with db.read() as s:
        return schedules.export_workbook(s, tmp_path / "fees.xlsx")


def _with_lines(fees_xlsx: Path, out: Path, extra: int) -> Path:
    wb = openpyxl.load_workbook(fees_xlsx)
    ws = wb["parts"]
    for n in range(extra):
        ws.append(["*", f"P-{n:05d}", f"part {n}", 10, None])
    wb.save(out)
    return out


ATTACKS: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "zip bomb": (bomb, "its part xl/sharedStrings.xml inflates to more than"),
    "lying header": (liar, "is larger than the zip says (20 KB)"),
    "billion laughs": (laughs, "declares a DOCTYPE or entities"),
}


def _schedules(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(FeeSchedule.id))) or 0


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "unexpected error" not in err, err
    return code, out, err


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FRONTDESK_DB", "FRONTDESK_PIN", "FRONTDESK_LANG", "FRONTDESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
    except Exception:  # the refusal is asserted elsewhere; here only the memory it took
        pass
    finally:
        _size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


# -- the attacks, through the function and the command line ----------------------------------------

@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_hostile_fee_workbook_is_refused_with_its_reason_and_nothing_stored(
        shop: tuple[Database, Actor, Path], fees_xlsx: Path, tmp_path: Path, attack: str) -> None:
    db, manager, _file = shop
    make, reason = ATTACKS[attack]
    hostile = make(fees_xlsx, tmp_path / "hostile.xlsx")
    before = _schedules(db)
    with pytest.raises(schedules.ScheduleRefused) as refused, db.write() as s:
        schedules.import_workbook(s, manager, hostile)
    [problem] = refused.value.problems
    assert problem.sheet == "hostile.xlsx" and reason.lower() in problem.message.lower()
    assert str(problem).startswith("hostile.xlsx: ")
    assert _schedules(db) == before
    assert _peak(lambda: schedules.parse_import(hostile)) < PEAK_BYTES


def test_the_zip_bomb_is_small_on_disk_and_refused_from_the_zip_directory(fees_xlsx: Path, tmp_path: Path) -> None:
    hostile = bomb(fees_xlsx, tmp_path / "bomb.xlsx")
    assert hostile.stat().st_size < 8 * MB
    with zipfile.ZipFile(hostile) as zf:
        assert zf.getinfo("xl/sharedStrings.xml").file_size > 3_000_000_000
    with pytest.raises(workbook_guard.UnsafeWorkbook) as refused, \
            workbook_guard.open_workbook(hostile, workbook_guard.FEE_SCHEDULE):
        pass
    assert refused.value.message == (
        "bomb.xlsx: its part xl/sharedStrings.xml inflates to more than 32 MB, the limit for a fee schedule "
        "workbook (a zip bomb?)")


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_fees_import_on_the_command_line_refuses_each_attack_in_plain_words(
        shop: tuple[Database, Actor, Path], fees_xlsx: Path, tmp_path: Path, attack: str,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, _manager, file = shop
    make, reason = ATTACKS[attack]
    hostile = make(fees_xlsx, tmp_path / "hostile.xlsx")
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    code, out, err = _run(capsys, "fees", "import", str(hostile), "--db", str(file), "--user", "manager")
    assert code == EXIT_ERROR and out == ""
    first, second = err.strip().splitlines()
    assert first == "frontdesk: the workbook was refused; nothing was changed:"
    assert second.startswith("  hostile.xlsx: ") and reason.lower() in second.lower()
    assert _schedules(db) == 0


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_consolidate_refuses_each_attack_and_writes_nothing(
        fees_xlsx: Path, tmp_path: Path, attack: str, capsys: pytest.CaptureFixture[str]) -> None:
    make, reason = ATTACKS[attack]
    hostile = make(fees_xlsx, tmp_path / "shop.xlsx")
    out = tmp_path / "all.xlsx"
    with pytest.raises(WorkbookRefused) as refused:
        consolidate([hostile], out)
    [refusal] = refused.value.refusals
    assert refusal.path == hostile and reason.lower() in refusal.reason.lower()
    code, _out, err = _run(capsys, "consolidate", str(hostile), "-o", str(out), "--quiet")
    assert code == EXIT_ERROR
    assert err.splitlines()[0] == "frontdesk: refused; nothing was written:"
    assert str(hostile) in err and reason.lower() in err.lower()
    assert not out.exists() and not list(tmp_path.glob("all.xlsx*"))
    assert _peak(lambda: consolidate([hostile], out)) < PEAK_BYTES


def test_a_head_office_bomb_is_named_by_the_head_office_limit(fees_xlsx: Path, tmp_path: Path) -> None:
    hostile = bomb(fees_xlsx, tmp_path / "shop.xlsx", gigabytes=3)
    with pytest.raises(WorkbookRefused) as refused:
        consolidate([hostile], tmp_path / "all.xlsx")
    assert refused.value.refusals[0].reason == (
        "its part xl/sharedStrings.xml inflates to more than 2 GB, the limit for a head-office workbook "
        "(a zip bomb?)")


# -- rows, columns and time -----------------------------------------------------------------------

@pytest.fixture
def few_rows(monkeypatch: pytest.MonkeyPatch) -> int:
    """A fee workbook may have 1,000 rows a sheet (instead of 50,001): the test stays fast."""
    monkeypatch.setattr(workbook_guard, "FEE_SCHEDULE", dataclasses.replace(workbook_guard.FEE_SCHEDULE, rows=1000))
    return 1000


def test_a_fee_workbook_with_more_rows_than_allowed_is_refused(
        shop: tuple[Database, Actor, Path], fees_xlsx: Path, tmp_path: Path, few_rows: int,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, manager, file = shop
    lines_now = openpyxl.load_workbook(fees_xlsx)["parts"].max_row
    big = _with_lines(fees_xlsx, tmp_path / "big.xlsx", few_rows + 1 - lines_now)  # 1,001 rows
    with pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.parse_import(big)
    sheet = sheet_part(big, "parts")
    assert [str(p) for p in refused.value.problems] == [
        f"big.xlsx: A sheet ({sheet}) has more than 1,000 rows, the limit for a fee schedule workbook."]
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    code, _out, err = _run(capsys, "fees", "import", str(big), "--db", str(file), "--user", "manager")
    assert code == EXIT_ERROR and "more than 1,000 rows" in err
    assert _schedules(db) == 0
    # One row fewer is a workbook like any other.
    ok = _with_lines(fees_xlsx, tmp_path / "ok.xlsx", few_rows - lines_now)
    with db.write() as s:
        assert schedules.import_workbook(s, manager, ok).id


def test_rows_past_the_limit_are_refused_whatever_the_sheet_claims(fees_xlsx: Path, tmp_path: Path,
                                                                    few_rows: int) -> None:
    """Two rows in the XML, the second numbered 5,000: openpyxl would read
    4,998 empty rows in between; the reading stops at the limit."""
    sheet = sheet_part(fees_xlsx, "labour")
    xml = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<dimension ref="A1:D2"/><sheetData>'
           b'<row r="1">' + b"".join(b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (col, name) for col, name in
                                     ((b"A", b"category"), (b"B", b"level"), (b"C", b"description"), (b"D", b"price")))
           + b'</row>'
           b'<row r="5000"><c r="A5000" t="inlineStr"><is><t>*</t></is></c></row></sheetData></worksheet>')
    gap = write_zip(tmp_path / "gap.xlsx", parts_of(fees_xlsx, {sheet: xml}))
    with pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.parse_import(gap)
    assert [str(p) for p in refused.value.problems] == [
        "gap.xlsx: The sheet labour has more than 1,000 rows, the limit for a fee schedule workbook."]


def test_a_row_wider_than_allowed_is_refused(fees_xlsx: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(fees_xlsx)
    for column in range(1, 41):
        wb["labour"].cell(row=2, column=column, value="wide")
    wb.save(tmp_path / "wide.xlsx")
    with pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.parse_import(tmp_path / "wide.xlsx")
    assert "has a row of more than 32 cells, the limit for a fee schedule workbook" in str(refused.value.problems[0])


def test_a_slow_read_is_stopped_at_its_deadline(shop: tuple[Database, Actor, Path], fees_xlsx: Path,
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db, _manager, file = shop
    slow = _with_lines(fees_xlsx, tmp_path / "slow.xlsx", 200)
    monkeypatch.setattr(workbook_guard, "FEE_SCHEDULE",
                        dataclasses.replace(workbook_guard.FEE_SCHEDULE, seconds=30.0))
    ticks = itertools.count()
    monkeypatch.setattr(workbook_guard, "_now", lambda: float(next(ticks)))  # a second passes at every look
    with pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.parse_import(slow)
    assert [str(p) for p in refused.value.problems] == [
        "slow.xlsx: Reading it took longer than 30 seconds, the limit for a fee schedule workbook; nothing was "
        "taken from it."]
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    code, _out, err = _run(capsys, "fees", "import", str(slow), "--db", str(file), "--user", "manager")
    assert code == EXIT_ERROR and "took longer than 30 seconds" in err
    assert _schedules(db) == 0


def test_not_a_zip_and_a_missing_file_are_plain_refusals(tmp_path: Path) -> None:
    text = tmp_path / "fees.xlsx"
    text.write_text("category,price\n*,10\n")
    for path, reason in ((text, "not an Excel workbook (.xlsx), or the file is damaged"),
                         (tmp_path / "none.xlsx", "the file does not exist")):
        with pytest.raises(workbook_guard.UnsafeWorkbook) as refused, \
                workbook_guard.open_workbook(path, workbook_guard.HEAD_OFFICE):
            pass
        assert refused.value.reason == reason


# -- parsed before the database is written -------------------------------------------------------

def test_fees_import_parses_before_its_write_transaction_and_another_counter_can_write(
        shop: tuple[Database, Actor, Path], fees_xlsx: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db, _manager, file = shop
    big = _with_lines(fees_xlsx, tmp_path / "big.xlsx", 2000)

    def another_counter_writes() -> None:  # a payment meanwhile: it gets the write lock at once
        other = sqlite3.connect(file, timeout=0.1, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        finally:
            other.close()

    events = watch_parse_and_write(monkeypatch, another_counter_writes)
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    code, out, _err = _run(capsys, "fees", "import", str(big), "--db", str(file), "--user", "manager")
    assert code == EXIT_OK and "Imported" in out
    assert events.index("parse") < len(events) - 1 and events[-1] == "write begins"
    assert events.count("parse") == 1 and "parse inside a write" not in events
    assert _schedules(db) == 1


# -- a full or read-only disk --------------------------------------------------------------------

def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every workbook save writes a little, then finds the disk full."""

    def save(self: object, filename: str) -> None:
        Path(filename).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", save)


def test_an_export_onto_a_full_disk_is_one_plain_line_and_leaves_no_file(
        shop: tuple[Database, Actor, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _db, _manager, file = shop
    _full_disk(monkeypatch)
    out = tmp_path / "out" / "shop.xlsx"
    out.parent.mkdir()
    code, stdout, err = _run(capsys, "export", "--db", str(file), "--from", "2026-11-01", "--to", "2026-11-30",
                             "-o", str(out), "--quiet")
    assert code == EXIT_ERROR and stdout == ""
    assert err.strip() == (f"frontdesk: The disk is full: could not write {out}. Free some space or choose "
                           "another place, then try again.")
    assert list(out.parent.iterdir()) == []
    fees = tmp_path / "out" / "fees.xlsx"
    code, stdout, err = _run(capsys, "fees", "export", str(fees), "--db", str(file))
    assert code == EXIT_ERROR and err.strip().startswith(f"frontdesk: The disk is full: could not write {fees}.")
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize(("number", "words"), [
    (errno.EROFS, "The disk is read-only: could not write"),
    (errno.EACCES, "Not allowed to use"),
    (errno.EDQUOT, "The disk is full: could not write"),
])
def test_other_disk_refusals_are_plain_too(shop: tuple[Database, Actor, Path], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                           number: int, words: str) -> None:
    _db, _manager, file = shop

    def save(self: object, filename: str) -> None:
        raise OSError(number, os.strerror(number), filename)

    monkeypatch.setattr(openpyxl.Workbook, "save", save)
    out = tmp_path / "fees.xlsx"
    code, _stdout, err = _run(capsys, "fees", "export", str(out), "--db", str(file))
    assert code == EXIT_ERROR and err.strip().startswith(f"frontdesk: {words} {out}")  # not fees.xlsx.part


def test_the_window_says_a_full_disk_in_plain_words() -> None:
    pytest.importorskip("PySide6")
    from frontdesk.ui.errors import describe

    assert describe(OSError(errno.ENOSPC, "No space left on device", "/media/usb/shop.xlsx.part")) == (
        "The disk is full: could not write /media/usb/shop.xlsx. Free some space or choose another place, "
        "then try again.")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 4 KB tmpfs (root only; skipped where mounting is not allowed)."""
    where = tmp_path / "tiny"
    where.mkdir()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(where)],
                                 capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("mount is not available")
    if mounted.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], capture_output=True, timeout=10)


def test_an_export_onto_a_really_full_disk_prints_no_traceback(shop: tuple[Database, Actor, Path],
                                                                tiny_disk: Path) -> None:
    _db, _manager, file = shop
    out = tiny_disk / "shop.xlsx"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")}
    run = subprocess.run([sys.executable, "-m", "frontdesk", "export", "--db", str(file), "--from", "2026-11-01",
                          "--to", "2026-11-30", "-o", str(out), "--quiet"],
                         capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == EXIT_ERROR, run.stderr
    assert run.stderr.strip() == (f"frontdesk: The disk is full: could not write {out}. Free some space or "
                                  "choose another place, then try again.")
    assert list(tiny_disk.iterdir()) == []


def test_a_zip_of_too_many_parts_is_refused_before_its_directory_is_read(fees_xlsx: Path, tmp_path: Path) -> None:
    empty = deflated(b"")
    crowd = write_zip(tmp_path / "crowd.xlsx", [*parts_of(fees_xlsx),
                                                 *(Part(f"xl/media/n{n}.bin", empty, 0) for n in range(600))])
    with pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.parse_import(crowd)
    assert [str(p) for p in refused.value.problems] == [
        f"crowd.xlsx: It has {600 + len(parts_of(fees_xlsx))} parts inside; a fee schedule workbook may have "
        "at most 500."]


def test_a_cell_longer_than_excel_allows_is_refused(fees_xlsx: Path, tmp_path: Path) -> None:
    """One cell of 4 MB that does not compress (so no ratio limit stops it;
    Excel holds 32,767 characters): openpyxl would hold it whole."""
    sheet = sheet_part(fees_xlsx, "labour")
    xml = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>' + base64.b64encode(os.urandom(3 * MB))
           + b"</t></is></c></row></sheetData></worksheet>")
    long = write_zip(tmp_path / "long.xlsx", parts_of(fees_xlsx, {sheet: xml}))
    with pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.parse_import(long)
    assert [str(p) for p in refused.value.problems] == [
        f"long.xlsx: Its part {sheet} holds a cell or text of more than 32,767 characters; a cell holds at most "
        "32,767."]


def test_a_large_worksheet_is_streamed_but_never_read_whole_as_something_else(
        fees_xlsx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worksheet may be larger than the parts openpyxl reads whole; a file
    whose content types make openpyxl read that worksheet whole, as its
    shared strings, is held to the smaller limit."""
    monkeypatch.setattr(workbook_guard, "FEE_SCHEDULE",
                        dataclasses.replace(workbook_guard.FEE_SCHEDULE, other_part_bytes=64 * 1024))
    big = _with_lines(fees_xlsx, tmp_path / "big.xlsx", 2000)
    sheet = sheet_part(big, "parts")
    with zipfile.ZipFile(big) as zf:
        assert zf.getinfo(sheet).file_size > 64 * 1024
        types = zf.read("[Content_Types].xml")
    assert schedules.parse_import(big).draft.lines  # streamed: allowed
    override = (b'<Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.'
                b'spreadsheetml.sharedStrings+xml"/></Types>' % sheet.encode())
    led = write_zip(tmp_path / "led.xlsx", parts_of(big, {"[Content_Types].xml": types.replace(b"</Types>", override)}))
    with pytest.raises(schedules.ScheduleRefused) as refused:
        schedules.parse_import(led)
    assert [str(p) for p in refused.value.problems] == [
        f"led.xlsx: Its part {sheet} inflates to more than 64 KB, the limit for a fee schedule workbook "
        "(a zip bomb?)."]


def test_damaged_bytes_anywhere_are_a_refusal_never_a_crash(fees_xlsx: Path, tmp_path: Path) -> None:
    """Forty copies of a good workbook, each with a few bytes changed at
    random (seeded): each one imports or is refused, nothing else."""
    good = fees_xlsx.read_bytes()
    rng = random.Random(17)
    outcomes = set()
    for n in range(40):
        data = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        bad = tmp_path / f"bad{n}.xlsx"
        bad.write_bytes(bytes(data))
        try:
            schedules.parse_import(bad)
            outcomes.add("read")
        except schedules.ScheduleRefused as exc:
            assert exc.problems and all(str(p).startswith(("bad", "labour", "parts", "schedule", "visit", "about",
                                                           "transport", "inspection", "software"))
                                        for p in exc.problems), exc.problems
            outcomes.add("refused")
    assert "refused" in outcomes
