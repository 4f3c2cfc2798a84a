"""The command line: expected problems end with one line and exit code 2,
never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk import cli, clock
from frontdesk.billing.models import Receipt
from frontdesk.cli import EXIT_ERROR, EXIT_OK, main
from frontdesk.db.engine import Database

UNREACHABLE = "postgresql://nobody@127.0.0.1:1/none"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # Never touch the user's own database, PIN or language.
    for name in ("FRONTDESK_DB", "FRONTDESK_PIN", "FRONTDESK_NEW_PIN", "FRONTDESK_LANG", "FRONTDESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("frontdesk: ") and "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("argv", [
    ["frobnicate"],
    ["demo", "--days", "many"],
    ["demo", "--colour", "red"],
    ["users", "add", "li"],  # --role is required
    ["users", "add", "li", "--role", "boss"],
    ["users", "add", "li", "--role", "clerk", "--pin", "2222"],  # a PIN is never an argument: every local user sees them
    ["users", "unlock"],  # whom?
    ["db", "downgrade"],
])
def test_bad_arguments_end_with_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == EXIT_ERROR and out == ""
    line = one_line_error(err)
    assert "Bad arguments" in line and "usage:" not in err


def test_values_the_command_refuses_end_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "x.sqlite")
    code, _out, err = run(capsys, "demo", "--days", "0", "--db", db)
    assert code == EXIT_ERROR and "--days" in one_line_error(err)
    code, _out, err = run(capsys, "users", "list", "--db", db, "--lang", "klingon")
    assert code == EXIT_ERROR and "klingon" in one_line_error(err)
    code, _out, err = run(capsys, "db", "--db", db)
    assert code == EXIT_ERROR and "db upgrade" in one_line_error(err)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("frontdesk ")


@pytest.mark.parametrize("argv", [["db", "current"], ["users", "list"], ["db", "upgrade"]])
def test_an_unreachable_postgresql_server_is_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv, "--db", UNREACHABLE)
    assert code == EXIT_ERROR and out == ""
    assert "database" in one_line_error(err).lower()


def test_an_sqlite_file_in_a_missing_folder_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "no such folder"
    for db in (str(missing / "shop.sqlite"), f"sqlite:///{missing / 'shop.sqlite'}"):
        code, _out, err = run(capsys, "users", "list", "--db", db)
        assert code == EXIT_ERROR
        line = one_line_error(err)
        assert "folder" in line and str(missing) in line
    assert not missing.exists()


def test_db_upgrade_then_current_says_newest(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "shop.sqlite")
    code, out, _err = run(capsys, "db", "current", "--db", db)
    assert code == EXIT_OK and "db upgrade" in out and "newest" in out  # an empty file: not yet
    code, out, _err = run(capsys, "db", "upgrade", "--db", db)
    assert code == EXIT_OK and out.startswith("Schema at version ")
    code, out, _err = run(capsys, "db", "current", "--db", db)
    assert code == EXIT_OK and out.strip().endswith("(newest)") and "upgrade" not in out


def test_users_add_the_first_manager_then_a_clerk_with_the_managers_pin(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "shop.sqlite")
    # No new PIN in the environment and no terminal to ask on.
    code, _out, err = run(capsys, "users", "add", "wang", "--role", "manager", "--db", db)
    assert code == EXIT_ERROR and one_line_error(err) == (
        "frontdesk: No new PIN given for wang: set FRONTDESK_NEW_PIN or run on a terminal.")
    monkeypatch.setenv("FRONTDESK_NEW_PIN", "2222")
    code, _out, err = run(capsys, "users", "add", "li", "--role", "clerk", "--db", db)
    assert code == EXIT_ERROR and "first user must be a manager" in one_line_error(err)
    monkeypatch.setenv("FRONTDESK_NEW_PIN", "1111")
    code, out, err = run(capsys, "users", "add", "wang", "--role", "manager", "--full-name", "王经理", "--db", db)
    assert (code, out.strip(), err) == (EXIT_OK, "Added manager wang.", "")
    # The next user needs a manager, named with --user, whose PIN is asked (FRONTDESK_PIN).
    monkeypatch.setenv("FRONTDESK_NEW_PIN", "2222")
    code, _out, err = run(capsys, "users", "add", "li", "--role", "clerk", "--db", db)
    assert code == EXIT_ERROR and "--user" in one_line_error(err)
    code, _out, err = run(capsys, "users", "add", "li", "--role", "clerk", "--user", "wang", "--db", db)
    assert code == EXIT_ERROR and "No PIN given: set FRONTDESK_PIN" in one_line_error(err)
    monkeypatch.setenv("FRONTDESK_PIN", "0000")
    code, _out, err = run(capsys, "users", "add", "li", "--role", "clerk", "--user", "wang", "--db", db)
    assert code == EXIT_ERROR and "Wrong user name or PIN" in one_line_error(err)
    monkeypatch.setenv("FRONTDESK_PIN", "1111")
    code, out, _err = run(capsys, "users", "add", "li", "--role", "clerk", "--user", "wang", "--db", db)
    assert (code, out.strip()) == (EXIT_OK, "Added clerk li.")
    code, _out, err = run(capsys, "users", "add", "li", "--role", "clerk", "--user", "wang", "--db", db)
    assert code == EXIT_ERROR and "already exists" in one_line_error(err)
    code, out, _err = run(capsys, "users", "list", "--db", db)
    assert code == EXIT_OK
    assert [line.split("\t")[:2] for line in out.strip().splitlines()] == [["li", "Clerk"], ["wang", "Manager"]]


def test_users_pin_unlock_disable_and_enable_ask_a_pin_and_are_audited(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Here, not at the top: only this test reads the users and the trail.
    from frontdesk import users
    from frontdesk.db.models import AuditRecord, User

    stopped = clock.now()  # the waits read in whole seconds: the clock stands still, however slow the machine
    monkeypatch.setattr(clock, "now", lambda: stopped)
    db = str(tmp_path / "shop.sqlite")
    monkeypatch.setenv("FRONTDESK_NEW_PIN", "1111")
    assert run(capsys, "users", "add", "wang", "--role", "manager", "--db", db)[0] == EXIT_OK
    monkeypatch.setenv("FRONTDESK_PIN", "1111")
    monkeypatch.setenv("FRONTDESK_NEW_PIN", "2222")
    assert run(capsys, "users", "add", "li", "--role", "clerk", "--user", "wang", "--db", db)[0] == EXIT_OK
    # li guesses wang's PIN three times: wang waits, and so does the manager's approval.
    for pin in ("0000", "0001", "0002"):
        monkeypatch.setenv("FRONTDESK_PIN", pin)
        code, _out, err = run(capsys, "users", "unlock", "li", "--db", db, "--user", "wang")
        assert code == EXIT_ERROR
    assert one_line_error(err) == ("frontdesk: Wrong user name or PIN. Too many wrong PINs for wang: try again in "
                                   "30 seconds.")
    code, out, _err = run(capsys, "users", "list", "--db", db)
    assert [line.split("\t") for line in out.strip().splitlines()] == [
        ["li", "Clerk", ""], ["wang", "Manager", "waits 30 seconds"]]
    filled = Database(db)
    with filled.write() as s:  # the wait is over (as if 30 seconds had passed)
        wang = s.scalar(select(User).where(User.name == "wang"))
        assert wang is not None and wang.failed_pins == 3
        wang.pin_wait_until = None
    # A user sets their own PIN with their own PIN; the new one from FRONTDESK_NEW_PIN.
    monkeypatch.setenv("FRONTDESK_PIN", "2222")
    monkeypatch.setenv("FRONTDESK_NEW_PIN", "246810")
    code, out, err = run(capsys, "users", "pin", "li", "--db", db)
    assert (code, out.strip()) == (EXIT_OK, "The PIN of li is changed."), err
    # The manager disables, enables and unlocks, each with their PIN.
    monkeypatch.setenv("FRONTDESK_PIN", "1111")
    for command, said in (("disable", "li is disabled."), ("enable", "li is enabled."),
                          ("unlock", "li is unlocked (0 wrong PINs forgiven).")):
        code, out, err = run(capsys, "users", command, "li", "--db", db)  # the only manager: no --user needed
        assert (code, out.strip()) == (EXIT_OK, said), err
    # A clerk cannot: their own PIN is no manager's.
    monkeypatch.setenv("FRONTDESK_PIN", "246810")
    code, _out, err = run(capsys, "users", "disable", "wang", "--user", "li", "--db", db)
    assert code == EXIT_ERROR and one_line_error(err) == "frontdesk: li is not a manager."
    with filled.read() as s:
        trail = [(r.action, r.user_id, r.approver_id, r.detail) for r in s.scalars(
            select(AuditRecord).where(AuditRecord.action.like("user.%")).order_by(AuditRecord.id))]
        wang_id, li_id = (users.get_actor(s, n).id for n in ("wang", "li"))
    filled.dispose()
    assert trail == [("user.add", wang_id, None, {"name": "wang", "role": "manager"}),
                     ("user.add", wang_id, wang_id, {"name": "li", "role": "clerk"}),
                     ("user.pin", li_id, None, {}),
                     ("user.active", wang_id, wang_id, {"active": False}),
                     ("user.active", wang_id, wang_id, {"active": True}),
                     ("user.unlock", wang_id, wang_id, {"name": "li", "failures": 0})]


def test_demo_fills_a_database_and_prints_the_users(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A working day's end: twenty tickets over two days ending at some minutes of a morning took no payment yet.
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 20, 17, 30))
    db = str(tmp_path / "demo.sqlite")
    code, out, err = run(capsys, "demo", "--days", "2", "--tickets", "20", "--quiet", "--counter", "desk 2", "--db", db)
    assert code == EXIT_OK and err == ""
    assert "20 tickets" in out
    filled = Database(db)
    with filled.read() as s:
        drawers = s.execute(select(Receipt.counter, func.count()).group_by(Receipt.counter)).all()
    filled.dispose()
    assert [name for name, _n in drawers] == ["desk 2"]  # the demo's money went through the counter it was given
    for line in ("wang / 1111", "li / 2222", "zhao / 3333"):
        assert line in out
    code, out, _err = run(capsys, "users", "list", "--db", db)
    assert {line.split("\t")[0] for line in out.strip().splitlines()} == {"wang", "li", "zhao"}
    # Without --quiet a progress bar runs to 100% on stderr.
    code, out, err = run(capsys, "demo", "--days", "1", "--tickets", "5", "--shop", "测试店", "--db", db)
    assert code == EXIT_OK and "100%" in err and "Traceback" not in err
    assert "测试店" in out and "25 tickets" in out


def test_the_installed_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")}
    done = subprocess.run([sys.executable, "-m", "frontdesk", "db", "current", "--db", UNREACHABLE],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == EXIT_ERROR and done.stdout == ""
    line = one_line_error(done.stderr)
    assert "cannot reach the database" in line


@pytest.mark.parametrize("argv", [
    [], ["gui"], ["--db", "x.sqlite"], ["--db", "x.sqlite", "gui"], ["gui", "--db", "x.sqlite", "--lang", "zh_CN"],
    ["--db=x.sqlite", "-v", "gui", "--language", "en"], ["--lang", "en", "--db", "gui"],
])
def test_the_window_is_opened_through_its_own_small_parser(argv: list[str]) -> None:
    """Opening the window builds only its parser, which reads its command
    line as the whole one does."""
    assert cli.opens_the_window(argv)
    assert vars(cli.window_parser().parse_args(argv)) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["--help"], ["--version"], ["demo"], ["gui", "gui"], ["--db"], ["--db", "x", "day-close"], ["gui", "--out", "x"],
])
def test_every_other_command_line_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert not cli.opens_the_window(argv)
