"""`rasd batch`: the scale-out run from the command line."""

from __future__ import annotations

from collections import Counter

import click


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--scheduler", default="local", show_default=True,
              help="`local` starts a Dask cluster on this machine; otherwise the address "
                   "of a running Dask scheduler (tcp://host:8786).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 512),
              help="Worker processes of the local cluster.")
@click.option("--db", help="Database to write into: a postgresql:// URL (or a SQLite file).")
@click.option("--parquet", "parquet", type=click.Path(file_okay=False),
              help="Folder to write Parquet files into instead of a database.")
@click.option("--files-per-partition", default=200, show_default=True,
              type=click.IntRange(1), help="Single-page files grouped into one task.")
@click.option("--retries", default=3, show_default=True, type=click.IntRange(0),
              help="Times a failed partition is run again.")
@click.option("--no-prefilter", is_flag=True,
              help="Run every article through all stages, even when it is not Arabic or "
                   "has no conflict vocabulary.")
@click.option("--outlet", help="Outlet name for inputs that do not carry one.")
def batch(sources: tuple[str, ...], scheduler: str, workers: int, db: str | None,
          parquet: str | None, files_per_partition: int, retries: int, no_prefilter: bool,
          outlet: str | None) -> None:
    """Process SOURCES on Dask workers into a database or Parquet files.

    Inputs are cut into partitions (single-page files grouped; each WARC,
    JSON Lines or feed file alone). A partition whose worker dies is run again
    elsewhere without storing anything twice, and a rerun with the same inputs
    skips the partitions already finished. Articles that are not Arabic or
    have no conflict vocabulary are counted and skipped before extraction.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from rasd.scale.batch import connect, run_batch
    from rasd.scale.partition import Partition
    from rasd.scale.worker import Target

    if bool(db) == bool(parquet):
        raise click.UsageError("give exactly one of --db URL or --parquet DIR")
    target = Target(db=db, parquet=parquet, outlet=outlet, prefilter=not no_prefilter)
    err = Console(stderr=True)
    client, cluster = connect(scheduler, workers)
    err.print(f"Dask dashboard: {client.dashboard_link}")
    articles: Counter[str] = Counter()
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("partitions · {task.fields[read]} articles"),
                      TimeElapsedColumn(), TimeRemainingColumn(), console=err) as bar:
            task = bar.add_task("batch", total=None, read=0)

            def advance(partition: Partition, counts: dict[str, int]) -> None:
                articles.update(counts)
                bar.update(task, advance=1, read=articles["read"])

            from rasd.scale.partition import plan

            total = len(plan(sources, files_per_partition))
            bar.update(task, total=total)
            result = run_batch(list(sources), target, client,
                               files_per_partition=files_per_partition, retries=retries,
                               progress=advance)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
    err.print(f"{result.partitions} partitions, {result.already_done} already finished")
    for key, value in sorted(result.counts.items()):
        err.print(f"  {value:>9,}  {key}")
    if db:
        err.print(f"  {result.joined_incidents:>9,}  events placed in incidents")
