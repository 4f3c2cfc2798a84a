"""The performance benchmark (docs/performance.md): ``python -m frontdesk.bench``.

Builds (or reuses) a database filled by the bulk demo (:mod:`frontdesk.bulkdemo`)
on SQLite or PostgreSQL, copies it fresh for the run, and times each case in
fresh child processes.  A case with a baseline (the bare minimum of the same
work: raw sqlite3 or psycopg, bare reportlab, bare openpyxl, a bare PySide6
window) runs both sides every round, each in its own fresh process with the
same set-up done before the clock starts, the order alternating from round
to round; its ratio is the median of the rounds' ratios (CPU time on SQLite,
wall time on PostgreSQL, where the server does part of the work), shown with
the smallest and largest.  The table shows median, p95, p99, the baseline's
median, the ratio, the target, pass or miss; ``--json`` writes the same as JSON.

    python -m frontdesk.bench                       # 1,000,000 tickets (builds bench-1000000.sqlite once)
    python -m frontdesk.bench --tickets 20000       # a quick run
    python -m frontdesk.bench --db FILE --json out.json
    python -m frontdesk.bench --db postgresql://user@host/bench_20000 --tickets 20000

The window's cases (typing a name, opening a ticket, scrolling the list, the
start) live in :mod:`frontdesk.ui.bench_qt`, loaded only in their child
processes.  Figures depend on the machine: the JSON says which one.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from frontdesk import clock, counters, i18n
from frontdesk.db.engine import Database, normalize_url
from frontdesk.i18n import _

log = logging.getLogger(__name__)

DEFAULT_TICKETS = 1_000_000
DEFAULT_ROUNDS = 5  # rounds of each case with a baseline (each round: both sides, each in a fresh process)
DAY_TICKETS = 500  # the day close case: a day with about this many tickets
BENCH_END = datetime(2026, 11, 25, 17, 30)  # the end of the generated history (a fixed moment: same data each run)
RESULT_MARK = "BENCH-RESULT "  # the line a side's child process prints its measurement on


@dataclass
class Case:
    name: str
    target: str
    samples_ms: list[float] = field(default_factory=list)
    baseline_ms: list[float] = field(default_factory=list)
    # Absolute limits (ms) on the median / p95 / p99, and on the ratio to the baseline.
    max_median: float | None = None
    max_p95: float | None = None
    max_p99: float | None = None
    max_ratio: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Paired rounds: each round's ratio (ours / baseline) in CPU and in wall time,
    # and which of the two the ratio is taken from ("cpu" on SQLite, "wall" on PostgreSQL).
    ratios_cpu: list[float] = field(default_factory=list)
    ratios_wall: list[float] = field(default_factory=list)
    basis: str = "cpu"

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
    def round_ratios(self) -> list[float]:
        return self.ratios_wall if self.basis == "wall" else self.ratios_cpu

    @property
    def ratio(self) -> float | None:
        """The median of the rounds' ratios (a case timed in rounds), else the ratio of the medians."""
        if self.round_ratios:
            return statistics.median(self.round_ratios)
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
        rr = self.round_ratios
        out.update(runs=len(self.samples_ms), median_ms=round(self.median, 3), p95_ms=round(self.pct(95), 3),
                   p99_ms=round(self.pct(99), 3), baseline_median_ms=round(self.base, 3) if self.base else None,
                   ratio=round(self.ratio, 3) if self.ratio else None,
                   ratio_min=round(min(rr), 3) if rr else None, ratio_max=round(max(rr), 3) if rr else None,
                   ratio_cpu=round(statistics.median(self.ratios_cpu), 3) if self.ratios_cpu else None,
                   ratio_wall=round(statistics.median(self.ratios_wall), 3) if self.ratios_wall else None,
                   rounds=len(rr), passed=self.passed,
                   samples_ms=[round(x, 3) for x in self.samples_ms],
                   baseline_ms=[round(x, 3) for x in self.baseline_ms])
        out["ratios_cpu"] = [round(x, 3) for x in self.ratios_cpu]
        out["ratios_wall"] = [round(x, 3) for x in self.ratios_wall]
        return out


def _timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


# -- the sides and their child processes -------------------------------------------------------------

@dataclass
class Env:
    """What a side's child process is given: the run's copy of the database, a
    scratch folder, the case's parameters (the same for both sides) and which
    side it is ("ours" or "raw")."""

    url: str
    folder: str
    params: dict[str, Any] = field(default_factory=dict)
    role: str = "ours"

    @property
    def dialect(self) -> str:
        return make_url(self.url).get_backend_name()

    def database(self) -> Database:
        return Database(self.url)


# A side: ``side(env)`` does its set-up (untimed) and returns the work to time,
# which returns its per-operation samples (ms), or a dict {"samples": [...], "extra": {...}}.
Work = Callable[[], Any]
Side = Callable[[Env], Work]
Spawn = Callable[[str, Env], dict[str, Any]]

