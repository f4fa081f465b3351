"""Figures for the scale-out runner: one process against Dask, and growth with size.

    python bench/scale.py [--articles 1000] [--sizes 1000,10000] [--workers 1,2]
                          [--html-share 0.5] [--jsonl-share 0] [--seed 7]
                          [--postgres] [--postgres-max 10000] [--parts single,dask,growth]

Prints, on a generated mixed corpus (``scale_corpus.py``: about 30% not about
conflict, 5% exact copies, text and HTML pages):

- single: the batch worker's ``Engine.run`` in this process, on text, HTML and
  the mix, with and without the prefilter (load time apart);
- dask: ``run_batch`` on a LocalCluster of 1 and 2 worker processes into
  Parquet (and PostgreSQL), against the single-process rate;
- growth: the largest worker count over ``--sizes``: wall time, articles/s and
  peak resident memory per worker.

Cluster start-up, the workers' one-time load and incident clustering are timed
apart from processing. With --postgres a throwaway server is started
(``tests/postgres_server.py``, fsync off) and each run gets a new database;
the time spent in ``Store.keep`` and the bookkeeping writes is measured
inside the workers, and ``Store.cluster`` is timed per country.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import resource
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import psutil
from scale_corpus import Corpus, quiet_article, write_mixed

import rasd.scale.batch as batch
from rasd.scale.batch import connect, run_batch
from rasd.scale.partition import plan
from rasd.scale.worker import Engine, Target, cluster_country

TRIGGERS = ("قصف", "اشتباك", "مقتل", "غارة", "هجوم", "انفجار", "اعتقال")
# Timed in every process that runs the pipeline: (module, function or Class.method).
TIMED = [("rasd.store.database", "Store.keep"), ("rasd.store.database", "index_forms"),
         ("rasd.store.batches", "Batches.skip"), ("rasd.store.batches", "Batches.finish"),
         ("rasd.scale.prefilter", "Prefilter.reason"), ("rasd.scale.worker", "write_parquet")]


@dataclass
class Row:
    """One measured run."""

    part: str
    corpus: str
    articles: int
    target: str
    workers: int  # 0: in this process, no Dask
    prefilter: bool = True
    startup: float = 0.0  # cluster start-up, s
    load: float = 0.0  # pipeline load (per process, or plugin set-up on all workers), s
    plan: float = 0.0  # planning partitions, s
    process: float = 0.0  # processing, s (the rate's denominator)
    cluster: float = 0.0  # incident clustering, s
    rss_loaded: float = 0.0  # MB per worker after load (max over workers)
    rss_peak: float = 0.0  # MB per worker, peak (max over workers)
    counts: Counter[str] = field(default_factory=Counter)
    timers: dict[str, float] = field(default_factory=dict)
    countries: list[tuple[str, int, float]] = field(default_factory=list)
    db_cpu: float = 0.0  # CPU seconds of the database server while processing
    cpu: float = 0.0  # CPU seconds of the pipeline processes while processing
    main_cpu: float = 0.0  # CPU seconds of this process (client, scheduler) meanwhile
    others: float = 0.0  # share of the machine's CPU used by other processes meanwhile

    @property
    def rate(self) -> float:
        return self.articles / self.process if self.process else 0.0

    @property
    def cpu_rate(self) -> float:
        """Articles per CPU-second of the pipeline processes: per core, uncontended."""
        return self.articles / self.cpu if self.cpu else 0.0


def cpu_of(pids: Iterable[int]) -> float:
    """CPU seconds used so far by these processes."""
    total = 0.0
    for pid in pids:
        with suppress(psutil.Error):
            t = psutil.Process(pid).cpu_times()
            total += t.user + t.system
    return total


class Usage:
    """CPU used between two points by some processes, this one and the whole machine."""

    def __init__(self, pids: Iterable[int]) -> None:
        self.pids = list(pids)
        self.start = (cpu_of(self.pids), cpu_of([os.getpid()]), psutil.cpu_times(),
                      time.perf_counter())

    def stop(self, row: Row, db: str | None) -> None:
        """Fill the row's CPU figures; the database server's CPU counts as ours."""
        work, main, machine, wall = self.start
        row.cpu = cpu_of(self.pids) - work
        row.main_cpu = cpu_of([os.getpid()]) - main
        now = psutil.cpu_times()
        busy = sum(now) - now.idle - now.iowait - (sum(machine) - machine.idle - machine.iowait)
        capacity = (time.perf_counter() - wall) * (os.cpu_count() or 1)
        mine = row.cpu + row.main_cpu + row.db_cpu
        row.others = max(busy - mine, 0.0) / capacity if capacity else 0.0


# --- timers installed in each process that runs the pipeline ---

def install_timers() -> None:
    """Wrap the TIMED functions and methods to add up their time (idempotent)."""
    import importlib

    for module_name, name in TIMED:
        owner: Any = importlib.import_module(module_name)
        *path, attr = name.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, attr)
        if getattr(original, "_bench", False):
            continue

        def wrapper(*args: Any, _orig: Any = original, _key: str = name, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return _orig(*args, **kwargs)
            finally:
                totals = sys.modules["rasd"].__dict__.setdefault("_bench_timers", Counter())
                totals[_key] += time.perf_counter() - start

        wrapper._bench = True  # type: ignore[attr-defined]
        setattr(owner, attr, wrapper)


def read_timers(reset: bool = True) -> dict[str, float]:
    """The time added up by ``install_timers`` in this process."""
    totals: Counter[str] = sys.modules["rasd"].__dict__.get("_bench_timers", Counter())
    out: dict[str, float] = dict(totals)
    if reset:
        totals.clear()
    return out


def timed_cluster_country(db: str, country: str | None, log: str) -> int:
    """``cluster_country`` with its time appended to a log (runs on a worker)."""
    start = time.perf_counter()
    placed = cluster_country(db, country)
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(json.dumps([country, placed, time.perf_counter() - start]) + "\n")
    return placed


class RssSampler(threading.Thread):
    """Peak resident memory of some processes, sampled every ``every`` seconds."""

    def __init__(self, pids: Iterable[int], every: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.procs = [psutil.Process(p) for p in pids]
        self.peak = {p.pid: 0 for p in self.procs}
        self.every = every
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            for proc in self.procs:
                with suppress(psutil.Error):
                    self.peak[proc.pid] = max(self.peak[proc.pid], proc.memory_info().rss)
            self.stopped.wait(self.every)

    def stop(self) -> float:
        """Stop; the largest worker's peak in MB."""
        self.stopped.set()
        self.join()
        return max(self.peak.values(), default=0) / 2**20


