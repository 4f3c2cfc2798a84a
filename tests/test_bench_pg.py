"""``frontdesk bench --db postgresql://...`` builds the bench data on the
server and runs every case there, each with its raw psycopg baseline; every
case of its JSON says whether it passed.  Structure, not speed: a few hundred
tickets and one round (figures at this size mean nothing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

PG = os.environ.get("FRONTDESK_TEST_PG_URL")
ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.skipif(not PG, reason="FRONTDESK_TEST_PG_URL names no PostgreSQL server"), pytest.mark.slow]


def test_the_benchmark_runs_every_case_on_postgresql_and_says_whether_each_passed(tmp_path: Path) -> None:
    import psycopg

    assert PG
    name = f"bench_test_{uuid.uuid4().hex[:8]}"
    url = make_url(PG).set(database=name).render_as_string(hide_password=False)
    out = tmp_path / "bench.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTDESK_LANG": "en"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "frontdesk.bench", "--db", url, "--tickets", "300", "--rounds", "1",
             "--export-tickets", "100", "--json", str(out)],
            capture_output=True, text=True, timeout=600, env=env, cwd=ROOT)
        assert done.returncode == 0, done.stderr[-3000:]
        result = json.loads(out.read_text(encoding="utf-8"))
        with psycopg.connect(PG, autocommit=True) as admin:  # the run's copy is gone; the built database stays
            names = {r[0] for r in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                                                 (name + "%",))}
        assert names == {name}
    finally:
        with psycopg.connect(PG, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert result["database"]["dialect"] == "postgresql" and result["database"]["tickets"] >= 300
    assert result["method"]["ratio"].endswith("wall time")
    cases = result["cases"]
    assert len(cases) == 14
    for case in cases:
        assert "passed" in case and isinstance(case["passed"], bool), case["name"]
        assert case["runs"] >= 1 and case["median_ms"] > 0, case["name"]
    paired = [c for c in cases if c["baseline_median_ms"]]
    names_paired = {c["name"].split(" (")[0] for c in paired}
    for part in ("customer search as you type", "ticket search by serial prefix", "receipt PDF",
                 "program start to the login window", "service figures of a month"):
        assert any(n.startswith(part) for n in names_paired), part
    assert any(c["name"].startswith("head-office export") for c in paired)
    for case in paired:
        assert case["basis"] == "wall" and case["rounds"] == 1 and len(set(case["extra"]["pids"])) == 2