CHILD = "from frontdesk.bench import child_main; child_main()"


def child_main(argv: Sequence[str] | None = None) -> None:
    """In a fresh process: run one side (``module:function``) and print its measurement."""
    args = list(sys.argv[1:] if argv is None else argv)
    side_name, env_json = args[0], args[1]
    logging.basicConfig(level=logging.WARNING)
    i18n.set_language(os.environ.get("FRONTDESK_LANG") or "en")
    env = Env(**json.loads(env_json))
    work = side_function(side_name)(env)
    gc.collect()
    gc.freeze()  # what the set-up made (a baseline's workbook in memory) is not walked by the collector while timed
    wall0, cpu0 = time.perf_counter(), time.process_time()
    got = work()
    wall, cpu = (time.perf_counter() - wall0) * 1000, (time.process_time() - cpu0) * 1000
    result = got if isinstance(got, dict) else {"samples": got or []}
    print(RESULT_MARK + json.dumps({"pid": os.getpid(), "wall_ms": wall, "cpu_ms": cpu,
                                    "samples_ms": list(result.get("samples", [])),
                                    "extra": result.get("extra", {})}), flush=True)
    sys.stdout.flush()
    os._exit(0)  # no teardown of Qt or pools: the measurement is out


def side_function(name: str) -> Side:
    """The side called ``name``: this module's (:data:`SIDES`), or the window's ("window." ones)."""
    if name.startswith("window."):
        # Loaded in the window cases' own processes only: the others never load Qt.
        from frontdesk.ui import bench_qt

        return bench_qt.SIDES[name]
    return SIDES[name]


def _child_env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parent.parent)  # this checkout's frontdesk, whatever the folder
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def spawn_side(side: str, env: Env) -> dict[str, Any]:
    """Run ``side`` in a fresh Python process and return its measurement."""
    done = subprocess.run([sys.executable, "-c", CHILD, side, json.dumps(asdict(env))], capture_output=True,
                          text=True, timeout=3600, env=_child_env())
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return dict(json.loads(line[len(RESULT_MARK):]))
    raise RuntimeError(f"{side} failed ({done.returncode}): {done.stderr[-3000:]}")


def paired(case: Case, ours: str, raw: str, env: Env, rounds: int, spawn: Spawn = spawn_side) -> Case:
    """Time ``ours`` against ``raw`` in ``rounds`` rounds: each round runs both,
    each in its own fresh process (``spawn``), ours first in even rounds and
    the baseline first in odd ones; each round gives a ratio in CPU and in
    wall time, and the case's ratio is their median."""
    order: list[str] = []
    pids: list[int] = []
    for n in range(rounds):
        sides = [("ours", ours), ("raw", raw)]
        if n % 2:
            sides.reverse()
        got: dict[str, dict[str, Any]] = {}
        for role, side in sides:
            got[role] = spawn(side, Env(env.url, env.folder, env.params, role))
            pids.append(int(got[role].get("pid", 0)))
        order.append(",".join(role for role, _s in sides))
        o, r = got["ours"], got["raw"]
        case.ratios_cpu.append(o["cpu_ms"] / r["cpu_ms"] if r["cpu_ms"] > 0 else float("inf"))
        case.ratios_wall.append(o["wall_ms"] / r["wall_ms"] if r["wall_ms"] > 0 else float("inf"))
        case.samples_ms += o["samples_ms"] or [o["wall_ms"]]
        case.baseline_ms += r["samples_ms"] or [r["wall_ms"]]
        case.extra.update(o.get("extra", {}))
    case.basis = "wall" if env.dialect == "postgresql" else "cpu"
    case.extra.update(order=order, pids=pids)
    return case


def single(case: Case, side: str, env: Env, spawn: Spawn = spawn_side) -> Case:
    """A case without a baseline: its operations timed in one fresh process."""
    got = spawn(side, env)
    case.samples_ms += got["samples_ms"] or [got["wall_ms"]]
    case.extra.update(got.get("extra", {}))
    case.extra.update(cpu_ms=round(got["cpu_ms"], 3), wall_ms=round(got["wall_ms"], 3))
    return case


def stub_side(env: Env) -> Work:
    """A side that only spends CPU (``params[role + "_ms"]`` ms): the method's test."""
    ms = float(env.params[env.role + "_ms"])

    def work() -> dict[str, Any]:
        end = time.process_time() + ms / 1000
        while time.process_time() < end:
            pass
        return {"samples": [ms], "extra": {}}

    return work


# -- the database ----------------------------------------------------------------------------------

def _is_pg(url: str) -> bool:
    return make_url(normalize_url(url)).get_backend_name() == "postgresql"


def _admin(url: str) -> Any:
    """An autocommit psycopg connection to the server's ``postgres`` database (to create and drop databases)."""
    import psycopg  # loaded on PostgreSQL only

    return psycopg.connect(_conninfo(str(make_url(normalize_url(url)).set(database="postgres"))), autocommit=True)


