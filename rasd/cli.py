"""The ``rasd`` command line: thin wrappers around the stages' functions."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rasd import __version__
from rasd.acquire import AcquireConfig, Rejected, read_sources
from rasd.acquire.formats import Item
from rasd.errors import RasdError
from rasd.events.extract import EventExtractor
from rasd.events.lexicon import EventLexicon
from rasd.export import doc_to_dict, rejected_to_dict
from rasd.export.events import acled_csv, geojson
from rasd.mentions import MentionFinder
from rasd.pipeline import Doc, Pipeline


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasd")
def main() -> None:
    """rasd turns Arabic news about armed conflict into structured event data."""


def _render_doc(console: Console, doc: Doc) -> None:
    article = doc.require_article()
    p = article.provenance
    where = p.source + (f" (record {p.record})" if p.record is not None else "")
    meta = Table.grid(padding=(0, 1))
    meta.add_column(style="bold")
    meta.add_column()
    for label, value in (
        ("source", where), ("url", p.url), ("outlet", p.outlet), ("published", article.published),
        ("fetched", p.fetched), ("encoding", p.encoding), ("hash", p.content_hash[:16]),
        ("extractor", article.extractor),
    ):
        if value:
            meta.add_row(label, Text(str(value)))
    console.print(Panel(meta, title=Text(article.title or "(no headline)"), title_align="right"))
    structure = Table(show_header=True, header_style="bold", expand=True)
    structure.add_column("kind", no_wrap=True)
    structure.add_column("sent.", justify="right")
    structure.add_column("text", ratio=1)
    per_block = Counter(s.block for s in doc.sentences)
    for index, block in enumerate(article.blocks):
        structure.add_row(block.kind, str(per_block[index]),
                          Text(article.block_text(block), justify="right"))
    console.print(structure)
    if article.removed:
        removed = Table(title="removed as page chrome", show_header=True, header_style="bold")
        removed.add_column("rule")
        removed.add_column("text")
        for r in article.removed:
            removed.add_row(r.rule, Text(article.text[r.start : r.end]))
        console.print(removed)
    elif article.removed_chars:
        console.print(f"[dim]{article.removed_chars:,} characters of page chrome left out "
                      "by the HTML extractor[/dim]")
    if doc.extraction is not None:
        _render_events(console, doc)
    if doc.mentions:
        found = Table(title="mentions", show_header=True, header_style="bold")
        for column in ("kind", "text", "resolved to", "rule"):
            found.add_column(column)
        for m in doc.mentions:
            shown = m.data.get("name") or m.ref or ""
            if m.kind == "quantity":
                shown = f"{m.data.get('value')} ({m.data.get('qualifier')})"
            elif m.kind == "date":
                shown = f"{m.ref} ({m.data.get('precision')})"
            found.add_row(m.kind, Text(m.text), Text(str(shown)), m.rule)
        console.print(found)
    for warning in article.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")


def _render_events(console: Console, doc: Doc) -> None:
    extraction = doc.extraction
    assert extraction is not None
    if not extraction.relevant:
        console.print(f"[dim]not about political violence: {extraction.reason}[/dim]")
        return
    table = Table(title="events", show_header=True, header_style="bold", expand=True)
    for column in ("type", "actors", "where", "when", "killed", "source", "modality"):
        table.add_column(column)
    for e in extraction.events:
        actors = " / ".join(p.name for p in (e.actor1, e.actor2) if p) or "-"
        where = str(e.location["name"]) if e.location else "-"
        killed = "-" if e.fatalities_qualifier is None else \
            f"{e.fatalities if e.fatalities is not None else '?'} ({e.fatalities_qualifier})"
        sources = ", ".join(str(s.get("name") or s["id"]) for s in e.sources) or "-"
        table.add_row(e.sub_event_type, actors, where, e.event_date or "-", killed, sources,
                      e.modality)
    console.print(table)
    for t in extraction.tolls:
        by = t.perpetrator.name if t.perpetrator else "unstated perpetrator"
        src = (t.source or {}).get("name") or (t.source or {}).get("id") or "unstated source"
        console.print(f"toll: {t.count} {t.victims or ''} {t.effect} ({t.qualifier}) by {by}, "
                      f"according to {src}")


def _summary(console: Console, done: int, rejected: list[Rejected]) -> None:
    console.print(f"[bold]processed {done}[/bold], skipped {len(rejected)}")
    for item in rejected:
        where = item.label + (f" @ byte {item.offset}" if item.offset is not None else "")
        console.print(Text(f"  skipped {where} [{item.stage}]: {item.reason}"))


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt",
              type=click.Choice(["table", "json", "jsonl", "acled-csv", "geojson"]),
              default="table", show_default=True,
              help="table for reading; json or jsonl for programs; acled-csv and geojson "
                   "for the events.")
@click.option("--outlet", help="Outlet name for inputs that do not carry one.")
@click.option("--max-bytes", type=int, default=AcquireConfig.max_bytes, show_default=True,
              help="Largest single page read; dumps and archives are streamed.")
@click.option("--rejects", type=click.Path(dir_okay=False, path_type=Path),
              help="Write skipped inputs, with reason and first bytes, as JSON Lines here.")
@click.option("--tokens", is_flag=True, help="Include tokens with clitic analysis in JSON.")
@click.option("--mentions/--no-mentions", default=True, show_default=True,
              help="Find actors, groups, places, dates and quantities.")
@click.option("--places/--no-places", default=True, show_default=True,
              help="Resolve places against the gazetteer (loading it takes a few seconds).")
def extract(sources: tuple[str, ...], fmt: str, outlet: str | None, max_bytes: int,
            rejects: Path | None, tokens: bool, mentions: bool, places: bool) -> None:
    """Read SOURCES and print each article's provenance, structure and removed chrome.

    SOURCES are files (text, HTML, JSON Lines, RSS/Atom, WARC/ARC), folders,
    glob patterns, or - for standard input. Inputs that cannot be processed
    are reported with their reason and the run goes on; the exit code is 1
    only when nothing could be processed.
    """
    config = AcquireConfig(max_bytes=max_bytes, outlet=outlet)
    finder = MentionFinder.load(with_places=places) if mentions else None
    extractor = EventExtractor(EventLexicon.load(), finder.actors) if finder else None
    pipeline = Pipeline.default(mentions=finder, events=extractor, tokens=tokens)
    out = Console(soft_wrap=fmt != "table")
    err = Console(stderr=True)
    done = 0
    rejected: list[Rejected] = []
    collected: list[dict[str, Any]] = []
    collected_docs: list[Doc] = []
    if fmt in ("acled-csv", "geojson") and not mentions:
        raise click.UsageError(f"--format {fmt} needs the events, so it cannot be used with "
                               "--no-mentions")
    reject_file: IO[str] | None = rejects.open("w", encoding="utf-8") if rejects else None
    try:
        for item in pipeline.run(read_sources(sources, config)):
            if isinstance(item, Rejected):
                rejected.append(item)
                if reject_file:
                    reject_file.write(json.dumps(rejected_to_dict(item), ensure_ascii=False) + "\n")
                if fmt == "jsonl":
                    sys.stdout.write(json.dumps(rejected_to_dict(item), ensure_ascii=False) + "\n")
                continue
            done += 1
            if fmt in ("acled-csv", "geojson"):
                collected_docs.append(item)
            elif fmt == "table":
                _render_doc(out, item)
            elif fmt == "jsonl":
                sys.stdout.write(json.dumps(doc_to_dict(item, tokens=tokens),
                                            ensure_ascii=False) + "\n")
            else:
                collected.append(doc_to_dict(item, tokens=tokens))
    finally:
        if reject_file:
            reject_file.close()
    if fmt == "acled-csv":
        sys.stdout.write(acled_csv(collected_docs))
    elif fmt == "geojson":
        sys.stdout.write(json.dumps(geojson(collected_docs), ensure_ascii=False, indent=2)
                         + "\n")
    if fmt == "json":
        payload = {
            "documents": collected,
            "rejected": [rejected_to_dict(r) for r in rejected],
            "summary": {"processed": done, "skipped": len(rejected)},
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    _summary(err, done, rejected)
    if done == 0:
        raise SystemExit(1)


@main.command()
@click.argument("gold", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all",
              show_default=True, help="Which part of the annotated set to score.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--show-errors", type=int, default=10, show_default=True,
              help="How many misses and false alarms to list.")
def evaluate(gold: tuple[Path, ...], split: str, fmt: str, show_errors: int) -> None:
    """Score event extraction against annotated articles (GOLD JSON Lines files).

    Prints precision, recall and F1 of events per event type and overall,
    field accuracy over matched events, relevance accuracy, tolls, and the
    misses and false alarms with their evidence. The format of GOLD is in
    docs/gold-format.md.
    """
    from rasd.evaluate.events import evaluate_articles, load_gold

    articles = [a for a in load_gold(gold) if split == "all" or a.split == split]
    if not articles:
        raise click.UsageError(f"no gold articles in split {split!r}")
    finder = MentionFinder.load()
    pipeline = Pipeline.default(mentions=finder,
                                events=EventExtractor(EventLexicon.load(), finder.actors))
    score = evaluate_articles(articles, pipeline)
    figures = score.figures()
    if fmt == "json":
        figures["misses"] = score.misses
        figures["false_alarms"] = score.false_alarms
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    table = Table(title=f"events, {figures['articles']} articles ({split})", header_style="bold")
    for column in ("event type", "gold", "found", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "event type" else "left")
    for name, f in [*figures["by_type"].items(), ("all", figures["events"])]:
        table.add_row(name, str(f["gold"]), str(f["found"]), f"{f['precision']:.3f}",
                      f"{f['recall']:.3f}", f"{f['f1']:.3f}")
    console.print(table)
    fields = Table(title=f"field accuracy over {figures['matched_events']} matched events",
                   header_style="bold")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    for name, value in figures["fields"].items():
        fields.add_row(name, f"{value:.3f}")
    console.print(fields)
    tolls = figures["tolls"]
    console.print(f"relevance accuracy {figures['relevance_accuracy']:.3f}; tolls: "
                  f"{tolls['matched']} of {tolls['gold']} found ({tolls['found']} reported)")
    for label, items in (("missed", score.misses), ("false alarm", score.false_alarms)):
        for item in items[:show_errors]:
            console.print(Text(f"{label}: [{item['article']}] {item['sub_event_type']}: "
                               f"{(item['evidence'] or '')[:120]}"))


F = TypeVar("F", bound=Callable[..., Any])

_EVENT_FILTERS = [
    click.option("--country", help="Events in this country (ISO code)."),
    click.option("--event-type", help="Events of this ACLED type."),
    click.option("--sub-event-type", help="Events of this ACLED sub-type."),
    click.option("--actor", help="Events with this actor id on either side."),
    click.option("--since", help="Events on or after this date (YYYY-MM-DD)."),
    click.option("--until", help="Events on or before this date (YYYY-MM-DD)."),
    click.option("--modality", help="reported, claimed, denied, planned, negated or background."),
    click.option("--outlet", help="Articles from this outlet."),
    click.option("--min-fatalities", type=int, help="Events with at least this many killed."),
    click.option("--max-fatalities", type=int, help="Events with at most this many killed."),
    click.option("--governorate", help="Events in this governorate (its English name, e.g. "
                 "'Idlib Governorate')."),
    click.option("--near", help="LAT,LON,KM: only events within KM of the point."),
]


def _near(near: str | None) -> tuple[float, float, float] | None:
    if not near:
        return None
    try:
        lat, lon, km = (float(v) for v in near.split(","))
    except ValueError as exc:
        raise click.BadParameter("expected LAT,LON,KM, e.g. 35.93,36.63,25",
                                 param_hint="--near") from exc
    return (lat, lon, km)


def event_filters(command: F) -> F:
    """The filters that search and export share, as one set of options."""
    for option in reversed(_EVENT_FILTERS):
        command = option(command)
    return command


def _open_existing(db: str) -> Any:
    """The database of a reading command: a missing file is an error, not a new one."""
    from rasd.store import Store

    try:
        return Store.open(db, must_exist=True)
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc


def _full_pipeline(places: bool = True) -> Pipeline:
    finder = MentionFinder.load(with_places=places)
    return Pipeline.default(mentions=finder,
                            events=EventExtractor(EventLexicon.load(), finder.actors),
                            tokens=False)


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
@click.option("--outlet", help="Outlet name for inputs that do not carry one.")
@click.option("--max-bytes", type=int, default=AcquireConfig.max_bytes, show_default=True,
              help="Largest single page read; dumps and archives are streamed.")
@click.option("--follow", "feeds", multiple=True, metavar="FEED_URL",
              help="Poll this RSS/Atom feed (repeatable); new entries are ingested.")
@click.option("--interval", type=float, default=300.0, show_default=True,
              help="Seconds between polls of --follow feeds.")
@click.option("--polls", type=int, default=0, show_default=True,
              help="Stop after this many polls (0: poll until interrupted).")
def ingest(sources: tuple[str, ...], db: str, outlet: str | None, max_bytes: int,
           feeds: tuple[str, ...], interval: float, polls: int) -> None:
    """Extract SOURCES and store articles, mentions, events and tolls in a database.

    Ingest is idempotent: an article already stored (same normalized main
    text) is skipped and reported as a duplicate; a changed version of a
    stored URL is kept as a new revision. Inputs that cannot be processed go
    to the quarantine table with their reason and first bytes.
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from rasd.acquire.fetch import fetch_feed
    from rasd.store import Store

    if not sources and not feeds:
        raise click.UsageError("give SOURCES to read, or --follow FEED_URL to poll")
    store = Store.open(db)
    pipeline = _full_pipeline()
    config = AcquireConfig(max_bytes=max_bytes, outlet=outlet)
    counts: Counter[str] = Counter()
    err = Console(stderr=True)

    def store_all(items: Iterable[Item]) -> None:
        with Progress(TextColumn("{task.description}"), BarColumn(),
                      TextColumn("{task.completed}"), TextColumn("articles"),
                      TimeElapsedColumn(), console=err, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)
            for item in pipeline.run(items):
                status = store.keep(item)
                counts[status] += 1
                if status == "quarantined":
                    label = item.label if isinstance(item, Rejected) else item.document.label
                    err.print(Text(f"quarantined {label}"
                                   + (f" [{item.stage}]: {item.reason}"
                                      if isinstance(item, Rejected) else " [store]")))
                progress.update(task, advance=1)

    if sources:
        store_all(read_sources(sources, config))
    poll = 0
    while feeds and (polls == 0 or poll < polls):
        if poll:
            time.sleep(interval)
        poll += 1
        for url in feeds:
            store_all(fetch_feed(url, config))
        err.print(f"poll {poll}: {counts['added']} added so far")
    counts["joined incidents"] = store.cluster()
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()) if n) or "nothing read"
    err.print(f"[bold]{summary}[/bold] → {db}")
    if not (counts["added"] or counts["revision"] or counts["duplicate"]):
        raise SystemExit(1)