@contextmanager
def patched(owner: object, **values: Any) -> Iterator[None]:
    """Set attributes of a module or object for the duration of a block."""
    saved = {name: getattr(owner, name) for name in values}
    try:
        for name, value in values.items():
            setattr(owner, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(owner, name, value)


# --- databases ---

@contextmanager
def maybe_postgres(wanted: bool) -> Iterator[str | None]:
    """A throwaway PostgreSQL server's URL, or None."""
    if not wanted:
        yield None
        return
    from postgres_server import postgres_server  # type: ignore[import-not-found,unused-ignore]

    with postgres_server() as url:
        yield url


def fresh_database(server: str, name: str) -> str:
    """A new empty database on the server; its URL."""
    from sqlalchemy import create_engine, text

    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


# --- runs ---

def single_run(corpus: Corpus, label: str, target: Target, files_per_partition: int) -> Row:
    """Engine.run in this process over every partition of the corpus."""
    row = Row("single", label, corpus.articles, "postgres" if target.db else "parquet", 0,
              target.prefilter)
    start = time.perf_counter()
    engine = Engine(target)
    row.load = time.perf_counter() - start
    row.rss_loaded = psutil.Process().memory_info().rss / 2**20
    start = time.perf_counter()
    partitions = plan([str(corpus.folder)], files_per_partition)
    row.plan = time.perf_counter() - start
    install_timers()
    read_timers()
    cpu = server_cpu(target.db)
    usage = Usage([])
    start = time.perf_counter()
    for partition in partitions:
        row.counts.update(engine.run(partition))
    row.process = time.perf_counter() - start
    row.db_cpu = server_cpu(target.db) - cpu
    usage.stop(row, target.db)
    row.cpu, row.main_cpu = row.main_cpu, 0.0  # here the pipeline runs in this process
    row.timers = read_timers()
    row.rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return row


def dask_run(corpus: Corpus, label: str, target: Target, workers: int,
             files_per_partition: int, scratch: Path) -> Row:
    """run_batch on a new LocalCluster; start-up, load, planning and clustering apart."""
    row = Row("dask", label, corpus.articles, "postgres" if target.db else "parquet", workers,
              target.prefilter)
    start = time.perf_counter()
    client, cluster = connect("local", workers)
    row.startup = time.perf_counter() - start
    log = scratch / f"cluster-{time.monotonic_ns()}.jsonl"
    original_register = client.register_plugin
    original_cluster = batch.cluster_incidents
    original_plan = getattr(batch, "plan")  # noqa: B009

    usage: list[Usage] = []

    def register(*args: Any, **kwargs: Any) -> Any:
        begin = time.perf_counter()
        out = original_register(*args, **kwargs)
        row.load += time.perf_counter() - begin
        row.rss_loaded = max(client.run(lambda: psutil.Process().memory_info().rss).values()
                             ) / 2**20
        usage.append(Usage(pids.values()))
        return out

    def processed() -> None:
        if usage:
            row.db_cpu = server_cpu(target.db) - cpu
            usage.pop().stop(row, target.db)

    def cluster_incidents(*args: Any, **kwargs: Any) -> int:
        processed()
        begin = time.perf_counter()
        out = original_cluster(*args, **kwargs)
        row.cluster += time.perf_counter() - begin
        return out

    def planned(*args: Any, **kwargs: Any) -> Any:
        begin = time.perf_counter()
        out = original_plan(*args, **kwargs)
        row.plan += time.perf_counter() - begin
        return out

    try:
        pids = client.run(os.getpid)
        client.run(install_timers)
        sampler = RssSampler(pids.values())
        sampler.start()
        with patched(client, register_plugin=register), patched(
                batch, cluster_incidents=cluster_incidents, plan=planned,
                cluster_country=functools.partial(timed_cluster_country, log=str(log))):
            cpu = server_cpu(target.db)
            start = time.perf_counter()
            result = run_batch([str(corpus.folder)], target, client,
                               files_per_partition=files_per_partition)
            wall = time.perf_counter() - start
            processed()
        row.rss_peak = sampler.stop()
        row.process = wall - row.load - row.plan - row.cluster
        row.counts.update(result.counts)
        row.counts["events placed in incidents"] = result.joined_incidents
        for timers in client.run(read_timers).values():
            for key, value in timers.items():
                row.timers[key] = row.timers.get(key, 0.0) + value
        if log.exists():
            row.countries = [(c, n, t) for c, n, t in map(
                json.loads, log.read_text(encoding="utf-8").splitlines())]
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
    return row


# --- printing ---

def describe(row: Row) -> str:
    where = "1 process" if row.workers == 0 else f"dask x{row.workers}"
    skipped = sum(v for k, v in row.counts.items() if k.startswith("skipped"))
    stored = row.counts.get("added", 0) + row.counts.get("articles written", 0)
    return (f"{row.part:<6} {row.corpus:<6} {row.articles:>7,} {row.target:<8} {where:<9} "
            f"{'on' if row.prefilter else 'off':<4} {row.startup:>6.1f} {row.load:>6.1f} "
            f"{row.plan:>5.1f} {row.process:>8.1f} {row.rate:>7.1f} "
            f"{row.rate / max(row.workers, 1):>7.1f} {row.cpu_rate:>7.1f} {row.others:>6.0%} "
            f"{row.cluster:>6.1f} "
            f"{row.rss_loaded:>6.0f} {row.rss_peak:>6.0f} {skipped:>7,} {stored:>7,}")


HEADER = (f"{'part':<6} {'corpus':<6} {'articles':>7} {'target':<8} {'where':<9} {'pre':<4} "
          f"{'start':>6} {'load':>6} {'plan':>5} {'process':>8} {'art/s':>7} {'/core':>7} "
          f"{'clust':>6} {'rssL':>6} {'rssPk':>6} {'skipped':>7} {'stored':>7}")


def details(row: Row) -> list[str]:
    """Where the workers' time went, database server CPU, and clustering per country."""
    lines = []
    name = f"  {row.part} {row.corpus} {row.articles:,} {row.target} x{max(row.workers, 1)}"
    busy = row.process * max(row.workers, 1)
    if row.timers and busy:
        shares = ", ".join(f"{k} {v:.1f} s ({v / busy:.0%})"
                           for k, v in sorted(row.timers.items()) if v >= 0.05)
        lines.append(f"{name}: of {busy:.0f} worker-s: {shares}")
    if row.cpu:
        total = row.cpu + row.main_cpu + row.db_cpu
        lines.append(f"{name}: CPU s: pipeline {row.cpu:.1f}, client and scheduler "
                     f"{row.main_cpu:.1f}, database server {row.db_cpu:.1f}: "
                     f"{row.articles / total:.1f} articles per CPU-second in all")
    keep = row.timers.get("Store.keep", 0.0)
    if keep:
        kept = sum(row.counts.get(k, 0) for k in ("added", "duplicate", "revision"))
        lines.append(f"{name}: {kept / keep:,.0f} articles/s through Store.keep per writer "
                     f"({keep / max(kept, 1) * 1000:.1f} ms each, search forms included); "
                     f"server CPU {row.db_cpu:.1f} s = {row.db_cpu / max(kept, 1) * 1000:.1f} "
                     "ms per stored article")
    if row.countries:
        per = ", ".join(f"{c or 'none'} {n:,} events {s:.1f} s"
                        for c, n, s in sorted(row.countries, key=lambda x: -x[2]))
        lines.append(f"{name}: clustering {per}; total {row.cluster:.1f} s")
    return lines


def server_cpu(url: str | None) -> float:
    """CPU seconds used so far by the PostgreSQL server on this URL's port, its
    exited backends included."""
    if not url:
        return 0.0
    port = url.rsplit(":", 1)[1].split("/")[0]
    for proc in psutil.process_iter(["cmdline"]):
        if f"-p {port}" in " ".join(proc.info["cmdline"] or []):
            with proc.oneshot():
                t = proc.cpu_times()
                total = t.user + t.system + t.children_user + t.children_system
            for child in proc.children():
                with suppress(psutil.Error):
                    c = child.cpu_times()
                    total += c.user + c.system
            return float(total)
    return 0.0


def emit(line: str) -> None:
    print(line, flush=True)


def check_quiet(sample: int = 2000) -> str:
    """How many generated non-conflict articles hold a trigger or pass the prefilter."""
    import random

    from rasd.scale.prefilter import Prefilter

    prefilter = Prefilter.load()
    rng = random.Random(1)
    with_words = kept = 0
    for _ in range(sample):
        headline, blocks = quiet_article(rng)
        text = "\n".join([headline, *(t for _, t in blocks)])
        with_words += any(w in text for w in TRIGGERS)
        kept += prefilter.reason(text) is None
    return (f"non-conflict check: {with_words}/{sample} hold one of {'/'.join(TRIGGERS)}, "
            f"{kept}/{sample} pass the prefilter")


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on kill
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000,
                        help="corpus size for the single-process and 1-vs-2-worker runs")
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes for growth")
    parser.add_argument("--workers", default="1,2", help="Dask worker counts")
    parser.add_argument("--html-share", type=float, default=0.5)
    parser.add_argument("--jsonl-share", type=float, default=0.0,
                        help="share of articles written into JSON Lines shards")
    parser.add_argument("--shard-size", type=int, default=500,
                        help="records per JSON Lines shard (each shard is one partition)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--files-per-partition", type=int, default=200)
    parser.add_argument("--postgres", action="store_true", help="also into PostgreSQL")
    parser.add_argument("--postgres-max", type=int, default=10000,
                        help="largest growth size also run into PostgreSQL")
    parser.add_argument("--parts", default="single,dask,growth")
    parser.add_argument("--workdir", help="where corpora and outputs go (default: a temp dir)")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    worker_counts = [int(w) for w in args.workers.split(",")]
    fpp = args.files_per_partition
    emit(f"machine: {os.cpu_count()} logical cores ({psutil.cpu_count(logical=False)} physical), "
         f"{psutil.virtual_memory().total / 2**30:.0f} GiB, {platform.python_implementation()} "
         f"{platform.python_version()}, {platform.platform()}")
    emit(f"options: {vars(args)}")
    emit(check_quiet())
    rows: list[Row] = []
    base = Path(args.workdir) if args.workdir else None
    tmp: AbstractContextManager[str] = (nullcontext(str(base)) if base else
                                        tempfile.TemporaryDirectory(prefix="rasd-scale-"))
    with tmp as scratch_name, maybe_postgres(args.postgres) as server:
        scratch = Path(scratch_name)
        scratch.mkdir(parents=True, exist_ok=True)
        corpora: dict[tuple[str, int], Corpus] = {}
        runs = 0

        def corpus(label: str, size: int) -> Corpus:
            if (label, size) not in corpora:
                html = {"text": 0.0, "html": 1.0 - args.jsonl_share}.get(label, args.html_share)
                start = time.perf_counter()
                made = write_mixed(scratch / f"corpus-{label}-{size}", size, seed=args.seed,
                                   html_share=html, jsonl_share=args.jsonl_share,
                                   shard_size=args.shard_size)
                emit(f"corpus {label} {size:,}: {made.files:,} files, {made.bytes / 1e6:.1f} MB, "
                     f"{made.chars / max(made.articles - made.kinds['exact duplicate'], 1):,.0f}"
                     f" characters per article, {dict(made.kinds)}; written in "
                     f"{time.perf_counter() - start:.1f} s")
                corpora[label, size] = made
            return corpora[label, size]

        def target(kind: str, prefilter: bool = True) -> Target:
            nonlocal runs
            runs += 1
            if kind == "postgres":
                assert server is not None
                return Target(db=fresh_database(server, f"bench{runs}"), prefilter=prefilter)
            return Target(parquet=str(scratch / f"out{runs}"), prefilter=prefilter)

        def record(row: Row) -> Row:
            rows.append(row)
            emit(describe(row))
            for line in details(row):
                emit(line)
            return row

        kinds = ["parquet", "postgres"] if server else ["parquet"]
        if "single" in parts:
            warm = single_run(corpus("mixed", 60), "warmup", target("parquet"), fpp)
            emit(f"warm-up (not counted): 60 articles in {warm.process:.1f} s")
            emit(HEADER)
            for label in ("text", "html", "mixed"):
                for prefilter in (True, False):
                    record(single_run(corpus(label, args.articles), label,
                                      target("parquet", prefilter), fpp))
            if server:
                record(single_run(corpus("mixed", args.articles), "mixed", target("postgres"),
                                  fpp))
        done: dict[tuple[int, int, str], Row] = {}
        if "dask" in parts:
            emit(HEADER)
            for kind in kinds:
                for n in worker_counts:
                    done[args.articles, n, kind] = record(dask_run(
                        corpus("mixed", args.articles), "mixed", target(kind), n, fpp, scratch))
        if "growth" in parts:
            emit(HEADER)
            n = max(worker_counts)
            for size in sizes:
                for kind in kinds:
                    if kind == "postgres" and size > args.postgres_max:
                        continue
                    if (size, n, kind) not in done:
                        done[size, n, kind] = record(dask_run(
                            corpus("mixed", size), "mixed", target(kind), n, fpp, scratch))
    summary(rows)