def _conninfo(url: str) -> str:
    """A psycopg connection string for a SQLAlchemy URL."""
    return make_url(normalize_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ensure_database(path: Path | str, tickets: int, progress: bool = True) -> Database:
    """The bench database at ``path`` (an SQLite file, or a PostgreSQL URL whose
    database is created when missing): reused when it holds at least
    ``tickets`` tickets, else built by the bulk demo (the same generator, seed
    and end moment on both engines: the same rows)."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk import demo_marker
    from frontdesk.db.migrate import upgrade
    from frontdesk.db.models import Ticket
    from frontdesk.demo import DemoOptions, fill

    if isinstance(path, str) and _is_pg(path):
        name = make_url(normalize_url(path)).database or ""
        with _admin(path) as admin:
            if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
                admin.execute(f"CREATE DATABASE {_quoted(name)}")
        db = Database(path)
    else:
        db = Database(f"sqlite:///{Path(path).resolve()}")
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
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")  # as a server's autovacuum would have by then
    print(_("Built {tickets} tickets in {seconds:.0f} s").format(tickets=tickets, seconds=time.monotonic() - started))
    return db


@contextmanager
def fresh_copy(source: str, folder: Path) -> Iterator[str]:
    """A copy of the built database for one run, dropped after it: whatever the
    run writes never reaches the next run.  SQLite: the file copied;
    PostgreSQL: ``CREATE DATABASE ... TEMPLATE`` the built one."""
    if _is_pg(source):
        url = make_url(normalize_url(source))
        name = f"{url.database}_run{os.getpid()}"
        with _admin(source) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_quoted(name)}")
            admin.execute(f"CREATE DATABASE {_quoted(name)} TEMPLATE {_quoted(url.database or '')}")
        try:
            yield url.set(database=name).render_as_string(hide_password=False)
        finally:
            with _admin(source) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")
        return
    path = Path(make_url(normalize_url(source)).database or "")
    with sqlite3.connect(str(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the main file
    copy = folder / "run.sqlite"
    shutil.copyfile(path, copy)
    yield f"sqlite:///{copy}"


def _placeholders(sql: str, dialect: str) -> str:
    return sql.replace("?", "%s") if dialect == "postgresql" else sql


def raw_connection(env: Env) -> Any:
    """The bare driver on the run's database: sqlite3, or psycopg on PostgreSQL."""
    if env.dialect == "postgresql":
        import psycopg  # loaded on PostgreSQL only

        return psycopg.connect(_conninfo(env.url), autocommit=True)
    return sqlite3.connect(make_url(env.url).database or "")


# -- the cases: what the parent picks (untimed), and each side -----------------------------------------

def _typing(text: str) -> list[str]:
    return [text[:n] for n in range(1, len(text) + 1)]


def _repeated(env: Env, texts: list[str]) -> list[str]:
    """The texts ``params["repeat"]`` times over: a side's timed work long
    enough (a tenth of a second or more) that the clock's and the
    scheduler's grain do not make its ratio."""
    return texts * int(env.params.get("repeat", 1))


def search_texts(db: Database) -> list[str]:
    """Keystrokes: phone numbers typed from their start, last four digits, name prefixes."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import Customer

    with db.read() as s:
        some = list(s.execute(select(Customer.name, Customer.phone).where(Customer.id % 997 == 1)
                              .order_by(Customer.id).limit(12)))
    texts: list[str] = []
    for name, phone in some:
        digits = phone.removeprefix("+86")
        texts += _typing(digits[:7]) + [digits]  # a number typed from its start
        texts += [digits[-4:]]  # "the last four?"
        texts += _typing(name[:2]) if not name.isascii() else _typing(name.split()[0].lower()[:5])
    return texts + _typing("john smi") + ["张三", "张", "李四"]


def search_ours(env: Env) -> Work:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk import customers

    db = env.database()
    texts: list[str] = env.params["texts"]

    def one(text: str) -> None:
        with db.glance() as s:  # as the intake's search does
            customers.search(s, text)

    for text in texts[:20]:  # warm the caches
        one(text)
    return lambda: [_timed(lambda t=t: one(t)) for t in _repeated(env, texts)]  # type: ignore[misc]


def search_raw(env: Env) -> Work:
    """The same three reads, by hand, on the same index: keys, customers, ticket counts."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk import customers

    raw = raw_connection(env)
    texts: list[str] = env.params["texts"]
    top = customers.TOP
    keys = _placeholders("SELECT customer_id FROM customer_keys WHERE key >= ? AND key < ? LIMIT 40", env.dialect)

    def one(text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        if digits and len(digits) == len(text.replace(" ", "")):
            prefixes = ["p:" + digits] + (["s:" + digits[::-1]] if len(digits) >= 4 else [])
        else:
            prefixes = ["n:" + customers.normalize_name(text)]
        ids: list[int] = []
        for p in prefixes:
            ids += [r[0] for r in raw.execute(keys, (p, p + top)).fetchall()]
        ids = list(dict.fromkeys(ids))[:20]
        marks = ",".join("?" * len(ids))
        if ids:
            raw.execute(_placeholders(f"SELECT id, name, phone_display, address FROM customers WHERE id IN ({marks})",
                                      env.dialect), ids).fetchall()
            raw.execute(_placeholders(f"SELECT customer_id, count(id), max(intake_at) FROM tickets "
                                      f"WHERE customer_id IN ({marks}) GROUP BY customer_id", env.dialect),
                        ids).fetchall()

    for text in texts[:20]:
        one(text)
    return lambda: [_timed(lambda t=t: one(t)) for t in _repeated(env, texts)]  # type: ignore[misc]


def serial_texts(db: Database) -> list[str]:
    """Serial prefixes typed in the ticket list's search box (5 to 8 characters)."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import Product

    with db.read() as s:
        serials = list(s.scalars(select(Product.serial).where(Product.id % 211 == 5, Product.serial != "")
                                        .order_by(Product.id).limit(10)))
    return [serial[:n] for serial in serials for n in (5, 6, 8) if len(serial) >= n]


def ticket_search_ours(env: Env) -> Work:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.intake import query

    db = env.database()
    texts: list[str] = env.params["texts"]

    def one(text: str) -> None:
        with db.glance() as s:  # as the ticket list's search does
            query.page(s, query.TicketFilter(text=text))

    for text in texts[:5]:
        one(text)
    return lambda: [_timed(lambda t=t: one(t)) for t in _repeated(env, texts)]  # type: ignore[misc]


TICKET_ROWS = ("SELECT t.id, t.number, t.intake_at, t.channel, t.kind, t.state, c.name, c.phone_display, "
               "p.category, p.model, t.warranty_status, t.to_verify, te.name, t.respond_by, t.responded_at "
               "FROM tickets t JOIN customers c ON c.id = t.customer_id "
               "LEFT JOIN products p ON p.id = t.product_id LEFT JOIN technicians te ON te.id = t.technician_id ")


def ticket_search_raw(env: Env) -> Work:
    """The serial's products by their index, then their tickets by theirs, newest first."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk import customers

    raw = raw_connection(env)
    texts: list[str] = env.params["texts"]
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.intake.query import PAGE_SIZE

    products = _placeholders(f"SELECT id FROM products WHERE serial >= ? AND serial < ? LIMIT {PAGE_SIZE}",
                             env.dialect)

    def one(text: str) -> None:
        ids = [r[0] for r in raw.execute(products, (text, text + customers.TOP)).fetchall()]
        if ids:
            marks = ",".join("?" * len(ids))
            raw.execute(_placeholders(TICKET_ROWS + f"WHERE t.product_id IN ({marks}) ORDER BY t.id DESC LIMIT {PAGE_SIZE}",
                                      env.dialect), ids).fetchall()

    for text in texts[:5]:
        one(text)
    return lambda: [_timed(lambda t=t: one(t)) for t in _repeated(env, texts)]  # type: ignore[misc]


def _actor(db: Database, name: str) -> Any:
    """The user ``name`` as the login gives them to the services."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.users import get_actor

    with db.read() as s:
        return get_actor(s, name)


WARM_INTAKES = 12  # saves before the timed ones: past the driver's preparing and the server's first plans
INTAKES = 200  # timed saves: the p95 is the tenth slowest, not the third


def intake_side(env: Env) -> Work:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.intake import service as intake

    db = env.database()
    db.keep_log_short()  # as the window does: the log is copied into the file in the background
    clerk = _actor(db, "li")
    now = clock.now()

    def one(n: int) -> None:
        form = intake.IntakeForm(
            channel=intake.WALK_IN, kind=intake.REPAIR, name=f"测试{n:04d}", phone=f"139{n:08d}",
            address="北京市海淀区中关村大街1号", area="海淀区", category="mobile_phone", brand="华为 Huawei",
            model="Mate 60 Pro", serial=f"BENCH{os.getpid()}{n:06d}", fault="屏幕碎裂", request="检测后报价")
        with db.write() as s:
            intake.take_intake(s, clerk, form, now=now)

    # The first saves on a connection are not a counter's day: psycopg prepares a statement on the server
    # at its sixth run, and PostgreSQL settles its plans over the next five.  Timed too, and kept beside
    # the samples (``warm_up_ms``), not in them.
    warm = [_timed(lambda n=n: one(n)) for n in range(WARM_INTAKES)]  # type: ignore[misc]
    count = int(env.params["count"])
    return lambda: {"samples": [_timed(lambda n=n: one(n)) for n in range(WARM_INTAKES, WARM_INTAKES + count)],  # type: ignore[misc]
                    "extra": {"warm_up_ms": [round(x, 3) for x in warm]}}


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
    while len(items) < 10:
        items.append(items[len(items) % len(items)])
    return res.ticket_id, items[:10]


def quote_calc_side(env: Env) -> Work:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk import settings
    from frontdesk.billing import pricing, schedules

    db = env.database()
    _ticket_id, items = _quote_ticket(db)
    with db.read() as s:
        view = schedules.schedule_view(schedules.schedule_in_force(s, clock.now().date()), "air_conditioner")
        rate = Decimal(str(settings.get(s, "tax_rate")))

    def calc() -> None:
        pricing.price_quote(view, None, items, lambda _c: False, rate)

    calc()
    return lambda: {"samples": [_timed(calc) for _n in range(int(env.params["count"]))],
                    "extra": {"lines": len(items)}}


def quote_preview_side(env: Env) -> Work:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.billing import quotes

    db = env.database()
    ticket_id, items = _quote_ticket(db)

    def read_and_price() -> None:
        with db.read() as s:
            quotes.preview_quote(s, ticket_id, items)

    read_and_price()
    return lambda: [_timed(read_and_price) for _n in range(int(env.params["count"]))]


def _receipt_view(db: Database, receipt_id: int) -> Any:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.billing import payments

    with db.read() as s:
        return payments.receipt_view(s, receipt_id)


def receipt_to_print(db: Database, folder: Path) -> dict[str, Any]:
    """A receipt of the demo's with the most lines, and the text lines of its PDF (the baseline draws them)."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from pypdf import PdfReader

    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.billing.models import Receipt
    from frontdesk.printing.receipt import write_receipt

    with db.read() as s:
        ids = list(s.scalars(select(Receipt.id).order_by(Receipt.id.desc()).limit(300)))
    best = max(ids, key=lambda rid: len(_receipt_view(db, rid).lines))
    out = folder / "receipt-ref.pdf"
    write_receipt(_receipt_view(db, best), out, size="80mm")
    lines = [ln for ln in (PdfReader(str(out)).pages[0].extract_text() or "").splitlines() if ln.strip()]
    return {"receipt_id": best, "text_lines": lines, "count": 30}


def receipt_ours(env: Env) -> Work:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.printing.receipt import write_receipt

    view = _receipt_view(env.database(), int(env.params["receipt_id"]))
    out = Path(env.folder) / f"receipt-{os.getpid()}.pdf"
    write_receipt(view, out, size="80mm")
    return lambda: [_timed(lambda: write_receipt(view, out, size="80mm")) for _n in range(int(env.params["count"]))]


def receipt_raw(env: Env) -> Work:
    """reportlab's canvas, 80 mm wide, the shipped CJK font, the receipt's text lines drawn one by one."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.printing.base import FONT, register_fonts

    register_fonts()
    text_lines: list[str] = env.params["text_lines"]
    bare = Path(env.folder) / f"bare-{os.getpid()}.pdf"

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
    return lambda: [_timed(baseline) for _n in range(int(env.params["count"]))]


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


def _export_child(url: str, out: Path, start: date, end: date) -> tuple[float, int, int]:
    done = subprocess.run([sys.executable, "-c", EXPORT_CHILD, url, str(out), start.isoformat(), end.isoformat()],
                          capture_output=True, text=True, timeout=3600, env=_child_env())
    if done.returncode != 0:
        raise RuntimeError(f"export failed: {done.stderr[-2000:]}")
    ms, rss, rows = done.stdout.split()[-3:]
    return float(ms), int(rss), int(rows)


def export_ours(env: Env) -> Work:
    import openpyxl  # noqa: F401  (loaded before the clock, as the baseline's is)

    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.headoffice.export import export_workbook

    db = env.database()
    with db.read() as s:  # the pool's connection open, as at the desk
        s.execute(select(1))
    start, end = date.fromisoformat(env.params["start"]), date.fromisoformat(env.params["end"])
    out = Path(env.folder) / f"export-{os.getpid()}.xlsx"

    def work() -> list[float]:
        return [_timed(lambda: export_workbook(db, None, out, start, end))]

    return work


def export_raw(env: Env) -> Work:
    """openpyxl write-only, writing the same sheets, rows, values and number
    formats (read back from the program's workbook before the clock starts)."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from openpyxl import Workbook, load_workbook
    from openpyxl.cell import WriteOnlyCell

    sheets: list[tuple[str, list[tuple[tuple[Any, str], ...]]]] = []
    wb_in = load_workbook(env.params["reference"], read_only=True)
    for ws_in in wb_in.worksheets:
        sheets.append((ws_in.title, [tuple((c.value, c.number_format) for c in r) for r in ws_in.iter_rows()]))
    wb_in.close()
    bare = Path(env.folder) / f"bare-{os.getpid()}.xlsx"

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

    gc.collect()
    return lambda: [_timed(baseline)]


def case_export(db: Database, url: str, want: int, rounds: int, folder: Path, spawn: Spawn = spawn_side) -> Case:
    start, end, n = _period_with(db, want)
    case = Case(_("head-office export of {n} tickets").format(n=n),
                "<= 1.25x bare openpyxl write-only; peak memory at 100k <= 1.5x at 10k", max_ratio=1.25)
    reference = folder / "export-ref.xlsx"
    _ms, rss_big, rows_written = _export_child(url, reference, start, end)  # also its peak memory
    env = Env(url, str(folder), {"start": start.isoformat(), "end": end.isoformat(), "reference": str(reference)})
    paired(case, "export_ours", "export_raw", env, rounds, spawn)
    # Peak memory: the same export over a tenth of the period.
    small_start, small_end, small_n = _period_with(db, max(1, want // 10))
    _ms2, rss_small, _r2 = _export_child(url, folder / "export-small.xlsx", small_start, small_end)
    mem_ratio = rss_big / rss_small if rss_small else float("nan")
    case.extra.update({"tickets": n, "rows": rows_written, "period": [start.isoformat(), end.isoformat()],
                       "peak_rss_kb": rss_big, "small_tickets": small_n, "small_peak_rss_kb": rss_small,
                       "memory_ratio": round(mem_ratio, 3), "memory_passed": mem_ratio <= 1.5})
    case.note = _("peak memory {big:.0f} MB at {n} tickets, {small:.0f} MB at {m}: {ratio:.2f}x").format(
        big=rss_big / 1024, n=n, small=rss_small / 1024, m=small_n, ratio=mem_ratio)
    if mem_ratio > 1.5:
        case.max_median = 0  # the memory target is missed: the case fails whatever the time
    return case


def busiest_day(db: Database) -> dict[str, Any]:
    """The day nearest to DAY_TICKETS tickets (the smallest databases: their busiest day)."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.billing.models import Receipt
    from frontdesk.db.models import Ticket

    with db.read() as s:
        day_expr = func.date(Ticket.intake_at)
        busiest = s.execute(select(day_expr, func.count(Ticket.id)).group_by(day_expr)
                            .order_by(func.abs(func.count(Ticket.id) - DAY_TICKETS), day_expr.desc()).limit(1)).first()
        assert busiest is not None
        day = busiest[0] if isinstance(busiest[0], date) else date.fromisoformat(str(busiest[0]))
        receipts = int(s.scalar(select(func.count(Receipt.id)).where(
            Receipt.issued_at >= datetime.combine(day, datetime.min.time()),
            Receipt.issued_at < datetime.combine(day + timedelta(days=1), datetime.min.time()))) or 0)
    return {"day": day.isoformat(), "tickets": int(busiest[1]), "receipts": receipts}


def day_close_side(env: Env) -> Work:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.dayclose import service as dayclose

    db = env.database()
    day = date.fromisoformat(env.params["day"])

    def ours() -> None:
        with db.read() as s:
            dayclose.day_figures(s, day, counters.MAIN)  # the demo's money went through the main desk

    ours()
    return lambda: [_timed(ours) for _n in range(int(env.params["count"]))]


def _month() -> Any:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.figures.service import Period

    return Period.month(BENCH_END.date().replace(day=1) - timedelta(days=1))


def figures_ours(env: Env) -> Work:
    """A month's service figures (the Figures screen's and the workbook's): the last whole month of the history."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.figures.service import compute

    db, month = env.database(), _month()

    def ours() -> None:
        with db.read() as s:
            compute(s, month, now=BENCH_END)

    ours()
    return lambda: [_timed(ours) for _n in range(int(env.params["count"]))]


def figures_raw(env: Env) -> Work:
    """The bare minimum: the month's repair records read once."""
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import RepairRecord

    db, month = env.database(), _month()

    def baseline() -> None:
        with db.read() as s:
            s.execute(select(RepairRecord.ticket_id, RepairRecord.recorded_at)
                      .where(month.between(RepairRecord.recorded_at))).all()

    baseline()
    return lambda: [_timed(baseline) for _n in range(int(env.params["count"]))]


def month_counts(db: Database) -> dict[str, Any]:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import RepairRecord, Ticket

    month = _month()
    with db.read() as s:
        repaired = int(s.scalar(select(func.count(RepairRecord.id)).where(month.between(RepairRecord.recorded_at)))
                       or 0)
        taken_in = int(s.scalar(select(func.count(Ticket.id)).where(month.between(Ticket.intake_at))) or 0)
    return {"month": month.label, "repairs": repaired, "tickets_taken_in": taken_in}


# -- the run ---------------------------------------------------------------------------------------

CASES = ("search", "ticketsearch", "list", "typing", "open", "scroll", "startup", "receipt", "export", "dayclose",
         "figures", "quote", "intake")


def run_cases(url: str, rounds: int, folder: Path, only: Sequence[str] = (), spawn: Spawn = spawn_side,
              export_tickets: int = 100_000) -> list[Case]:
    """Every case on the run's copy ``url``.  The cases that write (quote,
    intake) come last: no case reads what another wrote."""
    db = Database(url)
    cases: list[Case] = []

    def want(key: str) -> bool:
        return not only or key in only

    def env(**params: Any) -> Env:
        return Env(url, str(folder), params)

    if want("search"):
        texts = search_texts(db)
        case = Case(_("customer search as you type"), "median <= 5 ms, p99 <= 16 ms, <= 2x raw driver",
                    max_median=5, max_p99=16, max_ratio=2)
        case.extra = {"keystrokes": len(texts)}
        cases.append(paired(case, "search_ours", "search_raw", env(texts=texts, repeat=3), rounds, spawn))
    if want("ticketsearch"):
        texts = serial_texts(db)
        case = Case(_("ticket search by serial prefix"), "median <= 5 ms (raw: the serial's index, then the tickets')",
                    max_median=5)
        case.extra = {"searches": len(texts)}
        cases.append(paired(case, "ticket_search_ours", "ticket_search_raw", env(texts=texts, repeat=40),
                            rounds, spawn))
    if want("list"):
        cases.append(single(Case(_("ticket list: model created, first screen fetched"), "<= 150 ms", max_median=150),
                            "window.ticket_list", env(count=15), spawn))
    if want("typing"):
        # Loaded when this case runs, so each case pays only for what it measures.
        from frontdesk.db.models import Customer

        with db.read() as s:
            names = list(s.scalars(select(Customer.name).where(Customer.id % 197 == 3).order_by(Customer.id).limit(16)))
        cases.append(single(Case(_("window: keystroke in the name field to its matches painted"), "median <= 16 ms",
                                 max_median=16), "window.typing", env(names=names), spawn))
    if want("open"):
        # Loaded when this case runs, so each case pays only for what it measures.
        from frontdesk.db.models import Ticket

        with db.read() as s:
            ids = list(s.scalars(select(Ticket.id).where(Ticket.id % 397 == 11).order_by(Ticket.id.desc()).limit(15)))
        cases.append(single(Case(_("window: open a ticket to its first paint"), "median <= 30 ms", max_median=30),
                            "window.open_ticket", env(ids=ids), spawn))
    if want("scroll"):
        cases.append(single(Case(_("window: scroll the ticket list by a page (fetchMore)"), "median <= 3 ms",
                                 max_median=3), "window.scroll", env(pages=15), spawn))
    if want("startup"):
        cases.append(paired(Case(_("program start to the login window (fresh process)"),
                                 "<= 1.5x bare PySide6 QMainWindow", max_ratio=1.5),
                            "app", "bare", env(), rounds, partial_startup(spawn)))
    if want("receipt"):
        case = Case(_("receipt PDF (80 mm)"), "<= 2x bare reportlab, same text and font", max_ratio=2)
        params = receipt_to_print(db, folder)
        case.extra = {"text_lines": len(params["text_lines"]), "receipt_id": params["receipt_id"]}
        cases.append(paired(case, "receipt_ours", "receipt_raw", env(**params), rounds, spawn))
    if want("export"):
        # Loaded when this case runs, so each case pays only for what it measures.
        from frontdesk.db.models import Ticket

        with db.read() as s:
            n_tickets = int(s.scalar(select(func.count(Ticket.id))) or 0)
        cases.append(case_export(db, url, min(export_tickets, n_tickets), rounds, folder, spawn))
    if want("dayclose"):
        day = busiest_day(db)
        case = Case(_("day close of a {n}-ticket day").format(n=day["tickets"]), "<= 100 ms", max_median=100)
        case.extra = dict(day)
        cases.append(single(case, "day_close_side", env(day=day["day"], count=15), spawn))
    if want("figures"):
        counts = month_counts(db)
        case = Case(_("service figures of a month ({n} repairs)").format(n=counts["repairs"]), "<= 1000 ms",
                    max_median=1000)
        case.extra = counts
        cases.append(paired(case, "figures_ours", "figures_raw", env(count=10), rounds, spawn))
    db.dispose()
    # The cases that write: last.
    if want("quote"):
        cases.append(single(Case(_("quote for a 10-line ticket (pricing)"), "<= 1 ms", max_median=1),
                            "quote_calc_side", env(count=150), spawn))
        cases.append(single(Case(_("quote preview with its reads (10 lines)"),
                                 "(no target: what the screen waits for)"),
                            "quote_preview_side", env(count=45), spawn))
    if want("intake"):
        cases.append(single(Case(_("intake save (validation, insert, timeline, audit)"), "p95 <= 10 ms", max_p95=10),
                            "intake_side", env(count=INTAKES), spawn))
    return cases


def partial_startup(spawn: Spawn) -> Spawn:
    """The start's sides are themselves fresh processes: timed from outside (wall, and CPU from the child's rusage)."""
    if spawn is not spawn_side:
        return spawn

    def run(side: str, env: Env) -> dict[str, Any]:
        # Loaded when this case runs, so each case pays only for what it measures.
        from frontdesk.ui.bench_qt import run_script

        return run_script(side, env)

    return run


def run(source: Path | str, tickets: int, rounds: int, only: Sequence[str] = (),
        export_tickets: int = 100_000) -> dict[str, Any]:
    db = ensure_database(source, tickets)
    source_url = db.url
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.db.models import Customer, Ticket

    with db.read() as s:
        n_tickets = int(s.scalar(select(func.count(Ticket.id))) or 0)
        n_customers = int(s.scalar(select(func.count(Customer.id))) or 0)
        version = str(s.execute(select(func.sqlite_version() if db.dialect == "sqlite" else func.version())).scalar())
    db.dispose()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with fresh_copy(source_url, folder) as url:
            cases = run_cases(url, rounds, folder, only, export_tickets=export_tickets)
    shown = make_url(source_url).render_as_string(hide_password=True)
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "engine": version, "load_average": list(os.getloadavg())},
        "database": {"url": shown, "dialect": make_url(source_url).get_backend_name(), "tickets": n_tickets,
                     "customers": n_customers},
        "method": {"rounds": rounds, "ratio": "median of the rounds' ratios, "
                   + ("wall time" if db.dialect == "postgresql" else "CPU time"),
                   "fresh_copy": True},
        "cases": [c.as_dict() for c in cases],
    }


def table(result: dict[str, Any]) -> str:
    """The results as a Markdown table."""
    head = [_("case"), _("median ms"), _("p95 ms"), _("p99 ms"), _("baseline ms"), _("ratio (min-max)"),
            _("CPU / wall ratio"), _("target"), _("result")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for c in result["cases"]:
        base = f"{c['baseline_median_ms']:.2f}" if c["baseline_median_ms"] else "-"
        ratio = "-"
        if c["ratio"]:
            ratio = f"{c['ratio']:.2f}x"
            if c.get("ratio_min") is not None:
                ratio += f" ({c['ratio_min']:.2f}-{c['ratio_max']:.2f})"
        both = f"{c['ratio_cpu']:.2f}x / {c['ratio_wall']:.2f}x" if c.get("ratio_cpu") else "-"
        verdict = _("pass") if c["passed"] else _("miss")
        if c["max_median"] is None and c["max_p95"] is None and c["max_p99"] is None and c["max_ratio"] is None:
            verdict = "-"
        lines.append(f"| {c['name']} | {c['median_ms']:.2f} | {c['p95_ms']:.2f} | {c['p99_ms']:.2f} | {base} | "
                     f"{ratio} | {both} | {c['target']} | {verdict} |")
    notes = [f"- {c['name']}: {c['note']}" for c in result["cases"] if c.get("note")]
    return "\n".join(lines + ([""] + notes if notes else []))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m frontdesk.bench", description=_(
        "Time the program's everyday work on a large demo database."))
    parser.add_argument("--db", default=None,
                        help=_("the SQLite file, or a PostgreSQL address (postgresql://...), to use: "
                               "built by the bulk demo when missing or empty"))
    parser.add_argument("--tickets", type=int, default=DEFAULT_TICKETS, help=_("tickets in the database"))
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS,
                        help=_("rounds of each case with a baseline (each round runs both sides)"))
    parser.add_argument("--export-tickets", type=int, default=100_000,
                        help=_("tickets in the export case's period (at most)"))
    parser.add_argument("--json", type=Path, default=None, help=_("write the results as JSON to this file"))
    parser.add_argument("--only", action="append", default=[], choices=CASES,
                        help=_("run only this case (repeatable)"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    i18n.set_language(os.environ.get("FRONTDESK_LANG") or "en")
    source: Path | str = args.db if args.db and _is_pg(args.db) else Path(args.db or f"bench-{args.tickets}.sqlite")
    result = run(source, args.tickets, max(1, args.rounds), args.only, args.export_tickets)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0  # a missed target is a result, not an error


SIDES: dict[str, Side] = {
    "search_ours": search_ours, "search_raw": search_raw,
    "ticket_search_ours": ticket_search_ours, "ticket_search_raw": ticket_search_raw,
    "receipt_ours": receipt_ours, "receipt_raw": receipt_raw, "export_ours": export_ours, "export_raw": export_raw,
    "figures_ours": figures_ours, "figures_raw": figures_raw, "day_close_side": day_close_side,
    "quote_calc_side": quote_calc_side, "quote_preview_side": quote_preview_side, "intake_side": intake_side,
    "stub_side": stub_side,
}


if __name__ == "__main__":
    sys.exit(main())
