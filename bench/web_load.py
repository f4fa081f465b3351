"""Requests per second and latency of the web application under concurrent load.

The real server (`rasd serve`, in its own processes) answers a load generator
in another process: wrk when it is installed, else bench/loadgen.py. Each
target spreads its requests over the corpus (random article ids, event
cursors, search words), so the figures are not those of one cached row.

    python bench/web_load.py [--articles 20000] [--postgres] [--db PATH | --keep]
                             [--tool wrk|python] [--workers 2 1] [--no-view-counts]

The database is built like bench/store_bench.py's (its articles and variants)
and reused when --db names an existing one; PostgreSQL runs in a throwaway
cluster, restored from PATH.pgdump when there is one. Page views are emptied
(or seeded with --seed-views) before each server start, so runs compare.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx
from loadgen import Result, Target
from sqlalchemy import func, select, text
from store_bench import QUERIES, base_docs, variant

from rasd.store import Store
from rasd.store import schema as t

HERE = Path(__file__).resolve().parent
TARGET_NAMES = ("home", "article", "api/events", "search", "api/search")

WRK_SCRIPT = """
local template = @TEMPLATE@
local lo, hi = @LO@, @HI@
local choices = {@CHOICES@}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end
function init(args)
  math.randomseed(os.time() * 100 + (seed or 0))
