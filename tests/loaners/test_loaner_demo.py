"""The loaner demo fill, on top of a small main demo: units in every status,
pull-backs, loans out, overdue and returned, made through the services and
consistent with the pool."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from frontdesk.db.engine import Database
from frontdesk.demo import DemoOptions
from frontdesk.demo import fill as main_fill
from frontdesk.loaners import service as loaners
from frontdesk.loaners.models import Loan, LoanerUnit, PullBack

END = datetime(2026, 11, 25, 15, 0)


def test_loaner_demo_fill(tmp_path: Path, sqlite_template: Path) -> None:
    path = tmp_path / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    seen: list[float] = []
    summary = main_fill(db, DemoOptions(days=20, tickets=150, seed=1, now=END),
                        progress=lambda f, _note: seen.append(f))  # `frontdesk demo` fills loaners too
    counts = summary.loaners
    assert seen and seen[-1] == 1.0
    assert "Loaners: " in summary.text()
    assert counts["loaner_units"] > 0 and counts["pullbacks"] > 0 and counts["loans"] > 0
    assert counts["loans"] == counts["loans_returned"] + counts["loans_out"] + counts["loans_overdue"]
    with db.read() as s:
        statuses = set(s.scalars(select(LoanerUnit.status)))
        assert statuses == {loaners.AVAILABLE, loaners.LENT, loaners.MAINTENANCE, loaners.RETIRED}
        out = loaners.loans_out(s, END.date())
        assert len(out) == counts["loans_out"] + counts["loans_overdue"]
        lent = set(s.scalars(select(LoanerUnit.id).where(LoanerUnit.status == loaners.LENT)))
        assert lent == {v.unit_id for v in out}
        assert len(loaners.overdue(s, END.date())) == counts["loans_overdue"]
        assert s.scalar(select(func.count(Loan.id)).where(Loan.returned_at.is_not(None))) == counts["loans_returned"]
        assert s.scalar(select(func.count(PullBack.id))) == counts["pullbacks"]
    db.dispose()
