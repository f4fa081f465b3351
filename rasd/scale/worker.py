"""What runs on a Dask worker: the pipeline, loaded once per worker process, and
one partition at a time through it into the store or Parquet files."""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import Worker, WorkerPlugin, get_worker

from rasd.acquire import AcquireConfig, Rejected, read_sources
from rasd.pipeline import Doc, Pipeline
from rasd.scale.partition import Partition
from rasd.scale.prefilter import Prefilter

PLUGIN = "rasd"


@dataclass(frozen=True)
class Target:
    """Where results go: a database (SQLite path or PostgreSQL URL) or a Parquet folder."""

    db: str | None = None
    parquet: str | None = None
    outlet: str | None = None
    prefilter: bool = True


class Engine:
    """The loaded pipeline and the open store of one worker process."""

    def __init__(self, target: Target) -> None:
        from rasd.events.extract import EventExtractor
        from rasd.events.lexicon import EventLexicon
        from rasd.mentions import MentionFinder

        finder = MentionFinder.load(with_places=True)
        lexicon = EventLexicon.load()
        full = Pipeline.default(mentions=finder, events=EventExtractor(lexicon, finder.actors),
                                tokens=False)
        self.head, self.tail = full.split("main_text")
        self.prefilter = Prefilter(lexicon) if target.prefilter else None
        self.target = target
        self.store = None
        if target.db:
            from rasd.store import Store

            self.store = Store.open(target.db)

    def run(self, partition: Partition) -> dict[str, int]:
        counts: Counter[str] = Counter()
        skipped: list[dict[str, Any]] = []
        docs: list[Doc] = []
        rejects: list[Rejected] = []
        config = AcquireConfig(outlet=self.target.outlet)
        for item in self.head.run(read_sources(list(partition.files), config)):
            counts["read"] += 1
            if isinstance(item, Rejected):
                rejects.append(item)
                continue
            article = item.require_article()
            reason = (self.prefilter.reason(article.text, item.match_form().text)
                      if self.prefilter else None)
            if reason is not None:
                p = article.provenance
                skipped.append({"partition_id": partition.id, "source": p.source,
                                "record": p.record, "url": p.url,
                                "content_hash": p.content_hash, "reason": reason})
                counts["skipped: " + reason] += 1
                continue
            [done] = list(self.tail.run([item]))
            if isinstance(done, Rejected):
                rejects.append(done)
            else:
                docs.append(done)
        if self.store is not None:
            for doc in docs:
                counts[self.store.keep(doc)] += 1
            for reject in rejects:
                counts[self.store.keep(reject)] += 1
            self.store.batches.skip(skipped)
            self.store.batches.finish(partition.id, list(partition.files), dict(counts))
        else:
            counts.update(write_parquet(Path(str(self.target.parquet)), partition, docs,
                                        rejects, skipped))
        return dict(counts)


class RasdPlugin(WorkerPlugin):
    """Loads the lexicons, gazetteer and pipeline once per worker, not per article."""

    name = PLUGIN

    def __init__(self, target: Target) -> None:
        self.target = target
        self.engine: Engine | None = None

    def setup(self, worker: Worker) -> None:
        self.engine = Engine(self.target)


def run_partition(partition: Partition) -> dict[str, int]:
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, RasdPlugin) and plugin.engine is not None
    return plugin.engine.run(partition)


def cluster_country(db: str, country: str | None) -> int:
    """Incidents for one country, a week at a time (see Store.cluster)."""
    from rasd.store import Store

    store = Store.open(db)
    return store.cluster(country) if country is not None else store.cluster()


def write_parquet(folder: Path, partition: Partition, docs: list[Doc],
                  rejects: list[Rejected], skipped: list[dict[str, Any]]) -> dict[str, int]:
    """One file per partition and table, each written under a temporary name and
    renamed, and a done-marker last: a partition is either wholly there or not."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from rasd.export.events import event_row, rows_table
    from rasd.store.database import main_text_hash

    seen: set[str] = set()
    articles: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for doc in docs:
        article = doc.require_article()
        p = article.provenance
        # The store's key: one article saved twice, or with other page chrome, is one.
        key = main_text_hash(doc)
        if key in seen:
            continue
        seen.add(key)
        extraction = doc.extraction
        articles.append({"text_hash": key, "content_hash": p.content_hash, "source": p.source,
                         "record": p.record, "url": p.url, "outlet": p.outlet,
                         "published": p.published, "title": article.title,
                         "relevant": None if extraction is None else extraction.relevant,
                         "events": 0 if extraction is None else len(extraction.events)})
        for index, event in enumerate(extraction.events if extraction else [], start=1):
            events.append(event_row(doc, index, event) | {"text_hash": key})
    text, number = pa.string(), pa.int64()
    schemas = {
        "articles": pa.schema([("text_hash", text), ("content_hash", text), ("source", text),
                               ("record", number), ("url", text), ("outlet", text),
                               ("published", text), ("title", text), ("relevant", pa.bool_()),
                               ("events", number)]),
        "skipped": pa.schema([("partition_id", text), ("source", text), ("record", number),
                              ("url", text), ("content_hash", text), ("reason", text)]),
        "rejected": pa.schema([("source", text), ("record", number), ("stage", text),
                               ("reason", text)]),
    }
    tables = {
        "articles": pa.Table.from_pylist(articles, schema=schemas["articles"]),
        "events": rows_table(events, extra=["text_hash"]),
        "skipped": pa.Table.from_pylist(skipped, schema=schemas["skipped"]),
        "rejected": pa.Table.from_pylist(
            [{"source": r.source, "record": r.record, "stage": r.stage, "reason": r.reason}
             for r in rejects], schema=schemas["rejected"]),
    }
    for name, table in tables.items():
        target = folder / name / f"part-{partition.id[:16]}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        pq.write_table(table, partial)
        os.replace(partial, target)
    marker = folder / "_done" / f"{partition.id}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    counts = {"articles written": len(articles), "events written": len(events),
              "rejected": len(rejects)}
    marker.write_text(json.dumps({"files": list(partition.files), "counts": counts}))
    return counts