@main.command()
@click.argument("query")
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
@click.option("--limit", type=int, default=20, show_default=True)
@event_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def search(query: str, db: str, limit: int, country: str | None, event_type: str | None,
           actor: str | None, since: str | None, until: str | None,
           sub_event_type: str | None, governorate: str | None, modality: str | None,
           outlet: str | None, min_fatalities: int | None, max_fatalities: int | None,
           near: str | None, fmt: str) -> None:
    """Search stored articles in Arabic, ignoring spelling variants and clitics.

    A query for هجين finds بهجين; الرقة finds الرقه and رقة. Results are ranked
    and shown with a snippet of the original text.
    """
    point = _near(near)
    hits = _open_existing(db).search(
        query, limit=limit, country=country, event_type=event_type, actor=actor, since=since,
        until=until, sub_event_type=sub_event_type, admin1=governorate, modality=modality,
        outlet=outlet, min_fatalities=min_fatalities, max_fatalities=max_fatalities,
        near=point)
    if fmt == "json":
        sys.stdout.write(json.dumps([
            {"article_id": h.article_id, "title": h.title, "outlet": h.outlet,
             "published": h.published, "score": round(h.score, 3), "snippet": h.snippet.text,
             "highlight": h.snippet.highlight} for h in hits], ensure_ascii=False, indent=2)
            + "\n")
        return
    console = Console()
    table = Table(title=f"{len(hits)} results for {query}", header_style="bold", expand=True)
    for column in ("id", "title", "outlet", "snippet"):
        table.add_column(column)
    for h in hits:
        shown = Text(h.snippet.text)
        if h.snippet.highlight:
            shown.stylize("bold reverse", *h.snippet.highlight)
        table.add_row(str(h.article_id), Text(h.title or ""), Text(h.outlet or ""), shown)
    console.print(table)


