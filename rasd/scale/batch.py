"""Run a corpus through the pipeline on Dask: plan partitions, skip finished
ones, process the rest on workers with retries, then cluster incidents by
country.

Exactly once: a partition killed with its worker is run again on another
worker; articles it had already stored are found by their content hash and
not stored twice, and a partition is marked finished only at its end. A later
run with the same inputs skips finished partitions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from distributed import Client, LocalCluster, as_completed

from rasd.scale.partition import Partition, plan
from rasd.scale.worker import RasdPlugin, Target, cluster_country, run_partition

Progress = Callable[[Partition, dict[str, int]], None]


@dataclass
class BatchResult:
    partitions: int
    already_done: int
    counts: Counter[str] = field(default_factory=Counter)
    joined_incidents: int = 0
    dashboard: str | None = None


def finished(partitions: list[Partition], target: Target) -> set[str]:
    if target.db:
        from rasd.store import Store

        return Store.open(target.db).batches.finished(p.id for p in partitions)
    folder = Path(str(target.parquet)) / "_done"
    return {p.id for p in partitions if (folder / f"{p.id}.json").exists()}


def connect(scheduler: str, workers: int, threads: int = 1) -> tuple[Client, LocalCluster | None]:
    """A local cluster of worker processes, or the scheduler at an address."""
    if scheduler == "local":
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=threads, processes=True,
            dashboard_address="127.0.0.1:0", host="127.0.0.1")
        return Client(cluster), cluster  # type: ignore[no-untyped-call]
    return Client(scheduler), None  # type: ignore[no-untyped-call]


def run_batch(sources: list[str], target: Target, client: Client, *,
              files_per_partition: int = 200, retries: int = 3,
              progress: Progress | None = None) -> BatchResult:
    partitions = plan(sources, files_per_partition)
    done = finished(partitions, target)
    todo = [p for p in partitions if p.id not in done]
    result = BatchResult(len(partitions), len(done), dashboard=client.dashboard_link)
    if todo:
        client.register_plugin(RasdPlugin(target))
        futures = {client.submit(run_partition, p, key=f"rasd-partition-{p.id}",
                                 retries=retries, pure=False): p for p in todo}
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            counts = future.result()
            result.counts.update(counts)
            if progress is not None:
                progress(futures[future], counts)
    if target.db:
        result.joined_incidents = cluster_incidents(target, client)
    return result


def cluster_incidents(target: Target, client: Client) -> int:
    """One task per country (incidents never cross a border); each takes its
    events a week at a time, in order, so a week's neighbours are settled first."""
    from rasd.store import Store

    countries = Store.open(str(target.db)).pending_countries()
    if not any(c is not None for c in countries):
        return Store.open(str(target.db)).cluster()
    futures = [client.submit(cluster_country, target.db, c, pure=False, retries=3)
               for c in countries if c is not None]
    placed = sum(f.result() for f in futures)
    return placed + Store.open(str(target.db)).cluster()  # events with no country
