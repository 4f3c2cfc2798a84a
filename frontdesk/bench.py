"""The performance benchmark (docs/performance.md): ``python -m frontdesk.bench``.

Builds (or reuses) a database filled by the bulk demo (:mod:`frontdesk.bulkdemo`),
runs each case several times, each beside a baseline that does the bare
minimum of the same work in the same run, and prints a table (median, p95,
p99, the baseline's median, the ratio, the target, pass or miss); ``--json``
writes the same as JSON.

    python -m frontdesk.bench                       # 1,000,000 tickets (builds bench-1000000.sqlite once)
    python -m frontdesk.bench --tickets 20000       # a quick run
    python -m frontdesk.bench --db FILE --json out.json

The window's cases (the ticket list, the start) live in
:mod:`frontdesk.ui.bench_qt`, loaded only when they run; the start-up case
runs fresh processes.  Figures depend on the machine: the table says which one.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from frontdesk import clock, counters, i18n
from frontdesk.db.engine import Database
from frontdesk.i18n import _

log = logging.getLogger(__name__)

DEFAULT_TICKETS = 1_000_000
DAY_TICKETS = 500  # the day close case: a day with about this many tickets
BENCH_END = datetime(2026, 11, 25, 17, 30)  # the end of the generated history (a fixed moment: same data each run)


@dataclass
class Case:
    name: str
    target: str
    samples_ms: list[float] = field(default_factory=list)
    baseline_ms: list[float] = field(default_factory=list)
    # Absolute limits (ms) on the median / p95 / p99, and on the ratio to the baseline's median.
    max_median: float | None = None
    max_p95: float | None = None
    max_p99: float | None = None
    max_ratio: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms) if self.samples_ms else float("nan")

    def pct(self, p: float) -> float:
        if not self.samples_ms:
            return float("nan")
        data = sorted(self.samples_ms)
        k = min(len(data) - 1, max(0, int(round(p / 100 * (len(data) - 1)))))
        return data[k]

    @property
    def base(self) -> float | None:
        return statistics.median(self.baseline_ms) if self.baseline_ms else None

    @property
    def ratio(self) -> float | None:
        base = self.base
        return self.median / base if base else None

    @property
    def passed(self) -> bool:
        checks = [
            self.max_median is None or self.median <= self.max_median,
            self.max_p95 is None or self.pct(95) <= self.max_p95,
            self.max_p99 is None or self.pct(99) <= self.max_p99,
            self.max_ratio is None or (self.ratio is not None and self.ratio <= self.max_ratio),
        ]
        return all(checks)

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k not in ("samples_ms", "baseline_ms")}
        out.update(runs=len(self.samples_ms), median_ms=round(self.median, 3), p95_ms=round(self.pct(95), 3),
                   p99_ms=round(self.pct(99), 3), baseline_median_ms=round(self.base, 3) if self.base else None,
                   ratio=round(self.ratio, 3) if self.ratio else None, passed=self.passed,
                   samples_ms=[round(x, 3) for x in self.samples_ms],
                   baseline_ms=[round(x, 3) for x in self.baseline_ms])
        return out


def _timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


# -- the database ----------------------------------------------------------------------------------

def ensure_database(path: Path, tickets: int, progress: bool = True) -> Database:
    """The bench database at ``path``: reused when it holds at least ``tickets``
    tickets, else built by the bulk demo."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk import demo_marker
    from frontdesk.db.migrate import upgrade
    from frontdesk.db.models import Ticket
    from frontdesk.demo import DemoOptions, fill

    db = Database(f"sqlite:///{path.resolve()}")
    upgrade(db)
    with db.read() as s:
        have = int(s.scalar(select(func.count(Ticket.id))) or 0)
        if have and not demo_marker.made_by_demo(s):  # the cases take intakes and payments: never in a shop's own
            raise SystemExit(demo_marker.NotADemoDatabase().message)
    if have >= tickets:
        return db
    if have:
        raise SystemExit(_("{path} holds {have} tickets, fewer than {want}: use another file.").format(
            path=path, have=have, want=tickets))

    def report(fraction: float, note: str) -> None:
        if progress:
            sys.stderr.write(f"\r{_('Building the database')} {int(fraction * 100):3d}% {note[:40]:40}")
            sys.stderr.flush()

    started = time.monotonic()
    try:
        fill(db, DemoOptions(tickets=tickets, bulk=True, now=BENCH_END), progress=report)
    except demo_marker.NotADemoDatabase as exc:
        raise SystemExit(exc.message) from None
    if progress:
        sys.stderr.write("\n")
    print(_("Built {tickets} tickets in {seconds:.0f} s").format(tickets=tickets, seconds=time.monotonic() - started))
    return db


