"""Throughput of the mentions stage, and the gazetteer's load time and memory.

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
    for label, pipeline in (("text stages only", Pipeline.default()),
                            ("text stages + mentions", Pipeline.default(mentions=finder))):
        start = time.perf_counter()
        mentions = 0
        for doc in docs:
            mentions += len(pipeline(doc).mentions or [])
        elapsed = time.perf_counter() - start
        print(f"{label:<24} {len(docs) / elapsed:8.1f} articles/s  ({mentions:,} mentions)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