def summary(rows: list[Row]) -> None:
    """The table of every run, and Dask against one process."""
    emit("")
    emit("all runs (times in s; art/s = articles read / process time; /core = art/s per "
         "worker; /cpu-s = articles per CPU-second of the pipeline processes; others = share "
         "of the machine's CPU taken by other processes meanwhile; rssL/rssPk = MB per worker "
         "after load / peak)")
    emit(HEADER)
    for row in rows:
        emit(describe(row))
    for row in rows:
        for line in details(row):
            emit(line)
    singles = {(r.corpus, r.target, r.articles): r for r in rows
               if r.part == "single" and r.prefilter}
    for r in rows:
        if r.part != "single" or r.prefilter:
            continue
        on = singles.get((r.corpus, r.target, r.articles))
        if on:
            emit(f"prefilter on {r.corpus}: {on.rate:.1f} vs {r.rate:.1f} articles/s without "
                 f"= {on.rate / r.rate:.2f}x")
    for r in rows:
        ref = singles.get((r.corpus, r.target, r.articles))
        if r.part != "single" and ref:
            emit(f"dask x{r.workers} {r.target} {r.articles:,}: {r.rate:.1f} articles/s = "
                 f"{r.rate / ref.rate:.2f}x one process ({r.rate / ref.rate / r.workers:.0%} "
                 f"parallel efficiency); per CPU-second of the workers {r.cpu_rate:.1f} vs "
                 f"{ref.cpu_rate:.1f} = {r.cpu_rate / ref.cpu_rate:.2f}x")


if __name__ == "__main__":
    main()