# -- the cases -------------------------------------------------------------------------------------

def _typing(text: str) -> list[str]:
    return [text[:n] for n in range(1, len(text) + 1)]


def case_search(db: Database, path: Path, rounds: int) -> Case:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk import customers
    from frontdesk.db.models import Customer

    case = Case(_("customer search as you type"), "median <= 5 ms, p99 <= 16 ms, <= 2x raw sqlite3",
                max_median=5, max_p99=16, max_ratio=2)
    with db.read() as s:
        n = int(s.scalar(select(func.count(Customer.id))) or 0)
        some = list(s.execute(select(Customer.name, Customer.phone).where(Customer.id % 997 == 1).limit(rounds * 3)))
    texts: list[str] = []
    for name, phone in some:
        digits = phone.removeprefix("+86")
        texts += _typing(digits[:7]) + [digits]  # a number typed from its start
        texts += [digits[-4:]]  # "the last four?"
        texts += _typing(name[:2]) if not name.isascii() else _typing(name.split()[0].lower()[:5])
    texts += _typing("john smi") + ["张三", "张", "李四"]
    case.extra = {"customers": n, "keystrokes": len(texts)}
    raw = sqlite3.connect(str(path))
    top = customers.TOP

    def baseline(text: str) -> None:
        # The same three reads, by hand, on the same index: keys, customers, ticket counts.
        digits = "".join(ch for ch in text if ch.isdigit())
        if digits and len(digits) == len(text.replace(" ", "")):
            prefixes = ["p:" + digits] + (["s:" + digits[::-1]] if len(digits) >= 4 else [])
        else:
            prefixes = ["n:" + customers.normalize_name(text)]
        ids: list[int] = []
        for p in prefixes:
            ids += [r[0] for r in raw.execute(
                "SELECT customer_id FROM customer_keys WHERE key >= ? AND key < ? LIMIT 40", (p, p + top))]
        ids = list(dict.fromkeys(ids))[:20]
        marks = ",".join("?" * len(ids))
        if ids:
            raw.execute(f"SELECT id, name, phone_display, address FROM customers WHERE id IN ({marks})", ids).fetchall()
            raw.execute(f"SELECT customer_id, count(id), max(intake_at) FROM tickets WHERE customer_id IN ({marks}) "
                        "GROUP BY customer_id", ids).fetchall()

    def ours(text: str) -> None:
        with db.read() as s:
            customers.search(s, text)

    for text in texts[:20]:  # warm the caches of both
        ours(text)
        baseline(text)
    # Each keystroke reads pages the other side then finds in the cache: who
    # goes first takes turns, so neither side is always the one that pays
    # for reading them from disk.
    for n, text in enumerate(texts):
        if n % 2:
            case.baseline_ms.append(_timed(partial(baseline, text)))
            case.samples_ms.append(_timed(partial(ours, text)))
        else:
            case.samples_ms.append(_timed(partial(ours, text)))
            case.baseline_ms.append(_timed(partial(baseline, text)))
    raw.close()
    return case


def _actor(db: Database, name: str) -> Any:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import User
    from frontdesk.users import Actor

    with db.read() as s:
        user = s.scalar(select(User).where(User.name == name))
        assert user is not None, name
        return Actor(user.id, user.name, user.role)


