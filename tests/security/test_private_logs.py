"""Logs without personal data (finding 7 of issue 17): a PostgreSQL
connection dropped in the middle of an intake wrote the statement's
parameters (the customer's name, phone and address) into frontdesk.log.

The log file is set up as the window sets it up (:func:`frontdesk.logs.log_to_file`);
the intake runs through ``Database.run`` as the window's ``ctx.write`` does."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk import logs
from frontdesk.db.engine import Database
from frontdesk.db.models import User
from frontdesk.errors import ValidationError
from frontdesk.intake import service as intake
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, fridge_form

NAME = "欧阳明月"
PHONE = "13987654321"
ADDRESS = "北京市海淀区学院路38号3单元502"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "frontdesk.log"
    handler = logs.log_to_file(path)
    try:
        yield path
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _form() -> intake.IntakeForm:
    return fridge_form(name=NAME, phone=PHONE, address=ADDRESS)


def _assert_private(text_: str) -> None:
    for secret in (NAME, PHONE, ADDRESS, "38号"):
        assert secret not in text_, secret


def _terminate(db: Database, pid: int) -> None:
    admin = create_engine(db.engine.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        admin.dispose()


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_connection_dropped_mid_intake_leaves_no_customer_in_the_log(
        db: Database, users: tuple[Actor, Actor], log_file: Path) -> None:
    _manager, clerk = users
    tries: list[int] = []

    def work(s: Session) -> int:
        tries.append(1)
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()  # the intake's transaction is open
        if len(tries) == 1:
            _terminate(db, pid)  # ...and its connection is dropped before the customer is written
        return intake.take_intake(s, clerk, _form(), now=NOW).ticket_id

    ticket_id = db.run(work)
    assert ticket_id and len(tries) == 2
    written = log_file.read_text(encoding="utf-8")
    assert "database busy or reconnecting (attempt 1): AdminShutdown: terminating connection" in written
    _assert_private(written)


def test_a_database_error_logged_with_its_traceback_quotes_no_values(
        db: Database, users: tuple[Actor, Actor], log_file: Path) -> None:
    """A broken constraint is a bug: logged whole (the crash dialog's
    report), but neither its parameters nor PostgreSQL's DETAIL line (which
    repeats the key's value) reach the file."""
    manager, _clerk = users

    def same_name(s: Session) -> None:
        s.add(User(name=manager.name, role="clerk", pin_hash="x", full_name=NAME, active=True, created_at=NOW))
        s.flush()

    with pytest.raises(IntegrityError) as err:
        db.run(same_name)
    assert NAME not in str(err.value)  # hide_parameters
    logging.getLogger("frontdesk.ui.errors").error("unexpected error", exc_info=err.value)
    written = log_file.read_text(encoding="utf-8")
    assert "IntegrityError" in written
    _assert_private(written)
    assert f"=({manager.name})" not in written


def test_scrub_removes_a_detail_line_and_parameters() -> None:
    message = ('(psycopg.errors.UniqueViolation) duplicate key value violates unique constraint "x"\n'
               f"DETAIL:  Key (phone)=({PHONE}) already exists.\n"
               "[SQL: INSERT INTO customers (name, phone) VALUES (%(name)s, %(phone)s)]\n"
               f"[parameters: {{'name': '{NAME}', 'phone': '{PHONE}'}}]\n"
               "(Background on this error at: https://sqlalche.me/e/21/gkpj)")
    scrubbed = logs.scrub(message)
    _assert_private(scrubbed)
    assert "duplicate key value violates unique constraint" in scrubbed
    assert "[SQL: INSERT INTO customers" in scrubbed
    assert "(Background on this error" in scrubbed


def test_the_window_logs_the_kind_of_problem_it_showed_not_its_words(qtbot: Any, caplog: pytest.LogCaptureFixture,
                                                                     ) -> None:
    # Here, not at the top: the other tests of this file need no Qt.
    from PySide6.QtWidgets import QLabel

    from frontdesk.ui.errors import report

    label = QLabel()
    qtbot.addWidget(label)
    problem = ValidationError({"phone": f"{PHONE} is not a mobile or landline number of {NAME}."})
    with caplog.at_level(logging.INFO):
        report(None, problem, label)
    assert label.text() == f"{PHONE} is not a mobile or landline number of {NAME}."  # the clerk reads it
    assert "shown to the user: ValidationError (phone)" in caplog.text
    _assert_private(caplog.text)