end
function request()
  local path = template:gsub("{n}", function() return tostring(math.random(lo, hi)) end)
  path = path:gsub("{c}", function() return choices[math.random(#choices)] end)
  return wrk.format("GET", path)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "seconds": %f, "errors": %d, "p50": %f, "p95": %f, "p99": %f}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cluster(store: Store) -> None:
    """Store.cluster, with articles.previous_id indexed meanwhile on SQLite: without
    that index its query of pending events scans every article for every event (about
    50 minutes at 20,000 articles). The index is dropped after, so that the server
    sees the schema that `rasd` makes."""
    index = "web_load_cluster_previous_id"
    with store.engine.begin() as conn:
        if store.is_sqlite:
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS {index} ON articles(previous_id)"))
    store.cluster()
    with store.engine.begin() as conn:
        if store.is_sqlite:
            conn.execute(text(f"DROP INDEX {index}"))


def build(target: str, total: int, distinct: int) -> tuple[Store, int]:
    """Open the database, ingest variants until it holds ``total`` articles and
    cluster the events; returns the store and how many articles were added."""
    store = Store.open(target)
    have = store.counts()["articles"]
    start = time.perf_counter()
    if have < total:
        docs = base_docs(distinct)
        for n in range(have, total):
            if n % 2000 == 0:
                log(f"  {n:,} of {total:,} articles stored")
            store.ingest(variant(docs[n % len(docs)], n))
    cluster(store)  # incremental: quick when nothing is new
    log(f"  {store.counts()['articles']:,} articles ready after "
        f"{time.perf_counter() - start:.0f} s")
    return store, max(0, total - have)


@contextmanager
def postgres_database(dump: Path | None, total: int, distinct: int) -> Iterator[tuple[str, Store]]:
    """A throwaway PostgreSQL cluster holding the corpus; restored from ``dump`` when it
    exists, and dumped there after building, so that only the first run ingests."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from postgres_server import _bindir, postgres_server

    bindir = _bindir()
    with postgres_server() as url:
        plain = url.replace("+psycopg", "")
        if dump is not None and dump.exists():
            log(f"  restoring {dump}")
            subprocess.run([str(bindir / "pg_restore"), "--no-owner", "-d", plain, str(dump)],
                           check=True)
        store, added = build(url, total, distinct)
        if dump is not None and added:
            subprocess.run([str(bindir / "pg_dump"), "-Fc", "-f", str(dump), plain], check=True)
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE"))  # autovacuum would, sooner or later
        yield url, store


def reset_views(store: Store, count: int, seed: int = 3) -> None:
    """Empty page_views, then add ``count`` views spread over the last week."""
    rng = random.Random(seed)
    with store.engine.connect() as conn:
        lo, hi = conn.execute(select(func.min(t.articles.c.id), func.max(t.articles.c.id))).one()
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        conn.execute(t.page_views.delete())
        for start in range(0, count, 10000):
            conn.execute(t.page_views.insert(), [
                {"article_id": rng.randint(lo, hi),
                 "viewed_at": now - timedelta(seconds=rng.randint(0, 7 * 86400))}
                for _ in range(min(10000, count - start))])


def targets(store: Store) -> list[Target]:
    """The URL families, with ranges read from this database."""
    a, e = t.articles, t.events
    with store.engine.connect() as conn:
        lo, hi = conn.execute(select(func.min(a.c.id), func.max(a.c.id))).one()
        last_event = conn.execute(select(func.max(e.c.id))).scalar() or 0
        countries = conn.execute(select(e.c.country).where(e.c.country.is_not(None))
                                 .group_by(e.c.country).order_by(func.count().desc())
                                 .limit(3)).scalars().all()
    words = tuple(quote(q) for q in QUERIES if " " not in q)
    return [
        Target("home", "/"),
        Target("article", "/articles/{n}", lo, hi),
        Target("api/events", "/api/events?limit=50&cursor={n}{c}", 0, max(0, last_event - 50),
               ("", *(f"&country={c}" for c in countries))),
        Target("search", "/search?q={c}", choices=words),
        Target("api/search", "/api/search?q={c}", choices=words),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(db: str, workers: int, views: bool, logfile: Path) -> Iterator[tuple[str, int]]:
    """`rasd serve` as a subprocess, from its start until /healthz answers, to its stop."""
    port = _free_port()
    command = [sys.executable, "-m", "rasd.cli", "serve", "--db", db, "--port", str(port),
               "--tiles", "", "--workers", str(workers)]
    if not views:
        command.append("--no-view-counts")
    base = f"http://127.0.0.1:{port}"
    with logfile.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with {process.returncode}; see {logfile}")
            try:
                if httpx.get(f"{base}/healthz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer /healthz; see {logfile}")
            time.sleep(0.2)
        yield base, process.pid
    finally:
        process.send_signal(signal.SIGTERM)  # uvicorn's supervisor stops its workers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group this script started
            process.wait()


def _processes() -> dict[int, tuple[int, float]]:
    """pid -> (parent pid, CPU seconds including its reaped children), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[int, tuple[int, float]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            found[int(entry.name)] = (int(fields[1]), sum(map(int, fields[11:15])) / tick)
    return found


def tree_cpu(roots: list[int]) -> float:
    """CPU seconds used so far by these processes and all their descendants."""
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    todo, total = [r for r in roots if r in processes], 0.0
    while todo:
        pid = todo.pop()
        total += processes[pid][1]
        todo += children.get(pid, [])
    return total


def machine_busy() -> float:
    """CPU seconds that all cores have spent busy since boot."""
    values = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def warm_up(base: str, target: Target, requests: int = 20) -> None:
    """Sequential requests, each on a new connection so that every server process
    gets some: templates compiled and pools filled before the clock starts. A
    failing target is reported before its run."""
    rng = random.Random(11)
    with httpx.Client(base_url=base, timeout=60, headers={"Connection": "close"}) as client:
        for _ in range(requests):
            path = target.path(rng)
            status = client.get(path).status_code
            if status >= 400:
                log(f"  warning: {path} answered {status}")
                return


def run_wrk(base: str, target: Target, seconds: float, connections: int,
            folder: Path) -> Result:
    script = folder / f"{target.name.replace('/', '_')}.lua"
    script.write_text(WRK_SCRIPT.replace("@TEMPLATE@", json.dumps(target.template))
                      .replace("@LO@", str(target.lo)).replace("@HI@", str(target.hi))
                      .replace("@CHOICES@", ", ".join(json.dumps(c) for c in target.choices)))
    # One client thread: wrk needs far less than a core at these rates, and the
    # server needs every core it can get.
    done = subprocess.run(["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds:g}s",
                           "--timeout", "30s", "-s", str(script), base],
                          capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("WRKJSON "))
    return Result(**json.loads(line.removeprefix("WRKJSON ")))


def run_python(base: str, target: Target, seconds: float, connections: int) -> Result:
    spec = {"base": base, "target": {**target.__dict__, "choices": list(target.choices)},
            "seconds": seconds, "connections": connections}
    done = subprocess.run([sys.executable, str(HERE / "loadgen.py"), json.dumps(spec)],
                          capture_output=True, text=True, check=True)
    return Result(**json.loads(done.stdout.splitlines()[-1]))


@dataclass(frozen=True)
class Row:
    database: str
    workers: int
    target: str
    result: Result
    cpu_ms: float  # server and database CPU per request
    other: float  # share of the machine's cores busy with unrelated processes


def prepare(store: Store, statements: list[str]) -> None:
    """Run what-if SQL (say, an index the application lacks) before serving."""
    with store.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def measure(label: str, db: str, store: Store, args: argparse.Namespace,
            folder: Path) -> list[Row]:
    rows: list[Row] = []
    chosen = [x for x in targets(store) if x.name in args.targets]
    prepare(store, args.sql)
    database_roots: list[int] = []
    if not store.is_sqlite:  # the postmaster: its backends do the queries' work
        with store.engine.connect() as conn:
            backend = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        database_roots.append(_processes()[backend][0])
    for workers in args.workers:
        reset_views(store, args.seed_views)
        store.engine.dispose()  # the server's processes own the connections from here on
        with server(db, workers, not args.no_view_counts, folder / "server.log") as (base, pid):
            for target in chosen:
                warm_up(base, target)
                before = (tree_cpu([pid, *database_roots]), machine_busy(), client_cpu())
                if args.tool == "wrk":
                    result = run_wrk(base, target, args.seconds, args.connections, folder)
                else:
                    result = run_python(base, target, args.seconds, args.connections)
                served = tree_cpu([pid, *database_roots]) - before[0]
                other = machine_busy() - before[1] - served - (client_cpu() - before[2])
                row = Row(label, workers, target.name, result,
                          served * 1000 / result.requests if result.requests else math.nan,
                          max(0.0, other) / result.seconds / (os.cpu_count() or 1))
                log(f"  {label} workers={workers} {target.name}: {result.rps:.0f} req/s, "
                    f"p95 {result.p95:.1f} ms, {row.cpu_ms:.1f} ms CPU/request")
                rows.append(row)
    return rows


def table(rows: list[Row]) -> str:
    head = (f"{'database':<11}{'workers':>8}  {'target':<11}{'req/s':>8}{'p50 ms':>9}"
            f"{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'requests':>10}{'CPU ms/req':>12}"
            f"{'other load':>12}")
    lines = [head, "-" * len(head)]
    for row in rows:
        r = row.result
        lines.append(f"{row.database:<11}{row.workers:>8}  {row.target:<11}{r.rps:>8.0f}"
                     f"{r.p50:>9.1f}{r.p95:>9.1f}{r.p99:>9.1f}{r.errors:>8}{r.requests:>10}"
                     f"{row.cpu_ms:>12.1f}{row.other:>12.0%}")
    lines.append("CPU ms/req: server processes and PostgreSQL together; other load: share of "
                 "the cores busy with unrelated processes during the run")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--distinct", type=int, default=1000,
                        help="articles actually extracted; the rest are variants")
    parser.add_argument("--db", help="SQLite file to build or reuse (PostgreSQL: PATH.pgdump)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the databases built in a temporary folder")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--tool", choices=("wrk", "python"),
                        default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--workers", type=int, nargs="+", default=[2],
                        help="server processes; several values run one after another")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--no-view-counts", action="store_true",
                        help="passed to `rasd serve`: article pages record no view")
    parser.add_argument("--seed-views", type=int, default=0,
                        help="page views (last 7 days) present when each server starts")
    parser.add_argument("--sql", action="append", default=[],
                        help="SQL run on each database before serving, to try an index "
                             "(it stays in a --db SQLite file)")
    parser.add_argument("--targets", nargs="+", choices=TARGET_NAMES, default=TARGET_NAMES)
    args = parser.parse_args()

    print(f"machine: {os.cpu_count()} cores (server and load generator share them); "
          f"tool {args.tool}; {args.connections} connections; {args.seconds:g} s per target; "
          f"workers {' '.join(map(str, args.workers))}; view counts "
          f"{'off' if args.no_view_counts else 'on'}; seeded views {args.seed_views:,}; "
          f"{args.articles:,} articles ({args.distinct:,} distinct); load average before "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.db:
            db = Path(args.db)
        elif args.keep:
            db = Path(tempfile.mkdtemp(prefix="rasd-web-load-")) / "web.db"
        else:
            db = folder / "web.db"
        log(f"SQLite database {db}")
        rows = measure("SQLite", str(db), build(str(db), args.articles, args.distinct)[0],
                       args, folder)
        if args.postgres:
            dump = db.with_suffix(".pgdump") if args.db or args.keep else None
            log("PostgreSQL database" + (f" (dump {dump})" if dump else ""))
            with postgres_database(dump, args.articles, args.distinct) as (url, store):
                rows += measure("PostgreSQL", url, store, args, folder)
        print(table(rows))
        for row in rows:
            r = row.result
            if row.target == "article":
                met = r.rps >= 300 and r.p95 < 50 and not r.errors
                print(f"article pages, {row.database}, {row.workers} workers: 300 req/s with "
                      f"p95 < 50 ms {'met' if met else 'missed'}")
        if args.keep and not args.db:
            print(f"kept {db}; reuse it with --db {db}")


if __name__ == "__main__":
    main()