def case_intake(db: Database, rounds: int) -> Case:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.intake import service as intake

    case = Case(_("intake save (validation, insert, timeline, audit)"), "p95 <= 10 ms", max_p95=10)
    clerk = _actor(db, "li")
    now = clock.now()

    def one(n: int) -> None:
        form = intake.IntakeForm(
            channel=intake.WALK_IN, kind=intake.REPAIR, name=f"测试{n:04d}", phone=f"139{n:08d}",
            address="北京市海淀区中关村大街1号", area="海淀区", category="mobile_phone", brand="华为 Huawei",
            model="Mate 60 Pro", serial=f"BENCH{os.getpid()}{n:06d}", fault="屏幕碎裂", request="检测后报价")
        with db.write() as s:
            intake.take_intake(s, clerk, form, now=now)

    one(0)
    for n in range(1, rounds + 1):
        case.samples_ms.append(_timed(partial(one, n)))
    return case


def _quote_ticket(db: Database) -> tuple[int, list[Any]]:
    """A fresh repair ticket and ten lines the schedule prices for it."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.billing import pricing, schedules
    from frontdesk.intake import service as intake

    clerk = _actor(db, "li")
    with db.write() as s:
        res = intake.take_intake(s, clerk, intake.IntakeForm(
            channel=intake.WALK_IN, kind=intake.REPAIR, name="报价测试", phone="13900000000",
            category="air_conditioner", brand="格力 Gree", model="KFR-35GW", serial=f"Q{os.getpid()}",
            fault="不制冷", purchase_date=date(2015, 5, 1)))
        sched = schedules.schedule_in_force(s, clock.now().date())
        chosen = schedules.lines_for(sched, "air_conditioner")
    items: list[Any] = []
    for (kind, code), _line in sorted(chosen.items()):
        if kind in (pricing.LABOUR, pricing.PART, pricing.INSPECTION, pricing.TRANSPORT):
            items.append(pricing.QuoteItem(kind, code, qty=1 + len(items) % 3))
    while len(items) < 10 and items:
        items.append(pricing.QuoteItem(pricing.PART, f"BENCH-{len(items)}", qty=1, description="配件",))
    return res.ticket_id, items[:10]


def case_quote(db: Database, rounds: int) -> tuple[Case, Case, int, list[Any]]:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk import settings
    from frontdesk.billing import pricing, quotes, schedules

    ticket_id, items = _quote_ticket(db)
    items = [i for i in items if not i.code.startswith("BENCH")]
    with db.read() as s:
        view = schedules.schedule_view(schedules.schedule_in_force(s, clock.now().date()), "air_conditioner")
        rate = Decimal(str(settings.get(s, "tax_rate")))
    while len(items) < 10:
        items.append(items[len(items) % len(items)])
    calc_case = Case(_("quote for a 10-line ticket (pricing)"), "<= 1 ms", max_median=1)
    calc_case.extra = {"lines": len(items)}

    def calc() -> None:
        pricing.price_quote(view, None, items, lambda _c: False, rate)

    calc()
    for _n in range(rounds * 10):
        calc_case.samples_ms.append(_timed(calc))
    preview = Case(_("quote preview with its reads (10 lines)"), "(no target: what the screen waits for)")

    def read_and_price() -> None:
        with db.read() as s:
            quotes.preview_quote(s, ticket_id, items)

    read_and_price()
    for _n in range(rounds * 3):
        preview.samples_ms.append(_timed(read_and_price))
    return calc_case, preview, ticket_id, items


def case_receipt(db: Database, ticket_id: int, items: list[Any], rounds: int, folder: Path) -> Case:
    # Loaded when this case runs, so each case pays only for what it measures.
    from pypdf import PdfReader
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.billing import payments, quotes
    from frontdesk.intake import service as intake
    from frontdesk.intake import states
    from frontdesk.printing.base import FONT, register_fonts
    from frontdesk.printing.receipt import write_receipt

    clerk = _actor(db, "li")
    with db.write() as s:
        intake.move(s, clerk, ticket_id, states.DIAGNOSING)
        q = quotes.make_quote(s, clerk, ticket_id, items, approver=_actor(db, "wang"))
        quotes.approve_quote(s, clerk, q.id)
        view = payments.take_payment(s, clerk, ticket_id, payments.CASH, q.total, tendered=q.total + 100,
                                     counter=counters.MAIN)
    case = Case(_("receipt PDF (80 mm)"), "<= 2x bare reportlab, same text and font", max_ratio=2)
    ours = folder / "receipt.pdf"
    write_receipt(view, ours, size="80mm")
    text_lines = [ln for ln in (PdfReader(str(ours)).pages[0].extract_text() or "").splitlines() if ln.strip()]
    case.extra = {"text_lines": len(text_lines)}
    register_fonts()
    bare = folder / "bare.pdf"

    def baseline() -> None:
        height = (len(text_lines) * 11 + 40) * 1.0
        c = Canvas(str(bare), pagesize=(80 * mm, height))
        c.setFont(FONT, 9)
        y = height - 20
        for line in text_lines:
            c.drawString(4 * mm, y, line)
            y -= 11
        c.save()

    baseline()
    for _n in range(rounds * 2):
        case.samples_ms.append(_timed(lambda: write_receipt(view, ours, size="80mm")))
        case.baseline_ms.append(_timed(baseline))
    return case


EXPORT_CHILD = textwrap.dedent("""
    import resource, sys, time
    from datetime import date
    from pathlib import Path
    from frontdesk.db.engine import Database
    from frontdesk.headoffice.export import export_workbook
    db = Database(sys.argv[1])
    t = time.perf_counter()
    result = export_workbook(db, None, Path(sys.argv[2]), date.fromisoformat(sys.argv[3]), date.fromisoformat(sys.argv[4]))
    ms = (time.perf_counter() - t) * 1000
    # VmHWM: this process's own peak.  ru_maxrss would not do: Linux carries
    # the parent's peak over a fork and exec, and the parent holds a workbook.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    except OSError:
        pass
    print(ms, peak, sum(result.rows.values()))
