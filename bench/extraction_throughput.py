"""Throughput of mentions and event extraction, and the gazetteer's load time and memory.

    python bench/extraction_throughput.py [--docs 1000] [--repeat 3] [--profile [N]]

Prints the time to load the lexicons and the gazetteer, articles per second
(one core) for the text stages alone, with mentions and with events, and
peak memory. Each configuration runs ``--repeat`` times over the same
articles and the best run is reported, since a shared machine's noise only
ever slows a run down. ``--profile`` then runs the whole extraction once
under cProfile and prints the N functions with the most time of their own.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article

from rasd.acquire import Document, Provenance, content_hash
from rasd.events.extract import EventExtractor
from rasd.events.lexicon import EventLexicon
from rasd.mentions import MentionFinder
from rasd.pipeline import Pipeline


def run(pipeline: Pipeline, docs: list[Document]) -> tuple[int, int]:
    mentions = events = 0
    for doc in docs:
        result = pipeline(doc)
        mentions += len(result.mentions or [])
        events += len(result.extraction.events) if result.extraction else 0
    return mentions, events


def profile(pipeline: Pipeline, docs: list[Document], top: int) -> None:
    """Where the time of the whole extraction goes, function by function."""
    profiler = cProfile.Profile()
    profiler.runcall(run, pipeline, docs)
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])  # type: ignore[attr-defined]
    print(f"\nprofile of the whole extraction ({total:.2f} s under cProfile, which "
          "slows small calls most), by time spent in the function itself:")
    print(f"{'own %':>6} {'own s':>7} {'cum s':>7} {'calls':>9}  function")
    for (path, line, name), (_, calls, own, cum, _) in rows[:top]:
        where = f"{Path(path).name}:{line}" if line else path
        print(f"{100 * own / total:6.1f} {own:7.3f} {cum:7.3f} {calls:9,}  {name} ({where})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each configuration; the best is reported")
    parser.add_argument("--profile", type=int, nargs="?", const=25, default=0, metavar="N",
                        help="profile the whole extraction and print the top N functions")
    args = parser.parse_args()
    rng = random.Random(11)
    docs = []
    for i in range(args.docs):
        headline, blocks = article(rng)
        text = "\n".join([headline, *(t for _, t in blocks)])
        docs.append(Document(text, "text", Provenance(f"gen/{i}", content_hash(text),
                                                      published="2024-03-07")))
    start = time.perf_counter()
    finder = MentionFinder.load()
    extractor = EventExtractor(EventLexicon.load(), finder.actors)
    full = Pipeline.default(mentions=finder, events=extractor, tokens=False)
    full(docs[0])  # the shared lexicon automaton is built on first use
    load = time.perf_counter() - start
    print(f"lexicons and gazetteer loaded, first article extracted, in {load:.2f} s "
          f"({len(finder.actors.actors)} actors, "
          f"{len(finder.places.gazetteer.places):,} places)")  # type: ignore[union-attr]
    chars = sum(len(d.content) for d in docs)
    print(f"{len(docs)} generated articles, {chars / len(docs):,.0f} characters on average; "
          f"best of {args.repeat} runs (median in brackets)")
    for label, pipeline in (
        ("text stages with tokens", Pipeline.default()),
        ("text stages, no tokens", Pipeline.default(tokens=False)),
        ("+ mentions", Pipeline.default(mentions=finder, tokens=False)),
        ("+ mentions + events", full),
    ):
        rates = []
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            mentions, events = run(pipeline, docs)
            rates.append(len(docs) / (time.perf_counter() - start))
        print(f"{label:<26} {max(rates):8.1f} articles/s per core  "
              f"({statistics.median(rates):.1f}; {mentions:,} mentions, {events:,} events)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")
    if args.profile:
        profile(full, docs, args.profile)


if __name__ == "__main__":
    main()