@main.command()
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
@click.option("--format", "fmt",
              type=click.Choice(["acled-csv", "geojson", "jsonl", "parquet"]),
              default="acled-csv", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file instead of standard output (required for parquet).")
@event_filters
@click.option("--include-background", is_flag=True,
              help="Also export earlier events an article recalls as background.")
@click.option("--extracted-values", is_flag=True,
              help="Export events as extracted, ignoring reviewers' corrections and "
                   "rejections.")
def export(db: str, fmt: str, output: str | None, country: str | None,
           event_type: str | None, sub_event_type: str | None, actor: str | None,
           since: str | None, until: str | None, modality: str | None, outlet: str | None,
           min_fatalities: int | None, max_fatalities: int | None, governorate: str | None,
           near: str | None, include_background: bool, extracted_values: bool) -> None:
    """Export stored events: ACLED-style CSV, GeoJSON, JSON Lines or Parquet."""
    from rasd.export.events import record_row, rows_csv, rows_geojson, rows_parquet

    to_file = output not in (None, "-")
    if fmt == "parquet" and not to_file:
        # Checked before reading the store: binary bytes on a terminal help nobody.
        raise click.UsageError("Parquet is a binary format and is not written to standard "
                               "output; give --output FILE, e.g. --output events.parquet.")
    found = _open_existing(db).event_records(
        country=country, event_type=event_type, sub_event_type=sub_event_type, actor=actor,
        since=since, until=until, modality=modality, outlet=outlet,
        min_fatalities=min_fatalities, max_fatalities=max_fatalities, admin1=governorate,
        near=_near(near), include_background=include_background,
        reviewed_values=not extracted_values)
    if fmt == "jsonl":
        text = "".join(json.dumps({"id": item["id"], **item["record"],
                                   "article": item["article"]}, ensure_ascii=False) + "\n"
                       for item in found)
    else:
        rows = [record_row(item["record"], item["article"], item["id"]) for item in found]
        if fmt == "parquet":
            count = rows_parquet(rows, str(output))
            click.echo(f"wrote {count} event{'' if count == 1 else 's'} to {output}", err=True)
            return
        text = rows_csv(rows) if fmt == "acled-csv" else json.dumps(
            rows_geojson(rows), ensure_ascii=False, indent=2) + "\n"
    if to_file:
        # newline="" keeps the CSV's own line ends, as on standard output.
        with open(str(output), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


@main.command()
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
@click.option("--min-reports", type=int, default=1, show_default=True,
              help="Only incidents reported by at least this many articles.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def incidents(db: str, min_reports: int, fmt: str) -> None:
    """Incidents across articles: each with every report and its figures side by side."""

    store = _open_existing(db)
    store.cluster()
    found = store.incidents(min_reports)
    if fmt == "json":
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    console = Console()
    for inc in found:
        console.print(Text(f"#{inc['id']} {inc['event_date']} {inc['sub_event_type']} at "
                           f"{inc['location_name']}: {inc['reports']} report(s); fatalities "
                           f"{inc['fatalities']} ({inc['fatalities_rule']})"))
        for r in inc["reports_detail"]:
            console.print(Text(f"    {r['outlet'] or '?'}: {r['fatalities']} "
                               f"({r['fatalities_qualifier']}, {r['modality']}) — {r['title']}"))


@main.group()
def quarantine() -> None:
    """Inputs that could not be processed, kept with their reason."""


@quarantine.command("list")
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
def quarantine_list(db: str) -> None:
    """List quarantined inputs."""

    table = Table(header_style="bold", expand=True)
    for column in ("id", "source", "record", "stage", "reason"):
        table.add_column(column)
    for row in _open_existing(db).quarantined():
        table.add_row(str(row["id"]), Text(row["source"]), str(row["record"] or ""),
                      row["stage"], Text(row["reason"]))
    Console().print(table)


@quarantine.command("retry")
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
def quarantine_retry(db: str) -> None:
    """Read quarantined inputs again (after a fix to them or to rasd) and store what now works."""
    from rasd.acquire import read_source

    store = _open_existing(db)
    pipeline = _full_pipeline()
    fixed = still = 0
    for row in store.quarantined(unresolved=True):
        items = list(pipeline.run(read_source(row["source"], AcquireConfig())))
        wanted = [i for i in items if not isinstance(i, Rejected) and (
            row["record"] is None or i.document.provenance.record == row["record"])]
        if wanted:
            result = store.ingest(wanted[0])
            store.resolve_quarantined(row["id"], result.article_id)
            fixed += 1
            click.echo(f"{row['id']}: {row['source']} now {result.status}")
        else:
            still += 1
            reason = next((i.reason for i in items if isinstance(i, Rejected)), row["reason"])
            click.echo(f"{row['id']}: {row['source']} still fails: {reason}")
    store.cluster()
    click.echo(f"{fixed} stored, {still} still quarantined")


@main.command()
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
def reprocess(db: str) -> None:
    """Run extraction again on every stored article (after lexicons or rules changed).

    Each article's mentions, events and tolls are replaced in one transaction;
    the report says how many events were added, removed and kept.
    """

    store = _open_existing(db)
    pipeline = _full_pipeline()
    totals: Counter[str] = Counter()
    for article_id in store.article_ids():
        try:
            item = pipeline(store.stored_document(article_id))
        except RasdError as exc:
            totals["failed"] += 1
            click.echo(f"article {article_id}: not reprocessed: {exc}", err=True)
            continue
        changes = store.replace_extraction(article_id, item)
        totals.update(changes)
        if changes["added"] or changes["removed"]:
            click.echo(f"article {article_id}: +{changes['added']} -{changes['removed']} "
                       f"events ({changes['kept']} unchanged)")
    store.cluster()
    click.echo(f"{len(store.article_ids())} articles reprocessed: {totals['added']} events "
               f"added, {totals['removed']} removed, {totals['kept']} unchanged")


@quarantine.command("show")
@click.argument("item_id", type=int)
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
def quarantine_show(item_id: int, db: str) -> None:
    """Show one quarantined input with the first bytes of its content."""

    rows = _open_existing(db).quarantined(item_id)
    if not rows:
        raise click.UsageError(f"no quarantined input with id {item_id}")
    row = rows[0]
    for key in ("id", "source", "record", "offset", "stage", "reason", "created_at"):
        click.echo(f"{key}: {row[key]}")
    click.echo("sample:")
    click.echo(bytes(row["sample"]).decode("utf-8", errors="replace"))


@main.group()
def gazetteer() -> None:
    """Manage the place gazetteer (GeoNames)."""


@gazetteer.command("import")
@click.argument("dumps", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Where imported tables go; default $RASD_GAZETTEER_DIR or "
                   "~/.local/share/rasd/gazetteer.")
def gazetteer_import(dumps: tuple[Path, ...], directory: Path | None) -> None:
    """Add villages, districts and landmarks from GeoNames country dumps (e.g. SY.txt).

    Download a country file from GeoNames' export/dump folder, unzip it and
    pass the .txt file. Places with an Arabic name are kept.
    """
    from rasd.errors import ConfigError
    from rasd.geo.gazetteer import default_import_dir, import_geonames

    target = directory or default_import_dir()
    failed = 0
    for dump in dumps:
        try:
            out, read, kept = import_geonames(dump, target)
        except (ConfigError, UnicodeDecodeError, OSError) as exc:
            click.echo(f"{dump}: not imported: {exc}", err=True)
            failed += 1
            continue
        click.echo(f"{dump}: {read:,} rows read, {kept:,} places with an Arabic name → {out}")
    if failed == len(dumps):
        raise SystemExit(1)


def _add_site_commands() -> None:
    from rasd.scale.commands import batch
    from rasd.web.commands import reviews, serve, users

    for command in (serve, users, reviews, batch):
        main.add_command(command)


_add_site_commands()

if __name__ == "__main__":
    main()