""")


def _period_with(db: Database, tickets: int) -> tuple[date, date, int]:
    """The latest period ending on the last day of history holding about ``tickets`` tickets."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import Ticket

    with db.read() as s:
        last = s.scalar(select(func.max(Ticket.intake_at)))
        row = s.execute(select(Ticket.intake_at).order_by(Ticket.id.desc()).offset(max(0, tickets - 1)).limit(1)).first()
        first = row[0] if row else s.scalar(select(func.min(Ticket.intake_at)))
        assert last is not None and first is not None
        n = int(s.scalar(select(func.count(Ticket.id)).where(Ticket.intake_at >= datetime.combine(first.date(), datetime.min.time()))) or 0)
    return first.date(), last.date(), n


def case_export(db: Database, path: Path, want: int, rounds: int, folder: Path) -> Case:
    # Loaded when this case runs, so each case pays only for what it measures.
    from openpyxl import Workbook, load_workbook
    from openpyxl.cell import WriteOnlyCell

    start, end, n = _period_with(db, want)
    case = Case(_("head-office export of {n} tickets").format(n=n),
                "<= 1.25x bare openpyxl write-only; peak memory at 100k <= 1.5x at 10k", max_ratio=1.25)
    out = folder / "export.xlsx"
    url = f"sqlite:///{path.resolve()}"
    rows_written = 0
    for _n in range(rounds):
        ms, _rss, rows_written = _export_child(url, out, start, end)
        case.samples_ms.append(ms)
    # The same cells (values and number formats), already in memory, written
    # by bare openpyxl write-only: a formatted value as a WriteOnlyCell with
    # its format, the way openpyxl's documentation shows.
    sheets: list[tuple[str, list[tuple[tuple[Any, str], ...]]]] = []
    wb_in = load_workbook(str(out), read_only=True)
    for ws_in in wb_in.worksheets:
        sheets.append((ws_in.title, [tuple((c.value, c.number_format) for c in r) for r in ws_in.iter_rows()]))
    wb_in.close()
    bare = folder / "bare.xlsx"

    def baseline() -> None:
        wb = Workbook(write_only=True)
        for title, rows in sheets:
            ws = wb.create_sheet(title)
            for r in rows:
                cells: list[Any] = []
                for value, number_format in r:
                    if number_format == "General" or value is None:
                        cells.append(value)
                    else:
                        cell = WriteOnlyCell(ws, value=value)
                        cell.number_format = number_format
                        cells.append(cell)
                ws.append(cells)
        wb.save(str(bare))

    for _n in range(rounds):
        case.baseline_ms.append(_timed(baseline))
    sheets.clear()
    # Peak memory: the same export over a tenth of the period.
    small_start, small_end, small_n = _period_with(db, max(1, want // 10))
    _ms, rss_big, _r = _export_child(url, out, start, end)
    _ms2, rss_small, _r2 = _export_child(url, out, small_start, small_end)
    mem_ratio = rss_big / rss_small if rss_small else float("nan")
    case.extra = {"tickets": n, "rows": rows_written, "period": [start.isoformat(), end.isoformat()],
                  "peak_rss_kb": rss_big, "small_tickets": small_n, "small_peak_rss_kb": rss_small,
                  "memory_ratio": round(mem_ratio, 3), "memory_passed": mem_ratio <= 1.5}
    case.note = _("peak memory {big:.0f} MB at {n} tickets, {small:.0f} MB at {m}: {ratio:.2f}x").format(
        big=rss_big / 1024, n=n, small=rss_small / 1024, m=small_n, ratio=mem_ratio)
    if mem_ratio > 1.5:
        case.max_median = 0  # the memory target is missed: the case fails whatever the time
    return case


def _export_child(url: str, out: Path, start: date, end: date) -> tuple[float, int, int]:
    done = subprocess.run([sys.executable, "-c", EXPORT_CHILD, url, str(out), start.isoformat(), end.isoformat()],
                          capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"export failed: {done.stderr[-2000:]}")
    ms, rss, rows = done.stdout.split()[-3:]
    return float(ms), int(rss), int(rows)


def case_day_close(db: Database, rounds: int) -> Case:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.billing.models import Receipt
    from frontdesk.dayclose import service as dayclose
    from frontdesk.db.models import Ticket

    with db.read() as s:
        day_expr = func.date(Ticket.intake_at)
        # The day nearest to DAY_TICKETS tickets (the smallest databases: their busiest day).
        busiest = s.execute(select(day_expr, func.count(Ticket.id)).group_by(day_expr)
                            .order_by(func.abs(func.count(Ticket.id) - DAY_TICKETS), day_expr.desc()).limit(1)).first()
        assert busiest is not None
        day = date.fromisoformat(str(busiest[0]))
        receipts = int(s.scalar(select(func.count(Receipt.id)).where(
            Receipt.issued_at >= datetime.combine(day, datetime.min.time()),
            Receipt.issued_at < datetime.combine(day + timedelta(days=1), datetime.min.time()))) or 0)
    case = Case(_("day close of a {n}-ticket day").format(n=busiest[1]), "<= 100 ms", max_median=100)
    case.extra = {"day": day.isoformat(), "tickets": int(busiest[1]), "receipts": receipts}

    def ours() -> None:
        with db.read() as s:
            dayclose.day_figures(s, day, counters.MAIN)  # the demo's money went through the main desk

    ours()
    for _n in range(rounds):
        case.samples_ms.append(_timed(ours))
    return case


def case_figures(db: Database, rounds: int) -> Case:
    """A month's service figures (the Figures screen's and the workbook's): the last whole month of the history."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import RepairRecord, Ticket
    from frontdesk.figures.service import Period, compute

    month = Period.month(BENCH_END.date().replace(day=1) - timedelta(days=1))
    with db.read() as s:
        repaired = int(s.scalar(select(func.count(RepairRecord.id)).where(month.between(RepairRecord.recorded_at)))
                       or 0)
        taken_in = int(s.scalar(select(func.count(Ticket.id)).where(month.between(Ticket.intake_at))) or 0)
    case = Case(_("service figures of a month ({n} repairs)").format(n=repaired), "<= 1000 ms", max_median=1000)
    case.extra = {"month": month.label, "repairs": repaired, "tickets_taken_in": taken_in}

    def ours() -> None:
        with db.read() as s:
            compute(s, month, now=BENCH_END)

    def baseline() -> None:  # the bare minimum: the month's repair records read once
        with db.read() as s:
            s.execute(select(RepairRecord.ticket_id, RepairRecord.recorded_at)
                      .where(month.between(RepairRecord.recorded_at))).all()

    ours()
    for _n in range(rounds):
        case.samples_ms.append(_timed(ours))
        case.baseline_ms.append(_timed(baseline))
    return case


# -- the run ---------------------------------------------------------------------------------------

def run(db_path: Path, tickets: int, rounds: int, only: Sequence[str] = ()) -> dict[str, Any]:
    db = ensure_database(db_path, tickets)
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import Customer, Ticket

    with db.read() as s:
        n_tickets = int(s.scalar(select(func.count(Ticket.id))) or 0)
        n_customers = int(s.scalar(select(func.count(Customer.id))) or 0)
    cases: list[Case] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        def want(key: str) -> bool:
            return not only or key in only

        if want("search"):
            cases.append(case_search(db, db_path, rounds))
        if want("list"):
            # Loaded when this case runs, so each case pays only for what it measures.
            from frontdesk.ui.bench_qt import case_ticket_list

            cases.append(case_ticket_list(db, rounds))
        if want("startup"):
            # Loaded when this case runs, so each case pays only for what it measures.
            from frontdesk.ui.bench_qt import case_startup

            cases.append(case_startup(db_path, max(3, rounds // 2)))
        if want("intake"):
            cases.append(case_intake(db, max(20, rounds * 4)))
        if want("quote") or want("receipt"):
            calc, preview, ticket_id, items = case_quote(db, rounds)
            cases += [calc, preview]
            cases.append(case_receipt(db, ticket_id, items, rounds, folder))
        if want("export"):
            cases.append(case_export(db, db_path, min(100_000, n_tickets), 2 if n_tickets > 200_000 else 3, folder))
        if want("dayclose"):
            cases.append(case_day_close(db, rounds))
        if want("figures"):
            cases.append(case_figures(db, max(3, rounds // 3)))
    db.dispose()
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "sqlite": sqlite3.sqlite_version},
        "database": {"path": str(db_path), "tickets": n_tickets, "customers": n_customers},
        "cases": [c.as_dict() for c in cases],
    }


def table(result: dict[str, Any]) -> str:
    """The results as a Markdown table."""
    head = [_("case"), _("median ms"), _("p95 ms"), _("p99 ms"), _("baseline ms"), _("ratio"), _("target"),
            _("result")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for c in result["cases"]:
        base = f"{c['baseline_median_ms']:.2f}" if c["baseline_median_ms"] else "-"
        ratio = f"{c['ratio']:.2f}x" if c["ratio"] else "-"
        verdict = _("pass") if c["passed"] else _("miss")
        if c["max_median"] is None and c["max_p95"] is None and c["max_p99"] is None and c["max_ratio"] is None:
            verdict = "-"
        lines.append(f"| {c['name']} | {c['median_ms']:.2f} | {c['p95_ms']:.2f} | {c['p99_ms']:.2f} | {base} | "
                     f"{ratio} | {c['target']} | {verdict} |")
    notes = [f"- {c['name']}: {c['note']}" for c in result["cases"] if c.get("note")]
    return "\n".join(lines + ([""] + notes if notes else []))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m frontdesk.bench", description=_(
        "Time the program's everyday work on a large demo database."))
    parser.add_argument("--db", type=Path, default=None,
                        help=_("the SQLite file to use (built by the bulk demo when missing)"))
    parser.add_argument("--tickets", type=int, default=DEFAULT_TICKETS, help=_("tickets in the database"))
    parser.add_argument("--rounds", type=int, default=15, help=_("runs of each case (keystrokes for search)"))
    parser.add_argument("--json", type=Path, default=None, help=_("write the results as JSON to this file"))
    parser.add_argument("--only", action="append", default=[],
                        choices=("search", "list", "startup", "intake", "quote", "receipt", "export", "dayclose",
                                 "figures"),
                        help=_("run only this case (repeatable)"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    i18n.set_language(os.environ.get("FRONTDESK_LANG") or "en")
    path = args.db or Path(f"bench-{args.tickets}.sqlite")
    result = run(path, args.tickets, max(3, args.rounds), args.only)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0  # a missed target is a result, not an error


if __name__ == "__main__":
    sys.exit(main())
