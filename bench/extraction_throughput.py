"""Throughput of mentions and event extraction, and the gazetteer's load time and memory.

    python bench/mentions_throughput.py [--docs 1000]

Prints the time to load the lexicons and the gazetteer, articles per second
(one core) for the text stages alone and with mentions, and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
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
    load = time.perf_counter() - start
    print(f"lexicons and gazetteer loaded in {load:.2f} s "
          f"({len(finder.actors.actors)} actors, "
          f"{len(finder.places.gazetteer.places):,} places)")  # type: ignore[union-attr]
    extractor = EventExtractor(EventLexicon.load(), finder.actors)
    chars = sum(len(d.content) for d in docs)
    print(f"{len(docs)} generated articles, {chars / len(docs):,.0f} characters on average")
    for label, pipeline in (
        ("text stages with tokens", Pipeline.default()),
        ("text stages, no tokens", Pipeline.default(tokens=False)),
        ("+ mentions", Pipeline.default(mentions=finder, tokens=False)),
        ("+ mentions + events", Pipeline.default(mentions=finder, events=extractor,
                                                 tokens=False)),
    ):
        start = time.perf_counter()
        mentions = events = 0
        for doc in docs:
            result = pipeline(doc)
            mentions += len(result.mentions or [])
            events += len(result.extraction.events) if result.extraction else 0
        elapsed = time.perf_counter() - start
        print(f"{label:<26} {len(docs) / elapsed:8.1f} articles/s per core  "
              f"({mentions:,} mentions, {events:,} events)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
