"""The benchmark's method (docs/performance.md#method), not its figures:
both sides of a case run every round, each in a fresh process of its own, in
alternating order, and the ratio is the median of the rounds' ratios."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from frontdesk import bench


def _scripted(walls: dict[str, list[float]], cpus: dict[str, list[float]]) -> tuple[bench.Spawn, list[str]]:
    """A spawn that hands out scripted measurements, side by side, and notes who ran when."""
    ran: list[str] = []
    taken = {"ours": 0, "raw": 0}

    def spawn(side: str, env: bench.Env) -> dict[str, Any]:
        n = taken[env.role]
        taken[env.role] += 1
        ran.append(env.role)
        return {"pid": 1000 + len(ran), "wall_ms": walls[env.role][n], "cpu_ms": cpus[env.role][n],
                "samples_ms": [walls[env.role][n]], "extra": {}}

    return spawn, ran


def test_the_ratio_is_the_median_of_the_rounds_ratios_not_the_ratio_of_the_medians(tmp_path: Path) -> None:
    # Rounds' CPU ratios 1, 3, 0.5, 5, 2: median 2.  The medians' ratio would be 30 / 10 = 3.
    cpus = {"ours": [10.0, 30.0, 20.0, 50.0, 40.0], "raw": [10.0, 10.0, 40.0, 10.0, 20.0]}
    walls = {"ours": [10.0] * 5, "raw": [5.0, 5.0, 5.0, 5.0, 2.5]}  # wall ratios 2, 2, 2, 2, 4
    spawn, ran = _scripted(walls, cpus)
    case = bench.paired(bench.Case("stub", "<= 2.5x", max_ratio=2.5), "a:ours", "a:raw",
                        bench.Env(f"sqlite:///{tmp_path / 'x.sqlite'}", str(tmp_path)), 5, spawn)
    assert case.ratios_cpu == [1.0, 3.0, 0.5, 5.0, 2.0]
    assert case.basis == "cpu" and case.ratio == 2.0
    out = case.as_dict()
    assert (out["ratio"], out["ratio_min"], out["ratio_max"], out["ratio_wall"], out["rounds"]) == (2.0, 0.5, 5.0, 2.0, 5)
    assert out["passed"] is True
    # Ours first in even rounds, the baseline first in odd ones.
    assert out["extra"]["order"] == ["ours,raw", "raw,ours", "ours,raw", "raw,ours", "ours,raw"]
    assert ran == ["ours", "raw", "raw", "ours", "ours", "raw", "raw", "ours", "ours", "raw"]


def test_on_postgresql_the_ratio_is_taken_in_wall_time(tmp_path: Path) -> None:
    spawn, _ran = _scripted({"ours": [30.0, 30.0, 30.0], "raw": [10.0, 10.0, 10.0]},
                            {"ours": [1.0, 1.0, 1.0], "raw": [1.0, 1.0, 1.0]})
    case = bench.paired(bench.Case("stub", "<= 2x", max_ratio=2), "a:ours", "a:raw",
                        bench.Env("postgresql://u@h/db", str(tmp_path)), 3, spawn)
    assert case.basis == "wall" and case.ratio == 3.0 and case.as_dict()["passed"] is False


def test_each_side_runs_in_a_fresh_process_of_its_own(tmp_path: Path) -> None:
    env = bench.Env(f"sqlite:///{tmp_path / 'x.sqlite'}", str(tmp_path), {"ours_ms": 40, "raw_ms": 10})
    case = bench.paired(bench.Case("stub", "-"), "stub_side", "stub_side", env, 2)
    pids = case.extra["pids"]
    assert len(pids) == 4 and len(set(pids)) == 4 and os.getpid() not in pids
    assert case.extra["order"] == ["ours,raw", "raw,ours"]
    # The stubs spend 40 and 10 ms of CPU: each round's CPU ratio is near 4 (the clock is coarse: loosely).
    assert all(2.5 < r < 6 for r in case.ratios_cpu), case.ratios_cpu
    assert case.samples_ms == [40.0, 40.0] and case.baseline_ms == [10.0, 10.0]


def test_a_side_that_fails_says_so_with_its_error(tmp_path: Path) -> None:
    env = bench.Env(f"sqlite:///{tmp_path / 'x.sqlite'}", str(tmp_path), {})  # no "ours_ms": the stub fails
    with pytest.raises(RuntimeError, match="KeyError"):
        bench.spawn_side("stub_side", env)


def test_each_run_measures_a_fresh_copy_and_leaves_the_built_database_as_it_was(tmp_path: Path) -> None:
    import sqlite3

    built = tmp_path / "built.sqlite"
    with sqlite3.connect(built) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    folder = tmp_path / "run"
    folder.mkdir()
    with bench.fresh_copy(f"sqlite:///{built}", folder) as url:
        copy = Path(url.removeprefix("sqlite:///"))
        assert copy != built and copy.exists()
        with sqlite3.connect(copy) as conn:
            conn.execute("INSERT INTO t VALUES (2)")
    with sqlite3.connect(built) as conn:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]


def test_the_start_is_timed_with_the_program_compiled_as_an_install_leaves_it() -> None:
    """A module without its bytecode is compiled from source at every start
    when nothing may write it (PYTHONDONTWRITEBYTECODE): the start's case
    compiles the program first, outside its timed region."""
    import importlib.util

    import frontdesk
    from frontdesk.ui import bench_qt

    cached = Path(importlib.util.cache_from_source(str(Path(frontdesk.__file__).parent / "clock.py")))
    cached.unlink(missing_ok=True)
    assert bench_qt.compiled()
    assert cached.exists()
