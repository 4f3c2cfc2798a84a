"""Does the head-office export's memory stay flat as the period grows?

    .venv/bin/python tools/bench_export_memory.py [--small 300] [--factor 10] [--json FILE]

Fills two demo databases (``--small`` tickets and ``factor`` times as many,
over proportionally more days), exports each whole period with
:func:`frontdesk.headoffice.export.export_workbook`, and measures the peak
Python heap during the export (tracemalloc) and the time.  Prints the
figures and the ratio of the peaks; a flat export keeps the ratio near 1
(the issue asks for at most 1.5 at 10,000 vs 100,000 tickets, measured by
the benchmark of the performance issue).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

END = datetime(2026, 11, 24, 18, 0)


def measure(tickets: int, days: int, folder: Path) -> dict[str, float]:
    from frontdesk.db.migrate import open_database
    from frontdesk.demo import DemoOptions, fill
    from frontdesk.headoffice.export import export_workbook

    db = open_database(f"sqlite:///{folder / f'demo-{tickets}.sqlite'}", daily_backup=False)
    fill(db, DemoOptions(days=days, tickets=tickets, seed=3, now=END))
    out = folder / f"export-{tickets}.xlsx"
    tracemalloc.start()
    started = time.perf_counter()
    result = export_workbook(db, None, out, (END - timedelta(days=days + 1)).date(), date(2026, 11, 24))
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"tickets": float(result.rows.get("tickets", 0)), "rows": float(sum(result.rows.values())),
            "peak_mib": peak / 2**20, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="frontdesk-bench-") as tmp:
        small = measure(args.small, max(5, args.small // 60), Path(tmp))
        large = measure(args.small * args.factor, max(5, args.small * args.factor // 60), Path(tmp))
    ratio = large["peak_mib"] / small["peak_mib"] if small["peak_mib"] else float("inf")
    print(f"{'tickets':>10} {'rows':>10} {'peak MiB':>10} {'seconds':>9}")
    for row in (small, large):
        print(f"{row['tickets']:>10.0f} {row['rows']:>10.0f} {row['peak_mib']:>10.1f} {row['seconds']:>9.2f}")
    print(f"peak memory ratio at {args.factor}x the tickets: {ratio:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"small": small, "large": large, "peak_ratio": ratio}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
