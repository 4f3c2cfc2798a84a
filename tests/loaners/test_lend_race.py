"""Several processes, each with its own connection, lend the same unit at
the same moment, round after round, on SQLite (a file) and PostgreSQL:
exactly one succeeds each round and the others get Conflict naming the
ticket that holds the unit."""

from __future__ import annotations

import multiprocessing

from sqlalchemy import func, select

from frontdesk.db.engine import Database
from frontdesk.db.models import Ticket
from frontdesk.loaners.models import Loan
from frontdesk.users import Actor
from tests.loaners import lend_worker
from tests.loaners.loaner_helpers import add_units, workshop_ticket

PROCESSES = 4
ROUNDS = 12


def test_one_unit_is_lent_once_when_counters_race(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    # A ticket has one loaner at a time: each process lends on a fresh ticket each round.
    tickets = [[workshop_ticket(db, clerk, serial=f"SN-{w}-{n}", phone=f"13812{w:02d}{n:04d}") for n in range(ROUNDS)]
               for w in range(PROCESSES)]
    tags = [f"RACE-{n:02d}" for n in range(ROUNDS)]
    add_units(db, manager, *tags)
    with db.read() as s:
        numbers = {t.id: t.number for t in s.scalars(select(Ticket))}
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    workers = [ctx.Process(target=lend_worker.lend,
                           args=(db.url, (clerk.id, clerk.name, clerk.role), w, tickets[w], tags, barrier, results))
               for w in range(PROCESSES)]
    for process in workers:
        process.start()
    outcomes = dict(results.get(timeout=120) for _ in workers)
    for process in workers:
        process.join(timeout=60)
        assert process.exitcode == 0
    with db.read() as s:
        holders = dict(s.execute(select(Loan.unit_id, Loan.ticket_id).where(Loan.returned_at.is_(None))).all())
        assert s.scalar(select(func.count(Loan.id))) == ROUNDS
    assert len(holders) == ROUNDS
    for n in range(ROUNDS):
        won = [w for w in range(PROCESSES) if outcomes[w][n] == "lent"]
        lost = [w for w in range(PROCESSES) if outcomes[w][n].startswith("conflict:")]
        assert len(won) == 1, (n, outcomes)
        assert len(lost) == PROCESSES - 1, (n, outcomes)
        holder = numbers[tickets[won[0]][n]]
        assert numbers[holders[min(holders) + n]] == holder
        for w in lost:  # the message names the ticket that holds the unit
            assert holder in outcomes[w][n]
