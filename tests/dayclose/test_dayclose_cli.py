"""'frontdesk day-close', 'frontdesk export' and 'frontdesk consolidate' run
in-process on a database made through the services."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pdfcheck import pdf_text
from sqlalchemy import select

from frontdesk import clock
from frontdesk.cli import EXIT_ERROR, EXIT_OK
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord
from frontdesk.headoffice import schema
from tests.conftest import MANAGER_PIN, seed_users
from tests.dayclose.test_day_close import DAY, at, known_day
from tests.test_cli import _clean_environment, run  # noqa: F401  (the autouse fixture, the runner)


@pytest.fixture
def day_db(sqlite_db: Database) -> Database:
    manager, clerk = seed_users(sqlite_db)
    known_day(sqlite_db, manager, clerk)
    return sqlite_db


def test_day_close_reads_then_closes_with_the_managers_pin(day_db: Database, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(capsys, "day-close", "--db", day_db.url, "--date", DAY.isoformat(),
                         "--pdf", str(tmp_path / "open.pdf"))
    assert code == EXIT_OK, err
    assert "R2026-000001 to R2026-000005: 5" in out and "open" in out
    assert (tmp_path / "open.pdf").read_bytes().startswith(b"%PDF")
    monkeypatch.setenv("FRONTDESK_PIN", "0000")
    code, _out, err = run(capsys, "day-close", "--db", day_db.url, "--date", DAY.isoformat(), "--close",
                          "--counted", "598", "--float", "500")
    assert code == EXIT_ERROR and "Wrong user name or PIN" in err
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    code, out, err = run(capsys, "day-close", "--db", day_db.url, "--date", DAY.isoformat(), "--close",
                         "--counted", "598", "--float", "500", "--user", "manager")
    assert code == EXIT_OK, err
    assert "closed" in out and "¥600.00" in out and "-¥2.00" in out
    # What the PIN closed was said before it was asked.
    assert "To close: 2026-11-24 at counter Main: 5 receipts; expected cash ¥600.00, counted ¥598.00, " \
           "over/short -¥2.00" in err and "not over" not in err
    code, _out, err = run(capsys, "day-close", "--db", day_db.url, "--date", DAY.isoformat(), "--close",
                          "--counted", "598")
    assert code == EXIT_ERROR and "already closed" in err


def test_today_is_closed_before_the_closing_hour_only_with_early(
        day_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: at(3, 33))  # the small hours of the day to close
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    argv = ["day-close", "--db", day_db.url, "--close", "--counted", "598", "--float", "500", "--user", "manager"]
    code, _out, err = run(capsys, *argv)
    assert code == EXIT_ERROR
    assert err.strip() == ("frontdesk: 2026-11-24 is not over: the shop closes at 18:00 and it is 03:33. Closing now "
                           "locks the rest of the day's money; to close it anyway, add --early.")
    with day_db.read() as s:
        assert not dayclose.is_closed(s, DAY, "main")
        assert s.scalar(select(AuditRecord.id).where(AuditRecord.action.like("login%"))) is None  # no PIN asked
    code, out, err = run(capsys, *argv, "--early")
    assert code == EXIT_OK, err
    assert "Warning: 2026-11-24 is not over (the shop closes at 18:00)" in err and "(Main): closed" in out
    code, _out, err = run(capsys, "day-close", "--db", day_db.url, "--early")
    assert code == EXIT_ERROR and "--early goes with --close" in err


def test_day_close_reads_the_counter_it_is_given(day_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "day-close", "--db", day_db.url, "--date", DAY.isoformat(), "--counter", " desk  2")
    assert code == EXIT_OK, err
    assert "(desk 2): open" in out and "R2026-000001" not in out  # the known day's receipts are the main desk's
    code, out, err = run(capsys, "day-close", "--db", day_db.url, "--date", DAY.isoformat())
    assert code == EXIT_OK, err
    assert "(Main): open" in out and "R2026-000001" in out


@pytest.mark.parametrize("argv, message", [
    (["day-close", "--date", "24.11.2026"], "not a date"),
    (["day-close", "--date", "2026-11-24", "--counted", "5"], "go with --close"),
    (["day-close", "--date", "2026-11-24", "--close"], "needs the cash counted"),
    (["day-close", "--date", "2026-11-24", "--close", "--counted", "1.234", "--float", "0", "--user", "manager"], "fractions"),
    (["day-close", "--date", "2026-11-24", "--counter", "x" * 41], "counter's name"),
    (["export", "--from", "2026-11-30", "--to", "2026-11-01", "-o", "x.xlsx"], "ends before"),
    (["export", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "x.csv"], ".xlsx"),
])
def test_bad_input_gets_one_clear_line(day_db: Database, capsys: pytest.CaptureFixture[str], argv: list[str],
                                       message: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, *argv[:1], "--db", day_db.url, *argv[1:])
    assert code == EXIT_ERROR
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("frontdesk: ") and message in lines[0], err


def first_customer(path: Path) -> object:
    """The first ticket's customer on the workbook's tickets sheet, found by
    its column's key (columns are added as the format grows)."""
    keys = [c.key for c in schema.SHEETS["tickets"]]
    return load_workbook(str(path))["tickets"].cell(row=2, column=keys.index("customer_name") + 1).value


def test_export_and_consolidate_from_the_command_line(day_db: Database, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shop = tmp_path / "shop.xlsx"
    code, out, err = run(capsys, "export", "--db", day_db.url, "--from", "2026-11-01", "--to", "2026-11-30",
                         "-o", str(shop))
    assert code == EXIT_OK, err
    assert "receipts 5" in out and "Exporting" in err and "100%" in err
    assert first_customer(shop) == "张*"
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    full = tmp_path / "full.xlsx"
    code, out, err = run(capsys, "export", "--db", day_db.url, "--from", "2026-11-01", "--to", "2026-11-30",
                         "-o", str(full), "--unmasked", "--user", "manager", "--quiet", "--lang", "zh_CN")
    assert code == EXIT_OK, err
    assert first_customer(full) == "张三"
    code, _out, err = run(capsys, "export", "--db", day_db.url, "--from", "2026-11-01", "--to", "2026-11-30",
                          "-o", str(full), "--unmasked", "--user", "clerk")
    assert code == EXIT_ERROR
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    out_all = tmp_path / "all.xlsx"
    code, _out, err = run(capsys, "consolidate", str(shop), str(bad), "-o", str(out_all))
    assert code == EXIT_ERROR and "nothing was written" in err and str(bad) in err and "not an Excel" in err
    assert not out_all.exists()
    code, out, err = run(capsys, "consolidate", str(shop), "-o", str(out_all), "--quiet")
    assert code == EXIT_OK, err
    assert out_all.is_file() and "tickets 1" in out


def test_day_close_pdf_comes_out_in_the_language_asked_for(day_db: Database, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "zh.pdf"
    code, out, err = run(capsys, "day-close", "--db", day_db.url, "--date", DAY.isoformat(), "--lang", "zh_CN",
                         "--pdf", str(pdf))
    assert code == EXIT_OK, err
    text = "".join(pdf_text(pdf).split())
    assert "日结" in text and "Dayclose" not in text
    english = tmp_path / "en.pdf"
    code, out, err = run(capsys, "day-close", "--db", day_db.url, "--date", DAY.isoformat(), "--pdf", str(english))
    assert code == EXIT_OK, err
    assert "日结" not in "".join(pdf_text(english).split())
